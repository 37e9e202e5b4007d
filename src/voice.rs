//! Voice output with rodio: every word is spoken from a clip decoded once and kept in memory;
//! a new tap cuts off the word still playing; Speak plays the message as a queue and
//! highlights each symbol as it is spoken. With no audio device the app carries on silently.

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

use crate::Content;
use crate::board::{BoardCell, BoardOpened, FolderChosen};
use crate::message_bar::{SpeakRequested, Speaking, WordChosen};
use crate::model::voice::{Clip, ClipChoice, choose_clip, decode_file};
use crate::theme::{self, TEXT};

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<VoiceSettings>()
        .init_resource::<PlaybackLog>()
        .add_message::<SayText>()
        .add_systems(PreStartup, (open_output, index_clips, find_system_speech))
        .add_systems(PostStartup, show_no_sound_notice)
        .add_systems(
            Update,
            (
                follow_playback,
                preload_opened_board,
                (speak_chosen_words, speak_message).after(crate::message_bar::MessageSystems),
                say_texts,
                mark_cells_without_voice,
            ),
        );
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
}

#[derive(Debug, Clone)]
pub struct Utterance {
    /// The clip files, in the order queued.
    pub clips: Vec<PathBuf>,
    /// When the last clip had been handed to the mixer.
    pub handed_over: Instant,
}

/// Which clip each cell speaks, worked out once so a tap never touches the disk.
#[derive(Resource, Debug, Default)]
pub struct ClipIndex {
    choices: HashMap<(String, String), ClipChoice>,
}

impl ClipIndex {
    pub fn choice(&self, board: &str, cell: &str) -> &ClipChoice {
        self.choices
            .get(&(board.to_string(), cell.to_string()))
            .unwrap_or(&ClipChoice::Missing)
    }
}

/// Decoded clips, filled by a background thread board by board.
#[derive(Resource, Clone)]
pub struct ClipCache {
    clips: Arc<Mutex<HashMap<PathBuf, Arc<Clip>>>>,
    requests: Sender<Vec<PathBuf>>,
}

