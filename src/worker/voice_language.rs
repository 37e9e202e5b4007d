//! The shown profile's platform voice and home language (docs/voice.md): which language is spoken
//! at the child's home, which words the cells show, which of the tablet's voices says them and
//! how fast, how many cells have a word in it, and a button to hear it. Hearme never translates:
//! a word with no translation stays in the worker's language.

use bevy::prelude::*;
use bevy::text::EditableText;
use bevy::ui_widgets::observe;

use super::{FormField, PageRoot, PageTurn, WorkerPage, field_text, new_page};
use crate::Content;
use crate::input::Activate;
use crate::model::child_settings::{self, LabelLanguage, SpeechPitch, SpeechRate};
use crate::model::languages::primary;
use crate::model::languages::{check_tag, name_of, translation};
use crate::model::speech_engine::{PlatformVoice, Status, voice_for};
use crate::theme::{body, button, choice_button, filled_text_field, outcome_line, row, title};
use crate::voice::{SayInLanguage, SystemSpeech, WORKER_LANGUAGE};

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<LanguageOutcome>()
        .add_systems(OnEnter(WorkerPage::VoiceLanguage), build_page)
        .add_systems(
            Update,
            build_page.run_if(
                resource_changed::<LanguageOutcome>.and_then(in_state(WorkerPage::VoiceLanguage)),
            ),
        );
}

/// What the last save or try came to.
#[derive(Resource, Default)]
struct LanguageOutcome(Option<Result<String, String>>);

#[derive(Component, Debug, Clone, Copy, PartialEq, Eq)]
enum Action {
    Labels(LabelLanguage),
    /// One of [`offered_voices`], or `None`: the one the language picks.
    Voice(Option<usize>),
    Rate(SpeechRate),
    Pitch(SpeechPitch),
    Try,
    Save,
    Back,
}

fn act(action: Action) -> impl Bundle {
    (action, observe(press))
}

fn labels_word(labels: LabelLanguage) -> &'static str {
    match labels {
        LabelLanguage::Worker => "English",
        LabelLanguage::Home => "home language",
        LabelLanguage::Both => "both",
    }
}

/// How many of the tablet's voices for a language the page offers: espeak-ng has about a
/// hundred variants of each, a worker needs a few to choose from.
const OFFERED: usize = 4;

/// The tablet's voices for `language`, the plainest names first.
fn offered_voices(speech: &SystemSpeech, language: &str) -> Vec<PlatformVoice> {
    let mut voices: Vec<PlatformVoice> = speech
        .engine()
        .voices()
        .into_iter()
        .filter(|v| primary(&v.language) == primary(language))
        .collect();
    voices.sort_by_key(|v| (v.name.contains('+'), v.name.len(), v.name.clone()));
    voices.truncate(OFFERED);
    voices
}

fn rate_word(rate: SpeechRate) -> &'static str {
    match rate {
        SpeechRate::Slower => "slower",
        SpeechRate::Normal => "normal",
        SpeechRate::Faster => "faster",
    }
}

fn pitch_word(pitch: SpeechPitch) -> &'static str {
    match pitch {
        SpeechPitch::Lower => "lower",
        SpeechPitch::Normal => "normal",
        SpeechPitch::Higher => "higher",
    }
}

