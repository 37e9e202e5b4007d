//! A visit's journal: one RON value per line, appended and fsynced per event (`journal.rs`
//! writes it), so a crash or a flat battery loses only events not yet synced: in the app, the
//! one being written and any queued behind it (docs/journal-format.md, "When a tap is on
//! disk"). Reading it back skips torn or corrupt lines, reports them by number, and keeps
//! everything else (`read.rs`).

mod read;

pub use read::*;

use serde::{Deserialize, Serialize};

/// 2: `Concern` events (docs/journal-format.md); version 1 lines are still read.
pub const JOURNAL_VERSION: u32 = 2;
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

/// A child's usual way of communicating and the supports usually used with them, as their
/// profile gives them when a visit starts.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Communication {
    pub usual: String,
    pub supports: Vec<String>,
}

impl Communication {
    pub fn is_empty(&self) -> bool {
        self.usual.trim().is_empty() && self.supports.is_empty()
    }
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
        /// The worker's name and role as their settings give them, for "Recorded by" (left
        /// out when the worker has set none).
        #[serde(default, skip_serializing_if = "String::is_empty")]
        recorded_by: String,
        /// How the child usually communicates and the supports usually used, from their
        /// profile (left out when the profile says nothing).
        #[serde(default, skip_serializing_if = "Communication::is_empty")]
        communication: Communication,
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
        /// The child's home language (BCP 47) when the profile has one: the symbols with a word
        /// in it were said in it, those in `untranslated` (by position) in the worker's.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        home_language: Option<String>,
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        untranslated: Vec<usize>,
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
    /// Who is present changed during the visit (someone joined or left): everyone present from
    /// now on, as the worker typed them.
    PresentChanged {
        present: Vec<String>,
    },
    /// One entry of the worker's part of the record (`model/record.rs`), added on review.
    WorkerRecord {
        part: crate::model::record::RecordPart,
        text: String,
    },
    /// The event `seq` chose a word or an answer its file marks as a concern (the keeping-safe
    /// board's telling and hurting words, "not safe", "hurts a lot"): the summary lists it for
    /// the worker's attention when the child chose it. Nothing on the child's screen changes.
    Concern {
        seq: u64,
    },
    /// The worker brought back an event struck out before (a strike-out by mistake); the
    /// latest of `Redacted` and `Restored` for an event wins.
    Restored {
        seq: u64,
    },
    /// The worker started "Check with the child" (`model/read_back`) for `items` messages and
    /// answers.
    ReadBackStarted {
        items: usize,
    },
    /// The child's answer to a read-back question about `item` (a key from
    /// `model::read_back::items`), with the exact words read back.
    ReadBackAnswer {
        item: String,
        read_back: String,
        question: crate::model::read_back::Question,
        answer: crate::model::read_back::CheckAnswer,
    },
    /// The child first chose something by `how` in this visit (dwell, switch scanning or the
    /// keyboard; touch is the board's own), for the summary's supports.
    AccessUsed {
        how: crate::model::access::AccessMethod,
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
