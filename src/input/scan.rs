//! Switch scanning over every control on the screen (`model/access/scan.rs`): the controls
//! laid out in rows, a thick two-tone highlight ([`ScanHighlight`]), switches as keys or the
//! whole screen, and each highlighted control's word said quietly when the child's settings ask
//! ([`Highlighted`], which the voice hears). A new screen starts the scan at its first row.

use std::time::Duration;

use bevy::input::ButtonState;
use bevy::input::keyboard::KeyboardInput;
use bevy::prelude::*;

use super::access::AccessRules;
use super::clock::InputClock;
use super::{AccessMethod, Activate, Control};
use crate::model::access::scan::ScanStep;

pub(super) fn plugin(app: &mut App) {
    app.add_message::<SwitchPressed>()
        .add_message::<Highlighted>()
        .add_systems(
            PreUpdate,
            (read_switch_keys, follow_screen, step_scan)
                .chain()
                .after(super::touch::follow_fingers),
        );
}

/// A switch was pressed: a key the child's settings name, or the whole screen.
#[derive(Message, Debug, Clone, Copy, PartialEq, Eq)]
pub enum SwitchPressed {
    Select,
    Move,
}

/// The scan highlights this control now (a row's first, or the one control): its word is said
/// quietly when the child's settings ask for auditory scanning.
#[derive(Message, Debug, Clone, Copy, PartialEq, Eq)]
pub struct Highlighted(pub Entity);

/// Marks each control the scan highlights.
#[derive(Component, Debug, Clone, Copy)]
pub struct ScanHighlight;

type Row = (f32, f32, Vec<(f32, Entity)>);

/// Every control with where it is on screen and whether it shows: what the scan and the
/// keyboard lay out in rows.
pub(super) type ShownControls<'w, 's> = Query<
    'w,
    's,
    (
        Entity,
        &'static ComputedNode,
        &'static UiGlobalTransform,
        &'static InheritedVisibility,
    ),
    With<Control>,
>;

/// The controls on screen now, in rows as laid out: top to bottom, each row left to right. A
/// control joins a row when its middle is within the row's first control's height.
pub(super) fn controls_in_rows(controls: &ShownControls) -> Vec<Vec<Entity>> {
    let mut shown: Vec<(Entity, Vec2, Vec2)> = controls
        .iter()
        .filter(|(_, node, _, visible)| visible.get() && node.size().min_element() > 0.0)
        .map(|(entity, node, transform, _)| (entity, transform.translation, node.size()))
        .collect();
    shown.sort_by(|a, b| {
        let top = |(_, centre, size): &(Entity, Vec2, Vec2)| centre.y - size.y / 2.0;
        top(a).total_cmp(&top(b)).then(a.1.x.total_cmp(&b.1.x))
    });
    // Each row: its first control's middle and height, and its controls by their middle's x.
    let mut rows: Vec<Row> = Vec::new();
    for (entity, centre, size) in shown {
        match rows
            .iter_mut()
            .find(|(middle, height, _)| (centre.y - *middle).abs() < *height / 2.0)
        {
            Some((_, _, row)) => row.push((centre.x, entity)),
            None => rows.push((centre.y, size.y, vec![(centre.x, entity)])),
        }
    }
    rows.into_iter()
        .map(|(_, _, mut row)| {
            row.sort_by(|a, b| a.0.total_cmp(&b.0));
            row.into_iter().map(|(_, entity)| entity).collect()
        })
        .collect()
}

fn read_switch_keys(
    mut keys: MessageReader<KeyboardInput>,
    rules: Res<AccessRules>,
    mut switch: MessageWriter<SwitchPressed>,
) {
    if !rules.scan.on() {
        keys.clear();
        return;
    }
    let one_switch = !rules.scan.two_switches();
    for key in keys.read() {
        if key.state != ButtonState::Pressed || key.repeat {
            continue;
        }
        let name = format!("{:?}", key.key_code);
        if rules.select_keys.contains(&name) {
            switch.write(SwitchPressed::Select);
        } else if rules.move_keys.contains(&name) {
            // A single switch may send either key; it always selects.
            switch.write(if one_switch {
                SwitchPressed::Select
            } else {
                SwitchPressed::Move
            });
        }
    }
}

/// The controls the scan goes over, as the screen now shows them.
#[derive(Default)]
struct Scanned(Vec<Vec<Entity>>);

fn follow_screen(
    controls: ShownControls,
    clock: InputClock,
    mut rules: ResMut<AccessRules>,
    mut scanned: Local<Scanned>,
) {
    if !rules.scan.on() {
        scanned.0.clear();
        return;
    }
    let rows = controls_in_rows(&controls);
    let same_controls = {
        let mut now: Vec<Entity> = rows.iter().flatten().copied().collect();
        let mut before: Vec<Entity> = scanned.0.iter().flatten().copied().collect();
        now.sort();
        before.sort();
        now == before
    };
    if !same_controls {
        rules.scan.set_controls(rows.clone(), clock.now());
        scanned.0 = rows;
    }
}

// A Bevy system: each argument is a resource or query it reads.
#[allow(clippy::too_many_arguments)]
pub(super) fn step_scan(
    mut switch: MessageReader<SwitchPressed>,
    clock: InputClock,
    mut rules: ResMut<AccessRules>,
    lit: Query<Entity, With<ScanHighlight>>,
    mut highlighted: MessageWriter<Highlighted>,
    mut wake: ResMut<crate::power::WakeForInput>,
    mut commands: Commands,
) {
    let now = clock.now();
    let mut activated = Vec::new();
    for press in switch.read() {
        let step = match press {
            SwitchPressed::Select => rules.scan.select(now),
            SwitchPressed::Move => rules.scan.move_on(now),
        };
        if let Some(ScanStep::Activate(control)) = step {
            activated.push(control);
        }
    }
    if let Some(ScanStep::Activate(control)) = rules.scan.tick(now) {
        activated.push(control);
    }
    let wanted = rules.scan.highlighted();
    let shown: Vec<Entity> = lit.iter().collect();
    if shown.len() != wanted.len() || shown.iter().any(|e| !wanted.contains(e)) {
        for entity in shown.iter().filter(|e| !wanted.contains(e)) {
            commands.entity(*entity).try_remove::<ScanHighlight>();
        }
        for &entity in &wanted {
            if let Ok(mut control) = commands.get_entity(entity) {
                control.try_insert(ScanHighlight);
            }
        }
        if rules.speak_items
            && let Some(&first) = wanted.first()
        {
            highlighted.write(Highlighted(first));
        }
    }
    for control in activated {
        commands.trigger(Activate {
            entity: control,
            via: AccessMethod::Scanning,
        });
    }
    // The highlight moving by itself needs the app awake at its pace, not only on input.
    let pace = rules.scan.busy().then(|| Duration::from_millis(50));
    wake.set_if_neq(crate::power::WakeForInput(pace));
}
