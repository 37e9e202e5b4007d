//! For the worker's attention: what the child (never the worker modelling) chooses that its
//! board or activity marks as a concern opens the summary, with its time, the exact word or the
//! prompt and answer, and the one line about the local procedure (docs/journal-format.md).

use bevy::prelude::*;

use hearme::Content;
use hearme::model::session::Event;
use hearme::model::summary::PROCEDURE;
use hearme::voice::VoiceOutput;

use crate::harness::*;
use crate::journal::scratch;
use crate::visit::{FRAME, events_on_disk, open_area, start_visit, summary_so_far};

fn visit_app(name: &str) -> App {
    let mut content = Content::built_in();
    content.data_dir = Some(scratch(name));
    let mut app = app_with_voice(content, VoiceOutput::without_device().0, 1280, 800);
    step_time(&mut app, FRAME);
    start_visit(&mut app, "C-7001");
    app
}

#[test]
fn a_concern_the_child_chooses_opens_the_summary_and_the_workers_modelling_does_not() {
    let mut app = visit_app("attention-child");
    tap_cell(&mut app, "home", "keeping-safe");
    let shown = |app: &mut App| {
        let mut cells: Vec<String> = cells_on_screen(app).into_iter().map(|c| c.cell).collect();
        cells.sort();
        cells
    };
    let before = shown(&mut app);
    tap_cell(&mut app, "keeping-safe", "secret");
    assert_eq!(
        shown(&mut app),
        before,
        "nothing on the child's screen changes"
    );
    tap_cell(&mut app, "keeping-safe", "mum");
    // The worker models "hit": journaled as a concern, but not the child's.
    open_area(&mut app);
    tap_named(&mut app, "Modelling switch");
    tap_named(&mut app, "Back to board button");
    tap_cell(&mut app, "keeping-safe", "hit");
    tap_named(&mut app, "Modelling badge");

    let concerns = events_on_disk(&app)
        .into_iter()
        .filter(|e| matches!(e, Event::Concern { .. }))
        .count();
    assert_eq!(concerns, 2, "the child's secret and the worker's hit");
    let text = summary_so_far(&app);
    let attention = text
        .split("FOR THE WORKER'S ATTENTION")
        .nth(1)
        .and_then(|rest| rest.split("THE CHILD'S MESSAGES").next())
        .unwrap_or_else(|| panic!("no attention section in:\n{text}"));
    assert!(
        attention.contains("chose the symbol [secret]"),
        "{attention}"
    );
    assert!(
        !attention.contains("[hit]"),
        "modelling is not the child's: {attention}"
    );
    assert!(
        !attention.contains("[mum]"),
        "mum is not marked: {attention}"
    );
    assert!(attention.contains(PROCEDURE));
    assert!(
        text.find("FOR THE WORKER'S ATTENTION") < text.find("THE CHILD'S MESSAGES"),
        "the section opens the summary"
    );
    let visit = app.world().resource::<hearme::visit::Visit>();
    let recovered = crate::visit::read_on_disk(visit.journal_path().unwrap()).unwrap();
    let log = hearme::model::summary::render_obl(&recovered).unwrap();
    let log: serde_json::Value = serde_json::from_str(&log).unwrap();
    let attention = log["sessions"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["id"] == "attention")
        .expect("an attention note session in the OBL");
    let events = attention["events"].as_array().unwrap();
    assert_eq!(events.len(), 1, "{events:?}");
    assert!(events[0]["text"].as_str().unwrap().contains("[secret]"));
}

#[test]
fn an_answer_the_child_undoes_leaves_the_attention_section() {
    let mut app = visit_app("attention-undo");
    tap_named(&mut app, "Activities button");
    tap_named(&mut app, "Activity feelings-chooser");
    tap_named(&mut app, "Choice not safe");
    assert!(summary_so_far(&app).contains("answered [not safe]"));
    tap_named(&mut app, "Undo button");
    let text = summary_so_far(&app);
    assert!(!text.contains("FOR THE WORKER'S ATTENTION"), "{text}");
}
