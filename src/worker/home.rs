//! The worker area's first page: visits left on the tablet (resume, or review and export), a new
//! visit, and while one is under way the modelling switch, quick notes and End visit. Also the
//! "Modelling" badge on the child's screen, which turns modelling off with one tap.

use bevy::prelude::*;
use bevy::text::EditableText;
use bevy::ui_widgets::observe;

use super::found_visits::{PendingDelete, found_visit_rows};
use super::{FormField, PageRoot, PageTurn, WorkerPage, field_text, new_page};
use crate::Content;
use crate::input::{Activate, Control};
use crate::keys::Keys;
use crate::model::session::Event;
use crate::screen::{NavSlot, fill_nav_slot};
use crate::theme::{
    self, HIGHLIGHT, TEXT, body, button, choice_button, filled_text_field, problem, row,
    text_field, title,
};
use crate::visit::{UnfinishedVisits, Visit};

pub(super) fn plugin(app: &mut App) {
    app.add_systems(PostStartup, spawn_modelling_badge)
        .add_systems(OnEnter(WorkerPage::Home), build_home)
        .add_systems(
            Update,
            (
                build_home.run_if(in_state(WorkerPage::Home).and_then(
                    resource_changed::<Visit>.or_else(resource_changed::<UnfinishedVisits>),
                )),
                show_modelling_badge.run_if(resource_changed::<Visit>),
            ),
        );
}

fn home_action(action: HomeAction) -> impl Bundle {
    (action, observe(press_home_button))
}

#[derive(Component, Clone, Debug, PartialEq, Eq)]
pub enum HomeAction {
    /// Hands the tablet back; the area is locked until the PIN is typed again.
    Close,
    ChangePin,
    Settings,
    Vocabulary,
    Profiles,
    StartVisit,
    ToggleModelling,
    AddNote,
    /// Someone joined or left: the field says who is present now.
    PresentNow,
    /// "Check with the child": the read-back on the child's screen.
    CheckWithChild,
    EndVisit,
    Review,
    /// Record again a visit that was opened for review only.
    ResumeRecording,
}

/// Shown on the child's screen while the worker is modelling; a tap turns modelling off.
#[derive(Component)]
pub struct ModellingBadge;

