//! The sound device and its mixer (rodio): clips decoded once on a background thread, handed
//! to the mixer back to back, each reporting when it starts and ends so the highlight follows
//! the voice, and all of an utterance cut off at once by the next tap.

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, Sender, channel};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use bevy::ecs::system::SystemParam;
use bevy::prelude::*;
use bevy::winit::{EventLoopProxyWrapper, WinitUserEvent};
use rodio::mixer::Mixer;
use rodio::{MixerDeviceSink, Source};

use super::VoiceSettings;
use super::speech::{ClipIndex, clip_path};
use crate::message_bar::Speaking;
use crate::model::voice::ClipChoice;
use crate::model::voice::{Clip, decode_file};

pub(super) fn plugin(app: &mut App) {
    app.add_systems(PreStartup, open_output)
        .add_systems(Update, follow_playback);
}

/// The audio output, opened once. `mixer` is `None` when there is no audio device.
#[derive(Resource)]
pub struct VoiceOutput {
    mixer: Option<Mixer>,
    /// Kept alive for as long as the app runs: dropping it closes the device.
    _device: Option<MixerDeviceSink>,
    /// Set to stop the utterance playing now.
    playing: Option<Arc<AtomicBool>>,
    events: (Sender<PlaybackEvent>, Arc<Mutex<Receiver<PlaybackEvent>>>),
    utterance: u64,
}

impl VoiceOutput {
    fn new(mixer: Option<Mixer>, device: Option<MixerDeviceSink>) -> Self {
        let (send, receive) = channel();
        VoiceOutput {
            mixer,
            _device: device,
            playing: None,
            events: (send, Arc::new(Mutex::new(receive))),
            utterance: 0,
        }
    }

    /// Output into a mixer that no device reads: what tests and benchmarks play into.
    pub fn without_device() -> (Self, rodio::mixer::MixerSource) {
        let channels = std::num::NonZero::<u16>::MIN;
        let rate = std::num::NonZero::new(22_050).unwrap_or(std::num::NonZero::<u32>::MIN);
        let (mixer, source) = rodio::mixer::mixer(channels, rate);
        (VoiceOutput::new(Some(mixer), None), source)
    }

    /// No sound at all, as on a tablet whose audio is broken.
    pub fn silent() -> Self {
        VoiceOutput::new(None, None)
    }

    pub fn has_sound(&self) -> bool {
        self.mixer.is_some()
    }

