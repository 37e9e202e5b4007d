//! Reading a journal back: torn, zeroed, corrupt or impossible lines reported by number and
//! skipped, everything else kept; and finding the journals left on the tablet.

use std::io;
use std::path::{Path, PathBuf};

use super::{Event, JOURNAL_EXTENSION, JOURNAL_VERSION, JournalLine, MAX_JOURNAL_BYTES, MAX_SEQ};
use crate::model::seal::{DataKey, SealError, is_sealed_line, open_line};
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
    #[error(
        "{path}: the journal is sealed and its key is not here (destroyed when the visit was \
         deleted, or the keys are locked)"
    )]
    Sealed { path: String },
}

/// A visit's name: its journal's file name without `.journal`. Sealed lines and the visit's
/// key are bound to it.
pub fn visit_id(path: &Path) -> String {
    path.file_stem()
        .map(|stem| stem.to_string_lossy().into_owned())
        .unwrap_or_default()
}

pub fn timestamp_now() -> String {
    jiff::Timestamp::now()
        .strftime("%Y-%m-%dT%H:%M:%S%.3fZ")
        .to_string()
}

/// Reads a journal of plain lines. Lines that do not parse are skipped and listed; a file that
/// holds no `VisitStarted` at all is not a journal and is refused.
pub fn read_journal(path: &Path) -> Result<Recovered, JournalError> {
    read_journal_with(path, None)
}

/// Reads a journal whose lines may be sealed with `key` (the visit's own).
pub fn read_journal_with(path: &Path, key: Option<&DataKey>) -> Result<Recovered, JournalError> {
    let label = path.display().to_string();
    let io_error = |source| JournalError::Io {
        path: label.clone(),
        source,
    };
    let bytes = match crate::model::files::read_capped(path, MAX_JOURNAL_BYTES) {
        Ok(bytes) => bytes,
        Err(crate::model::files::ReadRefused::Io(source)) => return Err(io_error(source)),
        Err(refused) => {
            return Err(JournalError::NotAJournal {
                path: label,
                why: refused.to_string(),
            });
        }
    };
    parse_journal_with(path, &bytes, key)
}

pub fn parse_journal(path: &Path, bytes: &[u8]) -> Result<Recovered, JournalError> {
    parse_journal_with(path, bytes, None)
}

/// A sealed line opened: its text, or why it was skipped.
fn unseal(
    key: &DataKey,
    visit: &str,
    raw: &[u8],
    torn: bool,
) -> Result<(u64, String), &'static str> {
    let text = std::str::from_utf8(raw).map_err(|_| "not text (not UTF-8)")?;
    open_line(key, visit, text).map_err(|error| match error {
        _ if torn => "cut off part-way (the tablet stopped while writing it)",
        SealError::NotSealed => "cannot be read: not a whole sealed line",
        _ => "it does not open with this visit's key: it was changed, or moved from elsewhere",
    })
}

/// [`parse_journal`] for a journal whose lines may be sealed with `key`.
pub fn parse_journal_with(
    path: &Path,
    bytes: &[u8],
    key: Option<&DataKey>,
) -> Result<Recovered, JournalError> {
    let label = path.display().to_string();
    let visit = visit_id(path);
    let mut sealed_without_key = 0usize;
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
        let opened;
        let (raw, sealed_seq) = if is_sealed_line(raw) {
            let Some(key) = key else {
                sealed_without_key += 1;
                continue;
            };
            match unseal(key, &visit, raw, torn) {
                Ok((seq, text)) => {
                    opened = text;
                    (opened.as_bytes(), Some(seq))
                }
                Err(reason) => {
                    skipped.push(SkippedLine {
                        line: number,
                        reason: reason.into(),
                    });
                    continue;
                }
            }
        } else {
            (raw, None)
        };
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
            Ok(line) if sealed_seq.is_some_and(|seq| seq != line.seq) => {
                skipped.push(SkippedLine {
                    line: number,
                    reason: "its sequence number is not the one it was sealed with".into(),
                })
            }
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
    // Without the key, a journal with sealed lines is not read at all: part of a visit shown as
    // the whole of it would mislead.
    if sealed_without_key > 0 {
        return Err(JournalError::Sealed { path: label });
    }
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
    /// The profile the visit used; `None` when its first line is damaged.
    pub profile: Option<String>,
    /// UTC RFC 3339.
    pub started: String,
    pub events: usize,
    pub ended: bool,
    /// Line numbers that could not be read.
    pub skipped: Vec<usize>,
}

/// Reads a journal of plain lines and describes it; a file that is not a visit journal is an
/// error naming it.
pub fn describe_journal(path: &Path) -> Result<FoundVisit, JournalError> {
    describe_journal_with(path, None)
}

/// [`describe_journal`] for a journal whose lines may be sealed with `key`.
pub fn describe_journal_with(
    path: &Path,
    key: Option<&DataKey>,
) -> Result<FoundVisit, JournalError> {
    let recovered = read_journal_with(path, key)?;
    let (case_ref, profile, started) = recovered
        .lines
        .iter()
        .find_map(|line| match &line.event {
            Event::VisitStarted {
                case_ref, profile, ..
            } => Some((case_ref.clone(), Some(profile.clone()), line.at.clone())),
            _ => None,
        })
        .unwrap_or_else(|| {
            let started = recovered.lines.first().map(|l| l.at.clone());
            (
                "(first line damaged)".to_string(),
                None,
                started.unwrap_or_default(),
            )
        });
    Ok(FoundVisit {
        path: path.to_path_buf(),
        case_ref,
        profile,
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
