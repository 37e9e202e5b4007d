//! The profiles page, behind the PIN: the children's profiles on this tablet by label, which one
//! the child's screens show, switching to another and adding one. Only here are profiles
//! listed; the child's screens know the active one alone (docs/decisions.md, "Profiles").

use bevy::ecs::system::SystemParam;
use bevy::prelude::*;
use bevy::text::EditableText;
use bevy::ui_widgets::observe;

use super::{FormField, PageRoot, PageTurn, WorkerPage, field_text, new_page};
use crate::Content;
use crate::board::VocabularyChanged;
use crate::input::Activate;
use crate::keys::{Keys, SealProblems};
use crate::model::profile::{self, DEFAULT_PROFILE};
use crate::model::sealed_profiles::{close_profiles, open_profiles};
use crate::screen::ProfileSwitched;
use crate::theme::{body, button, choice_button, outcome_line, problem, row, text_field, title};
use crate::visit::Visit;

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<ProfilesOutcome>()
        .add_systems(OnEnter(WorkerPage::Profiles), build_profiles)
        .add_systems(Update, follow_the_keys.run_if(resource_changed::<Keys>))
        .add_systems(
            Update,
            build_profiles.run_if(
                resource_changed::<ProfilesOutcome>.and_then(in_state(WorkerPage::Profiles)),
            ),
        );
}

/// What the last action came to, shown on the page.
#[derive(Resource, Default)]
struct ProfilesOutcome(Option<Result<String, String>>);

#[derive(Component, Debug, Clone, PartialEq, Eq)]
enum ProfilesAction {
    Use(String),
    Settings,
    Add,
    Back,
}

fn profiles_action(action: ProfilesAction) -> impl Bundle {
    (action, observe(press_profiles_button))
}

fn build_profiles(
    mut commands: Commands,
    shown: Query<Entity, With<PageRoot>>,
    content: Res<Content>,
    outcome: Res<ProfilesOutcome>,
) {
    let page = new_page(&mut commands, &shown, WorkerPage::Profiles);
    let listed = match &content.data_dir {
        Some(data) => profile::list(data),
        None => Err("There is no data folder, so no profile can be kept.".to_string()),
    };
    commands.entity(page).with_children(|page| {
        page.spawn(title("Profiles"));
        page.spawn(body(
            "The child's screens show only the profile in use (ticked); tap another to use it. \
             A label is initials or a case reference, never the child's name.",
        ));
        let mut labels = vec![(DEFAULT_PROFILE.to_string(), Ok(()))];
        match &listed {
            Ok(found) => labels.extend(found.iter().map(|(label, read)| {
                (
                    label.clone(),
                    read.as_ref().map(|_| ()).map_err(Clone::clone),
                )
            })),
            Err(why) => {
                page.spawn(problem(why.clone()));
            }
        }
        page.spawn((Name::new("Profile list"), row()))
            .with_children(|line| {
                for (label, read) in &labels {
                    let shown = if label == DEFAULT_PROFILE {
                        "built-in".to_string()
                    } else {
                        label.clone()
                    };
                    match read {
                        Ok(()) => {
                            line.spawn(choice_button(
                                format!("Use profile {label}"),
                                shown,
                                *label == content.profile,
                                profiles_action(ProfilesAction::Use(label.clone())),
                            ));
                        }
                        Err(why) => {
                            line.spawn(problem(format!("{label}: {why}")));
                        }
                    }
                }
            });
        if content.profile != DEFAULT_PROFILE {
            page.spawn(button(
                "Profile settings button",
                format!("Settings of {}", content.profile),
                profiles_action(ProfilesAction::Settings),
            ));
        }
        page.spawn(body(
            "A new profile starts with its own copy of the built-in boards:",
        ));
        page.spawn(row()).with_children(|line| {
            line.spawn(text_field(
                "New profile field",
                FormField::ProfileLabel,
                320.0,
            ));
            line.spawn(button(
                "Add profile button",
                "Add profile",
                profiles_action(ProfilesAction::Add),
            ));
        });
        page.spawn(outcome_line("Profiles message", outcome.0.as_ref()));
        page.spawn(button(
            "Profiles back button",
            "Back",
            profiles_action(ProfilesAction::Back),
        ));
    });
}

