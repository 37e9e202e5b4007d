//! A headless Hearme: full `DefaultPlugins` with no window system and no GPU, driven by touches
//! that go through Bevy's real input and picking path.

use bevy::input::touch::TouchPhase;
use bevy::prelude::*;
use bevy::window::PrimaryWindow;

use hearme::Content;
use hearme::board::BoardCell;
use hearme::voice::{SystemSpeech, VoiceOutput};

pub fn app_with(content: Content, width: u32, height: u32) -> App {
    app_with_voice(content, VoiceOutput::without_device().0, width, height)
}

pub fn app_with_voice(content: Content, voice: VoiceOutput, width: u32, height: u32) -> App {
    app_with_speech(content, voice, SystemSpeech::none(), width, height)
}

/// As [`app_with_voice`], with a given system text-to-speech service (tests never use the
/// machine's own, so they do not depend on what is installed).
pub fn app_with_speech(
    content: Content,
    voice: VoiceOutput,
    speech: SystemSpeech,
    width: u32,
    height: u32,
) -> App {
    let mut app = hearme::headless_app(content, voice, width, height);
    app.insert_resource(speech);
    settle(&mut app);
    app
}

/// The built-in vocabulary on a 10-inch 1280×800 tablet in landscape.
pub fn tablet_app() -> App {
    app_with(Content::built_in(), 1280, 800)
}

pub fn settle(app: &mut App) {
    for _ in 0..3 {
        app.update();
    }
}

fn touch(app: &mut App, position: Vec2, phase: TouchPhase) {
    hearme::simulate_touch(app, position, phase);
}

pub fn press(app: &mut App, position: Vec2) {
    touch(app, position, TouchPhase::Started);
    app.update();
}

pub fn release(app: &mut App, position: Vec2) {
    touch(app, position, TouchPhase::Ended);
    app.update();
}

/// A finger down and up at `position`, then a frame for the UI to catch up.
pub fn tap(app: &mut App, position: Vec2) {
    press(app, position);
    release(app, position);
    app.update();
}

/// Logical rectangle (centre, size) of the first entity matching `filter`.
pub fn rect_of(app: &mut App, entity: Entity) -> (Vec2, Vec2) {
    let mut query = app
        .world_mut()
        .query::<(&ComputedNode, &UiGlobalTransform)>();
    let (node, transform) = query.get(app.world(), entity).expect("a laid-out UI node");
    let scale = node.inverse_scale_factor();
    (transform.translation * scale, node.size() * scale)
}

pub fn cell_entity(app: &mut App, board: &str, cell: &str) -> Option<Entity> {
    let mut query = app.world_mut().query::<(Entity, &BoardCell)>();
    query
        .iter(app.world())
        .find(|(_, c)| c.board == board && c.cell == cell)
        .map(|(e, _)| e)
}

pub fn tap_cell(app: &mut App, board: &str, cell: &str) {
    let entity =
        cell_entity(app, board, cell).unwrap_or_else(|| panic!("cell {board}/{cell} is on screen"));
    let (centre, _) = rect_of(app, entity);
    tap(app, centre);
}

pub fn named(app: &mut App, name: &str) -> Entity {
    let mut query = app.world_mut().query::<(Entity, &Name)>();
    query
        .iter(app.world())
        .find(|(_, n)| n.as_str() == name)
        .map(|(e, _)| e)
        .unwrap_or_else(|| panic!("an entity named {name:?}"))
}

pub fn tap_named(app: &mut App, name: &str) {
    let entity = named(app, name);
    let (centre, _) = rect_of(app, entity);
    tap(app, centre);
}

pub fn cells_on_screen(app: &mut App) -> Vec<BoardCell> {
    let mut query = app.world_mut().query::<&BoardCell>();
    query.iter(app.world()).cloned().collect()
}

/// Turns or resizes the window as winit would: new resolution plus a `WindowResized` message.
pub fn turn_window(app: &mut App, width: f32, height: f32) {
    let mut windows = app
        .world_mut()
        .query_filtered::<(Entity, &mut Window), With<PrimaryWindow>>();
    let (window, mut settings) = windows.single_mut(app.world_mut()).unwrap();
    settings.resolution.set(width, height);
    app.world_mut().write_message(bevy::window::WindowResized {
        window,
        width,
        height,
    });
    settle(app);
}

