//! The input seam: the one module that reads raw pointer and touch input. It turns a press
//! released on the same control into an [`Activate`] on that control, marks the control
//! [`Pressed`] while a finger is on it, and turns a long hold on the top-left corner into
//! [`WorkerAreaRequested`], and notes when anything was last done ([`LastInput`]); a tap too quick for picking is activated too (`quick_tap.rs`).
//! Features never read raw input; they attach their action to a control with `observe`
//! (docs/architecture.md, "The one-way flow, and the input seam"). Hold time, debounce, dwell,
//! scanning and the keyboard belong here.

mod corner;
mod last_input;
mod quick_tap;
mod simulate;

use bevy::prelude::*;
pub use bevy::ui::Pressed;

pub use corner::{CORNER_HOLD, CORNER_PX, WorkerAreaRequested};
pub use last_input::LastInput;
pub use simulate::simulate_touch;

pub(super) fn plugin(app: &mut App) {
    app.add_observer(activate_on_release)
        .add_observer(show_pressed)
        .add_observer(show_released::<Release>)
        .add_observer(show_released::<Cancel>)
        .add_observer(show_released::<Out>)
        .add_plugins((corner::plugin, last_input::plugin, quick_tap::plugin))
        // A tap on a text field moves the keyboard's focus before that frame's keys are
        // handed out, so a letter typed at once lands in the field just tapped.
        .configure_sets(
            PreUpdate,
            bevy::input_focus::InputFocusSystems::Dispatch
                .after(bevy::picking::PickingSystems::Last),
        );
}

/// Something a person can activate: a board cell, a button, an activity choice. Widgets add it
/// together with the observer of [`Activate`] that carries out the control's action.
#[derive(Component, Debug, Default, Clone, Copy)]
pub struct Control;

/// A control was activated: tapped today (pressed and released on it); later also held, dwelt
/// on, chosen by a switch scan or the keyboard.
#[derive(EntityEvent, Debug, Clone, Copy, PartialEq, Eq)]
pub struct Activate {
    pub entity: Entity,
}

/// Bevy sends `Click` to the entity under the finger and then to each of its ancestors; the
/// nearest control takes it, so a control inside another is never activated twice.
fn activate_on_release(
    mut click: On<Pointer<Click>>,
    controls: Query<(), With<Control>>,
    mut activated: ResMut<quick_tap::ActivatedThisFrame>,
    mut commands: Commands,
) {
    if controls.contains(click.entity) {
        click.propagate(false);
        activated.0.push(click.entity);
        commands.trigger(Activate {
            entity: click.entity,
        });
    }
}

/// Runs in the same frame as the touch, so the child sees the press before the next frame.
fn show_pressed(
    mut press: On<Pointer<Press>>,
    controls: Query<(), With<Control>>,
    mut commands: Commands,
) {
    if controls.contains(press.entity) {
        press.propagate(false);
        commands.entity(press.entity).insert(Pressed);
    }
}

fn show_released<E: std::fmt::Debug + Clone + Reflect>(
    release: On<Pointer<E>>,
    pressed: Query<(), (With<Control>, With<Pressed>)>,
    mut commands: Commands,
) {
    if pressed.contains(release.entity) {
        commands.entity(release.entity).remove::<Pressed>();
    }
}