// A page's builder reads everything the page shows.
#[allow(clippy::too_many_arguments)]
fn build_home(
    mut commands: Commands,
    shown: Query<Entity, With<PageRoot>>,
    visit: Res<Visit>,
    unfinished: Res<UnfinishedVisits>,
    content: Res<Content>,
    keys: Res<Keys>,
    lock: Res<super::lock::WorkerLock>,
    sealing: Res<crate::keys::SealProblems>,
    pending: Res<PendingDelete>,
    library: Res<crate::activity::ActivityLibrary>,
) {
    let slot = new_page(&mut commands, &shown, WorkerPage::Home);
    commands.entity(slot).with_children(|page| {
        page.spawn(title("Worker area"));
        let problems = visit.problems.iter().chain(&unfinished.problems);
        for text in problems.chain(&sealing.0).chain(keys.problem.as_ref()) {
            page.spawn(problem(content.without_label(text)));
        }
        if content.data_dir.is_none() {
            page.spawn(problem(
                "There is no data folder, so visits cannot be saved. Start Hearme with \
                 --data DIR or HEARME_DATA set.",
            ));
        }
        if visit.is_recording() {
            let case_ref = visit.case_ref().unwrap_or("-").to_string();
            let events = visit.lines().len();
            if visit.has_ended() {
                page.spawn(body(format!(
                    "Visit {case_ref} has ended ({events} events). Review it, then export the summary."
                )));
                page.spawn(button(
                    "Review button",
                    "Review and export",
                    home_action(HomeAction::Review),
                ));
            } else if visit.is_review_only() {
                page.spawn(body(format!(
                    "Visit {case_ref} is open for review ({events} events): the board records \
                     nothing until you resume it."
                )));
                page.spawn((
                    row(),
                    children![
                        button(
                            "Review button",
                            "Review and export",
                            home_action(HomeAction::Review),
                        ),
                        button(
                            "Resume recording button",
                            "Resume recording",
                            home_action(HomeAction::ResumeRecording),
                        ),
                    ],
                ));
            } else {
                page.spawn(body(format!(
                    "Visit {case_ref} is being recorded: {events} events so far."
                )));
                page.spawn(row()).with_children(|line| {
                    line.spawn(choice_button(
                        "Modelling switch",
                        if visit.modelling { "Modelling on" } else { "Modelling off" },
                        visit.modelling,
                        home_action(HomeAction::ToggleModelling),
                    ));
                    line.spawn(body(if visit.modelling {
                        "On: your taps are recorded as the worker's, apart from the child's words."
                    } else {
                        "Off: every tap is recorded as the child's."
                    }));
                });
                page.spawn(body("Quick note (what you see; the child's words come from the board):"));
                page.spawn(row()).with_children(|line| {
                    line.spawn(text_field("Note field", FormField::Note, 760.0));
                    line.spawn(button(
                        "Add note button",
                        "Add note",
                        home_action(HomeAction::AddNote),
                    ));
                });
                // Always a line, so End visit does not move when a note is added.
                let added = last_note(&visit).unwrap_or_else(|| "No note added yet.".into());
                page.spawn((Name::new("Note added"), body(added)));
                page.spawn(row()).with_children(|line| {
                    line.spawn(body("Present now:"));
                    let present = visit.present().join(", ");
                    line.spawn(filled_text_field(
                        "Present now field",
                        FormField::PresentNow,
                        560.0,
                        &present,
                    ));
                    line.spawn(button(
                        "Present now button",
                        "Someone joined or left",
                        home_action(HomeAction::PresentNow),
                    ));
                });
                let to_check = crate::activity::read_back_items(&visit, &library).len();
                page.spawn(row()).with_children(|line| {
                    line.spawn(button(
                        "Check with the child button",
                        "Check with the child",
                        home_action(HomeAction::CheckWithChild),
                    ));
                    line.spawn(body(match to_check {
                        0 => "Nothing from the child to read back yet.".to_string(),
                        n => format!(
                            "Reads the child's {n} messages and answers back to them, and asks \
                             if each is right and can be shared."
                        ),
                    }));
                });
                page.spawn(button(
                    "End visit button",
                    "End visit and review",
                    home_action(HomeAction::EndVisit),
                ));
            }
        } else {
            if !unfinished.found.is_empty() {
                page.spawn(body("Visits on this tablet, not yet exported:"));
            }
            found_visit_rows(page, &unfinished, &pending, &lock.settings);
            page.spawn(button(
                "Start visit button",
                "Start a visit",
                home_action(HomeAction::StartVisit),
            ));
        }
        page.spawn(row()).with_children(|line| {
            for (name, word, action) in [
                ("Back to board button", "Lock and hand back", HomeAction::Close),
                ("Change PIN button", "Change PIN", HomeAction::ChangePin),
                ("Settings button", "Settings", HomeAction::Settings),
                ("Vocabulary button", "Vocabulary", HomeAction::Vocabulary),
                ("Profiles button", "Profiles", HomeAction::Profiles),
            ] {
                line.spawn(button(name, word, home_action(action)));
            }
        });
        page.spawn((
            Name::new("Profile in use"),
            body(if content.profile == crate::model::profile::DEFAULT_PROFILE {
                "The child's screens show the built-in boards (no profile).".to_string()
            } else {
                format!("The child's screens show profile {}.", content.profile)
            }),
        ));
    });
}

