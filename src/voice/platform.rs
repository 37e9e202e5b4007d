//! The platform's own voices through the `tts` crate: speech-dispatcher on Linux, SAPI and WinRT
//! on Windows, AVFoundation on macOS and iOS, TextToSpeech on Android (docs/voice.md). It runs on
//! the speech engine's thread (`model/speech_engine.rs`), never on a frame.

use crate::model::speech_engine::SpeechEngine;

/// Starts the platform's engine; where `tts` has no backend, none.
pub fn start() -> SpeechEngine {
    #[cfg(any(
        target_os = "linux",
        target_os = "windows",
        target_os = "macos",
        target_os = "ios",
        target_os = "android"
    ))]
    {
        SpeechEngine::start(|| {
            backend::Platform::new()
                .map(|p| Box::new(p) as Box<dyn crate::model::speech_engine::Engine>)
        })
    }
    #[cfg(not(any(
        target_os = "linux",
        target_os = "windows",
        target_os = "macos",
        target_os = "ios",
        target_os = "android"
    )))]
    {
        SpeechEngine::none()
    }
}

#[cfg(any(
    target_os = "linux",
    target_os = "windows",
    target_os = "macos",
    target_os = "ios",
    target_os = "android"
))]
mod backend {
    use crate::model::speech_engine::{Engine, PlatformVoice, Utterance};

    pub(super) struct Platform {
        tts: tts::Tts,
        voices: Vec<tts::Voice>,
        /// The voice, speed and loudness set last, so each is set again only when it changes.
        current: Option<String>,
        rate: f32,
        pitch: f32,
        volume: f32,
    }

    impl Platform {
        pub(super) fn new() -> Result<Platform, String> {
            let tts = tts::Tts::default().map_err(|e| format!("no speech engine: {e}"))?;
            Ok(Platform {
                tts,
                voices: Vec::new(),
                current: None,
                rate: 1.0,
                pitch: 1.0,
                volume: 1.0,
            })
        }
    }

    impl Engine for Platform {
        fn voices(&mut self) -> Result<Vec<PlatformVoice>, String> {
            self.voices = self.tts.voices().map_err(|e| e.to_string())?;
            Ok(self
                .voices
                .iter()
                .map(|voice| PlatformVoice {
                    id: voice.id(),
                    name: voice.name(),
                    language: voice.language().to_string(),
                })
                .collect())
        }

        fn speak(
            &mut self,
            utterance: &Utterance,
            voice: Option<&PlatformVoice>,
        ) -> Result<(), String> {
            if let Some(voice) = voice
                && self.current.as_deref() != Some(voice.id.as_str())
                && let Some(found) = self.voices.iter().find(|v| v.id() == voice.id)
            {
                self.tts.set_voice(found).map_err(|e| e.to_string())?;
                self.current = Some(voice.id.clone());
            }
            let features = self.tts.supported_features();
            let manner = &utterance.manner;
            if features.rate && manner.rate != self.rate {
                let (min, normal, max) = (
                    self.tts.min_rate(),
                    self.tts.normal_rate(),
                    self.tts.max_rate(),
                );
                // Slower goes a share of the way to the slowest, faster to the fastest.
                let rate = if manner.rate < 1.0 {
                    normal - (normal - min) * (1.0 - manner.rate) * 2.0
                } else {
                    normal + (max - normal) * (manner.rate - 1.0)
                };
                self.tts
                    .set_rate(rate.clamp(min, max))
                    .map_err(|e| e.to_string())?;
                self.rate = manner.rate;
            }
            if features.pitch && manner.pitch != self.pitch {
                let (min, normal, max) = (
                    self.tts.min_pitch(),
                    self.tts.normal_pitch(),
                    self.tts.max_pitch(),
                );
                // Lower goes a share of the way to the lowest, higher to the highest.
                let pitch = if manner.pitch < 1.0 {
                    normal - (normal - min) * (1.0 - manner.pitch) * 2.0
                } else {
                    normal + (max - normal) * (manner.pitch - 1.0) * 2.0
                };
                self.tts
                    .set_pitch(pitch.clamp(min, max))
                    .map_err(|e| e.to_string())?;
                self.pitch = manner.pitch;
            }
            if features.volume && manner.volume != self.volume {
                let (min, max) = (self.tts.min_volume(), self.tts.max_volume());
                let volume = min + (max - min) * manner.volume.clamp(0.0, 1.0);
                self.tts.set_volume(volume).map_err(|e| e.to_string())?;
                self.volume = manner.volume;
            }
            self.tts
                .speak(utterance.text.clone(), true)
                .map(|_| ())
                .map_err(|e| e.to_string())
        }

        fn stop(&mut self) -> Result<(), String> {
            self.tts.stop().map(|_| ()).map_err(|e| e.to_string())
        }
    }
}
