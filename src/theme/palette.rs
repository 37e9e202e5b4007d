//! Every colour the app draws with, named once; feature files use these names, never literals.

use bevy::prelude::*;

use crate::model::vocab::WordClass;

/// The child's screen behind the board.
pub const BACKGROUND: Color = Color::srgb(0.20, 0.22, 0.25);
pub const BAR_BACKGROUND: Color = Color::srgb(0.93, 0.94, 0.95);
pub const TEXT: Color = Color::srgb(0.08, 0.08, 0.10);
pub const TEXT_ON_DARK: Color = Color::srgb(0.97, 0.97, 0.97);
pub const BUTTON: Color = Color::srgb(0.30, 0.34, 0.40);
pub const BUTTON_PRESSED: Color = Color::srgb(0.14, 0.16, 0.20);
/// The symbol being spoken, the chosen card, the modelling badge.
pub const HIGHLIGHT: Color = Color::srgb(1.0, 0.84, 0.0);
/// A symbol in the message bar, and its edge.
pub const MESSAGE_SYMBOL: Color = Color::WHITE;
pub const MESSAGE_SYMBOL_EDGE: Color = Color::srgb(0.6, 0.6, 0.65);
/// Activity screens: their background, and a choice that has no colour of its own.
pub const ACTIVITY_BACKGROUND: Color = Color::srgb(0.97, 0.96, 0.92);
pub const PLAIN_CHOICE: Color = Color::srgb(0.93, 0.94, 0.95);
/// The body map's regions.
pub const SKIN: Color = Color::srgb(0.99, 0.86, 0.74);
/// Worker pages: the page, a text field, and a problem the worker must put right.
pub const PAGE_BACKGROUND: Color = Color::srgb(0.96, 0.96, 0.94);
/// The edge of the text field that has the keyboard (6:1 on the field's white).
pub const FOCUS_EDGE: Color = Color::srgb(0.0, 0.33, 0.8);
pub const FIELD_BACKGROUND: Color = Color::srgb(1.0, 1.0, 1.0);
pub const PROBLEM: Color = Color::srgb(0.65, 0.05, 0.05);

/// Modified Fitzgerald key, in pastel shades that keep black text at a contrast ratio above 10:1.
pub fn word_class_colour(class: WordClass) -> Color {
    match class {
        WordClass::People => Color::srgb(1.0, 0.90, 0.45),
        WordClass::Verb => Color::srgb(0.70, 0.91, 0.62),
        WordClass::Describing => Color::srgb(0.66, 0.83, 1.0),
        WordClass::Noun => Color::srgb(1.0, 0.78, 0.54),
        WordClass::Social => Color::srgb(1.0, 0.76, 0.88),
        WordClass::Question => Color::srgb(0.85, 0.76, 1.0),
        WordClass::Negation => Color::srgb(1.0, 0.62, 0.62),
        WordClass::Misc => Color::srgb(1.0, 1.0, 1.0),
    }
}

/// An activity file's `#rrggbb` colour, or the plain choice colour.
pub fn activity_colour(text: &str) -> Color {
    crate::model::activity::parse_colour(text)
        .map_or(PLAIN_CHOICE, |[r, g, b]| Color::srgb(r, g, b))
}

/// A darker shade of a colour, for borders and the pressed state.
pub fn darker(color: Color, amount: f32) -> Color {
    let linear = color.to_srgba();
    Color::srgb(
        linear.red * (1.0 - amount),
        linear.green * (1.0 - amount),
        linear.blue * (1.0 - amount),
    )
}
