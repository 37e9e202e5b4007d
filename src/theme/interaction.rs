//! Press feedback: a control shows its pressed colour while the input seam marks it
//! [`Pressed`], in the same frame as the touch.

use bevy::prelude::*;

use crate::input::Pressed;

pub(super) fn plugin(app: &mut App) {
    app.add_observer(show_pressed).add_observer(show_released);
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
