//! The worker area's first page: visits left on the tablet (resume, or review and export), a new
//! visit, and while one is under way the modelling switch, quick notes and End visit. Also the
//! "Modelling" badge on the child's screen, which turns modelling off with one tap.

use bevy::prelude::*;
use bevy::text::EditableText;

use super::{
    FormField, PageSlot, PageSystems, WorkerArea, WorkerPage, action_button, body, choice_button,
    field_text, page_to_build, problem, row, text_field, title,
};
use crate::Content;
use crate::model::session::{Event, read_journal};
use crate::model::summary::clock_text;
use crate::screen::NavStrip;
use crate::theme::{self, HIGHLIGHT, TEXT};
use crate::visit::{UnfinishedVisits, Visit};

pub(super) fn plugin(app: &mut App) {
    app.add_systems(PostStartup, spawn_modelling_badge)
        .add_systems(
            Update,
            (
                build_home
                    .in_set(PageSystems)
                    .run_if(resource_changed::<WorkerArea>),
                show_modelling_badge.run_if(resource_changed::<Visit>),
            ),
        )
        .add_observer(press_home_button)
        .add_observer(press_modelling_badge);
}

#[derive(Component, Clone, Debug, PartialEq, Eq)]
pub enum HomeAction {
    Close,
    StartVisit,
    /// Carry on recording a visit found on the tablet (by its place in the list).
    Resume(usize),
    /// Open a visit found on the tablet straight in review, to export it.
    ReviewFound(usize),
    ToggleModelling,
    AddNote,
    EndVisit,
    Review,
}

/// Shown on the child's screen while the worker is modelling; a tap turns modelling off.
#[derive(Component)]
pub struct ModellingBadge;

fn build_home(
    mut commands: Commands,
    area: Res<WorkerArea>,
    slot: Query<Entity, With<PageSlot>>,
    visit: Res<Visit>,
    unfinished: Res<UnfinishedVisits>,
    content: Res<Content>,
) {
    let Some(slot) = page_to_build(&mut commands, &area, WorkerPage::Home, &slot) else {
        return;
    };
    let zone = jiff::tz::TimeZone::system();
    commands.entity(slot).with_children(|page| {
        page.spawn(title("Worker area"));
        for text in &visit.problems {
            page.spawn(problem(text.clone()));
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
                page.spawn(action_button(
                    "Review button",
                    "Review and export",
                    HomeAction::Review,
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
                        HomeAction::ToggleModelling,
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
                    line.spawn(action_button(
                        "Add note button",
                        "Add note",
                        HomeAction::AddNote,
                    ));
                });
                page.spawn(action_button(
                    "End visit button",
                    "End visit and review",
                    HomeAction::EndVisit,
                ));
            }
        } else {
            if !unfinished.found.is_empty() {
                page.spawn(body("Visits on this tablet, not yet exported:"));
            }
            for (index, found) in unfinished.found.iter().enumerate() {
                let state = match (found.ended, found.skipped.len()) {
                    (_, n) if n > 0 => format!("damaged: {n} line(s) could not be read"),
                    (true, _) => "ended".to_string(),
                    (false, _) => "not ended".to_string(),
                };
                let started = format!(
                    "{} {}",
                    crate::model::summary::date_text(&found.started, &zone),
                    clock_text(&found.started, &zone)
                );
                page.spawn(row()).with_children(|line| {
                    line.spawn(body(format!(
                        "{}, started {started}, {} events, {state}",
                        found.case_ref, found.events
                    )));
                    if !found.ended {
                        line.spawn(action_button(
                            format!("Resume visit {index}"),
                            "Resume",
                            HomeAction::Resume(index),
                        ));
                    }
                    line.spawn(action_button(
                        format!("Review visit {index}"),
                        "Review and export",
                        HomeAction::ReviewFound(index),
                    ));
                });
            }
            page.spawn(action_button(
                "Start visit button",
                "Start a visit",
                HomeAction::StartVisit,
            ));
        }
        page.spawn(action_button(
            "Back to board button",
            "Back to the board",
            HomeAction::Close,
        ));
    });
}

fn press_home_button(
    click: On<Pointer<Click>>,
    actions: Query<&HomeAction>,
    fields: Query<(&FormField, &EditableText)>,
    mut area: ResMut<WorkerArea>,
    mut visit: ResMut<Visit>,
    mut unfinished: ResMut<UnfinishedVisits>,
) {
    let Ok(action) = actions.get(click.entity) else {
        return;
    };
    match action {
        HomeAction::Close => area.open = false,
        HomeAction::StartVisit => area.show(WorkerPage::Start),
        HomeAction::Resume(index) | HomeAction::ReviewFound(index) => {
            let Some(found) = unfinished.found.get(*index) else {
                return;
            };
            let resumed = read_journal(&found.path)
                .map_err(|e| e.to_string())
                .and_then(|recovered| {
                    visit.resume(recovered).map_err(|e| {
                        format!(
                            "{}: the visit could not be reopened: {e}",
                            found.path.display()
                        )
                    })
                });
            match resumed {
                Ok(()) => {
                    unfinished.found.remove(*index);
                    if *action == HomeAction::ReviewFound(*index) {
                        area.show(WorkerPage::Review);
                    } else {
                        area.open = false;
                    }
                }
                Err(text) => {
                    visit.problems.push(text);
                    area.set_changed();
                }
            }
        }
        HomeAction::ToggleModelling => {
            visit.modelling = !visit.modelling;
            area.set_changed();
        }
        HomeAction::AddNote => {
            let text = field_text(&fields, FormField::Note);
            if !text.is_empty() {
                visit.record(Event::WorkerNote { text });
            }
            area.set_changed();
        }
        HomeAction::EndVisit => {
            visit.modelling = false;
            visit.record(Event::VisitEnded);
            area.show(WorkerPage::Review);
        }
        HomeAction::Review => area.show(WorkerPage::Review),
    }
}

fn spawn_modelling_badge(mut commands: Commands, strip: Query<Entity, With<NavStrip>>) {
    let Ok(strip) = strip.single() else { return };
    commands.entity(strip).with_child((
        Name::new("Modelling badge"),
        ModellingBadge,
        Button,
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
    ));
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

fn press_modelling_badge(
    click: On<Pointer<Click>>,
    badge: Query<(), With<ModellingBadge>>,
    mut visit: ResMut<Visit>,
) {
    if badge.contains(click.entity) {
        visit.modelling = false;
    }
}
