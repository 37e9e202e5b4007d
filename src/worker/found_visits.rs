//! The visits left on the tablet, on the worker's home page: oldest first, each with the days
//! left before it should be exported, and Resume, Review and export, or Delete (asked once:
//! the key destroyed first, then the journal; docs/data-protection.md, "Deleting").

use bevy::prelude::*;
use bevy::ui_widgets::observe;

use super::{PageTurn, WorkerPage};
use crate::Content;
use crate::input::Activate;
use crate::keys::Keys;
use crate::model::audit::{self, Audited};
use crate::model::session::visit_id;
use crate::model::summary::{clock_text, date_text};
use crate::model::visits::{delete_visit, open_visit};
use crate::model::worker_settings::WorkerSettings;
use crate::theme::{body, button, row};
use crate::visit::{UnfinishedVisits, Visit};

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<PendingDelete>();
}

/// The visit whose Delete was tapped, waiting for the worker to confirm or keep it.
#[derive(Resource, Default, Debug, PartialEq, Eq)]
pub struct PendingDelete(pub Option<usize>);

#[derive(Component, Clone, Copy, Debug, PartialEq, Eq)]
enum FoundAction {
    /// Carry on recording a visit found on the tablet (by its place in the list).
    Resume(usize),
    /// Open a visit found on the tablet straight in review, to export it.
    Review(usize),
    Delete(usize),
    ConfirmDelete(usize),
    Keep,
}

fn found_action(action: FoundAction) -> impl Bundle {
    (action, observe(press_found_button))
}

/// One row a visit, oldest first (journal names start with the start time).
pub(super) fn found_visit_rows(
    page: &mut ChildSpawnerCommands,
    unfinished: &UnfinishedVisits,
    pending: &PendingDelete,
    settings: &WorkerSettings,
) {
    let zone = jiff::tz::TimeZone::system();
    let now = jiff::Timestamp::now();
    for (index, found) in unfinished.found.iter().enumerate() {
        let state = match (found.ended, found.skipped.len()) {
            (_, n) if n > 0 => format!("damaged: {n} line(s) could not be read"),
            (true, _) => "ended".to_string(),
            (false, _) => "not ended".to_string(),
        };
        let started = format!(
            "{} {}",
            date_text(&found.started, &zone),
            clock_text(&found.started, &zone)
        );
        let due = retention_text(&found.started, now, settings.keep_days());
        // The words on a line of their own, so they wrap on an upright tablet.
        page.spawn(body(format!(
            "{}, started {started}, {} events, {state}. {due}",
            found.case_ref, found.events
        )));
        page.spawn(row()).with_children(|line| {
            if pending.0 == Some(index) {
                line.spawn(button(
                    format!("Confirm delete visit {index}"),
                    "Delete for good",
                    found_action(FoundAction::ConfirmDelete(index)),
                ));
                line.spawn(button(
                    format!("Keep visit {index}"),
                    "Keep it",
                    found_action(FoundAction::Keep),
                ));
                return;
            }
            if !found.ended {
                line.spawn(button(
                    format!("Resume visit {index}"),
                    "Resume",
                    found_action(FoundAction::Resume(index)),
                ));
            }
            line.spawn(button(
                format!("Review visit {index}"),
                "Review and export",
                found_action(FoundAction::Review(index)),
            ));
            line.spawn(button(
                format!("Delete visit {index}"),
                "Delete",
                found_action(FoundAction::Delete(index)),
            ));
        });
    }
}

fn press_found_button(
    activate: On<Activate>,
    actions: Query<&FoundAction>,
    mut turn: PageTurn,
    mut visit: ResMut<Visit>,
    mut unfinished: ResMut<UnfinishedVisits>,
    mut pending: ResMut<PendingDelete>,
    tablet: (Res<Content>, Res<Keys>),
) {
    let (content, keys) = tablet;
    let Ok(&action) = actions.get(activate.entity) else {
        return;
    };
    let (FoundAction::Resume(index)
    | FoundAction::Review(index)
    | FoundAction::Delete(index)
    | FoundAction::ConfirmDelete(index)) = action
    else {
        pending.0 = None;
        unfinished.set_changed();
        return;
    };
    let Some(found) = unfinished.found.get(index).cloned() else {
        return;
    };
    let Some(ring) = keys.ring() else {
        return;
    };
    let name = visit_id(&found.path);
    let audit_step = |what| {
        if let Some(data_dir) = &content.data_dir {
            let _ = audit::record(data_dir, what, Some(&name));
        }
    };
    match action {
        FoundAction::Delete(_) => {
            pending.0 = Some(index);
            unfinished.set_changed();
            return;
        }
        FoundAction::ConfirmDelete(_) => {
            pending.0 = None;
            let key_file = ring.visit_key_file(&name).ok();
            match delete_visit(key_file.as_deref(), &found.path, &[]) {
                Ok(()) => {
                    audit_step(Audited::Deleted);
                    unfinished.found.remove(index);
                    unfinished.waiting = unfinished.found.len();
                }
                Err(why) => visit.problems.push(why),
            }
            return;
        }
        _ => {}
    }
    let for_review = action == FoundAction::Review(index);
    // A visit is resumed or reviewed with the child's profile it began with, never under
    // another child's (its pictures and vocabulary are that profile's). A visit whose first
    // line is damaged names none, and is still opened, to save what it has.
    if let Some(used) = found.profile.as_deref()
        && used != content.profile
    {
        visit.problems.push(format!(
            "Visit {} was begun with profile {used}: switch to it (Profiles) first.",
            found.case_ref
        ));
        return;
    }
    if !for_review {
        audit_step(Audited::VisitResumed);
    }
    let resumed = open_visit(ring, &found.path).and_then(|opened| {
        let opened = if for_review {
            visit.open_for_review(opened.recovered, opened.seal)
        } else {
            visit.resume(opened.recovered, opened.seal)
        };
        opened.map_err(|e| {
            format!(
                "{}: the visit could not be reopened: {e}",
                found.path.display()
            )
        })
    });
    match resumed {
        Ok(()) => {
            unfinished.found.remove(index);
            unfinished.waiting = unfinished.found.len();
            if for_review {
                turn.show(WorkerPage::Review);
            } else {
                turn.close();
            }
        }
        // The page shows the visit's problems, and rebuilds when they change.
        Err(text) => visit.problems.push(text),
    }
}

/// How long a visit may stay on the tablet before it should be exported, in plain words; the
/// app never deletes it by itself (docs/data-protection.md, "How long").
fn retention_text(started: &str, now: jiff::Timestamp, keep_days: u32) -> String {
    let Ok(started) = started.parse::<jiff::Timestamp>() else {
        return String::new();
    };
    let age_days = now.duration_since(started).as_secs() / 86_400;
    let left = i64::from(keep_days) - age_days;
    match left {
        1.. => format!(
            "Export within {left} day{}.",
            if left == 1 { "" } else { "s" }
        ),
        0 => "Export it today: it reaches the limit of days kept on the tablet.".into(),
        _ => format!(
            "Kept {} day{} past the {keep_days}-day limit: export it, then delete it.",
            -left,
            if left == -1 { "" } else { "s" }
        ),
    }
}
