//! The visit as an Open Board Log (`open-board-log-0.1`, the AAC usage-log format), from the
//! journal itself.

use super::RenderError;
use crate::model::session::{Actor, Event, Recovered};

/// The visit as an Open Board Log (`open-board-log-0.1`, the AAC usage-log format): a `log`
/// session with every tap as a `button` event and every spoken message as an `utterance`
/// (`modeling: true` for the worker's), one `assessment` session per scale or card sort, and
/// the worker's notes as a `note` session. Redacted events are left out.
pub fn render_obl(recovered: &Recovered) -> Result<String, RenderError> {
    use serde_json::{Value, json};
    let lines = &recovered.lines;
    let started = lines.first().map(|l| l.at.clone()).unwrap_or_default();
    let ended = lines
        .iter()
        .rev()
        .find(|l| matches!(l.event, Event::VisitEnded))
        .map(|l| l.at.clone());
    let (case_ref, profile) = lines
        .iter()
        .find_map(|l| match &l.event {
            Event::VisitStarted {
                case_ref, profile, ..
            } => Some((case_ref.clone(), profile.clone())),
            _ => None,
        })
        .unwrap_or_default();

    let mut log_events = Vec::new();
    let mut assessments: Vec<(String, Vec<Value>)> = Vec::new();
    let mut notes = Vec::new();
    for line in recovered.kept_lines() {
        let id = format!("s:{}", line.seq);
        match &line.event {
            Event::SymbolChosen { board, cell, label, by, .. } => log_events.push(json!({
                "id": id, "timestamp": line.at, "type": "button", "button_id": cell, "board_id": board,
                "label": label, "modeling": *by == Actor::Worker,
            })),
            Event::MessageSpoken { text, symbols, by, chosen_by, home_language, untranslated, .. } => {
                let mut event = json!({
                    "id": id, "timestamp": line.at, "type": "utterance", "text": text,
                    "buttons": symbols.iter().enumerate().map(|(i, s)| match chosen_by.get(i) {
                        // Who chose each symbol, when the journal says: a message made together.
                        Some(chooser) => json!({ "label": s, "modeling": *chooser == Actor::Worker }),
                        None => json!({ "label": s }),
                    }).collect::<Vec<_>>(),
                    "modeling": *by == Actor::Worker,
                });
                // Said in the child's home language: which, and the symbols said in the
                // worker's for want of a word (docs/journal-format.md).
                if let Some(language) = home_language {
                    event["locale"] = json!(language);
                    if !untranslated.is_empty() {
                        let words: Vec<&String> = untranslated.iter().filter_map(|&i| symbols.get(i)).collect();
                        event["ext_hearme_said_in_worker_language"] = json!(words);
                    }
                }
                log_events.push(event);
            }
            Event::ScaleAnswered { scale, prompt, options, chosen, by, about, .. } => {
                let mut event = json!({
                    "id": id, "timestamp": line.at, "question": prompt, "options": options,
                    "answer": options.get(*chosen), "modeling": *by == Actor::Worker,
                });
                if let Some(about) = about {
                    event["about"] = json!(about);
                }
                push_assessment(&mut assessments, scale, event);
            }
            Event::CardPlaced { activity, prompt, card, column, by, .. } => {
                let event = json!({
                    "id": id, "timestamp": line.at, "question": prompt, "card": card,
                    "answer": column, "modeling": *by == Actor::Worker,
                });
                push_assessment(&mut assessments, activity, event);
            }
            Event::BodyRegionChosen { activity, prompt, options, region, by } => {
                let event = json!({
                    "id": id, "timestamp": line.at, "question": prompt, "options": options,
                    "answer": region, "modeling": *by == Actor::Worker,
                });
                push_assessment(&mut assessments, activity, event);
            }
            Event::HouseFilled { activity, prompt, house, word, by, .. } => {
                let event = json!({
                    "id": id, "timestamp": line.at, "question": prompt, "house": house,
                    "answer": word, "modeling": *by == Actor::Worker,
                });
                push_assessment(&mut assessments, activity, event);
            }
            Event::Declined { activity, prompt, options, item, answer, by, .. } => {
                let event = json!({
                    "id": id, "timestamp": line.at, "question": prompt, "options": options,
                    "item": item, "declined": answer.words(), "modeling": *by == Actor::Worker,
                });
                push_assessment(&mut assessments, activity, event);
            }
            Event::WorkerNote { text } => notes.push(json!({ "id": id, "timestamp": line.at, "text": text })),
            Event::PresentChanged { present } => notes.push(json!({ "id": id, "timestamp": line.at,
                "text": format!("Present from now: {}", present.join(", ")) })),
            Event::WorkerRecord { part, text } => notes.push(json!({ "id": id, "timestamp": line.at,
                "text": format!("{}: {text}", part.heading()) })),
            Event::VisitStarted { .. } | Event::Redacted { .. } | Event::Restored { .. } | Event::Marked { .. } | Event::Concern { .. }
            | Event::ReadBackStarted { .. } | Event::AccessUsed { .. } | Event::ReadBackAnswer { .. } | Event::VisitEnded => {}
        }
    }
    let mut sessions = vec![json!({
        "id": "log", "type": "log", "started": started, "ended": ended, "events": log_events,
    })];
    // What the child chose that needs the worker's attention, as the summary opens with it.
    let attention: Vec<Value> = super::attention::attention(recovered, &profile)
        .into_iter()
        .map(|note| json!({ "timestamp": note.at, "text": note.text }))
        .collect();
    if !attention.is_empty() {
        sessions.push(json!({ "id": "attention", "type": "note",
            "note_description": "For the worker's attention", "events": attention }));
    }
    if let Some(session) = read_back_session(recovered) {
        sessions.push(session);
    }
    for (name, events) in assessments {
        sessions.push(json!({ "id": name, "type": "assessment", "assessment_description": name, "events": events }));
    }
    if !notes.is_empty() {
        sessions.push(json!({ "id": "notes", "type": "note", "events": notes }));
    }
    let log = json!({
        "format": "open-board-log-0.1",
        "user_id": format!("hearme:{case_ref}"),
        "source": "hearme",
        "locale": "en-GB",
        "profile": profile,
        "anonymized": false,
        "sessions": sessions,
    });
    let mut text = serde_json::to_string_pretty(&log).map_err(|e| RenderError {
        format: "OBL",
        reason: e.to_string(),
    })?;
    text.push('\n');
    Ok(text)
}

