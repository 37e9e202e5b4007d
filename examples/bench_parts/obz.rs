//! `obz`: importing a generated 80-board, 3,000-button .obz in which every button has a picture
//! of its own (a distinct PNG inside the package, as AsTeRICS and CoughDrop write them), from
//! reading the file to the vocabulary and every photo prepared. The floor is reading and
//! unpacking the same file with its caps (`model::obf::package::read`) and nothing else.

use std::io::{Cursor, Write};
use std::time::Instant;

use serde_json::json;

use hearme::model::obf;
use hearme::model::symbols::SymbolLibrary;

const BOARDS: usize = 80;
const BUTTONS: usize = 3_000;

fn package(symbols: &SymbolLibrary) -> Vec<u8> {
    let root = hearme::asset_root().join("symbols");
    let pictures: Vec<Vec<u8>> = symbols
        .iter()
        .take(BUTTONS)
        .map(|s| std::fs::read(root.join(&s.small)).expect("a symbol picture"))
        .collect();
    let mut writer = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let deflated = zip::write::SimpleFileOptions::default();
    let stored = deflated.compression_method(zip::CompressionMethod::Stored);
    let per_board = BUTTONS.div_ceil(BOARDS);
    let mut boards = serde_json::Map::new();
    for b in 0..BOARDS {
        let first = b * per_board;
        let ids: Vec<usize> = (first..(first + per_board).min(BUTTONS)).collect();
        let mut buttons = Vec::new();
        let mut images = Vec::new();
        for &i in &ids {
            let mut button = json!({ "id": format!("b{i}"), "label": format!("word {i}"),
                "background_color": "rgb(255, 230, 115)", "image_id": format!("i{i}") });
            if i == first && b + 1 < BOARDS {
                button["load_board"] = json!({ "path": format!("boards/{}.obf", b + 1) });
            }
            buttons.push(button);
            let path = format!("images/{i}.png");
            images.push(json!({ "id": format!("i{i}"), "width": 128, "height": 128,
                "content_type": "image/png", "path": path }));
            writer.start_file(path, stored).unwrap();
            writer.write_all(&pictures[i % pictures.len()]).unwrap();
        }
        let order: Vec<Vec<String>> = ids
            .chunks(8)
            .map(|row| row.iter().map(|i| format!("b{i}")).collect())
            .collect();
        let board = json!({ "format": "open-board-0.1", "id": b.to_string(), "locale": "en",
            "name": format!("Board {b}"),
            "grid": { "rows": order.len(), "columns": 8, "order": order },
            "buttons": buttons, "images": images, "sounds": [] });
        let path = format!("boards/{b}.obf");
        boards.insert(b.to_string(), json!(path));
        writer.start_file(path, deflated).unwrap();
        writer
            .write_all(&serde_json::to_vec(&board).unwrap())
            .unwrap();
    }
    let manifest = json!({ "format": "open-board-0.1", "root": "boards/0.obf",
        "paths": { "boards": boards } });
    writer.start_file("manifest.json", deflated).unwrap();
    writer
        .write_all(&serde_json::to_vec(&manifest).unwrap())
        .unwrap();
    writer.finish().unwrap().into_inner()
}

pub fn run() {
    let symbols = SymbolLibrary::built_in();
    let dir = std::env::temp_dir().join("hearme-bench-obz");
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("big.obz");
    std::fs::write(&file, package(&symbols)).unwrap();
    let (mut imports, mut floors) = (Vec::new(), Vec::new());
    let mut last = None;
    for _ in 0..super::RUNS {
        let start = Instant::now();
        let read = obf::package::read(&file).expect("the package reads");
        floors.push(start.elapsed().as_secs_f64() * 1000.0);
        std::hint::black_box(read.files.len());
        let start = Instant::now();
        let imported = obf::import_file(&file, &symbols).expect("the package imports");
        imports.push(start.elapsed().as_secs_f64() * 1000.0);
        last = Some(imported);
    }
    let imported = last.unwrap();
    let size = std::fs::metadata(&file).map(|m| m.len()).unwrap_or(0);
    println!(
        "obz_package: {} boards, {} cells, {} photos, {} kB",
        imported.report.boards,
        imported.report.cells,
        imported.report.photos,
        size / 1024
    );
    let (import, floor) = (
        super::median(imports.clone()),
        super::median(floors.clone()),
    );
    println!("obz_import_median: {import:.0} ms");
    println!(
        "obz_import_max: {:.0} ms",
        imports.iter().cloned().fold(0.0, f64::max)
    );
    println!("obz_floor_read_and_unpack_median: {floor:.0} ms");
    println!("obz_ratio_to_floor: {:.1}x", import / floor.max(1e-9));
    let _ = std::fs::remove_dir_all(&dir);
}
