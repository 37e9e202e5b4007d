//! Feelings and activities, tapped through the pointer path: each built-in activity's journal
//! lines and the summary sections they make, declining, undo, spoken prompts, and activity files
//! with problems.

use std::path::{Path, PathBuf};

use bevy::prelude::*;

use hearme::Content;
use hearme::activity::ActivityScreen;
use hearme::model::activity::{Activities, parse_activity};
use hearme::model::session::{ActivityKind, Actor, Decline, Event, Recovered};
use hearme::model::summary::{Summary, render_text};
use hearme::visit::Visit;
use hearme::voice::{PlaybackLog, VoiceOutput};

use crate::harness::*;
use crate::journal::{scratch, started};

/// An app with a visit under way, whose system voice writes what it says to `said.txt`.
fn visit_app(name: &str) -> (App, PathBuf) {
    let dir = scratch(name);
    let (speech, said) = recording_speech(&dir);
    let mut content = Content::built_in();
    content.data_dir = Some(dir.clone());
    let mut app = app_with_speech(content, VoiceOutput::without_device().0, speech, 1280, 800);
    app.world_mut()
        .resource_mut::<Visit>()
        .start(
            &dir.join("sessions"),
            started(),
            &crate::visit::ring_for(&dir),
        )
        .unwrap();
    (app, said)
}

fn journal_of(app: &App) -> Recovered {
    let visit = app.world().resource::<Visit>();
    visit.flush();
    crate::visit::read_on_disk(visit.journal_path().unwrap()).unwrap()
}

fn events(app: &App) -> Vec<Event> {
    journal_of(app).lines.into_iter().map(|l| l.event).collect()
}

fn summary_text(app: &App) -> String {
    let summary = Summary::from_journal(&journal_of(app)).unwrap();
    render_text(&summary, None, &jiff::tz::TimeZone::UTC)
}

