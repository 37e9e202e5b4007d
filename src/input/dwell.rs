//! Dwell: the pointer (a mouse, or an eye tracker or head pointer moving it) resting on a
//! control activates it, with a countdown ring on the control (`model/access/dwell.rs`).
//! Only the pointer dwells; a finger resting on the screen is a touch.

use bevy::prelude::*;
use bevy::window::{RequestRedraw, WindowEvent};

use super::access::AccessRules;
use super::clock::InputClock;
use super::hit::HitTest;
use super::{AccessMethod, Activate, Dwelling};

pub(super) fn plugin(app: &mut App) {
    app.add_systems(
        PreUpdate,
        follow_pointer.after(bevy::picking::PickingSystems::Last),
    );
}

fn follow_pointer(
    mut events: MessageReader<WindowEvent>,
    hits: HitTest,
    clock: InputClock,
    mut rules: ResMut<AccessRules>,
    shown: Query<(Entity, &Dwelling)>,
    mut commands: Commands,
    mut redraw: MessageWriter<RequestRedraw>,
) {
    let now = clock.now();
    let Some(dwell) = rules.dwell.as_mut() else {
        events.clear();
        for (entity, _) in &shown {
            commands.entity(entity).try_remove::<Dwelling>();
        }
        return;
    };
    for event in events.read() {
        match event {
            WindowEvent::CursorMoved(moved) => {
                dwell.pointer_over(hits.control_at(moved.position), now);
            }
            WindowEvent::CursorLeft(_) => dwell.forget(),
            _ => {}
        }
    }
    if let Some(control) = dwell.tick(now) {
        commands.trigger(Activate {
            entity: control,
            via: AccessMethod::Dwell,
        });
    }
    let progress = dwell.progress(now);
    for (entity, _) in &shown {
        if progress.is_none_or(|(target, _)| target != entity) {
            commands.entity(entity).try_remove::<Dwelling>();
        }
    }
    if let Some((target, fill)) = progress
        && let Ok(mut entity) = commands.get_entity(target)
    {
        entity.try_insert(Dwelling(fill));
    }
    if dwell.busy() {
        // The pointer resting still sends no events; the countdown needs frames.
        redraw.write(RequestRedraw);
    }
}
