//! What was said in a visit, worked out from its taps and Speak presses: each spoken message
//! with the taps that built it and who chose each symbol, and each run of taps that was never
//! sent (cleared or deleted before Speak, or still in the bar when the visit ended). The
//! summary and the worker's review both group a visit this way (docs/journal-format.md, "Messages").

use super::session::{Actor, Event, JournalLine};

/// Taps looked at when matching a message to what built it; a hostile journal with thousands
/// of unsent taps before one message costs no more than this.
const MATCH_WINDOW: usize = 2_000;

/// One message or one run of taps, in the order it happened.
#[derive(Debug, Clone, PartialEq)]
pub struct Group<'a> {
    /// The `MessageSpoken` line; `None` for taps never sent as a message.
    pub message: Option<&'a JournalLine>,
    /// The `SymbolChosen` lines that belong to it, in order.
    pub taps: Vec<&'a JournalLine>,
    /// Who chose each symbol: of the message's symbols, or of the taps for a run.
    pub chosen_by: Vec<Actor>,
}

impl Group<'_> {
    /// When it began: its first tap, or the message if none of its taps is in the journal.
    pub fn at(&self) -> &str {
        self.taps
            .first()
            .or(self.message.as_ref())
            .map_or("", |line| line.at.as_str())
    }

    /// The child's alone, the worker's alone, or made by both.
    pub fn whose(&self) -> Whose {
        let child = self.chosen_by.contains(&Actor::Child);
        let worker = self.chosen_by.contains(&Actor::Worker);
        match (child, worker) {
            (true, true) => Whose::Together,
            (false, true) => Whose::Worker,
            _ => Whose::Child,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Whose {
    Child,
    Worker,
    /// The worker chose some symbols (modelling) and the child others.
    Together,
}

/// Groups the taps and messages of `lines` (other events are passed over): each message takes
/// the taps that match its symbols, latest first; the taps it leaves before it form runs of
/// their own, one per actor, placed where they began.
pub fn group_messages<'a>(lines: impl IntoIterator<Item = &'a JournalLine>) -> Vec<Group<'a>> {
    let mut said = Vec::new();
    let mut pending: Vec<&JournalLine> = Vec::new();
    for line in lines {
        match &line.event {
            Event::SymbolChosen { .. } => pending.push(line),
            Event::MessageSpoken { .. } => {
                let (built_it, unsent) = split_pending(&pending, line);
                said.extend(runs(&unsent));
                said.push(message(line, built_it));
                pending.clear();
            }
            _ => {}
        }
    }
    said.extend(runs(&pending));
    said
}

/// The taps of `pending` that built the message, and the rest.
fn split_pending<'a>(
    pending: &[&'a JournalLine],
    message: &'a JournalLine,
) -> (Vec<Option<&'a JournalLine>>, Vec<&'a JournalLine>) {
    let Event::MessageSpoken {
        symbols, chosen_by, ..
    } = &message.event
    else {
        return (Vec::new(), pending.to_vec());
    };
    let window_start = pending.len().saturating_sub(MATCH_WINDOW);
    let window = &pending[window_start..];
    let symbols = &symbols[..symbols.len().min(MATCH_WINDOW)];
    let fits = |tap: &JournalLine, position: usize| match &tap.event {
        Event::SymbolChosen {
            cell, label, by, ..
        } => {
            let symbol = &symbols[position];
            (cell == symbol || label == symbol)
                && chosen_by.get(position).is_none_or(|chooser| chooser == by)
        }
        _ => false,
    };
    let matched = longest_match(window.len(), symbols.len(), |t, s| fits(window[t], s));
    let mut built_it = vec![None; symbols.len()];
    let mut used = vec![false; window.len()];
    for (tap, symbol) in matched {
        built_it[symbol] = Some(window[tap]);
        used[tap] = true;
    }
    let unsent = pending[..window_start]
        .iter()
        .copied()
        .chain(
            window
                .iter()
                .zip(&used)
                .filter(|(_, u)| !**u)
                .map(|(t, _)| *t),
        )
        .collect();
    (built_it, unsent)
}

/// Pairs `(tap, symbol)` of a longest common subsequence, preferring the latest taps: what
/// was deleted or cleared before Speak was tapped earlier than what stayed.
fn longest_match(
    taps: usize,
    symbols: usize,
    fits: impl Fn(usize, usize) -> bool,
) -> Vec<(usize, usize)> {
    let width = symbols + 1;
    let mut table = vec![0u32; (taps + 1) * width];
    for t in 1..=taps {
        for s in 1..=symbols {
            table[t * width + s] = if fits(t - 1, s - 1) {
                table[(t - 1) * width + s - 1] + 1
            } else {
                table[(t - 1) * width + s].max(table[t * width + s - 1])
            };
        }
    }
    let mut pairs = Vec::new();
    let (mut t, mut s) = (taps, symbols);
    while t > 0 && s > 0 {
        if fits(t - 1, s - 1) && table[t * width + s] == table[(t - 1) * width + s - 1] + 1 {
            pairs.push((t - 1, s - 1));
            t -= 1;
            s -= 1;
        } else if table[(t - 1) * width + s] >= table[t * width + s - 1] {
            t -= 1;
        } else {
            s -= 1;
        }
    }
    pairs.reverse();
    pairs
}

fn message<'a>(line: &'a JournalLine, built_it: Vec<Option<&'a JournalLine>>) -> Group<'a> {
    let (by, chosen_by) = match &line.event {
        Event::MessageSpoken { by, chosen_by, .. } => (*by, chosen_by.as_slice()),
        _ => (Actor::Child, &[][..]),
    };
    let chosen_by = built_it
        .iter()
        .enumerate()
        .map(|(position, tap)| match (chosen_by.get(position), tap) {
            (Some(chooser), _) => *chooser,
            (None, Some(tap)) => tapped_by(tap).unwrap_or(by),
            (None, None) => by,
        })
        .collect();
    Group {
        message: Some(line),
        taps: built_it.into_iter().flatten().collect(),
        chosen_by,
    }
}

/// Unsent taps as runs: consecutive taps by the same actor.
fn runs<'a>(unsent: &[&'a JournalLine]) -> Vec<Group<'a>> {
    let mut runs: Vec<Group> = Vec::new();
    for tap in unsent {
        let Some(by) = tapped_by(tap) else { continue };
        match runs.last_mut() {
            Some(run) if run.chosen_by.last() == Some(&by) => {
                run.taps.push(tap);
                run.chosen_by.push(by);
            }
            _ => runs.push(Group {
                message: None,
                taps: vec![tap],
                chosen_by: vec![by],
            }),
        }
    }
    runs
}

fn tapped_by(line: &JournalLine) -> Option<Actor> {
    match line.event {
        Event::SymbolChosen { by, .. } => Some(by),
        _ => None,
    }
}
