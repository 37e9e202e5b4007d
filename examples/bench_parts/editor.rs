//! `editor`: a tap in the vocabulary editor to the frame that shows its change, in the headless
//! app (Bevy's input and picking path, layout included, no GPU). The tap is Hide or Show on a
//! selected cell, so each one checks, writes, fsyncs, reads back and rebuilds the page and the
//! child's board. Floors in the same run: a tap that only selects a cell (rebuild, no save),
//! and a frame with nothing to do.

use std::time::Instant;

use bevy::input::touch::TouchPhase;
use bevy::prelude::*;

use hearme::worker::{WorkerArea, WorkerPage};

const TAPS: usize = 60;

pub fn run() {
    let data = std::env::temp_dir().join(format!("hearme-bench-editor-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&data);
    hearme::model::profile::add(&data, "AB", None).expect("a scratch profile");
    hearme::model::profile::set_active(&data, "AB").expect("the profile in use");
    let content = hearme::Content::for_data_dir(Some(&data));
    let mut app = hearme::headless_app(content, hearme::voice::VoiceOutput::silent(), 1280, 800);
    for _ in 0..3 {
        app.update();
    }
    app.world_mut()
        .resource_mut::<NextState<WorkerArea>>()
        .set(WorkerArea::Open);
    app.update();
    app.world_mut()
        .resource_mut::<NextState<WorkerPage>>()
        .set(WorkerPage::Editor);
    for _ in 0..3 {
        app.update();
    }

    let mut edits = Vec::new();
    let mut selections = Vec::new();
    let mut idle = Vec::new();
    for tap in 0..TAPS {
        // Select the cell (a rebuild with no save), then hide or show it.
        selections.push(tap_named(&mut app, "Editor cell want"));
        let button = if tap % 2 == 0 {
            "Hide button"
        } else {
            "Show button"
        };
        edits.push(tap_named(&mut app, button));
        // Let the cell go again, so the next tap selects it.
        tap_named(&mut app, "Editor cell want");
        let start = Instant::now();
        app.update();
        idle.push(start.elapsed().as_secs_f64() * 1000.0);
    }
    let saved = hearme::model::vocab::Vocabulary::load_dir(
        &hearme::model::profile::profile_dir(&data, "AB").join("vocab"),
        &hearme::model::symbols::SymbolLibrary::built_in(),
    )
    .expect("the edited vocabulary reloads");
    assert!(saved.home().and_then(|home| home.cell("want")).is_some());

    let saves = time_saves(&data);
    let _ = std::fs::remove_dir_all(&data);

    let edit_median = super::median(edits.clone());
    let select_median = super::median(selections.clone());
    let idle_median = super::median(idle.clone());
    println!("editor_taps: {TAPS} hide/show edits");
    println!("editor_edit_tap_to_frame_median: {edit_median:.2} ms");
    println!(
        "editor_edit_tap_to_frame_p99: {:.2} ms",
        super::percentile(&edits, 0.99)
    );
    println!("editor_select_tap_to_frame_median: {select_median:.2} ms");
    println!("editor_floor_idle_frame_median: {idle_median:.2} ms");
    println!(
        "editor_part_save_median: {:.2} ms (check, write, fsync, read back; no app)",
        super::median(saves)
    );
    println!(
        "editor_edit_over_select: {:.1}x",
        edit_median / select_median.max(1e-9)
    );
}

/// Taps the control named `name` and returns the milliseconds from the finger lifting to the
/// end of the frame that handled it (the page is rebuilt in that frame).
fn tap_named(app: &mut App, name: &str) -> f64 {
    let mut query = app
        .world_mut()
        .query::<(&Name, &ComputedNode, &UiGlobalTransform)>();
    let place = query
        .iter(app.world())
        .find(|(n, _, _)| n.as_str() == name)
        .map(|(_, node, transform)| transform.translation * node.inverse_scale_factor())
        .unwrap_or_else(|| panic!("no control named {name}"));
    hearme::simulate_touch(app, place, TouchPhase::Started);
    app.update();
    hearme::simulate_touch(app, place, TouchPhase::Ended);
    let start = Instant::now();
    app.update();
    start.elapsed().as_secs_f64() * 1000.0
}

/// The model's share of an edit: checking, writing, syncing and reading back one board.
fn time_saves(data: &std::path::Path) -> Vec<f64> {
    use hearme::model::editor::{Edit, VocabEditor};
    let symbols = hearme::model::symbols::SymbolLibrary::built_in();
    let dir = hearme::model::profile::profile_dir(data, "AB").join("vocab");
    let mut editor = VocabEditor::open(&dir, &symbols).expect("the profile opens");
    (0..TAPS)
        .map(|tap| {
            let edit = Edit::Hidden {
                board: "home".into(),
                cell: "want".into(),
                hidden: tap % 2 == 0,
            };
            let start = Instant::now();
            editor.edit(&edit, &symbols).expect("the edit is saved");
            start.elapsed().as_secs_f64() * 1000.0
        })
        .collect()
}
