//! Voice: every word is spoken from a clip decoded once and kept in memory; a new tap cuts off
//! the word still playing; Speak plays the message as a queue and highlights each symbol as it
//! is spoken. With no audio device the app carries on silently. `output.rs` is the sound
//! device and mixer (rodio), `speech.rs` what is said and in which order, `notice.rs` what the
//! screen shows when a word or the whole tablet has no voice.

mod notice;
mod output;
mod speech;

use bevy::prelude::*;

pub use notice::{NoSoundNotice, NoVoiceBadge};
pub use output::{ClipCache, PlaybackLog, Utterance, VoiceOutput};
pub use speech::{ClipIndex, SayText, SystemSpeech};

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<VoiceSettings>()
        .init_resource::<PlaybackLog>()
        .add_message::<SayText>()
        .add_plugins((output::plugin, speech::plugin, notice::plugin));
}

/// Voice settings; they move into the child's profile when profiles arrive.
#[derive(Resource, Debug, Clone, PartialEq)]
pub struct VoiceSettings {
    /// Tapping a word speaks it at once.
    pub speak_on_tap: bool,
    /// Tapping a folder speaks its name.
    pub speak_folders: bool,
    /// 0.0 to 1.0.
    pub volume: f32,
    /// Benchmark baseline only: decode the clip from disk on every tap.
    pub decode_on_every_tap: bool,
}

impl Default for VoiceSettings {
    fn default() -> Self {
        VoiceSettings {
            speak_on_tap: true,
            speak_folders: true,
            volume: 1.0,
            decode_on_every_tap: false,
        }
    }
}
