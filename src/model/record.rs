//! The worker's part of the record (UK recording guidance: facts apart from opinion, what the
//! child was told, next steps, the visit's limits), each entry its own journal event and each
//! part its own summary section, after the child's parts (docs/journal-format.md, `WorkerRecord`).

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum RecordPart {
    /// Facts seen and heard.
    Observation,
    /// The worker's view, labelled as such.
    Analysis,
    /// What the child was told will happen.
    ToldChild,
    /// What, who, by when.
    NextStep,
    /// The child was tired, the tool did not have a word, ...
    Limit,
}

impl RecordPart {
    /// The order the summary gives them in.
    pub const ALL: [RecordPart; 5] = [
        RecordPart::Observation,
        RecordPart::Analysis,
        RecordPart::ToldChild,
        RecordPart::NextStep,
        RecordPart::Limit,
    ];

    /// The summary's heading for the part.
    pub fn heading(self) -> &'static str {
        match self {
            RecordPart::Observation => "Observations (facts seen and heard)",
            RecordPart::Analysis => {
                "The worker's analysis (the worker's view, not the child's words)"
            }
            RecordPart::ToldChild => "What the child was told will happen",
            RecordPart::NextStep => "Next steps (what, who, by when)",
            RecordPart::Limit => "Limits of this visit",
        }
    }

    /// The part's name on the worker's page.
    pub fn name(self) -> &'static str {
        match self {
            RecordPart::Observation => "Observations",
            RecordPart::Analysis => "My analysis",
            RecordPart::ToldChild => "Told the child",
            RecordPart::NextStep => "Next steps",
            RecordPart::Limit => "Limits",
        }
    }

    /// What belongs in the part, for the worker's page.
    pub fn guidance(self) -> &'static str {
        match self {
            RecordPart::Observation => "What you saw and heard, not what you think it means.",
            RecordPart::Analysis => {
                "What you think it means: shown as your view, apart from the facts."
            }
            RecordPart::ToldChild => {
                "What you told the child will happen next, in the words you used."
            }
            RecordPart::NextStep => "What will be done, by whom, and by when.",
            RecordPart::Limit => "What made this visit's picture incomplete.",
        }
    }

    /// Common entries, one tap each; typing is always possible.
    pub fn phrases(self) -> &'static [&'static str] {
        match self {
            RecordPart::Observation => &[
                "The child used the board without prompting.",
                "The child pointed to the symbols to answer.",
                "The child's room was seen.",
                "The child was relaxed with their carer.",
            ],
            RecordPart::Analysis => &[
                "The child's views appear consistent with the last visit.",
                "The child seemed anxious when home was discussed.",
            ],
            RecordPart::ToldChild => &[
                "I will come back to see you soon.",
                "I will talk to the people who help you about what you told me.",
                "What you told me stays private unless you might not be safe.",
            ],
            RecordPart::NextStep => &[
                "Share the summary with the team manager today.",
                "Next visit within 10 working days.",
                "Speak to the school about the child's communication.",
            ],
            RecordPart::Limit => &[
                "The child was tired.",
                "The board did not have a word the child wanted.",
                "A parent was present for part of the visit.",
                "The visit was shorter than planned.",
            ],
        }
    }
}
