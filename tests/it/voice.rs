//! Voice: what is handed to the mixer for taps and Speak, interruption, recorded clips first,
//! no audio device, and every bundled clip.

use std::path::{Path, PathBuf};

use bevy::prelude::*;
use rodio::Source;

use hearme::Content;
use hearme::message_bar::Speaking;
use hearme::model::voice::{
    BUNDLED_VOICE_DIR, Clip, clean_recording, clip_name, decode_file, recording_path,
    save_recording,
};
use hearme::voice::{NoSoundNotice, NoVoiceBadge, PlaybackLog, VoiceOutput};

use crate::harness::*;

fn bundled(word: &str) -> PathBuf {
    hearme::asset_root()
        .join(BUNDLED_VOICE_DIR)
        .join(clip_name(word))
}

pub(crate) fn utterances(app: &App) -> Vec<Vec<PathBuf>> {
    app.world()
        .resource::<PlaybackLog>()
        .utterances
        .iter()
        .map(|u| u.clips.clone())
        .collect()
}

pub(crate) fn sine(seconds: f32, rate: u32, amplitude: f32) -> Clip {
    let samples: Vec<f32> = (0..(seconds * rate as f32) as usize)
        .map(|i| amplitude * (i as f32 * 440.0 * std::f32::consts::TAU / rate as f32).sin())
        .collect();
    Clip {
        channels: 1,
        sample_rate: rate,
        samples: samples.into(),
    }
}

#[test]
fn a_tapped_word_is_handed_to_the_mixer_at_once() {
    let mut app = tablet_app();
    tap_cell(&mut app, "home", "want");
    assert_eq!(utterances(&app), [vec![bundled("want")]]);
}

#[test]
fn a_new_tap_cuts_off_the_word_still_playing() {
    let (voice, mut output) = VoiceOutput::without_device();
    let mut app = app_with_voice(Content::built_in(), voice, 1280, 800);
    tap_cell(&mut app, "home", "no");
    let no = decode_file(&bundled("no")).unwrap();
    // rodio applies a stop at its next control tick (every 5 ms of audio), so "no" starts
    // a few milliseconds after the mixer's first sample; find where.
    let heard: Vec<f32> = output.by_ref().take(no.samples.len() + 2205).collect();
    let start = heard
        .iter()
        .position(|s| s.abs() > 1e-6)
        .expect("something is heard");
    assert!(
        start < 22_050 / 50,
        "\"no\" starts within 20 ms ({start} samples)"
    );
    let difference = heard[start..]
        .iter()
        .zip(no.samples.iter())
        .map(|(a, b)| (a - b).abs())
        .fold(0.0, f32::max);
    assert!(
        difference < 0.01,
        "only \"no\" is heard, not mixed with the cut-off phrase ({difference})"
    );
    let after: f32 = output.take(2205).map(f32::abs).sum();
    assert!(after < 1e-3, "nothing of the first phrase plays after it");
}

#[test]
fn speak_queues_the_message_in_order_and_highlights_each_symbol() {
    let (voice, mut output) = VoiceOutput::without_device();
    let mut app = app_with_voice(Content::built_in(), voice, 1280, 800);
    let mut settings = app
        .world_mut()
        .resource_mut::<hearme::voice::VoiceSettings>();
    settings.speak_on_tap = false;
    for cell in ["i", "want", "drink"] {
        tap_cell(&mut app, "home", cell);
    }
    assert!(
        utterances(&app).is_empty(),
        "speak-on-tap off: taps are silent"
    );
    tap_named(&mut app, "Speak button");
    assert_eq!(
        utterances(&app),
        [vec![bundled("I"), bundled("want"), bundled("drink")]]
    );

    // Play the mixer's output as a sound card would and watch the highlight follow it.
    let mut seen = Vec::new();
    for _ in 0..200 {
        output.by_ref().take(2205).for_each(drop);
        app.update();
        let position = app.world().resource::<Speaking>().position;
        if seen.last() != Some(&position) {
            seen.push(position);
        }
        if position.is_none() && seen.len() > 1 {
            break;
        }
    }
    assert_eq!(seen, [Some(0), Some(1), Some(2), None]);
}

#[test]
fn a_recorded_clip_is_chosen_over_the_bundled_one() {
    let data = Path::new(env!("CARGO_TARGET_TMPDIR")).join("voice-recorded");
    let _ = std::fs::remove_dir_all(&data);
    let recorded = recording_path(&data, "home", "want");
    save_recording(&recorded, &sine(0.5, 22_050, 0.5)).unwrap();
    let mut content = Content::built_in();
    content.data_dir = Some(data);
    let mut app = app_with(content, 1280, 800);
    tap_cell(&mut app, "home", "want");
    tap_cell(&mut app, "home", "more");
    assert_eq!(utterances(&app), [vec![recorded], vec![bundled("more")]]);
}

