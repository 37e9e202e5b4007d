//! A visit's journal: one RON value per line, appended and fsynced per event (`journal.rs`
//! writes it), so a crash or a flat battery loses only events not yet synced: in the app, the
//! one being written and any queued behind it (docs/journal-format.md, "When a tap is on
//! disk"). Reading it back skips torn or corrupt lines, reports them by number, and keeps
//! everything else.

use std::io;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

pub const JOURNAL_VERSION: u32 = 1;
pub const JOURNAL_EXTENSION: &str = "journal";
/// Sequence numbers from here on are corrupt: a visit writes a few thousand events, and the next
/// number after the largest must never wrap round to one already used.
pub const MAX_SEQ: u64 = 1 << 48;
/// A journal longer than this is not read: a real visit writes a few thousand short lines.
pub const MAX_JOURNAL_BYTES: u64 = 64 * 1024 * 1024;

/// One line of the journal (the contract in docs/journal-format.md: extend, never break).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct JournalLine {
    pub v: u32,
    pub seq: u64,
    /// UTC, RFC 3339 with milliseconds: `2026-11-26T14:02:11.250Z`.
    pub at: String,
    pub event: Event,
}

/// Who did it: the child, or the worker showing the child (modelling).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Actor {
    Child,
    Worker,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum SeenAlone {
    Yes,
    No { reason: String },
    Partly { reason: String },
    NotRecorded,
}

/// How the worker marked an item on review.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Mark {
    Prompted,
    Spontaneous,
    /// Checked back with the child, who confirmed it.
    Confirmed,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Event {
    VisitStarted {
        case_ref: String,
        visit: String,
        purpose: String,
        present: Vec<String>,
        seen_alone: SeenAlone,
        profile: String,
        /// Whether the child was seen at all (left out of lines written before it was asked:
        /// the summary says "not recorded").
        #[serde(default, skip_serializing_if = "Option::is_none")]
        child_seen: Option<bool>,
    },
    SymbolChosen {
        board: String,
        cell: String,
        label: String,
        by: Actor,
        /// The picture the cell showed (left out of lines written before it was added).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        symbol: Option<String>,
    },
    /// Speak was pressed. `by` is who pressed it; `chosen_by` who chose each symbol, so a
    /// message the worker began and the child finished shows as made together
    /// (docs/journal-format.md, "Messages").
    MessageSpoken {
        text: String,
        /// The cells, in order.
        symbols: Vec<String>,
        by: Actor,
        /// Who chose each symbol (lines written before it was added: worked out from the taps).
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        chosen_by: Vec<Actor>,
        /// The picture of each symbol, as the child saw it.
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        pictures: Vec<String>,
        /// The tablet had no sound: the message was shown, not heard.
        #[serde(default, skip_serializing_if = "is_false")]
        silent: bool,
    },
    ScaleAnswered {
        scale: String,
        prompt: String,
        options: Vec<String>,
        /// 0-based index into `options`.
        chosen: usize,
        by: Actor,
        /// What the scale was about, when an earlier answer led to it: the feeling chosen
        /// before "How big is the feeling?", the body region before "How much does it hurt?".
        #[serde(default, skip_serializing_if = "Option::is_none")]
        about: Option<String>,
        /// The options are a set to pick from (a feelings chooser), not a scale: no "change"
        /// is worked out between two answers.
        #[serde(default, skip_serializing_if = "is_false")]
        unordered: bool,
    },
    CardPlaced {
        activity: String,
        prompt: String,
        card: String,
        column: String,
        by: Actor,
        /// The columns offered, in order (left out of lines written before it was added).
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        options: Vec<String>,
    },
    WorkerNote {
        text: String,
    },
    /// A place on the body map ("Where does it hurt?"); how much follows as a `ScaleAnswered`
    /// whose `about` is this region.
    BodyRegionChosen {
        activity: String,
        prompt: String,
        options: Vec<String>,
        region: String,
        by: Actor,
    },
    /// A symbol put in one of the houses (worries, good things, dreams).
    HouseFilled {
        activity: String,
        prompt: String,
        house: String,
        symbol: String,
        word: String,
        by: Actor,
    },
    /// The child chose "I don't want to answer" or "I don't know": recorded as that, never as
    /// a value. `item` is the card or body region asked about, if any.
    Declined {
        activity: String,
        kind: ActivityKind,
        prompt: String,
        options: Vec<String>,
        #[serde(default)]
        item: Option<String>,
        answer: Decline,
        by: Actor,
    },
    /// The worker struck out an earlier event (a mis-tap); it stays in the journal, and the
    /// summary leaves it out.
    Redacted {
        seq: u64,
        #[serde(default)]
        reason: String,
    },
    Marked {
        seq: u64,
        mark: Mark,
    },
    /// The worker brought back an event struck out before (a strike-out by mistake); the
    /// latest of `Redacted` and `Restored` for an event wins.
    Restored {
        seq: u64,
    },
    VisitEnded,
}