    /// Plays a sound over whatever is playing, cutting nothing off (the click of a landing
    /// finger). False with no sound device.
    pub(super) fn play_over(&self, clip: &Clip, volume: f32) -> bool {
        let Some(mixer) = &self.mixer else {
            return false;
        };
        mixer.add(clip.source().amplify(volume.clamp(0.0, 1.0)));
        true
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum PlaybackEvent {
    Started { utterance: u64, position: usize },
    Finished { utterance: u64 },
}

/// What was handed to the mixer, newest last (for tests and the benchmark; never written out).
#[derive(Resource, Debug, Default)]
pub struct PlaybackLog {
    pub utterances: Vec<Utterance>,
    /// Clicks played as a finger landed (`cues.rs`).
    pub clicks: usize,
}

#[derive(Debug, Clone)]
pub struct Utterance {
    /// The clip files, in the order queued.
    pub clips: Vec<PathBuf>,
    /// When the last clip had been handed to the mixer.
    pub handed_over: Instant,
    /// The volume it was played at, 0.0 to 1.0.
    pub volume: f32,
}

/// Decoded clips, filled by a background thread board by board.
#[derive(Resource, Clone)]
pub struct ClipCache {
    clips: Arc<Mutex<HashMap<PathBuf, Arc<Clip>>>>,
    requests: Sender<Vec<PathBuf>>,
}

impl ClipCache {
    pub(super) fn start() -> Self {
        let clips: Arc<Mutex<HashMap<PathBuf, Arc<Clip>>>> = Arc::default();
        let (requests, wanted) = channel::<Vec<PathBuf>>();
        let filled = clips.clone();
        let spawned = std::thread::Builder::new()
            .name("clip decoder".into())
            .spawn(move || {
                for batch in wanted {
                    for path in batch {
                        if filled.lock().map(|c| c.contains_key(&path)).unwrap_or(true) {
                            continue;
                        }
                        match decode_file(&path) {
                            Ok(clip) => {
                                if let Ok(mut cache) = filled.lock() {
                                    cache.insert(path, Arc::new(clip));
                                }
                            }
                            // Not the path: it names the profile and the cell.
                            Err(_) => warn!("a voice clip could not be decoded"),
                        }
                    }
                }
            });
        if let Err(error) = spawned {
            warn!("cannot start the clip decoder, clips will be decoded on first use: {error}");
        }
        ClipCache { clips, requests }
    }

    /// Lets go of these clips, so a recording that replaced one is decoded anew.
    pub(super) fn forget(&self, paths: &[PathBuf]) {
        if let Ok(mut clips) = self.clips.lock() {
            for path in paths {
                clips.remove(path);
            }
        }
    }

    pub(super) fn request(&self, paths: Vec<PathBuf>) {
        let _ = self.requests.send(paths);
    }

    /// The decoded clip; decodes it now if the background thread has not got to it yet.
    fn get(&self, path: &PathBuf) -> Option<Arc<Clip>> {
        if let Some(clip) = self.clips.lock().ok()?.get(path) {
            return Some(clip.clone());
        }
        let decoded = decode_file(path).map_err(|_| warn!("a voice clip could not be decoded"));
        let clip = Arc::new(decoded.ok()?);
        self.clips.lock().ok()?.insert(path.clone(), clip.clone());
        Some(clip)
    }

    pub fn is_decoded(&self, path: &PathBuf) -> bool {
        self.clips
            .lock()
            .map(|c| c.contains_key(path))
            .unwrap_or(false)
    }
}

fn open_output(mut commands: Commands, existing: Option<Res<VoiceOutput>>) {
    if existing.is_some() {
        return;
    }
    match rodio::DeviceSinkBuilder::open_default_sink() {
        Ok(mut device) => {
            device.log_on_drop(false);
            let mixer = device.mixer().clone();
            commands.insert_resource(VoiceOutput::new(Some(mixer), Some(device)));
        }
        Err(error) => {
            warn!("no audio device, the app runs without sound: {error}");
            commands.insert_resource(VoiceOutput::silent());
        }
    }
}

/// What the speaking systems share: the output, the clips, and the settings.
#[derive(SystemParam)]
pub(super) struct Speaker<'w> {
    pub(super) output: ResMut<'w, VoiceOutput>,
    log: ResMut<'w, PlaybackLog>,
    pub(super) settings: Res<'w, VoiceSettings>,
    index: Res<'w, ClipIndex>,
    speech: Res<'w, super::SystemSpeech>,
    cache: Res<'w, ClipCache>,
    proxy: Option<Res<'w, EventLoopProxyWrapper>>,
}

impl VoiceOutput {
    /// Whatever is still playing stops at its next sample.
    pub(super) fn stop_current(&mut self) {
        if let Some(playing) = self.playing.take() {
            playing.store(true, Ordering::Relaxed);
        }
    }
}

impl Speaker<'_> {
    /// The clip a cell speaks; none when the profile prefers the system voice to the bundled
    /// clips and there is one (a worker's recording is always spoken).
    pub(super) fn clip_path(&self, board: &str, cell: &str) -> Option<PathBuf> {
        let bundled = matches!(self.index.choice(board, cell), ClipChoice::Bundled(_));
        if bundled && self.settings.prefer_system_voice && self.speech.is_available() {
            return None;
        }
        clip_path(&self.index, board, cell)
    }

    /// Hands the clips to the mixer, back to back, cutting off what was playing. False when
    /// nothing could be played (no sound device, or no clip decoded).
    pub(super) fn play(&mut self, clips: Vec<(usize, PathBuf)>) -> bool {
        self.play_at(clips, 1.0)
    }

    /// A short sound over whatever is playing, at the child's volume.
    pub(super) fn play_over(&mut self, clip: &Clip, gain: f32) {
        if self.output.play_over(clip, self.settings.volume * gain) {
            self.log.clicks += 1;
        }
    }

