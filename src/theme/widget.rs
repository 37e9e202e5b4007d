//! The widgets every screen is built from, as functions returning `impl Bundle`: text, pictures,
//! buttons and choices (each a [`Control`] carrying the action it is given, an `observe(..)` of
//! [`crate::input::Activate`]), rows, text fields and the full-screen overlay root.

use std::borrow::Cow;

use bevy::prelude::*;
use bevy::text::EditableText;

use super::interaction::PressFeedback;
use super::palette::*;
use super::{BODY_PX, BUTTON_LABEL_PX, CHILD_TARGET_PX, GAP_PX, TITLE_PX};
use crate::input::Control;
use crate::model::theme::{Palette, Rgb};

/// Centred text that takes no touches (the control around it does).
pub fn label(text: impl Into<String>, size_px: f32, color: Color) -> impl Bundle {
    (
        Text::new(text),
        TextFont {
            font_size: FontSize::Px(size_px),
            ..default()
        },
        TextColor(color),
        TextLayout::justify(Justify::Center),
        Pickable::IGNORE,
    )
}

/// A symbol's picture, square, taking the height its cell leaves after the word.
pub fn symbol_picture(picture: Handle<Image>) -> impl Bundle {
    tinted_picture(picture, Color::WHITE)
}

/// [`symbol_picture`] drawn through a tint (a faded one for a hidden cell in the editor).
pub fn tinted_picture(picture: Handle<Image>, tint: Color) -> impl Bundle {
    (
        Name::new("Picture"),
        ImageNode::new(picture).with_color(tint),
        Node {
            flex_grow: 1.0,
            flex_basis: px(0.0),
            min_height: px(0.0),
            max_width: percent(100.0),
            aspect_ratio: Some(1.0),
            ..default()
        },
        Pickable::IGNORE,
    )
}

/// A message-bar or worker button: a word on a dark rounded rectangle; `action` is what it does
/// (`observe(..)`, often with a component the observer reads).
pub fn button(
    name: impl Into<Cow<'static, str>>,
    text: impl Into<String>,
    action: impl Bundle,
) -> impl Bundle {
    sized_button(name, text, 64.0, action)
}

/// A button on a child's screen: at least 15 mm (89 px on a 10-inch tablet) tall.
pub fn child_button(
    name: impl Into<Cow<'static, str>>,
    text: impl Into<String>,
    action: impl Bundle,
) -> impl Bundle {
    (
        sized_button(name, text, CHILD_TARGET_PX, action),
        Paint::Button,
    )
}

fn sized_button(
    name: impl Into<Cow<'static, str>>,
    text: impl Into<String>,
    min_height_px: f32,
    action: impl Bundle,
) -> impl Bundle {
    let look = ButtonLook {
        face: BUTTON,
        ink: TEXT_ON_DARK,
        edge: TEXT_ON_DARK,
        border_px: 2.0,
        min_height_px,
    };
    worded_button(name, text, look, action)
}

/// How a worded button looks at rest.
struct ButtonLook {
    face: Color,
    ink: Color,
    edge: Color,
    border_px: f32,
    min_height_px: f32,
}

fn worded_button(
    name: impl Into<Cow<'static, str>>,
    text: impl Into<String>,
    look: ButtonLook,
    action: impl Bundle,
) -> impl Bundle {
    (
        Name::new(name),
        Button,
        Control,
        button_node(look.min_height_px, look.border_px),
        BackgroundColor(look.face),
        BorderColor::all(look.edge),
        PressFeedback {
            normal: look.face,
            pressed: BUTTON_PRESSED,
        },
        action,
        children![label(text, BUTTON_LABEL_PX, look.ink)],
    )
}

/// The shape of every worded button: a rounded rectangle, its word centred.
pub fn button_node(min_height_px: f32, border_px: f32) -> Node {
    Node {
        min_width: px(96.0),
        min_height: px(min_height_px),
        padding: UiRect::axes(px(14.0), px(8.0)),
        justify_content: JustifyContent::Center,
        align_items: AlignItems::Center,
        border: UiRect::all(px(border_px)),
        border_radius: BorderRadius::all(px(12.0)),
        ..default()
    }
}

