//! A visit in the app, driven headless through the pointer path: the corner hold, the start
//! page, the child's taps and the worker's modelling in the journal, review, export and the
//! deletion of the tablet copy, and the offer of visits left on the tablet at start-up.

use std::path::{Path, PathBuf};
use std::time::Duration;

use bevy::prelude::*;

use hearme::Content;
use hearme::model::journal::JournalWriter;
use hearme::model::review::timeline;
use hearme::model::session::{Actor, Event, Mark, SeenAlone, journals_in, read_journal};
use hearme::model::visit_form::{SeenAloneAnswer, VisitForm, check_case_ref};
use hearme::visit::Visit;
use hearme::worker::{CORNER_HOLD, WorkerArea, WorkerPage};

use crate::harness::*;
use crate::journal::{scratch, started};

pub(crate) const CORNER: Vec2 = Vec2::new(20.0, 20.0);
pub(crate) const FRAME: Duration = Duration::from_millis(100);

pub(crate) fn app_on(data: &Path) -> App {
    let mut content = Content::built_in();
    content.data_dir = Some(data.to_path_buf());
    let mut app = app_with(content, 1280, 800);
    step_time(&mut app, FRAME);
    app
}

/// The app on a data folder as `hearme` starts on it: the active profile's content.
pub(crate) fn app_for(data: &Path) -> App {
    let mut app = app_with(Content::for_data_dir(Some(&data.to_path_buf())), 1280, 800);
    step_time(&mut app, FRAME);
    app
}

/// A scratch data folder with profile `label` added and in use.
pub(crate) fn with_profile(name: &str, label: &str) -> PathBuf {
    let data = scratch(name);
    hearme::model::profile::add(&data, label, None).unwrap();
    hearme::model::profile::set_active(&data, label).unwrap();
    data
}

/// Holds a finger on the top-left corner for `held`, then lifts it.
pub(crate) fn hold_corner(app: &mut App, held: Duration) {
    press(app, CORNER);
    let frames = held.as_millis() / FRAME.as_millis();
    for _ in 0..frames {
        app.update();
    }
    release(app, CORNER);
    app.update();
}

/// The PIN the tests choose on first use.
pub(crate) const TEST_PIN: &str = "270419";

/// The corner hold, then the PIN pad: the PIN chosen (typed twice) when none is set yet, else
/// typed once.
pub(crate) fn open_area(app: &mut App) {
    hold_corner(app, CORNER_HOLD + FRAME * 2);
    let first_use = text_under(app, "Page title").contains("Choose");
    type_pin(app, TEST_PIN);
    if first_use {
        type_pin(app, TEST_PIN);
    }
}

/// Taps `pin` on the pad, then OK.
pub(crate) fn type_pin(app: &mut App, pin: &str) {
    for digit in pin.chars() {
        tap_named(app, &format!("PIN key {digit}"));
    }
    tap_named(app, "PIN key OK");
}

/// Whether the worker area is open, and its page (the page it opens on while closed).
pub(crate) fn area(app: &App) -> (bool, WorkerPage) {
    let open = *app.world().resource::<State<WorkerArea>>().get() == WorkerArea::Open;
    let page = app
        .world()
        .get_resource::<State<WorkerPage>>()
        .map(|page| *page.get())
        .unwrap_or_default();
    (open, page)
}

/// The tablet's keys, opened with the test PIN (made on first use, as the app does).
pub(crate) fn ring_for(data: &Path) -> hearme::model::keyring::Keyring {
    hearme::model::keyring::Keyring::unlock(data, TEST_PIN).unwrap()
}

/// A file under a profile as the app left it (sealed once the PIN has been typed), opened with
/// the profiles' keys.
pub(crate) fn read_sealed(data: &Path, path: &Path) -> Vec<u8> {
    hearme::model::sealed_profiles::open_profiles(&ring_for(data), data);
    hearme::model::files::read_capped(path, u64::MAX).unwrap()
}

/// A summary the app kept on the tablet (`DATA/exports/<visit>.summary.<ext>`, sealed under the
/// visit's key), opened with that key.
pub(crate) fn read_summary(data: &Path, path: &Path) -> String {
    let name = path.file_name().unwrap().to_string_lossy();
    let visit = name.split(".summary.").next().unwrap();
    let key = ring_for(data)
        .visit_key(visit)
        .unwrap()
        .expect("the visit's key");
    let bytes = hearme::model::export::open_summary(&key, path).unwrap();
    String::from_utf8(bytes).unwrap()
}

