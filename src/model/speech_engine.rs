//! The platform's speech engine on a thread of its own: started when the app starts (platform
//! engines take a second or more to warm up), its voices read once, and every request sent and
//! never waited for, so an engine that is slow, fails or hangs never holds a frame; the screen
//! asks [`SpeechEngine::status`] and shows "no voice" meanwhile (docs/voice.md).

use std::sync::mpsc::{Receiver, Sender, channel};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::{Duration, Instant};

/// A voice the platform offers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlatformVoice {
    pub id: String,
    pub name: String,
    /// BCP 47 ("en-GB", "pl").
    pub language: String,
}

/// One thing to say.
#[derive(Debug, Clone, PartialEq)]
pub struct Utterance {
    pub text: String,
    /// The language it is in (BCP 47); a voice for it is chosen when the platform has one.
    pub language: Option<String>,
    /// How it is said, as the child's settings say.
    pub manner: Manner,
}

/// The child's own way of hearing the platform's voice: the voice the worker chose (by id,
/// used for its own language), and its speed and loudness.
#[derive(Debug, Clone, PartialEq)]
pub struct Manner {
    pub voice: Option<String>,
    /// 1.0 is the platform's normal speed; 0.75 slower, 1.25 faster.
    pub rate: f32,
    /// 1.0 is the platform's normal pitch; 0.8 lower, 1.2 higher.
    pub pitch: f32,
    /// 0.0 to 1.0.
    pub volume: f32,
}

impl Default for Manner {
    fn default() -> Self {
        Manner {
            voice: None,
            rate: 1.0,
            pitch: 1.0,
            volume: 1.0,
        }
    }
}

impl Utterance {
    /// `text` in `language`, said the platform's usual way.
    pub fn new(text: impl Into<String>, language: Option<&str>) -> Utterance {
        Utterance {
            text: text.into(),
            language: language.map(str::to_string),
            manner: Manner::default(),
        }
    }
}

/// What an engine does; the platform's (`voice/platform.rs`) or a test's stand-in.
pub trait Engine {
    fn voices(&mut self) -> Result<Vec<PlatformVoice>, String>;
    /// Says `utterance` in `voice` (the engine's own default when `None`), cutting off what it
    /// was saying.
    fn speak(&mut self, utterance: &Utterance, voice: Option<&PlatformVoice>)
    -> Result<(), String>;
    fn stop(&mut self) -> Result<(), String>;
}

/// How the engine is, as the screen shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Status {
    /// Still warming up (no voice yet).
    Starting,
    Ready,
    /// It did not start: the platform's reason.
    Failed(String),
    /// It has not answered a request (or finished starting) for [`NOT_ANSWERING_AFTER`].
    NotAnswering,
    /// This tablet has no speech engine.
    None,
}

/// How long the engine may take over starting or over one request before the screen says "no
/// voice" (speech-dispatcher starts in about half a second).
pub const NOT_ANSWERING_AFTER: Duration = Duration::from_secs(5);

enum Request {
    Speak(Utterance),
    Stop,
}

#[derive(Default)]
struct State {
    started: Option<Instant>,
    ready_after: Option<Duration>,
    failed: Option<String>,
    voices: Vec<PlatformVoice>,
    /// When the request under way was handed to the engine.
    busy_since: Option<Instant>,
    /// Requests the engine has been handed (for tests and the benchmark).
    handed: u64,
    /// Why the last request failed, until one succeeds.
    last_error: Option<String>,
}

/// A running engine, or none. Cloning shares it.
#[derive(Clone)]
pub struct SpeechEngine {
    state: Arc<Mutex<State>>,
    requests: Option<Sender<Request>>,
}

impl SpeechEngine {
    /// Starts `make` (the platform's engine) on its own thread and returns at once.
    pub fn start<F>(make: F) -> SpeechEngine
    where
        F: FnOnce() -> Result<Box<dyn Engine>, String> + Send + 'static,
    {
        let state = Arc::new(Mutex::new(State {
            started: Some(Instant::now()),
            ..State::default()
        }));
        let (sender, receiver) = channel();
        let shared = state.clone();
        let spawned = std::thread::Builder::new()
            .name("speech engine".into())
            .spawn(move || run(make, &shared, &receiver));
        if let Err(error) = spawned {
            lock(&state).failed = Some(format!("the speech thread did not start: {error}"));
        }
        SpeechEngine {
            state,
            requests: Some(sender),
        }
    }

    /// No engine: every word without a clip shows "no voice".
    pub fn none() -> SpeechEngine {
        SpeechEngine {
            state: Arc::new(Mutex::new(State::default())),
            requests: None,
        }
    }

    pub fn status(&self) -> Status {
        if self.requests.is_none() {
            return Status::None;
        }
        let state = lock(&self.state);
        if let Some(why) = state.failed.as_ref().or(state.last_error.as_ref()) {
            return Status::Failed(why.clone());
        }
        let stuck =
            |since: Option<Instant>| since.is_some_and(|s| s.elapsed() > NOT_ANSWERING_AFTER);
        match state.ready_after {
            None if stuck(state.started) => Status::NotAnswering,
            None => Status::Starting,
            Some(_) if stuck(state.busy_since) => Status::NotAnswering,
            Some(_) => Status::Ready,
        }
    }

