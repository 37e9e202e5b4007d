//! The shown profile's own page: how the child usually communicates (for the summary) and the
//! child's settings (`model/child_settings.rs`). Each choice is saved at once and the child's
//! board and voice follow it; typed text is saved with every choice and with Save.

use bevy::prelude::*;
use bevy::text::EditableText;
use bevy::ui_widgets::observe;

use super::choices::{ChoiceButton, choice_rows, column, on_off, option};
use super::{FormField, PageRoot, PageTurn, WorkerPage, field_text, new_page};
use crate::Content;
use crate::input::Activate;
use crate::model::child_settings::{
    self, ChildSettings, LabelPosition, TextSize, Theme, VoicePreference,
};
use crate::model::profile;
use crate::theme::{body, button, filled_text_field, outcome_line, problem, row, title};

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<ChildSettingsOutcome>()
        .add_systems(OnEnter(WorkerPage::ChildSettings), build_child_settings)
        .add_systems(
            Update,
            build_child_settings.run_if(
                resource_changed::<ChildSettingsOutcome>
                    .and_then(in_state(WorkerPage::ChildSettings)),
            ),
        );
}

#[derive(Resource, Default)]
struct ChildSettingsOutcome(Option<Result<String, String>>);

#[derive(Component, Debug, Clone, Copy, PartialEq)]
enum Choice {
    NewRows(i32),
    NewColumns(i32),
    Text(TextSize),
    Theme(Theme),
    Label(LabelPosition),
    Colours(bool),
    SpeakOnTap(bool),
    SpeakFolders(bool),
    Volume(u8),
    Voice(VoicePreference),
    Access,
    Boards,
    Language,
    Save,
    Back,
}

fn choice(action: Choice) -> impl Bundle {
    (action, observe(press_choice))
}

fn build_child_settings(
    mut commands: Commands,
    shown: Query<Entity, With<PageRoot>>,
    content: Res<Content>,
    outcome: Res<ChildSettingsOutcome>,
    window: Query<&Window, With<bevy::window::PrimaryWindow>>,
) {
    let page = new_page(&mut commands, &shown, WorkerPage::ChildSettings);
    let upright = window.single().is_ok_and(|w| w.height() > w.width());
    let label = content.profile.clone();
    let details = content
        .data_dir
        .as_ref()
        .map(|data| profile::load(data, &label));
    let s = &content.settings;
    commands.entity(page).with_children(|page| {
        page.spawn(title(format!("Profile {label}")));
        if let Some(Err(why)) = content
            .data_dir
            .as_ref()
            .map(|data| child_settings::load(data, &label))
        {
            page.spawn(problem(format!(
                "The saved settings cannot be read, so the defaults are used (a choice here \
                 replaces the file): {why}"
            )));
        }
        let (communication, supports) = match &details {
            Some(Ok(found)) => (found.communication.clone(), found.supports.join(", ")),
            Some(Err(why)) => {
                page.spawn(problem(why.clone()));
                Default::default()
            }
            None => Default::default(),
        };
        let below = s.label_position == LabelPosition::Below;
        let bundled = s.voice == VoicePreference::Bundled;
        let board_rows: Vec<(String, Vec<ChoiceButton<Choice>>)> = vec![
            (
                format!("New boards: {} rows", s.new_board_rows),
                vec![
                    option("Fewer rows".into(), "−", Choice::NewRows(-1), false),
                    option("More rows".into(), "+", Choice::NewRows(1), false),
                ],
            ),
            (
                format!("{} columns", s.new_board_columns),
                vec![
                    option("Fewer columns".into(), "−", Choice::NewColumns(-1), false),
                    option("More columns".into(), "+", Choice::NewColumns(1), false),
                ],
            ),
            (
                "Word".into(),
                vec![
                    option(
                        "Word below".into(),
                        "below",
                        Choice::Label(LabelPosition::Below),
                        below,
                    ),
                    option(
                        "Word above".into(),
                        "above",
                        Choice::Label(LabelPosition::Above),
                        !below,
                    ),
                ],
            ),
            (
                "Word-class colours".into(),
                on_off("Colours", s.colour_coding, Choice::Colours),
            ),
        ];
        let look_and_voice_rows: Vec<(String, Vec<ChoiceButton<Choice>>)> = vec![
            (
                "Text size".into(),
                TextSize::ALL
                    .map(|size| {
                        let word = text_size_word(size);
                        let name = format!("Text size {word}");
                        option(name, word, Choice::Text(size), s.text_size == size)
                    })
                    .into(),
            ),
            (
                "Theme".into(),
                Theme::ALL
                    .map(|theme| {
                        let word = theme_word(theme);
                        let name = format!("Theme {word}");
                        option(name, word, Choice::Theme(theme), s.theme == theme)
                    })
                    .into(),
            ),
            (
                "Say words on tap".into(),
                on_off("Speak on tap", s.speak_on_tap, Choice::SpeakOnTap),
            ),
            (
                "Say folder names".into(),
                on_off("Speak folders", s.speak_folders, Choice::SpeakFolders),
            ),
            (
                "Volume".into(),
                VOLUMES
                    .map(|v| {
                        let chosen = s.volume_percent == v;
                        option(
                            format!("Volume {v}"),
                            &format!("{v} %"),
                            Choice::Volume(v),
                            chosen,
                        )
                    })
                    .into(),
            ),
            (
                "Voice".into(),
                vec![
                    option(
                        "Voice bundled".into(),
                        "bundled",
                        Choice::Voice(VoicePreference::Bundled),
                        bundled,
                    ),
                    option(
                        "Voice system".into(),
                        "system",
                        Choice::Voice(VoicePreference::System),
                        !bundled,
                    ),
                ],
            ),
        ];
        page.spawn(Node {
            flex_direction: if upright {
                FlexDirection::Column
            } else {
                FlexDirection::Row
            },
            column_gap: px(32.0),
            row_gap: px(12.0),
            ..default()
        })
        .with_children(|columns| {
            columns.spawn(column()).with_children(|left| {
                for (said, name, field, value) in [
                    (
                        "Usual way of communicating (for the summary)",
                        "Communication field",
                        FormField::Communication,
                        communication,
                    ),
                    (
                        "Supports used, commas between",
                        "Supports field",
                        FormField::Supports,
                        supports,
                    ),
                ] {
                    left.spawn(body(said));
                    left.spawn(filled_text_field(name, field, 460.0, &value));
                }
                choice_rows(left, board_rows, LABEL_PX, choice);
            });
            columns.spawn(column()).with_children(|right| {
                choice_rows(right, look_and_voice_rows, LABEL_PX, choice);
            });
        });
        page.spawn(outcome_line("Child settings message", outcome.0.as_ref()));
        page.spawn(row()).with_children(|line| {
            line.spawn(button(
                "Child settings save button",
                "Save",
                choice(Choice::Save),
            ));
            line.spawn(button(
                "Child settings access button",
                "Access…",
                choice(Choice::Access),
            ));
            line.spawn(button(
                "Child settings boards button",
                "Boards in and out…",
                choice(Choice::Boards),
            ));
            line.spawn(button(
                "Child settings language button",
                "Voice and language…",
                choice(Choice::Language),
            ));
            line.spawn(button(
                "Child settings back button",
                "Back",
                choice(Choice::Back),
            ));
        });
    });
}

