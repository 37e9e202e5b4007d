//! The worker's review of a visit, through the pointer path: taps grouped into the message or
//! run they belong to, strike-outs per item and per tap, and buttons that hold still.

use bevy::prelude::*;
use jiff::tz::TimeZone;

use hearme::Content;
use hearme::model::review::timeline;
use hearme::model::session::Event;
use hearme::model::summary::{Summary, render_text};
use hearme::visit::Visit;

use crate::harness::*;
use crate::journal::scratch;
use crate::visit::{FRAME, open_area, start_visit};

fn visit_app(name: &str) -> App {
    let mut content = Content::built_in();
    content.data_dir = Some(scratch(name));
    let mut app = app_with(content, 1280, 800);
    step_time(&mut app, FRAME);
    start_visit(&mut app, "C-1042");
    app
}

/// Ends the visit from the worker area; the review opens.
fn end_visit(app: &mut App) {
    open_area(app);
    tap_named(app, "End visit button");
}

fn seq_of_tap(app: &App, cell: &str) -> u64 {
    app.world()
        .resource::<Visit>()
        .lines()
        .iter()
        .rev()
        .find(|l| matches!(&l.event, Event::SymbolChosen { cell: c, .. } if c == cell))
        .map(|l| l.seq)
        .unwrap()
}

fn summary_text(app: &App) -> String {
    let visit = app.world().resource::<Visit>();
    visit.flush();
    let recovered = crate::visit::read_on_disk(visit.journal_path().unwrap()).unwrap();
    render_text(
        &Summary::from_journal(&recovered).unwrap(),
        None,
        &TimeZone::UTC,
    )
}

/// A visit of 50 taps: ten four-word messages spoken, and ten taps cleared in between.
fn fifty_tap_visit(app: &mut App) {
    let messages = [
        ["i", "want", "more", "drink"],
        ["you", "come", "play", "now"],
        ["i", "dont-like", "that", "it"],
        ["she", "go", "out", "again"],
    ];
    for n in 0..10 {
        for cell in messages[n % messages.len()] {
            tap_cell(app, "home", cell);
        }
        tap_named(app, "Speak button");
        tap_named(app, "Clear button");
        // A word tapped and cleared before the next message.
        tap_cell(app, "home", ["no", "stop"][n % 2]);
        tap_named(app, "Clear button");
    }
}

#[test]
fn a_fifty_tap_visit_reviews_in_three_pages_of_messages_and_runs() {
    let mut app = visit_app("review-fifty");
    fifty_tap_visit(&mut app);
    end_visit(&mut app);
    let taps = app
        .world()
        .resource::<Visit>()
        .lines()
        .iter()
        .filter(|l| matches!(l.event, Event::SymbolChosen { .. }))
        .count();
    assert_eq!(taps, 50);
    let page = text_under(&mut app, "Worker page");
    // 10 messages, each but the first with the word cleared before it, and the last word
    // cleared after them all: 11 items on 3 pages of 5 (not 62 items on 13).
    assert!(page.contains("Items 1-5 of 11"), "{page}");
    assert!(
        page.contains("Child: \"you come play now\"  [you] [come] [play] [now]\ntried first, not sent:\n[no] ×"),
        "{page}"
    );
    assert!(
        page.contains("Child: \"I want more drink\"  [I] [want] [more] [drink]"),
        "a message shows with the taps that built it:\n{page}"
    );
}

#[test]
fn a_message_is_struck_out_with_its_taps_and_one_tap_of_a_run_alone() {
    let mut app = visit_app("review-strike");
    tap_cell(&mut app, "home", "i");
    tap_cell(&mut app, "home", "hurt");
    tap_named(&mut app, "Clear button");
    tap_cell(&mut app, "home", "stop");
    tap_named(&mut app, "Speak button");
    end_visit(&mut app);
    let hurt = seq_of_tap(&app, "hurt");
    let stop_message = app
        .world()
        .resource::<Visit>()
        .lines()
        .iter()
        .find(|l| matches!(l.event, Event::MessageSpoken { .. }))
        .map(|l| l.seq)
        .unwrap();

    // One tap of the run "I hurt": asked once, then only that tap goes.
    tap_named(&mut app, &format!("Strike out tap {hurt}"));
    tap_named(&mut app, &format!("Confirm strike out tap {hurt}"));
    let text = summary_text(&app);
    assert!(
        text.contains("(tapped, not sent as a message) [I]\n"),
        "{text}"
    );
    assert!(!text.contains("[hurt]"), "{text}");

    // The message "stop": the message and its tap go together, and come back together.
    tap_named(&mut app, &format!("Strike out {stop_message}"));
    tap_named(&mut app, &format!("Confirm strike out {stop_message}"));
    let text = summary_text(&app);
    assert!(
        !text.contains("stop"),
        "no trace of it, not even as a tap:\n{text}"
    );
    tap_named(&mut app, &format!("Bring back {stop_message}"));
    let text = summary_text(&app);
    assert!(text.contains("\"stop\""), "{text}");
    let items = timeline(app.world().resource::<Visit>().lines());
    assert!(items.iter().all(|item| !item.redacted));
}

