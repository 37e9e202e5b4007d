//! The visit's timeline as the worker reviews it: each event in plain words, with the mark the
//! worker gave it and whether it was struck out.

use super::session::{Actor, Event, JournalLine, Mark, redacted_in};

#[derive(Debug, Clone, PartialEq)]
pub struct TimelineItem {
    pub seq: u64,
    /// UTC RFC 3339.
    pub at: String,
    pub text: String,
    /// Something the child said or answered on a scale, which the worker can mark prompted or
    /// spontaneous (the summary shows marks on messages, taps and feelings).
    pub markable: bool,
    /// A mis-tap or wrong note can be struck out; the visit's start and end cannot.
    pub redactable: bool,
    pub mark: Option<Mark>,
    pub redacted: bool,
}

/// Every event the worker can see in review, in order; marks and redactions are shown on the
/// events they apply to rather than as items of their own.
pub fn timeline(lines: &[JournalLine]) -> Vec<TimelineItem> {
    let mut items: Vec<TimelineItem> = lines
        .iter()
        .filter_map(|line| {
            let (text, markable, redactable) = describe(&line.event)?;
            Some(TimelineItem {
                seq: line.seq,
                at: line.at.clone(),
                text,
                markable,
                redactable,
                mark: None,
                redacted: false,
            })
        })
        .collect();
    for line in lines {
        let Event::Marked { seq, mark } = line.event else {
            continue;
        };
        if let Some(item) = items.iter_mut().find(|item| item.seq == seq) {
            item.mark = Some(mark);
        }
    }
    let redacted = redacted_in(lines);
    for item in &mut items {
        item.redacted = redacted.contains(&item.seq);
    }
    items
}

fn who(by: Actor) -> &'static str {
    match by {
        Actor::Child => "Child",
        Actor::Worker => "Worker (modelling)",
    }
}

fn describe(event: &Event) -> Option<(String, bool, bool)> {
    Some(match event {
        Event::VisitStarted { case_ref, .. } => (format!("Visit {case_ref} started"), false, false),
        Event::SymbolChosen { label, by, .. } => (
            format!("{}: chose [{label}]", who(*by)),
            *by == Actor::Child,
            true,
        ),
        Event::MessageSpoken { text, by, .. } => (
            format!("{}: \"{text}\"", who(*by)),
            *by == Actor::Child,
            true,
        ),
        Event::ScaleAnswered {
            prompt,
            options,
            chosen,
            by,
            about,
            ..
        } => {
            let answer = options.get(*chosen).map_or("?", String::as_str);
            let prompt = match about {
                Some(about) => format!("{prompt} ({about})"),
                None => prompt.clone(),
            };
            (
                format!("{}: {prompt} -> {answer}", who(*by)),
                *by == Actor::Child,
                true,
            )
        }
        Event::CardPlaced {
            card, column, by, ..
        } => (
            format!("{}: placed '{card}' under '{column}'", who(*by)),
            false,
            true,
        ),
        Event::BodyRegionChosen {
            prompt, region, by, ..
        } => (format!("{}: {prompt} -> {region}", who(*by)), false, true),
        Event::HouseFilled {
            house, word, by, ..
        } => (
            format!("{}: put [{word}] in '{house}'", who(*by)),
            false,
            true,
        ),
        Event::Declined {
            prompt,
            item,
            answer,
            by,
            ..
        } => {
            let about = item.as_ref().map(|i| format!(" ({i})")).unwrap_or_default();
            (
                format!("{}: {prompt}{about} -> {}", who(*by), answer.words()),
                false,
                true,
            )
        }
        Event::WorkerNote { text } => (format!("Note: {text}"), false, true),
        Event::VisitEnded => ("Visit ended".to_string(), false, false),
        Event::Redacted { .. } | Event::Restored { .. } | Event::Marked { .. } => return None,
    })
}
