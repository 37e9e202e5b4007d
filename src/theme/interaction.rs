//! Press feedback: a control shows its pressed colour while the input seam marks it
//! [`Pressed`], in the same frame as the touch; the text field with the keyboard shows it.

use bevy::input_focus::InputFocus;
use bevy::prelude::*;
use bevy::text::EditableText;

use super::palette::{FOCUS_EDGE, TEXT};
use crate::input::Pressed;

pub(super) fn plugin(app: &mut App) {
    app.add_observer(show_pressed)
        .add_observer(show_released)
        .add_systems(
            PostUpdate,
            show_focused_field.before(bevy::ui::UiSystems::Layout),
        );
}

/// Colours a node (and any of its direct children that have their own) shows at rest and while
/// a finger is on it.
#[derive(Component, Clone, Copy)]
pub struct PressFeedback {
    pub normal: Color,
    pub pressed: Color,
}

fn show_pressed(
    pressed: On<Add, Pressed>,
    children: Query<&Children>,
    mut colours: Query<(&PressFeedback, &mut BackgroundColor)>,
) {
    paint(pressed.entity, &children, &mut colours, |f| f.pressed);
}

fn show_released(
    released: On<Remove, Pressed>,
    children: Query<&Children>,
    mut colours: Query<(&PressFeedback, &mut BackgroundColor)>,
) {
    paint(released.entity, &children, &mut colours, |f| f.normal);
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

/// The text field that has the keyboard shows a thick highlighted edge; the others a thin one.
fn show_focused_field(
    focus: Res<InputFocus>,
    mut fields: Query<(Entity, &mut BorderColor, &mut Node), With<EditableText>>,
) {
    if !focus.is_changed() {
        return;
    }
    for (entity, mut edge, mut node) in &mut fields {
        let focused = focus.get() == Some(entity);
        *edge = BorderColor::all(if focused { FOCUS_EDGE } else { TEXT });
        // The thicker edge takes its room from the padding, so the words do not move.
        let (edge_px, padding_px) = if focused { (4.0, 10.0) } else { (2.0, 12.0) };
        node.border = UiRect::all(px(edge_px));
        node.padding = UiRect::all(px(padding_px));
    }
}
