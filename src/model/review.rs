//! The visit's timeline as the worker reviews it: each message or run of taps as one item, every
//! other event in plain words, with the mark the worker gave it and whether it was struck out.

use std::collections::{HashMap, HashSet};

use super::messages::{Group, Whose, group_messages};
use super::session::{Actor, Event, JournalLine, Mark, redacted_in};

#[derive(Debug, Clone, PartialEq)]
pub struct TimelineItem {
    /// The item's own event: a message, the first tap of a run, an answer, a note. Marks name
    /// it, and the review's buttons are named after it.
    pub seq: u64,
    /// Every event the item stands for (a message and the taps that built it): struck out and
    /// brought back together.
    pub covers: Vec<u64>,
    /// UTC RFC 3339.
    pub at: String,
    pub text: String,
    /// Something the child said or answered on a scale, which the worker can mark prompted or
    /// spontaneous (the summary shows marks on messages, taps and feelings).
    pub markable: bool,
    /// A mis-tap or wrong note can be struck out.
    pub redactable: bool,
    pub mark: Option<Mark>,
    pub redacted: bool,
    /// Taps never sent, each of which can be struck out on its own: those of a run of two or
    /// more, or those tried just before a message (a message's own taps go with it).
    pub taps: Vec<Tap>,
}

/// One tap of a run, as the review shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct Tap {
    pub seq: u64,
    pub label: String,
    pub redacted: bool,
}