/// A journal as the app wrote it (`DATA/sessions/<visit>.journal`), read with its visit's key;
/// a plain one as it is.
pub(crate) fn read_on_disk(path: &Path) -> Result<hearme::model::session::Recovered, String> {
    match read_journal(path) {
        Err(hearme::model::session::JournalError::Sealed { .. }) => {
            let data = path.parent().and_then(Path::parent).unwrap();
            hearme::model::visits::open_visit(&ring_for(data), path).map(|opened| opened.recovered)
        }
        read => read.map_err(|e| e.to_string()),
    }
}

fn journals(data: &Path) -> Vec<PathBuf> {
    journals_in(&data.join("sessions")).unwrap_or_default()
}

pub(crate) fn events_on_disk(app: &App) -> Vec<Event> {
    let visit = app.world().resource::<Visit>();
    visit.flush();
    let path = visit.journal_path().expect("a visit is recorded");
    read_on_disk(path)
        .unwrap()
        .lines
        .into_iter()
        .map(|line| line.event)
        .collect()
}

/// The plain-text summary of the visit being recorded, from its journal on disk.
pub(crate) fn summary_so_far(app: &App) -> String {
    let visit = app.world().resource::<Visit>();
    visit.flush();
    let recovered = read_on_disk(visit.journal_path().unwrap()).unwrap();
    let summary = hearme::model::summary::Summary::from_journal(&recovered).unwrap();
    hearme::model::summary::render_text(&summary, None, &jiff::tz::TimeZone::UTC)
}

pub(crate) fn start_visit(app: &mut App, case_ref: &str) {
    open_area(app);
    tap_named(app, "Start visit button");
    type_into(app, "Case reference field", case_ref);
    tap_named(app, "Visit type School visit");
    type_into(app, "Purpose field", "Review of plan");
    type_into(app, "Present field", "child, teacher");
    tap_named(app, "Seen alone Partly");
    type_into(app, "Reason field", "teacher stayed for the first part");
    tap_named(app, "Begin visit button");
}

#[test]
fn a_case_reference_needs_a_number_and_is_never_a_name() {
    assert!(check_case_ref("C-1042").is_ok());
    assert!(check_case_ref("  ").is_err());
    assert!(check_case_ref("Jamie Smith").is_err());
    assert!(check_case_ref(&"1".repeat(41)).is_err());
    let form = VisitForm {
        case_ref: "C-7".into(),
        present: " child ,, mother ".into(),
        seen_alone: SeenAloneAnswer::No,
        ..Default::default()
    };
    assert!(form.visit_started().is_err(), "not alone needs a reason");
    let form = VisitForm {
        reason: "mother stayed".into(),
        ..form
    };
    match form.visit_started().unwrap() {
        Event::VisitStarted {
            present,
            seen_alone,
            ..
        } => {
            assert_eq!(present, ["child", "mother"]);
            assert_eq!(
                seen_alone,
                SeenAlone::No {
                    reason: "mother stayed".into()
                }
            );
        }
        other => panic!("not a start: {other:?}"),
    }
}

#[test]
fn the_timeline_shows_marks_and_struck_out_items_on_their_events() {
    let dir = scratch("timeline");
    let mut writer = JournalWriter::create(&dir.join("t.journal")).unwrap();
    let mut lines = vec![writer.append(started()).unwrap()];
    for (word, by) in [("want", Actor::Child), ("juice", Actor::Worker)] {
        lines.push(
            writer
                .append(Event::SymbolChosen {
                    board: "home".into(),
                    cell: word.into(),
                    label: word.into(),
                    by,
                    symbol: None,
                })
                .unwrap(),
        );
    }
    lines.push(
        writer
            .append(Event::Marked {
                seq: 1,
                mark: Mark::Spontaneous,
            })
            .unwrap(),
    );
    lines.push(
        writer
            .append(Event::Redacted {
                seq: 2,
                reason: String::new(),
            })
            .unwrap(),
    );
    let items = timeline(&lines);
    assert_eq!(
        items.len(),
        2,
        "marks, redactions and the visit's start are not items"
    );
    assert_eq!(items[0].mark, Some(Mark::Spontaneous));
    assert!(items[0].markable, "the child's words can be marked");
    assert!(
        !items[1].markable,
        "the worker's modelling is not the child's"
    );
    assert!(items[1].redacted);
}

