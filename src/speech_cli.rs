//! `hearme voices [--language L] [--say TEXT]`: the platform's voices on this tablet, as the app
//! sees them (docs/voice.md), so IT can check a tablet has a voice for a child's home language
//! before it is handed out.

use std::collections::BTreeMap;
use std::time::{Duration, Instant};

use crate::model::speech_engine::{SpeechEngine, Status, Utterance, voice_for};

/// How long the command waits for the engine: far longer than the app does before it shows
/// "no voice", since here nobody is waiting for a frame.
const WAIT: Duration = Duration::from_secs(30);

pub fn voices(language: Option<&str>, say: Option<&str>) -> Result<Vec<String>, String> {
    let engine = crate::voice::platform_engine();
    if !engine.wait_ready(WAIT) {
        return Err(match engine.status() {
            Status::Failed(why) => format!("the speech engine did not start: {why}"),
            Status::None => "this platform has no speech engine".to_string(),
            other => format!("the speech engine is not ready after {WAIT:?}: {other:?}"),
        });
    }
    let voices = engine.voices();
    let mut lines = vec![format!(
        "speech engine ready after {} ms: {} voices",
        engine.ready_after().unwrap_or_default().as_millis(),
        voices.len()
    )];
    match language {
        Some(language) => match voice_for(&voices, language) {
            Some(chosen) => lines.push(format!(
                "{language}: \"{}\" ({}) is used",
                chosen.name, chosen.language
            )),
            None => lines.push(format!(
                "{language}: no voice; words in it are not spoken in it"
            )),
        },
        None => {
            let mut by_language: BTreeMap<&str, usize> = BTreeMap::new();
            for voice in &voices {
                *by_language.entry(voice.language.as_str()).or_default() += 1;
            }
            lines.extend(
                by_language
                    .iter()
                    .map(|(language, count)| format!("{language}: {count} voice(s)")),
            );
        }
    }
    if let Some(text) = say {
        say_and_wait(&engine, text, language)?;
        lines.push(format!("said \"{text}\""));
    }
    Ok(lines)
}

fn say_and_wait(engine: &SpeechEngine, text: &str, language: Option<&str>) -> Result<(), String> {
    let before = engine.handed();
    let asked = engine.speak(Utterance::new(
        text,
        Some(language.unwrap_or(crate::voice::WORKER_LANGUAGE)),
    ));
    if !asked {
        return Err("the speech engine refused the text".into());
    }
    let until = Instant::now() + WAIT;
    while Instant::now() < until {
        if engine.handed() > before && !engine.busy() {
            return match engine.status() {
                Status::Ready => Ok(()),
                other => Err(format!("the speech engine did not say it: {other:?}")),
            };
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    Err(format!(
        "the speech engine did not answer: {:?}",
        engine.status()
    ))
}
