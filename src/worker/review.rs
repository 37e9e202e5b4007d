//! The review page: the visit's timeline a few items at a time, where the worker marks what the
//! child said as prompted or spontaneous, strikes out mis-taps, adds notes, and exports.

use bevy::prelude::*;
use bevy::text::EditableText;
use bevy::ui_widgets::observe;
use bevy::window::PrimaryWindow;

use super::review_item::{NARROW_BELOW_PX, NARROW_ROW_PX, ROW_PX, item_contents, item_row};
use super::{FormField, PageRoot, PageTurn, WorkerPage, field_text, new_page};
use crate::input::Activate;
use crate::model::review::timeline;
use crate::model::session::{Event, JournalLine, Mark, redacted_in};
use crate::model::summary::clock_text;
use crate::theme::{body, button, row, text_field, title};
use crate::visit::Visit;

/// Timeline items on screen at once, so each has room for its buttons on a tablet.
pub const ITEMS_PER_PAGE: usize = 5;

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<ReviewPosition>()
        .add_systems(OnEnter(WorkerPage::Review), build_review)
        .add_systems(
            Update,
            build_review.run_if(
                in_state(WorkerPage::Review).and_then(
                    resource_changed::<Visit>.or_else(resource_changed::<ReviewPosition>),
                ),
            ),
        );
}

/// Where the review is: the first timeline item shown, and what the worker asked to strike
/// out, waiting for them to confirm.
#[derive(Resource, Debug, Default)]
pub struct ReviewPosition {
    pub first: usize,
    pub asking: Option<Asking>,
}

/// What a strike-out waiting for confirmation would take out.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Asking {
    /// A whole item: a message with its taps, a run of taps, an answer, a note.
    Item(u64),
    /// One tap of a run.
    Tap(u64),
}

#[derive(Component, Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReviewAction {
    Mark(u64, Mark),
    /// Asks whether to strike out the item, or one tap of it.
    Redact(Asking),
    ConfirmRedact(Asking),
    KeepItem,
    Restore(Asking),
    Earlier,
    Later,
    AddNote,
    /// The worker's part of the record: observations, analysis, next steps, ...
    Record,
    Export,
    Back,
}

/// Asks the export page to write the summary of the visit under review.
#[derive(Event, Debug, Clone, Copy)]
pub struct ExportRequested;

pub(super) fn review_action(action: ReviewAction) -> impl Bundle {
    (action, observe(press_review_button))
}

fn build_review(
    mut commands: Commands,
    shown: Query<Entity, With<PageRoot>>,
    visit: Res<Visit>,
    mut position: ResMut<ReviewPosition>,
    window: Query<&Window, With<PrimaryWindow>>,
) {
    // A tablet held upright has no room for an item's words and buttons side by side.
    let narrow = window.single().is_ok_and(|w| w.width() < NARROW_BELOW_PX);
    let row_px = if narrow { NARROW_ROW_PX } else { ROW_PX };
    let slot = new_page(&mut commands, &shown, WorkerPage::Review);
    let zone = jiff::tz::TimeZone::system();
    let items = timeline(visit.lines());
    let last_page_start = items.len().saturating_sub(1) / ITEMS_PER_PAGE * ITEMS_PER_PAGE;
    if position.first > last_page_start {
        // Not a change of what to show: the page is being built for this position now.
        position.bypass_change_detection().first = last_page_start;
    }
    let first = position.first;
    let asking = position.asking;
    let shown = &items[first.min(items.len())..(first + ITEMS_PER_PAGE).min(items.len())];
    let case_ref = visit.case_ref().unwrap_or("-").to_string();
    let when = visit_times(visit.lines(), &zone);
    commands.entity(slot).with_children(|page| {
        page.spawn(title(format!("Review visit {case_ref}")));
        page.spawn(body(format!(
            "{when}. Mark the child's words, strike out mis-taps, add notes, then export."
        )));
        page.spawn((
            Name::new("Timeline"),
            Node {
                width: percent(100.0),
                height: px(row_px * ITEMS_PER_PAGE as f32),
                flex_shrink: 0.0,
                flex_direction: FlexDirection::Column,
                ..default()
            },
        ))
        .with_children(|timeline| {
            for item in shown {
                timeline
                    .spawn(item_row(item, row_px, narrow))
                    .with_children(|line| item_contents(line, item, asking, &zone, narrow));
            }
        });
        let range = if items.is_empty() {
            "Nothing recorded yet.".to_string()
        } else {
            format!(
                "Items {}-{} of {}",
                first + 1,
                first + shown.len(),
                items.len()
            )
        };
        page.spawn((
            Node {
                width: percent(100.0),
                ..row()
            },
            children![
                button(
                    "Earlier button",
                    "Earlier",
                    review_action(ReviewAction::Earlier)
                ),
                button("Later button", "Later", review_action(ReviewAction::Later)),
                (
                    Node {
                        flex_grow: 1.0,
                        ..default()
                    },
                    children![body(range)],
                ),
                button(
                    "Export button",
                    "Export summary",
                    review_action(ReviewAction::Export)
                ),
                button(
                    "Back from review button",
                    "Back",
                    review_action(ReviewAction::Back)
                ),
            ],
        ));
        page.spawn((
            row(),
            children![
                text_field("Note field", FormField::Note, 760.0),
                button(
                    "Add note button",
                    "Add note",
                    review_action(ReviewAction::AddNote)
                ),
                button(
                    "Your record button",
                    "Your record…",
                    review_action(ReviewAction::Record)
                ),
            ],
        ));
    });
}

