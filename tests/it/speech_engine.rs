//! The platform's speech engine on a thread of its own (docs/voice.md): what reaches it and in
//! which voice, an engine that never answers or never starts, and the real one on this machine.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, channel};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use bevy::prelude::*;

use hearme::Content;
use hearme::model::speech_engine::{
    Engine, NOT_ANSWERING_AFTER, PlatformVoice, SpeechEngine, Status, Utterance, voice_for,
};
use hearme::voice::{NoVoiceBadge, SystemSpeech, VoiceOutput};

use crate::harness::*;

fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join("speech-engine")
        .join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// The built-in boards with "want" renamed "wibble": a word with no bundled clip.
fn wibble() -> Content {
    let mut content = Content::built_in();
    let mut vocabulary = (*content.vocabulary).clone();
    let home = vocabulary.boards.get_mut("home").unwrap();
    home.cells.iter_mut().find(|c| c.id == "want").unwrap().word = "wibble".into();
    content.vocabulary = Arc::new(vocabulary);
    content
}

fn voice(id: &str, name: &str, language: &str) -> PlatformVoice {
    PlatformVoice {
        id: id.into(),
        name: name.into(),
        language: language.into(),
    }
}

fn badges(app: &mut App) -> usize {
    let mut badges = app.world_mut().query_filtered::<(), With<NoVoiceBadge>>();
    badges.iter(app.world()).count()
}

#[test]
fn a_word_with_no_clip_reaches_the_engine_with_its_language_in_a_voice_for_it() {
    let dir = scratch("language");
    let said = dir.join("said.txt");
    let engine = RecordingEngine {
        said: said.clone(),
        with_language: true,
        voices: vec![
            voice("pl", "Polish", "pl"),
            voice("en-gb+annie", "English (Great Britain)+Annie", "en-GB"),
            voice("en-gb", "English (Great Britain)", "en-GB"),
            voice("en-us", "English (America)", "en-US"),
        ],
    };
    let engine = SpeechEngine::start(move || Ok(Box::new(engine)));
    assert!(engine.wait_ready(Duration::from_secs(5)));
    assert_eq!(
        engine.voices().len(),
        4,
        "the voices are read once, at start"
    );
    let speech = SystemSpeech::with_engine(engine);
    let mut app = app_with_speech(wibble(), VoiceOutput::without_device().0, speech, 1280, 800);
    tap_cell(&mut app, "home", "want");
    assert_eq!(
        heard_by(&said).trim(),
        "wibble\ten-GB\tEnglish (Great Britain)"
    );
}

#[test]
fn a_voice_is_chosen_for_the_language_then_for_its_family_and_never_made_up() {
    let voices = [
        voice("pl", "Polish", "pl"),
        voice("en-gb", "English (Great Britain)", "en-GB"),
    ];
    assert_eq!(
        voice_for(&voices, "pl-PL").map(|v| v.id.as_str()),
        Some("pl")
    );
    assert_eq!(
        voice_for(&voices, "en_gb").map(|v| v.id.as_str()),
        Some("en-gb")
    );
    assert_eq!(voice_for(&voices, "so"), None, "no Somali voice here");
}

/// An engine that starts, then never returns from its first request.
struct Hanging {
    gate: Receiver<()>,
    asked: Arc<Mutex<u32>>,
}

impl Engine for Hanging {
    fn voices(&mut self) -> Result<Vec<PlatformVoice>, String> {
        Ok(Vec::new())
    }

    fn speak(&mut self, _: &Utterance, _: Option<&PlatformVoice>) -> Result<(), String> {
        *self.asked.lock().unwrap() += 1;
        let _ = self.gate.recv();
        Ok(())
    }

    fn stop(&mut self) -> Result<(), String> {
        Ok(())
    }
}

