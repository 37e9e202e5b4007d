//! The visit summary: built from a journal, rendered as plain text for the case record, as
//! Markdown, and as RON that reads back to the same summary.

use std::fmt::Write as _;

use jiff::tz::TimeZone;
use serde::{Deserialize, Serialize};

use super::session::{
    ActivityKind, Actor, Decline, Event, JournalLine, Mark, Recovered, SeenAlone,
};

pub const SUMMARY_VERSION: u32 = 1;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Summary {
    pub v: u32,
    pub case_ref: String,
    pub visit: String,
    pub purpose: String,
    pub present: Vec<String>,
    pub seen_alone: SeenAlone,
    pub profile: String,
    /// UTC, RFC 3339, as in the journal.
    pub started: String,
    pub ended: Option<String>,
    /// What the child said: spoken messages, and symbols tapped but never sent as a message.
    pub child_messages: Vec<Said>,
    /// The worker's own taps (modelling), kept apart from the child's words.
    pub modelling: Vec<Said>,
    pub feelings: Vec<Feeling>,
    pub card_sorts: Vec<CardSort>,
    /// Activity answers the worker gave while modelling (card placements, houses, body map,
    /// declines), kept apart from the child's.
    #[serde(default)]
    pub modelled_answers: Vec<Note>,
    /// Places on the body map, each with how much it hurts.
    #[serde(default)]
    pub body_map: Vec<BodyPlace>,
    #[serde(default)]
    pub houses: Vec<HouseList>,
    pub notes: Vec<Note>,
    /// How many events the worker redacted (they are left out of every section).
    pub redacted: usize,
    /// Journal lines that could not be read (torn or corrupt), by line number.
    pub skipped_lines: Vec<usize>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Said {
    pub at: String,
    /// The words the tablet spoke; `None` when the symbols were tapped but not spoken as one.
    pub spoken: Option<String>,
    pub symbols: Vec<String>,
    pub mark: Option<Mark>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Feeling {
    pub at: String,
    pub scale: String,
    pub prompt: String,
    pub options: Vec<String>,
    pub chosen: usize,
    pub by: Actor,
    pub mark: Option<Mark>,
    /// What the scale was about (the feeling, the body region), when known.
    #[serde(default)]
    pub about: Option<String>,
    /// The child declined: shown as declined, `chosen` means nothing then.
    #[serde(default)]
    pub declined: Option<Decline>,
    /// A set of choices rather than a scale: no change is worked out.
    #[serde(default)]
    pub unordered: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CardSort {
    pub activity: String,
    /// Columns in the order the child first used them, each with its cards in order placed.
    pub columns: Vec<(String, Vec<String>)>,
    /// Cards the child declined, with how.
    #[serde(default)]
    pub declined: Vec<(String, Decline)>,
    /// Every column offered, when the journal says (else only the columns used are known).
    #[serde(default)]
    pub offered: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BodyPlace {
    pub at: String,
    pub prompt: String,
    /// `None` when the child declined to say where.
    pub region: Option<String>,
    /// "6 - hurts a lot (4 of 6)", "declined: I don't know", or `None` if not asked.
    pub how_much: Option<String>,
    pub declined: Option<Decline>,
    pub by: Actor,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct HouseList {
    pub activity: String,
    /// Each house with the words put in it, in order.
    pub houses: Vec<(String, Vec<String>)>,
    pub declined: Vec<Decline>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Note {
    pub at: String,
    pub text: String,
}

impl Summary {
    /// Builds the summary of a recovered journal. Redacted events are left out; marks are
    /// attached to the items they mark.
    pub fn from_journal(recovered: &Recovered) -> Option<Summary> {
        let lines = &recovered.lines;
        let redacted = recovered.redacted_seqs();
        let mark_of = |seq: u64| {
            lines.iter().rev().find_map(|l| match l.event {
                Event::Marked { seq: marked, mark } if marked == seq => Some(mark),
                _ => None,
            })
        };
        let start = lines.iter().find_map(|l| match &l.event {
            Event::VisitStarted {
                case_ref,
                visit,
                purpose,
                present,
                seen_alone,
                profile,
            } => Some((l, case_ref, visit, purpose, present, seen_alone, profile)),
            _ => None,
        })?;
        let (first, case_ref, visit, purpose, present, seen_alone, profile) = start;
        let mut summary = Summary {
            v: SUMMARY_VERSION,
            case_ref: case_ref.clone(),
            visit: visit.clone(),
            purpose: purpose.clone(),
            present: present.clone(),
            seen_alone: seen_alone.clone(),
            profile: profile.clone(),
            started: first.at.clone(),
            ended: lines
                .iter()
                .rev()
                .find(|l| matches!(l.event, Event::VisitEnded))
                .map(|l| l.at.clone()),
            child_messages: Vec::new(),
            modelling: Vec::new(),
            feelings: Vec::new(),
            card_sorts: Vec::new(),
            modelled_answers: Vec::new(),
            body_map: Vec::new(),
            houses: Vec::new(),
            notes: Vec::new(),
            redacted: lines.iter().filter(|l| redacted.contains(&l.seq)).count(),
            skipped_lines: recovered.skipped.iter().map(|s| s.line).collect(),
        };
        let mut tapped: [Vec<&JournalLine>; 2] = [Vec::new(), Vec::new()];
        // A spoken message names its symbols by cell id; the summary shows the words the child
        // saw on those cells, as the taps before it recorded them.
        let mut label_of_cell = std::collections::HashMap::new();
        for line in recovered.kept_lines() {
            if let Some(text) = modelled_answer(&line.event) {
                summary.modelled_answers.push(Note {
                    at: line.at.clone(),
                    text,
                });
                continue;
            }
            match &line.event {
                Event::SymbolChosen {
                    by, cell, label, ..
                } => {
                    label_of_cell.insert(cell.clone(), label.clone());
                    tapped[actor_index(*by)].push(line);
                }
                Event::MessageSpoken { text, symbols, by } => {
                    tapped[actor_index(*by)].clear();
                    let said = Said {
                        at: line.at.clone(),
                        spoken: Some(text.clone()),
                        symbols: symbols
                            .iter()
                            .map(|cell| label_of_cell.get(cell).unwrap_or(cell).clone())
                            .collect(),
                        mark: mark_of(line.seq),
                    };
                    summary.said_by(*by).push(said);
                }
                Event::ScaleAnswered {
                    scale,
                    prompt,
                    options,
                    chosen,
                    by,
                    about,
                    unordered,
                } => {
                    let answer = options.get(*chosen).map_or("?", String::as_str);
                    let how_much = format!(
                        "{answer} ({} of {})",
                        chosen.saturating_add(1),
                        options.len()
                    );
                    if !summary.answer_body_place(about.as_deref(), how_much) {
                        summary.feelings.push(Feeling {
                            at: line.at.clone(),
                            scale: scale.clone(),
                            prompt: prompt.clone(),
                            options: options.clone(),
                            chosen: *chosen,
                            by: *by,
                            mark: mark_of(line.seq),
                            about: about.clone(),
                            declined: None,
                            unordered: *unordered,
                        });
                    }
                }
                Event::BodyRegionChosen {
                    prompt, region, by, ..
                } => summary.body_map.push(BodyPlace {
                    at: line.at.clone(),
                    prompt: prompt.clone(),
                    region: Some(region.clone()),
                    how_much: None,
                    declined: None,
                    by: *by,
                }),
                Event::HouseFilled {
                    activity,
                    house,
                    word,
                    ..
                } => summary.house_list(activity).add(house, word),
                Event::Declined {
                    activity,
                    kind,
                    prompt,
                    options,
                    item,
                    answer,
                    by,
                } => match kind {
                    ActivityKind::Scale => {
                        let declined = format!("declined: {}", answer.words());
                        if !summary.answer_body_place(item.as_deref(), declined) {
                            summary.feelings.push(Feeling {
                                at: line.at.clone(),
                                scale: activity.clone(),
                                prompt: prompt.clone(),
                                options: options.clone(),
                                chosen: 0,
                                by: *by,
                                mark: mark_of(line.seq),
                                about: item.clone(),
                                declined: Some(*answer),
                                unordered: false,
                            });
                        }
                    }
                    ActivityKind::CardSort => {
                        let card = item.clone().unwrap_or_else(|| "(all cards)".into());
                        summary.card_sort(activity).declined.push((card, *answer));
                    }
                    ActivityKind::BodyMap => summary.body_map.push(BodyPlace {
                        at: line.at.clone(),
                        prompt: prompt.clone(),
                        region: None,
                        how_much: None,
                        declined: Some(*answer),
                        by: *by,
                    }),
                    ActivityKind::Houses => summary.house_list(activity).declined.push(*answer),
                },
                Event::CardPlaced {
                    activity,
                    card,
                    column,
                    options,
                    ..
                } => {
                    let sort = summary.card_sort(activity);
                    if sort.offered.is_empty() {
                        sort.offered = options.clone();
                    }
                    summary.place_card(activity, column, card);
                }
                Event::WorkerNote { text } => summary.notes.push(Note {
                    at: line.at.clone(),
                    text: text.clone(),
                }),
                Event::VisitStarted { .. }
                | Event::Redacted { .. }
                | Event::Marked { .. }
                | Event::VisitEnded => {}
            }
        }
        for by in [Actor::Child, Actor::Worker] {
            let pending = std::mem::take(&mut tapped[actor_index(by)]);
            if let Some(first) = pending.first() {
                let symbols = pending
                    .iter()
                    .filter_map(|l| match &l.event {
                        Event::SymbolChosen { label, .. } => Some(label.clone()),
                        _ => None,
                    })
                    .collect();
                let said = Said {
                    at: first.at.clone(),
                    spoken: None,
                    symbols,
                    // A mark on any tap of the run is the run's mark.
                    mark: pending.iter().rev().find_map(|l| mark_of(l.seq)),
                };
                let list = summary.said_by(by);
                let position = list
                    .iter()
                    .position(|s| s.at > said.at)
                    .unwrap_or(list.len());
                list.insert(position, said);
            }
        }
        Some(summary)
    }

    fn said_by(&mut self, by: Actor) -> &mut Vec<Said> {
        match by {
            Actor::Child => &mut self.child_messages,
            Actor::Worker => &mut self.modelling,
        }
    }

    /// Gives the latest body place for `region` its "how much", if it has none yet. False when
    /// the answer is not about a place on the body map.
    fn answer_body_place(&mut self, region: Option<&str>, how_much: String) -> bool {
        let Some(region) = region else { return false };
        let place = self
            .body_map
            .iter_mut()
            .rev()
            .find(|p| p.region.as_deref() == Some(region) && p.how_much.is_none());
        match place {
            Some(place) => {
                place.how_much = Some(how_much);
                true
            }
            None => false,
        }
    }

    fn card_sort(&mut self, activity: &str) -> &mut CardSort {
        let index = match self.card_sorts.iter().position(|s| s.activity == activity) {
            Some(i) => i,
            None => {
                self.card_sorts.push(CardSort {
                    activity: activity.to_string(),
                    columns: Vec::new(),
                    declined: Vec::new(),
                    offered: Vec::new(),
                });
                self.card_sorts.len() - 1
            }
        };
        &mut self.card_sorts[index]
    }

    fn house_list(&mut self, activity: &str) -> &mut HouseList {
        let index = match self.houses.iter().position(|h| h.activity == activity) {
            Some(i) => i,
            None => {
                self.houses.push(HouseList {
                    activity: activity.to_string(),
                    houses: Vec::new(),
                    declined: Vec::new(),
                });
                self.houses.len() - 1
            }
        };
        &mut self.houses[index]
    }

    fn place_card(&mut self, activity: &str, column: &str, card: &str) {
        let sort = self.card_sort(activity);
        // A card moved to another column counts only where it was placed last.
        for (_, cards) in &mut sort.columns {
            cards.retain(|c| c != card);
        }
        match sort.columns.iter_mut().find(|(name, _)| name == column) {
            Some((_, cards)) => cards.push(card.to_string()),
            None => sort
                .columns
                .push((column.to_string(), vec![card.to_string()])),
        }
        sort.columns.retain(|(_, cards)| !cards.is_empty());
    }

    pub fn to_ron(&self) -> String {
        ron::ser::to_string_pretty(self, ron::ser::PrettyConfig::default()).unwrap_or_default()
    }

    pub fn from_ron(text: &str) -> Result<Summary, ron::error::SpannedError> {
        ron::from_str(text)
    }
}

impl HouseList {
    fn add(&mut self, house: &str, word: &str) {
        match self.houses.iter_mut().find(|(name, _)| name == house) {
            Some((_, words)) => words.push(word.to_string()),
            None => self
                .houses
                .push((house.to_string(), vec![word.to_string()])),
        }
    }
}

/// An activity answer the worker gave while modelling, in words; `None` for anything else.
/// (Scale answers stay under feelings, tagged as the worker's.)
fn modelled_answer(event: &Event) -> Option<String> {
    match event {
        Event::CardPlaced {
            activity,
            card,
            column,
            by: Actor::Worker,
            ..
        } => Some(format!("placed '{card}' under '{column}' ({activity})")),
        Event::HouseFilled {
            activity,
            house,
            word,
            by: Actor::Worker,
            ..
        } => Some(format!("put '{word}' in '{house}' ({activity})")),
        Event::BodyRegionChosen {
            prompt,
            region,
            by: Actor::Worker,
            ..
        } => Some(format!("{prompt} -> {region}")),
        Event::Declined {
            kind,
            prompt,
            answer,
            by: Actor::Worker,
            ..
        } if *kind != ActivityKind::Scale => Some(format!("{prompt} -> {}", answer.words())),
        _ => None,
    }
}

fn actor_index(by: Actor) -> usize {
    match by {
        Actor::Child => 0,
        Actor::Worker => 1,
    }
}

/// How the footer describes what happened to the tablet's copy.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportInfo {
    /// UTC RFC 3339.
    pub exported_at: String,
    pub journal_deleted: bool,
}

fn local(at: &str, zone: &TimeZone) -> Option<jiff::ZonedDateTime> {
    at.parse::<jiff::Timestamp>()
        .ok()
        .map(|t| t.to_zoned_datetime(zone.clone()))
}

/// `HH:MM` in the given time zone.
pub fn clock_text(at: &str, zone: &TimeZone) -> String {
    clock(at, zone)
}

/// `Thu 26 Nov 2026` in the given time zone.
pub fn date_text(at: &str, zone: &TimeZone) -> String {
    local(at, zone)
        .map(|z| z.strftime("%a %-d %b %Y").to_string())
        .unwrap_or_else(|| "unknown date".into())
}

fn clock(at: &str, zone: &TimeZone) -> String {
    local(at, zone)
        .map(|z| z.strftime("%H:%M").to_string())
        .unwrap_or_else(|| "--:--".into())
}

fn seen_alone_text(seen: &SeenAlone) -> String {
    match seen {
        SeenAlone::Yes => "yes".into(),
        SeenAlone::No { reason } => format!("no ({reason})"),
        SeenAlone::Partly { reason } => format!("partly ({reason})"),
        SeenAlone::NotRecorded => "not recorded".into(),
    }
}

fn mark_text(mark: Option<Mark>) -> &'static str {
    match mark {
        Some(Mark::Prompted) => "  (prompted)",
        Some(Mark::Spontaneous) => "  (spontaneous)",
        Some(Mark::Confirmed) => "  (confirmed with the child)",
        None => "",
    }
}

fn symbols_text(symbols: &[String]) -> String {
    symbols
        .iter()
        .map(|s| format!("[{s}]"))
        .collect::<Vec<_>>()
        .join(" ")
}

fn said_line(said: &Said, zone: &TimeZone) -> String {
    let words = match &said.spoken {
        Some(text) => format!("\"{text}\""),
        None => "(tapped, not sent as a message)".to_string(),
    };
    format!(
        "{}  {:<24} {}{}",
        clock(&said.at, zone),
        words,
        symbols_text(&said.symbols),
        mark_text(said.mark)
    )
}

fn feeling_line(feeling: &Feeling, zone: &TimeZone) -> String {
    let prompt = match &feeling.about {
        Some(about) => format!("{} ({about})", feeling.prompt),
        None => feeling.prompt.clone(),
    };
    let by = if feeling.by == Actor::Worker {
        "  [worker modelling]"
    } else {
        ""
    };
    if let Some(declined) = feeling.declined {
        return format!(
            "{}  {prompt}  -> declined: {}{by}",
            clock(&feeling.at, zone),
            declined.words()
        );
    }
    let answer = feeling
        .options
        .get(feeling.chosen)
        .map(String::as_str)
        .unwrap_or("(answer out of range)");
    format!(
        "{}  {}  -> {} ({} of {}: {}){}{}",
        clock(&feeling.at, zone),
        prompt,
        answer,
        feeling.chosen.saturating_add(1),
        feeling.options.len(),
        feeling.options.join(", "),
        by,
        mark_text(feeling.mark)
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
    let said = match (&place.region, place.declined) {
        (_, Some(declined)) => format!("declined: {}", declined.words()),
        (Some(region), None) => match &place.how_much {
            Some(how_much) => format!("{region}; how much: {how_much}"),
            None => region.clone(),
        },
        (None, None) => "(no place given)".to_string(),
    };
    format!(
        "{}  {}  -> {said}{by}",
        clock(&place.at, zone),
        place.prompt
    )
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

fn header_lines(summary: &Summary, zone: &TimeZone) -> Vec<String> {
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
    vec![
        format!("Case ref: {}      Date: {date}", summary.case_ref),
        format!(
            "Visit: {} - {}       Present: {}",
            summary.visit,
            summary.purpose,
            summary.present.join(", ")
        ),
        format!(
            "Child seen: yes; seen alone: {}          Supports: symbol board, spoken output",
            seen_alone_text(&summary.seen_alone)
        ),
    ]
}

fn footer_lines(summary: &Summary, export: Option<&ExportInfo>, zone: &TimeZone) -> Vec<String> {
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
        let deleted = if export.journal_deleted {
            "Tablet copy deleted on export."
        } else {
            "Tablet copy kept."
        };
        lines.push(format!(
            "Exported {}. {deleted}",
            clock(&export.exported_at, zone)
        ));
    }
    lines
}

/// Plain text for pasting into the case record, section by section.
pub fn render_text(summary: &Summary, export: Option<&ExportInfo>, zone: &TimeZone) -> String {
    let mut out = String::from(
        "VISIT SUMMARY - DRAFT, for the worker to check before it goes on the record\n",
    );
    for line in header_lines(summary, zone) {
        let _ = writeln!(out, "{line}");
    }
    let _ = writeln!(
        out,
        "\nTHE CHILD'S MESSAGES (symbols chosen, in order; \"quotes\" are the words the tablet spoke)"
    );
    if summary.child_messages.is_empty() {
        let _ = writeln!(out, "(no messages from the child)");
    }
    for said in &summary.child_messages {
        let _ = writeln!(out, "{}", said_line(said, zone));
    }
    if !summary.modelling.is_empty() || !summary.modelled_answers.is_empty() {
        let _ = writeln!(out, "WORKER MODELLING (not the child's words)");
        for said in &summary.modelling {
            let _ = writeln!(out, "{}", said_line(said, zone));
        }
        for answer in &summary.modelled_answers {
            let _ = writeln!(out, "{}  {}", clock(&answer.at, zone), answer.text);
        }
    }
    if !summary.feelings.is_empty() {
        let _ = writeln!(out, "FEELINGS");
        for feeling in &summary.feelings {
            let _ = writeln!(out, "{}", feeling_line(feeling, zone));
        }
        for change in feeling_changes(summary) {
            let _ = writeln!(out, "{change}");
        }
    }
    for sort in &summary.card_sorts {
        let _ = writeln!(
            out,
            "CARD SORT - {} ({})",
            sort.activity,
            column_names(sort).join(" / ")
        );
        for (column, cards) in &sort.columns {
            let _ = writeln!(out, "  {column}: {}", cards.join(", "));
        }
        if let Some(line) = declined_cards(sort) {
            let _ = writeln!(out, "  {line}");
        }
    }
    if !summary.body_map.is_empty() {
        let _ = writeln!(out, "BODY MAP");
        for place in &summary.body_map {
            let _ = writeln!(out, "{}", body_place_line(place, zone));
        }
    }
    for list in &summary.houses {
        let _ = writeln!(out, "HOUSES - {}", list.activity);
        for line in house_lines(list) {
            let _ = writeln!(out, "  {line}");
        }
    }
    if !summary.notes.is_empty() {
        let _ = writeln!(out, "WORKER NOTES");
        for note in &summary.notes {
            let _ = writeln!(out, "{}  {}", clock(&note.at, zone), note.text);
        }
    }
    for line in footer_lines(summary, export, zone) {
        let _ = writeln!(out, "{line}");
    }
    out
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
    let item = |said: &Said| {
        let words = match &said.spoken {
            Some(text) => format!("“{}”", md_escape(text)),
            None => "*(tapped, not sent as a message)*".to_string(),
        };
        format!(
            "- {} {} {}{}",
            clock(&said.at, zone),
            words,
            md_escape(&symbols_text(&said.symbols)),
            md_escape(mark_text(said.mark))
        )
    };
    let _ = writeln!(out, "\n## The child's messages\n");
    if summary.child_messages.is_empty() {
        let _ = writeln!(out, "No messages from the child.");
    }
    for said in &summary.child_messages {
        let _ = writeln!(out, "{}", item(said));
    }
    if !summary.modelling.is_empty() || !summary.modelled_answers.is_empty() {
        let _ = writeln!(out, "\n## Worker modelling (not the child's words)\n");
        for said in &summary.modelling {
            let _ = writeln!(out, "{}", item(said));
        }
        for answer in &summary.modelled_answers {
            let _ = writeln!(
                out,
                "- {} {}",
                clock(&answer.at, zone),
                md_escape(&answer.text)
            );
        }
    }
    if !summary.feelings.is_empty() {
        let _ = writeln!(out, "\n## Feelings\n");
        for feeling in &summary.feelings {
            let _ = writeln!(out, "- {}", md_escape(&feeling_line(feeling, zone)));
        }
        for change in feeling_changes(summary) {
            let _ = writeln!(out, "\n{}", md_escape(&change));
        }
    }
    for sort in &summary.card_sorts {
        let _ = writeln!(
            out,
            "\n## Card sort: {} ({})\n",
            md_escape(&sort.activity),
            md_escape(&column_names(sort).join(" / "))
        );
        for (column, cards) in &sort.columns {
            let _ = writeln!(
                out,
                "- **{}**: {}",
                md_escape(column),
                md_escape(&cards.join(", "))
            );
        }
        if let Some(line) = declined_cards(sort) {
            let _ = writeln!(out, "- {}", md_escape(&line));
        }
    }
    if !summary.body_map.is_empty() {
        let _ = writeln!(out, "\n## Body map\n");
        for place in &summary.body_map {
            let _ = writeln!(out, "- {}", md_escape(&body_place_line(place, zone)));
        }
    }
    for list in &summary.houses {
        let _ = writeln!(out, "\n## Houses: {}\n", md_escape(&list.activity));
        for line in house_lines(list) {
            let _ = writeln!(out, "- {}", md_escape(&line));
        }
    }
    if !summary.notes.is_empty() {
        let _ = writeln!(out, "\n## Worker notes\n");
        for note in &summary.notes {
            let _ = writeln!(out, "- {} {}", clock(&note.at, zone), md_escape(&note.text));
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

/// The visit as an Open Board Log (`open-board-log-0.1`, the AAC usage-log format): a `log`
/// session with every tap as a `button` event and every spoken message as an `utterance`
/// (`modeling: true` for the worker's), one `assessment` session per scale or card sort, and
/// the worker's notes as a `note` session. Redacted events are left out.
pub fn render_obl(recovered: &Recovered) -> String {
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
            Event::SymbolChosen { board, cell, label, by } => log_events.push(json!({
                "id": id, "timestamp": line.at, "type": "button", "button_id": cell, "board_id": board,
                "label": label, "modeling": *by == Actor::Worker,
            })),
            Event::MessageSpoken { text, symbols, by } => log_events.push(json!({
                "id": id, "timestamp": line.at, "type": "utterance", "text": text,
                "buttons": symbols.iter().map(|s| json!({ "label": s })).collect::<Vec<_>>(),
                "modeling": *by == Actor::Worker,
            })),
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
            Event::VisitStarted { .. } | Event::Redacted { .. } | Event::Marked { .. } | Event::VisitEnded => {}
        }
    }
    let mut sessions = vec![json!({
        "id": "log", "type": "log", "started": started, "ended": ended, "events": log_events,
    })];
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
    let mut text = serde_json::to_string_pretty(&log).unwrap_or_default();
    text.push('\n');
    text
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
