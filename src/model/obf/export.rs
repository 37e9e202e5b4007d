//! A vocabulary out as `.obz` (every board, picture and recording, with a manifest) or one board
//! as `.obf`, following the spec and its validator: string ids, `locale`, `grid` with `order`,
//! `rgb()` colours, images with width, height and licence, sounds with duration (docs/obf.md).

use std::io::{Cursor, Write};
use std::path::Path;

use serde_json::{Map, Value, json};

use super::super::files::{read_capped, safe_file_name};
use super::super::photo::photo_path;
use super::super::symbols::SymbolLibrary;
use super::super::theme::STANDARD;
use super::super::vocab::{Board, Vocabulary};
use super::super::voice::recording_path;
use super::colour::css;
use super::install::licence_path;

pub const FORMAT: &str = "open-board-0.1";

/// Where the files a vocabulary's cells point at are: the symbol PNGs, and the profile's media.
pub struct Sources<'a> {
    pub symbols: &'a SymbolLibrary,
    /// The folder holding `png/` of the symbols (`symbols/`).
    pub symbol_dir: &'a Path,
    /// The profile's folder holding `media/` (photos, recordings), if it has one.
    pub media_root: Option<&'a Path>,
}

/// The OpenMoji licence every symbol picture carries.
fn openmoji_licence() -> Value {
    json!({
        "type": "CC BY-SA 4.0",
        "copyright_notice_url": "https://creativecommons.org/licenses/by-sa/4.0/",
        "source_url": "https://openmoji.org/",
        "author_name": "OpenMoji",
        "author_url": "https://openmoji.org/"
    })
}

/// One file of the package: its name inside, and its bytes.
type Entry = (String, Vec<u8>);

/// A board as OBF JSON, and the picture and sound files it points at (by their package paths).
/// `index` is the board's place in the package, which names its pictures and sounds: two
/// boards' `{board}-{cell}` could otherwise meet ("a-b" + "c" and "a" + "b-c").
fn board_json(
    board: &Board,
    index: usize,
    sources: &Sources,
) -> Result<(Value, Vec<Entry>), String> {
    let mut files: Vec<Entry> = Vec::new();
    let (mut buttons, mut images, mut sounds) = (Vec::new(), Vec::new(), Vec::new());
    let mut order = vec![vec![Value::Null; usize::from(board.columns)]; usize::from(board.rows)];
    let mut strings: Map<String, Value> = Map::new();
    for cell in &board.cells {
        // Ids unique on the board, as Hearme's cell ids are, so a round trip keeps them; the
        // pictures' and sounds' ids name the board too, as they are shared by the package.
        let button_id = cell.id.clone();
        let media_id = format!("b{index}-{}", cell.id);
        order[usize::from(cell.row)][usize::from(cell.column)] = json!(button_id);
        let colour = STANDARD.word_class(cell.class);
        let mut button = json!({
            "id": button_id,
            "label": cell.word,
            "background_color": css(cell.class),
            "border_color": css_of(colour.darker(0.55)),
            // The symbol under a photo, for an app that has OpenMoji (Hearme).
            "ext_hearme_symbol": cell.symbol,
        });
        if let Some(says) = &cell.says {
            button["vocalization"] = json!(says);
        }
        if cell.hidden {
            button["hidden"] = json!(true);
        }
        if cell.concern {
            button["ext_hearme_concern"] = json!(true);
        }
        if let Some(target) = &cell.opens {
            button["load_board"] = json!({ "id": target, "path": board_path(target) });
        }
        let photo = sources
            .media_root
            .map(|m| photo_path(m, &board.id, &cell.id))
            .filter(|p| p.is_file());
        let image = match photo {
            Some(photo) => photo_image(&photo, &media_id)?,
            None => symbol_image(&cell.symbol, sources)?,
        };
        if let Some((image, entry)) = image {
            button["image_id"] = image["id"].clone();
            if !images.iter().any(|i: &Value| i["id"] == image["id"]) {
                images.push(image);
                files.push(entry);
            }
        }
        let recording = sources
            .media_root
            .map(|m| recording_path(m, &board.id, &cell.id))
            .filter(|p| p.is_file());
        if let Some(recording) = recording {
            let (sound, entry) = sound_file(&recording, &media_id)?;
            button["sound_id"] = sound["id"].clone();
            sounds.push(sound);
            files.push(entry);
        }
        for (locale, said) in &cell.translations {
            let table = strings.entry(locale.clone()).or_insert_with(|| json!({}));
            table[cell.word.as_str()] = json!(said);
        }
        buttons.push(button);
    }
    let mut json = json!({
        "format": FORMAT,
        "id": board.id,
        "locale": "en",
        "name": board.name,
        "grid": { "rows": board.rows, "columns": board.columns, "order": order },
        "buttons": buttons,
        "images": images,
        "sounds": sounds,
    });
    if !strings.is_empty() {
        json["strings"] = Value::Object(strings);
    }
    Ok((json, files))
}

