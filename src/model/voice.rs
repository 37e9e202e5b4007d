//! Voice clips: which clip a cell speaks (recorded, else bundled), decoding into memory, and
//! cleaning up a worker's recording (trim, normalise, cap the length).

use std::io::Cursor;
use std::num::NonZero;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use rodio::Source;

/// The bundled voice, relative to the asset root.
pub const BUNDLED_VOICE_DIR: &str = "assets/voice/en-GB";
/// Recordings longer than this are cut: a cell speaks a word or a short phrase.
pub const MAX_RECORDING: Duration = Duration::from_secs(10);
/// The shortest recording kept for a cell: the shortest spoken word ("a", "no") lasts about
/// this long; anything shorter is a click or a mistake.
pub const MIN_RECORDING: Duration = Duration::from_millis(150);
/// Nothing longer is decoded at all, so a hostile file cannot fill memory.
pub const MAX_DECODE: Duration = Duration::from_secs(120);
/// Peak level after normalising: -1 dBFS.
pub const NORMALISED_PEAK: f32 = 0.891;
/// Below this a sample counts as silence when trimming.
pub const SILENCE: f32 = 0.01;

/// Decoded audio kept in memory, shared by every tap that plays it.
#[derive(Debug, Clone, PartialEq)]
pub struct Clip {
    pub channels: u16,
    pub sample_rate: u32,
    pub samples: Arc<[f32]>,
}

impl Clip {
    pub fn duration(&self) -> Duration {
        let frames = self.samples.len() as f64 / f64::from(self.channels.max(1));
        Duration::from_secs_f64(frames / f64::from(self.sample_rate.max(1)))
    }

    pub fn peak(&self) -> f32 {
        self.samples.iter().fold(0.0, |peak, s| peak.max(s.abs()))
    }

    /// A fresh playable source over the shared samples.
    pub fn source(&self) -> rodio::buffer::SamplesBuffer {
        let channels = NonZero::new(self.channels).unwrap_or(NonZero::<u16>::MIN);
        let rate = NonZero::new(self.sample_rate).unwrap_or(NonZero::<u32>::MIN);
        rodio::buffer::SamplesBuffer::new(channels, rate, self.samples.to_vec())
    }
}

#[derive(Debug, thiserror::Error)]
pub enum VoiceError {
    #[error("{file}: cannot read it: {reason}")]
    Read { file: String, reason: String },
    #[error("{file}: not a sound file Hearme can play (WAV, Ogg Vorbis or MP3): {reason}")]
    Format { file: String, reason: String },
    #[error("{file}: the sound is longer than {} s", MAX_DECODE.as_secs())]
    TooLong { file: String },
    #[error("{file}: there is no sound in it (silent or empty)")]
    Silent { file: String },
    #[error(
        "{file}: the sound is only {seconds:.2} s once its silence is trimmed, too short for a \
         word (at least {} s)",
        MIN_RECORDING.as_secs_f32()
    )]
    TooShort { file: String, seconds: f32 },
    #[error("no microphone to record from: {reason}")]
    NoMicrophone { reason: String },
    #[error("{file}: cannot save the recording: {reason}")]
    Write { file: String, reason: String },
}

/// The bundled clip's file name for a word: lower case, apostrophes dropped, anything else
/// that is not a letter or digit becomes `-` (the same rule as `tools/make-voice.py`).
pub fn clip_name(word: &str) -> String {
    let mut slug = String::new();
    for c in word
        .to_lowercase()
        .chars()
        .filter(|&c| c != '\'' && c != '’')
    {
        if c.is_ascii_alphanumeric() {
            slug.push(c);
        } else if !slug.ends_with('-') {
            slug.push('-');
        }
    }
    let slug = slug.trim_matches('-');
    if slug.is_empty() {
        "blank.ogg".to_string()
    } else {
        format!("{slug}.ogg")
    }
}

/// Where a worker's recording for a cell is kept: `DATA/media/voice/<board>/<cell>.wav`.
pub fn recording_path(data_dir: &Path, board: &str, cell: &str) -> PathBuf {
    use super::files::safe_file_name;
    data_dir
        .join("media")
        .join("voice")
        .join(safe_file_name(board))
        .join(format!("{}.wav", safe_file_name(cell)))
}

/// Which clip a cell speaks: the worker's recording if there is one, else the bundled clip for
/// its word, else none (the cell shows that it has no voice).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ClipChoice {
    Recorded(PathBuf),
    Bundled(PathBuf),
    Missing,
}

pub fn choose_clip(
    data_dir: Option<&Path>,
    asset_root: &Path,
    board: &str,
    cell: &str,
    word: &str,
) -> ClipChoice {
    if let Some(data_dir) = data_dir {
        let recorded = recording_path(data_dir, board, cell);
        if recorded.is_file() {
            return ClipChoice::Recorded(recorded);
        }
    }
    let bundled = asset_root.join(BUNDLED_VOICE_DIR).join(clip_name(word));
    if bundled.is_file() {
        ClipChoice::Bundled(bundled)
    } else {
        ClipChoice::Missing
    }
}

