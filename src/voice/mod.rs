//! Voice: every word is spoken from a clip decoded once and kept in memory; a new tap cuts off
//! the word still playing; Speak plays the message as a queue and highlights each symbol as it
//! is spoken. With no audio device the app carries on silently. `output.rs` is the sound
//! device and mixer (rodio), `speech.rs` what is said and in which order, `notice.rs` what the
//! screen shows when a word or the whole tablet has no voice, `cues.rs` the quiet cues of
//! scanning and the click of a landing finger.

mod cues;
mod notice;
mod output;
mod platform;
mod speech;

use bevy::prelude::*;

pub use cues::CUE_GAIN;
pub use notice::{NoSoundNotice, NoVoiceBadge};
pub use output::{ClipCache, PlaybackLog, Utterance, VoiceOutput};
pub use platform::start as platform_engine;
pub use speech::{ClipIndex, SayInLanguage, SayText, SystemSpeech, WORKER_LANGUAGE};

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<VoiceSettings>()
        .init_resource::<PlaybackLog>()
        .add_message::<SayText>()
        .add_message::<SayInLanguage>()
        .add_systems(
            Update,
            follow_profile_settings.run_if(resource_changed::<crate::Content>),
        )
        .add_plugins((output::plugin, speech::plugin, notice::plugin, cues::plugin));
}

/// The voice follows the shown profile's settings (`model/child_settings.rs`), from the first
/// frame and after every change or switch of profile.
fn follow_profile_settings(
    content: Res<crate::Content>,
    mut voice: ResMut<VoiceSettings>,
    speech: Option<ResMut<SystemSpeech>>,
) {
    let child = &content.settings;
    if let Some(mut speech) = speech {
        let manner = manner_of(child);
        if speech.manner != manner {
            speech.manner = manner;
        }
    }
    let wanted = VoiceSettings {
        speak_on_tap: child.speak_on_tap,
        speak_folders: child.speak_folders,
        volume: f32::from(child.volume_percent.min(100)) / 100.0,
        prefer_system_voice: child.voice == crate::model::child_settings::VoicePreference::System,
        decode_on_every_tap: voice.decode_on_every_tap,
    };
    voice.set_if_neq(wanted);
}

/// How the platform's voice speaks for this child: the voice the worker chose, speed, loudness.
pub fn manner_of(
    child: &crate::model::child_settings::ChildSettings,
) -> crate::model::speech_engine::Manner {
    crate::model::speech_engine::Manner {
        voice: child.platform_voice.clone(),
        rate: child.speech_rate.factor(),
        pitch: child.speech_pitch.factor(),
        volume: f32::from(child.volume_percent.min(100)) / 100.0,
    }
}

/// What the voice does, as the shown profile's settings say (`follow_profile_settings`).
#[derive(Resource, Debug, Clone, PartialEq)]
pub struct VoiceSettings {
    /// Tapping a word speaks it at once.
    pub speak_on_tap: bool,
    /// Tapping a folder speaks its name.
    pub speak_folders: bool,
    /// 0.0 to 1.0.
    pub volume: f32,
    /// The system voice says every word that has no recording, bundled clip or not (when there
    /// is a system voice).
    pub prefer_system_voice: bool,
    /// Benchmark baseline only: decode the clip from disk on every tap.
    pub decode_on_every_tap: bool,
}

impl Default for VoiceSettings {
    fn default() -> Self {
        VoiceSettings {
            speak_on_tap: true,
            speak_folders: true,
            volume: 1.0,
            prefer_system_voice: false,
            decode_on_every_tap: false,
        }
    }
}