/// Whether `wanted` was said: its bundled clip handed to the mixer, or the system voice asked.
fn heard(app: &App, said: &Path, wanted: &str) -> bool {
    let clip = hearme::model::voice::clip_name(wanted);
    let played = app
        .world()
        .resource::<PlaybackLog>()
        .utterances
        .iter()
        .flat_map(|u| u.clips.iter())
        .any(|path| {
            path.file_name()
                .is_some_and(|n| n.to_string_lossy() == clip)
        });
    if played {
        return true;
    }
    for _ in 0..60 {
        if std::fs::read_to_string(said)
            .unwrap_or_default()
            .lines()
            .any(|line| line == wanted)
        {
            return true;
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    false
}

fn open_activity(app: &mut App, id: &str) {
    tap_named(app, "Activities button");
    tap_named(app, &format!("Activity {id}"));
}

/// Names of the buttons on the activity screen smaller than 15 mm (89 px) either way.
fn small_targets(app: &mut App) -> Vec<String> {
    let mut query = app
        .world_mut()
        .query_filtered::<(&Name, &ComputedNode, &Node), With<hearme::activity::ActivityAction>>();
    query
        .iter(app.world())
        .filter(|(_, _, node)| node.display != Display::None)
        .filter(|(_, computed, _)| {
            let size = computed.size() * computed.inverse_scale_factor();
            size.x < 89.0 || size.y < 89.0
        })
        .map(|(name, computed, _)| format!("{name}: {}", computed.size()))
        .collect()
}

fn is_open(app: &App) -> bool {
    app.world().resource::<ActivityScreen>().open.is_some()
}

#[test]
fn the_feelings_button_opens_the_check_in_which_is_spoken_answered_and_undone() {
    let (mut app, said) = visit_app("check-in");
    tap_named(&mut app, "Feelings button");
    assert!(is_open(&app));
    assert_eq!(text_under(&mut app, "Prompt"), "How are you feeling?");
    assert!(
        heard(&app, &said, "How are you feeling?"),
        "the prompt is spoken"
    );
    // Five faces, each with its word (never colour alone) and at least 15 mm.
    for word in ["very sad", "sad", "okay", "happy", "very happy"] {
        let entity = named(&mut app, &format!("Choice {word}"));
        let (_, size) = rect_of(&mut app, entity);
        assert!(size.x >= 89.0 && size.y >= 89.0, "{word}: {size}");
        assert!(text_under(&mut app, &format!("Choice {word}")).contains(word));
    }

    assert_eq!(small_targets(&mut app), Vec::<String>::new());
    tap_named(&mut app, "Choice sad");
    let answered = Event::ScaleAnswered {
        scale: "feelings-check-in".into(),
        prompt: "How are you feeling?".into(),
        options: ["very sad", "sad", "okay", "happy", "very happy"]
            .map(String::from)
            .to_vec(),
        chosen: 1,
        by: Actor::Child,
        about: None,
        unordered: false,
    };
    assert_eq!(events(&app).last(), Some(&answered));
    assert!(text_under(&mut app, "Done").contains("sad"));

    // Undo: the answer is struck out and the question is asked again.
    tap_named(&mut app, "Undo button");
    let journal = journal_of(&app);
    let answer_seq = journal.lines[1].seq;
    assert!(matches!(
        journal.lines.last().map(|l| &l.event),
        Some(Event::Redacted { seq, .. }) if *seq == answer_seq
    ));
    assert!(has_named(&mut app, "Choice happy"));

    tap_named(&mut app, "Choice happy");
    let text = summary_text(&app);
    assert!(
        text.contains("How are you feeling?  -> happy (4 of 5"),
        "{text}"
    );
    assert!(
        !text.contains("-> sad"),
        "the undone answer is left out:\n{text}"
    );

    tap_named(&mut app, "Close activity button");
    assert!(!is_open(&app), "back to the board");
}

#[test]
fn declining_is_recorded_as_declined_never_as_a_value() {
    let (mut app, _) = visit_app("decline");
    tap_named(&mut app, "Feelings button");
    tap_named(&mut app, "Decline button");
    assert!(matches!(
        events(&app).last(),
        Some(Event::Declined {
            kind: ActivityKind::Scale,
            answer: Decline::DontWantToAnswer,
            item: None,
            ..
        })
    ));
    let text = summary_text(&app);
    assert!(
        text.contains("How are you feeling?  -> declined: I don't want to answer"),
        "{text}"
    );
}

#[test]
fn the_feelings_chooser_leads_into_how_big_the_feeling_is() {
    let (mut app, said) = visit_app("chooser");
    open_activity(&mut app, "feelings-chooser");
    for word in [
        "happy", "sad", "angry", "scared", "worried", "calm", "excited", "tired", "confused",
        "safe", "not safe",
    ] {
        assert!(has_named(&mut app, &format!("Choice {word}")), "{word}");
    }
    tap_named(&mut app, "Choice worried");
    assert_eq!(
        text_under(&mut app, "Prompt"),
        "How big is the feeling? (worried)"
    );
    assert!(heard(&app, &said, "How big is the feeling?"));
    assert_eq!(small_targets(&mut app), Vec::<String>::new());
    tap_named(&mut app, "Choice 7");
    assert!(matches!(
        events(&app).last(),
        Some(Event::ScaleAnswered { scale, chosen: 7, about: Some(about), .. })
            if scale == "feeling-size" && about == "worried"
    ));
    let text = summary_text(&app);
    assert!(
        text.contains("Which feeling do you have?  -> worried"),
        "{text}"
    );
    assert!(
        text.contains("How big is the feeling? (worried)  -> 7 (8 of 11"),
        "{text}"
    );
}

#[test]
fn the_body_map_asks_how_much_and_the_summary_pairs_them() {
    let (mut app, _) = visit_app("body-map");
    open_activity(&mut app, "where-it-hurts");
    for region in ["head", "tummy", "back", "bottom"] {
        let entity = named(&mut app, &format!("Region {region}"));
        let (_, size) = rect_of(&mut app, entity);
        assert!(size.x >= 89.0 && size.y >= 89.0, "{region}: {size}");
    }
    assert_eq!(small_targets(&mut app), Vec::<String>::new());
    tap_named(&mut app, "Region tummy");
    assert_eq!(
        text_under(&mut app, "Prompt"),
        "How much does it hurt? (tummy)"
    );
    tap_named(&mut app, "Choice 6 - hurts a lot");
    let text = summary_text(&app);
    assert!(
        text.contains("BODY MAP\n")
            && text.contains("-> tummy; how much: 6 - hurts a lot (4 of 6)"),
        "{text}"
    );
    assert!(
        !text.contains("FEELINGS"),
        "how much it hurts belongs to the body map:\n{text}"
    );
}

#[test]
fn the_card_sort_takes_a_card_then_a_column_and_undo_brings_a_card_back() {
    let (mut app, said) = visit_app("card-sort");
    open_activity(&mut app, "my-week");
    assert!(heard(&app, &said, "How is school?"));
    // A column before the card does nothing: the card must be picked up first.
    tap_named(&mut app, "Column good");
    assert_eq!(events(&app).len(), 1, "nothing recorded yet");
    tap_named(&mut app, "Card");
    assert_eq!(small_targets(&mut app), Vec::<String>::new());
    tap_named(&mut app, "Column good");
    assert!(matches!(
        events(&app).last(),
        Some(Event::CardPlaced { card, column, prompt, .. })
            if card == "school" && column == "good" && prompt == "How is school?"
    ));
    assert_eq!(text_under(&mut app, "Prompt"), "How is home?");
    assert!(heard(&app, &said, "How is home?"));

    tap_named(&mut app, "Don't know button");
    assert!(matches!(
        events(&app).last(),
        Some(Event::Declined { item: Some(item), answer: Decline::DontKnow, kind: ActivityKind::CardSort, .. })
            if item == "home"
    ));
    tap_named(&mut app, "Undo button");
    assert_eq!(
        text_under(&mut app, "Prompt"),
        "How is home?",
        "home is back"
    );
    tap_named(&mut app, "Card");
    tap_named(&mut app, "Column not good");

    let text = summary_text(&app);
    assert!(text.contains("  good: school\n"), "{text}");
    assert!(text.contains("  not good: home\n"), "{text}");
    assert!(
        !text.contains("not answered"),
        "the undone decline is left out:\n{text}"
    );
}

#[test]
fn the_houses_fill_with_words_from_the_vocabulary() {
    let (mut app, _) = visit_app("houses");
    open_activity(&mut app, "three-houses");
    tap_named(&mut app, "House worries");
    assert_eq!(small_targets(&mut app), Vec::<String>::new());
    tap_named(&mut app, "Pick hurt");
    tap_named(&mut app, "House dreams");
    tap_named(&mut app, "Picker board activities");
    let pick = {
        let mut query = app.world_mut().query::<&Name>();
        query
            .iter(app.world())
            .map(|n| n.as_str().to_string())
            .find(|n| n.starts_with("Pick "))
            .expect("the activities board's words are offered")
    };
    tap_named(&mut app, &pick);
    let filled: Vec<(String, String)> = events(&app)
        .into_iter()
        .filter_map(|e| match e {
            Event::HouseFilled { house, word, .. } => Some((house, word)),
            _ => None,
        })
        .collect();
    assert_eq!(filled.len(), 2);
    assert_eq!(filled[0], ("worries".to_string(), "hurt".to_string()));
    assert_eq!(filled[1].0, "dreams");
    let text = summary_text(&app);
    assert!(
        text.contains("HOUSES - three-houses\n  worries: hurt\n"),
        "{text}"
    );
}

#[test]
fn the_built_in_activities_are_all_valid() {
    let symbols = hearme::model::symbols::SymbolLibrary::built_in();
    let (activities, problems) = Activities::built_in(&symbols);
    assert!(problems.is_empty(), "{problems:?}");
    assert!(activities.check_links().is_empty());
    assert_eq!(activities.by_id.len(), 7);
}

#[test]
fn a_malformed_activity_file_is_reported_and_the_others_stay_usable() {
    let symbols = hearme::model::symbols::SymbolLibrary::built_in();
    let dir = scratch("own-activities").join("activities");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(
        dir.join("good.ron"),
        r##"(v: 1, id: "my-school", title: "My school", symbol: "school",
            activity: CardSort(prompt: "How is it?",
                columns: [(word: "good", symbol: "thumbs-up", colour: "#bfe8c6", value: 1),
                          (word: "not good", symbol: "thumbs-down", colour: "#f4a3a3", value: 0)],
                cards: [(id: "lunch", word: "lunch", symbol: "bread")]))"##,
    )
    .unwrap();
    std::fs::write(
        dir.join("bad.ron"),
        "(v: 1, id: \"broken\", title: \"Broken\",\n symbol: \"no-such-symbol\", activity: Houses(prompt: \"Hi\", houses: []))",
    )
    .unwrap();
    let (mut activities, _) = Activities::built_in(&symbols);
    let problems = activities.add_dir(&dir, &symbols);
    let shown: Vec<String> = problems.iter().map(ToString::to_string).collect();
    let bad = dir.join("bad.ron").display().to_string();
    assert!(
        shown.contains(&format!(
            "{bad}:2:10: unknown symbol \"no-such-symbol\": it is not in the symbol library"
        )),
        "{shown:?}"
    );
    assert!(
        shown
            .iter()
            .any(|p| p.starts_with(&format!("{bad}:2:")) && p.contains("no houses"))
    );
    assert!(
        activities.get("my-school").is_some(),
        "the good file is used"
    );
    assert!(activities.get("broken").is_none());
    assert!(activities.get("my-week").is_some(), "the built-ins stay");

    // Every prefix of a real activity file gives a problem, never a panic.
    let text = include_str!("../../assets/activities/my-week.ron");
    for end in (0..text.len())
        .filter(|&i| text.is_char_boundary(i))
        .step_by(7)
    {
        let _ = parse_activity("cut.ron", &text[..end], &symbols);
    }

    let output = hearme().arg("check").arg(&dir).output().unwrap();
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        stdout.contains(&format!("{bad}:2:10:")) || stderr.contains(&format!("{bad}:2:10:")),
        "{stdout}{stderr}"
    );
}

