//! What a screen reader is told on each child screen: every control a role and a label, a cell
//! its word, a folder "folder, <name>", the message bar the message so far, an activity choice
//! the choice and its question (docs/access.md, "Screen readers").

use accesskit::Role;
use bevy::a11y::AccessibilityNode;
use bevy::prelude::*;

use hearme::activity::{ActivityAction, ActivityLibrary, ActivityScreen};
use hearme::input::Control;
use hearme::message_bar::MessageSymbols;
use hearme::model::activity::{Action, Open, current_prompt};

use crate::harness::*;

/// Each control shown now, with its role and label, by name.
fn controls_told(app: &mut App) -> Vec<(String, Option<Role>, String)> {
    let mut query = app.world_mut().query_filtered::<(
        &Name,
        &ComputedNode,
        &InheritedVisibility,
        Option<&AccessibilityNode>,
    ), With<Control>>();
    query
        .iter(app.world())
        .filter(|(_, node, visible, _)| visible.get() && node.size().min_element() > 0.0)
        .map(|(name, _, _, a11y)| {
            let role = a11y.map(|n| n.role());
            let label = a11y.and_then(|n| n.label().map(str::to_string));
            (name.to_string(), role, label.unwrap_or_default())
        })
        .collect()
}

fn assert_all_told(app: &mut App, screen: &str) -> Vec<(String, Option<Role>, String)> {
    let told = controls_told(app);
    assert!(told.len() > 3, "{screen}: controls found");
    for (name, role, label) in &told {
        assert!(
            role.is_some_and(|r| r != Role::Unknown),
            "{screen}: {name} has no role"
        );
        assert!(!label.trim().is_empty(), "{screen}: {name} has no label");
    }
    told
}

fn label_of(told: &[(String, Option<Role>, String)], name: &str) -> String {
    let found = told.iter().find(|(n, _, _)| n == name);
    found.map(|(_, _, label)| label.clone()).unwrap_or_default()
}

/// The labels of the activity's choices on screen (not its Back, Undo or Say again).
fn choices_told(app: &mut App) -> Vec<String> {
    let mut query = app.world_mut().query::<(
        &ActivityAction,
        &InheritedVisibility,
        Option<&AccessibilityNode>,
    )>();
    query
        .iter(app.world())
        .filter(|(action, visible, _)| {
            let chrome = matches!(action.0, Action::SayAgain | Action::Undo | Action::Close);
            visible.get() && !chrome && !matches!(action.0, Action::Open(_) | Action::OpenList)
        })
        .map(|(_, _, node)| node.and_then(|n| n.label()).unwrap_or_default().to_string())
        .collect()
}

/// The question the open activity asks now.
fn question_now(app: &App) -> String {
    let screen = app.world().resource::<ActivityScreen>();
    let Some(Open::Activity(run)) = &screen.open else {
        panic!("an activity is open");
    };
    let library = app.world().resource::<ActivityLibrary>();
    current_prompt(library.activities.get(&run.activity).unwrap(), run)
}

fn message_told(app: &mut App) -> String {
    let mut query = app
        .world_mut()
        .query_filtered::<&AccessibilityNode, With<MessageSymbols>>();
    let node = query.single(app.world()).expect("one message bar");
    node.label().unwrap_or_default().to_string()
}

#[test]
fn on_the_board_every_control_has_a_role_and_a_label() {
    let mut app = tablet_app();
    let told = assert_all_told(&mut app, "home board");
    assert_eq!(label_of(&told, "Cell home/want"), "want");
    assert_eq!(label_of(&told, "Speak button"), "Speak");
    let folders: Vec<&String> = told
        .iter()
        .map(|(_, _, label)| label)
        .filter(|label| label.starts_with("folder, "))
        .collect();
    assert!(
        folders.len() >= 3,
        "folders say they are folders: {folders:?}"
    );
    assert_eq!(message_told(&mut app), "Message, empty");
    tap_cell(&mut app, "home", "want");
    tap_cell(&mut app, "home", "more");
    assert_eq!(message_told(&mut app), "Message: want more");
}

#[test]
fn on_every_activity_each_choice_is_told_with_its_question() {
    let mut app = tablet_app();
    let activities = app.world().resource::<ActivityLibrary>().activities.clone();
    let mut looked_at = 0;
    for id in &activities.order {
        tap_named(&mut app, "Activities button");
        let listed = format!("Activity {id}");
        if !has_named(&mut app, &listed) {
            // Reached from another activity's answer (how big the feeling is), not the list.
            tap_named(&mut app, "Close activity button");
            continue;
        }
        tap_named(&mut app, &listed);
        looked_at += 1;
        let told = assert_all_told(&mut app, id);
        assert!(
            !told.iter().any(|(name, _, _)| name.starts_with("Cell ")),
            "{id}: the board under the activity is not told"
        );
        let choices = choices_told(&mut app);
        assert!(!choices.is_empty(), "{id}: choices found");
        let question = question_now(&app);
        for label in &choices {
            assert!(label.ends_with(&format!(", {question}")), "{id}: {label}");
            assert!(
                label.len() > question.len() + 2,
                "{id}: {label} names its choice"
            );
        }
        tap_named(&mut app, "Close activity button");
    }
    assert!(looked_at >= 4, "{looked_at} activities looked at");
}