/// "Check with the child" as an assessment: each question asked about each item read back,
/// with the child's answer (answers about an item since struck out are left out, as in the
/// summary).
fn read_back_session(recovered: &Recovered) -> Option<serde_json::Value> {
    use crate::model::read_back::Question;
    use serde_json::json;
    let record = super::Summary::from_journal(recovered)?.read_back?;
    let mut events = Vec::new();
    for (n, checked) in record.checked.iter().enumerate() {
        let share_at = checked.share_at.as_ref().unwrap_or(&checked.at);
        for (question, answer, at) in [
            (Question::Right, checked.right, &checked.at),
            (Question::Share, checked.share, share_at),
        ] {
            let Some(answer) = answer else { continue };
            events.push(json!({
                "id": format!("read-back:{n}:{question:?}"), "timestamp": at,
                "question": question.words(), "read_back": checked.read_back,
                "answer": answer.words(), "modeling": false,
            }));
        }
    }
    Some(json!({ "id": "read-back", "type": "assessment",
        "assessment_description": "Checked with the child", "events": events }))
}

fn push_assessment(
    assessments: &mut Vec<(String, Vec<serde_json::Value>)>,
    name: &str,
    event: serde_json::Value,
) {
    match assessments.iter_mut().find(|(n, _)| n == name) {
        Some((_, events)) => events.push(event),
        None => assessments.push((name.to_string(), vec![event])),
    }
}
