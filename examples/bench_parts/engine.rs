//! `voice` (continued): a tap on a word that goes to the platform's voice, from the touch reaching
//! the app to the speech engine being asked on its own thread (a stand-in engine that notes the
//! moment, so only Hearme's part is timed), against a tap to a bundled clip at the mixer in the
//! same run; and the real engine (speech-dispatcher here): start to ready, and how long it takes
//! to take a word.

use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use bevy::input::touch::TouchPhase;
use bevy::prelude::*;

use hearme::model::speech_engine::{Engine, PlatformVoice, SpeechEngine, Status, Utterance};
use hearme::voice::{SystemSpeech, VoiceOutput, VoiceSettings};

struct Noting(Arc<Mutex<Vec<Instant>>>);

impl Engine for Noting {
    fn voices(&mut self) -> Result<Vec<PlatformVoice>, String> {
        Ok(Vec::new())
    }

    fn speak(&mut self, _: &Utterance, _: Option<&PlatformVoice>) -> Result<(), String> {
        self.0.lock().unwrap().push(Instant::now());
        Ok(())
    }

    fn stop(&mut self) -> Result<(), String> {
        Ok(())
    }
}

/// Milliseconds from each tap reaching the app to the engine being asked to say its word.
fn tap_to_engine(taps: usize) -> Vec<f64> {
    let asked = Arc::new(Mutex::new(Vec::new()));
    let noting = Noting(asked.clone());
    let engine = SpeechEngine::start(move || Ok(Box::new(noting)));
    assert!(engine.wait_ready(Duration::from_secs(5)));
    let (output, _card) = VoiceOutput::without_device();
    let mut app = hearme::headless_app(hearme::Content::built_in(), output, 1280, 800);
    app.insert_resource(SystemSpeech::with_engine(engine));
    for _ in 0..3 {
        app.update();
    }
    // Every word to the platform's voice, as a profile that prefers it has it.
    app.world_mut()
        .resource_mut::<VoiceSettings>()
        .prefer_system_voice = true;
    app.update();
    let places = super::home_word_places(&mut app);
    let mut times = Vec::with_capacity(taps);
    for tap in 0..taps {
        let place = places[tap % places.len()];
        hearme::simulate_touch(&mut app, place, TouchPhase::Started);
        app.update();
        hearme::simulate_touch(&mut app, place, TouchPhase::Ended);
        let before = asked.lock().unwrap().len();
        let reached_app = Instant::now();
        app.update();
        let until = Instant::now() + Duration::from_secs(2);
        let at = loop {
            if let Some(at) = asked.lock().unwrap().get(before).copied() {
                break at;
            }
            assert!(Instant::now() < until, "the engine was never asked");
            std::thread::sleep(Duration::from_micros(50));
        };
        times.push((at - reached_app).as_secs_f64() * 1e3);
        if tap % 8 == 7 {
            app.world_mut()
                .resource_mut::<hearme::message_bar::Message>()
                .items
                .clear();
        }
    }
    times
}

pub fn run() {
    const TAPS: usize = 240;
    let engine = tap_to_engine(TAPS);
    let clips = super::time_taps(false, TAPS);
    println!(
        "voice-tap-to-engine-asked-median: {:.3} ms",
        super::median(engine.clone())
    );
    println!(
        "voice-tap-to-engine-asked-p99: {:.3} ms",
        super::percentile(&engine, 0.99)
    );
    println!(
        "baseline-tap-to-clip-at-mixer-median: {:.3} ms",
        super::median(clips.clone())
    );
    println!(
        "baseline-tap-to-clip-at-mixer-p99: {:.3} ms",
        super::percentile(&clips, 0.99)
    );
}

/// The platform's engine started once, cold (speech-dispatcher is started by it: a second
/// connection to a daemon with no sound card was seen to hang), and 5 words handed to it.
pub fn real_engine() {
    let engine = hearme::voice::platform_engine();
    if !engine.wait_ready(Duration::from_secs(30)) {
        println!("voice-platform-engine: not ready ({:?})", engine.status());
        return;
    }
    let ready = engine.ready_after().unwrap_or_default().as_secs_f64() * 1e3;
    println!(
        "voice-platform-engine-start-to-ready-cold: {ready:.0} ms ({} voices)",
        engine.voices().len()
    );
    let mut took = Vec::new();
    for word in ["hello", "juice", "more", "help", "stop"] {
        let before = engine.handed();
        let asked = Instant::now();
        engine.speak(Utterance::new(word, Some("en-GB")));
        while engine.handed() == before || engine.status() != Status::Ready {
            if asked.elapsed() > Duration::from_secs(10) {
                println!("voice-platform-engine-takes-a-word: no answer in 10 s ({word:?})");
                return;
            }
            std::thread::sleep(Duration::from_micros(200));
        }
        took.push(asked.elapsed().as_secs_f64() * 1e3);
        std::thread::sleep(Duration::from_millis(300));
    }
    println!(
        "voice-platform-engine-takes-a-word-median: {:.1} ms",
        super::median(took)
    );
}
