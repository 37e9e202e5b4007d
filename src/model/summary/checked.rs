//! The summary's "Checked with the child" part: what was read back to the child, and what they
//! answered to "Is that right?" and "Can I share this?" (docs/journal-format.md, "ReadBack").
//! An item the child said is not right stays where it is, marked.

use serde::{Deserialize, Serialize};

use super::{Summary, clock_text};
use crate::model::activity::Activities;
use crate::model::read_back::{CheckAnswer, Question, items};
use crate::model::session::{Event, Recovered};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReadBackRecord {
    /// When the worker started the check (UTC).
    pub started: String,
    /// How many of the child's messages and answers there are to check.
    pub items: usize,
    /// The items asked about, in the order the summary lists them.
    pub checked: Vec<Checked>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Checked {
    /// When the child first answered about it.
    pub at: String,
    pub item: String,
    /// The exact words read back.
    pub read_back: String,
    pub right: Option<CheckAnswer>,
    pub share: Option<CheckAnswer>,
    /// When the child answered about sharing it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub share_at: Option<String>,
}

/// Fills `summary.read_back` from the journal and marks what the child said is not right. An
/// answer about an item since struck out goes with it.
pub(super) fn add_checks(recovered: &Recovered, summary: &mut Summary) {
    let mut started = None;
    let mut answers = Vec::new();
    for line in recovered.kept_lines() {
        match &line.event {
            Event::ReadBackStarted { .. } => {
                started.get_or_insert_with(|| line.at.clone());
            }
            Event::ReadBackAnswer {
                item,
                read_back,
                question,
                answer,
            } => answers.push((line.at.clone(), item, read_back, *question, *answer)),
            _ => {}
        }
    }
    let Some(started) = started.or_else(|| answers.first().map(|a| a.0.clone())) else {
        return;
    };
    let keys: Vec<String> = items(summary, &Activities::default())
        .into_iter()
        .map(|item| item.key)
        .collect();
    let mut checked: Vec<Checked> = Vec::new();
    for (at, item, read_back, question, answer) in answers {
        if !keys.contains(item) {
            continue;
        }
        let index = match checked.iter().position(|c| &c.item == item) {
            Some(index) => index,
            None => {
                checked.push(Checked {
                    at: at.clone(),
                    item: item.clone(),
                    read_back: read_back.clone(),
                    right: None,
                    share: None,
                    share_at: None,
                });
                checked.len() - 1
            }
        };
        match question {
            Question::Right => checked[index].right = Some(answer),
            Question::Share => {
                checked[index].share = Some(answer);
                checked[index].share_at = Some(at);
            }
        }
    }
    checked.sort_by_key(|c| keys.iter().position(|k| k == &c.item));
    let not_right = |key: String| {
        checked
            .iter()
            .any(|c| c.item == key && c.right == Some(CheckAnswer::No))
    };
    use crate::model::read_back::{answer_key, message_key};
    for said in &mut summary.child_messages {
        said.not_right = not_right(message_key(&said.at));
    }
    for feeling in &mut summary.feelings {
        feeling.not_right = not_right(answer_key(&feeling.at));
    }
    for place in &mut summary.body_map {
        place.not_right = not_right(answer_key(&place.at));
    }
    summary.read_back = Some(ReadBackRecord {
        started,
        items: keys.len(),
        checked,
    });
}

/// Put after an item the child said is not right, where the item is listed.
pub const NOT_RIGHT: &str = "  (read back: the child said this is not right)";

/// The lines of the "Checked with the child" section; none when the child said and answered
/// nothing.
pub(super) fn checked_lines(summary: &Summary, zone: &jiff::tz::TimeZone) -> Vec<String> {
    let Some(record) = &summary.read_back else {
        let anything = !items(summary, &Activities::default()).is_empty();
        return if anything {
            vec!["Not read back to the child on the tablet.".to_string()]
        } else {
            Vec::new()
        };
    };
    let count = |question: Question, answer: CheckAnswer| {
        record
            .checked
            .iter()
            .filter(|c| match question {
                Question::Right => c.right == Some(answer),
                Question::Share => c.share == Some(answer),
            })
            .count()
    };
    let mut lines = vec![format!(
        "Read back from {}: {} of {} checked. Right: {} yes, {} no. Share: {} yes, {} no.",
        clock_text(&record.started, zone),
        record.checked.len(),
        record.items,
        count(Question::Right, CheckAnswer::Yes),
        count(Question::Right, CheckAnswer::No),
        count(Question::Share, CheckAnswer::Yes),
        count(Question::Share, CheckAnswer::No),
    )];
    for checked in &record.checked {
        let right = checked.right.map_or("(not answered)", CheckAnswer::words);
        let share = match (checked.share, checked.right) {
            (Some(share), _) => share.words(),
            (None, Some(CheckAnswer::No)) => "not asked (the child said it is not right)",
            (None, _) => "not asked (the check stopped)",
        };
        lines.push(format!(
            "{}  \"{}\"  {} -> {right}.  {} -> {share}.",
            clock_text(&checked.at, zone),
            checked.read_back,
            Question::Right.words(),
            Question::Share.words(),
        ));
    }
    let not_reached: Vec<String> = items(summary, &Activities::default())
        .into_iter()
        .filter(|item| !record.checked.iter().any(|c| c.item == item.key))
        .map(|item| format!("\"{}\"", item.words))
        .collect();
    if !not_reached.is_empty() {
        lines.push(format!(
            "Not read back (the check stopped first): {}.",
            not_reached.join(", ")
        ));
    }
    lines
}