#[test]
fn the_buttons_under_the_timeline_stay_put_on_a_short_last_page() {
    let mut app = visit_app("review-still");
    for _ in 0..6 {
        tap_cell(&mut app, "home", "help");
        tap_named(&mut app, "Speak button");
    }
    end_visit(&mut app);
    let place = |app: &mut App, name: &str| {
        let entity = named(app, name);
        rect_of(app, entity).0
    };
    let (later, export) = (
        place(&mut app, "Later button"),
        place(&mut app, "Export button"),
    );
    tap_named(&mut app, "Later button");
    let page = text_under(&mut app, "Worker page");
    assert!(page.contains("Items 6-6 of 6"), "{page}");
    assert_eq!(place(&mut app, "Later button"), later);
    assert_eq!(place(&mut app, "Export button"), export);

    // Upright, the rows are laid out again with their buttons under their words: taller.
    turn_window(&mut app, 800.0, 1280.0);
    let upright = place(&mut app, "Later button");
    assert!(upright.y > later.y + 200.0, "{upright} vs {later}");
}

/// What the field named `name` holds.
fn field_value(app: &mut App, name: &str) -> String {
    let entity = named(app, name);
    app.world()
        .get::<bevy::text::EditableText>(entity)
        .map(|text| text.value().to_string())
        .unwrap_or_default()
}

fn press_key(app: &mut App, character: char) {
    use bevy::input::ButtonState;
    use bevy::input::keyboard::{Key, KeyCode, KeyboardInput, NativeKeyCode};
    let window = app
        .world_mut()
        .query_filtered::<Entity, With<bevy::window::PrimaryWindow>>()
        .single(app.world())
        .unwrap();
    app.world_mut().write_message(KeyboardInput {
        key_code: KeyCode::Unidentified(NativeKeyCode::Unidentified),
        logical_key: Key::Character(character.to_string().into()),
        state: ButtonState::Pressed,
        text: Some(character.to_string().into()),
        repeat: false,
        window,
    });
}

#[test]
fn a_letter_typed_with_the_tap_on_a_field_lands_in_that_field_which_shows_it_has_focus() {
    let mut content = Content::built_in();
    content.data_dir = Some(scratch("field-focus"));
    let mut app = app_with(content, 1280, 800);
    step_time(&mut app, FRAME);
    open_area(&mut app);
    tap_named(&mut app, "Start visit button");
    type_into(&mut app, "Case reference field", "C-1");

    // A tap on the purpose field (down and up in one frame) with a key in the same frame. (The
    // letter once landed in the field before; this has not been made to fail here again, so it
    // guards the order the input seam sets: focus from taps first, then keys.)
    let purpose = named(&mut app, "Purpose field");
    let (centre, _) = rect_of(&mut app, purpose);
    hearme::simulate_touch(&mut app, centre, bevy::input::touch::TouchPhase::Started);
    hearme::simulate_touch(&mut app, centre, bevy::input::touch::TouchPhase::Ended);
    press_key(&mut app, 'R');
    app.update();
    app.update();
    assert_eq!(field_value(&mut app, "Case reference field"), "C-1");
    assert_eq!(field_value(&mut app, "Purpose field"), "R");

    // The field with the keyboard has a thick, coloured edge; the others a thin dark one.
    let edge = |app: &mut App, name: &str| {
        let entity = named(app, name);
        let node = app.world().get::<Node>(entity).unwrap().border.left;
        let colour = app.world().get::<BorderColor>(entity).unwrap().left;
        (node, colour)
    };
    let (purpose_edge, purpose_colour) = edge(&mut app, "Purpose field");
    let (case_edge, case_colour) = edge(&mut app, "Case reference field");
    assert_eq!(purpose_edge, Val::Px(4.0));
    assert_eq!(case_edge, Val::Px(2.0));
    assert_ne!(purpose_colour, case_colour);
}

#[test]
fn adding_a_note_says_it_was_kept() {
    let mut app = visit_app("note-added");
    open_area(&mut app);
    assert_eq!(text_under(&mut app, "Note added"), "No note added yet.");
    let button = named(&mut app, "End visit button");
    let end_visit = rect_of(&mut app, button);
    type_into(&mut app, "Note field", "Child smiled");
    tap_named(&mut app, "Add note button");
    let shown = text_under(&mut app, "Note added");
    assert!(
        shown.contains("Note added at") && shown.contains("Child smiled"),
        "{shown}"
    );
    let button = named(&mut app, "End visit button");
    let end_visit_after = rect_of(&mut app, button);
    assert_eq!(end_visit, end_visit_after, "End visit stays where it was");
    assert_eq!(
        field_value(&mut app, "Note field"),
        "",
        "the field is empty for the next"
    );
}