#[test]
fn with_no_audio_device_the_board_still_works_and_says_so() {
    let mut app = app_with_voice(Content::built_in(), VoiceOutput::silent(), 1280, 800);
    tap_cell(&mut app, "home", "help");
    assert_eq!(
        app.world()
            .resource::<hearme::message_bar::Message>()
            .text(),
        "help"
    );
    let mut notices = app.world_mut().query_filtered::<(), With<NoSoundNotice>>();
    assert_eq!(notices.iter(app.world()).count(), 1);
    assert!(utterances(&app).is_empty());
    tap_named(&mut app, "Speak button");
    assert_eq!(
        app.world().resource::<Speaking>().position,
        Some(0),
        "the highlight still shows the message"
    );
}

#[test]
fn every_built_in_word_has_a_voice_and_a_word_without_one_is_marked() {
    let mut app = tablet_app();
    let mut badges = app.world_mut().query_filtered::<(), With<NoVoiceBadge>>();
    assert_eq!(badges.iter(app.world()).count(), 0);
    let content = Content::built_in();
    for board in content.vocabulary.boards.values() {
        for cell in &board.cells {
            assert!(
                bundled(&cell.word).is_file(),
                "{}/{} \"{}\" has a clip",
                board.id,
                cell.id,
                cell.word
            );
        }
    }

    let mut renamed = Content::built_in();
    let mut vocabulary = (*renamed.vocabulary).clone();
    let home = vocabulary.boards.get_mut("home").unwrap();
    home.cells.iter_mut().find(|c| c.id == "want").unwrap().word = "wibble".into();
    renamed.vocabulary = std::sync::Arc::new(vocabulary);
    let mut app = app_with(renamed, 1280, 800);
    let mut badges = app.world_mut().query_filtered::<(), With<NoVoiceBadge>>();
    assert_eq!(badges.iter(app.world()).count(), 1);
}

#[test]
fn every_bundled_clip_decodes_is_short_and_not_silent() {
    let dir = hearme::asset_root().join(BUNDLED_VOICE_DIR);
    let mut count = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let clip = decode_file(&path).unwrap_or_else(|e| panic!("{e}"));
        let seconds = clip.duration().as_secs_f32();
        assert!(
            (0.2..=3.0).contains(&seconds),
            "{} is {seconds} s",
            path.display()
        );
        assert!(clip.peak() > 0.5, "{} is nearly silent", path.display());
        assert_eq!(
            clip.source().total_duration().map(|d| d.as_millis()),
            Some(clip.duration().as_millis())
        );
        count += 1;
    }
    assert!(count >= 250);
}

#[test]
fn a_recording_is_trimmed_normalised_and_capped() {
    let mut samples = vec![0.0f32; 11_025];
    samples.extend(sine(12.0, 22_050, 0.2).samples.iter());
    samples.extend(vec![0.0f32; 11_025]);
    let raw = Clip {
        channels: 1,
        sample_rate: 22_050,
        samples: samples.into(),
    };
    let cleaned = clean_recording("test", &raw).unwrap();
    assert!(cleaned.duration().as_secs_f32() <= 10.0 + 1e-3);
    assert!(cleaned.duration().as_secs_f32() > 9.9);
    assert!((cleaned.peak() - 0.891).abs() < 0.01);
    assert!(
        cleaned.samples[0].abs() > 0.0 || cleaned.samples[1].abs() > 0.0,
        "leading silence trimmed"
    );
    assert!(
        clean_recording(
            "silence",
            &Clip {
                channels: 1,
                sample_rate: 8000,
                samples: vec![0.0; 800].into()
            }
        )
        .is_err()
    );
}

#[test]
fn importing_a_voice_file_saves_it_and_a_corrupt_one_changes_nothing() {
    let data = Path::new(env!("CARGO_TARGET_TMPDIR")).join("voice-import");
    let _ = std::fs::remove_dir_all(&data);
    std::fs::create_dir_all(&data).unwrap();
    let source = data.join("mum-says-hello.wav");
    save_recording(&source, &sine(1.0, 44_100, 0.3)).unwrap();
    let output = hearme()
        .arg("--data")
        .arg(&data)
        .args(["import-voice", "--board", "home", "--cell", "hello"])
        .arg(&source)
        .output()
        .unwrap();
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let saved = decode_file(&recording_path(&data, "home", "hello")).unwrap();
    assert!((saved.peak() - 0.891).abs() < 0.01);

    let corrupt = data.join("broken.mp3");
    std::fs::write(
        &corrupt,
        b"ID3\x03\x00\x00\x00\x00\x00\x00not really an mp3",
    )
    .unwrap();
    let before = std::fs::read(recording_path(&data, "home", "hello")).unwrap();
    let output = hearme()
        .arg("--data")
        .arg(&data)
        .args(["import-voice", "--board", "home", "--cell", "hello"])
        .arg(&corrupt)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("broken.mp3"), "names the file: {stderr}");
    assert_eq!(
        std::fs::read(recording_path(&data, "home", "hello")).unwrap(),
        before,
        "nothing changed"
    );
}

