//! Feelings and activities, the child's structured screens: emotion scales, the body map, card
//! sorts and houses. Each prompt is shown and spoken; every answer (or "I don't want to answer",
//! "I don't know") goes into the visit's journal with the exact prompt and options; the last
//! answer can be undone. The rules are `model::activity`'s; this only applies their result.

mod places;
mod read_back;
mod screens;

pub use read_back::{read_back_items, start_read_back};

use bevy::prelude::*;
use bevy::ui_widgets::observe;

use crate::Content;
use crate::input::Activate;
use crate::model::activity::{Action, Activities, FEELINGS_CHECK_IN, Open, Run, current_prompt};
use crate::model::problem::Problem;
use crate::model::session::Event;
use crate::screen::{NavSlot, fill_nav_slot};
use crate::theme;
use crate::visit::Visit;
use crate::voice::SayText;

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<ActivityScreen>()
        .add_systems(Startup, (load_activities, screens::spawn_overlay))
        .add_systems(PostStartup, fill_nav_buttons)
        .add_systems(
            Update,
            (
                screens::show_activity
                    .in_set(ShowActivity)
                    .run_if(resource_changed::<ActivityScreen>),
                load_activities.run_if(on_message::<crate::screen::ProfileSwitched>),
            ),
        )
        .add_systems(PostUpdate, label_choices.before(theme::ScreenReaderLabels));
}

/// The system that builds the activity screen.
#[derive(SystemSet, Debug, Clone, PartialEq, Eq, Hash)]
pub struct ShowActivity;

/// The activities this app offers, with problems found in a worker's own files.
#[derive(Resource, Debug, Default)]
pub struct ActivityLibrary {
    pub activities: Activities,
    pub problems: Vec<Problem>,
}

/// Which activity is on screen, and the child's progress through it.
#[derive(Resource, Debug, Default)]
pub struct ActivityScreen {
    pub open: Option<Open>,
    /// Each answer's state before it, with the journal line it wrote, newest last.
    undo: Vec<(Open, Option<u64>)>,
}

impl ActivityScreen {
    /// Closes the activity and forgets its undo list.
    pub fn close(&mut self) {
        self.open = None;
        self.undo.clear();
    }
}

/// What a control on an activity screen does; its observer is [`act`].
#[derive(Component, Clone, Debug, PartialEq)]
pub struct ActivityAction(pub Action);

/// The action bundle of an activity control.
pub fn activity_control(action: Action) -> impl Bundle {
    (ActivityAction(action), observe(act))
}

/// A screen reader says each choice with its question ("happy, How are you feeling?"), so a
/// child who listens knows what the choice answers.
fn label_choices(
    added: Query<(Entity, &ActivityAction), Added<ActivityAction>>,
    screen: Res<ActivityScreen>,
    library: Res<ActivityLibrary>,
    children: Query<&Children>,
    texts: Query<&Text>,
    mut commands: Commands,
) {
    let question = match &screen.open {
        Some(Open::Activity(run)) => match library.activities.get(&run.activity) {
            Some(file) => current_prompt(file, run),
            None => return,
        },
        Some(Open::ReadBack(read_back)) => read_back.question.words().to_string(),
        _ => return,
    };
    for (entity, ActivityAction(action)) in &added {
        let named = match action {
            Action::Region(word) | Action::HouseSymbol { word, .. } => Some(word.as_str()),
            Action::Point(_)
            | Action::PickCard
            | Action::Column(_)
            | Action::House(_)
            | Action::PickerBoard(_)
            | Action::Check(_)
            | Action::Decline(_) => None,
            _ => continue,
        };
        let shown = theme::words_under(entity, &children, &texts);
        let choice = if shown.is_empty() {
            named.unwrap_or_default()
        } else {
            &shown
        };
        commands
            .entity(entity)
            .try_insert(AccessibleLabel::new(format!("{choice}, {question}")));
    }
}

fn load_activities(mut commands: Commands, content: Res<Content>) {
    let (mut activities, mut problems) = Activities::built_in(&content.symbols);
    if let Some(dir) = own_activities_dir(&content) {
        problems.extend(activities.add_dir(&dir, &content.symbols));
    }
    for problem in &problems {
        // File, line and column, with the child's label left out of the file's path.
        warn!("{}", content.without_label(&problem.to_string()));
    }
    commands.insert_resource(ActivityLibrary {
        activities,
        problems,
    });
}

/// `DATA/profiles/<profile>/activities/`: a worker's own activities for the active profile.
pub fn own_activities_dir(content: &Content) -> Option<std::path::PathBuf> {
    let data_dir = content.data_dir.as_ref()?;
    Some(crate::model::profile::profile_dir(data_dir, &content.profile).join("activities"))
}

fn fill_nav_buttons(mut commands: Commands, slots: Query<(Entity, &NavSlot)>) {
    fill_nav_slot(
        &mut commands,
        &slots,
        NavSlot::Feelings,
        theme::child_button(
            "Feelings button",
            "Feelings",
            activity_control(Action::Open(FEELINGS_CHECK_IN.to_string())),
        ),
    );
    fill_nav_slot(
        &mut commands,
        &slots,
        NavSlot::Activities,
        theme::child_button(
            "Activities button",
            "Activities",
            activity_control(Action::OpenList),
        ),
    );
}

/// Carries out an activity control's action: the screen's own (open, close, undo) here, the
/// activity's through `model::activity::step`.
fn act(
    activate: On<Activate>,
    actions: Query<&ActivityAction>,
    (library, content): (Res<ActivityLibrary>, Res<Content>),
    mut screen: ResMut<ActivityScreen>,
    mut visit: ResMut<Visit>,
    mut say: MessageWriter<SayText>,
) {
    let Ok(ActivityAction(action)) = actions.get(activate.entity) else {
        return;
    };
    let activities = &library.activities;
    match action {
        Action::OpenList => {
            screen.close();
            screen.open = Some(Open::List);
        }
        Action::Open(id) => {
            let run = Run::new(id, None);
            if let Some(activity) = activities.get(id) {
                say.write(SayText::one(current_prompt(activity, &run)));
            }
            screen.close();
            screen.open = Some(Open::Activity(run));
        }
        Action::Close => screen.close(),
        Action::Undo => {
            if let Some((before, seq)) = screen.undo.pop() {
                if let Some(seq) = seq {
                    visit.record(Event::Redacted {
                        seq,
                        reason: "undone by the child".into(),
                    });
                }
                screen.open = Some(before);
            }
        }
        _ if matches!(screen.open, Some(Open::ReadBack(_))) => {
            read_back::act(action, &mut screen, &mut visit, &mut say);
        }
        _ => {
            let Some(Open::Activity(run)) = &screen.open else {
                return;
            };
            let by = visit.actor();
            let Some(step) = crate::model::activity::step(activities, run, action, by) else {
                return;
            };
            if let Some(text) = step.say {
                say.write(SayText::one(text));
            }
            if step.next == *run && step.record.is_none() {
                return;
            }
            let concern = step.record.as_ref().is_some_and(|event| {
                crate::model::concerns::is_concern(event, &content.vocabulary, activities)
            });
            let recorded = step.record.and_then(|event| visit.record(event));
            if let (Some(seq), true) = (recorded, concern) {
                visit.record(Event::Concern { seq });
            }
            if step.undoable {
                let before = Open::Activity(run.clone());
                screen.undo.push((before, recorded));
            }
            screen.open = Some(Open::Activity(step.next));
        }
    }
}