fn build_page(
    mut commands: Commands,
    shown: Query<Entity, With<PageRoot>>,
    content: Res<Content>,
    speech: Res<SystemSpeech>,
    outcome: Res<LanguageOutcome>,
) {
    let page = new_page(&mut commands, &shown, WorkerPage::VoiceLanguage);
    let settings = &content.settings;
    let home = settings.home().unwrap_or_default().to_string();
    let facts = language_facts(&content, &speech);
    commands.entity(page).with_children(|page| {
        page.spawn(title(format!(
            "Voice and language of profile {}",
            content.profile
        )));
        page.spawn(body(
            "The language spoken at the child's home, when it is not English. A cell with a word \
             in it (typed into the board by an interpreter, or from an imported board) is said \
             in it, in the tablet's voice for it. Hearme never translates: a word with none \
             stays in English, and the summary says so.",
        ));
        page.spawn(row()).with_children(|line| {
            line.spawn(body("Home language (pl, ur, so…; empty: none):"));
            line.spawn(filled_text_field(
                "Home language field",
                FormField::HomeLanguage,
                160.0,
                &home,
            ));
        });
        page.spawn(row()).with_children(|line| {
            line.spawn(body("The cells show:"));
            for labels in [
                LabelLanguage::Worker,
                LabelLanguage::Home,
                LabelLanguage::Both,
            ] {
                line.spawn(choice_button(
                    format!("Labels {}", labels_word(labels)),
                    labels_word(labels),
                    settings.labels == labels,
                    act(Action::Labels(labels)),
                ));
            }
        });
        let language = settings.home().unwrap_or(WORKER_LANGUAGE);
        let offered = offered_voices(&speech, language);
        page.spawn(row()).with_children(|line| {
            line.spawn(body(format!("Tablet voice for {}:", name_of(language))));
            line.spawn(choice_button(
                "Voice automatic",
                "automatic",
                settings.platform_voice.is_none(),
                act(Action::Voice(None)),
            ));
            for (i, voice) in offered.iter().enumerate() {
                line.spawn(choice_button(
                    format!("Voice {}", voice.name),
                    voice.name.clone(),
                    settings.platform_voice.as_deref() == Some(voice.id.as_str()),
                    act(Action::Voice(Some(i))),
                ));
            }
        });
        page.spawn(row()).with_children(|line| {
            line.spawn(body("Speed:"));
            for rate in SpeechRate::ALL {
                line.spawn(choice_button(
                    format!("Speed {}", rate_word(rate)),
                    rate_word(rate),
                    settings.speech_rate == rate,
                    act(Action::Rate(rate)),
                ));
            }
        });
        page.spawn(row()).with_children(|line| {
            line.spawn(body("Pitch:"));
            for pitch in SpeechPitch::ALL {
                line.spawn(choice_button(
                    format!("Pitch {}", pitch_word(pitch)),
                    pitch_word(pitch),
                    settings.speech_pitch == pitch,
                    act(Action::Pitch(pitch)),
                ));
            }
        });
        for (i, fact) in facts.into_iter().enumerate() {
            page.spawn((Name::new(format!("Language fact {}", i + 1)), body(fact)));
        }
        page.spawn(outcome_line("Language message", outcome.0.as_ref()));
        page.spawn(row()).with_children(|line| {
            line.spawn(button(
                "Try voice button",
                "Try the voice",
                act(Action::Try),
            ));
            line.spawn(button("Language save button", "Save", act(Action::Save)));
            line.spawn(button("Language back button", "Back", act(Action::Back)));
        });
    });
}

/// What the worker needs to know about the saved home language on this tablet: its voice, and
/// how many of the child's cells have a word in it.
fn language_facts(content: &Content, speech: &SystemSpeech) -> Vec<String> {
    let Some(language) = content.settings.home() else {
        return vec!["No home language: the tablet speaks English.".into()];
    };
    let name = name_of(language);
    let cells: Vec<_> = content
        .vocabulary
        .boards
        .values()
        .flat_map(|board| board.visible_cells())
        .collect();
    let translated = cells
        .iter()
        .filter(|cell| translation(&cell.translations, language).is_some())
        .count();
    let engine = speech.engine();
    let voice = match engine.status() {
        Status::Ready => match voice_for(&engine.voices(), language) {
            Some(voice) => format!("The tablet's voice for {name}: \"{}\".", voice.name),
            None => format!(
                "This tablet has no voice for {name}: its words are said in the default voice."
            ),
        },
        Status::Starting => "The tablet's voices are still starting.".into(),
        _ => format!("This tablet has no voice working now: {name} words are not heard."),
    };
    vec![
        voice,
        format!(
            "{translated} of {} cells have a word in {name}; the rest are said in English.",
            cells.len()
        ),
    ]
}

