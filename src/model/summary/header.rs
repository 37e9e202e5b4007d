//! The summary's header (who, when, where, whether the child was seen, the supports the visit
//! really used) and footer (strike-outs, unreadable lines, what happened to the tablet copy),
//! in the words every renderer shares.

use jiff::tz::TimeZone;

use super::{ExportInfo, Summary, clock_text, local};
use crate::model::session::SeenAlone;

pub(super) fn seen_alone_text(seen: &SeenAlone) -> String {
    match seen {
        SeenAlone::Yes => "yes".into(),
        SeenAlone::No { reason } => format!("no ({reason})"),
        SeenAlone::Partly { reason } => format!("partly ({reason})"),
        SeenAlone::NotRecorded => "not recorded".into(),
    }
}

/// What the quotes of the child's messages are: words the tablet spoke, unless it had no sound.
pub(super) fn quotes_note(summary: &Summary) -> &'static str {
    let messages = || summary.child_messages.iter().chain(&summary.together);
    if messages().any(|said| said.silent) {
        "symbols chosen, in order; \"quotes\" are each message's words, spoken by the tablet unless marked \"no sound\""
    } else {
        "symbols chosen, in order; \"quotes\" are the words the tablet spoke"
    }
}

/// The supports the visit used, from what its journal shows happened.
fn supports_text(summary: &Summary) -> String {
    let said = || {
        summary
            .child_messages
            .iter()
            .chain(&summary.together)
            .chain(&summary.modelling)
    };
    let spoken = || said().filter(|s| s.spoken.is_some());
    let mut used: Vec<String> = Vec::new();
    if said().next().is_some() {
        used.push("symbol board".into());
    }
    if spoken().any(|s| !s.silent) {
        used.push("spoken output".into());
    } else if spoken().next().is_some() {
        used.push("no sound (messages shown, not spoken)".into());
    }
    // The child's home language, once, in the order it was first heard.
    let mut languages: Vec<&str> = Vec::new();
    for language in spoken().filter_map(|s| s.home_language.as_deref()) {
        if !languages.contains(&language) {
            languages.push(language);
        }
    }
    used.extend(languages.iter().map(|language| {
        format!(
            "spoken in {} (home language)",
            crate::model::languages::name_of(language)
        )
    }));
    let activities = [
        (!summary.feelings.is_empty(), "feelings scales"),
        (!summary.card_sorts.is_empty(), "card sort"),
        (!summary.body_map.is_empty(), "body map"),
        (!summary.houses.is_empty(), "houses"),
        (
            !summary.modelling.is_empty()
                || !summary.together.is_empty()
                || !summary.modelled_answers.is_empty(),
            "worker modelling",
        ),
    ];
    used.extend(
        activities
            .iter()
            .filter(|(shown, _)| *shown)
            .map(|(_, name)| (*name).to_string()),
    );
    used.extend(
        summary
            .access_used
            .iter()
            .map(|how| how.support().to_string()),
    );
    if summary.read_back.is_some() {
        used.push("read back to the child".into());
    }
    if used.is_empty() {
        "none (the tablet was not used)".to_string()
    } else {
        used.join(", ")
    }
}

/// The parts that were given, joined: an empty purpose leaves no dangling " - ".
fn join_non_empty(parts: &[&str], separator: &str) -> String {
    let given: Vec<&str> = parts
        .iter()
        .map(|part| part.trim())
        .filter(|part| !part.is_empty())
        .collect();
    given.join(separator)
}

fn or_not_recorded(text: &str) -> String {
    if text.trim().is_empty() {
        "not recorded".to_string()
    } else {
        text.to_string()
    }
}

pub(super) fn header_lines(summary: &Summary, zone: &TimeZone) -> Vec<String> {
    let start = local(&summary.started, zone);
    let end = summary.ended.as_deref().and_then(|e| local(e, zone));
    let date = match (&start, &end) {
        (Some(s), Some(e)) => {
            let minutes = (e.timestamp().as_second() - s.timestamp().as_second() + 30) / 60;
            format!(
                "{}, {}-{} ({minutes} min)",
                s.strftime("%a %-d %b %Y"),
                s.strftime("%H:%M"),
                e.strftime("%H:%M")
            )
        }
        (Some(s), None) => format!(
            "{}, {}- (visit not ended)",
            s.strftime("%a %-d %b %Y"),
            s.strftime("%H:%M")
        ),
        _ => "unknown".to_string(),
    };
    let mut lines = vec![
        format!("Case ref: {}      Date: {date}", summary.case_ref),
        format!(
            "Visit: {}       Present: {}",
            or_not_recorded(&join_non_empty(&[&summary.visit, &summary.purpose], " - ")),
            or_not_recorded(&summary.present.join(", "))
        ),
        format!(
            "Child seen: {}; seen alone: {}          Supports: {}",
            match summary.child_seen {
                Some(true) => "yes",
                Some(false) => "no",
                None => "not recorded",
            },
            seen_alone_text(&summary.seen_alone),
            supports_text(summary)
        ),
    ];
    if !summary.present_changes.is_empty() {
        let changes: Vec<String> = summary
            .present_changes
            .iter()
            .map(|(at, present)| {
                format!(
                    "from {} {}",
                    clock_text(at, zone),
                    or_not_recorded(&present.join(", "))
                )
            })
            .collect();
        lines.push(format!("Who was present changed: {}", changes.join("; ")));
    }
    let usual = &summary.communication;
    if !usual.is_empty() {
        lines.push(format!(
            "Usually communicates: {}; supports usually used: {}",
            or_not_recorded(usual.usual.trim()),
            or_not_recorded(&usual.supports.join(", "))
        ));
    }
    if !summary.recorded_by.is_empty() {
        lines.push(format!("Recorded by: {}", summary.recorded_by));
    }
    lines.push(format!(
        "Recorded with: {APP} {}",
        env!("CARGO_PKG_VERSION")
    ));
    lines
}

const APP: &str = "Hearme";

pub(super) fn footer_lines(
    summary: &Summary,
    export: Option<&ExportInfo>,
    zone: &TimeZone,
) -> Vec<String> {
    let mut lines = Vec::new();
    if summary.redacted > 0 {
        lines.push(format!(
            "{} item(s) struck out (by the worker on review, or undone by the child) and left out.",
            summary.redacted
        ));
    }
    if !summary.skipped_lines.is_empty() {
        let numbers: Vec<String> = summary
            .skipped_lines
            .iter()
            .map(ToString::to_string)
            .collect();
        lines.push(format!(
            "Journal lines that could not be read and are missing here: {}.",
            numbers.join(", ")
        ));
    }
    if let Some(export) = export {
        if !export.trail.is_empty() {
            let trail: Vec<String> = export
                .trail
                .iter()
                .map(|line| format!("{} {}", line.what.word(), clock_text(&line.at, zone)))
                .collect();
            lines.push(format!("On this tablet: {}.", trail.join("; ")));
        }
        let deleted = if export.journal_deleted && export.key_destroyed {
            "Tablet copy deleted on export. Its key was destroyed."
        } else if export.journal_deleted {
            "Tablet copy deleted on export."
        } else {
            "Tablet copy kept."
        };
        // The date too: the footer is the record of when the tablet's copy went.
        lines.push(format!(
            "Exported {}, {}. {deleted}",
            super::date_text(&export.exported_at, zone),
            clock_text(&export.exported_at, zone)
        ));
    }
    lines
}
