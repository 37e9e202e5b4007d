//! Switch scanning over the controls of the screen, in rows as they are laid out: linear (one
//! control at a time) or row–column (a row, then its controls); one switch (the highlight
//! moves by itself, round at most `loops` times before it pauses) or two (one moves, one
//! selects). A new screen starts the scan again at its first row (docs/access.md, "Scanning").

use std::time::Duration;

use super::{ScanMode, ScanSettings, Switches};

/// What a switch press or the passing time did.
#[derive(Debug, Clone, PartialEq)]
pub enum ScanStep<T> {
    /// These controls are highlighted now (a row, or one control).
    Highlight(Vec<T>),
    /// The highlighted control was selected.
    Activate(T),
    /// One switch: nobody selected for `loops` rounds, so the highlight stopped; a press wakes it.
    Paused,
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Cursor {
    /// Row–column, choosing a row.
    Row(usize),
    /// A control: in row–column its row and place in it; in linear, row 0 is every control.
    Item { row: usize, at: usize },
}

#[derive(Debug, Clone)]
pub struct ScanRules<T> {
    mode: ScanMode,
    switches: Switches,
    interval: Duration,
    loops: u8,
    /// The controls, a row at a time (linear scanning puts them all in one).
    rows: Vec<Vec<T>>,
    cursor: Cursor,
    last_step: Duration,
    /// Rounds gone by without a selection, at the current level.
    rounds: u8,
    paused: bool,
}

impl<T: Copy + PartialEq> ScanRules<T> {
    pub fn new(settings: &ScanSettings) -> Self {
        ScanRules {
            mode: settings.mode,
            switches: settings.switches,
            interval: Duration::from_millis(settings.interval_ms.into()),
            loops: settings.loops.max(1),
            rows: Vec::new(),
            cursor: Cursor::Row(0),
            last_step: Duration::ZERO,
            rounds: 0,
            paused: false,
        }
    }

    pub fn on(&self) -> bool {
        self.mode != ScanMode::Off
    }

    pub fn two_switches(&self) -> bool {
        self.switches == Switches::Two
    }

    /// The controls of a new screen, in rows: the scan starts again at the first.
    pub fn set_controls(&mut self, rows: Vec<Vec<T>>, now: Duration) -> ScanStep<T> {
        let rows: Vec<Vec<T>> = rows.into_iter().filter(|row| !row.is_empty()).collect();
        self.rows = match self.mode {
            ScanMode::RowColumn => rows,
            _ => vec![rows.into_iter().flatten().collect()],
        };
        self.restart(now);
        self.current()
    }

    fn restart(&mut self, now: Duration) {
        self.cursor = match self.mode {
            ScanMode::RowColumn => Cursor::Row(0),
            _ => Cursor::Item { row: 0, at: 0 },
        };
        self.last_step = now;
        self.rounds = 0;
        self.paused = false;
    }

    /// What is highlighted now.
    pub fn highlighted(&self) -> Vec<T> {
        if self.paused || !self.on() {
            return Vec::new();
        }
        match self.cursor {
            Cursor::Row(row) => self.rows.get(row).cloned().unwrap_or_default(),
            Cursor::Item { row, at } => self
                .rows
                .get(row)
                .and_then(|r| r.get(at))
                .map(|&t| vec![t])
                .unwrap_or_default(),
        }
    }

    fn current(&self) -> ScanStep<T> {
        if self.paused {
            ScanStep::Paused
        } else {
            ScanStep::Highlight(self.highlighted())
        }
    }

    /// One step on; a round completed counts towards the pause (one switch) or, inside a row,
    /// back to choosing rows.
    fn advance(&mut self, now: Duration) -> ScanStep<T> {
        self.last_step = now;
        let automatic = self.switches == Switches::One;
        match self.cursor {
            Cursor::Row(row) => {
                let next = row + 1;
                if next < self.rows.len() {
                    self.cursor = Cursor::Row(next);
                } else {
                    self.cursor = Cursor::Row(0);
                    self.rounds += 1;
                    if automatic && self.rounds >= self.loops {
                        self.paused = true;
                    }
                }
            }
            Cursor::Item { row, at } => {
                let len = self.rows.get(row).map_or(0, Vec::len);
                if at + 1 < len {
                    self.cursor = Cursor::Item { row, at: at + 1 };
                } else {
                    self.rounds += 1;
                    let in_a_row = self.mode == ScanMode::RowColumn;
                    if in_a_row && (self.rounds >= self.loops || !automatic) {
                        // Back to the rows, at the row just left.
                        self.cursor = Cursor::Row(row);
                        self.rounds = 0;
                    } else {
                        self.cursor = Cursor::Item { row, at: 0 };
                        if automatic && self.rounds >= self.loops {
                            self.paused = true;
                        }
                    }
                }
            }
        }
        self.current()
    }

    /// Time passed: with one switch, the highlight moves on each interval.
    pub fn tick(&mut self, now: Duration) -> Option<ScanStep<T>> {
        let due = self.on()
            && !self.paused
            && self.switches == Switches::One
            && !self.rows.is_empty()
            && now.saturating_sub(self.last_step) >= self.interval;
        due.then(|| self.advance(now))
    }

    /// The move switch (two switches): one step on.
    pub fn move_on(&mut self, now: Duration) -> Option<ScanStep<T>> {
        if !self.on() || self.rows.is_empty() {
            return None;
        }
        if self.paused {
            self.restart(now);
            return Some(self.current());
        }
        Some(self.advance(now))
    }

    /// The select switch: a row opens, a control is activated and the scan starts again at
    /// the top; a paused scan wakes.
    pub fn select(&mut self, now: Duration) -> Option<ScanStep<T>> {
        if !self.on() || self.rows.is_empty() {
            return None;
        }
        if self.paused {
            self.restart(now);
            return Some(self.current());
        }
        self.last_step = now;
        match self.cursor {
            Cursor::Row(row) => {
                let controls = self.rows.get(row)?;
                if let [only] = controls[..] {
                    self.restart(now);
                    return Some(ScanStep::Activate(only));
                }
                self.cursor = Cursor::Item { row, at: 0 };
                self.rounds = 0;
                Some(self.current())
            }
            Cursor::Item { row, at } => {
                let chosen = *self.rows.get(row)?.get(at)?;
                self.restart(now);
                Some(ScanStep::Activate(chosen))
            }
        }
    }

    /// Whether the highlight moves by itself (the seam keeps frames coming while it does).
    pub fn busy(&self) -> bool {
        self.on() && !self.paused && self.switches == Switches::One && !self.rows.is_empty()
    }
}
