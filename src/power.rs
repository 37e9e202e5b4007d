//! Low power: the app draws only when something changes, so an idle board uses no CPU.

use std::time::Duration;

use bevy::prelude::*;
use bevy::winit::{UpdateMode, WinitSettings};

/// Longest sleep between frames when nothing happens. Input, window events and `RequestRedraw`
/// wake the app at once; this only bounds how long a lost wake-up could last.
const IDLE_WAIT: Duration = Duration::from_secs(3600);

pub(super) fn plugin(app: &mut App) {
    app.insert_resource(sleeping_up_to(IDLE_WAIT))
        .init_resource::<WakeAtLeastEvery>()
        .init_resource::<WakeForInput>()
        .add_systems(
            PostUpdate,
            follow_wake_requests.run_if(
                resource_changed::<WakeAtLeastEvery>.or_else(resource_changed::<WakeForInput>),
            ),
        );
}

/// Set by a feature that must act when nothing happens (the worker area's idle lock): the app
/// then wakes at least this often. `None` sleeps until input.
#[derive(Resource, Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct WakeAtLeastEvery(pub Option<Duration>);

fn sleeping_up_to(wait: Duration) -> WinitSettings {
    WinitSettings {
        focused_mode: UpdateMode::reactive_low_power(wait),
        unfocused_mode: UpdateMode::reactive_low_power(wait),
    }
}

/// Set by the input seam while something moves by itself (the switch scan's highlight): the
/// app wakes at least this often. Kept apart from [`WakeAtLeastEvery`] so neither undoes the
/// other; the sooner wins.
#[derive(Resource, Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct WakeForInput(pub Option<Duration>);

fn follow_wake_requests(
    wake: Res<WakeAtLeastEvery>,
    input: Res<WakeForInput>,
    mut settings: ResMut<WinitSettings>,
) {
    let soonest = [wake.0, input.0].into_iter().flatten().min();
    *settings = sleeping_up_to(soonest.unwrap_or(IDLE_WAIT));
}
