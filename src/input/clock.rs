//! The seam's clock: the time when an input is handled. Bevy's `Time<Real>` is the instant the
//! frame began, and after the app has slept (it draws only on input, `src/power.rs`) that can be
//! the end of the frame before, seconds ago: a hold or a dwell timed from it would be over the
//! moment it began. Tests that step time by hand keep Bevy's clock, which they drive.

use std::time::Duration;

use bevy::ecs::system::SystemParam;
use bevy::prelude::*;
use bevy::time::TimeUpdateStrategy;

#[derive(SystemParam)]
pub(super) struct InputClock<'w> {
    time: Res<'w, Time<Real>>,
    strategy: Option<Res<'w, TimeUpdateStrategy>>,
}

impl InputClock<'_> {
    /// Time since the app started, read now.
    pub(super) fn now(&self) -> Duration {
        match self.strategy.as_deref() {
            None | Some(TimeUpdateStrategy::Automatic) => self.time.startup().elapsed(),
            Some(_) => self.time.elapsed(),
        }
    }
}
