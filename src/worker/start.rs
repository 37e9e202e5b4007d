//! The visit start page: case reference (never a name), visit type, purpose, who is present and
//! whether the child was seen alone. Starting the visit hands the board back to the child.

use bevy::prelude::*;
use bevy::text::EditableText;
use bevy::ui_widgets::observe;

use super::{FormField, PageRoot, PageTurn, WorkerPage, field_text, new_page};
use crate::Content;
use crate::input::Activate;
use crate::model::visit_form::{NotAloneWhy, SeenAloneAnswer, VisitForm};
use crate::theme::{
    BODY_PX, PROBLEM, body, button, chip_button, choice_button, row, text_field, title,
};
use crate::visit::{Visit, sessions_dir};

pub const VISIT_TYPES: [&str; 4] = ["Home visit", "School visit", "Office visit", "Other visit"];
const SEEN_ALONE: [(SeenAloneAnswer, &str); 5] = [
    (SeenAloneAnswer::Yes, "Yes"),
    (SeenAloneAnswer::No, "No"),
    (SeenAloneAnswer::Partly, "Partly"),
    (SeenAloneAnswer::NotSeen, "Child not seen"),
    (SeenAloneAnswer::NotRecorded, "Not recorded"),
];
const FIELD_PX: f32 = 620.0;

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<StartChoices>()
        .add_systems(
            Update,
            show_choices
                .run_if(in_state(WorkerPage::Start).and_then(resource_changed::<StartChoices>)),
        )
        .add_systems(OnEnter(WorkerPage::Start), build_start);
}

/// The choices made by button on the start page (typed answers live in the fields).
#[derive(Resource, Debug, Default)]
pub struct StartChoices {
    visit_type: usize,
    seen_alone: SeenAloneAnswer,
    why: Option<NotAloneWhy>,
    problem: Option<String>,
}

#[derive(Component, Clone, Copy, Debug)]
pub enum StartAction {
    VisitType(usize),
    SeenAlone(SeenAloneAnswer),
    Why(NotAloneWhy),
    Start,
    Cancel,
}

#[derive(Component, Clone, Copy, PartialEq, Eq)]
enum ChoiceRow {
    VisitType,
    SeenAlone,
    Why,
}

#[derive(Component)]
struct StartProblem;

fn labelled(text: &str) -> impl Bundle {
    (
        Node {
            width: px(260.0),
            ..default()
        },
        children![body(text.to_string())],
    )
}

fn start_action(action: StartAction) -> impl Bundle {
    (action, observe(press_start_button))
}

fn build_start(
    mut commands: Commands,
    shown: Query<Entity, With<PageRoot>>,
    mut choices: ResMut<StartChoices>,
) {
    let slot = new_page(&mut commands, &shown, WorkerPage::Start);
    *choices = StartChoices::default();
    commands.entity(slot).with_children(|page| {
        page.spawn(title("Start a visit"));
        page.spawn((
            row(),
            children![
                labelled("Case reference"),
                text_field("Case reference field", FormField::CaseRef, FIELD_PX),
            ],
        ));
        page.spawn(body(
            "The council's number for the case. Never the child's name.",
        ));
        page.spawn((row(), children![labelled("Visit type")]))
            .with_child((Name::new("Visit type choices"), ChoiceRow::VisitType, row()));
        page.spawn((
            row(),
            children![
                labelled("Purpose"),
                text_field("Purpose field", FormField::Purpose, FIELD_PX),
            ],
        ));
        page.spawn((
            row(),
            children![
                labelled("Who is present"),
                text_field("Present field", FormField::Present, FIELD_PX),
            ],
        ));
        page.spawn((row(), children![labelled("Child seen alone?")]))
            .with_child((Name::new("Seen alone choices"), ChoiceRow::SeenAlone, row()));
        page.spawn((row(), children![labelled("If not, why")]))
            .with_child((Name::new("Why not alone choices"), ChoiceRow::Why, row()));
        page.spawn((
            row(),
            children![
                labelled("In your words"),
                text_field("Reason field", FormField::Reason, FIELD_PX),
            ],
        ));
        page.spawn((
            Name::new("Start problem"),
            StartProblem,
            Text::new(""),
            TextFont {
                font_size: FontSize::Px(BODY_PX),
                ..default()
            },
            TextColor(PROBLEM),
        ));
        page.spawn((
            row(),
            children![
                button(
                    "Begin visit button",
                    "Start the visit",
                    start_action(StartAction::Start)
                ),
                button(
                    "Cancel start button",
                    "Cancel",
                    start_action(StartAction::Cancel)
                ),
            ],
        ));
    });
}

