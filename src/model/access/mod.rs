//! How a child reaches the controls (docs/access.md): the per-profile settings, and the rules
//! that turn fingers, a resting pointer and switches into activations. Plain Rust with a clock
//! passed in, so every accommodation is tested without an app; the input seam (`src/input/`)
//! feeds them and carries out what they decide.

pub mod dwell;
pub mod keys;
pub mod scan;
pub mod touch;

use std::time::Duration;

use serde::{Deserialize, Serialize};

/// How a control was activated, as the summary's supports name it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum AccessMethod {
    Touch,
    Dwell,
    Scanning,
    Keyboard,
}

impl AccessMethod {
    /// The support's name in the summary's header.
    pub fn support(self) -> &'static str {
        match self {
            AccessMethod::Touch => "touch",
            AccessMethod::Dwell => "dwell (pointer resting on a choice)",
            AccessMethod::Scanning => "switch scanning",
            AccessMethod::Keyboard => "keyboard",
        }
    }
}

/// Logical pixels per millimetre on the reference tablet (10 inches, 1280×800, where 89 px is
/// 15 mm): distances set in millimetres are measured with it.
pub const PX_PER_MM: f32 = 89.0 / 15.0;

/// When a touch activates its control.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum ActivateOn {
    /// When the finger lifts, still on the control (WCAG 2.5.2: a touch can still slide off).
    #[default]
    Release,
    /// As soon as the finger lands (after the hold time, if one is set).
    Press,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum ScanMode {
    #[default]
    Off,
    /// One control after another.
    Linear,
    /// A row at a time, then the controls of the chosen row.
    RowColumn,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum Switches {
    /// The highlight moves by itself; the switch selects.
    #[default]
    One,
    /// One switch moves the highlight, the other selects.
    Two,
}

/// A child's access settings, kept with their profile's settings.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct AccessSettings {
    pub activate_on: ActivateOn,
    /// How long a finger must stay on a control before it counts (0 to 3000).
    pub hold_ms: u16,
    /// Activations this soon after the last one are ignored (0 to 3000; 400 suits a tremor).
    pub debounce_ms: u16,
    /// A touch that slides further than this is cancelled (0: only leaving the control cancels).
    pub slide_cancel_mm: u8,
    /// A click sound the moment a finger lands on a control.
    pub click_sound: bool,
    /// A pointer resting this long on a control activates it (0: dwell off).
    pub dwell_ms: u16,
    /// After a dwell activation, no other until this has passed.
    pub dwell_pause_ms: u16,
    pub scan: ScanSettings,
}

impl Default for AccessSettings {
    fn default() -> Self {
        AccessSettings {
            activate_on: ActivateOn::Release,
            hold_ms: 0,
            debounce_ms: 0,
            slide_cancel_mm: 0,
            click_sound: false,
            dwell_ms: 0,
            dwell_pause_ms: 1000,
            scan: ScanSettings::default(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct ScanSettings {
    pub mode: ScanMode,
    pub switches: Switches,
    /// One switch: how long the highlight stays on each step (300 to 10000).
    pub interval_ms: u16,
    /// One switch: how many times round everything before the scan pauses (1 to 10).
    pub loops: u8,
    /// Each highlighted control's word said quietly (auditory scanning).
    pub speak_items: bool,
    /// The whole screen is the select switch: a tap anywhere selects.
    pub screen_is_switch: bool,
    /// Keys that select (key names as Bevy spells them: "Space", "Enter", "Digit1", "F8").
    pub select_keys: Vec<String>,
    /// Keys that move the highlight, with two switches.
    pub move_keys: Vec<String>,
}

impl Default for ScanSettings {
    fn default() -> Self {
        ScanSettings {
            mode: ScanMode::Off,
            switches: Switches::One,
            interval_ms: 1500,
            loops: 3,
            speak_items: false,
            screen_is_switch: false,
            select_keys: vec!["Space".into(), "Digit1".into()],
            move_keys: vec!["Enter".into(), "Digit2".into()],
        }
    }
}

impl AccessSettings {
    pub fn hold(&self) -> Duration {
        Duration::from_millis(self.hold_ms.into())
    }

    pub fn debounce(&self) -> Duration {
        Duration::from_millis(self.debounce_ms.into())
    }

    pub fn dwell(&self) -> Option<Duration> {
        (self.dwell_ms > 0).then(|| Duration::from_millis(self.dwell_ms.into()))
    }

    pub fn dwell_pause(&self) -> Duration {
        Duration::from_millis(self.dwell_pause_ms.into())
    }

    /// Why the settings cannot be used, in the worker's words.
    pub fn check(&self) -> Result<(), String> {
        if self.hold_ms > 3000 {
            return Err("The hold time is 0 to 3 seconds.".into());
        }
        if self.debounce_ms > 3000 {
            return Err("Ignoring repeats lasts 0 to 3 seconds.".into());
        }
        if self.dwell_ms != 0 && !(300..=10_000).contains(&self.dwell_ms) {
            return Err("The dwell time is 0.3 to 10 seconds, or off.".into());
        }
        if !(300..=10_000).contains(&self.scan.interval_ms) {
            return Err("The scan step is 0.3 to 10 seconds.".into());
        }
        if !(1..=10).contains(&self.scan.loops) {
            return Err("A scan goes round 1 to 10 times before it pauses.".into());
        }
        let typed = self.scan.select_keys.iter().chain(&self.scan.move_keys);
        if let Some(unknown) = typed.into_iter().find(|k| !keys::is_key_name(k)) {
            return Err(format!(
                "\"{unknown}\" is not a key's name: use names such as Space, Enter, 1 (Digit1), \
                 A (KeyA), Numpad5 or F8."
            ));
        }
        if self.scan.mode != ScanMode::Off
            && self.scan.select_keys.is_empty()
            && !self.scan.screen_is_switch
        {
            return Err("Scanning needs a select key, or the whole screen as the switch.".into());
        }
        Ok(())
    }
}

/// Ignores an activation that follows the last one too soon (a tremor's second tap).
#[derive(Debug, Default, Clone)]
pub struct Debounce {
    last: Option<Duration>,
}

impl Debounce {
    /// Whether an activation at `now` counts; one that counts starts the quiet time again.
    pub fn allows(&mut self, now: Duration, quiet: Duration) -> bool {
        if let Some(last) = self.last
            && now.saturating_sub(last) < quiet
        {
            return false;
        }
        self.last = Some(now);
        true
    }
}