/// Types `text` into the field named `field`: a tap to put the cursor in it, then one key
/// press and release per character, as a keyboard sends them.
pub fn type_into(app: &mut App, field: &str, text: &str) {
    use bevy::input::ButtonState;
    use bevy::input::keyboard::{Key, KeyCode, KeyboardInput};
    tap_named(app, field);
    let window = app
        .world_mut()
        .query_filtered::<Entity, With<PrimaryWindow>>()
        .single(app.world())
        .expect("a primary window");
    for character in text.chars() {
        let key = Key::Character(character.to_string().into());
        for state in [ButtonState::Pressed, ButtonState::Released] {
            app.world_mut().write_message(KeyboardInput {
                key_code: KeyCode::Unidentified(bevy::input::keyboard::NativeKeyCode::Unidentified),
                logical_key: key.clone(),
                state,
                text: (state == ButtonState::Pressed).then(|| character.to_string().into()),
                repeat: false,
                window,
            });
            app.update();
        }
    }
    app.update();
}

/// Makes every frame advance the app's clock by `step`, so tests can hold a finger for seconds
/// without waiting.
pub fn step_time(app: &mut App, step: std::time::Duration) {
    app.insert_resource(bevy::time::TimeUpdateStrategy::ManualDuration(step));
}

/// Whether an entity with this name exists.
pub fn has_named(app: &mut App, name: &str) -> bool {
    let mut query = app.world_mut().query::<&Name>();
    query.iter(app.world()).any(|n| n.as_str() == name)
}

/// All the text on screen under the entity named `name`, joined by newlines.
pub fn text_under(app: &mut App, name: &str) -> String {
    let root = named(app, name);
    let mut texts = Vec::new();
    let mut stack = vec![root];
    while let Some(entity) = stack.pop() {
        if let Some(text) = app.world().get::<Text>(entity) {
            texts.push(text.0.clone());
        }
        if let Some(children) = app.world().get::<Children>(entity) {
            stack.extend(children.iter().rev());
        }
    }
    texts.join("\n")
}

/// A stand-in for the platform's speech engine: each text it is asked to say is appended, as a
/// line, to a file, with its language after a tab when `with_language`.
pub struct RecordingEngine {
    pub said: std::path::PathBuf,
    pub with_language: bool,
    pub voices: Vec<hearme::model::speech_engine::PlatformVoice>,
}

impl hearme::model::speech_engine::Engine for RecordingEngine {
    fn voices(&mut self) -> Result<Vec<hearme::model::speech_engine::PlatformVoice>, String> {
        Ok(self.voices.clone())
    }

    fn speak(
        &mut self,
        utterance: &hearme::model::speech_engine::Utterance,
        voice: Option<&hearme::model::speech_engine::PlatformVoice>,
    ) -> Result<(), String> {
        use std::io::Write;
        let mut line = utterance.text.clone();
        if self.with_language {
            let language = utterance.language.as_deref().unwrap_or("-");
            let voice = voice.map_or("default", |v| v.name.as_str());
            line = format!("{line}\t{language}\t{voice}");
            if utterance.manner.rate != 1.0 {
                line = format!("{line}\t{}", utterance.manner.rate);
            }
            if utterance.manner.pitch != 1.0 {
                line = format!("{line}\tpitch {}", utterance.manner.pitch);
            }
        }
        let mut file = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(&self.said)
            .map_err(|e| e.to_string())?;
        writeln!(file, "{line}").map_err(|e| e.to_string())
    }

    fn stop(&mut self) -> Result<(), String> {
        Ok(())
    }
}

/// A system voice whose stand-in engine appends each text it is asked to say to
/// `dir/said.txt`, ready before this returns; the voice and that file.
pub fn recording_speech(dir: &std::path::Path) -> (SystemSpeech, std::path::PathBuf) {
    let said = dir.join("said.txt");
    let engine = RecordingEngine {
        said: said.clone(),
        with_language: false,
        voices: Vec::new(),
    };
    let engine = hearme::model::speech_engine::SpeechEngine::start(move || Ok(Box::new(engine)));
    assert!(engine.wait_ready(std::time::Duration::from_secs(5)));
    (SystemSpeech::with_engine(engine), said)
}

/// What the stand-in system voice of [`recording_speech`] was asked to say, waiting up to 2.5 s
/// for it (it runs on a thread of its own).
pub fn heard_by(said: &std::path::Path) -> String {
    for _ in 0..50 {
        let heard = std::fs::read_to_string(said).unwrap_or_default();
        if !heard.is_empty() {
            return heard;
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    String::new()
}

/// The `hearme` command built with these tests.
pub fn hearme() -> std::process::Command {
    std::process::Command::new(env!("CARGO_BIN_EXE_hearme"))
}