fn press_review_button(
    activate: On<Activate>,
    actions: Query<&ReviewAction>,
    fields: Query<(&FormField, &EditableText)>,
    mut commands: Commands,
    mut turn: PageTurn,
    mut visit: ResMut<Visit>,
    mut position: ResMut<ReviewPosition>,
) {
    let Ok(action) = actions.get(activate.entity) else {
        return;
    };
    match *action {
        ReviewAction::Mark(seq, mark) => {
            visit.record(Event::Marked { seq, mark });
        }
        ReviewAction::Redact(what) => position.asking = Some(what),
        ReviewAction::KeepItem => position.asking = None,
        ReviewAction::ConfirmRedact(what) => {
            position.asking = None;
            for seq in events_of(&visit, what, false) {
                visit.record(Event::Redacted {
                    seq,
                    reason: "struck out on review".into(),
                });
            }
        }
        ReviewAction::Restore(what) => {
            for seq in events_of(&visit, what, true) {
                visit.record(Event::Restored { seq });
            }
        }
        ReviewAction::Earlier => position.first = position.first.saturating_sub(ITEMS_PER_PAGE),
        ReviewAction::Later => position.first += ITEMS_PER_PAGE,
        ReviewAction::AddNote => {
            let text = field_text(&fields, FormField::Note);
            if !text.is_empty() {
                visit.record(Event::WorkerNote { text });
                // Show the page the new note is on.
                position.first = usize::MAX;
            }
        }
        ReviewAction::Record => turn.show(WorkerPage::Record),
        ReviewAction::Export => commands.trigger(ExportRequested),
        ReviewAction::Back => turn.show(WorkerPage::Home),
    }
}

/// The events a strike-out (or bringing back, when `struck`) of `what` applies to: a whole
/// item's events that are not in that state yet, or the one tap.
fn events_of(visit: &Visit, what: Asking, struck: bool) -> Vec<u64> {
    match what {
        Asking::Tap(seq) => vec![seq],
        Asking::Item(seq) => {
            let redacted = redacted_in(visit.lines());
            timeline(visit.lines())
                .into_iter()
                .find(|item| item.seq == seq)
                .map(|item| item.covers)
                .unwrap_or_default()
                .into_iter()
                .filter(|seq| redacted.contains(seq) == struck)
                .collect()
        }
    }
}

/// "Started 14:02, ended 14:47", from the visit's first and last lines.
fn visit_times(lines: &[JournalLine], zone: &jiff::tz::TimeZone) -> String {
    let started = lines.iter().find_map(|line| match line.event {
        Event::VisitStarted { .. } => Some(clock_text(&line.at, zone)),
        _ => None,
    });
    let ended = lines.iter().find_map(|line| match line.event {
        Event::VisitEnded => Some(clock_text(&line.at, zone)),
        _ => None,
    });
    match (started, ended) {
        (Some(started), Some(ended)) => format!("Started {started}, ended {ended}"),
        (Some(started), None) => format!("Started {started}, not ended yet"),
        _ => "The start of this visit could not be read".to_string(),
    }
}
