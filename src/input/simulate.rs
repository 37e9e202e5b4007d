//! Touches for headless tests and benchmarks, written as winit writes them; the input seam and
//! Bevy's picking read them like a real finger.

use bevy::prelude::*;

/// One finger's touch at `position` (logical pixels) on the primary window of a headless app,
/// written the way winit writes it: as the touch message and as a window event, which is what
/// Bevy's picking reads.
pub fn simulate_touch(app: &mut App, position: Vec2, phase: bevy::input::touch::TouchPhase) {
    use bevy::window::{PrimaryWindow, WindowEvent};
    let Ok(window) = app
        .world_mut()
        .query_filtered::<Entity, With<PrimaryWindow>>()
        .single(app.world())
    else {
        return;
    };
    let event = bevy::input::touch::TouchInput {
        phase,
        position,
        window,
        force: None,
        id: 1,
    };
    app.world_mut().write_message(event);
    app.world_mut()
        .write_message(WindowEvent::TouchInput(event));
}
