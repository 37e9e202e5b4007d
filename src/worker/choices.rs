//! Rows of chips on a settings page: what a setting is, then its choices, the chosen one marked
//! (by a thick border and a tick, never by colour alone).

use bevy::prelude::*;

use crate::theme::{body, chip_button, row};

/// A chip: its name, its word, what it does, and whether it is the one chosen.
pub(super) type ChoiceButton<A> = (String, String, A, bool);

/// A setting's line: what it is, and its chips.
pub(super) type ChoiceRow<A> = (String, Vec<ChoiceButton<A>>);

pub(super) fn option<A>(name: String, word: &str, action: A, chosen: bool) -> ChoiceButton<A> {
    (name, word.to_string(), action, chosen)
}

pub(super) fn on_off<A>(name: &str, on: bool, make: fn(bool) -> A) -> Vec<ChoiceButton<A>> {
    vec![
        option(format!("{name} on"), "on", make(true), on),
        option(format!("{name} off"), "off", make(false), !on),
    ]
}

/// One chip for each value, `word` saying it, the one equal to `now` chosen.
pub(super) fn values<A, V: Copy + PartialEq>(
    name: &str,
    now: V,
    choices: &[V],
    word: impl Fn(V) -> String,
    make: impl Fn(V) -> A,
) -> Vec<ChoiceButton<A>> {
    choices
        .iter()
        .map(|&value| {
            let said = word(value);
            option(format!("{name} {said}"), &said, make(value), value == now)
        })
        .collect()
}

pub(super) fn column() -> Node {
    Node {
        flex_direction: FlexDirection::Column,
        row_gap: px(12.0),
        ..default()
    }
}

/// Each setting on a line: what it is (in a column `label_px` wide), then its choices, each
/// doing `act` with its action.
pub(super) fn choice_rows<A, B: Bundle>(
    parent: &mut ChildSpawnerCommands,
    rows: Vec<ChoiceRow<A>>,
    label_px: f32,
    act: impl Fn(A) -> B,
) {
    for (said, options) in rows {
        parent.spawn(row()).with_children(|line| {
            line.spawn(setting_name(said, label_px));
            for (name, word, action, chosen) in options {
                line.spawn(chip_button(name, word, chosen, act(action)));
            }
        });
    }
}

/// A setting's name, in a column `label_px` wide so the choices line up.
pub(super) fn setting_name(said: impl Into<String>, label_px: f32) -> impl Bundle {
    (
        Node {
            width: px(label_px),
            ..default()
        },
        children![body(said)],
    )
}
