//! Open Board Format in: a foreign package with the format's usual gotchas imports, and the report
//! says what was dropped or changed; hostile packages are refused with their reason and change
//! nothing (docs/obf.md).

use std::io::{Cursor, Write};
use std::path::{Path, PathBuf};

use base64::Engine;
use serde_json::{Value, json};

use hearme::model::obf::{self, install::install};
use hearme::model::symbols::SymbolLibrary;
use hearme::model::vocab::{Vocabulary, WordClass};

use crate::journal::scratch;
use crate::voice::sine;

pub(crate) fn zip_of(entries: &[(&str, Vec<u8>)]) -> Vec<u8> {
    let mut writer = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for (name, bytes) in entries {
        writer.start_file(*name, options).unwrap();
        writer.write_all(bytes).unwrap();
    }
    writer.finish().unwrap().into_inner()
}

pub(crate) fn json_bytes(value: &Value) -> Vec<u8> {
    serde_json::to_vec(value).unwrap()
}

pub(crate) fn png(width: u32, height: u32) -> Vec<u8> {
    let picture = image::RgbaImage::from_pixel(width, height, image::Rgba([200, 30, 30, 255]));
    let mut bytes = Vec::new();
    picture
        .write_to(&mut Cursor::new(&mut bytes), image::ImageFormat::Png)
        .unwrap();
    bytes
}

fn wav() -> Vec<u8> {
    hearme::model::voice::wav_bytes(&sine(0.8, 16_000, 0.5)).unwrap()
}