fn is_false(value: &bool) -> bool {
    !*value
}

/// Which kind of activity an event belongs to (so a declined answer lands in its section).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum ActivityKind {
    Scale,
    CardSort,
    BodyMap,
    Houses,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Decline {
    DontWantToAnswer,
    DontKnow,
}

impl Decline {
    pub fn words(self) -> &'static str {
        match self {
            Decline::DontWantToAnswer => "I don't want to answer",
            Decline::DontKnow => "I don't know",
        }
    }
}

/// A line that could not be read back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SkippedLine {
    /// 1-based line number in the file.
    pub line: usize,
    pub reason: String,
}

/// What was read back from a journal file.
#[derive(Debug, Clone, PartialEq)]
pub struct Recovered {
    pub path: PathBuf,
    pub lines: Vec<JournalLine>,
    pub skipped: Vec<SkippedLine>,
    /// The line number of a `VisitStarted` that could not be read, when no other one could:
    /// everything after it is kept, and the summary says its header is damaged.
    pub damaged_header: Option<usize>,
}

impl Recovered {
    pub fn is_ended(&self) -> bool {
        self.lines
            .iter()
            .any(|l| matches!(l.event, Event::VisitEnded))
    }

    pub fn next_seq(&self) -> u64 {
        self.lines
            .iter()
            .map(|l| l.seq.saturating_add(1))
            .max()
            .unwrap_or(0)
    }

    /// The sequence numbers struck out, and not brought back since.
    pub fn redacted_seqs(&self) -> std::collections::HashSet<u64> {
        redacted_in(&self.lines)
    }

    /// The lines that count: everything but redacted events.
    pub fn kept_lines(&self) -> impl Iterator<Item = &JournalLine> {
        let redacted = self.redacted_seqs();
        self.lines
            .iter()
            .filter(move |l| !redacted.contains(&l.seq))
    }
}

#[derive(Debug, thiserror::Error)]
pub enum JournalError {
    #[error("{path}: cannot read the journal: {source}")]
    Io { path: String, source: io::Error },
    #[error("{path}: not a visit journal: {why}")]
    NotAJournal { path: String, why: String },
}

pub fn timestamp_now() -> String {
    jiff::Timestamp::now()
        .strftime("%Y-%m-%dT%H:%M:%S%.3fZ")
        .to_string()
}

/// Reads a journal. Lines that do not parse are skipped and listed; a file that holds no
/// `VisitStarted` at all is not a journal and is refused.
pub fn read_journal(path: &Path) -> Result<Recovered, JournalError> {
    let label = path.display().to_string();
    let io_error = |source| JournalError::Io {
        path: label.clone(),
        source,
    };
    let bytes = match super::files::read_capped(path, MAX_JOURNAL_BYTES) {
        Ok(bytes) => bytes,
        Err(super::files::ReadRefused::Io(source)) => return Err(io_error(source)),
        Err(refused) => {
            return Err(JournalError::NotAJournal {
                path: label,
                why: refused.to_string(),
            });
        }
    };
    parse_journal(path, &bytes)
}

