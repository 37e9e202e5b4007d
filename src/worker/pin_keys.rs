//! The PIN pad's look: its 1-9 / Delete 0 OK keys, the dots that stand for the digits typed,
//! and the column of text beside them (`pin_pad.rs` builds the page and acts on the keys).

use bevy::prelude::*;

use super::pin_pad::{PadKey, pad_key};
use crate::input::Control;
use crate::theme::{self, BUTTON, BUTTON_PRESSED, GAP_PX, PressFeedback, TEXT, TEXT_ON_DARK};

/// A key of the pad: 104 px (17 mm on a 10-inch tablet), bigger than any worker button.
const KEY_PX: f32 = 104.0;

/// A dot for each digit typed, drawn (the font has no dot glyph), never the digit.
pub(super) fn dots(count: usize) -> impl Bundle {
    let dot = || {
        (
            Name::new("PIN dot"),
            Node {
                width: px(24.0),
                height: px(24.0),
                border_radius: BorderRadius::all(px(12.0)),
                ..default()
            },
            BackgroundColor(TEXT),
        )
    };
    (
        Name::new("PIN dots"),
        Node {
            min_height: px(40.0),
            column_gap: px(GAP_PX * 2.0),
            align_items: AlignItems::Center,
            ..default()
        },
        Children::spawn(SpawnIter((0..count).map(move |_| dot()))),
    )
}

pub(super) fn text_column() -> impl Bundle {
    Node {
        flex_direction: FlexDirection::Column,
        align_items: AlignItems::Start,
        row_gap: px(GAP_PX * 3.0),
        width: px(520.0),
        max_width: percent(100.0),
        ..default()
    }
}

/// 1 2 3 / 4 5 6 / 7 8 9 / Delete 0 OK, as on a phone.
pub(super) fn keys() -> impl Bundle {
    let digit = |d: u8| (PadKey::Digit(d), d.to_string(), 40.0);
    let order = [
        digit(1),
        digit(2),
        digit(3),
        digit(4),
        digit(5),
        digit(6),
        digit(7),
        digit(8),
        digit(9),
        (PadKey::Delete, "Delete".to_string(), 22.0),
        digit(0),
        (PadKey::Done, "OK".to_string(), 30.0),
    ];
    (
        Name::new("PIN pad"),
        Node {
            display: Display::Grid,
            grid_template_columns: RepeatedGridTrack::px(3, KEY_PX),
            grid_auto_rows: vec![GridTrack::px(KEY_PX)],
            column_gap: px(GAP_PX * 2.0),
            row_gap: px(GAP_PX * 2.0),
            ..default()
        },
        Children::spawn(SpawnIter(order.into_iter().map(key))),
    )
}

/// A key with its word (the digit, Delete or OK) at `size` px; named "PIN key <word>".
fn key((which, text, size): (PadKey, String, f32)) -> impl Bundle {
    (
        Name::new(format!("PIN key {text}")),
        Button,
        Control,
        pad_key(which),
        Node {
            justify_content: JustifyContent::Center,
            align_items: AlignItems::Center,
            border: UiRect::all(px(2.0)),
            border_radius: BorderRadius::all(px(16.0)),
            ..default()
        },
        BackgroundColor(BUTTON),
        BorderColor::all(TEXT_ON_DARK),
        PressFeedback {
            normal: BUTTON,
            pressed: BUTTON_PRESSED,
        },
        children![theme::label(text, size, TEXT_ON_DARK)],
    )
}