#[test]
fn holding_the_corner_two_seconds_opens_the_worker_area_and_a_short_hold_does_not() {
    let data = scratch("corner");
    let mut app = app_on(&data);
    assert_eq!(area(&app), (false, WorkerPage::Pin));

    hold_corner(&mut app, Duration::from_millis(1200));
    assert!(!area(&app).0, "a 1.2 s hold leaves the board");

    // A finger held elsewhere for long does nothing either.
    press(&mut app, Vec2::new(640.0, 400.0));
    for _ in 0..30 {
        app.update();
    }
    release(&mut app, Vec2::new(640.0, 400.0));
    assert!(!area(&app).0);

    open_area(&mut app);
    assert_eq!(area(&app), (true, WorkerPage::Home));
    assert!(has_named(&mut app, "Start visit button"));

    // While open, the board underneath takes no taps.
    let words_before = app
        .world()
        .resource::<hearme::message_bar::Message>()
        .items
        .len();
    tap(&mut app, Vec2::new(640.0, 400.0));
    let words_after = app
        .world()
        .resource::<hearme::message_bar::Message>()
        .items
        .len();
    assert_eq!(words_before, words_after);

    tap_named(&mut app, "Back to board button");
    assert!(!area(&app).0);
}

#[test]
fn a_name_for_a_case_reference_is_refused_and_no_visit_starts() {
    let data = scratch("refused");
    let mut app = app_on(&data);
    start_visit(&mut app, "Jamie");
    assert_eq!(area(&app), (true, WorkerPage::Start));
    assert!(
        text_under(&mut app, "Start problem").contains("never the child's name"),
        "the worker is told why"
    );
    assert!(journals(&data).is_empty());
}

