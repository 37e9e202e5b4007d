//! The activity state machine on its own, without Bevy: what each choice records, what it says,
//! where the child goes next, and what a choice that means nothing here does (nothing).

use hearme::model::activity::{Action, Activities, Run, step};
use hearme::model::session::{ActivityKind, Actor, Decline, Event};
use hearme::model::symbols::SymbolLibrary;

fn built_in() -> Activities {
    let (activities, problems) = Activities::built_in(&SymbolLibrary::built_in());
    assert!(problems.is_empty(), "{problems:?}");
    activities
}

#[test]
fn a_feeling_chosen_leads_to_its_size_and_records_who_chose_it() {
    let activities = built_in();
    let run = Run::new("feelings-chooser", None);
    let step = step(&activities, &run, &Action::Point(4), Actor::Worker).unwrap();
    match step.record {
        Some(Event::ScaleAnswered {
            scale,
            chosen,
            by,
            unordered,
            ..
        }) => {
            assert_eq!((scale.as_str(), chosen), ("feelings-chooser", 4));
            assert_eq!(
                by,
                Actor::Worker,
                "the worker's modelling stays the worker's"
            );
            assert!(unordered, "a set of choices, not a scale");
        }
        other => panic!("a scale answer, not {other:?}"),
    }
    assert_eq!(step.next.activity, "feeling-size");
    assert_eq!(step.next.about.as_deref(), Some("worried"));
    assert_eq!(step.say.as_deref(), Some("How big is the feeling?"));
    assert!(step.undoable);
}

#[test]
fn a_card_sort_column_does_nothing_until_the_card_is_picked_up() {
    let activities = built_in();
    let run = Run::new("my-week", None);
    assert_eq!(
        step(&activities, &run, &Action::Column(0), Actor::Child),
        None
    );
    let picked = step(&activities, &run, &Action::PickCard, Actor::Child).unwrap();
    assert!(picked.record.is_none() && !picked.undoable);
    let placed = step(&activities, &picked.next, &Action::Column(2), Actor::Child).unwrap();
    assert!(matches!(
        placed.record,
        Some(Event::CardPlaced { ref card, ref column, .. }) if card == "school" && column == "not good"
    ));
    assert_eq!(placed.next.card, 1);
    assert!(!placed.next.card_picked);
    assert_eq!(placed.say.as_deref(), Some("How is home?"));
}

#[test]
fn declining_a_card_records_the_decline_and_moves_to_the_next_card() {
    let activities = built_in();
    let run = Run::new("my-week", None);
    let declined = step(
        &activities,
        &run,
        &Action::Decline(Decline::DontKnow),
        Actor::Child,
    )
    .unwrap();
    assert!(matches!(
        declined.record,
        Some(Event::Declined { kind: ActivityKind::CardSort, ref item, answer: Decline::DontKnow, .. })
            if item.as_deref() == Some("school")
    ));
    assert_eq!(declined.next.card, 1);
    assert!(declined.next.done.is_none());
}

#[test]
fn a_last_answer_thanks_the_child_and_says_the_word() {
    let activities = built_in();
    let run = Run::new("feeling-size", Some("worried".into()));
    let answered = step(&activities, &run, &Action::Point(0), Actor::Child).unwrap();
    assert!(answered.next.done.is_some());
    assert!(matches!(
        answered.record,
        Some(Event::ScaleAnswered { ref about, .. }) if about.as_deref() == Some("worried")
    ));
    assert!(answered.say.is_some());
}

#[test]
fn an_action_of_another_kind_of_activity_or_a_missing_activity_does_nothing() {
    let activities = built_in();
    let sort = Run::new("my-week", None);
    assert_eq!(
        step(
            &activities,
            &sort,
            &Action::Region("head".into()),
            Actor::Child
        ),
        None
    );
    let missing = Run::new("no-such-activity", None);
    assert_eq!(
        step(&activities, &missing, &Action::SayAgain, Actor::Child),
        None
    );
}

#[test]
fn an_activity_file_with_a_field_it_does_not_know_is_refused() {
    let symbols = SymbolLibrary::built_in();
    let text = r##"(v: 1, id: "x", title: "X", symbol: "thinking-face", colour: "#ffffff",
        activity: Houses(prompt: "Put things in", houses: [(id: "a", word: "a", symbol: "house")]))"##;
    let problems = hearme::model::activity::parse_activity("x.ron", text, &symbols).unwrap_err();
    assert!(
        problems.iter().any(|p| p.to_string().contains("colour")),
        "{problems:?}"
    );
}
