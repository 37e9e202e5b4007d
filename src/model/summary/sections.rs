//! The summary laid out once: its header, its sections in order with what each lists, and its
//! footer, in the words every renderer shares. Text and Markdown only format this list.

use jiff::tz::TimeZone;

use super::header::quotes_note;
use super::{BodyPlace, CardSort, Feeling, HouseList, Said, Summary, clock_text};
use crate::model::session::{Actor, Mark};

/// Which section, so each renderer can give it its own heading.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// What the child chose that its file marks as a concern; it opens the summary.
    Attention,
    /// The detail says what the quotes are.
    ChildMessages,
    /// Messages the worker and the child made together; the worker's symbols are starred.
    Together,
    Modelling,
    Feelings,
    /// One per card sort; the detail is "activity (column / column)".
    CardSort,
    BodyMap,
    /// One per houses activity; the detail is the activity.
    Houses,
    /// What was read back to the child and what they answered ("Check with the child").
    ReadBack,
    Notes,
    /// One part of the worker's record; the detail is its heading.
    Record,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Section<'a> {
    pub kind: Kind,
    pub detail: Option<String>,
    pub items: Vec<Item<'a>>,
}

/// One entry of a section.
#[derive(Debug, Clone, PartialEq)]
pub enum Item<'a> {
    /// A message or a run of taps.
    Said(&'a Said),
    /// The child said nothing at all.
    NothingFromTheChild,
    /// A worker's note, or an answer the worker modelled, at its time.
    Timed { at: &'a str, text: &'a str },
    /// A line worded in full (a feeling, a place on the body map).
    Line(String),
    /// What changed between check-ins, after the feelings.
    Change(String),
    /// A card-sort column and the cards put in it.
    Column { name: &'a str, entries: String },
    /// A line under a card sort or a houses activity.
    Sub(String),
}

/// The summary's sections in order; a section with nothing to show is left out (except the
/// child's messages, which always show).
pub fn sections<'a>(summary: &'a Summary, zone: &TimeZone) -> Vec<Section<'a>> {
    let section = |kind, items| Section {
        kind,
        detail: None,
        items,
    };
    let mut list = Vec::new();
    if !summary.attention.is_empty() {
        let chosen = summary.attention.iter().map(|note| Item::Timed {
            at: &note.at,
            text: &note.text,
        });
        let procedure = std::iter::once(Item::Line(super::PROCEDURE.to_string()));
        list.push(section(Kind::Attention, chosen.chain(procedure).collect()));
    }
    let mut messages: Vec<Item> = summary.child_messages.iter().map(Item::Said).collect();
    if messages.is_empty() {
        messages.push(Item::NothingFromTheChild);
    }
    list.push(Section {
        kind: Kind::ChildMessages,
        detail: Some(quotes_note(summary).to_string()),
        items: messages,
    });
    if !summary.together.is_empty() {
        let together = summary.together.iter().map(Item::Said).collect();
        list.push(section(Kind::Together, together));
    }
    if !summary.modelling.is_empty() || !summary.modelled_answers.is_empty() {
        let said = summary.modelling.iter().map(Item::Said);
        let answers = summary.modelled_answers.iter().map(|answer| Item::Timed {
            at: &answer.at,
            text: &answer.text,
        });
        list.push(section(Kind::Modelling, said.chain(answers).collect()));
    }
    if !summary.feelings.is_empty() {
        let lines = summary
            .feelings
            .iter()
            .map(|feeling| Item::Line(feeling_line(feeling, zone)));
        let changes = feeling_changes(summary).into_iter().map(Item::Change);
        list.push(section(Kind::Feelings, lines.chain(changes).collect()));
    }
    for sort in &summary.card_sorts {
        let mut items: Vec<Item> = sort
            .columns
            .iter()
            .map(|(name, cards)| Item::Column {
                name,
                entries: cards.join(", "),
            })
            .collect();
        items.extend(declined_cards(sort).map(Item::Sub));
        list.push(Section {
            kind: Kind::CardSort,
            detail: Some(format!(
                "{} ({})",
                sort.activity,
                column_names(sort).join(" / ")
            )),
            items,
        });
    }
    if !summary.body_map.is_empty() {
        let lines = summary
            .body_map
            .iter()
            .map(|place| Item::Line(body_place_line(place, zone)));
        list.push(section(Kind::BodyMap, lines.collect()));
    }
    for houses in &summary.houses {
        list.push(Section {
            kind: Kind::Houses,
            detail: Some(houses.activity.clone()),
            items: house_lines(houses).into_iter().map(Item::Sub).collect(),
        });
    }
    let checked = super::checked::checked_lines(summary, zone);
    if !checked.is_empty() {
        list.push(section(
            Kind::ReadBack,
            checked.into_iter().map(Item::Line).collect(),
        ));
    }
    if !summary.notes.is_empty() {
        let notes = summary.notes.iter().map(|note| Item::Timed {
            at: &note.at,
            text: &note.text,
        });
        list.push(section(Kind::Notes, notes.collect()));
    }
    for part in crate::model::record::RecordPart::ALL {
        let entries: Vec<Item> = summary
            .worker_record
            .iter()
            .filter(|(of, _)| *of == part)
            .map(|(_, entry)| Item::Timed {
                at: &entry.at,
                text: &entry.text,
            })
            .collect();
        if !entries.is_empty() {
            list.push(Section {
                kind: Kind::Record,
                detail: Some(part.heading().to_string()),
                items: entries,
            });
        }
    }
    list
}

