//! A child's own settings, kept with their profile (`DATA/profiles/<label>/settings.ron`): how the
//! board looks and speaks for this child. The built-in profile uses the defaults. A file that
//! cannot be read is reported and left as it is; the defaults are used meanwhile
//! (docs/decisions.md, "Profile settings").

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::files::{read_ron, write_ron};
use super::profile::{check_label, profile_dir};
use super::vocab::MAX_GRID_SIDE;

const MAX_FILE_BYTES: u64 = 16 * 1024;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct ChildSettings {
    pub v: u32,
    /// The grid of a board the editor makes (a new folder).
    pub new_board_rows: u16,
    pub new_board_columns: u16,
    pub text_size: TextSize,
    pub label_position: LabelPosition,
    /// Tapping a word says it at once (else only Speak does).
    pub speak_on_tap: bool,
    /// Tapping a folder says its name.
    pub speak_folders: bool,
    /// 0 to 100.
    pub volume_percent: u8,
    pub voice: VoicePreference,
    /// Cells coloured by word class (modified Fitzgerald key), or all plain.
    pub colour_coding: bool,
    /// The child's screens' colours (`model/theme.rs`).
    pub theme: Theme,
    /// How the child reaches the controls: touch, dwell, scanning (`model/access/`).
    pub access: AccessSettings,
    /// The language spoken at the child's home (BCP 47: "pl", "ur-PK"), when it is not the
    /// worker's: a word with a translation into it is spoken in it (docs/voice.md).
    pub home_language: Option<String>,
    /// Which words the cells show when there is a home language.
    pub labels: LabelLanguage,
    /// The platform voice the worker chose (its id on this tablet), for its own language;
    /// `None`: the one the language picks.
    pub platform_voice: Option<String>,
    /// How fast the platform's voice speaks.
    pub speech_rate: SpeechRate,
    /// How high the platform's voice is: a higher one sounds more like a child's own.
    pub speech_pitch: SpeechPitch,
}

impl Default for ChildSettings {
    fn default() -> Self {
        ChildSettings {
            v: 1,
            new_board_rows: 7,
            new_board_columns: 8,
            text_size: TextSize::Standard,
            label_position: LabelPosition::Below,
            speak_on_tap: true,
            speak_folders: true,
            volume_percent: 100,
            voice: VoicePreference::Bundled,
            colour_coding: true,
            theme: Theme::Standard,
            access: AccessSettings::default(),
            home_language: None,
            labels: LabelLanguage::Worker,
            platform_voice: None,
            speech_rate: SpeechRate::Normal,
            speech_pitch: SpeechPitch::Normal,
        }
    }
}

/// The words a cell shows when the child has a home language: the worker's, the home
/// language's (the worker's where a cell has no translation), or both.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum LabelLanguage {
    Worker,
    Home,
    Both,
}

/// A slower voice helps a child who needs time to take a word in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum SpeechRate {
    Slower,
    Normal,
    Faster,
}

impl SpeechRate {
    pub const ALL: [SpeechRate; 3] = [SpeechRate::Slower, SpeechRate::Normal, SpeechRate::Faster];

    /// Against the platform's normal speed.
    pub fn factor(self) -> f32 {
        match self {
            SpeechRate::Slower => 0.75,
            SpeechRate::Normal => 1.0,
            SpeechRate::Faster => 1.25,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum SpeechPitch {
    Lower,
    Normal,
    Higher,
}

impl SpeechPitch {
    pub const ALL: [SpeechPitch; 3] =
        [SpeechPitch::Lower, SpeechPitch::Normal, SpeechPitch::Higher];

    /// Against the platform's normal pitch.
    pub fn factor(self) -> f32 {
        match self {
            SpeechPitch::Lower => 0.8,
            SpeechPitch::Normal => 1.0,
            SpeechPitch::Higher => 1.2,
        }
    }
}

impl ChildSettings {
    /// The home language, when the child has one.
    pub fn home(&self) -> Option<&str> {
        self.home_language.as_deref().filter(|l| !l.is_empty())
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum TextSize {
    Small,
    Standard,
    Large,
    Largest,
}

impl TextSize {
    pub const ALL: [TextSize; 4] = [
        TextSize::Small,
        TextSize::Standard,
        TextSize::Large,
        TextSize::Largest,
    ];

    /// How much bigger than the standard size the words of the child's screens are drawn (a
    /// word that would not fit its cell or card is drawn smaller, never cut).
    pub fn scale(self) -> f32 {
        match self {
            TextSize::Small => 0.85,
            TextSize::Standard => 1.0,
            TextSize::Large => 1.2,
            TextSize::Largest => 1.45,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum LabelPosition {
    Below,
    Above,
}

/// Which voice says a word that has no recording: the bundled clips (the system voice only for
/// words without one), or the system voice for every word.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum VoicePreference {
    Bundled,
    System,
}

pub use super::access::AccessSettings;
pub use super::theme::Theme;

pub fn settings_path(data_dir: &Path, label: &str) -> PathBuf {
    profile_dir(data_dir, label).join("settings.ron")
}

/// The profile's settings: the defaults when it has none yet, or why its file cannot be used.
pub fn load(data_dir: &Path, label: &str) -> Result<ChildSettings, String> {
    check_label(label)?;
    let settings = read_ron(
        &settings_path(data_dir, label),
        MAX_FILE_BYTES,
        "a child's settings",
    )?
    .unwrap_or_default();
    check(&settings)?;
    Ok(settings)
}

pub fn save(data_dir: &Path, label: &str, settings: &ChildSettings) -> Result<(), String> {
    check_label(label)?;
    check(settings)?;
    write_ron(&settings_path(data_dir, label), settings)
}

/// Why settings cannot be used, in the worker's words.
pub fn check(settings: &ChildSettings) -> Result<(), String> {
    let side = 1..=MAX_GRID_SIDE;
    if !side.contains(&settings.new_board_rows) || !side.contains(&settings.new_board_columns) {
        return Err(format!(
            "A new board has 1 to {MAX_GRID_SIDE} rows and 1 to {MAX_GRID_SIDE} columns."
        ));
    }
    if settings.volume_percent > 100 {
        return Err("The volume is 0 to 100 %.".into());
    }
    settings.access.check()?;
    if let Some(language) = settings.home() {
        super::languages::check_tag(language)?;
    }
    Ok(())
}
