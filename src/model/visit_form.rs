//! The visit start page's answers as the model checks them: a case reference (never a name),
//! who was present, whether the child was seen alone and why not; they become the journal's
//! first line.

use super::session::{Communication, Event, SeenAlone};

/// What the worker typed on the visit start page.
#[derive(Debug, Clone, Default)]
pub struct VisitForm {
    pub case_ref: String,
    pub visit: String,
    pub purpose: String,
    /// Comma-separated, as typed: "child, mother".
    pub present: String,
    pub seen_alone: SeenAloneAnswer,
    /// Why the child was not seen alone, as regulation 29 asks (with `reason` for the detail).
    pub why: Option<NotAloneWhy>,
    pub reason: String,
    pub profile: String,
    /// The worker's name and role, from their settings.
    pub recorded_by: String,
    /// From the child's profile.
    pub communication: Communication,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SeenAloneAnswer {
    Yes,
    No,
    Partly,
    /// The child was not seen at all (the reason is asked for).
    NotSeen,
    #[default]
    NotRecorded,
}

/// Regulation 29 (Care Planning, Placement and Case Review (England) Regulations 2010): a
/// looked-after child is seen alone unless they refuse, or the worker judges it not appropriate
/// or not possible.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NotAloneWhy {
    ChildRefused,
    NotAppropriate,
    NotPossible,
}

impl NotAloneWhy {
    pub const ALL: [NotAloneWhy; 3] = [
        NotAloneWhy::ChildRefused,
        NotAloneWhy::NotAppropriate,
        NotAloneWhy::NotPossible,
    ];

    pub fn words(self) -> &'static str {
        match self {
            NotAloneWhy::ChildRefused => "the child refused",
            NotAloneWhy::NotAppropriate => "not appropriate",
            NotAloneWhy::NotPossible => "not possible",
        }
    }
}

impl VisitForm {
    /// The reason as the journal keeps it: the regulation's reason, then the worker's words.
    fn full_reason(&self) -> String {
        let typed = self.reason.trim();
        match (self.why, typed.is_empty()) {
            (Some(why), true) => why.words().to_string(),
            (Some(why), false) => format!("{}: {typed}", why.words()),
            (None, _) => typed.to_string(),
        }
    }

    /// The journal's first line, or what the worker must put right, in plain words.
    pub fn visit_started(&self) -> Result<Event, String> {
        check_case_ref(&self.case_ref)?;
        let reason = self.full_reason();
        let seen_alone = match self.seen_alone {
            SeenAloneAnswer::Yes => SeenAlone::Yes,
            SeenAloneAnswer::NotRecorded => SeenAlone::NotRecorded,
            SeenAloneAnswer::NotSeen if reason.is_empty() => {
                return Err("Say why the child was not seen.".into());
            }
            SeenAloneAnswer::No | SeenAloneAnswer::Partly if reason.is_empty() => {
                return Err("Say why the child was not seen alone.".into());
            }
            SeenAloneAnswer::No | SeenAloneAnswer::NotSeen => SeenAlone::No { reason },
            SeenAloneAnswer::Partly => SeenAlone::Partly { reason },
        };
        let child_seen = match self.seen_alone {
            SeenAloneAnswer::NotRecorded => None,
            SeenAloneAnswer::NotSeen => Some(false),
            _ => Some(true),
        };
        Ok(Event::VisitStarted {
            case_ref: self.case_ref.trim().to_string(),
            visit: self.visit.trim().to_string(),
            purpose: self.purpose.trim().to_string(),
            present: self
                .present
                .split(',')
                .map(str::trim)
                .filter(|who| !who.is_empty())
                .map(String::from)
                .collect(),
            seen_alone,
            profile: self.profile.clone(),
            child_seen,
            recorded_by: self.recorded_by.trim().to_string(),
            communication: self.communication.clone(),
        })
    }
}

/// A case reference is the council's number for the case, never the child's name: it must
/// have a digit in it, and be short.
pub fn check_case_ref(case_ref: &str) -> Result<(), String> {
    let case_ref = case_ref.trim();
    if case_ref.is_empty() {
        return Err("Enter the case reference.".into());
    }
    if case_ref.chars().count() > 40 {
        return Err("A case reference is at most 40 characters.".into());
    }
    if !case_ref.chars().any(|c| c.is_ascii_digit()) {
        return Err("A case reference has a number in it, and is never the child's name.".into());
    }
    Ok(())
}
