//! A message or a run of taps as the summary shows it (`Said`): the words the child saw, the
//! picture of each, who chose which, and the worker's mark (docs/journal-format.md, "Messages").

use std::collections::HashMap;

use super::Said;
use crate::model::messages::{Group, Whose};
use crate::model::session::{Event, JournalLine, Mark};

/// The word each cell showed, as its first tap recorded it, with that tap's number: a message
/// names its symbols by cell.
pub(super) fn labels_of_cells<'a>(lines: &[&'a JournalLine]) -> HashMap<&'a str, (u64, &'a str)> {
    let mut labels = HashMap::new();
    for line in lines {
        if let Event::SymbolChosen { cell, label, .. } = &line.event {
            labels
                .entry(cell.as_str())
                .or_insert((line.seq, label.as_str()));
        }
    }
    labels
}

/// A message or a run of taps as the summary shows it: the words the child saw, the picture
/// of each, who chose which (when both did), and the worker's mark.
pub(super) fn said(
    group: &Group,
    label_of_cell: &HashMap<&str, (u64, &str)>,
    mark_of: &impl Fn(u64) -> Option<Mark>,
) -> Said {
    let tap_picture = |tap: &JournalLine| match &tap.event {
        Event::SymbolChosen { symbol, .. } => symbol.clone().unwrap_or_default(),
        _ => String::new(),
    };
    let mixed = group.whose() == Whose::Together;
    let chosen_by = if mixed {
        group.chosen_by.clone()
    } else {
        Vec::new()
    };
    match group.message.map(|line| (line, &line.event)) {
        Some((
            line,
            Event::MessageSpoken {
                text,
                symbols,
                pictures,
                silent,
                home_language,
                untranslated,
                ..
            },
        )) => {
            let tap_of = |cell: &str| {
                group.taps.iter().find(|tap| {
                    matches!(&tap.event, Event::SymbolChosen { cell: c, label, .. } if c == cell || label == cell)
                })
            };
            let pictures = if pictures.is_empty() {
                let found: Vec<String> = symbols
                    .iter()
                    .map(|cell| tap_of(cell).map(|tap| tap_picture(tap)).unwrap_or_default())
                    .collect();
                if found.iter().all(String::is_empty) {
                    Vec::new()
                } else {
                    found
                }
            } else {
                pictures.clone()
            };
            Said {
                at: line.at.clone(),
                spoken: Some(text.clone()),
                symbols: symbols
                    .iter()
                    .map(|cell| match label_of_cell.get(cell.as_str()) {
                        // The word of a cell tapped before the message, as the child saw it.
                        Some((seq, label)) if *seq < line.seq => label.to_string(),
                        _ => cell.clone(),
                    })
                    .collect(),
                mark: mark_of(line.seq),
                chosen_by,
                pictures,
                silent: *silent,
                not_right: false,
                home_language: home_language.clone(),
                untranslated: untranslated
                    .iter()
                    .filter_map(|&i| symbols.get(i))
                    .map(|cell| match label_of_cell.get(cell.as_str()) {
                        Some((seq, label)) if *seq < line.seq => label.to_string(),
                        _ => cell.clone(),
                    })
                    .collect(),
            }
        }
        _ => {
            let labels = group.taps.iter().filter_map(|tap| match &tap.event {
                Event::SymbolChosen { label, .. } => Some(label.clone()),
                _ => None,
            });
            let pictures: Vec<String> = group.taps.iter().map(|tap| tap_picture(tap)).collect();
            Said {
                at: group.at().to_string(),
                spoken: None,
                symbols: labels.collect(),
                // A mark on any tap of the run is the run's mark.
                mark: group.taps.iter().rev().find_map(|tap| mark_of(tap.seq)),
                chosen_by,
                pictures: if pictures.iter().all(String::is_empty) {
                    Vec::new()
                } else {
                    pictures
                },
                silent: false,
                not_right: false,
                home_language: None,
                untranslated: Vec::new(),
            }
        }
    }
}
