//! Touch accommodations: activate on release or on press, a minimum hold, ignoring repeats,
//! the first finger only (a palm resting on the screen), and a touch that slides too far or
//! lifts off its control cancelled (docs/access.md, "Touch").

use std::time::Duration;

use super::{AccessSettings, ActivateOn, Debounce, PX_PER_MM};

/// What a touch does to its control, for the seam to carry out.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum TouchOutcome<T> {
    /// Show the control pressed (the moment the finger lands, or slides back onto it).
    Pressed(T),
    /// Show it at rest again (lifted, slid off, or cancelled).
    Unpressed(T),
    Activate(T),
}

#[derive(Debug, Clone)]
struct Down<T> {
    finger: u64,
    target: T,
    at: Duration,
    start: [f32; 2],
    /// Still on its control.
    over: bool,
    /// Slid too far: it can no longer activate.
    cancelled: bool,
    /// Already activated (on press): lifting does nothing more.
    fired: bool,
}

/// The rules for fingers on controls, and the one finger that counts.
#[derive(Debug, Clone)]
pub struct TouchRules<T> {
    activate_on: ActivateOn,
    hold: Duration,
    debounce: Duration,
    slide_cancel_px: Option<f32>,
    down: Option<Down<T>>,
    repeats: Debounce,
}

impl<T: Copy + PartialEq> TouchRules<T> {
    pub fn new(settings: &AccessSettings) -> Self {
        TouchRules {
            activate_on: settings.activate_on,
            hold: settings.hold(),
            debounce: settings.debounce(),
            slide_cancel_px: (settings.slide_cancel_mm > 0)
                .then(|| f32::from(settings.slide_cancel_mm) * PX_PER_MM),
            down: None,
            repeats: Debounce::default(),
        }
    }

    /// New settings; a touch under way keeps going, and the quiet time after the last
    /// activation still holds.
    pub fn follow(&mut self, settings: &AccessSettings) {
        let down = self.down.take();
        let repeats = std::mem::take(&mut self.repeats);
        *self = TouchRules {
            down,
            repeats,
            ..TouchRules::new(settings)
        };
    }

    /// A finger lands at `at` (logical px) on `target` (`None`: on no control). Only the first
    /// finger on a control counts while it stays down; a touch on no control is not counted, so
    /// a hand resting on the background blocks nothing.
    pub fn finger_down(
        &mut self,
        finger: u64,
        target: Option<T>,
        at: [f32; 2],
        now: Duration,
    ) -> Vec<TouchOutcome<T>> {
        let Some(target) = target else {
            return Vec::new();
        };
        if self.down.is_some() {
            return Vec::new();
        }
        self.down = Some(Down {
            finger,
            target,
            at: now,
            start: at,
            over: true,
            cancelled: false,
            fired: false,
        });
        let mut out = vec![TouchOutcome::Pressed(target)];
        out.extend(self.tick(now));
        out
    }

    /// The finger moved to `at`, over `under`.
    pub fn finger_moved(
        &mut self,
        finger: u64,
        under: Option<T>,
        at: [f32; 2],
    ) -> Vec<TouchOutcome<T>> {
        let slide_cancel_px = self.slide_cancel_px;
        let Some(down) = self.down.as_mut().filter(|d| d.finger == finger) else {
            return Vec::new();
        };
        if down.cancelled || down.fired {
            return Vec::new();
        }
        let slid = ((at[0] - down.start[0]).powi(2) + (at[1] - down.start[1]).powi(2)).sqrt();
        let shown = down.over;
        if slide_cancel_px.is_some_and(|limit| slid > limit) {
            down.cancelled = true;
            down.over = false;
        } else {
            down.over = under == Some(down.target);
        }
        match (shown, down.over) {
            (true, false) => vec![TouchOutcome::Unpressed(down.target)],
            (false, true) => vec![TouchOutcome::Pressed(down.target)],
            _ => Vec::new(),
        }
    }

    /// The finger lifted over `under`. On release, the control activates if the finger is
    /// still on it, was held long enough and did not slide too far.
    pub fn finger_up(
        &mut self,
        finger: u64,
        under: Option<T>,
        now: Duration,
    ) -> Vec<TouchOutcome<T>> {
        if self.down.as_ref().is_none_or(|d| d.finger != finger) {
            return Vec::new();
        }
        let Some(down) = self.down.take() else {
            return Vec::new();
        };
        let mut out = Vec::new();
        if down.over {
            out.push(TouchOutcome::Unpressed(down.target));
        }
        let counts = self.activate_on == ActivateOn::Release
            && !down.cancelled
            && !down.fired
            && under == Some(down.target)
            && now.saturating_sub(down.at) >= self.hold;
        if counts && self.repeats.allows(now, self.debounce) {
            out.push(TouchOutcome::Activate(down.target));
        }
        out
    }

    /// Time passed: on press, a control held long enough activates now.
    pub fn tick(&mut self, now: Duration) -> Vec<TouchOutcome<T>> {
        let Some(down) = self.down.as_mut() else {
            return Vec::new();
        };
        let due = self.activate_on == ActivateOn::Press
            && !down.fired
            && !down.cancelled
            && down.over
            && now.saturating_sub(down.at) >= self.hold;
        if !due {
            return Vec::new();
        }
        down.fired = true;
        if self.repeats.allows(now, self.debounce) {
            vec![TouchOutcome::Activate(down.target)]
        } else {
            Vec::new()
        }
    }

    /// The held control and how much of the hold time has passed (0 to 1), while a hold time is
    /// set and the touch can still count.
    pub fn hold_progress(&self, now: Duration) -> Option<(T, f32)> {
        let down = self.down.as_ref()?;
        if self.hold.is_zero() || down.cancelled || down.fired || !down.over {
            return None;
        }
        let held = now.saturating_sub(down.at).as_secs_f32() / self.hold.as_secs_f32();
        Some((down.target, held.min(1.0)))
    }

    /// Whether a touch is under way (the seam keeps frames coming while it is).
    pub fn busy(&self) -> bool {
        self.down.is_some()
    }

    /// The screen changed under the finger: the touch counts no more.
    pub fn forget(&mut self) {
        self.down = None;
    }
}
