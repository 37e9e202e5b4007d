//! Hostile and broken OBF files are refused with their reason, quickly, and change nothing; and
//! Hearme's own export comes back as the same boards (docs/obf.md).

use std::path::Path;
use std::time::Instant;

use serde_json::json;

use hearme::model::obf;
use hearme::model::symbols::SymbolLibrary;
use hearme::model::vocab::{Board, Vocabulary};

use crate::harness::hearme;
use crate::journal::scratch;
use crate::obf::{json_bytes, png, zip_of};

fn board(id: &str, buttons: serde_json::Value) -> Vec<u8> {
    json_bytes(
        &json!({ "format": "open-board-0.1", "id": id, "name": id, "buttons": buttons,
        "grid": { "rows": 1, "columns": 2, "order": [["a", "b"]] }, "images": [], "sounds": [] }),
    )
}

fn refused(name: &str, bytes: &[u8]) -> String {
    let dir = scratch(&format!("obf-hostile-{name}"));
    let file = dir.join(name);
    std::fs::write(&file, bytes).unwrap();
    let started = Instant::now();
    let outcome = obf::import_file(&file, &SymbolLibrary::built_in());
    assert!(
        started.elapsed().as_secs() < 10,
        "{name} took {:?}",
        started.elapsed()
    );
    match outcome {
        Ok(_) => panic!("{name} was imported"),
        Err(why) => {
            assert!(why.file.contains(name), "the error names the file: {why}");
            why.to_string()
        }
    }
}

fn one_button() -> serde_json::Value {
    json!([{ "id": "a", "label": "yes" }])
}

#[test]
fn entries_that_name_a_place_outside_the_package_are_refused() {
    for evil in [
        "../../evil.obf",
        "/etc/evil.png",
        "boards/..\\..\\evil.obf",
        "c:/evil.obf",
    ] {
        let bytes = zip_of(&[
            ("boards/1.obf", board("1", one_button())),
            (evil, vec![1, 2, 3]),
        ]);
        let why = refused("slip.obz", &bytes);
        assert!(why.contains("outside the package"), "{evil}: {why}");
    }
}

#[test]
fn a_package_that_unpacks_to_too_much_is_stopped_at_the_cap() {
    let zeros = vec![0u8; 201 * 1024 * 1024];
    let bytes = zip_of(&[
        ("boards/1.obf", board("1", one_button())),
        ("images/bomb.png", zeros),
    ]);
    assert!(bytes.len() < 2 * 1024 * 1024, "the bomb is small packed");
    let why = refused("bomb.obz", &bytes);
    assert!(why.contains("more than 200 MB"), "{why}");
}

#[test]
fn too_many_entries_duplicate_names_and_deep_json_are_refused() {
    let many: Vec<(String, Vec<u8>)> = (0..10_001)
        .map(|i| (format!("x/{i}"), Vec::new()))
        .collect();
    let entries: Vec<(&str, Vec<u8>)> = many.iter().map(|(n, b)| (n.as_str(), b.clone())).collect();
    assert!(refused("many.obz", &zip_of(&entries)).contains("10001 entries"));

    let twice = zip_of(&[
        ("boards/1.obf", board("1", one_button())),
        ("boards/./1.obf", board("1", one_button())),
    ]);
    assert!(refused("twice.obz", &twice).contains("twice"));

    let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    assert!(refused("deep.obf", deep.as_bytes()).contains("nests 100000 levels"));

    assert!(refused("broken.obf", b"{\"id\": 1, \"buttons\": [").contains("is not JSON (line 1"));
    assert!(refused("empty.obz", &zip_of(&[("readme.txt", b"hi".to_vec())])).contains("no board"));
}

#[test]
fn a_picture_bomb_is_not_decoded_and_the_cell_keeps_a_symbol() {
    let dir = scratch("obf-pixels");
    let home = json!({ "id": "1", "name": "Home", "grid": { "rows": 1, "columns": 1, "order": [["a"]] },
        "buttons": [{ "id": "a", "label": "dog", "image_id": "big" }],
        "images": [{ "id": "big", "width": 10, "height": 10, "content_type": "image/png", "path": "big.png" }],
        "sounds": [] });
    let bytes = zip_of(&[
        ("boards/1.obf", json_bytes(&home)),
        ("big.png", png(4000, 4000)),
    ]);
    let file = dir.join("pixels.obz");
    std::fs::write(&file, bytes).unwrap();
    let imported = obf::import_file(&file, &SymbolLibrary::built_in()).unwrap();
    assert!(imported.photos.is_empty());
    assert_eq!(
        imported.boards[0].cells[0].symbol, "dog",
        "matched by its label"
    );
    assert!(
        imported
            .report
            .notes
            .iter()
            .any(|n| n.contains("16000000 pixels")),
        "{:?}",
        imported.report.notes
    );
}