#[test]
fn a_whole_visit_is_journaled_reviewed_exported_and_deleted_from_the_tablet() {
    let data = scratch("whole-visit");
    let mut app = app_on(&data);
    start_visit(&mut app, "C-1042");
    assert!(!area(&app).0, "the board goes back to the child");
    assert_eq!(journals(&data).len(), 1);

    // The child says "I want" and speaks it.
    tap_cell(&mut app, "home", "i");
    tap_cell(&mut app, "home", "want");
    tap_named(&mut app, "Speak button");

    // The worker models "help", then hands back with one tap on the badge.
    open_area(&mut app);
    tap_named(&mut app, "Modelling switch");
    tap_named(&mut app, "Back to board button");
    tap_named(&mut app, "Clear button");
    tap_cell(&mut app, "home", "help");
    tap_named(&mut app, "Modelling badge");
    assert!(!app.world().resource::<Visit>().modelling);
    tap_cell(&mut app, "home", "stop");

    // A quick note, and the visit ends.
    open_area(&mut app);
    type_into(&mut app, "Note field", "Child smiled at the ü symbol");
    tap_named(&mut app, "Add note button");
    tap_named(&mut app, "End visit button");
    assert_eq!(area(&app), (true, WorkerPage::Review));

    let events = events_on_disk(&app);
    match &events[0] {
        Event::VisitStarted {
            case_ref,
            visit,
            purpose,
            present,
            seen_alone,
            ..
        } => {
            assert_eq!(case_ref, "C-1042");
            assert_eq!(visit, "School visit");
            assert_eq!(purpose, "Review of plan");
            assert_eq!(present, &["child", "teacher"]);
            assert_eq!(
                seen_alone,
                &SeenAlone::Partly {
                    reason: "teacher stayed for the first part".into()
                }
            );
        }
        other => panic!("the journal starts with {other:?}"),
    }
    let taps: Vec<(String, Actor)> = events
        .iter()
        .filter_map(|e| match e {
            Event::SymbolChosen { cell, by, .. } => Some((cell.clone(), *by)),
            _ => None,
        })
        .collect();
    assert_eq!(
        taps,
        [
            ("i".to_string(), Actor::Child),
            ("want".to_string(), Actor::Child),
            ("help".to_string(), Actor::Worker),
            ("stop".to_string(), Actor::Child),
        ]
    );
    assert!(
        events.iter().any(|e| matches!(e, Event::MessageSpoken { text, symbols, by: Actor::Child, chosen_by, .. }
            if text == "I want" && symbols == &["i", "want"] && chosen_by == &[Actor::Child, Actor::Child])),
        "{events:?}"
    );
    assert!(events.contains(&Event::WorkerNote {
        text: "Child smiled at the ü symbol".into()
    }));
    assert_eq!(events.last(), Some(&Event::VisitEnded));

    // After the end, a tap on the board is not the visit's any more.
    tap_named(&mut app, "Back from review button");
    tap_named(&mut app, "Back to board button");
    tap_cell(&mut app, "home", "more");
    assert_eq!(events_on_disk(&app).last(), Some(&Event::VisitEnded));
    open_area(&mut app);
    tap_named(&mut app, "Review button");

    // Review: the spoken message is marked spontaneous; the tap on "stop" is struck out.
    let seq_of = |app: &App, wanted: &dyn Fn(&Event) -> bool| {
        app.world()
            .resource::<Visit>()
            .lines()
            .iter()
            .find(|l| wanted(&l.event))
            .map(|l| l.seq)
            .unwrap()
    };
    let spoken = seq_of(&app, &|e| matches!(e, Event::MessageSpoken { .. }));
    let stop = seq_of(
        &app,
        &|e| matches!(e, Event::SymbolChosen { cell, .. } if cell == "stop"),
    );
    tap_named(&mut app, &format!("Spontaneous {spoken}"));
    while !has_named(&mut app, &format!("Strike out {stop}")) {
        tap_named(&mut app, "Later button");
    }
    tap_named(&mut app, &format!("Strike out {stop}"));
    tap_named(&mut app, &format!("Confirm strike out {stop}"));
    let events = events_on_disk(&app);
    assert!(events.contains(&Event::Marked {
        seq: spoken,
        mark: Mark::Spontaneous
    }));
    assert!(
        events
            .iter()
            .any(|e| matches!(e, Event::Redacted { seq, .. } if *seq == stop))
    );

    // Export: every format in exports/, the journal still there until the worker confirms.
    tap_named(&mut app, "Export button");
    assert_eq!(area(&app), (true, WorkerPage::Export));
    let exports = data.join("exports");
    let stem = journals(&data)[0]
        .file_stem()
        .unwrap()
        .to_string_lossy()
        .into_owned();
    for extension in ["txt", "md", "ron", "obl", "png"] {
        let file = exports.join(format!("{stem}.summary.{extension}"));
        assert!(file.is_file(), "{} written", file.display());
    }
    let text_file = exports.join(format!("{stem}.summary.txt"));
    let on_disk = std::fs::read(&text_file).unwrap();
    assert!(
        !String::from_utf8_lossy(&on_disk).contains("I want"),
        "kept on the tablet, so sealed"
    );
    let text = read_summary(&data, &text_file);
    assert!(text.contains("\"I want\""), "the child's message:\n{text}");
    assert!(text.contains("(spontaneous)"), "the mark:\n{text}");
    let modelling = text
        .split("WORKER MODELLING")
        .nth(1)
        .expect("a modelling section");
    assert!(
        modelling.contains("[help]"),
        "modelling kept apart:\n{text}"
    );
    assert!(!text.contains("[stop]"), "struck out:\n{text}");
    assert!(text.contains("Child smiled at the ü symbol"));
    assert!(!text.contains("deleted"), "not deleted yet:\n{text}");
    let shown = text_under(&mut app, "Worker page");
    assert!(shown.contains(&text_file.display().to_string()), "{shown}");
    assert_eq!(journals(&data).len(), 1, "kept until the worker confirms");

    // The worker confirms: the journal goes, with the summary files kept on the tablet
    // (docs/data-protection.md, "Deleting"); the page says so.
    tap_named(&mut app, "Delete from tablet button");
    assert!(journals(&data).is_empty(), "the tablet copy is deleted");
    assert!(
        !text_file.exists(),
        "the summary kept on the tablet is deleted too"
    );
    assert!(text_under(&mut app, "Worker page").contains("deleted from this tablet"));
    tap_named(&mut app, "Done button");
    assert!(!area(&app).0);
    assert!(!app.world().resource::<Visit>().is_recording());
}