#[test]
fn an_open_activity_and_its_undo_do_not_carry_over_to_the_next_visit() {
    let (mut app, _) = visit_app("next-visit");
    tap_named(&mut app, "Feelings button");
    tap_named(&mut app, "Choice sad");
    assert!(is_open(&app));
    let sessions = scratch("next-visit-2").join("sessions");
    app.world_mut()
        .resource_mut::<Visit>()
        .start(
            &sessions,
            started(),
            &crate::visit::ring_for(sessions.parent().unwrap()),
        )
        .unwrap();
    app.update();
    assert!(
        !is_open(&app),
        "the last child's answer is not shown to the next"
    );
    tap_named(&mut app, "Feelings button");
    assert!(
        !has_named(&mut app, "Undo button"),
        "no undo reaches the last visit"
    );
}

#[test]
fn no_control_moves_when_undo_appears_or_a_card_is_placed() {
    let (mut app, _) = visit_app("still-controls");
    open_activity(&mut app, "my-week");
    let controls = [
        "Decline button",
        "Don't know button",
        "Close activity button",
        "Column good",
        "Column not sure",
        "Column not good",
    ];
    let places = |app: &mut App| -> Vec<(String, Vec2)> {
        controls
            .iter()
            .map(|name| {
                let entity = named(app, name);
                (name.to_string(), rect_of(app, entity).0)
            })
            .collect()
    };
    let before = places(&mut app);
    assert!(!has_named(&mut app, "Undo button"));
    // Three cards into one column: its list of cards grows long.
    for _ in 0..3 {
        tap_named(&mut app, "Card");
        tap_named(&mut app, "Column not sure");
    }
    assert!(has_named(&mut app, "Undo button"), "Undo is offered now");
    assert_eq!(places(&mut app), before);
}

