//! Dwell: a pointer (a mouse, an eye tracker or a head pointer moving it) resting on a control
//! for the dwell time activates it; then no control activates until the pause has passed, and
//! the same control only once the pointer has left it (docs/access.md, "Dwell").

use std::time::Duration;

#[derive(Debug, Clone)]
pub struct DwellRules<T> {
    time: Duration,
    pause: Duration,
    /// The control under the pointer, and since when.
    resting: Option<(T, Duration)>,
    /// The last control dwelt on, while the pointer is still on it.
    done: Option<T>,
    last: Option<Duration>,
}

impl<T: Copy + PartialEq> DwellRules<T> {
    pub fn new(time: Duration, pause: Duration) -> Self {
        DwellRules {
            time,
            pause,
            resting: None,
            done: None,
            last: None,
        }
    }

    /// The pointer is over `under` at `now`.
    pub fn pointer_over(&mut self, under: Option<T>, now: Duration) {
        if self.resting.map(|(target, _)| target) == under {
            return;
        }
        self.resting = under.map(|target| (target, now));
        if self.done != under {
            self.done = None;
        }
    }

    /// The pointer left the window, or the screen changed.
    pub fn forget(&mut self) {
        self.resting = None;
        self.done = None;
    }

    /// When the dwell time can start counting on the control under the pointer: not before the
    /// pause after the last activation.
    fn counting_from(&self, since: Duration) -> Duration {
        match self.last {
            Some(last) => since.max(last + self.pause),
            None => since,
        }
    }

    /// Time passed: the control rested on long enough, once.
    pub fn tick(&mut self, now: Duration) -> Option<T> {
        let (target, since) = self.resting?;
        if self.done == Some(target) || now < self.counting_from(since) + self.time {
            return None;
        }
        self.done = Some(target);
        self.last = Some(now);
        Some(target)
    }

    /// The control being dwelt on and how far its countdown has gone (0 to 1).
    pub fn progress(&self, now: Duration) -> Option<(T, f32)> {
        let (target, since) = self.resting?;
        if self.done == Some(target) {
            return None;
        }
        let from = self.counting_from(since);
        let gone = now.saturating_sub(from).as_secs_f32() / self.time.as_secs_f32();
        Some((target, gone.min(1.0)))
    }

    pub fn busy(&self) -> bool {
        self.resting
            .is_some_and(|(target, _)| self.done != Some(target))
    }
}
