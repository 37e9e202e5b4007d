//! The review page: the visit's timeline a few items at a time, where the worker marks what the
//! child said as prompted or spontaneous, strikes out mis-taps, adds notes, and exports.

use bevy::prelude::*;
use bevy::text::EditableText;
use bevy::ui_widgets::observe;

use super::{FormField, PageRoot, PageTurn, WorkerPage, field_text, new_page};
use crate::input::Activate;
use crate::model::review::timeline;
use crate::model::session::{Event, Mark};
use crate::model::summary::clock_text;
use crate::theme::{GAP_PX, body, button, choice_button, row, text_field, title};
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

/// Where the review is: the first timeline item shown, and the item the worker asked to strike
/// out, waiting for them to confirm.
#[derive(Resource, Debug, Default)]
pub struct ReviewPosition {
    pub first: usize,
    pub asking: Option<u64>,
}

#[derive(Component, Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReviewAction {
    Mark(u64, Mark),
    /// Asks whether to strike the item out.
    Redact(u64),
    ConfirmRedact(u64),
    KeepItem,
    Restore(u64),
    Earlier,
    Later,
    AddNote,
    Export,
    Back,
}

/// Asks the export page to write the summary of the visit under review.
#[derive(Event, Debug, Clone, Copy)]
pub struct ExportRequested;

fn review_action(action: ReviewAction) -> impl Bundle {
    (action, observe(press_review_button))
}

fn build_review(
    mut commands: Commands,
    shown: Query<Entity, With<PageRoot>>,
    visit: Res<Visit>,
    mut position: ResMut<ReviewPosition>,
) {
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
    commands.entity(slot).with_children(|page| {
        page.spawn(title(format!("Review visit {case_ref}")));
        page.spawn(body(
            "Mark what the child said as prompted or spontaneous, strike out mis-taps, add notes. \
             Then export.",
        ));
        for item in shown {
            page.spawn((
                Name::new(format!("Timeline item {}", item.seq)),
                Node {
                    width: percent(100.0),
                    min_height: px(64.0),
                    flex_direction: FlexDirection::Row,
                    align_items: AlignItems::Center,
                    column_gap: px(GAP_PX * 2.0),
                    ..default()
                },
            ))
            .with_children(|line| {
                line.spawn((
                    Node {
                        width: px(80.0),
                        flex_shrink: 0.0,
                        ..default()
                    },
                    children![body(clock_text(&item.at, &zone))],
                ));
                let text = if item.redacted {
                    format!("Struck out: {}", item.text)
                } else {
                    item.text.clone()
                };
                line.spawn((
                    Node {
                        flex_grow: 1.0,
                        flex_basis: px(0.0),
                        min_width: px(0.0),
                        ..default()
                    },
                    children![body(text)],
                ));
                if item.redacted {
                    line.spawn(button(
                        format!("Bring back {}", item.seq),
                        "Bring back",
                        review_action(ReviewAction::Restore(item.seq)),
                    ));
                    return;
                }
                if asking == Some(item.seq) {
                    // Ask once: a slip would take a child's words out of the summary.
                    line.spawn(body("Strike this out?"));
                    line.spawn(button(
                        format!("Confirm strike out {}", item.seq),
                        "Yes, strike out",
                        review_action(ReviewAction::ConfirmRedact(item.seq)),
                    ));
                    line.spawn(button(
                        format!("Keep {}", item.seq),
                        "No, keep it",
                        review_action(ReviewAction::KeepItem),
                    ));
                    return;
                }
                if item.markable {
                    for (mark, word) in [
                        (Mark::Prompted, "Prompted"),
                        (Mark::Spontaneous, "Spontaneous"),
                    ] {
                        line.spawn(choice_button(
                            format!("{word} {}", item.seq),
                            word,
                            item.mark == Some(mark),
                            review_action(ReviewAction::Mark(item.seq, mark)),
                        ));
                    }
                }
                if item.redactable {
                    line.spawn(button(
                        format!("Strike out {}", item.seq),
                        "Strike out",
                        review_action(ReviewAction::Redact(item.seq)),
                    ));
                }
            });
        }
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
            row(),
            children![
                button(
                    "Earlier button",
                    "Earlier",
                    review_action(ReviewAction::Earlier)
                ),
                button("Later button", "Later", review_action(ReviewAction::Later)),
                body(range),
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
            ],
        ));
        page.spawn((
            row(),
            children![
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
        ReviewAction::Redact(seq) => position.asking = Some(seq),
        ReviewAction::KeepItem => position.asking = None,
        ReviewAction::ConfirmRedact(seq) => {
            position.asking = None;
            visit.record(Event::Redacted {
                seq,
                reason: "struck out on review".into(),
            });
        }
        ReviewAction::Restore(seq) => {
            visit.record(Event::Restored { seq });
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
        ReviewAction::Export => commands.trigger(ExportRequested),
        ReviewAction::Back => turn.show(WorkerPage::Home),
    }
}
