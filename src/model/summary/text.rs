//! The summary as plain text, for pasting into the case record, section by section.

use std::fmt::Write as _;

use jiff::tz::TimeZone;

use super::header::{footer_lines, header_lines};
use super::sections::{Item, Kind, said_notes, sections, symbols_text};
use super::{ExportInfo, Said, Summary, clock_text};

/// Plain text for pasting into the case record, section by section.
pub fn render_text(summary: &Summary, export: Option<&ExportInfo>, zone: &TimeZone) -> String {
    let mut out = String::from(
        "VISIT SUMMARY - DRAFT, for the worker to check before it goes on the record\n",
    );
    for line in header_lines(summary, zone) {
        let _ = writeln!(out, "{line}");
    }
    for section in sections(summary, zone) {
        let detail = section.detail.as_deref().unwrap_or_default();
        let _ = match section.kind {
            Kind::Attention => {
                writeln!(out, "\nFOR THE WORKER'S ATTENTION (the child chose these)")
            }
            Kind::ChildMessages => writeln!(out, "\nTHE CHILD'S MESSAGES ({detail})"),
            Kind::Together => writeln!(
                out,
                "MESSAGES MADE WITH THE WORKER (not the child's alone; * the worker chose it, modelling)"
            ),
            Kind::Modelling => writeln!(out, "WORKER MODELLING (not the child's words)"),
            Kind::Feelings => writeln!(out, "FEELINGS"),
            Kind::CardSort => writeln!(out, "CARD SORT - {detail}"),
            Kind::BodyMap => writeln!(out, "BODY MAP"),
            Kind::Houses => writeln!(out, "HOUSES - {detail}"),
            Kind::ReadBack => writeln!(out, "CHECKED WITH THE CHILD"),
            Kind::Notes => writeln!(out, "WORKER NOTES"),
            Kind::Record => {
                // The name in capitals, as every heading; what it holds as written.
                let (name, rest) = detail.split_once(" (").unwrap_or((detail, ""));
                let rest = if rest.is_empty() {
                    String::new()
                } else {
                    format!(" ({rest}")
                };
                writeln!(out, "{}{rest}", name.to_uppercase())
            }
        };
        for item in &section.items {
            let _ = writeln!(out, "{}", item_text(item, zone));
        }
    }
    for line in footer_lines(summary, export, zone) {
        let _ = writeln!(out, "{line}");
    }
    out
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