fn press_home_button(
    activate: On<Activate>,
    actions: Query<&HomeAction>,
    fields: Query<(&FormField, &EditableText)>,
    mut turn: PageTurn,
    mut visit: ResMut<Visit>,
    (library, mut activity, mut say): (
        Res<crate::activity::ActivityLibrary>,
        ResMut<crate::activity::ActivityScreen>,
        MessageWriter<crate::voice::SayText>,
    ),
) {
    let Ok(action) = actions.get(activate.entity) else {
        return;
    };
    match action {
        HomeAction::Close => turn.close(),
        HomeAction::StartVisit => turn.show(WorkerPage::Start),
        HomeAction::ChangePin => turn.show(WorkerPage::NewPin),
        HomeAction::Settings => turn.show(WorkerPage::Settings),
        HomeAction::Vocabulary => turn.show(WorkerPage::Editor),
        HomeAction::Profiles => turn.show(WorkerPage::Profiles),
        HomeAction::ToggleModelling => visit.modelling = !visit.modelling,
        HomeAction::AddNote => {
            let text = field_text(&fields, FormField::Note);
            // An empty note still clears the field: the page rebuilds.
            if text.is_empty() {
                visit.set_changed();
            } else {
                visit.record(Event::WorkerNote { text });
            }
        }
        HomeAction::PresentNow => {
            let present: Vec<String> = field_text(&fields, FormField::PresentNow)
                .split(',')
                .map(|name| name.trim().to_string())
                .filter(|name| !name.is_empty())
                .collect();
            if present != visit.present() {
                visit.record(Event::PresentChanged { present });
            }
        }
        HomeAction::CheckWithChild => {
            if crate::activity::start_read_back(&mut visit, &library, &mut activity, &mut say) {
                turn.close();
            }
        }
        HomeAction::EndVisit => {
            visit.modelling = false;
            visit.record(Event::VisitEnded);
            turn.show(WorkerPage::Review);
        }
        HomeAction::Review => turn.show(WorkerPage::Review),
        HomeAction::ResumeRecording => {
            visit.resume_recording();
            turn.close();
        }
    }
}

fn spawn_modelling_badge(mut commands: Commands, slots: Query<(Entity, &NavSlot)>) {
    fill_nav_slot(&mut commands, &slots, NavSlot::Modelling, modelling_badge());
}

fn modelling_badge() -> impl Bundle {
    (
        Name::new("Modelling badge"),
        ModellingBadge,
        Button,
        Control,
        observe(stop_modelling),
        Node {
            display: Display::None,
            min_height: px(theme::CHILD_TARGET_PX),
            padding: UiRect::all(px(6.0)),
            justify_content: JustifyContent::Center,
            align_items: AlignItems::Center,
            border: UiRect::all(px(3.0)),
            border_radius: BorderRadius::all(px(12.0)),
            ..default()
        },
        BackgroundColor(HIGHLIGHT),
        BorderColor::all(TEXT),
        children![theme::label("Modelling\n(tap to stop)", 16.0, TEXT)],
    )
}

fn show_modelling_badge(visit: Res<Visit>, mut badge: Query<&mut Node, With<ModellingBadge>>) {
    for mut node in &mut badge {
        let wanted = if visit.modelling {
            Display::Flex
        } else {
            Display::None
        };
        if node.display != wanted {
            node.display = wanted;
        }
    }
}

/// Anyone can turn modelling off from the child's screen; only the worker area turns it on.
fn stop_modelling(_: On<Activate>, mut visit: ResMut<Visit>) {
    visit.modelling = false;
}

/// "Note added at 14:25: ...", while the visit's latest event is a note, so the worker sees it
/// was kept.
fn last_note(visit: &Visit) -> Option<String> {
    let line = visit.lines().last()?;
    let Event::WorkerNote { text } = &line.event else {
        return None;
    };
    let shown: String = text.chars().take(60).collect();
    let more = if text.chars().count() > 60 { "..." } else { "" };
    let at = crate::model::summary::clock_text(&line.at, &jiff::tz::TimeZone::system());
    Some(format!("Note added at {at}: \"{shown}{more}\""))
}