/// The visit as the worker reviews it, in order: each message with the taps that built it as
/// one item, each run of taps never sent as one item, every other event as its own; marks and
/// strike-outs are shown on the items they apply to. The visit's start and end are not items
/// (the page's title gives them).
pub fn timeline(lines: &[JournalLine]) -> Vec<TimelineItem> {
    let redacted = redacted_in(lines);
    let groups = group_messages(lines);
    let mut unit_starting_at: HashMap<u64, Unit> = HashMap::new();
    let mut in_a_group: HashSet<u64> = HashSet::new();
    for unit in units(&groups, lines) {
        let seqs: Vec<u64> = unit
            .tried
            .iter()
            .flat_map(|run| group_seqs(run))
            .chain(group_seqs(unit.main))
            .collect();
        if let Some(first) = seqs.iter().min() {
            unit_starting_at.insert(*first, unit);
        }
        in_a_group.extend(seqs);
    }
    let mut items: Vec<TimelineItem> = lines
        .iter()
        .filter_map(|line| match unit_starting_at.get(&line.seq) {
            Some(unit) => Some(group_item(unit, &redacted)),
            None if in_a_group.contains(&line.seq) => None,
            None => {
                let (text, markable, redactable) = describe(&line.event)?;
                Some(TimelineItem {
                    seq: line.seq,
                    covers: vec![line.seq],
                    at: line.at.clone(),
                    text,
                    markable,
                    redactable,
                    mark: None,
                    redacted: redacted.contains(&line.seq),
                    taps: Vec::new(),
                })
            }
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
    items
}

/// One item of the review for taps: a message or a run, with the run tapped just before a
/// message and not sent (cleared, deleted) as what was tried on the way to it.
#[derive(Clone, Copy)]
struct Unit<'a> {
    main: &'a Group<'a>,
    tried: Option<&'a Group<'a>>,
}

/// The groups as review items: a run goes with the message right after it when the same
/// person tapped both and nothing else happened in between (an answer, a note).
fn units<'a>(groups: &'a [Group<'a>], lines: &[JournalLine]) -> Vec<Unit<'a>> {
    let mut units = Vec::new();
    let mut run: Option<&Group> = None;
    for group in groups {
        if group.message.is_none() {
            if let Some(earlier) = run.replace(group) {
                units.push(Unit {
                    main: earlier,
                    tried: None,
                });
            }
            continue;
        }
        let tried = run.take();
        match tried {
            Some(tried) if leads_to(tried, group, lines) => units.push(Unit {
                main: group,
                tried: Some(tried),
            }),
            _ => {
                units.extend(tried.map(|tried| Unit {
                    main: tried,
                    tried: None,
                }));
                units.push(Unit {
                    main: group,
                    tried: None,
                });
            }
        }
    }
    units.extend(run.map(|run| Unit {
        main: run,
        tried: None,
    }));
    units
}

/// Whether the run was tried on the way to the message: the same actor, nothing in between.
fn leads_to(run: &Group, message: &Group, lines: &[JournalLine]) -> bool {
    let same_actor = match message.whose() {
        Whose::Worker => run.whose() == Whose::Worker,
        Whose::Child | Whose::Together => run.whose() == Whose::Child,
    };
    let (Some(run_end), Some(message_start)) = (
        group_seqs(run).into_iter().max(),
        group_seqs(message).into_iter().min(),
    ) else {
        return false;
    };
    same_actor
        && !lines
            .iter()
            .filter(|line| line.seq > run_end && line.seq < message_start)
            .any(|line| describe(&line.event).is_some())
}

fn group_seqs(group: &Group) -> Vec<u64> {
    let message = group.message.map(|line| line.seq);
    group
        .taps
        .iter()
        .map(|tap| tap.seq)
        .chain(message)
        .collect()
}

fn group_item(unit: &Unit, redacted: &HashSet<u64>) -> TimelineItem {
    let group = unit.main;
    let label = |tap: &JournalLine| match &tap.event {
        Event::SymbolChosen { label, .. } => label.clone(),
        _ => String::new(),
    };
    let whose = match group.whose() {
        Whose::Child => "Child",
        Whose::Worker => "Worker (modelling)",
        Whose::Together => "Child and worker (modelling, *)",
    };
    let symbols = group
        .taps
        .iter()
        .map(|tap| {
            let worker = matches!(
                tap.event,
                Event::SymbolChosen {
                    by: Actor::Worker,
                    ..
                }
            );
            let star = if group.whose() == Whose::Together && worker {
                "*"
            } else {
                ""
            };
            format!("[{}]{star}", label(tap))
        })
        .collect::<Vec<_>>()
        .join(" ");
    let covers = group_seqs(group);
    let taps_of = |run: &Group| -> Vec<Tap> {
        run.taps
            .iter()
            .map(|tap| Tap {
                seq: tap.seq,
                label: label(tap),
                redacted: redacted.contains(&tap.seq),
            })
            .collect()
    };
    let (seq, text, item_redacted, taps) = match group.message {
        Some(message) => {
            let spoken = match &message.event {
                Event::MessageSpoken { text, .. } => text.as_str(),
                _ => "",
            };
            let text = format!("{whose}: \"{spoken}\"  {symbols}");
            let tried = unit.tried.map(taps_of).unwrap_or_default();
            (message.seq, text, redacted.contains(&message.seq), tried)
        }
        None => {
            let taps = taps_of(group);
            let all_struck = taps.iter().all(|tap| tap.redacted);
            let text = format!("{whose}: tapped, not sent: {symbols}");
            let shown_apart = if taps.len() > 1 { taps } else { Vec::new() };
            (covers[0], text, all_struck, shown_apart)
        }
    };
    TimelineItem {
        seq,
        covers,
        at: unit.tried.unwrap_or(group).at().to_string(),
        text,
        markable: group.whose() != Whose::Worker,
        redactable: true,
        mark: None,
        redacted: item_redacted,
        taps,
    }
}

fn who(by: Actor) -> &'static str {
    match by {
        Actor::Child => "Child",
        Actor::Worker => "Worker (modelling)",
    }
}

fn describe(event: &Event) -> Option<(String, bool, bool)> {
    Some(match event {
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
        Event::WorkerRecord { part, text } => (format!("{}: {text}", part.name()), false, true),
        Event::PresentChanged { present } => (
            format!("Present from now: {}", present.join(", ")),
            false,
            true,
        ),
        Event::ReadBackAnswer {
            read_back,
            question,
            answer,
            ..
        } => (
            format!(
                "Read back \"{read_back}\" {} -> {}",
                question.words(),
                answer.words()
            ),
            false,
            true,
        ),
        // Taps and messages are grouped above; the start and end are in the page's title.
        Event::ReadBackStarted { .. }
        | Event::AccessUsed { .. }
        | Event::VisitStarted { .. }
        | Event::VisitEnded
        | Event::SymbolChosen { .. }
        | Event::MessageSpoken { .. }
        | Event::Redacted { .. }
        | Event::Restored { .. }
        | Event::Marked { .. }
        | Event::Concern { .. } => return None,
    })
}