    pub fn is_ready(&self) -> bool {
        self.status() == Status::Ready
    }

    /// How long the engine took from the app's start to having read its voices.
    pub fn ready_after(&self) -> Option<Duration> {
        lock(&self.state).ready_after
    }

    /// The platform's voices, read once when it started (empty until then).
    pub fn voices(&self) -> Vec<PlatformVoice> {
        lock(&self.state).voices.clone()
    }

    /// Requests handed to the engine so far.
    pub fn handed(&self) -> u64 {
        lock(&self.state).handed
    }

    /// Whether the engine is inside a request now.
    pub fn busy(&self) -> bool {
        lock(&self.state).busy_since.is_some()
    }

    /// Asks the engine to say `utterance`, cutting off what it was saying; false (nothing sent)
    /// when it is not ready.
    pub fn speak(&self, utterance: Utterance) -> bool {
        // After a request that failed the engine is asked again: it may have come back.
        let came_up_then_failed = {
            let state = lock(&self.state);
            state.last_error.is_some() && state.ready_after.is_some() && state.busy_since.is_none()
        };
        let answering = came_up_then_failed || self.status() == Status::Ready;
        if !answering {
            return false;
        }
        self.send(Request::Speak(utterance))
    }

    pub fn stop(&self) {
        if self.is_ready() {
            self.send(Request::Stop);
        }
    }

    fn send(&self, request: Request) -> bool {
        self.requests
            .as_ref()
            .is_some_and(|sender| sender.send(request).is_ok())
    }

    /// Waits up to `timeout` for the engine to be ready (the command line, tests and the
    /// benchmark; never the app's frames).
    pub fn wait_ready(&self, timeout: Duration) -> bool {
        let until = Instant::now() + timeout;
        while Instant::now() < until {
            match self.status() {
                Status::Ready => return true,
                // Slow to start is not failed: a cold engine may take longer than a frame can
                // wait, and here nobody waits for a frame.
                Status::Starting | Status::NotAnswering => {
                    std::thread::sleep(Duration::from_millis(5))
                }
                Status::Failed(_) | Status::None => return false,
            }
        }
        false
    }
}

fn lock(state: &Mutex<State>) -> MutexGuard<'_, State> {
    state
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

fn run<F>(make: F, state: &Mutex<State>, requests: &Receiver<Request>)
where
    F: FnOnce() -> Result<Box<dyn Engine>, String>,
{
    let mut engine = match make() {
        Ok(engine) => engine,
        Err(why) => {
            lock(state).failed = Some(why);
            return;
        }
    };
    // A platform with no voice list still speaks in its default voice.
    let voices = engine.voices().unwrap_or_default();
    {
        let mut state = lock(state);
        state.voices = voices.clone();
        state.ready_after = state.started.map(|s| s.elapsed());
    }
    while let Ok(mut request) = requests.recv() {
        // Only the newest matters: each request cuts off the one before.
        while let Ok(newer) = requests.try_recv() {
            request = newer;
        }
        {
            let mut state = lock(state);
            state.busy_since = Some(Instant::now());
            state.handed += 1;
        }
        // What the engine says is the child's words: it is never logged.
        let done = match &request {
            Request::Speak(utterance) => engine.speak(utterance, chosen_voice(&voices, utterance)),
            Request::Stop => engine.stop(),
        };
        let mut state = lock(state);
        state.busy_since = None;
        state.last_error = done.err();
    }
}

/// The voice the worker chose, when the platform has it and it speaks the utterance's language;
/// else the platform's voice for that language.
fn chosen_voice<'a>(
    voices: &'a [PlatformVoice],
    utterance: &Utterance,
) -> Option<&'a PlatformVoice> {
    let primary = super::languages::primary;
    let language = utterance.language.as_deref();
    let chosen = utterance.manner.voice.as_deref().and_then(|id| {
        voices
            .iter()
            .find(|v| v.id == id && language.is_none_or(|l| primary(&v.language) == primary(l)))
    });
    chosen.or_else(|| language.and_then(|language| voice_for(voices, language)))
}

/// The platform's voice for `language`: one for exactly that tag, else one for its language
/// ("pl" for "pl-PL"); among several, the plainest name (espeak-ng lists each language's
/// variants as "Polish+Annie" and so on). `None`: the platform has none for it.
pub fn voice_for<'a>(voices: &'a [PlatformVoice], language: &str) -> Option<&'a PlatformVoice> {
    let primary = |tag: &str| {
        tag.split(['-', '_'])
            .next()
            .unwrap_or("")
            .to_ascii_lowercase()
    };
    let normal = |tag: &str| tag.replace('_', "-").to_ascii_lowercase();
    let wanted = normal(language);
    let plainest = |matching: Vec<&'a PlatformVoice>| {
        matching
            .into_iter()
            .min_by_key(|v| (v.name.contains('+'), v.name.len()))
    };
    let exact: Vec<&PlatformVoice> = voices
        .iter()
        .filter(|v| normal(&v.language) == wanted)
        .collect();
    plainest(exact).or_else(|| {
        plainest(
            voices
                .iter()
                .filter(|v| primary(&v.language) == primary(language))
                .collect(),
        )
    })
}