impl ClipCache {
    fn start() -> Self {
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
                            Err(error) => warn!("{error}"),
                        }
                    }
                }
            });
        if let Err(error) = spawned {
            warn!("cannot start the clip decoder, clips will be decoded on first use: {error}");
        }
        ClipCache { clips, requests }
    }

    fn request(&self, paths: Vec<PathBuf>) {
        let _ = self.requests.send(paths);
    }

    /// The decoded clip; decodes it now if the background thread has not got to it yet.
    fn get(&self, path: &PathBuf) -> Option<Arc<Clip>> {
        if let Some(clip) = self.clips.lock().ok()?.get(path) {
            return Some(clip.clone());
        }
        let clip = Arc::new(decode_file(path).map_err(|e| warn!("{e}")).ok()?);
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

fn find_system_speech(mut commands: Commands, existing: Option<Res<SystemSpeech>>) {
    if existing.is_none() {
        commands.insert_resource(SystemSpeech::detect());
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

fn clip_paths_of(index: &ClipIndex, board: &str) -> Vec<PathBuf> {
    index
        .choices
        .iter()
        .filter(|((b, _), _)| b == board)
        .filter_map(|(_, choice)| match choice {
            ClipChoice::Recorded(path) | ClipChoice::Bundled(path) => Some(path.clone()),
            ClipChoice::Missing => None,
        })
        .collect()
}

fn index_clips(mut commands: Commands, content: Res<Content>) {
    let root = crate::asset_root();
    let mut index = ClipIndex::default();
    for board in content.vocabulary.boards.values() {
        for cell in &board.cells {
            let choice = choose_clip(
                content.data_dir.as_deref(),
                &root,
                &board.id,
                &cell.id,
                &cell.word,
            );
            index
                .choices
                .insert((board.id.clone(), cell.id.clone()), choice);
        }
    }
    let cache = ClipCache::start();
    cache.request(clip_paths_of(&index, crate::model::vocab::HOME_BOARD));
    commands.insert_resource(index);
    commands.insert_resource(cache);
}

fn preload_opened_board(
    mut opened: MessageReader<BoardOpened>,
    index: Res<ClipIndex>,
    cache: Res<ClipCache>,
) {
    for board in opened.read() {
        cache.request(clip_paths_of(&index, &board.board));
    }
}

/// The platform's text-to-speech service, for words with no clip (typed by a worker, or from an
/// imported board). On Linux it is speech-dispatcher's `spd-say` when installed; Android, iOS and
/// Windows will use their system voices through the `tts` crate (not built yet). Having none is
/// not an error: such cells show "no voice".
#[derive(Resource, Debug, Clone, Default)]
pub struct SystemSpeech {
    command: Option<PathBuf>,
}

impl SystemSpeech {
    pub fn detect() -> Self {
        let command = if cfg!(target_os = "linux") {
            std::env::var_os("PATH").and_then(|paths| {
                std::env::split_paths(&paths)
                    .map(|dir| dir.join("spd-say"))
                    .find(|path| path.is_file())
            })
        } else {
            None
        };
        SystemSpeech { command }
    }

    /// A speech command that takes the text as its last argument (tests use a stand-in).
    pub fn with_command(command: PathBuf) -> Self {
        SystemSpeech {
            command: Some(command),
        }
    }

    pub fn none() -> Self {
        SystemSpeech { command: None }
    }

    pub fn is_available(&self) -> bool {
        self.command.is_some()
    }

    fn speak(&self, text: &str) {
        let Some(command) = &self.command else { return };
        let spawned = std::process::Command::new(command)
            .args(["--language", "en", "--", text])
            .stdin(std::process::Stdio::null())
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn();
        match spawned {
            // Reap it off the main thread so a slow speech service never holds a frame.
            Ok(mut child) => {
                std::thread::spawn(move || child.wait());
            }
            Err(error) => warn!("the system speech service did not start: {error}"),
        }
    }
}

/// A small marker on a cell that has no clip, so the worker sees that it will stay silent.
#[derive(Component)]
pub struct NoVoiceBadge;

fn mark_cells_without_voice(
    mut commands: Commands,
    index: Res<ClipIndex>,
    speech: Res<SystemSpeech>,
    added: Query<(Entity, &BoardCell), Added<BoardCell>>,
) {
    if speech.is_available() {
        return;
    }
    for (entity, cell) in &added {
        if *index.choice(&cell.board, &cell.cell) == ClipChoice::Missing {
            commands.entity(entity).with_child((
                NoVoiceBadge,
                Name::new("No voice badge"),
                Node {
                    position_type: PositionType::Absolute,
                    right: px(4.0),
                    top: px(2.0),
                    ..default()
                },
                theme::label("no voice", 13.0, TEXT),
            ));
        }
    }
}

#[derive(Component)]
pub struct NoSoundNotice;

fn show_no_sound_notice(
    mut commands: Commands,
    output: Res<VoiceOutput>,
    strip: Query<Entity, With<crate::screen::NavStrip>>,
) {
    if output.has_sound() {
        return;
    }
    if let Ok(strip) = strip.single() {
        commands.entity(strip).with_child((
            NoSoundNotice,
            Name::new("No sound notice"),
            theme::label("no sound", 16.0, theme::TEXT_ON_DARK),
        ));
    }
}

/// What the speaking systems share: the output, the clips, and the settings.
#[derive(SystemParam)]
struct Speaker<'w> {
    output: ResMut<'w, VoiceOutput>,
    log: ResMut<'w, PlaybackLog>,
    settings: Res<'w, VoiceSettings>,
    index: Res<'w, ClipIndex>,
    cache: Res<'w, ClipCache>,
    proxy: Option<Res<'w, EventLoopProxyWrapper>>,
}

impl VoiceOutput {
    /// Whatever is still playing stops at its next sample.
    fn stop_current(&mut self) {
        if let Some(playing) = self.playing.take() {
            playing.store(true, Ordering::Relaxed);
        }
    }
}

impl Speaker<'_> {
    fn clip_path(&self, board: &str, cell: &str) -> Option<PathBuf> {
        clip_path(&self.index, board, cell)
    }

    /// Hands the clips to the mixer, back to back, cutting off what was playing. False when
    /// nothing could be played (no sound device, or no clip decoded).
    fn play(&mut self, clips: Vec<(usize, PathBuf)>) -> bool {
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
                    .map_err(|e| warn!("{e}"))
                    .ok()
            } else {
                cache.get(&path)
            };
            let Some(clip) = clip else { continue };
            sources.push((position, clip));
            queued.push(path);
        }
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
            mixer.add(cue.amplify(settings.volume.clamp(0.0, 1.0)).delay(offset));
            offset += clip.duration();
        }
        let played = !queued.is_empty();
        log.utterances.push(Utterance {
            clips: queued,
            handed_over: Instant::now(),
        });
        if log.utterances.len() > 64 {
            log.utterances.remove(0);
        }
        output.playing = Some(stopped);
        played
    }
}

