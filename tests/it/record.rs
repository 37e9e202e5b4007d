//! The summary says exactly what happened in the visit: every tap of the child in place, who
//! chose each symbol of a message, the supports that were really used, and the very pictures
//! the child saw. Driven through the pointer path, then read back from the journal on disk.

use bevy::prelude::*;
use jiff::tz::TimeZone;

use hearme::Content;
use hearme::model::session::{Actor, Event};
use hearme::model::summary::picture::{PictureRef, render_own_symbols};
use hearme::model::summary::{Summary, render_text};
use hearme::visit::Visit;
use hearme::voice::VoiceOutput;

use crate::harness::*;
use crate::journal::scratch;
use crate::visit::{FRAME, events_on_disk, open_area, start_visit};

/// A visit on `voice`, started from the worker area as a worker would.
fn visit_app(name: &str, voice: VoiceOutput) -> App {
    let mut content = Content::built_in();
    content.data_dir = Some(scratch(name));
    let mut app = app_with_voice(content, voice, 1280, 800);
    step_time(&mut app, FRAME);
    start_visit(&mut app, "C-1042");
    app
}

/// The text summary of the visit so far, from its journal on disk.
fn summary_text(app: &App) -> String {
    let visit = app.world().resource::<Visit>();
    visit.flush();
    let recovered = crate::visit::read_on_disk(visit.journal_path().unwrap()).unwrap();
    let summary = Summary::from_journal(&recovered).unwrap();
    render_text(&summary, None, &TimeZone::UTC)
}

/// The lines of one section of a text summary, without its heading.
fn section<'a>(text: &'a str, heading: &str) -> Vec<&'a str> {
    let is_heading = |line: &str| line.chars().take(8).all(|c| !c.is_lowercase()) && line.len() > 8;
    text.lines()
        .skip_while(|line| !line.starts_with(heading))
        .skip(1)
        .take_while(|line| !is_heading(line) || line.starts_with(char::is_numeric))
        .collect()
}

#[test]
fn the_childs_unsent_taps_show_in_place_as_tapped_not_spoken() {
    let mut app = visit_app("record-unsent", VoiceOutput::without_device().0);
    // "I hurt", cleared; then "stop no help" spoken; then "want" left in the bar.
    tap_cell(&mut app, "home", "i");
    tap_cell(&mut app, "home", "hurt");
    tap_named(&mut app, "Clear button");
    for cell in ["stop", "no", "help"] {
        tap_cell(&mut app, "home", cell);
    }
    tap_named(&mut app, "Speak button");
    tap_named(&mut app, "Clear button");
    tap_cell(&mut app, "home", "want");

    let text = summary_text(&app);
    let messages = section(&text, "THE CHILD'S MESSAGES");
    assert_eq!(messages.len(), 3, "{text}");
    assert!(
        messages[0].contains("(tapped, not sent as a message) [I] [hurt]"),
        "{text}"
    );
    assert!(
        messages[1].contains("\"stop no help\"") && messages[1].contains("[stop] [no] [help]"),
        "{text}"
    );
    assert!(
        messages[2].contains("(tapped, not sent as a message) [want]"),
        "{text}"
    );
}

#[test]
fn a_message_the_worker_began_and_the_child_finished_is_shown_as_made_together() {
    let mut app = visit_app("record-together", VoiceOutput::without_device().0);
    // The worker models "I want", hands back, and the child adds "help" and speaks.
    open_area(&mut app);
    tap_named(&mut app, "Modelling switch");
    tap_named(&mut app, "Back to board button");
    tap_cell(&mut app, "home", "i");
    tap_cell(&mut app, "home", "want");
    tap_named(&mut app, "Modelling badge");
    tap_cell(&mut app, "home", "help");
    tap_named(&mut app, "Speak button");

    let spoken = events_on_disk(&app)
        .into_iter()
        .find_map(|event| match event {
            Event::MessageSpoken {
                by,
                chosen_by,
                pictures,
                ..
            } => Some((by, chosen_by, pictures)),
            _ => None,
        });
    let (by, chosen_by, pictures) = spoken.expect("the message is journaled");
    assert_eq!(by, Actor::Child, "the child pressed Speak");
    assert_eq!(chosen_by, [Actor::Worker, Actor::Worker, Actor::Child]);
    assert_eq!(pictures.len(), 3, "each symbol's picture is journaled");

    let text = summary_text(&app);
    let childs = section(&text, "THE CHILD'S MESSAGES");
    assert!(
        !childs.iter().any(|line| line.contains("I want help")),
        "a mixed message is never the child's alone:\n{text}"
    );
    let together = section(&text, "MESSAGES MADE WITH THE WORKER");
    assert!(
        together
            .iter()
            .any(|line| line.contains("\"I want help\"") && line.contains("[I]* [want]* [help]")),
        "the worker's symbols are starred:\n{text}"
    );
}