fn press(
    activate: On<Activate>,
    actions: Query<&Action>,
    fields: Query<(&FormField, &EditableText)>,
    mut content: ResMut<Content>,
    mut outcome: ResMut<LanguageOutcome>,
    (mut say, mut speech): (MessageWriter<SayInLanguage>, ResMut<SystemSpeech>),
    mut turn: PageTurn,
) {
    let Ok(&action) = actions.get(activate.entity) else {
        return;
    };
    if action == Action::Back {
        outcome.0 = None;
        turn.show(WorkerPage::ChildSettings);
        return;
    }
    let mut settings = content.settings.clone();
    let typed = field_text(&fields, FormField::HomeLanguage);
    settings.home_language = (!typed.is_empty()).then_some(typed);
    match action {
        Action::Labels(labels) => settings.labels = labels,
        Action::Rate(rate) => settings.speech_rate = rate,
        Action::Pitch(pitch) => settings.speech_pitch = pitch,
        Action::Voice(chosen) => {
            // The voices the buttons were built from: those of the saved language.
            let language = content
                .settings
                .home()
                .unwrap_or(WORKER_LANGUAGE)
                .to_string();
            let offered = offered_voices(&speech, &language);
            settings.platform_voice = chosen.and_then(|i| offered.get(i)).map(|v| v.id.clone());
        }
        _ => {}
    }
    if let Some(why) = settings.home().and_then(|tag| check_tag(tag).err()) {
        outcome.0 = Some(Err(why));
        return;
    }
    if action == Action::Try {
        outcome.0 = Some(if speech.is_available() {
            try_voice(&content, settings.home(), &mut say)
        } else {
            Err("The tablet's voice is not working now, so nothing can be tried.".into())
        });
        return;
    }
    // Each choice is heard at once: it is saved, and a word is said the new way.
    let heard_at_once = matches!(
        action,
        Action::Voice(_) | Action::Rate(_) | Action::Pitch(_)
    );
    let Some(data) = content.data_dir.clone() else {
        outcome.0 = Some(Err("There is no data folder on this tablet.".into()));
        return;
    };
    let label = content.profile.clone();
    outcome.0 = Some(match child_settings::save(&data, &label, &settings) {
        Ok(()) => {
            let home = settings.home().map(str::to_string);
            // The next word is said the new way, whichever system runs first.
            speech.manner = crate::voice::manner_of(&settings);
            content.settings = settings;
            if heard_at_once {
                let _ = try_voice(&content, home.as_deref(), &mut say);
            }
            Ok("Saved. The child's board follows at once.".into())
        }
        Err(why) => Err(format!("Not saved: {why}")),
    });
}

/// Says the first word the child's cells have in the home language, as the child would hear it.
fn try_voice(
    content: &Content,
    language: Option<&str>,
    say: &mut MessageWriter<SayInLanguage>,
) -> Result<String, String> {
    let Some(language) = language else {
        say.write(SayInLanguage {
            text: "Hello, this is my voice.".into(),
            language: WORKER_LANGUAGE.into(),
        });
        return Ok("Said a sentence in the tablet's English voice.".into());
    };
    let word = content
        .vocabulary
        .boards
        .values()
        .flat_map(|board| board.visible_cells())
        .find_map(|cell| translation(&cell.translations, language));
    match word {
        Some(word) => {
            say.write(SayInLanguage {
                text: word.to_string(),
                language: language.to_string(),
            });
            Ok(format!(
                "Said \"{word}\" in the {} voice.",
                name_of(language)
            ))
        }
        None => Err(format!(
            "No cell has a word in {} yet, so there is nothing to try.",
            name_of(language)
        )),
    }
}
