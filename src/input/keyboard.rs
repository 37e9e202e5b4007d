//! The keyboard (docs/access.md, "Keyboard"): Tab and Shift+Tab go through every control on
//! screen in reading order, the arrow keys move within the grid, Enter or Space activates the
//! control with the focus, which wears the focus ring ([`KeyFocus`]). While scanning is on the
//! keys are switches instead, and while a text field has the keyboard the keys are its own.

use bevy::input::ButtonState;
use bevy::input::keyboard::KeyboardInput;
use bevy::input_focus::InputFocus;
use bevy::prelude::*;
use bevy::text::EditableText;

use super::access::AccessRules;
use super::hit::HitTest;
use super::scan::{ShownControls, controls_in_rows};
use super::{AccessMethod, Activate};

pub(super) fn plugin(app: &mut App) {
    app.add_systems(
        PreUpdate,
        follow_keys
            .after(bevy::input::InputSystems)
            .after(super::scan::step_scan),
    );
}

/// The control the keyboard is on.
#[derive(Component, Debug, Clone, Copy)]
pub struct KeyFocus;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Step {
    Next,
    Previous,
    Up,
    Down,
    Activate,
}

fn step_for(key: KeyCode, shift: bool) -> Option<Step> {
    Some(match key {
        KeyCode::Tab if shift => Step::Previous,
        KeyCode::Tab | KeyCode::ArrowRight => Step::Next,
        KeyCode::ArrowLeft => Step::Previous,
        KeyCode::ArrowUp => Step::Up,
        KeyCode::ArrowDown => Step::Down,
        KeyCode::Enter | KeyCode::NumpadEnter | KeyCode::Space => Step::Activate,
        _ => return None,
    })
}

/// Where a step goes from `now` among `rows`: along the reading order, or to the nearest
/// control (by its middle's `x`) of the row above or below.
fn moved(
    rows: &[Vec<Entity>],
    now: Option<Entity>,
    step: Step,
    x: impl Fn(Entity) -> f32,
) -> Option<Entity> {
    let order: Vec<Entity> = rows.iter().flatten().copied().collect();
    let Some(now) = now.filter(|e| order.contains(e)) else {
        return order.first().copied();
    };
    let place = order.iter().position(|&e| e == now)?;
    let row = rows.iter().position(|r| r.contains(&now))?;
    let nearest_in = |wanted: usize| {
        rows.get(wanted)?
            .iter()
            .copied()
            .min_by(|a, b| (x(*a) - x(now)).abs().total_cmp(&(x(*b) - x(now)).abs()))
    };
    match step {
        Step::Next => order.get((place + 1) % order.len()).copied(),
        Step::Previous => order.get((place + order.len() - 1) % order.len()).copied(),
        Step::Up => row.checked_sub(1).and_then(nearest_in).or(Some(now)),
        Step::Down => nearest_in(row + 1).or(Some(now)),
        Step::Activate => Some(now),
    }
}

// A Bevy system: each argument is a resource or query it reads.
#[allow(clippy::too_many_arguments)]
fn follow_keys(
    mut keys: MessageReader<KeyboardInput>,
    held: Res<ButtonInput<KeyCode>>,
    rules: Res<AccessRules>,
    typing: Res<InputFocus>,
    fields: Query<(), With<EditableText>>,
    controls: ShownControls,
    hits: HitTest,
    focused: Query<Entity, With<KeyFocus>>,
    mut commands: Commands,
) {
    let typing_in_field = typing.get().is_some_and(|field| fields.contains(field));
    if rules.scan.on() || typing_in_field {
        keys.clear();
        return;
    }
    let shift = held.any_pressed([KeyCode::ShiftLeft, KeyCode::ShiftRight]);
    let steps: Vec<Step> = keys
        .read()
        .filter(|key| key.state == ButtonState::Pressed)
        .filter_map(|key| {
            step_for(key.key_code, shift).filter(|s| *s != Step::Activate || !key.repeat)
        })
        .collect();
    if steps.is_empty() {
        return;
    }
    let mut now = focused.iter().next();
    // Only what a finger could reach: a control under the worker area's page is not.
    let middle = |entity: Entity| {
        controls
            .get(entity)
            .map(|(_, node, transform, _)| transform.translation * node.inverse_scale_factor())
            .unwrap_or_default()
    };
    let rows: Vec<Vec<Entity>> = controls_in_rows(&controls)
        .into_iter()
        .map(|row| {
            row.into_iter()
                .filter(|&e| hits.control_at(middle(e)) == Some(e))
                .collect::<Vec<_>>()
        })
        .filter(|row| !row.is_empty())
        .collect();
    let before = now;
    for step in steps {
        if step == Step::Activate
            && let Some(control) = now.filter(|e| controls.contains(*e))
        {
            commands.trigger(Activate {
                entity: control,
                via: AccessMethod::Keyboard,
            });
            continue;
        }
        now = moved(&rows, now, step, |e| middle(e).x);
    }
    if now != before {
        for entity in &focused {
            commands.entity(entity).try_remove::<KeyFocus>();
        }
        if let Some(entity) = now
            && let Ok(mut control) = commands.get_entity(entity)
        {
            control.try_insert(KeyFocus);
        }
    }
}
