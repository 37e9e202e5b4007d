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

    /// A factor around 1 (the platform's normal) on the platform's own scale: below 1 goes
    /// `down` times the factor's distance of the way to the lowest, above 1 `up` times of the
    /// way to the highest (the platforms' scales differ: speech-dispatcher's rate is -100..100).
    fn on_scale((min, normal, max): (f32, f32, f32), factor: f32, down: f32, up: f32) -> f32 {
        let value = if factor < 1.0 {
            normal - (normal - min) * (1.0 - factor) * down
        } else {
            normal + (max - normal) * (factor - 1.0) * up
        };
        value.clamp(min.min(max), max.max(min))
    }

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
                let range = (
                    self.tts.min_rate(),
                    self.tts.normal_rate(),
                    self.tts.max_rate(),
                );
                self.tts
                    .set_rate(on_scale(range, manner.rate, 2.0, 1.0))
                    .map_err(|e| e.to_string())?;
                self.rate = manner.rate;
            }
            if features.pitch && manner.pitch != self.pitch {
                let range = (
                    self.tts.min_pitch(),
                    self.tts.normal_pitch(),
                    self.tts.max_pitch(),
                );
                self.tts
                    .set_pitch(on_scale(range, manner.pitch, 2.0, 2.0))
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