const VOLUMES: [u8; 3] = [40, 70, 100];

/// The width of each setting's name.
const LABEL_PX: f32 = 210.0;

fn text_size_word(size: TextSize) -> &'static str {
    match size {
        TextSize::Small => "small",
        TextSize::Standard => "standard",
        TextSize::Large => "large",
        TextSize::Largest => "largest",
    }
}

fn theme_word(theme: Theme) -> &'static str {
    match theme {
        Theme::Standard => "standard",
        Theme::HighContrast => "high contrast",
        Theme::Dark => "dark",
    }
}

fn press_choice(
    activate: On<Activate>,
    choices: Query<&Choice>,
    fields: Query<(&FormField, &EditableText)>,
    mut content: ResMut<Content>,
    mut outcome: ResMut<ChildSettingsOutcome>,
    mut turn: PageTurn,
) {
    let Ok(&action) = choices.get(activate.entity) else {
        return;
    };
    let Some(data) = content.data_dir.clone() else {
        return;
    };
    let mut settings: ChildSettings = content.settings.clone();
    let step = |side: u16, by: i32| side.saturating_add_signed(by as i16);
    match action {
        Choice::Back => {
            outcome.0 = None;
            turn.show(WorkerPage::Profiles);
            return;
        }
        Choice::Access => {
            outcome.0 = None;
            turn.show(WorkerPage::Access);
            return;
        }
        Choice::Boards => {
            outcome.0 = None;
            turn.show(WorkerPage::BoardsFile);
            return;
        }
        Choice::Language => {
            outcome.0 = None;
            turn.show(WorkerPage::VoiceLanguage);
            return;
        }
        Choice::Save => {}
        Choice::NewRows(by) => settings.new_board_rows = step(settings.new_board_rows, by),
        Choice::NewColumns(by) => settings.new_board_columns = step(settings.new_board_columns, by),
        Choice::Text(size) => settings.text_size = size,
        Choice::Theme(theme) => settings.theme = theme,
        Choice::Label(position) => settings.label_position = position,
        Choice::Colours(on) => settings.colour_coding = on,
        Choice::SpeakOnTap(on) => settings.speak_on_tap = on,
        Choice::SpeakFolders(on) => settings.speak_folders = on,
        Choice::Volume(percent) => settings.volume_percent = percent,
        Choice::Voice(voice) => settings.voice = voice,
    }
    let label = content.profile.clone();
    // Each part says what came of it: the details can be saved while the settings are not.
    let details = save_details(&data, &label, &fields);
    let choices = child_settings::save(&data, &label, &settings);
    if choices.is_ok() && content.settings != settings {
        content.settings = settings;
    }
    outcome.0 = Some(match (details, choices) {
        (Ok(()), Ok(())) => Ok("Saved. The child's board and voice follow at once.".to_string()),
        (Err(why), Ok(())) => Err(format!(
            "The settings are saved, the communication details not: {why}"
        )),
        (Ok(()), Err(why)) => Err(format!(
            "The communication details are saved, the settings not: {why}"
        )),
        (Err(details), Err(choices)) => Err(format!("Not saved: {details}; {choices}")),
    });
}

/// The communication details typed on the page, into the profile's file.
fn save_details(
    data: &std::path::Path,
    label: &str,
    fields: &Query<(&FormField, &EditableText)>,
) -> Result<(), String> {
    let mut details = profile::load(data, label)?;
    details.communication = field_text(fields, FormField::Communication);
    details.supports = field_text(fields, FormField::Supports)
        .split(',')
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
        .collect();
    profile::save(data, &details)
}