/// Redraws only the choice buttons, so nothing typed in the fields is lost.
fn show_choices(
    mut commands: Commands,
    choices: Res<StartChoices>,
    rows: Query<(Entity, &ChoiceRow)>,
    mut problem_text: Query<&mut Text, With<StartProblem>>,
) {
    for (entity, kind) in &rows {
        commands.entity(entity).despawn_related::<Children>();
        commands.entity(entity).with_children(|line| match kind {
            ChoiceRow::VisitType => {
                for (index, name) in VISIT_TYPES.iter().enumerate() {
                    line.spawn(choice_button(
                        format!("Visit type {name}"),
                        *name,
                        choices.visit_type == index,
                        start_action(StartAction::VisitType(index)),
                    ));
                }
            }
            ChoiceRow::Why => {
                for why in NotAloneWhy::ALL {
                    line.spawn(chip_button(
                        format!("Why not alone {}", why.words()),
                        why.words(),
                        choices.why == Some(why),
                        start_action(StartAction::Why(why)),
                    ));
                }
            }
            ChoiceRow::SeenAlone => {
                for (answer, name) in SEEN_ALONE {
                    line.spawn(choice_button(
                        format!("Seen alone {name}"),
                        name,
                        choices.seen_alone == answer,
                        start_action(StartAction::SeenAlone(answer)),
                    ));
                }
            }
        });
    }
    for mut text in &mut problem_text {
        text.0 = choices.problem.clone().unwrap_or_default();
    }
}

// A Bevy system: each argument is a resource or query it reads.
#[allow(clippy::too_many_arguments)]
fn press_start_button(
    activate: On<Activate>,
    actions: Query<&StartAction>,
    fields: Query<(&FormField, &EditableText)>,
    content: Res<Content>,
    lock: Res<super::WorkerLock>,
    mut choices: ResMut<StartChoices>,
    mut turn: PageTurn,
    mut visit: ResMut<Visit>,
    keys: Res<crate::keys::Keys>,
) {
    let Ok(action) = actions.get(activate.entity) else {
        return;
    };
    match *action {
        StartAction::VisitType(index) => choices.visit_type = index,
        StartAction::SeenAlone(answer) => choices.seen_alone = answer,
        // A second tap takes the choice back.
        StartAction::Why(why) => {
            choices.why = (choices.why != Some(why)).then_some(why);
        }
        StartAction::Cancel => turn.show(WorkerPage::Home),
        StartAction::Start => {
            let form = VisitForm {
                case_ref: field_text(&fields, FormField::CaseRef),
                visit: VISIT_TYPES[choices.visit_type].to_string(),
                purpose: field_text(&fields, FormField::Purpose),
                present: field_text(&fields, FormField::Present),
                seen_alone: choices.seen_alone,
                why: choices.why,
                reason: field_text(&fields, FormField::Reason),
                profile: content.profile.clone(),
                recorded_by: lock.settings.recorded_by(),
                communication: profile_communication(&content),
            };
            let started = form.visit_started().and_then(|header| {
                let dir = sessions_dir(&content).ok_or_else(|| {
                    "There is no data folder, so the visit cannot be saved.".to_string()
                })?;
                let ring = keys.ring().ok_or_else(|| {
                    "The keys are not open, so the visit cannot be sealed: lock the tablet and \
                     type the PIN again."
                        .to_string()
                })?;
                visit
                    .start(&dir, header, ring)
                    .map_err(|e| format!("The visit could not be started: {e}"))
            });
            match started {
                // The child's screen starts afresh for the new visit (`screen.rs`).
                Ok(_) => turn.close(),
                Err(text) => choices.problem = Some(text),
            }
        }
    }
}

/// The shown profile's communication details, for the visit's first line (none for the
/// built-in profile, or a profile file that cannot be read: the visit still starts).
fn profile_communication(content: &Content) -> crate::model::session::Communication {
    let details = content
        .data_dir
        .as_ref()
        .filter(|_| content.profile != crate::model::profile::DEFAULT_PROFILE)
        .and_then(|data| crate::model::profile::load(data, &content.profile).ok());
    details.map_or_else(Default::default, |found| {
        crate::model::session::Communication {
            usual: found.communication,
            supports: found.supports,
        }
    })
}