pub fn parse_journal(path: &Path, bytes: &[u8]) -> Result<Recovered, JournalError> {
    let label = path.display().to_string();
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(JournalError::NotAJournal {
            path: label,
            why: "the file is empty".into(),
        });
    }
    let mut lines = Vec::new();
    let mut skipped = Vec::new();
    let mut first_with_seq = std::collections::HashMap::new();
    // A `VisitStarted` line that does not parse: the visit is kept, its header said to be damaged.
    let mut damaged_header = None;
    let ends_with_newline = bytes.last() == Some(&b'\n');
    let raw_lines: Vec<&[u8]> = bytes.split(|&b| b == b'\n').collect();
    let count = raw_lines.len();
    for (index, raw) in raw_lines.into_iter().enumerate() {
        let number = index + 1;
        let is_last = index + 1 == count;
        if raw.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        let torn = is_last && !ends_with_newline;
        if raw.contains(&0) {
            // The writer never writes a zero byte (RON escapes it); a power cut can leave a run
            // of them where a line's middle was lost, inside what still parses as a string.
            skipped.push(SkippedLine {
                line: number,
                reason: "it has zero bytes where its text was lost (cut off by a power cut)".into(),
            });
            continue;
        }
        let text = match std::str::from_utf8(raw) {
            Ok(text) => text,
            Err(_) => {
                skipped.push(SkippedLine {
                    line: number,
                    reason: "not text (not UTF-8)".into(),
                });
                continue;
            }
        };
        match ron::from_str::<JournalLine>(text) {
            Ok(line) if line.v > JOURNAL_VERSION => skipped.push(SkippedLine {
                line: number,
                reason: format!("written by a newer Hearme (journal version {})", line.v),
            }),
            Ok(line) if answer_out_of_range(&line.event) => skipped.push(SkippedLine {
                line: number,
                reason: "its answer is not one of the options it lists".into(),
            }),
            Ok(line) if line.seq >= MAX_SEQ => skipped.push(SkippedLine {
                line: number,
                reason: format!("its sequence number {} is out of range", line.seq),
            }),
            Ok(line) => match first_with_seq.get(&line.seq) {
                // Two lines with one number: a mark or strike-out naming it would hit both.
                Some(first) => skipped.push(SkippedLine {
                    line: number,
                    reason: format!(
                        "its sequence number {} is already used by line {first}",
                        line.seq
                    ),
                }),
                None => {
                    first_with_seq.insert(line.seq, number);
                    lines.push(line);
                }
            },
            Err(error) => skipped.push(SkippedLine {
                line: number,
                reason: if text.contains("VisitStarted") && damaged_header.is_none() {
                    damaged_header = Some(number);
                    format!(
                        "the visit's first line is damaged: {} at column {}",
                        error.code, error.span.start.col
                    )
                } else if torn {
                    "cut off part-way (the tablet stopped while writing it)".to_string()
                } else {
                    format!(
                        "cannot be read: {} at column {}",
                        error.code, error.span.start.col
                    )
                },
            }),
        }
    }
    let started = lines
        .iter()
        .any(|l| matches!(l.event, Event::VisitStarted { .. }));
    if !started && damaged_header.is_none() {
        let why = if lines.is_empty() {
            "no line of it is a journal event".to_string()
        } else {
            "it has no VisitStarted line".to_string()
        };
        return Err(JournalError::NotAJournal { path: label, why });
    }
    Ok(Recovered {
        path: path.to_path_buf(),
        lines,
        skipped,
        damaged_header: damaged_header.filter(|_| !started),
    })
}

/// The events struck out in `lines` and not brought back since, in the journal's order.
pub fn redacted_in(lines: &[JournalLine]) -> std::collections::HashSet<u64> {
    let mut redacted = std::collections::HashSet::new();
    for line in lines {
        match line.event {
            Event::Redacted { seq, .. } => {
                redacted.insert(seq);
            }
            Event::Restored { seq } => {
                redacted.remove(&seq);
            }
            _ => {}
        }
    }
    redacted
}

/// A scale answer whose chosen option is not in its list: it says nothing that can be shown.
fn answer_out_of_range(event: &Event) -> bool {
    matches!(event, Event::ScaleAnswered { options, chosen, .. } if *chosen >= options.len())
}

/// A visit journal on disk, as `hearme sessions` and the worker area list it.
#[derive(Debug, Clone)]
pub struct FoundVisit {
    pub path: PathBuf,
    pub case_ref: String,
    /// UTC RFC 3339.
    pub started: String,
    pub events: usize,
    pub ended: bool,
    /// Line numbers that could not be read.
    pub skipped: Vec<usize>,
}

/// Reads a journal and describes it; a file that is not a visit journal is an error naming it.
pub fn describe_journal(path: &Path) -> Result<FoundVisit, JournalError> {
    let recovered = read_journal(path)?;
    let (case_ref, started) = recovered
        .lines
        .iter()
        .find_map(|line| match &line.event {
            Event::VisitStarted { case_ref, .. } => Some((case_ref.clone(), line.at.clone())),
            _ => None,
        })
        .unwrap_or_else(|| {
            let started = recovered.lines.first().map(|l| l.at.clone());
            (
                "(first line damaged)".to_string(),
                started.unwrap_or_default(),
            )
        });
    Ok(FoundVisit {
        path: path.to_path_buf(),
        case_ref,
        started,
        events: recovered.lines.len(),
        ended: recovered.is_ended(),
        skipped: recovered.skipped.iter().map(|s| s.line).collect(),
    })
}

/// The journals in a sessions folder, in name order (names start with the start time).
pub fn journals_in(dir: &Path) -> io::Result<Vec<PathBuf>> {
    let mut found: Vec<PathBuf> = std::fs::read_dir(dir)?
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == JOURNAL_EXTENSION))
        .collect();
    found.sort();
    Ok(found)
}
