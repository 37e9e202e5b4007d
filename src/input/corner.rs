//! The worker's way in: one finger (or the mouse) held on the top-left corner for 2 s, long
//! enough that a child's tap or brush does not open the worker area by chance.

use std::time::Duration;

use super::clock::InputClock;
use bevy::prelude::*;
use bevy::window::{PrimaryWindow, RequestRedraw};

pub const CORNER_HOLD: Duration = Duration::from_secs(2);
/// The corner's size in logical pixels, either way.
pub const CORNER_PX: f32 = 80.0;

pub(super) fn plugin(app: &mut App) {
    app.add_systems(PreUpdate, watch_corner.after(bevy::input::InputSystems));
}

/// The corner was held long enough: the worker asks for their area.
#[derive(Event, Debug, Clone, Copy)]
pub struct WorkerAreaRequested;

#[derive(Default)]
struct Hold {
    since: Option<Duration>,
    /// Asked once per hold: the finger must lift before the next request.
    requested: bool,
}

fn in_corner(position: Vec2) -> bool {
    position.x <= CORNER_PX && position.y <= CORNER_PX
}

fn watch_corner(
    touches: Res<Touches>,
    mouse: Res<ButtonInput<MouseButton>>,
    window: Query<&Window, With<PrimaryWindow>>,
    clock: InputClock,
    mut hold: Local<Hold>,
    mut commands: Commands,
    mut redraw: MessageWriter<RequestRedraw>,
) {
    let touch_held = touches
        .iter()
        .any(|touch| in_corner(touch.start_position()) && in_corner(touch.position()));
    let mouse_held = mouse.pressed(MouseButton::Left)
        && window
            .single()
            .ok()
            .and_then(Window::cursor_position)
            .is_some_and(in_corner);
    if !(touch_held || mouse_held) {
        *hold = Hold::default();
        return;
    }
    if hold.requested {
        return;
    }
    let now = clock.now();
    let since = *hold.since.get_or_insert(now);
    if now.saturating_sub(since) >= CORNER_HOLD {
        hold.requested = true;
        commands.trigger(WorkerAreaRequested);
    } else {
        // A finger held still sends no events; keep frames coming until the hold is done.
        redraw.write(RequestRedraw);
    }
}