/// What the child's screens are built from, and the messages that make them follow a switch.
#[derive(SystemParam)]
struct ShownProfile<'w> {
    content: ResMut<'w, Content>,
    switched: MessageWriter<'w, ProfileSwitched>,
    changed: MessageWriter<'w, VocabularyChanged>,
    keys: Res<'w, Keys>,
}

impl ShownProfile<'_> {
    /// Shows `label` on the child's screens (`None`: the built-in profile).
    fn show(&mut self, label: Option<&str>) {
        *self.content = self.content.switched_to(label);
        self.switched.write(ProfileSwitched);
        self.changed.write(VocabularyChanged { boards: None });
    }
}

/// On unlock every profile's files open (and what is still plain is sealed), and the profile
/// the tablet was left on is shown; on lock every profile's key but the shown one's is
/// forgotten (docs/data-protection.md, "Profiles").
fn follow_the_keys(
    mut shown: ShownProfile,
    mut problems: ResMut<SealProblems>,
    mut redraw: MessageWriter<bevy::window::RequestRedraw>,
) {
    // What follows the switch (the board, its pictures) is built in the next frames.
    redraw.write(bevy::window::RequestRedraw);
    let Some(data) = shown.content.data_dir.clone() else {
        return;
    };
    let Some(ring) = shown.keys.ring() else {
        close_profiles(&data, &shown.content.profile);
        return;
    };
    let (_, failed) = open_profiles(ring, &data);
    problems.0 = failed;
    if let Some(label) = shown.content.locked_profile.take() {
        let active = (label != DEFAULT_PROFILE).then_some(label);
        shown.show(active.as_deref());
    }
}

fn press_profiles_button(
    activate: On<Activate>,
    actions: Query<&ProfilesAction>,
    fields: Query<(&FormField, &EditableText)>,
    mut shown: ShownProfile,
    mut outcome: ResMut<ProfilesOutcome>,
    visit: Res<Visit>,
    mut turn: PageTurn,
) {
    let content = &mut shown.content;
    let Ok(action) = actions.get(activate.entity) else {
        return;
    };
    let Some(data) = content.data_dir.clone() else {
        return;
    };
    outcome.0 = Some(match action {
        ProfilesAction::Back => {
            outcome.0 = None;
            turn.show(WorkerPage::Home);
            return;
        }
        ProfilesAction::Settings => {
            outcome.0 = None;
            turn.show(WorkerPage::ChildSettings);
            return;
        }
        ProfilesAction::Add => {
            let label = field_text(&fields, FormField::ProfileLabel);
            let keys = &shown.keys;
            profile::check_label(&label)
                .and_then(|()| {
                    let key = keys.ring().map(|ring| ring.profile_key(&label)).transpose();
                    key.map_err(|e| e.to_string())
                })
                .and_then(|key| profile::add(&data, &label, key.map(std::sync::Arc::new)))
                .map(|_| format!("Profile {label} added. Tap it to use it."))
        }
        ProfilesAction::Use(label) if *label == content.profile => return,
        ProfilesAction::Use(_) if visit.is_recording() => Err(
            "A visit with this profile is open (being recorded, or waiting for review and \
             export): finish it before switching."
                .to_string(),
        ),
        ProfilesAction::Use(label) => profile::set_active(&data, label).map(|()| {
            shown.show((label != DEFAULT_PROFILE).then_some(label.as_str()));
            let content = &shown.content;
            if content.notices.is_empty() {
                format!("The child's screens now show profile {label}.")
            } else {
                format!(
                    "Profile {label} is in use, but its boards have problems, so the built-in \
                     ones are shown: {}",
                    content.notices.join(" ")
                )
            }
        }),
    });
}