fn clip_path(index: &ClipIndex, board: &str, cell: &str) -> Option<PathBuf> {
    match index.choice(board, cell) {
        ClipChoice::Recorded(path) | ClipChoice::Bundled(path) => Some(path.clone()),
        ClipChoice::Missing => None,
    }
}

fn speak_chosen_words(
    mut words: MessageReader<WordChosen>,
    mut folders: MessageReader<FolderChosen>,
    mut speaker: Speaker,
    speech: Res<SystemSpeech>,
) {
    let (on_tap, on_folders) = (
        speaker.settings.speak_on_tap,
        speaker.settings.speak_folders,
    );
    let tapped_words = words
        .read()
        .filter(|_| on_tap)
        .map(|w| (w.0.board.clone(), w.0.cell.clone(), w.0.word.clone()));
    let tapped_folders = folders
        .read()
        .filter(|_| on_folders)
        .map(|f| (f.board.clone(), f.cell.clone(), f.word.clone()));
    // Only the last tap of a frame is heard: each new tap cuts off the one before.
    let Some((board, cell, word)) = tapped_words.chain(tapped_folders).last() else {
        return;
    };
    let Some(path) = speaker.clip_path(&board, &cell) else {
        speaker.output.stop_current();
        speech.speak(&word);
        return;
    };
    speaker.play(vec![(0, path)]);
}

/// Something to say that is not a cell: an activity's prompt or a choice's word. Spoken from the
/// bundled clip of that text when there is one, else by the system voice.
#[derive(Message, Debug, Clone, PartialEq, Eq)]
pub struct SayText(pub String);

fn say_texts(mut texts: MessageReader<SayText>, mut speaker: Speaker, speech: Res<SystemSpeech>) {
    let Some(SayText(text)) = texts.read().last() else {
        return;
    };
    let root = crate::asset_root();
    let played = match choose_clip(None, &root, "", "", text) {
        ClipChoice::Bundled(path) | ClipChoice::Recorded(path) => speaker.play(vec![(0, path)]),
        ClipChoice::Missing => false,
    };
    if !played {
        speaker.output.stop_current();
        speech.speak(text);
    }
}

fn speak_message(
    mut requests: MessageReader<SpeakRequested>,
    mut speaker: Speaker,
    mut speaking: ResMut<Speaking>,
) {
    let Some(request) = requests.read().last() else {
        return;
    };
    let clips: Vec<(usize, PathBuf)> = request
        .items
        .iter()
        .enumerate()
        .filter_map(|(position, item)| {
            speaker
                .clip_path(&item.board, &item.cell)
                .map(|p| (position, p))
        })
        .collect();
    if speaker.play(clips) {
        // The voice paces the highlight from now on, symbol by symbol.
        speaking.follow_voice();
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