#[test]
fn supports_are_what_happened_and_a_tablet_without_sound_is_not_said_to_speak() {
    let mut silent = visit_app("record-silent", VoiceOutput::silent());
    tap_cell(&mut silent, "home", "help");
    tap_named(&mut silent, "Speak button");
    let text = summary_text(&silent);
    let supports = text.lines().find(|l| l.contains("Supports:")).unwrap();
    assert!(!supports.contains("spoken output"), "{supports}");
    assert!(supports.contains("symbol board"), "{supports}");
    assert!(supports.contains("no sound"), "{supports}");
    assert!(!text.contains("are the words the tablet spoke"), "{text}");
    let messages = section(&text, "THE CHILD'S MESSAGES");
    assert!(messages[0].ends_with("(no sound)"), "{text}");

    let mut heard = visit_app("record-heard", VoiceOutput::without_device().0);
    tap_cell(&mut heard, "home", "help");
    tap_named(&mut heard, "Speak button");
    let text = summary_text(&heard);
    let supports = text.lines().find(|l| l.contains("Supports:")).unwrap();
    assert!(
        supports.contains("symbol board, spoken output"),
        "{supports}"
    );
    assert!(
        !supports.contains("feelings"),
        "no activity was used: {supports}"
    );
    assert!(!text.contains("(no sound)"), "{text}");
}

/// The symbol ids the picture summary of `journal` asks for, in order.
fn pictures_asked_for(journal: &str) -> Vec<String> {
    let dir = scratch("record-pictures");
    let path = dir.join("visit.journal");
    std::fs::write(&path, journal).unwrap();
    let summary = Summary::from_journal(&crate::visit::read_on_disk(&path).unwrap()).unwrap();
    let content = Content::built_in();
    let asked = std::cell::RefCell::new(Vec::new());
    render_own_symbols(&summary, &TimeZone::UTC, |tile: &PictureRef| {
        asked.borrow_mut().extend(content.symbol_id(tile));
        None
    })
    .unwrap();
    asked.into_inner()
}

const HEADER: &str = r#"(v:1, seq:0, at:"2026-11-26T10:00:00.000Z", event:VisitStarted(case_ref:"C-1", visit:"Home visit", purpose:"", present:[], seen_alone:Yes, profile:"default"))"#;

#[test]
fn the_picture_summary_shows_the_very_symbol_the_child_chose() {
    // The check-in's "sad" is a frowning face; the feelings board's "sad" is a crying face.
    let answer = r#"(v:1, seq:1, at:"2026-11-26T10:01:00.000Z", event:ScaleAnswered(scale:"feelings-check-in", prompt:"How are you feeling?", options:["very sad","sad","okay","happy","very happy"], chosen:1, by:Child))"#;
    assert_eq!(
        pictures_asked_for(&format!("{HEADER}\n{answer}\n")),
        ["frowning-face"]
    );
    // A message names the pictures its symbols showed, whatever the vocabulary says now.
    let message = r#"(v:1, seq:1, at:"2026-11-26T10:01:00.000Z", event:MessageSpoken(text:"sad", symbols:["sad"], by:Child, chosen_by:[Child], pictures:["frowning-face"]))"#;
    assert_eq!(
        pictures_asked_for(&format!("{HEADER}\n{message}\n")),
        ["frowning-face"]
    );
}

#[test]
fn a_huge_prompt_is_shortened_in_the_picture_and_stays_inside_it() {
    let prompt = "How are you feeling today ".repeat(40_000);
    let answer = format!(
        r#"(v:1, seq:1, at:"2026-11-26T10:01:00.000Z", event:ScaleAnswered(scale:"feelings-check-in", prompt:"{prompt}", options:["very sad","sad with a very long word under the picture that goes on"], chosen:1, by:Child))"#
    );
    let dir = scratch("record-long-prompt");
    let path = dir.join("visit.journal");
    std::fs::write(&path, format!("{HEADER}\n{answer}\n")).unwrap();
    let summary = Summary::from_journal(&crate::visit::read_on_disk(&path).unwrap()).unwrap();
    let png = render_own_symbols(&summary, &TimeZone::UTC, |_: &PictureRef| None).unwrap();
    let picture = image::load_from_memory(&png).unwrap().to_rgb8();
    let right_edge_ink = picture
        .enumerate_pixels()
        .filter(|(x, _, p)| *x >= picture.width() - 12 && p.0.iter().all(|c| *c < 128))
        .count();
    assert_eq!(right_edge_ink, 0, "no text runs off the right edge");
}

#[test]
fn the_start_page_asks_whether_the_child_was_seen_and_the_header_says_so() {
    let seen = visit_app("record-child-seen", VoiceOutput::without_device().0);
    let text = summary_text(&seen);
    assert!(
        text.contains("Child seen: yes; seen alone: partly (teacher stayed for the first part)"),
        "{text}"
    );

    let mut content = Content::built_in();
    content.data_dir = Some(scratch("record-child-not-seen"));
    let mut app = app_with_voice(content, VoiceOutput::without_device().0, 1280, 800);
    step_time(&mut app, FRAME);
    open_area(&mut app);
    tap_named(&mut app, "Start visit button");
    type_into(&mut app, "Case reference field", "C-7");
    tap_named(&mut app, "Seen alone Child not seen");
    tap_named(&mut app, "Begin visit button");
    assert!(
        !app.world().resource::<Visit>().is_recording(),
        "a reason is asked for first"
    );
    type_into(&mut app, "Reason field", "child was at school");
    tap_named(&mut app, "Begin visit button");
    let text = summary_text(&app);
    assert!(
        text.contains("Child seen: no; seen alone: no (child was at school)"),
        "{text}"
    );
}
