//! "Check with the child": the child's messages and answers read back through the pointer path,
//! said by the bundled voice, every answer journaled and in the summary; a "no" kept and marked,
//! the worker's modelling never read back (docs/journal-format.md, "ReadBack").

use std::path::PathBuf;

use bevy::prelude::*;

use hearme::Content;
use hearme::model::read_back::{CheckAnswer, I_ASKED, Question, ReadBack, YOU_SAID, items};
use hearme::model::session::Event;
use hearme::model::voice::{ClipChoice, choose_clip};
use hearme::voice::VoiceOutput;

use crate::harness::*;
use crate::journal::scratch;
use crate::visit::{FRAME, events_on_disk, open_area, start_visit, summary_so_far};
use crate::voice::utterances;

fn visit_app(name: &str) -> App {
    let mut content = Content::built_in();
    content.data_dir = Some(scratch(name));
    let mut app = app_with_voice(content, VoiceOutput::without_device().0, 1280, 800);
    step_time(&mut app, FRAME);
    start_visit(&mut app, "C-7101");
    app
}

fn clip_names(clips: &[PathBuf]) -> Vec<String> {
    clips
        .iter()
        .map(|c| c.file_stem().unwrap().to_string_lossy().into_owned())
        .collect()
}

fn last_heard(app: &App) -> Vec<String> {
    clip_names(utterances(app).last().expect("something was said"))
}

fn answers_on_disk(app: &App) -> Vec<(Question, CheckAnswer)> {
    events_on_disk(app)
        .into_iter()
        .filter_map(|event| match event {
            Event::ReadBackAnswer {
                question, answer, ..
            } => Some((question, answer)),
            _ => None,
        })
        .collect()
}

/// The child says "I want", answers sad, and the worker models "you".
fn child_says_and_answers(app: &mut App) {
    tap_cell(app, "home", "i");
    tap_cell(app, "home", "want");
    tap_named(app, "Speak button");
    tap_named(app, "Feelings button");
    tap_named(app, "Choice sad");
    tap_named(app, "Close activity button");
    open_area(app);
    tap_named(app, "Modelling switch");
    tap_named(app, "Back to board button");
    tap_cell(app, "home", "you");
    tap_named(app, "Modelling badge");
}

#[test]
fn the_child_hears_each_item_and_answers_and_the_summary_keeps_a_no() {
    let mut app = visit_app("read-back-pointer");
    child_says_and_answers(&mut app);
    open_area(&mut app);
    assert!(
        text_under(&mut app, "Worker page").contains("Reads the child's 2 messages and answers"),
        "the worker sees how much will be read back"
    );
    tap_named(&mut app, "Check with the child button");

    // The first item in its own symbols, said by the bundled voice, with the question.
    let shown = text_under(&mut app, "Said symbols");
    assert!(shown.contains('I') && shown.contains("want"), "{shown}");
    assert_eq!(last_heard(&app), ["you-said", "i", "want", "is-that-right"]);
    tap_named(&mut app, "Check yes");
    assert_eq!(
        last_heard(&app),
        ["yes", "can-i-share-this-with-the-people-who-help-you"]
    );
    tap_named(&mut app, "Check no");
    // The feeling: the question asked, then the answer; the child says it is not right.
    assert_eq!(
        last_heard(&app),
        [
            "no",
            "i-asked",
            "how-are-you-feeling",
            "you-said",
            "sad",
            "is-that-right"
        ]
    );
    assert!(text_under(&mut app, "Read back").contains("How are you feeling?"));
    tap_named(&mut app, "Check no");
    assert!(
        text_under(&mut app, "Activity screen").contains("give the tablet back"),
        "every item was checked"
    );
    assert_eq!(
        answers_on_disk(&app),
        [
            (Question::Right, CheckAnswer::Yes),
            (Question::Share, CheckAnswer::No),
            (Question::Right, CheckAnswer::No),
        ],
        "not asked about sharing what the child said is not right"
    );
    let summary = summary_so_far(&app);
    let checked = summary
        .split("CHECKED WITH THE CHILD")
        .nth(1)
        .unwrap_or_else(|| panic!("no read-back section:\n{summary}"));
    assert!(checked.contains("2 of 2 checked"), "{checked}");
    assert!(
        checked.contains("\"You said: I want.\"  Is that right? -> yes.  Can I share this with the people who help you? -> no."),
        "{checked}"
    );
    assert!(!checked.contains("[you]") && !checked.contains("You said: you."));
    let feeling = summary
        .lines()
        .find(|l| l.contains("How are you feeling?  -> sad"))
        .unwrap_or_else(|| panic!("the feeling is kept:\n{summary}"));
    assert!(
        feeling.contains("the child said this is not right"),
        "{feeling}"
    );
}

