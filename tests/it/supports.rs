//! The supports actually used in a visit, in the summary's header: switch scanning appears
//! when the child chose by switch, once however often, and never when they did not
//! (docs/journal-format.md, `AccessUsed`).

use bevy::prelude::*;

use hearme::Content;
use hearme::input::simulate_key;
use hearme::model::access::{AccessMethod, AccessSettings, ScanMode, Switches};
use hearme::model::session::Event;

use crate::harness::*;
use crate::journal::scratch;
use crate::visit::{FRAME, events_on_disk, start_visit, summary_so_far};

fn visit_with(name: &str, access: AccessSettings) -> App {
    let mut content = Content::built_in();
    content.settings.access = access;
    content.data_dir = Some(scratch(name));
    let mut app = app_with(content, 1280, 800);
    step_time(&mut app, FRAME);
    start_visit(&mut app, "C-7201");
    app
}

fn press_key(app: &mut App, key: KeyCode) {
    simulate_key(app, key, true);
    app.update();
    simulate_key(app, key, false);
    app.update();
}

fn supports_line(app: &App) -> String {
    let summary = summary_so_far(app);
    summary
        .lines()
        .find(|l| l.contains("Supports:"))
        .unwrap_or_else(|| panic!("no supports in:\n{summary}"))
        .to_string()
}

#[test]
fn switch_scanning_used_by_the_child_is_listed_once_among_the_supports() {
    let mut access = AccessSettings::default();
    access.scan.mode = ScanMode::Linear;
    access.scan.switches = Switches::Two;
    let mut app = visit_with("supports-scanning", access);
    for _ in 0..2 {
        // Move to the next control and choose it: whatever it is, the switch chose it.
        press_key(&mut app, KeyCode::Enter);
        press_key(&mut app, KeyCode::Space);
    }
    let noted: Vec<Event> = events_on_disk(&app)
        .into_iter()
        .filter(|e| matches!(e, Event::AccessUsed { .. }))
        .collect();
    assert_eq!(
        noted,
        [Event::AccessUsed {
            how: AccessMethod::Scanning
        }]
    );
    assert!(supports_line(&app).contains("switch scanning"));
}

#[test]
fn a_visit_by_touch_lists_no_switch() {
    let mut app = visit_with("supports-touch", AccessSettings::default());
    tap_cell(&mut app, "home", "want");
    let supports = supports_line(&app);
    assert!(supports.contains("symbol board"), "{supports}");
    assert!(
        !supports.contains("switch") && !supports.contains("dwell"),
        "{supports}"
    );
}