#[test]
fn an_engine_that_never_answers_holds_no_frame_and_the_cells_then_say_no_voice() {
    let (release, gate) = channel();
    let asked = Arc::new(Mutex::new(0));
    let hanging = Hanging {
        gate,
        asked: asked.clone(),
    };
    let engine = SpeechEngine::start(move || Ok(Box::new(hanging)));
    assert!(engine.wait_ready(Duration::from_secs(5)));
    let speech = SystemSpeech::with_engine(engine.clone());
    let mut app = app_with_speech(wibble(), VoiceOutput::without_device().0, speech, 1280, 800);
    assert_eq!(badges(&mut app), 0, "a ready engine covers the word");
    tap_cell(&mut app, "home", "want");
    for _ in 0..50 {
        if *asked.lock().unwrap() == 1 {
            break;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    assert_eq!(
        *asked.lock().unwrap(),
        1,
        "the engine was asked, and is stuck in it"
    );
    // The frames go on while the engine is stuck: the next taps are handled.
    tap_cell(&mut app, "home", "want");
    tap_cell(&mut app, "home", "i");
    let bar = text_under(&mut app, "Message bar");
    assert!(
        bar.matches("wibble").count() >= 2 && bar.contains('I'),
        "{bar}"
    );

    std::thread::sleep(NOT_ANSWERING_AFTER + Duration::from_millis(200));
    assert_eq!(engine.status(), Status::NotAnswering);
    settle(&mut app);
    assert_eq!(badges(&mut app), 1, "the word with no clip says no voice");
    drop(release);
}

#[test]
fn an_engine_that_does_not_start_leaves_the_no_voice_marks_and_says_why() {
    let engine = SpeechEngine::start(|| Err("no speech service on this tablet".to_string()));
    std::thread::sleep(Duration::from_millis(100));
    assert_eq!(
        engine.status(),
        Status::Failed("no speech service on this tablet".into())
    );
    assert!(!engine.speak(Utterance::new("hello", None)));
    let speech = SystemSpeech::with_engine(engine);
    let mut app = app_with_speech(wibble(), VoiceOutput::without_device().0, speech, 1280, 800);
    assert_eq!(badges(&mut app), 1);
}

/// A speech-dispatcher of this test's own, on a socket of its own, so no daemon left over by
/// another program (or stuck shutting down) is in the way; stopped when dropped.
struct OwnDaemon {
    child: std::process::Child,
    address: String,
}

impl OwnDaemon {
    fn start(dir: &Path) -> OwnDaemon {
        let socket = dir.join("speechd.sock");
        let child = std::process::Command::new("speech-dispatcher")
            .args(["--run-single", "--timeout", "0"])
            .args(["--communication-method", "unix_socket", "--socket-path"])
            .arg(&socket)
            .arg("--pid-file")
            .arg(dir.join("speechd.pid"))
            .arg("--log-dir")
            .arg(dir)
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .expect("speech-dispatcher is installed by tools/install-deps");
        for _ in 0..200 {
            if socket.exists() {
                break;
            }
            std::thread::sleep(Duration::from_millis(25));
        }
        OwnDaemon {
            child,
            address: format!("unix_socket:{}", socket.display()),
        }
    }
}

impl Drop for OwnDaemon {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// On this machine `tools/install-deps` installs speech-dispatcher with espeak-ng: the real
/// engine starts, lists its voices once, finds one for a home language and takes a word.
#[cfg(target_os = "linux")]
#[test]
fn the_platforms_engine_lists_its_voices_by_language_and_speaks() {
    let dir = scratch("platform");
    let daemon = OwnDaemon::start(&dir);
    let run = |args: &[&str]| {
        let output = hearme()
            .env("SPEECHD_ADDRESS", &daemon.address)
            .arg("voices")
            .args(args)
            .output()
            .unwrap();
        let said = String::from_utf8_lossy(&output.stdout).into_owned();
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(output.status.success(), "{said}{stderr}");
        said
    };
    let all = run(&[]);
    let count: usize = all
        .split(": ")
        .nth(1)
        .and_then(|rest| rest.split(' ').next())
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("{all}"));
    assert!(count > 100, "espeak-ng's voices: {all}");
    assert!(all.lines().any(|l| l.starts_with("pl: ")), "{all}");
    let polish = run(&["--language", "pl", "--say", "sok"]);
    assert!(polish.contains("pl: \"Polish\""), "{polish}");
    assert!(polish.contains("said \"sok\""), "{polish}");
    eprintln!("{}", polish.lines().next().unwrap_or_default());
}

/// An engine whose requests fail until it is told otherwise.
struct Failing(Arc<Mutex<bool>>);

impl Engine for Failing {
    fn voices(&mut self) -> Result<Vec<PlatformVoice>, String> {
        Ok(Vec::new())
    }

    fn speak(&mut self, _: &Utterance, _: Option<&PlatformVoice>) -> Result<(), String> {
        if *self.0.lock().unwrap() {
            Err("the voice service went away".into())
        } else {
            Ok(())
        }
    }

    fn stop(&mut self) -> Result<(), String> {
        Ok(())
    }
}

#[test]
fn a_request_the_engine_refuses_shows_no_voice_until_one_succeeds() {
    let failing = Arc::new(Mutex::new(true));
    let engine = SpeechEngine::start({
        let failing = failing.clone();
        move || Ok(Box::new(Failing(failing)))
    });
    assert!(engine.wait_ready(Duration::from_secs(5)));
    let settle_engine = |engine: &SpeechEngine, handed: u64| {
        for _ in 0..200 {
            if engine.handed() >= handed && !engine.busy() {
                return;
            }
            std::thread::sleep(Duration::from_millis(5));
        }
    };
    assert!(engine.speak(Utterance::new("hello", None)));
    settle_engine(&engine, 1);
    assert_eq!(
        engine.status(),
        Status::Failed("the voice service went away".into())
    );
    *failing.lock().unwrap() = false;
    assert!(engine.speak(Utterance::new("hello", None)), "asked again");
    settle_engine(&engine, 2);
    assert_eq!(engine.status(), Status::Ready, "it came back");
}
