//! What is under a finger or the pointer, found the way picking finds it: the frontmost node
//! that takes touches, then its nearest control. The seam reads raw touches and the pointer
//! itself (`touch.rs`), so a tap too quick for picking (down and up in one slow frame) lands
//! like any other.

use bevy::ecs::system::SystemParam;
use bevy::prelude::*;
use bevy::text::EditableText;
use bevy::ui::UiStack;

use super::Control;

/// What a finger can land on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Hit {
    Control(Entity),
    /// A text field: it takes the keyboard.
    Field(Entity),
}

/// What a touch can be for: a control or a text field.
type ControlOrField = Or<(With<Control>, With<EditableText>)>;

#[derive(SystemParam)]
pub(super) struct HitTest<'w, 's> {
    stack: Res<'w, UiStack>,
    nodes: Query<
        'w,
        's,
        (
            &'static ComputedNode,
            &'static UiGlobalTransform,
            &'static InheritedVisibility,
            Option<&'static Pickable>,
        ),
    >,
    parents: Query<'w, 's, &'static ChildOf>,
    targets: Query<'w, 's, Has<EditableText>, ControlOrField>,
}

impl HitTest<'_, '_> {
    /// The control or text field under `position` (logical pixels).
    pub(super) fn at(&self, position: Vec2) -> Option<Hit> {
        let hit = self.frontmost_at(position)?;
        let target = std::iter::once(hit)
            .chain(self.parents.iter_ancestors(hit))
            .find(|&entity| self.targets.contains(entity))?;
        Some(if self.targets.get(target).unwrap_or(false) {
            Hit::Field(target)
        } else {
            Hit::Control(target)
        })
    }

    /// The control under `position`, if it is one.
    pub(super) fn control_at(&self, position: Vec2) -> Option<Entity> {
        match self.at(position)? {
            Hit::Control(entity) => Some(entity),
            Hit::Field(_) => None,
        }
    }

    /// The frontmost node under `position` that takes touches; a node that takes touches and is
    /// no control (a page's background) hides what is under it.
    fn frontmost_at(&self, position: Vec2) -> Option<Entity> {
        self.stack.uinodes.iter().rev().copied().find(|&entity| {
            let Ok((node, transform, visibility, pickable)) = self.nodes.get(entity) else {
                return false;
            };
            let takes_touches = pickable.is_none_or(|p| p.is_hoverable);
            let physical = position / node.inverse_scale_factor();
            takes_touches && visibility.get() && node.contains_point(*transform, physical)
        })
    }
}
