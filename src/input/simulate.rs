//! Input for headless tests and benchmarks, written as winit writes it: fingers, the pointer and
//! keys reach the input seam and Bevy's picking like the real thing.

use bevy::input::ButtonState;
use bevy::input::keyboard::{Key, KeyboardInput};
use bevy::input::touch::{TouchInput, TouchPhase};
use bevy::prelude::*;
use bevy::window::{CursorMoved, PrimaryWindow, WindowEvent};

fn primary_window(app: &mut App) -> Option<Entity> {
    app.world_mut()
        .query_filtered::<Entity, With<PrimaryWindow>>()
        .single(app.world())
        .ok()
}

/// One finger's touch at `position` (logical pixels) on the primary window of a headless app.
pub fn simulate_touch(app: &mut App, position: Vec2, phase: TouchPhase) {
    simulate_finger(app, 1, position, phase);
}

/// As [`simulate_touch`], for the finger numbered `finger` (a second finger, a resting palm).
/// Written as the touch message and as a window event, which is what Bevy's picking reads.
pub fn simulate_finger(app: &mut App, finger: u64, position: Vec2, phase: TouchPhase) {
    let Some(window) = primary_window(app) else {
        return;
    };
    let event = TouchInput {
        phase,
        position,
        window,
        force: None,
        id: finger,
    };
    app.world_mut().write_message(event);
    app.world_mut()
        .write_message(WindowEvent::TouchInput(event));
}

/// The pointer (a mouse, an eye tracker, a head pointer) moved to `position`.
pub fn simulate_pointer(app: &mut App, position: Vec2) {
    let Some(window) = primary_window(app) else {
        return;
    };
    let moved = CursorMoved {
        window,
        position,
        delta: None,
    };
    app.world_mut().write_message(moved.clone());
    app.world_mut()
        .write_message(WindowEvent::CursorMoved(moved));
}

/// A key (or a switch interface sending one) pressed or let go.
pub fn simulate_key(app: &mut App, key_code: KeyCode, pressed: bool) {
    let Some(window) = primary_window(app) else {
        return;
    };
    let key = KeyboardInput {
        key_code,
        logical_key: Key::Unidentified(bevy::input::keyboard::NativeKey::Unidentified),
        state: if pressed {
            ButtonState::Pressed
        } else {
            ButtonState::Released
        },
        text: None,
        repeat: false,
        window,
    };
    app.world_mut().write_message(key.clone());
    app.world_mut()
        .write_message(WindowEvent::KeyboardInput(key));
}
