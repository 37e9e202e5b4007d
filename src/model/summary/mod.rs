//! The visit summary: the model built from a journal (`build.rs`, messages in `said.rs`), and
//! its renderers. `sections.rs` lays the summary out once as a list of sections with their
//! wording, `header.rs` its header and footer; `text.rs` (plain text for the
//! case record) and `markdown.rs` format that list; `ron.rs` writes the model itself (it reads
//! back to the same summary), `obl.rs` the journal as an Open Board Log, `picture.rs` the
//! child's messages and answers in their own symbols.

mod attention;
mod build;
mod checked;
mod header;
mod markdown;
mod obl;
mod pdf;
pub mod picture;
mod ron;
mod said;
mod sections;
mod text;

use jiff::tz::TimeZone;
use serde::{Deserialize, Serialize};

use super::session::{Actor, Decline, Mark, SeenAlone};

pub use attention::PROCEDURE;
pub use checked::{Checked, NOT_RIGHT, ReadBackRecord};
pub use markdown::render_markdown;
pub use obl::render_obl;
pub use pdf::{DRAFT_HEADER, MAX_PAGES as MAX_PDF_PAGES, render_pdf};
pub use sections::{Item, Kind, Section, body_place_answer, prompt_about, sections};
pub use text::render_text;

pub const SUMMARY_VERSION: u32 = 1;

/// A renderer that could not write the summary (the export names the file it was for).
#[derive(Debug, thiserror::Error)]
#[error("the {format} summary could not be written: {reason}")]
pub struct RenderError {
    pub format: &'static str,
    pub reason: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Summary {
    pub v: u32,
    pub case_ref: String,
    pub visit: String,
    pub purpose: String,
    pub present: Vec<String>,
    pub seen_alone: SeenAlone,
    /// Whether the child was seen; `None` when the journal does not say.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub child_seen: Option<bool>,
    /// "Recorded by": the worker's name and role, empty when not set.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub recorded_by: String,
    /// The child's usual way of communicating and supports, from their profile.
    #[serde(
        default,
        skip_serializing_if = "crate::model::session::Communication::is_empty"
    )]
    pub communication: crate::model::session::Communication,
    pub profile: String,
    /// UTC, RFC 3339, as in the journal.
    pub started: String,
    pub ended: Option<String>,
    /// What the child said: spoken messages, and symbols tapped but never sent as a message.
    pub child_messages: Vec<Said>,
    /// The worker's own taps (modelling), kept apart from the child's words.
    pub modelling: Vec<Said>,
    /// Messages the worker began (modelling) and the child finished, or the other way round:
    /// never shown as the child's alone.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub together: Vec<Said>,
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
    /// Who was present from each time on, when it changed during the visit (UTC, names).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub present_changes: Vec<(String, Vec<String>)>,
    /// The worker's part of the record, each entry with its part, in the order written.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub worker_record: Vec<(crate::model::record::RecordPart, Note)>,
    /// What the child chose that its file marks as a concern, for the worker's attention.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub attention: Vec<Note>,
    /// Ways other than touch the child chose things by (dwell, switch scanning, keyboard).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub access_used: Vec<crate::model::access::AccessMethod>,
    /// "Check with the child": what was read back and what the child answered.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub read_back: Option<ReadBackRecord>,
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
    /// Who chose each symbol, when the worker and the child both did (else empty).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub chosen_by: Vec<Actor>,
    /// The picture of each symbol as the child saw it ("" where the journal does not say).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub pictures: Vec<String>,
    /// Spoken with no sound: the tablet showed the message but could not say it.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub silent: bool,
    /// Read back, the child said it is not right: kept, marked as such.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub not_right: bool,
    /// The child's home language the message was said in (BCP 47), when the profile has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub home_language: Option<String>,
    /// The symbols with no word in the home language: said in the worker's.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub untranslated: Vec<String>,
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
    /// Read back, the child said it is not right: kept, marked as such.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub not_right: bool,
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
    /// Read back, the child said it is not right: kept, marked as such.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub not_right: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct HouseList {
    pub activity: String,
    /// Each house with the words put in it, in order.
    pub houses: Vec<(String, Vec<String>)>,
    pub declined: Vec<Decline>,
    /// The picture of each word put in a house, as the child saw it.
    #[serde(default, skip_serializing_if = "std::collections::BTreeMap::is_empty")]
    pub pictures: std::collections::BTreeMap<String, String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Note {
    pub at: String,
    pub text: String,
}

/// How the footer describes what happened to the tablet's copy.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportInfo {
    /// UTC RFC 3339.
    pub exported_at: String,
    pub journal_deleted: bool,
    /// The visit's key was destroyed with it (a sealed journal).
    pub key_destroyed: bool,
    /// What the audit trail holds for this visit (docs/data-protection.md, "Audit trail").
    pub trail: Vec<crate::model::audit::AuditLine>,
}

pub(crate) fn local(at: &str, zone: &TimeZone) -> Option<jiff::ZonedDateTime> {
    at.parse::<jiff::Timestamp>()
        .ok()
        .map(|t| t.to_zoned_datetime(zone.clone()))
}

/// `HH:MM` in the given time zone.
pub fn clock_text(at: &str, zone: &TimeZone) -> String {
    local(at, zone)
        .map(|z| z.strftime("%H:%M").to_string())
        .unwrap_or_else(|| "--:--".into())
}

/// `Thu 26 Nov 2026` in the given time zone.
pub fn date_text(at: &str, zone: &TimeZone) -> String {
    local(at, zone)
        .map(|z| z.strftime("%a %-d %b %Y").to_string())
        .unwrap_or_else(|| "unknown date".into())
}
