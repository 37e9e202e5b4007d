//! Boards in and out from the worker area: an .obz chosen in the dialog becomes the shown
//! profile's boards on the child's screen at once, with the report on the page; the export is a
//! package the import reads back (docs/obf.md), and Print writes them as a PDF (docs/print.md).

use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use bevy::prelude::*;
use serde_json::json;

use hearme::Content;
use hearme::model::profile::{add, set_active};
use hearme::worker::FileChooser;

use crate::harness::*;
use crate::journal::scratch;
use crate::obf::{json_bytes, zip_of};
use crate::visit::{FRAME, open_area};

/// Runs frames until the page's report says what came of the job (it runs off the main thread).
fn report_after(app: &mut App, button: &str) -> String {
    tap_named(app, button);
    for _ in 0..200 {
        app.update();
        let said = text_under(app, "Boards report");
        if !said.is_empty() && !said.contains("Working") {
            return said;
        }
        std::thread::sleep(Duration::from_millis(25));
    }
    panic!(
        "the job never finished: {}",
        text_under(app, "Boards report")
    );
}

#[test]
fn an_obz_chosen_in_the_worker_area_becomes_the_childs_board_and_the_export_reads_back() {
    let data = scratch("obf-app");
    add(&data, "AB", None).unwrap();
    set_active(&data, "AB").unwrap();
    let board = json!({ "id": "1", "name": "Snacks",
        "grid": { "rows": 1, "columns": 3, "order": [["crisps", "milk", "more"]] },
        "buttons": [{ "id": "crisps", "label": "crisps", "action": ":clear" },
                    { "id": "milk", "label": "milk" },
                    { "id": "more", "label": "more", "load_board": { "path": "boards/2.obf" } }] });
    let more = json!({ "id": "2", "name": "More", "buttons": [{ "id": "cake", "label": "cake" }] });
    let incoming = data.join("snacks.obz");
    let package = zip_of(&[
        ("boards/1.obf", json_bytes(&board)),
        ("boards/2.obf", json_bytes(&more)),
    ]);
    std::fs::write(&incoming, package).unwrap();
    let chosen: Arc<Mutex<PathBuf>> = Arc::new(Mutex::new(incoming));
    let mut app = app_with(Content::for_data_dir(Some(&data.to_path_buf())), 1280, 800);
    let shared = chosen.clone();
    app.insert_resource(FileChooser(Arc::new(move |_| {
        Some(shared.lock().unwrap().clone())
    })));
    step_time(&mut app, FRAME);
    open_area(&mut app);
    tap_named(&mut app, "Profiles button");
    tap_named(&mut app, "Profile settings button");
    tap_named(&mut app, "Child settings boards button");
    let report = report_after(&mut app, "Import boards button");
    assert!(report.contains("2 board(s), 4 cell(s)"), "{report}");
    assert!(report.contains("action :clear is not kept"), "{report}");

    let out = data.join("out.obz");
    *chosen.lock().unwrap() = out.clone();
    let report = report_after(&mut app, "Export boards button");
    assert!(report.contains("written to"), "{report}");
    let again =
        hearme::model::obf::import_file(&out, &hearme::model::symbols::SymbolLibrary::built_in())
            .unwrap();
    assert_eq!(again.boards[0].cells.len(), 3);

    // Printed from the same page: the imported boards, as a PDF, where the dialog said.
    let printed = data.join("boards.pdf");
    *chosen.lock().unwrap() = printed.clone();
    let report = report_after(&mut app, "Print boards button");
    assert!(
        report.contains("2 board(s) of profile AB written to"),
        "{report}"
    );
    let text = std::process::Command::new("pdftotext")
        .arg(&printed)
        .arg("-")
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&text.stdout);
    for words in ["Talking boards for AB", "Snacks", "crisps", "More", "cake"] {
        assert!(
            text.contains(words),
            "the printed boards have {words:?}: {text}"
        );
    }

    tap_named(&mut app, "Boards back button");
    tap_named(&mut app, "Child settings back button");
    tap_named(&mut app, "Profiles back button");
    tap_named(&mut app, "Back to board button");
    let mut shown: Vec<String> = cells_on_screen(&mut app)
        .into_iter()
        .map(|c| c.cell)
        .collect();
    shown.sort();
    assert_eq!(
        shown,
        ["crisps", "milk", "more"],
        "the child's screen shows the imported board"
    );
    // An imported folder opens its board in the frame that handles the finger lifting.
    let entity = cell_entity(&mut app, "home", "more").unwrap();
    let (centre, _) = rect_of(&mut app, entity);
    press(&mut app, centre);
    release(&mut app, centre);
    let shown: Vec<String> = cells_on_screen(&mut app)
        .into_iter()
        .map(|c| c.cell)
        .collect();
    assert_eq!(shown, ["cake"]);
}
