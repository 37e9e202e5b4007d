//! Colours, the Andika font, sizes and the small widgets every screen is built from.

use std::borrow::Cow;

use bevy::prelude::*;

use crate::model::vocab::WordClass;

const ANDIKA_REGULAR: &[u8] = include_bytes!("../assets/fonts/Andika-Regular.ttf");

pub const BACKGROUND: Color = Color::srgb(0.20, 0.22, 0.25);
pub const BAR_BACKGROUND: Color = Color::srgb(0.93, 0.94, 0.95);
pub const TEXT: Color = Color::srgb(0.08, 0.08, 0.10);
pub const TEXT_ON_DARK: Color = Color::srgb(0.97, 0.97, 0.97);
pub const BUTTON: Color = Color::srgb(0.30, 0.34, 0.40);
pub const BUTTON_PRESSED: Color = Color::srgb(0.14, 0.16, 0.20);
pub const HIGHLIGHT: Color = Color::srgb(1.0, 0.84, 0.0);

pub const CELL_LABEL_PX: f32 = 20.0;
pub const BUTTON_LABEL_PX: f32 = 22.0;
pub const MESSAGE_LABEL_PX: f32 = 16.0;
pub const GAP_PX: f32 = 6.0;
/// 15 mm on a 10-inch 1280×800 tablet: the smallest target on a child's screen.
pub const CHILD_TARGET_PX: f32 = 89.0;
/// Message bar height; the bar holds symbols of at least the size a child can read back.
pub const MESSAGE_BAR_PX: f32 = 104.0;
/// Width of the nav strip in landscape, height in portrait.
pub const NAV_STRIP_PX: f32 = 112.0;

pub(super) fn plugin(app: &mut App) {
    // Andika replaces the default font handle, so every text uses it (Bevy's own default font
    // is ASCII-only and children's names and words are not).
    let mut fonts = app.world_mut().resource_mut::<Assets<Font>>();
    if let Err(error) = fonts.insert(
        AssetId::default(),
        Font::from_bytes(ANDIKA_REGULAR.to_vec()),
    ) {
        warn!("could not install the Andika font: {error}");
    }
    app.insert_resource(ClearColor(BACKGROUND));
    press_feedback_plugin(app);
}

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

/// A darker shade of a cell colour, for borders and the pressed state.
pub fn darker(color: Color, amount: f32) -> Color {
    let linear = color.to_srgba();
    Color::srgb(
        linear.red * (1.0 - amount),
        linear.green * (1.0 - amount),
        linear.blue * (1.0 - amount),
    )
}

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
    (
        Name::new("Picture"),
        ImageNode::new(picture),
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

/// A nav or message-bar button: a word on a dark rounded rectangle, at least a cell tall.
pub fn button(name: impl Into<Cow<'static, str>>, text: impl Into<String>) -> impl Bundle {
    button_with_height(name, text, 64.0)
}

/// A button at least `min_height_px` tall: child screens use 89 px, 15 mm on a 10-inch tablet.
pub fn button_with_height(
    name: impl Into<Cow<'static, str>>,
    text: impl Into<String>,
    min_height_px: f32,
) -> impl Bundle {
    (
        Name::new(name),
        Button,
        button_node(min_height_px, 2.0),
        BackgroundColor(BUTTON),
        BorderColor::all(TEXT_ON_DARK),
        PressFeedback {
            normal: BUTTON,
            pressed: BUTTON_PRESSED,
        },
        children![label(text, BUTTON_LABEL_PX, TEXT_ON_DARK)],
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

/// Colours a node shows at rest and while a finger is on it.
#[derive(Component, Clone, Copy)]
pub struct PressFeedback {
    pub normal: Color,
    pub pressed: Color,
}

fn press_feedback_plugin(app: &mut App) {
    app.add_observer(show_pressed)
        .add_observer(show_released::<Release>)
        .add_observer(show_released::<Cancel>)
        .add_observer(show_released::<Out>);
}

/// Runs in the same frame as the touch, so the child sees the press before the next frame.
fn show_pressed(
    press: On<Pointer<Press>>,
    children: Query<&Children>,
    mut colours: Query<(&PressFeedback, &mut BackgroundColor)>,
) {
    paint(press.entity, &children, &mut colours, |f| f.pressed);
}

fn show_released<E: std::fmt::Debug + Clone + Reflect>(
    release: On<Pointer<E>>,
    children: Query<&Children>,
    mut colours: Query<(&PressFeedback, &mut BackgroundColor)>,
) {
    paint(release.entity, &children, &mut colours, |f| f.normal);
}

fn paint(
    entity: Entity,
    children: &Query<&Children>,
    colours: &mut Query<(&PressFeedback, &mut BackgroundColor)>,
    pick: impl Fn(&PressFeedback) -> Color,
) {
    let parts = std::iter::once(entity).chain(children.get(entity).into_iter().flatten().copied());
    for part in parts {
        if let Ok((feedback, mut background)) = colours.get_mut(part) {
            background.0 = pick(feedback);
        }
    }
}
