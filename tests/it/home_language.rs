//! The child's home language (docs/voice.md, "Home language"): a word with a translation is said
//! in it in a voice for it, a word without one in the worker's, the cells show both words as the
//! settings say, and the summary keeps what was said and in which language.

use std::collections::BTreeMap;
use std::sync::Arc;
use std::time::Duration;

use hearme::Content;
use hearme::model::child_settings::LabelLanguage;
use hearme::model::speech_engine::{PlatformVoice, SpeechEngine};
use hearme::voice::{SystemSpeech, VoiceOutput};

use crate::harness::*;
use crate::journal::scratch;
use crate::visit::{FRAME, start_visit, summary_so_far};

/// The built-in boards with Polish words for "I" and "want" (as an interpreter would type them)
/// and none for "get", shown in both languages, on a data folder.
fn polish_content(data: &std::path::Path) -> Content {
    let mut content = Content::built_in();
    content.data_dir = Some(data.to_path_buf());
    let mut vocabulary = (*content.vocabulary).clone();
    let home = vocabulary.boards.get_mut("home").unwrap();
    for (cell, polish) in [("i", "ja"), ("want", "chcę")] {
        let cell = home.cells.iter_mut().find(|c| c.id == cell).unwrap();
        cell.translations = BTreeMap::from([("pl".to_string(), polish.to_string())]);
    }
    content.vocabulary = Arc::new(vocabulary);
    content.settings.home_language = Some("pl".into());
    content.settings.labels = LabelLanguage::Both;
    content
}

fn engine_recording_languages(dir: &std::path::Path) -> (SystemSpeech, std::path::PathBuf) {
    let said = dir.join("said.txt");
    let voice = |id: &str, name: &str, language: &str| PlatformVoice {
        id: id.into(),
        name: name.into(),
        language: language.into(),
    };
    let engine = RecordingEngine {
        said: said.clone(),
        with_language: true,
        voices: vec![
            voice("en-gb", "English (Great Britain)", "en-GB"),
            voice("pl", "Polish", "pl"),
            voice("pl+adam", "Polish+Adam", "pl"),
        ],
    };
    let engine = SpeechEngine::start(move || Ok(Box::new(engine)));
    assert!(engine.wait_ready(Duration::from_secs(5)));
    (SystemSpeech::with_engine(engine), said)
}

/// Waits until the stand-in engine has said `lines` lines, and returns them.
fn heard_lines(said: &std::path::Path, lines: usize) -> Vec<String> {
    for _ in 0..100 {
        let heard = std::fs::read_to_string(said).unwrap_or_default();
        if heard.lines().count() >= lines {
            return heard.lines().map(String::from).collect();
        }
        std::thread::sleep(Duration::from_millis(25));
    }
    panic!("only heard: {:?}", std::fs::read_to_string(said));
}

#[test]
fn a_translated_word_is_said_in_the_home_language_and_the_summary_says_which_were_not() {
    let data = scratch("home-language");
    let (speech, said) = engine_recording_languages(&data);
    let mut app = app_with_speech(
        polish_content(&data),
        VoiceOutput::without_device().0,
        speech,
        1280,
        800,
    );
    step_time(&mut app, FRAME);
    assert_eq!(
        text_under(&mut app, "Cell home/i"),
        "I / ja",
        "both words shown"
    );
    assert_eq!(
        text_under(&mut app, "Cell home/get"),
        "get",
        "no Polish word: English only"
    );

    start_visit(&mut app, "C-2207");
    tap_cell(&mut app, "home", "i");
    assert_eq!(
        heard_lines(&said, 1),
        ["ja\tpl\tPolish"],
        "in a Polish voice"
    );
    tap_cell(&mut app, "home", "want");
    tap_cell(&mut app, "home", "get");
    tap_named(&mut app, "Speak button");
    let heard = heard_lines(&said, 3);
    assert_eq!(
        heard.last().map(String::as_str),
        Some("ja chcę get\tpl\tPolish"),
        "the message in the Polish voice, the untranslated word as it is: {heard:?}"
    );

    let summary = summary_so_far(&app);
    assert!(
        summary.contains("\"ja chcę get\"")
            && summary.contains("(said in Polish; no Polish word for get: said in English)"),
        "{summary}"
    );
}

#[test]
fn without_a_home_language_nothing_changes() {
    let data = scratch("home-language-none");
    let (speech, said) = engine_recording_languages(&data);
    let mut content = polish_content(&data);
    content.settings.home_language = None;
    let mut app = app_with_speech(content, VoiceOutput::without_device().0, speech, 1280, 800);
    step_time(&mut app, FRAME);
    assert_eq!(text_under(&mut app, "Cell home/i"), "I");
    tap_cell(&mut app, "home", "i");
    std::thread::sleep(Duration::from_millis(200));
    assert!(
        std::fs::read_to_string(&said)
            .unwrap_or_default()
            .is_empty(),
        "the bundled clip says it, not the platform's voice"
    );
}

