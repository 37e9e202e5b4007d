//! The worker's part of the record, from the review page (docs/journal-format.md,
//! `WorkerRecord`): observations, analysis, what the child was told, next steps and the visit's
//! limits, one part at a time, with quick-pick phrases and typing. Each entry is a journal
//! event; the review's timeline strikes one out like any other.

use bevy::prelude::*;
use bevy::text::EditableText;
use bevy::ui_widgets::observe;

use super::{FormField, PageRoot, PageTurn, WorkerPage, field_text, new_page};
use crate::input::Activate;
use crate::model::record::RecordPart;
use crate::model::session::{Event, redacted_in};
use crate::theme::{body, button, chip_button, choice_button, row, text_field, title};
use crate::visit::Visit;

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<ChosenPart>()
        .add_systems(OnEnter(WorkerPage::Record), build_page)
        .add_systems(
            Update,
            build_page.run_if(
                in_state(WorkerPage::Record)
                    .and_then(resource_changed::<Visit>.or_else(resource_changed::<ChosenPart>)),
            ),
        );
}

#[derive(Resource, Debug, Clone, Copy)]
struct ChosenPart(RecordPart);

impl Default for ChosenPart {
    fn default() -> Self {
        ChosenPart(RecordPart::Observation)
    }
}

#[derive(Component, Debug, Clone, PartialEq, Eq)]
enum Action {
    Part(RecordPart),
    Phrase(&'static str),
    Add,
    Back,
}

/// Entries of the chosen part shown on the page (the latest); the summary has them all.
const SHOWN_ENTRIES: usize = 6;

fn act(action: Action) -> impl Bundle {
    (action, observe(press))
}

fn build_page(
    mut commands: Commands,
    shown: Query<Entity, With<PageRoot>>,
    visit: Res<Visit>,
    chosen: Res<ChosenPart>,
) {
    let page = new_page(&mut commands, &shown, WorkerPage::Record);
    let part = chosen.0;
    let struck = redacted_in(visit.lines());
    let entries: Vec<String> = visit
        .lines()
        .iter()
        .filter(|l| !struck.contains(&l.seq))
        .filter_map(|l| match &l.event {
            Event::WorkerRecord { part: of, text } if *of == part => Some(text.clone()),
            _ => None,
        })
        .collect();
    let case_ref = visit.case_ref().unwrap_or("-").to_string();
    commands.entity(page).with_children(|page| {
        page.spawn(title(format!("Your part of the record: visit {case_ref}")));
        page.spawn(row()).with_children(|line| {
            for each in RecordPart::ALL {
                let name = format!("Record part {}", each.name());
                line.spawn(choice_button(
                    name,
                    each.name(),
                    each == part,
                    act(Action::Part(each)),
                ));
            }
        });
        page.spawn(body(part.guidance()));
        page.spawn(row()).with_children(|line| {
            for phrase in part.phrases() {
                let name = format!("Phrase {phrase}");
                line.spawn(chip_button(
                    name,
                    *phrase,
                    false,
                    act(Action::Phrase(phrase)),
                ));
            }
        });
        page.spawn(row()).with_children(|line| {
            line.spawn(text_field("Record field", FormField::Record, 700.0));
            line.spawn(button("Add to record button", "Add", act(Action::Add)));
        });
        page.spawn((
            Name::new("Record entries"),
            Node {
                flex_direction: FlexDirection::Column,
                ..default()
            },
        ))
        .with_children(|list| {
            if entries.is_empty() {
                list.spawn(body("Nothing in this part yet."));
            }
            let hidden = entries.len().saturating_sub(SHOWN_ENTRIES);
            if hidden > 0 {
                list.spawn(body(format!("… {hidden} earlier (all are in the summary)")));
            }
            for entry in entries.iter().skip(hidden) {
                list.spawn(body(format!("• {entry}")));
            }
        });
        page.spawn(button(
            "Record back button",
            "Back to the review",
            act(Action::Back),
        ));
    });
}

fn press(
    activate: On<Activate>,
    actions: Query<&Action>,
    fields: Query<(&FormField, &EditableText)>,
    mut visit: ResMut<Visit>,
    mut chosen: ResMut<ChosenPart>,
    mut turn: PageTurn,
) {
    let Ok(action) = actions.get(activate.entity) else {
        return;
    };
    let part = chosen.0;
    match action {
        Action::Part(each) => chosen.0 = *each,
        Action::Phrase(phrase) => {
            visit.record(Event::WorkerRecord {
                part,
                text: phrase.to_string(),
            });
        }
        Action::Add => {
            let typed = field_text(&fields, FormField::Record);
            if !typed.is_empty() {
                visit.record(Event::WorkerRecord { part, text: typed });
            }
        }
        Action::Back => turn.show(WorkerPage::Review),
    }
}