/// One of a set of worded choices on a worker page; the chosen one is ticked as well as
/// coloured.
pub fn choice_button(
    name: impl Into<Cow<'static, str>>,
    text: impl Into<String>,
    chosen: bool,
    action: impl Bundle,
) -> impl Bundle {
    sized_choice(name, text, chosen, 64.0, action)
}

/// A small worded choice inside a line of a worker page (a tap in the review), 44 px tall: a
/// worker's target, never a child's.
pub fn chip_button(
    name: impl Into<Cow<'static, str>>,
    text: impl Into<String>,
    chosen: bool,
    action: impl Bundle,
) -> impl Bundle {
    sized_choice(name, text, chosen, 44.0, action)
}

fn sized_choice(
    name: impl Into<Cow<'static, str>>,
    text: impl Into<String>,
    chosen: bool,
    min_height_px: f32,
    action: impl Bundle,
) -> impl Bundle {
    let text = text.into();
    let (face, ink, shown) = if chosen {
        (HIGHLIGHT, TEXT, format!("✓ {text}"))
    } else {
        (BUTTON, TEXT_ON_DARK, text)
    };
    let look = ButtonLook {
        face,
        ink,
        edge: TEXT,
        border_px: if chosen { 4.0 } else { 2.0 },
        min_height_px,
    };
    worded_button(name, shown, look, action)
}

/// A big picture-and-word choice on a child's screen, in the child's palette.
pub struct PictureChoice<'a> {
    pub name: String,
    pub word: &'a str,
    pub picture: Handle<Image>,
    pub colour: Rgb,
    pub palette: &'a Palette,
    pub size: (f32, f32),
    pub chosen: bool,
    /// The child's text size (`TextSize::scale`): the word's largest size.
    pub text_scale: f32,
}

/// Picture and word on a coloured card with a darker edge. A chosen card gets a thick outline and
/// a tick, so it never differs by colour alone.
pub fn picture_choice(choice: PictureChoice, action: impl Bundle) -> impl Bundle {
    let PictureChoice {
        name,
        word,
        picture,
        colour,
        palette,
        size: (width, height),
        chosen,
        text_scale,
    } = choice;
    let tile = palette.tile(colour);
    let (face, edge, ink) = if chosen {
        (palette.highlight, palette.frame, palette.highlight_ink)
    } else {
        (tile.face, tile.edge, tile.ink)
    };
    let word = if chosen {
        format!("✓ {word}")
    } else {
        word.to_string()
    };
    // A wide, low card (the activity bar) puts its picture beside its word, so a long word
    // does not leave the picture a dot; any card sizes its word to fit.
    let inner = (width - 22.0, height - 22.0);
    let beside = width >= 1.8 * height;
    let word_width = if beside {
        inner.0 - inner.1 - 6.0
    } else {
        inner.0
    };
    // Beside the picture the word may take the card's height; under it, 40 % of it, so the
    // picture keeps the rest at any text size.
    let word_height = if beside { inner.1 } else { inner.1 * 0.4 };
    let lines = if beside { 3 } else { 2 };
    let word_px = crate::model::text_fit::scaled_to_fit(
        &word,
        BUTTON_LABEL_PX,
        text_scale,
        14.0,
        (word_width, word_height),
        lines,
    );
    (
        Name::new(name),
        Button,
        Control,
        action,
        Node {
            width: px(width),
            height: px(height),
            flex_direction: if beside {
                FlexDirection::Row
            } else {
                FlexDirection::Column
            },
            align_items: AlignItems::Center,
            justify_content: JustifyContent::Center,
            padding: UiRect::all(px(8.0)),
            row_gap: px(4.0),
            column_gap: px(6.0),
            border: UiRect::all(px(if chosen { 7.0 } else { 3.0 })),
            border_radius: BorderRadius::all(px(14.0)),
            ..default()
        },
        BackgroundColor(face.into()),
        BorderColor::all(edge),
        PressFeedback {
            normal: face.into(),
            pressed: if chosen { face } else { tile.pressed }.into(),
        },
        children![
            (
                // Beside the word the picture is as tall as the card; above it, it takes the
                // height the word leaves.
                Node {
                    width: if beside { px(inner.1) } else { percent(100.0) },
                    height: if beside { px(inner.1) } else { auto() },
                    flex_grow: if beside { 0.0 } else { 1.0 },
                    flex_shrink: 0.0,
                    min_height: px(0.0),
                    flex_direction: FlexDirection::Column,
                    align_items: AlignItems::Center,
                    ..default()
                },
                children![symbol_picture(picture)],
            ),
            (
                Node {
                    max_width: px(word_width),
                    flex_shrink: 0.0,
                    ..default()
                },
                children![label(word, word_px, ink.into())],
            )
        ],
    )
}