/// Decodes a WAV, Ogg Vorbis or MP3 file held in memory.
pub fn decode(label: &str, bytes: Vec<u8>) -> Result<Clip, VoiceError> {
    let decoder = rodio::Decoder::new(Cursor::new(bytes)).map_err(|e| VoiceError::Format {
        file: label.to_string(),
        reason: e.to_string(),
    })?;
    let channels = decoder.channels().get();
    let sample_rate = decoder.sample_rate().get();
    let limit = MAX_DECODE.as_secs() as usize * sample_rate as usize * channels as usize;
    let mut samples = Vec::new();
    for sample in decoder {
        if samples.len() >= limit {
            return Err(VoiceError::TooLong {
                file: label.to_string(),
            });
        }
        samples.push(sample);
    }
    if samples.is_empty() {
        return Err(VoiceError::Silent {
            file: label.to_string(),
        });
    }
    Ok(Clip {
        channels,
        sample_rate,
        samples: samples.into(),
    })
}

pub fn decode_file(path: &Path) -> Result<Clip, VoiceError> {
    let label = path.display().to_string();
    let bytes = match super::files::read_capped(path, 64 * 1024 * 1024) {
        Ok(bytes) => bytes,
        Err(super::files::ReadRefused::TooBig(_)) => {
            return Err(VoiceError::TooLong { file: label });
        }
        Err(refused) => {
            return Err(VoiceError::Read {
                file: label,
                reason: refused.to_string(),
            });
        }
    };
    decode(&label, bytes)
}

/// Makes a recording fit to speak from a cell: mono, leading and trailing silence trimmed,
/// at most [`MAX_RECORDING`] long, peak normalised to -1 dBFS.
pub fn clean_recording(label: &str, clip: &Clip) -> Result<Clip, VoiceError> {
    let channels = usize::from(clip.channels.max(1));
    let mono: Vec<f32> = clip
        .samples
        .chunks(channels)
        .map(|frame| frame.iter().sum::<f32>() / frame.len() as f32)
        .collect();
    let first = mono.iter().position(|s| s.abs() > SILENCE);
    let last = mono.iter().rposition(|s| s.abs() > SILENCE);
    let (Some(first), Some(last)) = (first, last) else {
        return Err(VoiceError::Silent {
            file: label.to_string(),
        });
    };
    let cap = MAX_RECORDING.as_secs() as usize * clip.sample_rate as usize;
    let kept = &mono[first..=last.min(first + cap.saturating_sub(1))];
    let seconds = kept.len() as f32 / clip.sample_rate.max(1) as f32;
    if seconds < MIN_RECORDING.as_secs_f32() {
        return Err(VoiceError::TooShort {
            file: label.to_string(),
            seconds,
        });
    }
    let peak = kept.iter().fold(0.0f32, |p, s| p.max(s.abs()));
    let gain = NORMALISED_PEAK / peak;
    let samples: Vec<f32> = kept.iter().map(|s| (s * gain).clamp(-1.0, 1.0)).collect();
    Ok(Clip {
        channels: 1,
        sample_rate: clip.sample_rate,
        samples: samples.into(),
    })
}

/// Saves a cleaned recording as 16-bit WAV, atomically.
pub fn save_recording(path: &Path, clip: &Clip) -> Result<(), VoiceError> {
    let label = path.display().to_string();
    let write_error = |reason: String| VoiceError::Write {
        file: label.clone(),
        reason,
    };
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).map_err(|e| write_error(e.to_string()))?;
    }
    let bytes = wav_bytes(clip).map_err(|e| write_error(e.to_string()))?;
    super::files::write_atomically(path, &bytes).map_err(|e| write_error(e.to_string()))
}

/// A clip as 16-bit WAV bytes.
pub fn wav_bytes(clip: &Clip) -> Result<Vec<u8>, hound::Error> {
    let spec = hound::WavSpec {
        channels: clip.channels,
        sample_rate: clip.sample_rate,
        bits_per_sample: 16,
        sample_format: hound::SampleFormat::Int,
    };
    let mut bytes = Cursor::new(Vec::new());
    {
        let mut writer = hound::WavWriter::new(&mut bytes, spec)?;
        for sample in clip.samples.iter() {
            writer.write_sample((sample.clamp(-1.0, 1.0) * f32::from(i16::MAX)) as i16)?;
        }
        writer.finalize()?;
    }
    Ok(bytes.into_inner())
}

/// Records from the default microphone for `length` (at most [`MAX_RECORDING`]).
pub fn record_from_microphone(length: Duration) -> Result<Clip, VoiceError> {
    let no_microphone = |reason: String| VoiceError::NoMicrophone { reason };
    let microphone = rodio::microphone::MicrophoneBuilder::new()
        .default_device()
        .map_err(|e| no_microphone(e.to_string()))?
        .default_config()
        .map_err(|e| no_microphone(e.to_string()))?
        .open_stream()
        .map_err(|e| no_microphone(e.to_string()))?;
    let channels = microphone.channels().get();
    let sample_rate = microphone.sample_rate().get();
    let samples: Vec<f32> = microphone
        .take_duration(length.min(MAX_RECORDING))
        .collect();
    if samples.is_empty() {
        return Err(VoiceError::Silent {
            file: "the microphone".into(),
        });
    }
    Ok(Clip {
        channels,
        sample_rate,
        samples: samples.into(),
    })
}