#[test]
fn a_visit_left_on_the_tablet_is_offered_at_start_and_resumes_after_a_torn_line() {
    let data = scratch("left-on-tablet");
    let sessions = data.join("sessions");
    std::fs::create_dir_all(&sessions).unwrap();
    let journal = sessions.join("visit-20261126-140211.journal");
    let mut writer = JournalWriter::create(&journal).unwrap();
    writer.append(started()).unwrap();
    drop(writer);
    // Power was lost in the middle of the next line.
    let mut bytes = std::fs::read(&journal).unwrap();
    bytes.extend_from_slice(b"(v:1, seq:1, at:\"2026-11-26T14:03");
    std::fs::write(&journal, bytes).unwrap();

    let mut app = app_on(&data);
    // The child's screen only says a visit is waiting; the visit itself is behind the hold.
    assert!(!area(&app).0, "the worker area does not open by itself");
    let notice = named(&mut app, "Visit waiting notice");
    assert_eq!(
        app.world().get::<Node>(notice).map(|n| n.display),
        Some(Display::Flex)
    );
    assert!(!text_under(&mut app, "Visit waiting notice").contains("C-1042"));
    open_area(&mut app);
    assert_eq!(area(&app), (true, WorkerPage::Home));
    let offer = text_under(&mut app, "Worker page");
    assert!(offer.contains("C-1042"), "{offer}");
    assert!(offer.contains("damaged: 1 line"), "{offer}");

    tap_named(&mut app, "Resume visit 0");
    assert!(!area(&app).0, "back to the child's board");
    assert_eq!(
        app.world().get::<Node>(notice).map(|n| n.display),
        Some(Display::None),
        "nothing is waiting any more"
    );
    tap_cell(&mut app, "home", "want");
    let recovered = {
        app.world().resource::<Visit>().flush();
        read_on_disk(&journal).unwrap()
    };
    assert_eq!(
        recovered.skipped.len(),
        1,
        "the torn line is still reported"
    );
    assert_eq!(recovered.skipped[0].line, 2);
    assert!(matches!(
        recovered.lines.last().map(|l| &l.event),
        Some(Event::SymbolChosen { cell, by: Actor::Child, .. }) if cell == "want"
    ));
    assert_eq!(journals(&data), [journal], "the same journal, carried on");
}

#[test]
fn resuming_or_ending_a_visit_starts_the_childs_screen_afresh() {
    let data = scratch("afresh");
    let sessions = data.join("sessions");
    std::fs::create_dir_all(&sessions).unwrap();
    let mut writer =
        JournalWriter::create(&sessions.join("visit-20261201-100000.journal")).unwrap();
    writer.append(started()).unwrap();
    drop(writer);
    let mut app = app_on(&data);
    let message_len = |app: &App| {
        app.world()
            .resource::<hearme::message_bar::Message>()
            .items
            .len()
    };
    let board = |app: &App| {
        app.world()
            .resource::<hearme::board::Navigation>()
            .current()
            .to_string()
    };

    // Words tapped before the visit is resumed are not the visit's.
    tap_cell(&mut app, "home", "want");
    tap_cell(&mut app, "home", "people");
    assert_eq!((message_len(&app), board(&app).as_str()), (1, "people"));
    open_area(&mut app);
    tap_named(&mut app, "Resume visit 0");
    assert!(!area(&app).0);
    assert_eq!((message_len(&app), board(&app).as_str()), (0, "home"));

    // Ending the visit clears what the child was building too.
    tap_cell(&mut app, "home", "stop");
    assert_eq!(message_len(&app), 1);
    open_area(&mut app);
    tap_named(&mut app, "End visit button");
    assert_eq!(area(&app), (true, WorkerPage::Review));
    assert_eq!(message_len(&app), 0);
}