fn css_of(colour: super::super::theme::Rgb) -> String {
    let byte = |c: f32| (c * 255.0).round() as u8;
    format!(
        "rgb({}, {}, {})",
        byte(colour.0),
        byte(colour.1),
        byte(colour.2)
    )
}

fn board_path(id: &str) -> String {
    format!("boards/{}.obf", safe_file_name(id))
}

fn png_size(bytes: &[u8], file: &str) -> Result<(u32, u32), String> {
    image::ImageReader::new(Cursor::new(bytes))
        .with_guessed_format()
        .ok()
        .and_then(|r| r.into_dimensions().ok())
        .ok_or_else(|| format!("{file}: not a picture"))
}

fn symbol_image(symbol: &str, sources: &Sources) -> Result<Option<(Value, Entry)>, String> {
    let Some(info) = sources.symbols.get(symbol) else {
        return Ok(None);
    };
    let file = sources.symbol_dir.join(&info.file);
    let bytes =
        read_capped(&file, 4 * 1024 * 1024).map_err(|e| format!("{}: {e}", file.display()))?;
    let (width, height) = png_size(&bytes, &file.display().to_string())?;
    let path = format!("images/{}.png", safe_file_name(symbol));
    // `symbol` names it in OpenMoji too, so an app that has the set (Hearme) uses its own copy.
    let filename = info.file.rsplit('/').next().unwrap_or(&info.file);
    let image = json!({
        "id": format!("symbol-{symbol}"), "width": width, "height": height,
        "content_type": "image/png", "path": path, "license": openmoji_licence(),
        "symbol": { "set": "openmoji", "filename": filename },
    });
    Ok(Some((image, (path, bytes))))
}

fn photo_image(photo: &Path, button_id: &str) -> Result<Option<(Value, Entry)>, String> {
    let bytes =
        read_capped(photo, 16 * 1024 * 1024).map_err(|e| format!("{}: {e}", photo.display()))?;
    let (width, height) = png_size(&bytes, &photo.display().to_string())?;
    let path = format!("images/photo-{}.png", safe_file_name(button_id));
    let mut image = json!({
        "id": format!("photo-{button_id}"), "width": width, "height": height,
        "content_type": "image/png", "path": path,
    });
    // A photo brought in with a licence keeps it; the worker's own photo has none, which the
    // spec reads as "private, all rights reserved".
    let licence = licence_path(photo);
    if let Ok(text) = read_capped(&licence, 64 * 1024)
        && let Ok(value) = serde_json::from_slice::<Value>(&text)
    {
        image["license"] = value;
    }
    Ok(Some((image, (path, bytes))))
}

