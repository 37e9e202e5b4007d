//! What is said, and in which order: a tapped word or folder (only the last tap of a frame),
//! the message when Speak is pressed, an activity's prompt; from the cell's clip, the bundled
//! clip of a text, or else the platform's speech service.

use std::collections::HashMap;
use std::path::PathBuf;

use bevy::prelude::*;

use super::output::{ClipCache, Speaker};
use crate::Content;
use crate::board::{BoardOpened, FolderChosen};
use crate::message_bar::{SpeakRequested, Speaking, WordChosen};
use crate::model::speech_engine::{Manner, SpeechEngine, Utterance};
use crate::model::voice::{ClipChoice, choose_clip};

pub(super) fn plugin(app: &mut App) {
    app.add_systems(PreStartup, (index_clips, find_system_speech))
        .add_systems(
            Update,
            (
                preload_opened_board,
                reindex_clips.run_if(on_message::<crate::board::VocabularyChanged>),
                (speak_chosen_words, speak_message).after(crate::message_bar::MessageSystems),
                say_texts,
                say_in_languages,
            ),
        );
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

fn find_system_speech(mut commands: Commands, existing: Option<Res<SystemSpeech>>) {
    if existing.is_none() {
        commands.insert_resource(SystemSpeech::detect());
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
    let index = clip_index(&content);
    let cache = ClipCache::start();
    cache.request(clip_paths_of(&index, crate::model::vocab::HOME_BOARD));
    commands.insert_resource(index);
    commands.insert_resource(cache);
}

/// An edited cell speaks its new word (or its recording) at the next tap. Only the boards an
/// edit changed are looked at again: each cell costs two looks at the disk.
fn reindex_clips(
    mut changes: MessageReader<crate::board::VocabularyChanged>,
    content: Res<Content>,
    mut index: ResMut<ClipIndex>,
    cache: Res<ClipCache>,
) {
    for change in changes.read() {
        // A recording may have been replaced under the same name: it is decoded anew.
        let recorded: Vec<PathBuf> = index
            .choices
            .iter()
            .filter(|((board, _), _)| change.boards.as_ref().is_none_or(|b| b.contains(board)))
            .filter_map(|(_, choice)| match choice {
                ClipChoice::Recorded(path) => Some(path.clone()),
                _ => None,
            })
            .collect();
        cache.forget(&recorded);
        let Some(boards) = &change.boards else {
            *index = clip_index(&content);
            return;
        };
        index
            .choices
            .retain(|(board, _), _| !boards.contains(board));
        for board in boards.iter().filter_map(|id| content.vocabulary.board(id)) {
            index_board(&mut index, &content, board);
        }
    }
}

fn clip_index(content: &Content) -> ClipIndex {
    let mut index = ClipIndex::default();
    for board in content.vocabulary.boards.values() {
        index_board(&mut index, content, board);
    }
    index
}

fn index_board(index: &mut ClipIndex, content: &Content, board: &crate::model::vocab::Board) {
    let (root, media) = (crate::asset_root(), content.media_root());
    for cell in &board.cells {
        let choice = choose_clip(media.as_deref(), &root, &board.id, &cell.id, cell.spoken());
        index
            .choices
            .insert((board.id.clone(), cell.id.clone()), choice);
    }
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

/// The platform's voice, for words with no clip (typed by a worker, or from an imported board),
/// through the `tts` crate on a thread of its own (`voice/platform.rs`,
/// `model/speech_engine.rs`): started with the app, asked and never waited for. Having none, or
/// one that fails or stops answering, is not an error: such cells show "no voice".
#[derive(Resource, Clone)]
pub struct SystemSpeech {
    engine: SpeechEngine,
    /// The shown profile's voice, speed and loudness (`voice::follow_profile_settings`).
    pub manner: Manner,
}

impl Default for SystemSpeech {
    fn default() -> Self {
        SystemSpeech::none()
    }
}

/// The language the tablet speaks when a word says no other: the bundled voice's.
pub const WORKER_LANGUAGE: &str = "en-GB";

impl SystemSpeech {
    /// The platform's engine, starting now.
    pub fn detect() -> Self {
        SystemSpeech {
            engine: super::platform::start(),
            manner: Manner::default(),
        }
    }

    /// An engine of the caller's (tests use a stand-in).
    pub fn with_engine(engine: SpeechEngine) -> Self {
        SystemSpeech {
            engine,
            manner: Manner::default(),
        }
    }

    pub fn none() -> Self {
        SystemSpeech {
            engine: SpeechEngine::none(),
            manner: Manner::default(),
        }
    }

    /// Ready to speak now: not starting, failed, stuck or missing.
    pub fn is_available(&self) -> bool {
        self.engine.is_ready()
    }

    pub fn engine(&self) -> &SpeechEngine {
        &self.engine
    }

    pub(super) fn speak(&self, text: &str) {
        self.speak_in(text, None);
    }

    /// Says `text` in `language` (the worker's when `None`), in a voice for it where the
    /// platform has one.
    pub(super) fn speak_in(&self, text: &str, language: Option<&str>) {
        self.engine.speak(Utterance {
            text: text.to_string(),
            language: Some(language.unwrap_or(WORKER_LANGUAGE).to_string()),
            manner: self.manner.clone(),
        });
    }
}

pub(super) fn clip_path(index: &ClipIndex, board: &str, cell: &str) -> Option<PathBuf> {
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
    speaking: Res<Speaking>,
) {
    // A message being spoken is not cut off by a tap: the word joins the bar silently, a
    // folder opens silently, and the message and its highlight go on to the end.
    if speaking.position.is_some() {
        words.clear();
        folders.clear();
        return;
    }
    let (on_tap, on_folders) = (
        speaker.settings.speak_on_tap,
        speaker.settings.speak_folders,
    );
    let tapped_words = words.read().filter(|_| on_tap).map(|w| {
        let item = &w.0;
        (
            item.board.clone(),
            item.cell.clone(),
            item.spoken.clone(),
            item.language.clone(),
        )
    });
    let tapped_folders = folders.read().filter(|_| on_folders).map(|f| {
        (
            f.board.clone(),
            f.cell.clone(),
            f.word.clone(),
            f.language.clone(),
        )
    });
    // Only the last tap of a frame is heard: each new tap cuts off the one before.
    let Some((board, cell, word, language)) = tapped_words.chain(tapped_folders).last() else {
        return;
    };
    // A word in the child's home language is the platform voice's: the clips are English.
    let clip = match language {
        Some(_) if speech.is_available() => None,
        _ => speaker.clip_path(&board, &cell),
    };
    let Some(path) = clip else {
        speaker.output.stop_current();
        speech.speak_in(&word, language.as_deref());
        return;
    };
    speaker.play(vec![(0, path)]);
}

/// Something to say that is not a cell: an activity's prompt, a choice's word, or a read-back
/// in parts ("You said", each word, "Is that right?"). Played from the bundled clips of the
/// parts when every part has one, else said whole by the system voice.
#[derive(Message, Debug, Clone, PartialEq, Eq)]
pub struct SayText(pub Vec<String>);

impl SayText {
    pub fn one(text: impl Into<String>) -> SayText {
        SayText(vec![text.into()])
    }

    /// The parts as one sentence for the system voice, a pause between parts.
    pub fn sentence(&self) -> String {
        let mut sentence = String::new();
        for part in &self.0 {
            if !sentence.is_empty() {
                let paused = sentence.ends_with(['.', '?', '!', ':', ',']);
                sentence.push_str(if paused { " " } else { ", " });
            }
            sentence.push_str(part);
        }
        sentence
    }
}

/// A word to say in a language other than the worker's, by the platform's voice for it (the
/// worker trying a child's home-language voice).
#[derive(Message, Debug, Clone, PartialEq, Eq)]
pub struct SayInLanguage {
    pub text: String,
    pub language: String,
}

fn say_in_languages(
    mut texts: MessageReader<SayInLanguage>,
    mut speaker: Speaker,
    speech: Res<SystemSpeech>,
) {
    if let Some(said) = texts.read().last() {
        speaker.output.stop_current();
        speech.speak_in(&said.text, Some(&said.language));
    }
}

fn say_texts(mut texts: MessageReader<SayText>, mut speaker: Speaker, speech: Res<SystemSpeech>) {
    let Some(said) = texts.read().last() else {
        return;
    };
    let root = crate::asset_root();
    let clips: Option<Vec<(usize, PathBuf)>> = said
        .0
        .iter()
        .enumerate()
        .map(
            |(position, part)| match choose_clip(None, &root, "", "", part) {
                ClipChoice::Bundled(path) | ClipChoice::Recorded(path) => Some((position, path)),
                ClipChoice::Missing => None,
            },
        )
        .collect();
    let played = clips.is_some_and(|clips| speaker.play(clips));
    if !played {
        speaker.output.stop_current();
        speech.speak(&said.sentence());
    }
}

fn speak_message(
    mut requests: MessageReader<SpeakRequested>,
    mut speaker: Speaker,
    mut speaking: ResMut<Speaking>,
    speech: Res<SystemSpeech>,
) {
    let Some(request) = requests.read().last() else {
        return;
    };
    let missing = request
        .items
        .iter()
        .any(|item| speaker.clip_path(&item.board, &item.cell).is_none());
    let home = request
        .items
        .iter()
        .find_map(|item| item.language.as_deref());
    if (missing || home.is_some()) && speech.is_available() {
        // A word with no clip, or in the child's home language, is said in its place: the
        // system voice says the whole message, in order (in the home language's voice when
        // it has words in it), and the bar's timer paces the highlight.
        speaker.output.stop_current();
        let text: Vec<&str> = request.items.iter().map(|i| i.spoken.as_str()).collect();
        speech.speak_in(&text.join(" "), home);
        return;
    }
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