#[test]
fn cycles_a_missing_root_and_duplicate_ids_are_survived_and_reported() {
    let dir = scratch("obf-survive");
    let a = json_bytes(
        &json!({ "id": "a", "name": "A", "grid": { "rows": 1, "columns": 2, "order": [["1", "2"]] },
        "buttons": [{ "id": "1", "label": "to b", "load_board": { "id": "b" } },
                    { "id": "2", "label": "to me", "load_board": { "id": "a" } },
                    { "id": "2", "label": "again" }] }),
    );
    let b = json_bytes(
        &json!({ "id": "b", "name": "B", "grid": { "rows": 1, "columns": 1, "order": [["1"]] },
        "buttons": [{ "id": "1", "label": "to a", "load_board": { "path": "a.obf" } }] }),
    );
    let b_again = json_bytes(
        &json!({ "id": "b", "name": "B too", "buttons": [{ "id": "1", "label": "x" }] }),
    );
    let manifest =
        json_bytes(&json!({ "root": "nowhere.obf", "paths": { "boards": { "z": "z.obf" } } }));
    let bytes = zip_of(&[
        ("manifest.json", manifest),
        ("a.obf", a),
        ("b.obf", b),
        ("c.obf", b_again),
    ]);
    let file = dir.join("survive.obz");
    std::fs::write(&file, bytes).unwrap();
    let imported = obf::import_file(&file, &SymbolLibrary::built_in()).unwrap();
    let ids: Vec<&str> = imported.boards.iter().map(|b| b.id.as_str()).collect();
    assert_eq!(ids, ["home", "b", "b-2"]);
    let home = &imported.boards[0];
    assert_eq!(home.cell("1").unwrap().opens.as_deref(), Some("b"));
    assert_eq!(
        home.cell("2").unwrap().opens,
        None,
        "a link to itself is a word"
    );
    assert_eq!(
        imported.boards[1].cells[0].opens.as_deref(),
        Some("home"),
        "the cycle back home"
    );
    let notes = imported.report.notes.join("\n");
    for expected in [
        "root \"nowhere.obf\" is not in the package",
        "board id \"b\" is used by another",
        "button id \"2\" is used twice",
    ] {
        assert!(notes.contains(expected), "{expected:?} in:\n{notes}");
    }
}

fn sorted(board: &Board) -> Board {
    let mut board = board.clone();
    board.cells.sort_by(|a, b| a.id.cmp(&b.id));
    board
}