fn file_with(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

fn data_uri(kind: &str, bytes: &[u8]) -> String {
    let text = base64::engine::general_purpose::STANDARD_NO_PAD.encode(bytes);
    format!("data:{kind};base64,{text}")
}

/// A package as Cboard, CoughDrop and AsTeRICS write them, with every gotcha of the notes.
pub(crate) fn foreign_package() -> Vec<u8> {
    let home = json!({
        "id": 1, "name": "Home",
        "grid": { "rows": 2, "columns": 3, "order": [[10, 11, 12], [13, null, 14]] },
        "buttons": [
            { "id": 10, "label": "I", "background_color": "rgb( 255, 230,  115) ", "image_id": "img-1",
              "sound_id": "snd-1" },
            { "id": 11, "label": "want", "vocalization": "I want", "background_color": "#b3e89e",
              "image_id": "img-2" },
            { "id": 12, "label": "food", "load_board": { "path": "boards/2.obf" }, "image_id": "" },
            { "id": 13, "label": "clear", "action": ":clear", "background_color": "#444",
              "image_id": "img-svg" },
            { "id": 14, "label": "secret", "hidden": true, "image_id": "img-gone", "sound_id": "snd-2" },
            { "id": 15, "label": "left out of the grid" }
        ],
        "images": [
            { "id": "img-1", "width": 20, "height": 20, "content_type": "image/png",
              "data": data_uri("image/png", &png(20, 20)),
              "license": { "type": "CC-By", "Copyright_notice_url": "https://example.org/l", "author_name": "A. Artist" } },
            { "id": "img-2", "width": 30, "height": 30, "content_type": "image/png", "path": "images/2.png" },
            { "id": "img-svg", "width": 30, "height": 30, "content_type": "image/svg",
              "data": "data:image/svg+xml,%3Csvg%3E%3C/svg%3E" }
        ],
        "sounds": [
            { "id": "snd-1", "duration": 1, "content_type": "audio/wav", "path": "sounds/s.wav" },
            { "id": "snd-2", "duration": 1, "content_type": "audio/wav", "path": "sounds/s.wav" }
        ],
        "strings": { "pl": { "want": "chcę" } }
    });
    // No grid at all, absolute places, a link back home by id (a cycle), a link out of the file.
    let food = json!({
        "format": "open-board-0.1", "id": "2", "name": "Food",
        "buttons": [
            { "id": "a", "label": "apple", "top": 0.0, "left": 0.0, "width": 0.5, "height": 0.5 },
            { "id": "b", "label": "juice", "top": 0.0, "left": 0.5, "width": 0.5, "height": 0.5,
              "background_color": "rgba(255,200,138,0.8)" },
            { "id": "c", "label": "home", "top": 0.5, "left": 0.0, "width": 0.5, "height": 0.5,
              "ext_load_board": { "id": "1" } },
            { "id": "d", "label": "more", "top": 0.5, "left": 0.5, "width": 0.5, "height": 0.5,
              "load_board": { "url": "https://example.org/boards/9" }, "actions": ["+s"] }
        ],
        "images": [], "sounds": []
    });
    let manifest = json!({
        "format": "open-board-0.1", "root": "boards/1.obf",
        "paths": { "boards": { "1": "boards/1.obf", "2": "boards/2.obf" } }
    });
    zip_of(&[
        ("manifest.json", json_bytes(&manifest)),
        ("boards/1.obf", json_bytes(&home)),
        ("boards/2.obf", json_bytes(&food)),
        ("images/2.png", png(30, 30)),
        ("sounds/s.wav", wav()),
    ])
}

#[test]
fn a_foreign_package_with_the_formats_gotchas_imports_and_the_report_names_each_change() {
    let dir = scratch("obf-foreign");
    let file = file_with(&dir, "boards.obz", &foreign_package());
    let symbols = SymbolLibrary::built_in();
    let imported = obf::import_file(&file, &symbols).expect("the package imports");
    let home = &imported.boards[0];
    assert_eq!((home.id.as_str(), home.rows, home.columns), ("home", 2, 3));
    let cell = |board: &hearme::model::vocab::Board, id: &str| board.cell(id).unwrap().clone();
    let i = cell(home, "10");
    assert_eq!(
        (i.row, i.column, i.class),
        (0, 0, WordClass::People),
        "rgb() with stray spaces"
    );
    let want = cell(home, "11");
    assert_eq!(want.class, WordClass::Verb, "hex colour");
    assert_eq!(want.says.as_deref(), Some("I want"));
    assert_eq!(
        want.translations.get("pl").map(String::as_str),
        Some("chcę")
    );
    assert_eq!(
        cell(home, "12").opens.as_deref(),
        Some("2"),
        "load_board by path"
    );
    assert!(cell(home, "14").hidden);
    let left_out = cell(home, "15");
    assert!(
        left_out.hidden && (left_out.row, left_out.column) == (1, 1),
        "kept hidden in the free place"
    );

    let food = imported
        .boards
        .iter()
        .find(|b| b.id == "2")
        .expect("the food board");
    assert_eq!(
        (food.rows, food.columns),
        (2, 2),
        "absolute layout mapped to a grid"
    );
    let juice = cell(food, "b");
    assert_eq!(
        (juice.row, juice.column, juice.class),
        (0, 1, WordClass::Noun)
    );
    assert_eq!(
        cell(food, "c").opens.as_deref(),
        Some("home"),
        "ext_load_board by id, a cycle"
    );
    assert_eq!(
        cell(food, "d").opens,
        None,
        "a link out of the file is a word"
    );

    assert_eq!(imported.photos.len(), 2, "the data URI and the path");
    let licensed = imported.photos.iter().find(|p| p.cell == "10").unwrap();
    assert!(
        licensed.licence.as_deref().unwrap().contains("A. Artist"),
        "the licence is kept"
    );
    assert_eq!(imported.recordings.len(), 2, "one sound file under two ids");
    let notes = imported.report.notes.join("\n");
    for expected in [
        "action :clear is not kept",
        "action +s is not kept",
        "SVG",
        "\"img-gone\" is missing",
        "\"15\" is not in its grid",
        "links to a board that is not in this file",
        "colour #444 is shown as the nearest",
    ] {
        assert!(notes.contains(expected), "{expected:?} in:\n{notes}");
    }
    assert_eq!(imported.report.boards, 2);
    assert_eq!(imported.report.cells, 10);
}

#[test]
fn an_import_is_installed_whole_and_what_it_replaced_is_kept() {
    let dir = scratch("obf-install");
    let profile = dir.join("AB");
    let old_vocab = profile.join("vocab");
    std::fs::create_dir_all(&old_vocab).unwrap();
    std::fs::write(old_vocab.join("home.ron"), "old").unwrap();
    let symbols = SymbolLibrary::built_in();
    let file = file_with(&dir, "boards.obz", &foreign_package());
    let imported = obf::import_file(&file, &symbols).unwrap();
    let previous = install(&imported, &profile, &symbols).unwrap();
    let now = Vocabulary::load_dir(&old_vocab, &symbols).expect("the new boards read");
    assert_eq!(now.boards.len(), 2);
    assert_eq!(
        std::fs::read_to_string(previous.join("vocab/home.ron")).unwrap(),
        "old"
    );
    let photo = hearme::model::photo::photo_path(&profile, "home", "10");
    assert!(photo.is_file() && obf::install::licence_path(&photo).is_file());
    assert!(hearme::model::voice::recording_path(&profile, "home", "10").is_file());
    assert!(
        !profile.join(obf::install::STAGING).exists(),
        "nothing staged is left"
    );
}

#[test]
fn a_transparent_picture_from_another_app_is_laid_on_white_not_black() {
    let clear = image::RgbaImage::from_pixel(8, 8, image::Rgba([0, 0, 0, 0]));
    let mut bytes = Vec::new();
    clear
        .write_to(&mut Cursor::new(&mut bytes), image::ImageFormat::Png)
        .unwrap();
    let prepared = hearme::model::photo::prepare("clear.png", &bytes).unwrap();
    assert_eq!(prepared.to_rgb8().get_pixel(4, 4).0, [255, 255, 255]);
}