#[test]
fn after_a_failed_export_the_visit_cannot_be_deleted_from_the_tablet() {
    let data = scratch("export-fails");
    let mut app = app_on(&data);
    start_visit(&mut app, "C-1042");
    tap_cell(&mut app, "home", "want");
    // The exports folder cannot be made: a file is in its place.
    std::fs::write(data.join("exports"), b"not a folder").unwrap();
    open_area(&mut app);
    tap_named(&mut app, "End visit button");
    tap_named(&mut app, "Export button");
    assert_eq!(area(&app), (true, WorkerPage::Export));
    let shown = text_under(&mut app, "Worker page");
    assert!(shown.contains("not exported"), "{shown}");
    assert!(shown.contains("exports"), "names the folder: {shown}");
    assert!(
        !has_named(&mut app, "Delete from tablet button"),
        "nothing to delete the visit with"
    );
    assert_eq!(journals(&data).len(), 1, "the visit stays on the tablet");
}

#[test]
fn a_visit_opened_for_review_records_nothing_from_the_board_until_it_is_resumed() {
    let data = scratch("review-only");
    let sessions = data.join("sessions");
    std::fs::create_dir_all(&sessions).unwrap();
    let journal = sessions.join("visit-20261201-110000.journal");
    let mut writer = JournalWriter::create(&journal).unwrap();
    writer.append(started()).unwrap();
    drop(writer);
    let mut app = app_on(&data);
    let taps = |app: &App| {
        app.world().resource::<Visit>().flush();
        read_on_disk(&journal)
            .unwrap()
            .lines
            .iter()
            .filter(|l| matches!(l.event, Event::SymbolChosen { .. }))
            .count()
    };

    open_area(&mut app);
    tap_named(&mut app, "Review visit 0");
    assert_eq!(area(&app), (true, WorkerPage::Review));
    tap_named(&mut app, "Back from review button");
    assert!(text_under(&mut app, "Worker page").contains("open for review"));
    tap_named(&mut app, "Back to board button");
    tap_cell(&mut app, "home", "want");
    assert_eq!(
        taps(&app),
        0,
        "not recorded while the visit is only being reviewed"
    );

    open_area(&mut app);
    tap_named(&mut app, "Resume recording button");
    assert!(!area(&app).0);
    let words = app
        .world()
        .resource::<hearme::message_bar::Message>()
        .items
        .len();
    assert_eq!(words, 0, "recording starts with an empty message bar");
    tap_cell(&mut app, "home", "stop");
    assert_eq!(taps(&app), 1);
}

#[test]
fn a_strike_out_is_asked_once_and_can_be_brought_back() {
    let data = scratch("strike-out");
    let mut app = app_on(&data);
    start_visit(&mut app, "C-1042");
    tap_cell(&mut app, "home", "help");
    open_area(&mut app);
    tap_named(&mut app, "End visit button");
    let help = app
        .world()
        .resource::<Visit>()
        .lines()
        .iter()
        .find(|l| matches!(&l.event, Event::SymbolChosen { cell, .. } if cell == "help"))
        .map(|l| l.seq)
        .unwrap();
    let struck = |app: &App| {
        let visit = app.world().resource::<Visit>();
        timeline(visit.lines())
            .into_iter()
            .find(|item| item.seq == help)
            .unwrap()
            .redacted
    };

    // A slip on "Strike out" only asks; "No" keeps the tap.
    tap_named(&mut app, &format!("Strike out {help}"));
    assert!(
        !struck(&app),
        "nothing is struck out before the worker confirms"
    );
    tap_named(&mut app, &format!("Keep {help}"));
    assert!(!struck(&app));
    assert!(has_named(&mut app, &format!("Strike out {help}")));

    tap_named(&mut app, &format!("Strike out {help}"));
    tap_named(&mut app, &format!("Confirm strike out {help}"));
    assert!(struck(&app));

    // Brought back with a new event; the strike-out stays in the journal.
    tap_named(&mut app, &format!("Bring back {help}"));
    assert!(!struck(&app));
    let events = events_on_disk(&app);
    assert!(
        events
            .iter()
            .any(|e| matches!(e, Event::Redacted { seq, .. } if *seq == help))
    );
    assert!(events.contains(&Event::Restored { seq: help }));
    let recovered = read_on_disk(app.world().resource::<Visit>().journal_path().unwrap()).unwrap();
    let summary = hearme::model::summary::Summary::from_journal(&recovered).unwrap();
    let text = hearme::model::summary::render_text(&summary, None, &jiff::tz::TimeZone::UTC);
    assert!(
        text.contains("[help]"),
        "the tap is in the summary again:\n{text}"
    );
}
