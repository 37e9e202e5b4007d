//! Low power: the app draws only when something changes, so an idle board uses no CPU.

use std::time::Duration;

use bevy::prelude::*;
use bevy::winit::{UpdateMode, WinitSettings};

/// Longest sleep between frames when nothing happens. Input, window events and `RequestRedraw`
/// wake the app at once; this only bounds how long a lost wake-up could last.
const IDLE_WAIT: Duration = Duration::from_secs(3600);

pub(super) fn plugin(app: &mut App) {
    app.insert_resource(WinitSettings {
        focused_mode: UpdateMode::reactive_low_power(IDLE_WAIT),
        unfocused_mode: UpdateMode::reactive_low_power(IDLE_WAIT),
    });
}