fn not_right_text(not_right: bool) -> &'static str {
    if not_right { super::NOT_RIGHT } else { "" }
}

pub(super) fn mark_text(mark: Option<Mark>) -> &'static str {
    match mark {
        Some(Mark::Prompted) => "  (prompted)",
        Some(Mark::Spontaneous) => "  (spontaneous)",
        Some(Mark::Confirmed) => "  (confirmed with the child)",
        None => "",
    }
}

/// The symbols in brackets; in a message made together, the worker's are starred.
pub(super) fn symbols_text(said: &Said) -> String {
    said.symbols
        .iter()
        .enumerate()
        .map(|(position, s)| match said.chosen_by.get(position) {
            Some(Actor::Worker) => format!("[{s}]*"),
            _ => format!("[{s}]"),
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// After a message's symbols: the mark, and "no sound" when the tablet could not say it.
pub(super) fn said_notes(said: &Said) -> String {
    let sound = if said.silent { "  (no sound)" } else { "" };
    format!(
        "{}{sound}{}{}",
        home_language_text(said),
        mark_text(said.mark),
        not_right_text(said.not_right)
    )
}

/// "  (said in Polish)", and which words had no Polish word and were said in English: the app
/// never makes up a translation, so the record says where the child heard the worker's language.
fn home_language_text(said: &Said) -> String {
    let Some(language) = said.home_language.as_deref() else {
        return String::new();
    };
    let name = crate::model::languages::name_of(language);
    let all = said.untranslated.len() == said.symbols.len();
    match (all, said.untranslated.as_slice()) {
        (true, _) => format!("  (no {name} words: said in English)"),
        (false, []) => format!("  (said in {name})"),
        (false, words) => format!(
            "  (said in {name}; no {name} word for {}: said in English)",
            words.join(", ")
        ),
    }
}

fn feeling_line(feeling: &Feeling, zone: &TimeZone) -> String {
    let prompt = prompt_about(&feeling.prompt, feeling.about.as_deref());
    let by = if feeling.by == Actor::Worker {
        "  [worker modelling]"
    } else {
        ""
    };
    if let Some(declined) = feeling.declined {
        return format!(
            "{}  {prompt}  -> declined: {}{by}",
            clock_text(&feeling.at, zone),
            declined.words()
        );
    }
    let answer = feeling
        .options
        .get(feeling.chosen)
        .map(String::as_str)
        .unwrap_or("(answer out of range)");
    format!(
        "{}  {}  -> {} ({} of {}: {}){}{}{}",
        clock_text(&feeling.at, zone),
        prompt,
        answer,
        feeling.chosen.saturating_add(1),
        feeling.options.len(),
        feeling.options.join(", "),
        by,
        mark_text(feeling.mark),
        not_right_text(feeling.not_right)
    )
}

/// The change between the first and last answer on the same scale, in the child's own answers.
fn feeling_changes(summary: &Summary) -> Vec<String> {
    // The child's own answers on a scale (not a set of choices), compared on the same scale
    // about the same thing: "How big is the feeling?" about "worried" apart from about "angry".
    let answered = |f: &&Feeling| f.by == Actor::Child && f.declined.is_none() && !f.unordered;
    let mut scales: Vec<(&str, Option<&str>)> = Vec::new();
    for feeling in summary.feelings.iter().filter(answered) {
        let key = (feeling.scale.as_str(), feeling.about.as_deref());
        if !scales.contains(&key) {
            scales.push(key);
        }
    }
    scales
        .into_iter()
        .filter_map(|(scale, about)| {
            let answers: Vec<&Feeling> = summary
                .feelings
                .iter()
                .filter(answered)
                .filter(|f| f.scale == scale && f.about.as_deref() == about)
                .collect();
            let (first, last) = (answers.first()?, answers.last()?);
            if answers.len() < 2 {
                return None;
            }
            let name = |f: &Feeling| f.options.get(f.chosen).cloned().unwrap_or_default();
            let change = last.chosen as i64 - first.chosen as i64;
            let direction = match change {
                0 => "no change".to_string(),
                c if c > 0 => format!("up {c} point(s)"),
                c => format!("down {} point(s)", -c),
            };
            let about = about.map(|a| format!(" ({a})")).unwrap_or_default();
            Some(format!(
                "Change on \"{}\"{about}: {} -> {} ({direction})",
                first.prompt,
                name(first),
                name(last)
            ))
        })
        .collect()
}

/// The columns offered, or if the journal does not say, the ones used.
fn column_names(sort: &CardSort) -> Vec<&str> {
    if sort.offered.is_empty() {
        sort.columns.iter().map(|(c, _)| c.as_str()).collect()
    } else {
        sort.offered.iter().map(String::as_str).collect()
    }
}

fn declined_cards(sort: &CardSort) -> Option<String> {
    if sort.declined.is_empty() {
        return None;
    }
    let cards: Vec<String> = sort
        .declined
        .iter()
        .map(|(card, how)| format!("{card} ({})", how.words()))
        .collect();
    Some(format!("not answered: {}", cards.join(", ")))
}

fn body_place_line(place: &BodyPlace, zone: &TimeZone) -> String {
    let by = if place.by == Actor::Worker {
        "  [worker modelling]"
    } else {
        ""
    };
    let said = body_place_answer(place).unwrap_or_else(|| "(no place given)".to_string());
    format!(
        "{}  {}  -> {said}{by}{}",
        clock_text(&place.at, zone),
        place.prompt,
        not_right_text(place.not_right)
    )
}

/// Where it hurts and how much, or how the child declined; `None` when no place was given.
pub fn body_place_answer(place: &BodyPlace) -> Option<String> {
    match (&place.region, place.declined) {
        (_, Some(declined)) => Some(format!("declined: {}", declined.words())),
        (Some(region), None) => Some(match &place.how_much {
            Some(how_much) => format!("{region}; how much: {how_much}"),
            None => region.clone(),
        }),
        (None, None) => None,
    }
}

/// A prompt with what it was about: "How big is the feeling? (worried)".
pub fn prompt_about(prompt: &str, about: Option<&str>) -> String {
    match about {
        Some(about) => format!("{prompt} ({about})"),
        None => prompt.to_string(),
    }
}

fn house_lines(list: &HouseList) -> Vec<String> {
    let mut lines: Vec<String> = list
        .houses
        .iter()
        .map(|(house, words)| format!("{house}: {}", words.join(", ")))
        .collect();
    for declined in &list.declined {
        lines.push(format!("declined: {}", declined.words()));
    }
    lines
}
