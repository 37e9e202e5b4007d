//! The summary as plain text, for pasting into the case record, section by section.

use std::fmt::Write as _;

use jiff::tz::TimeZone;

use super::header::{footer_lines, header_lines};
use super::sections::{Item, Kind, said_notes, sections, symbols_text};
use super::{ExportInfo, Said, Summary, clock_text};

/// Plain text for pasting into the case record, section by section.
pub fn render_text(summary: &Summary, export: Option<&ExportInfo>, zone: &TimeZone) -> String {
    let mut out = String::new();
    for part in text_parts(summary, export, zone) {
        let _ = match part {
            TextPart::Heading { text, after_gap } if after_gap => writeln!(out, "\n{text}"),
            TextPart::Title(text)
            | TextPart::Header(text)
            | TextPart::Heading { text, .. }
            | TextPart::Item(text)
            | TextPart::Footer(text) => writeln!(out, "{text}"),
        };
    }
    out
}

/// One line of the text summary, by what it is: the PDF draws each kind its own way and keeps
/// the text exactly as the plain summary has it.
pub(super) enum TextPart {
    Title(String),
    Header(String),
    /// A section's heading; `after_gap`: an empty line before it.
    Heading {
        text: String,
        after_gap: bool,
    },
    Item(String),
    Footer(String),
}

pub(super) fn text_parts(
    summary: &Summary,
    export: Option<&ExportInfo>,
    zone: &TimeZone,
) -> Vec<TextPart> {
    let mut parts = vec![TextPart::Title(
        "VISIT SUMMARY - DRAFT, for the worker to check before it goes on the record".into(),
    )];
    parts.extend(
        header_lines(summary, zone)
            .into_iter()
            .map(TextPart::Header),
    );
    for section in sections(summary, zone) {
        let detail = section.detail.as_deref().unwrap_or_default();
        let gap = |text: String| TextPart::Heading {
            text,
            after_gap: true,
        };
        let within = |text: String| TextPart::Heading {
            text,
            after_gap: false,
        };
        parts.push(match section.kind {
            Kind::Attention => gap("FOR THE WORKER'S ATTENTION (the child chose these)".into()),
            Kind::ChildMessages => gap(format!("THE CHILD'S MESSAGES ({detail})")),
            Kind::Together => within(
                "MESSAGES MADE WITH THE WORKER (not the child's alone; * the worker chose it, modelling)"
                    .into(),
            ),
            Kind::Modelling => within("WORKER MODELLING (not the child's words)".into()),
            Kind::Feelings => within("FEELINGS".into()),
            Kind::CardSort => within(format!("CARD SORT - {detail}")),
            Kind::BodyMap => within("BODY MAP".into()),
            Kind::Houses => within(format!("HOUSES - {detail}")),
            Kind::ReadBack => within("CHECKED WITH THE CHILD".into()),
            Kind::Notes => within("WORKER NOTES".into()),
            Kind::Record => {
                // The name in capitals, as every heading; what it holds as written.
                let (name, rest) = detail.split_once(" (").unwrap_or((detail, ""));
                let rest = if rest.is_empty() {
                    String::new()
                } else {
                    format!(" ({rest}")
                };
                within(format!("{}{rest}", name.to_uppercase()))
            }
        });
        for item in &section.items {
            parts.push(TextPart::Item(item_text(item, zone)));
        }
    }
    parts.extend(
        footer_lines(summary, export, zone)
            .into_iter()
            .map(TextPart::Footer),
    );
    parts
}

fn item_text(item: &Item, zone: &TimeZone) -> String {
    match item {
        Item::Said(said) => said_line(said, zone),
        Item::NothingFromTheChild => "(no messages from the child)".to_string(),
        Item::Timed { at, text } => format!("{}  {text}", clock_text(at, zone)),
        Item::Line(line) | Item::Change(line) => line.clone(),
        Item::Column { name, entries } => format!("  {name}: {entries}"),
        Item::Sub(line) => format!("  {line}"),
    }
}

fn said_line(said: &Said, zone: &TimeZone) -> String {
    let words = match &said.spoken {
        Some(text) => format!("\"{text}\""),
        None => "(tapped, not sent as a message)".to_string(),
    };
    format!(
        "{}  {:<24} {}{}",
        clock_text(&said.at, zone),
        words,
        symbols_text(said),
        said_notes(said)
    )
}