fn sound_file(recording: &Path, button_id: &str) -> Result<(Value, Entry), String> {
    let label = recording.display().to_string();
    let bytes = read_capped(recording, 16 * 1024 * 1024).map_err(|e| format!("{label}: {e}"))?;
    let reader = hound::WavReader::new(Cursor::new(&bytes)).map_err(|e| format!("{label}: {e}"))?;
    let spec = reader.spec();
    let seconds = reader.duration() as f64 / f64::from(spec.sample_rate.max(1));
    let path = format!("sounds/{}.wav", safe_file_name(button_id));
    let sound = json!({
        "id": format!("sound-{button_id}"), "duration": seconds.ceil() as u64,
        "content_type": "audio/wav", "path": path,
    });
    Ok((sound, (path, bytes)))
}

/// The whole vocabulary as an `.obz`: `manifest.json`, `boards/`, `images/`, `sounds/`.
pub fn obz(vocabulary: &Vocabulary, sources: &Sources) -> Result<Vec<u8>, String> {
    let mut entries: Vec<Entry> = Vec::new();
    let mut paths = json!({ "boards": {}, "images": {}, "sounds": {} });
    for (index, board) in vocabulary.boards.values().enumerate() {
        let (json, files) = board_json(board, index, sources)?;
        for (kind, list) in [("images", &json["images"]), ("sounds", &json["sounds"])] {
            for item in list.as_array().into_iter().flatten() {
                let id = item["id"].as_str().unwrap_or_default().to_string();
                paths[kind][id] = item["path"].clone();
            }
        }
        let path = board_path(&board.id);
        paths["boards"][board.id.as_str()] = json!(path);
        let text = serde_json::to_vec_pretty(&json).map_err(|e| e.to_string())?;
        entries.push((path, text));
        for file in files {
            if !entries.iter().any(|(name, _)| *name == file.0) {
                entries.push(file);
            }
        }
    }
    let root = board_path(super::super::vocab::HOME_BOARD);
    let manifest = json!({ "format": FORMAT, "root": root, "paths": paths });
    entries.insert(
        0,
        (
            "manifest.json".into(),
            serde_json::to_vec_pretty(&manifest).map_err(|e| e.to_string())?,
        ),
    );
    zipped(entries)
}

/// One board as an `.obf`, its pictures carried inside it as data URIs.
pub fn obf(board: &Board, sources: &Sources) -> Result<Vec<u8>, String> {
    use base64::Engine;
    let (mut json, files) = board_json(board, 0, sources)?;
    for list in ["images", "sounds"] {
        for item in json[list].as_array_mut().into_iter().flatten() {
            let path = item["path"].as_str().unwrap_or_default().to_string();
            if let Some((_, bytes)) = files.iter().find(|(name, _)| *name == path) {
                let kind = item["content_type"]
                    .as_str()
                    .unwrap_or("application/octet-stream")
                    .to_string();
                let data = base64::engine::general_purpose::STANDARD.encode(bytes);
                item["data"] = json!(format!("data:{kind};base64,{data}"));
                if let Some(fields) = item.as_object_mut() {
                    fields.remove("path");
                }
            }
        }
    }
    serde_json::to_vec_pretty(&json).map_err(|e| e.to_string())
}

fn zipped(entries: Vec<Entry>) -> Result<Vec<u8>, String> {
    let mut writer = zip::ZipWriter::new(Cursor::new(Vec::new()));
    for (name, bytes) in entries {
        // Pictures and sounds are compressed already, or nearly so.
        let method = if name.ends_with(".obf") || name.ends_with(".json") || name.ends_with(".wav")
        {
            zip::CompressionMethod::Deflated
        } else {
            zip::CompressionMethod::Stored
        };
        let options = zip::write::SimpleFileOptions::default().compression_method(method);
        writer
            .start_file(name.as_str(), options)
            .map_err(|e| format!("{name}: {e}"))?;
        writer
            .write_all(&bytes)
            .map_err(|e| format!("{name}: {e}"))?;
    }
    let cursor = writer.finish().map_err(|e| e.to_string())?;
    Ok(cursor.into_inner())
}