#[test]
fn an_answer_undone_is_struck_out_and_a_stopped_check_says_what_was_not_read_back() {
    let mut app = visit_app("read-back-undo");
    child_says_and_answers(&mut app);
    open_area(&mut app);
    tap_named(&mut app, "Check with the child button");
    assert!(
        !app.world().resource::<hearme::visit::Visit>().modelling,
        "the read-back is the child's"
    );
    tap_named(&mut app, "Check no");
    tap_named(&mut app, "Undo button");
    assert!(
        text_under(&mut app, "Said symbols").contains("want"),
        "back on the first item"
    );
    tap_named(&mut app, "Check yes");
    tap_named(&mut app, "Decline button");
    tap_named(&mut app, "Close activity button");
    let summary = summary_so_far(&app);
    assert!(
        summary.contains("Is that right? -> yes.  Can I share this with the people who help you? -> I don't want to answer."),
        "{summary}"
    );
    assert!(
        !summary.contains("the child said this is not right"),
        "the undone no is gone"
    );
    assert!(
        summary.contains("Not read back (the check stopped first): \"sad\""),
        "{summary}"
    );
}

#[test]
fn every_part_the_read_back_says_around_the_childs_words_has_a_bundled_clip() {
    let root = hearme::asset_root();
    let mut parts = vec![YOU_SAID, I_ASKED];
    parts.extend(hearme::model::read_back::ALL_CHECKED);
    for question in [Question::Right, Question::Share] {
        parts.push(question.words());
        parts.extend(question.choices().iter().map(|a| a.words()));
    }
    parts.extend([
        CheckAnswer::DontKnow.words(),
        CheckAnswer::DontWantToAnswer.words(),
    ]);
    for part in parts {
        assert!(
            matches!(
                choose_clip(None, &root, "", "", part),
                ClipChoice::Bundled(_)
            ),
            "no clip for {part:?}: run tools/make-voice.py --missing"
        );
    }
}

#[test]
fn an_answer_about_an_item_since_struck_out_leaves_the_summary_with_it() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/it/fixtures/full-record.journal");
    let bytes = std::fs::read(&path).unwrap();
    let mut recovered = hearme::model::session::parse_journal(&path, &bytes).unwrap();
    let struck = |recovered: &hearme::model::session::Recovered| {
        let summary = hearme::model::summary::Summary::from_journal(recovered).unwrap();
        hearme::model::summary::render_text(&summary, None, &jiff::tz::TimeZone::UTC)
    };
    assert!(struck(&recovered).contains("You said: secret."));
    let next = recovered.lines.last().unwrap().seq + 1;
    recovered.lines.push(hearme::model::session::JournalLine {
        v: 2,
        seq: next,
        at: "2026-11-30T15:29:00.000Z".into(),
        event: Event::Redacted {
            seq: 8,
            reason: "tapped by mistake".into(),
        },
    });
    let text = struck(&recovered);
    let child = text
        .split("THE CHILD'S MESSAGES")
        .nth(1)
        .and_then(|rest| rest.split("WORKER MODELLING").next())
        .unwrap();
    assert!(
        !text.contains("You said: secret.") && !child.contains("[secret]"),
        "{text}"
    );
    assert!(text.contains("3 of 4 checked"), "{text}");
}

#[test]
fn the_read_back_walks_every_item_and_ends() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/it/fixtures/full-record.journal");
    let bytes = std::fs::read(&path).unwrap();
    let recovered = hearme::model::session::parse_journal(&path, &bytes).unwrap();
    let summary = hearme::model::summary::Summary::from_journal(&recovered).unwrap();
    let symbols = hearme::model::symbols::SymbolLibrary::built_in();
    let (activities, _) = hearme::model::activity::Activities::built_in(&symbols);
    let found = items(&summary, &activities);
    let words: Vec<&str> = found.iter().map(|i| i.words.as_str()).collect();
    assert_eq!(
        words,
        ["I want juice", "secret", "sad", "not safe", "school: good"],
        "the child's own, in the summary's order; never the worker's modelled \"secret\""
    );
    assert_eq!(
        found[1].shown[0].picture, "shushing-face",
        "the picture the child saw"
    );
    let mut read_back = ReadBack::new(found);
    let mut asked = 0;
    while !read_back.finished() {
        let step = read_back.answer(CheckAnswer::NotSure).unwrap();
        read_back = step.next;
        asked += 1;
    }
    assert_eq!(asked, 10, "two questions for each of five items");
    assert!(read_back.answer(CheckAnswer::Yes).is_none());
}

#[test]
fn the_picture_summary_says_under_each_item_what_the_child_answered_when_it_was_read_back() {
    use hearme::model::summary::picture::{PictureRef, render_own_symbols};
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/it/fixtures/full-record.journal");
    let text = std::fs::read_to_string(&path).unwrap();
    let height = |journal: &str| {
        let recovered = hearme::model::session::parse_journal(&path, journal.as_bytes()).unwrap();
        let summary = hearme::model::summary::Summary::from_journal(&recovered).unwrap();
        let png =
            render_own_symbols(&summary, &jiff::tz::TimeZone::UTC, |_: &PictureRef| None).unwrap();
        image::load_from_memory(&png).unwrap().height()
    };
    let unchecked: String = text
        .lines()
        .filter(|l| !l.contains("ReadBack"))
        .map(|l| format!("{l}\n"))
        .collect();
    // A line under each of the four items read back (the two messages, the two feelings).
    assert_eq!(height(&text), height(&unchecked) + 4 * 34);
}