#[test]
fn a_language_tag_is_checked_and_named() {
    use hearme::model::languages::{check_tag, name_of, translation};
    assert!(check_tag("pl").is_ok() && check_tag("ur-PK").is_ok());
    assert!(check_tag("Polish").is_err() && check_tag("p").is_err() && check_tag("").is_err());
    assert_eq!(name_of("pl-PL"), "Polish");
    assert_eq!(name_of("xq"), "xq", "an unknown tag is shown as it is");
    let words = BTreeMap::from([("pl-PL".to_string(), "sok".to_string())]);
    assert_eq!(translation(&words, "pl"), Some("sok"));
    assert_eq!(translation(&words, "ur"), None, "never made up");
}

#[test]
fn the_worker_sets_the_home_language_on_its_page_and_a_wrong_tag_saves_nothing() {
    use crate::visit::{app_for, open_area, with_profile};
    let data = with_profile("home-language-page", "AB");
    let mut app = app_for(&data);
    open_area(&mut app);
    tap_named(&mut app, "Profiles button");
    tap_named(&mut app, "Profile settings button");
    tap_named(&mut app, "Child settings language button");
    assert!(
        text_under(&mut app, "Language fact 1").contains("No home language"),
        "{}",
        text_under(&mut app, "Language fact 1")
    );

    type_into(&mut app, "Home language field", "Polish");
    tap_named(&mut app, "Language save button");
    assert!(
        text_under(&mut app, "Language message").contains("not a language tag"),
        "{}",
        text_under(&mut app, "Language message")
    );
    let saved = hearme::model::child_settings::load(&data, "AB").unwrap();
    assert_eq!(saved.home_language, None, "nothing saved");

    type_into(&mut app, "Home language field", "pl");
    tap_named(&mut app, "Labels both");
    let saved = hearme::model::child_settings::load(&data, "AB").unwrap();
    assert_eq!(saved.home_language.as_deref(), Some("pl"));
    assert_eq!(saved.labels, LabelLanguage::Both);
    let content = app.world().resource::<Content>();
    assert_eq!(
        content.settings.home(),
        Some("pl"),
        "the child's board follows at once"
    );
    let voice = text_under(&mut app, "Language fact 1");
    assert!(
        voice.contains("Polish") || voice.contains("no voice"),
        "{voice}"
    );
    let cells = text_under(&mut app, "Language fact 2");
    assert!(
        cells.contains("0 of ") && cells.contains("have a word in Polish"),
        "{cells}"
    );
}

#[test]
fn the_voice_and_speed_the_worker_chose_reach_the_engine() {
    let data = scratch("home-language-manner");
    let (speech, said) = engine_recording_languages(&data);
    let mut content = polish_content(&data);
    content.settings.platform_voice = Some("pl+adam".into());
    content.settings.speech_rate = hearme::model::child_settings::SpeechRate::Slower;
    content.settings.speech_pitch = hearme::model::child_settings::SpeechPitch::Higher;
    let mut app = app_with_speech(content, VoiceOutput::without_device().0, speech, 1280, 800);
    step_time(&mut app, FRAME);
    tap_cell(&mut app, "home", "i");
    assert_eq!(
        heard_lines(&said, 1),
        ["ja\tpl\tPolish+Adam\t0.75\tpitch 1.2"]
    );
}

#[test]
fn a_speed_chosen_on_the_page_is_saved_and_heard_at_once() {
    use crate::visit::{app_for, open_area, with_profile};
    let data = with_profile("home-language-speed", "AB");
    let mut app = app_for(&data);
    open_area(&mut app);
    tap_named(&mut app, "Profiles button");
    tap_named(&mut app, "Profile settings button");
    tap_named(&mut app, "Child settings language button");
    tap_named(&mut app, "Speed faster");
    let saved = hearme::model::child_settings::load(&data, "AB").unwrap();
    assert_eq!(
        saved.speech_rate,
        hearme::model::child_settings::SpeechRate::Faster
    );
    let manner = &app.world().resource::<SystemSpeech>().manner;
    assert_eq!(manner.rate, 1.25, "the next word is said faster");
    tap_named(&mut app, "Pitch lower");
    let saved = hearme::model::child_settings::load(&data, "AB").unwrap();
    assert_eq!(
        saved.speech_pitch,
        hearme::model::child_settings::SpeechPitch::Lower
    );
    assert_eq!(app.world().resource::<SystemSpeech>().manner.pitch, 0.8);
}

#[test]
fn an_interpreters_word_typed_in_the_editor_is_kept_shown_and_said() {
    use crate::visit::{app_for, open_area, with_profile};
    let data = with_profile("home-language-editor", "AB");
    let mut settings = hearme::model::child_settings::load(&data, "AB").unwrap();
    settings.home_language = Some("pl".into());
    settings.labels = LabelLanguage::Both;
    hearme::model::child_settings::save(&data, "AB", &settings).unwrap();
    let mut app = app_for(&data);
    open_area(&mut app);
    tap_named(&mut app, "Vocabulary button");
    tap_named(&mut app, "Editor cell want");
    tap_named(&mut app, "Says button");
    type_into(&mut app, "Cell translation field", "chcę");
    tap_named(&mut app, "Save translation button");
    let saved = crate::editor::saved_home(&data, "AB");
    let want = saved.cell("want").unwrap();
    assert_eq!(
        want.translations.get("pl").map(String::as_str),
        Some("chcę")
    );
    tap_named(&mut app, "Editor done button");
    tap_named(&mut app, "Back to board button");
    assert_eq!(text_under(&mut app, "Cell home/want"), "want / chcę");
}
