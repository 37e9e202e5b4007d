//! The summary as Markdown, for case-record systems that accept it: the same sections as the
//! text, with headings and lists, and every typed word escaped.

use std::fmt::Write as _;

use jiff::tz::TimeZone;

use super::header::{footer_lines, header_lines};
use super::sections::{Item, Kind, said_notes, sections, symbols_text};
use super::{ExportInfo, Summary, clock_text};

/// The same content as Markdown, for case-record systems that accept it.
pub fn render_markdown(summary: &Summary, export: Option<&ExportInfo>, zone: &TimeZone) -> String {
    let mut out = String::from(
        "# Visit summary\n\n*Draft, for the worker to check before it goes on the record.*\n\n",
    );
    for line in header_lines(summary, zone) {
        let _ = writeln!(
            out,
            "- {}",
            md_escape(&line.split_whitespace().collect::<Vec<_>>().join(" "))
        );
    }
    for section in sections(summary, zone) {
        let detail = md_escape(section.detail.as_deref().unwrap_or_default());
        let _ = match section.kind {
            Kind::Attention => writeln!(
                out,
                "\n## For the worker's attention (the child chose these)\n"
            ),
            Kind::ChildMessages => writeln!(out, "\n## The child's messages\n"),
            Kind::Together => writeln!(
                out,
                "\n## Messages made with the worker (not the child's alone; \\* the worker chose it, modelling)\n"
            ),
            Kind::Modelling => writeln!(out, "\n## Worker modelling (not the child's words)\n"),
            Kind::Feelings => writeln!(out, "\n## Feelings\n"),
            Kind::CardSort => writeln!(out, "\n## Card sort: {detail}\n"),
            Kind::BodyMap => writeln!(out, "\n## Body map\n"),
            Kind::Houses => writeln!(out, "\n## Houses: {detail}\n"),
            Kind::ReadBack => writeln!(out, "\n## Checked with the child\n"),
            Kind::Notes => writeln!(out, "\n## Worker notes\n"),
            Kind::Record => writeln!(out, "\n## {detail}\n"),
        };
        for item in &section.items {
            let _ = writeln!(out, "{}", item_markdown(item, zone));
        }
    }
    let footer = footer_lines(summary, export, zone);
    if !footer.is_empty() {
        let _ = writeln!(out);
        for line in footer {
            let _ = writeln!(out, "{}", md_escape(&line));
        }
    }
    out
}

fn item_markdown(item: &Item, zone: &TimeZone) -> String {
    match item {
        Item::Said(said) => {
            let words = match &said.spoken {
                Some(text) => format!("“{}”", md_escape(text)),
                None => "*(tapped, not sent as a message)*".to_string(),
            };
            format!(
                "- {} {} {}{}",
                clock_text(&said.at, zone),
                words,
                md_escape(&symbols_text(said)),
                md_escape(&said_notes(said))
            )
        }
        Item::NothingFromTheChild => "No messages from the child.".to_string(),
        Item::Timed { at, text } => format!("- {} {}", clock_text(at, zone), md_escape(text)),
        Item::Line(line) | Item::Sub(line) => format!("- {}", md_escape(line)),
        Item::Change(change) => format!("\n{}", md_escape(change)),
        Item::Column { name, entries } => {
            format!("- **{}**: {}", md_escape(name), md_escape(entries))
        }
    }
}

fn md_escape(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len());
    for c in text.chars() {
        if "\\`*_[]<>|".contains(c) {
            escaped.push('\\');
        }
        escaped.push(c);
    }
    escaped
}