#[test]
fn an_export_comes_back_as_the_same_boards_photos_and_recordings() {
    let dir = scratch("obf-round-trip");
    let data = dir.join("data");
    let run = |args: &[&str]| {
        let out = hearme()
            .env("HEARME_DATA", &data)
            .args(args)
            .output()
            .unwrap();
        (
            out.status.success(),
            String::from_utf8_lossy(&out.stdout).into_owned()
                + &String::from_utf8_lossy(&out.stderr),
        )
    };
    assert!(run(&["profile", "add", "AB"]).0);
    // A cell with a translation, a hidden one, a photo and a recording.
    let vocab = data.join("profiles/AB/vocab");
    let symbols = SymbolLibrary::built_in();
    let mut before = Vocabulary::load_dir(&vocab, &symbols).unwrap();
    let home = before.boards.get_mut("home").unwrap();
    home.cells[1]
        .translations
        .insert("pl".into(), "chcę".into());
    home.cells[2].hidden = true;
    let (photo_cell, sound_cell) = (home.cells[3].id.clone(), home.cells[4].id.clone());
    let text = ron::ser::to_string_pretty(&*home, Default::default()).unwrap();
    std::fs::write(vocab.join("home.ron"), text).unwrap();
    let photo = dir.join("photo.png");
    std::fs::write(&photo, png(64, 64)).unwrap();
    assert!(
        run(&[
            "add-photo",
            "--profile",
            "AB",
            "--board",
            "home",
            "--cell",
            &photo_cell,
            photo.to_str().unwrap()
        ])
        .0
    );
    let clip = dir.join("say.wav");
    std::fs::write(
        &clip,
        hearme::model::voice::wav_bytes(&crate::voice::sine(0.8, 16_000, 0.5)).unwrap(),
    )
    .unwrap();
    assert!(
        run(&[
            "import-voice",
            "--profile",
            "AB",
            "--board",
            "home",
            "--cell",
            &sound_cell,
            clip.to_str().unwrap()
        ])
        .0
    );

    let obz = dir.join("AB.obz");
    let (ok, said) = run(&[
        "export-board",
        "--profile",
        "AB",
        "--out",
        obz.to_str().unwrap(),
    ]);
    assert!(ok, "{said}");
    let (ok, said) = run(&["import", obz.to_str().unwrap(), "--profile", "CD"]);
    assert!(ok, "{said}");
    assert!(said.contains("Nothing was dropped or changed."), "{said}");
    let after = Vocabulary::load_dir(&data.join("profiles/CD/vocab"), &symbols).unwrap();
    assert_eq!(after.boards.len(), before.boards.len());
    for (id, board) in &before.boards {
        assert_eq!(sorted(&after.boards[id]), sorted(board), "board {id}");
    }
    let cd = data.join("profiles/CD");
    let photo_back =
        image::open(hearme::model::photo::photo_path(&cd, "home", &photo_cell)).unwrap();
    assert_eq!(
        photo_back.to_rgba8().get_pixel(10, 10).0,
        [200, 30, 30, 255]
    );
    assert!(hearme::model::voice::recording_path(&cd, "home", &sound_cell).is_file());

    let one = dir.join("home.obf");
    let (ok, said) = run(&[
        "export-board",
        "--profile",
        "AB",
        "--board",
        "home",
        "--out",
        one.to_str().unwrap(),
    ]);
    assert!(ok, "{said}");
    let (ok, _) = run(&["import", one.to_str().unwrap(), "--profile", "EF"]);
    assert!(ok);
    let single = Vocabulary::load_dir(&data.join("profiles/EF/vocab"), &symbols).unwrap();
    let mut home = before.boards["home"].clone();
    // Alone, home's folders open boards that are not in the file: they become words.
    for cell in &mut home.cells {
        cell.opens = None;
    }
    assert_eq!(sorted(&single.boards["home"]), sorted(&home));
}

#[test]
fn a_refused_import_leaves_the_profile_as_it_was_and_exits_1() {
    let dir = scratch("obf-refused");
    let data = dir.join("data");
    let ok = hearme()
        .env("HEARME_DATA", &data)
        .args(["profile", "add", "AB"])
        .status()
        .unwrap();
    assert!(ok.success());
    let profile = data.join("profiles/AB");
    let listing = |p: &Path| {
        let mut all: Vec<String> = walk(p);
        all.sort();
        all
    };
    let before = listing(&profile);
    let bad = dir.join("slip.obz");
    std::fs::write(
        &bad,
        zip_of(&[
            ("boards/1.obf", board("1", one_button())),
            ("../x", vec![1]),
        ]),
    )
    .unwrap();
    let out = hearme()
        .env("HEARME_DATA", &data)
        .args(["import", bad.to_str().unwrap(), "--profile", "AB"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("outside the package"));
    assert_eq!(listing(&profile), before);
}

fn walk(dir: &Path) -> Vec<String> {
    let mut all = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        all.push(path.display().to_string());
        if path.is_dir() {
            all.extend(walk(&path));
        }
    }
    all
}

#[test]
fn a_board_of_a_million_buttons_is_cut_to_its_grid_and_the_report_stays_short() {
    let dir = scratch("obf-million");
    let buttons: Vec<serde_json::Value> = (0..300_000)
        .map(|i| json!({ "id": i, "label": "x" }))
        .collect();
    let bytes = json_bytes(&json!({ "id": "1", "buttons": buttons }));
    let file = dir.join("huge.obf");
    std::fs::write(&file, bytes).unwrap();
    let started = Instant::now();
    let imported = obf::import_file(&file, &SymbolLibrary::built_in()).unwrap();
    assert!(started.elapsed().as_secs() < 10);
    assert_eq!(imported.boards[0].cells.len(), 400, "a 20 × 20 grid");
    let lines = imported.report.lines();
    assert!(lines.len() <= obf::MAX_NOTES + 3, "{}", lines.len());
    assert!(lines.last().unwrap().contains("more of the same kinds"));
}

