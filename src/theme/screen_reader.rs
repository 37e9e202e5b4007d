//! What a screen reader is told (docs/access.md, "Screen readers"): every control is a button
//! with a label. A control given an [`AccessibleLabel`] (a cell's word, an activity choice with
//! its question) keeps it; any other is named by the words it shows. Bevy's AccessKit adapter
//! hands the tree to the platform's screen reader.

use bevy::a11y::{AccessibilityNode, AccessibilitySystems};
use bevy::prelude::*;
use bevy::ui::UiSystems;

use accesskit::Role;

use crate::input::Control;

pub(super) fn plugin(app: &mut App) {
    app.add_systems(
        PostUpdate,
        name_controls
            .in_set(ScreenReaderLabels)
            .after(UiSystems::PostLayout)
            .before(AccessibilitySystems::Update),
    );
}

/// Where controls get their role and label; features that label a control themselves do it
/// before this.
#[derive(SystemSet, Debug, Clone, PartialEq, Eq, Hash)]
pub struct ScreenReaderLabels;

/// Every word shown under `entity`, in order, joined by spaces.
pub fn words_under(entity: Entity, children: &Query<&Children>, texts: &Query<&Text>) -> String {
    let mut words = Vec::new();
    let mut stack = vec![entity];
    while let Some(next) = stack.pop() {
        if let Ok(text) = texts.get(next) {
            words.push(text.0.trim().to_string());
        }
        if let Ok(below) = children.get(next) {
            stack.extend(below.iter().rev());
        }
    }
    words.retain(|w| !w.is_empty());
    words.join(" ")
}

type LabelChanged = Or<(Changed<AccessibilityNode>, Changed<AccessibleLabel>)>;
type Told<'a> = (
    Entity,
    &'a mut AccessibilityNode,
    Option<&'a AccessibleLabel>,
);

fn name_controls(
    mut controls: Query<Told, (With<Control>, LabelChanged)>,
    children: Query<&Children>,
    texts: Query<&Text>,
) {
    for (entity, mut node, own) in &mut controls {
        let label = match own {
            Some(label) => label.0.clone(),
            None => words_under(entity, &children, &texts),
        };
        if node.role() == Role::Unknown {
            node.set_role(Role::Button);
        }
        if node.label() != Some(label.as_str()) && !label.is_empty() {
            node.set_label(label);
        }
    }
}
