//! One item of the review's timeline: its time, its words and the taps that can be struck out
//! on their own, and its buttons (mark, strike out, bring back, confirm); upright, the buttons
//! go under the words, and turning the tablet lays the page out again.

use bevy::prelude::*;
use bevy::window::PrimaryWindow;

use super::WorkerPage;
use super::review::{Asking, ReviewAction, ReviewPosition, review_action};
use crate::model::review::{Tap, TimelineItem};
use crate::model::session::Mark;
use crate::model::summary::clock_text;
use crate::theme::{GAP_PX, body, button, chip_button, choice_button};

pub(super) fn plugin(app: &mut App) {
    app.add_systems(
        Update,
        relayout_when_turned.run_if(in_state(WorkerPage::Review)),
    );
}

/// The height of one timeline row; the page keeps room for a full page of them, so the buttons
/// under the timeline never move.
pub(super) const ROW_PX: f32 = 84.0;
/// Upright (narrower than this), each row puts its buttons under its words.
pub(super) const NARROW_BELOW_PX: f32 = 1000.0;
pub(super) const NARROW_ROW_PX: f32 = 150.0;

/// Whether a row was laid out for an upright tablet; the page is rebuilt when that changes.
#[derive(Component)]
struct NarrowRow(bool);

pub(super) fn item_row(item: &TimelineItem, row_px: f32, narrow: bool) -> impl Bundle {
    (
        Name::new(format!("Timeline item {}", item.seq)),
        NarrowRow(narrow),
        Node {
            width: percent(100.0),
            height: px(row_px),
            flex_shrink: 0.0,
            flex_direction: FlexDirection::Row,
            // Upright, the buttons go on a line of their own under the words.
            flex_wrap: if narrow {
                FlexWrap::Wrap
            } else {
                FlexWrap::NoWrap
            },
            align_items: AlignItems::Center,
            align_content: AlignContent::Center,
            row_gap: px(4.0),
            column_gap: px(GAP_PX * 2.0),
            overflow: Overflow::clip(),
            ..default()
        },
    )
}

pub(super) fn item_contents(
    line: &mut ChildSpawnerCommands,
    item: &TimelineItem,
    asking: Option<Asking>,
    zone: &jiff::tz::TimeZone,
    narrow: bool,
) {
    line.spawn((
        Node {
            width: px(80.0),
            flex_shrink: 0.0,
            ..default()
        },
        children![body(clock_text(&item.at, zone))],
    ));
    let text = if item.redacted {
        format!("Struck out: {}", item.text)
    } else {
        item.text.clone()
    };
    // Taps tried before a message are not struck out with it, so they always show.
    let shown_taps: Vec<&Tap> = item
        .taps
        .iter()
        .filter(|tap| !item.redacted || !item.covers.contains(&tap.seq))
        .collect();
    line.spawn(Node {
        flex_grow: 1.0,
        flex_basis: px(0.0),
        min_width: if narrow { percent(80.0) } else { px(0.0) },
        flex_direction: FlexDirection::Column,
        row_gap: px(4.0),
        ..default()
    })
    .with_children(|words| {
        words.spawn(body(text));
        if shown_taps.is_empty() {
            return;
        }
        let caption = if item.covers.contains(&shown_taps[0].seq) {
            "one word:"
        } else {
            "tried first, not sent:"
        };
        words
            .spawn(Node {
                flex_direction: FlexDirection::Row,
                align_items: AlignItems::Center,
                column_gap: px(GAP_PX),
                ..default()
            })
            .with_children(|chips| {
                chips.spawn(body(caption));
                for tap in shown_taps {
                    chips.spawn(tap_button(tap));
                }
            });
    });
    line.spawn(Node {
        flex_direction: FlexDirection::Row,
        align_items: AlignItems::Center,
        column_gap: px(GAP_PX * 2.0),
        margin: UiRect::left(Val::Auto),
        flex_shrink: 0.0,
        ..default()
    })
    .with_children(|buttons| item_buttons(buttons, item, asking));
}

/// Mark, strike out or bring back an item, or confirm a strike-out asked for.
fn item_buttons(line: &mut ChildSpawnerCommands, item: &TimelineItem, asking: Option<Asking>) {
    let item_seq = item.seq;
    if item.redacted {
        line.spawn(button(
            format!("Bring back {item_seq}"),
            "Bring back",
            review_action(ReviewAction::Restore(Asking::Item(item_seq))),
        ));
        return;
    }
    let asked_tap = match asking {
        Some(Asking::Tap(seq)) => item.taps.iter().find(|tap| tap.seq == seq),
        _ => None,
    };
    if asking == Some(Asking::Item(item_seq)) || asked_tap.is_some() {
        // Ask once: a slip would take a child's words out of the summary.
        let (question, confirm, what) = match asked_tap {
            Some(tap) => (
                format!("Strike out [{}]?", tap.label),
                format!("Confirm strike out tap {}", tap.seq),
                Asking::Tap(tap.seq),
            ),
            None => (
                "Strike this out?".to_string(),
                format!("Confirm strike out {item_seq}"),
                Asking::Item(item_seq),
            ),
        };
        line.spawn(body(question));
        line.spawn(button(
            confirm,
            "Yes, strike out",
            review_action(ReviewAction::ConfirmRedact(what)),
        ));
        line.spawn(button(
            format!("Keep {item_seq}"),
            "No, keep it",
            review_action(ReviewAction::KeepItem),
        ));
        return;
    }
    if item.markable {
        for (mark, word) in [
            (Mark::Prompted, "Prompted"),
            (Mark::Spontaneous, "Spontaneous"),
        ] {
            line.spawn(choice_button(
                format!("{word} {item_seq}"),
                word,
                item.mark == Some(mark),
                review_action(ReviewAction::Mark(item_seq, mark)),
            ));
        }
    }
    if item.redactable {
        line.spawn(button(
            format!("Strike out {item_seq}"),
            "Strike out",
            review_action(ReviewAction::Redact(Asking::Item(item_seq))),
        ));
    }
}

/// One tap of a run of taps: tapping it asks to strike out that tap alone, or brings it back.
fn tap_button(tap: &Tap) -> impl Bundle {
    let (name, text, action) = if tap.redacted {
        (
            format!("Bring back tap {}", tap.seq),
            format!("[{}] struck out", tap.label),
            ReviewAction::Restore(Asking::Tap(tap.seq)),
        )
    } else {
        (
            format!("Strike out tap {}", tap.seq),
            format!("[{}] ×", tap.label),
            ReviewAction::Redact(Asking::Tap(tap.seq)),
        )
    };
    chip_button(name, text, tap.redacted, review_action(action))
}

/// Turning the tablet lays the review out again for its new shape.
fn relayout_when_turned(
    window: Query<&Window, (With<PrimaryWindow>, Changed<Window>)>,
    rows: Query<&NarrowRow>,
    mut position: ResMut<ReviewPosition>,
) {
    let Ok(window) = window.single() else { return };
    let narrow = window.width() < NARROW_BELOW_PX;
    if rows.iter().any(|row| row.0 != narrow) {
        position.set_changed();
    }
}
