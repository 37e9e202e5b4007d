//! Every colour the app draws with, named once; feature files use these names, never literals.
//! The child's screens take theirs from the profile's theme (`model/theme.rs`); the worker's
//! pages keep the standard one (docs/access.md, "Themes").

use bevy::prelude::*;

use crate::model::theme::{Palette, Rgb, STANDARD, WORKER};

impl From<Rgb> for Color {
    fn from(rgb: Rgb) -> Color {
        rgb_colour(rgb)
    }
}

const fn rgb_colour(Rgb(red, green, blue): Rgb) -> Color {
    Color::srgb(red, green, blue)
}

/// The standard theme, for the worker's pages and as the child's default.
pub const BACKGROUND: Color = rgb_colour(STANDARD.background);
pub const BAR_BACKGROUND: Color = rgb_colour(STANDARD.bar);
pub const TEXT: Color = rgb_colour(WORKER.ink);
pub const TEXT_ON_DARK: Color = rgb_colour(STANDARD.button_ink);
pub const BUTTON: Color = rgb_colour(STANDARD.button);
pub const BUTTON_PRESSED: Color = rgb_colour(STANDARD.button_pressed);
/// A chosen option, the modelling badge.
pub const HIGHLIGHT: Color = rgb_colour(STANDARD.highlight);
pub const MESSAGE_SYMBOL_EDGE: Color = Color::srgb(0.6, 0.6, 0.65);
pub const PLAIN_CHOICE: Color = rgb_colour(STANDARD.plain);
/// Worker pages: the page, a text field, and a problem the worker must put right.
pub const PAGE_BACKGROUND: Color = rgb_colour(WORKER.page);
/// The edge of the text field that has the keyboard (6:1 on the field's white).
pub const FOCUS_EDGE: Color = rgb_colour(WORKER.focus_edge);
pub const FIELD_BACKGROUND: Color = rgb_colour(WORKER.field);
pub const PROBLEM: Color = rgb_colour(WORKER.problem);

/// A word class's colour in the standard theme (the editor's cells).
pub fn word_class_colour(class: crate::model::vocab::WordClass) -> Color {
    STANDARD.word_class(class).into()
}

/// An activity file's `#rrggbb` colour, or `plain` when it has none.
pub fn activity_colour(text: &str, plain: Rgb) -> Rgb {
    crate::model::activity::parse_colour(text).map_or(plain, |[r, g, b]| Rgb(r, g, b))
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

/// What a part of the child's screen that is built once (the nav strip, the message bar) is
/// painted as; it is repainted whenever the profile's theme changes.
#[derive(Component, Clone, Copy, Debug, PartialEq, Eq)]
pub enum Paint {
    /// A worded button: its face, edge, pressed face and word.
    Button,
    Bar,
    /// Words drawn straight on the screen's background.
    OnBackground,
}

pub(super) fn plugin(app: &mut App) {
    app.add_systems(
        PostUpdate,
        repaint
            .run_if(theme_changed.or_else(any_match_filter::<Added<Paint>>))
            .before(bevy::ui::UiSystems::Prepare),
    );
}

fn theme_changed(
    content: Option<Res<crate::Content>>,
    mut last: Local<Option<(Palette, f32)>>,
) -> bool {
    let now = (
        child_palette(content.as_deref()),
        text_scale(content.as_deref()),
    );
    last.replace(now) != Some(now)
}

fn text_scale(content: Option<&crate::Content>) -> f32 {
    content.map_or(1.0, |c| c.settings.text_size.scale())
}

/// The width a button's word may grow to with a larger text size: a nav button's, less its
/// edges.
const BUTTON_WORD_PX: f32 = 92.0;

/// The shown profile's palette (the standard one before any profile is loaded).
pub fn child_palette(content: Option<&crate::Content>) -> Palette {
    content.map_or(STANDARD, |c| c.settings.theme.palette())
}

type Painted<'a> = (
    &'a Paint,
    Option<&'a mut BackgroundColor>,
    Option<&'a mut BorderColor>,
    Option<&'a mut super::PressFeedback>,
    Option<&'a mut TextColor>,
    Option<&'a Children>,
);

fn repaint(
    content: Option<Res<crate::Content>>,
    mut clear: ResMut<ClearColor>,
    mut painted: Query<Painted>,
    mut words: Query<(&Text, &mut TextColor, &mut TextFont), Without<Paint>>,
) {
    let palette = child_palette(content.as_deref());
    let scale = text_scale(content.as_deref());
    clear.0 = palette.background.into();
    for (paint, face, edge, press, text, children) in &mut painted {
        let (face_colour, ink) = match paint {
            Paint::Button => (Some(palette.button), palette.button_ink),
            Paint::Bar => (Some(palette.bar), palette.bar_ink),
            Paint::OnBackground => (None, palette.on_background),
        };
        if let (Some(mut face), Some(colour)) = (face, face_colour) {
            face.0 = colour.into();
        }
        if let (Some(mut edge), Paint::Button) = (edge, paint) {
            *edge = BorderColor::all(palette.button_edge);
        }
        if let (Some(mut press), Paint::Button) = (press, paint) {
            press.normal = palette.button.into();
            press.pressed = palette.button_pressed.into();
        }
        if let Some(mut text) = text {
            text.0 = ink.into();
        }
        // A button's word is its child, in the child's text size as far as the button's width
        // allows; the bar's children have their own paint.
        if *paint == Paint::Button {
            for &child in children.into_iter().flatten() {
                if let Ok((word, mut colour, mut font)) = words.get_mut(child) {
                    colour.0 = ink.into();
                    // Never smaller than the standard size, which every button is made for.
                    let largest = super::BUTTON_LABEL_PX * scale;
                    let size = crate::model::text_fit::size_to_fit(
                        &word.0,
                        largest,
                        largest.min(super::BUTTON_LABEL_PX),
                        BUTTON_WORD_PX,
                        1,
                    );
                    font.font_size = FontSize::Px(size);
                }
            }
        }
    }
}
