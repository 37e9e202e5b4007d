//! The input seam: the one module that reads raw touches, the mouse, switches and keys. Fingers
//! go through the child's touch rules (`touch.rs`), the resting pointer through dwell
//! (`dwell.rs`), switches through the scan (`scan.rs`), keys move a focus ring (`keyboard.rs`);
//! each ends as an [`Activate`] on a control. The seam marks a control [`Pressed`] while a
//! finger is on it, [`Holding`] while a hold fills, [`Dwelling`] while a dwell counts down; it
//! turns a long hold on the top-left corner into [`WorkerAreaRequested`] and notes when
//! anything was last done ([`LastInput`]).
//! Features never read raw input; they attach their action to a control with `observe`
//! (docs/architecture.md, "The one-way flow, and the input seam"; docs/access.md).

mod access;
mod clock;
mod corner;
mod dwell;
mod hit;
mod keyboard;
mod last_input;
mod scan;
mod simulate;
mod touch;

use bevy::prelude::*;
pub use bevy::ui::Pressed;

pub use access::AccessRules;
pub use corner::{CORNER_HOLD, CORNER_PX, WorkerAreaRequested};
pub use keyboard::KeyFocus;
pub use last_input::LastInput;
pub use scan::{Highlighted, ScanHighlight, SwitchPressed};
pub use simulate::{simulate_finger, simulate_key, simulate_pointer, simulate_touch};

pub(super) fn plugin(app: &mut App) {
    app.add_message::<TouchLanded>()
        .add_plugins((
            access::plugin,
            corner::plugin,
            last_input::plugin,
            touch::plugin,
            dwell::plugin,
            scan::plugin,
            keyboard::plugin,
        ))
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

/// A control was activated: tapped (as the child's touch rules say), dwelt on, or chosen by a
/// switch scan.
#[derive(EntityEvent, Debug, Clone, Copy, PartialEq, Eq)]
pub struct Activate {
    pub entity: Entity,
    /// How: the visit journals each way the child used (docs/journal-format.md, `AccessUsed`).
    pub via: AccessMethod,
}

pub use crate::model::access::AccessMethod;

/// A finger is held on this control and the hold time has not passed: how much has (0 to 1).
#[derive(Component, Debug, Clone, Copy, PartialEq)]
pub struct Holding(pub f32);

/// The pointer rests on this control: how far the dwell countdown has gone (0 to 1).
#[derive(Component, Debug, Clone, Copy, PartialEq)]
pub struct Dwelling(pub f32);

/// A finger landed on a control and the child's settings ask for a click sound.
#[derive(Message, Debug, Clone, Copy, PartialEq, Eq)]
pub struct TouchLanded;