#[test]
fn a_word_with_no_clip_is_spoken_by_the_system_voice_when_there_is_one() {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("system-speech");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let (speech, said) = recording_speech(&dir);

    let mut renamed = Content::built_in();
    let mut vocabulary = (*renamed.vocabulary).clone();
    let home = vocabulary.boards.get_mut("home").unwrap();
    home.cells.iter_mut().find(|c| c.id == "want").unwrap().word = "wibble".into();
    renamed.vocabulary = std::sync::Arc::new(vocabulary);
    let mut app = app_with_speech(renamed, VoiceOutput::without_device().0, speech, 1280, 800);

    let mut badges = app.world_mut().query_filtered::<(), With<NoVoiceBadge>>();
    assert_eq!(
        badges.iter(app.world()).count(),
        0,
        "a system voice covers the word"
    );
    tap_cell(&mut app, "home", "want");
    assert!(utterances(&app).is_empty(), "no clip was queued");
    let heard = heard_by(&said);
    assert_eq!(heard.trim(), "wibble");
}

#[test]
fn recording_without_a_microphone_is_a_clear_error_that_changes_nothing() {
    let data = Path::new(env!("CARGO_TARGET_TMPDIR")).join("voice-record");
    let _ = std::fs::remove_dir_all(&data);
    std::fs::create_dir_all(&data).unwrap();
    let output = hearme()
        .arg("--data")
        .arg(&data)
        .args([
            "record-voice",
            "--board",
            "home",
            "--cell",
            "hello",
            "--seconds",
            "1",
        ])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(!stderr.contains("panicked"), "{stderr}");
    let saved = recording_path(&data, "home", "hello");
    match output.status.code() {
        // A machine with a microphone records (and a silent room is refused as silent).
        Some(0) => assert!(saved.is_file()),
        Some(1) => {
            assert!(
                stderr.contains("no microphone") || stderr.contains("no sound in it"),
                "{stderr}"
            );
            assert!(!saved.exists(), "nothing is written");
        }
        other => panic!("exit {other:?}: {stderr}"),
    }
}

#[test]
fn a_recording_shorter_than_a_word_is_refused_and_changes_nothing() {
    let data = Path::new(env!("CARGO_TARGET_TMPDIR")).join("voice-too-short");
    let _ = std::fs::remove_dir_all(&data);
    std::fs::create_dir_all(&data).unwrap();
    let click = data.join("click.wav");
    save_recording(&click, &sine(0.0005, 44_100, 0.5)).unwrap();
    let output = hearme()
        .arg("--data")
        .arg(&data)
        .args(["import-voice", "--board", "home", "--cell", "hello"])
        .arg(&click)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("click.wav") && stderr.contains("too short"),
        "{stderr}"
    );
    assert!(!recording_path(&data, "home", "hello").exists());
    assert!(clean_recording("word", &sine(0.4, 44_100, 0.5)).is_ok());
}

#[test]
fn a_folder_or_a_word_tapped_during_speak_does_not_cut_the_message_off() {
    let (voice, mut output) = VoiceOutput::without_device();
    let mut app = app_with_voice(Content::built_in(), voice, 1280, 800);
    for cell in ["i", "want", "drink"] {
        tap_cell(&mut app, "home", cell);
    }
    let before = utterances(&app).len();
    tap_named(&mut app, "Speak button");
    // Mid-message: a folder opens and a word is tapped on it.
    output.by_ref().take(2205).for_each(drop);
    tap_cell(&mut app, "home", "feelings");
    tap_cell(&mut app, "feelings", "happy");
    assert_eq!(
        utterances(&app).len(),
        before + 1,
        "only the message was handed to the mixer since Speak"
    );
    let mut seen = Vec::new();
    for _ in 0..200 {
        output.by_ref().take(2205).for_each(drop);
        app.update();
        let position = app.world().resource::<Speaking>().position;
        if seen.last() != Some(&position) {
            seen.push(position);
        }
        if position.is_none() {
            break;
        }
    }
    assert_eq!(
        seen.iter().flatten().max(),
        Some(&2),
        "the highlight went on to the message's last word: {seen:?}"
    );
    assert_eq!(
        app.world()
            .resource::<hearme::message_bar::Message>()
            .items
            .len(),
        4
    );
}

#[test]
fn a_message_with_a_word_that_has_no_clip_is_said_whole_by_the_system_voice() {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("system-speech-message");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let (speech, said) = recording_speech(&dir);
    let mut renamed = Content::built_in();
    let mut vocabulary = (*renamed.vocabulary).clone();
    let home = vocabulary.boards.get_mut("home").unwrap();
    home.cells.iter_mut().find(|c| c.id == "want").unwrap().word = "wibble".into();
    renamed.vocabulary = std::sync::Arc::new(vocabulary);
    let mut app = app_with_speech(renamed, VoiceOutput::without_device().0, speech, 1280, 800);
    app.world_mut()
        .resource_mut::<hearme::voice::VoiceSettings>()
        .speak_on_tap = false;
    for cell in ["i", "want", "drink"] {
        tap_cell(&mut app, "home", cell);
    }
    tap_named(&mut app, "Speak button");
    assert!(utterances(&app).is_empty(), "no clips with a gap in them");
    let heard = heard_by(&said);
    assert_eq!(
        heard.trim(),
        "I wibble drink",
        "the word is said in its place"
    );
}