#[test]
fn a_long_word_gets_a_size_at_which_it_fits_and_leaves_room_for_its_picture() {
    use hearme::model::text_fit::{lines_needed, size_to_fit};
    // "Activities" at the full 22 px (about 93 px wide, as drawn) does not fit 80 px.
    assert_eq!(lines_needed("Activities", 22.0, 80.0), usize::MAX);
    assert_eq!(lines_needed("Activities", 22.0, 110.0), 1);
    let px = size_to_fit("Activities", 22.0, 14.0, 80.0, 3);
    assert!(
        px < 22.0 && lines_needed("Activities", px, 80.0) == 1,
        "{px}"
    );
    // A phrase wraps to two lines at most in a picker cell, so its picture is not a dot.
    let phrase = "I want to tell you something";
    let px = size_to_fit(phrase, 22.0, 14.0, 102.0, 2);
    assert!(lines_needed(phrase, px, 102.0) <= 2, "{px}");
    assert_eq!(size_to_fit("Undo", 22.0, 14.0, 96.0, 3), 22.0);
}

#[test]
fn a_body_map_region_may_have_a_picture_and_an_unknown_one_is_reported_where_it_is() {
    let dir = scratch("region-symbol");
    let text = include_str!("../../assets/activities/where-it-hurts.ron")
        .replace("symbol: \"lungs\"", "symbol: \"lungz\"");
    let path = dir.join("where.activity.ron");
    std::fs::write(&path, text).unwrap();
    let output = hearme().arg("check").arg(&path).output().unwrap();
    let report = String::from_utf8_lossy(&output.stdout).to_string()
        + &String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "{report}");
    assert!(report.contains("unknown symbol \"lungz\""), "{report}");
    assert!(
        report.contains(":14:"),
        "placed on the region's line: {report}"
    );
}
