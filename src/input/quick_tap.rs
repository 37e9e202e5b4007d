//! A tap too quick for picking: when a finger goes down and up within one frame (a slow frame on
//! a cheap tablet), Bevy's picking never sees the touch over anything, so the input seam finds
//! the control under it itself, the way picking would: the frontmost node under the finger that
//! takes touches, then its nearest `Control`.

use bevy::input_focus::{FocusCause, InputFocus, InputFocusSystems};
use bevy::picking::PickingSystems;
use bevy::prelude::*;
use bevy::text::EditableText;
use bevy::ui::UiStack;
use bevy::window::WindowEvent;

use super::{Activate, Control};

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<ActivatedThisFrame>()
        .add_systems(First, forget_last_frame)
        .add_systems(
            PreUpdate,
            activate_taps_too_quick_for_picking
                .after(PickingSystems::Last)
                .before(InputFocusSystems::Dispatch),
        );
}

/// Controls activated this frame, so a quick tap that picking did see is not activated twice.
#[derive(Resource, Default)]
pub(super) struct ActivatedThisFrame(pub(super) Vec<Entity>);

fn forget_last_frame(mut activated: ResMut<ActivatedThisFrame>) {
    activated.0.clear();
}

// A Bevy system: each argument is a resource or query it reads.
#[allow(clippy::type_complexity, clippy::too_many_arguments)]
fn activate_taps_too_quick_for_picking(
    mut events: MessageReader<WindowEvent>,
    stack: Res<UiStack>,
    nodes: Query<(
        &ComputedNode,
        &UiGlobalTransform,
        &InheritedVisibility,
        Option<&Pickable>,
    )>,
    parents: Query<&ChildOf>,
    targets: Query<Has<EditableText>, Or<(With<Control>, With<EditableText>)>>,
    mut activated: ResMut<ActivatedThisFrame>,
    mut focus: ResMut<InputFocus>,
    mut commands: Commands,
) {
    let mut down_this_frame: Vec<u64> = Vec::new();
    for event in events.read() {
        let WindowEvent::TouchInput(touch) = event else {
            continue;
        };
        match touch.phase {
            bevy::input::touch::TouchPhase::Started => down_this_frame.push(touch.id),
            bevy::input::touch::TouchPhase::Ended if down_this_frame.contains(&touch.id) => {
                let Some(hit) = frontmost_at(touch.position, &stack, &nodes) else {
                    continue;
                };
                let Some(control) = std::iter::once(hit)
                    .chain(parents.iter_ancestors(hit))
                    .find(|&entity| targets.contains(entity))
                else {
                    continue;
                };
                // A text field tapped this quickly takes the keyboard, as a slower tap would.
                if targets.get(control).unwrap_or(false) {
                    focus.set(control, FocusCause::Pressed);
                    continue;
                }
                if !activated.0.contains(&control) {
                    activated.0.push(control);
                    commands.trigger(Activate { entity: control });
                }
            }
            _ => {}
        }
    }
}

/// The frontmost node under `position` (logical pixels) that takes touches; the control tapped
/// is it or its nearest ancestor that is one, and a node that takes touches and is no control (a
/// page's background) hides what is under it.
#[allow(clippy::type_complexity)]
fn frontmost_at(
    position: Vec2,
    stack: &UiStack,
    nodes: &Query<(
        &ComputedNode,
        &UiGlobalTransform,
        &InheritedVisibility,
        Option<&Pickable>,
    )>,
) -> Option<Entity> {
    stack.uinodes.iter().rev().copied().find(|&entity| {
        let Ok((node, transform, visibility, pickable)) = nodes.get(entity) else {
            return false;
        };
        let takes_touches = pickable.is_none_or(|p| p.is_hoverable);
        let physical = position / node.inverse_scale_factor();
        takes_touches && visibility.get() && node.contains_point(*transform, physical)
    })
}