/// A full-screen column drawn over the child's board (activities at 50, the worker area at 100);
/// it takes every touch that reaches it, so nothing under it can be tapped.
pub fn overlay_root(
    name: &'static str,
    background: Color,
    z_index: i32,
    padding_px: f32,
    align_items: AlignItems,
) -> impl Bundle {
    (
        Name::new(name),
        Node {
            position_type: PositionType::Absolute,
            width: percent(100.0),
            height: percent(100.0),
            flex_direction: FlexDirection::Column,
            align_items,
            padding: UiRect::all(px(padding_px)),
            row_gap: px(GAP_PX * 2.0),
            ..default()
        },
        BackgroundColor(background),
        GlobalZIndex(z_index),
    )
}

/// A worker page's title.
pub fn title(text: impl Into<String>) -> impl Bundle {
    (Name::new("Page title"), text_line(text, TITLE_PX, TEXT))
}

/// A line of a worker page.
pub fn body(text: impl Into<String>) -> impl Bundle {
    text_line(text, BODY_PX, TEXT)
}

/// Something the worker must know or put right, in red.
pub fn problem(text: impl Into<String>) -> impl Bundle {
    (Name::new("Problem"), text_line(text, BODY_PX, PROBLEM))
}

/// What the last action on a page came to, red when it failed. The line is always there (a
/// space when there is nothing to say), so what is under it never moves.
pub fn outcome_line(name: &'static str, outcome: Option<&Result<String, String>>) -> impl Bundle {
    let (text, colour) = match outcome {
        Some(Ok(said)) => (said.clone(), TEXT),
        Some(Err(why)) => (why.clone(), PROBLEM),
        None => (" ".to_string(), TEXT),
    };
    (Name::new(name), text_line(text, BODY_PX, colour))
}

fn text_line(text: impl Into<String>, size_px: f32, color: Color) -> impl Bundle {
    (
        Text::new(text),
        TextFont {
            font_size: FontSize::Px(size_px),
            ..default()
        },
        TextColor(color),
        Pickable::IGNORE,
    )
}

/// A row of buttons, or a label with its field.
pub fn row() -> Node {
    Node {
        flex_direction: FlexDirection::Row,
        align_items: AlignItems::Center,
        column_gap: px(GAP_PX * 2.0),
        flex_wrap: FlexWrap::Wrap,
        row_gap: px(GAP_PX),
        ..default()
    }
}

/// A one-line text field; a tap puts the cursor in it.
pub fn text_field(
    name: impl Into<Cow<'static, str>>,
    field: impl Component,
    width_px: f32,
) -> impl Bundle {
    filled_text_field(name, field, width_px, "")
}

/// A text field that starts with `value` in it (a saved setting).
pub fn filled_text_field(
    name: impl Into<Cow<'static, str>>,
    field: impl Component,
    width_px: f32,
    value: &str,
) -> impl Bundle {
    (
        Name::new(name),
        field,
        EditableText {
            max_characters: Some(300),
            ..EditableText::new(value)
        },
        TextFont {
            font_size: FontSize::Px(BODY_PX),
            ..default()
        },
        TextColor(TEXT),
        Node {
            width: px(width_px),
            min_height: px(56.0),
            padding: UiRect::axes(px(12.0), px(12.0)),
            border: UiRect::all(px(2.0)),
            border_radius: BorderRadius::all(px(8.0)),
            ..default()
        },
        BackgroundColor(FIELD_BACKGROUND),
        BorderColor::all(TEXT),
    )
}
