//! When the person at the tablet last touched, clicked, moved the pointer or pressed a key, so
//! the worker area can lock itself after a while with nothing done (docs/decisions.md, "PIN").

use std::time::Duration;

use bevy::input::keyboard::KeyboardInput;
use bevy::input::mouse::{MouseButtonInput, MouseWheel};
use bevy::input::touch::TouchInput;
use bevy::prelude::*;

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<LastInput>()
        .add_systems(PreUpdate, note_input.after(bevy::input::InputSystems));
}

/// The app's real-time clock (`Time<Real>::elapsed`) at the last input of any kind.
#[derive(Resource, Debug, Default, Clone, Copy)]
pub struct LastInput {
    pub at: Duration,
}

// A Bevy system: each argument is a kind of input it watches.
#[allow(clippy::too_many_arguments)]
fn note_input(
    mut touches: MessageReader<TouchInput>,
    mut buttons: MessageReader<MouseButtonInput>,
    mut wheel: MessageReader<MouseWheel>,
    mut moved: MessageReader<CursorMoved>,
    mut keys: MessageReader<KeyboardInput>,
    time: Res<Time<Real>>,
    mut last: ResMut<LastInput>,
) {
    let any = touches.read().count()
        + buttons.read().count()
        + wheel.read().count()
        + moved.read().count()
        + keys.read().count();
    if any > 0 {
        last.at = time.elapsed();
    }
}