    /// As [`Speaker::play`], at `gain` times the child's volume (the quiet cues of scanning).
    pub(super) fn play_at(&mut self, clips: Vec<(usize, PathBuf)>, gain: f32) -> bool {
        let settings = &*self.settings;
        let cache = &*self.cache;
        let proxy = self.proxy.as_deref();
        let log = &mut *self.log;
        let output = &mut *self.output;
        output.stop_current();
        let Some(mixer) = output.mixer.clone() else {
            return false;
        };
        output.utterance += 1;
        let utterance = output.utterance;
        let mut queued = Vec::new();
        let mut sources = Vec::new();
        for (position, path) in clips {
            let clip = if settings.decode_on_every_tap {
                decode_file(&path)
                    .map(Arc::new)
                    .map_err(|_| warn!("a voice clip could not be decoded"))
                    .ok()
            } else {
                cache.get(&path)
            };
            let Some(clip) = clip else { continue };
            sources.push((position, clip));
            queued.push(path);
        }
        let volume = (settings.volume * gain).clamp(0.0, 1.0);
        let stopped = Arc::new(AtomicBool::new(false));
        let notify = |event: PlaybackEvent| {
            let events = output.events.0.clone();
            let wake = proxy.map(|p| (**p).clone());
            Box::new(move || {
                let _ = events.send(event);
                if let Some(wake) = &wake {
                    let _ = wake.send_event(WinitUserEvent::WakeUp);
                }
            }) as Box<dyn FnOnce() + Send>
        };
        // Every clip is handed to the mixer now, each delayed by the clips before it: the message
        // plays back to back with no work left for later, and one flag stops all of it.
        let last = sources.len().saturating_sub(1);
        let mut offset = Duration::ZERO;
        for (index, (position, clip)) in sources.into_iter().enumerate() {
            let cue = Cue {
                inner: clip.source(),
                stopped: stopped.clone(),
                on_start: Some(notify(PlaybackEvent::Started {
                    utterance,
                    position,
                })),
                on_end: (index == last).then(|| notify(PlaybackEvent::Finished { utterance })),
            };
            mixer.add(cue.amplify(volume).delay(offset));
            offset += clip.duration();
        }
        let played = !queued.is_empty();
        log.utterances.push(Utterance {
            clips: queued,
            handed_over: Instant::now(),
            volume,
        });
        if log.utterances.len() > 64 {
            log.utterances.remove(0);
        }
        output.playing = Some(stopped);
        played
    }
}

fn follow_playback(output: Res<VoiceOutput>, mut speaking: ResMut<Speaking>) {
    let Ok(events) = output.events.1.lock() else {
        return;
    };
    for event in events.try_iter() {
        match event {
            PlaybackEvent::Started {
                utterance,
                position,
            } if utterance == output.utterance => {
                speaking.voice_reached(position);
            }
            PlaybackEvent::Finished { utterance } if utterance == output.utterance => {
                speaking.voice_finished()
            }
            _ => {}
        }
    }
}

/// A clip that reports when its first sample is played and when it ends (so the highlight
/// follows the voice), and that ends at once when its utterance is stopped.
struct Cue<S> {
    inner: S,
    stopped: Arc<AtomicBool>,
    on_start: Option<Box<dyn FnOnce() + Send>>,
    on_end: Option<Box<dyn FnOnce() + Send>>,
}

impl<S: Source> Iterator for Cue<S> {
    type Item = rodio::Sample;

    fn next(&mut self) -> Option<Self::Item> {
        if self.stopped.load(Ordering::Relaxed) {
            return None;
        }
        if let Some(started) = self.on_start.take() {
            started();
        }
        let sample = self.inner.next();
        // The mixer may never ask past the last sample, so "ended" is told with it.
        let finished = sample.is_none() || self.inner.size_hint().1 == Some(0);
        if finished && let Some(ended) = self.on_end.take() {
            ended();
        }
        sample
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        self.inner.size_hint()
    }
}

impl<S: Source> Source for Cue<S> {
    fn current_span_len(&self) -> Option<usize> {
        self.inner.current_span_len()
    }

    fn channels(&self) -> rodio::ChannelCount {
        self.inner.channels()
    }

    fn sample_rate(&self) -> rodio::SampleRate {
        self.inner.sample_rate()
    }

    fn total_duration(&self) -> Option<Duration> {
        self.inner.total_duration()
    }
}