#[test]
fn a_foreign_file_imported_then_exported_comes_back_the_same() {
    let dir = scratch("obf-foreign-again");
    let symbols = SymbolLibrary::built_in();
    let file = dir.join("foreign.obz");
    std::fs::write(&file, crate::obf::foreign_package()).unwrap();
    let first = obf::import_file(&file, &symbols).unwrap();
    let profile = dir.join("AB");
    obf::install::install(&first, &profile, &symbols).unwrap();
    let vocabulary = Vocabulary::load_dir(&profile.join("vocab"), &symbols).unwrap();
    let symbol_dir = hearme::asset_root().join("symbols");
    let sources = obf::export::Sources {
        symbols: &symbols,
        symbol_dir: &symbol_dir,
        media_root: Some(&profile),
    };
    let again = dir.join("again.obz");
    std::fs::write(&again, obf::export::obz(&vocabulary, &sources).unwrap()).unwrap();
    let second = obf::import_file(&again, &symbols).unwrap();
    assert_eq!(
        second.report.notes,
        Vec::<String>::new(),
        "nothing more is lost the second time"
    );
    for board in &first.boards {
        let back = second.boards.iter().find(|b| b.id == board.id).unwrap();
        assert_eq!(sorted(back), sorted(board));
    }
    assert_eq!(second.photos.len(), first.photos.len());
    assert_eq!(second.recordings.len(), first.recordings.len());
    let licensed = second.photos.iter().find(|p| p.cell == "10").unwrap();
    assert!(
        licensed.licence.as_deref().unwrap().contains("A. Artist"),
        "the licence went out and back"
    );
}

#[test]
fn an_empty_grid_with_absolute_buttons_and_a_picture_on_many_buttons_are_survived() {
    let dir = scratch("obf-review-fixes");
    let empty = json_bytes(&json!({ "id": "1", "grid": { "columns": 3, "order": [] },
        "buttons": [{ "id": "a", "label": "x", "top": 0, "left": 0, "width": 0.5, "height": 0.5 }] }));
    let file = dir.join("empty.obf");
    std::fs::write(&file, empty).unwrap();
    let imported = obf::import_file(&file, &SymbolLibrary::built_in()).unwrap();
    assert_eq!(
        imported.boards[0].cells.len(),
        1,
        "no panic on a 0-row grid"
    );

    let buttons: Vec<serde_json::Value> = (0..40)
        .map(|i| json!({ "id": i, "label": "dog", "image_id": "shared" }))
        .collect();
    let board = json_bytes(&json!({ "id": "1", "buttons": buttons,
        "images": [{ "id": "shared", "width": 8, "height": 8, "content_type": "image/png", "path": "p.png" }] }));
    let file = dir.join("shared.obz");
    std::fs::write(&file, zip_of(&[("b.obf", board), ("p.png", png(8, 8))])).unwrap();
    let imported = obf::import_file(&file, &SymbolLibrary::built_in()).unwrap();
    assert_eq!(imported.photos.len(), 40);
    assert!(
        imported
            .photos
            .windows(2)
            .all(|w| std::sync::Arc::ptr_eq(&w[0].png, &w[1].png)),
        "one picture prepared and held once, however many buttons show it"
    );
}

#[test]
fn a_swap_cut_short_is_put_back_and_a_leftover_old_copy_does_not_block_the_next_import() {
    let dir = scratch("obf-recover");
    let profile = dir.join("AB");
    let kept = profile.join(obf::install::PREVIOUS).join("vocab");
    std::fs::create_dir_all(&kept).unwrap();
    std::fs::write(kept.join("home.ron"), "the child's boards").unwrap();
    std::fs::create_dir_all(
        profile
            .join(format!("{}.old", obf::install::PREVIOUS))
            .join("x"),
    )
    .unwrap();
    // Power was lost after vocab/ moved out and before the new one moved in.
    obf::install::recover(&profile);
    assert_eq!(
        std::fs::read_to_string(profile.join("vocab/home.ron")).unwrap(),
        "the child's boards"
    );
    let file = dir.join("one.obf");
    std::fs::write(&file, board("1", one_button())).unwrap();
    let symbols = SymbolLibrary::built_in();
    let imported = obf::import_file(&file, &symbols).unwrap();
    let previous = obf::install::install(&imported, &profile, &symbols).expect("not blocked");
    assert_eq!(
        std::fs::read_to_string(previous.join("vocab/home.ron")).unwrap(),
        "the child's boards"
    );
}
