//! "Check with the child": the child's messages and answers of this visit read back to them one
//! at a time in their own symbols, each asked "Is that right?" and then "Can I share this with
//! the people who help you?", every answer journaled (docs/journal-format.md, "ReadBack").

mod items;

pub use items::{CheckItem, I_ASKED, Shown, YOU_SAID, answer_key, items, message_key};

use serde::{Deserialize, Serialize};

use crate::model::session::{Decline, Event};

/// The two questions asked of each item.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Question {
    Right,
    Share,
}

impl Question {
    pub fn words(self) -> &'static str {
        match self {
            Question::Right => "Is that right?",
            Question::Share => "Can I share this with the people who help you?",
        }
    }

    /// The big choices under the question; the activity bar adds the declines
    /// ("I don't want to answer", "I don't know") as on every activity.
    pub fn choices(self) -> &'static [CheckAnswer] {
        match self {
            Question::Right => &[CheckAnswer::Yes, CheckAnswer::No],
            Question::Share => &[CheckAnswer::Yes, CheckAnswer::No, CheckAnswer::NotSure],
        }
    }
}

/// What the child answered to a read-back question.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum CheckAnswer {
    Yes,
    No,
    NotSure,
    DontKnow,
    DontWantToAnswer,
}

impl CheckAnswer {
    pub fn words(self) -> &'static str {
        match self {
            CheckAnswer::Yes => "yes",
            CheckAnswer::No => "no",
            CheckAnswer::NotSure => "not sure",
            CheckAnswer::DontKnow => Decline::DontKnow.words(),
            CheckAnswer::DontWantToAnswer => Decline::DontWantToAnswer.words(),
        }
    }

    /// The picture on the answer's card.
    pub fn symbol(self) -> &'static str {
        match self {
            CheckAnswer::Yes => "thumbs-up",
            CheckAnswer::No => "thumbs-down",
            CheckAnswer::NotSure => "thinking-face",
            CheckAnswer::DontKnow => "person-shrugging",
            CheckAnswer::DontWantToAnswer => "zipper-mouth-face",
        }
    }
}

impl From<Decline> for CheckAnswer {
    fn from(decline: Decline) -> CheckAnswer {
        match decline {
            Decline::DontKnow => CheckAnswer::DontKnow,
            Decline::DontWantToAnswer => CheckAnswer::DontWantToAnswer,
        }
    }
}

/// Where the child is in the read-back.
#[derive(Debug, Clone, PartialEq)]
pub struct ReadBack {
    pub items: Vec<CheckItem>,
    /// The item being asked about; `items.len()` once every item was asked.
    pub at: usize,
    pub question: Question,
}

/// What one answer does: the journal line to write and the words to say next.
#[derive(Debug, Clone, PartialEq)]
pub struct CheckStep {
    pub next: ReadBack,
    pub record: Event,
    /// In parts, each a bundled clip where there is one (the voice says them in order).
    pub say: Vec<String>,
}

/// Shown and said when every item has been asked about (two clips, each short).
pub const ALL_CHECKED: [&str; 2] = [
    "Thank you for checking.",
    "You can give the tablet back now.",
];

impl ReadBack {
    pub fn new(items: Vec<CheckItem>) -> ReadBack {
        ReadBack {
            items,
            at: 0,
            question: Question::Right,
        }
    }

    pub fn current(&self) -> Option<&CheckItem> {
        self.items.get(self.at)
    }

    pub fn finished(&self) -> bool {
        self.at >= self.items.len()
    }

    /// What the tablet says on this screen, in parts: the item and the question, or the thanks
    /// at the end.
    pub fn spoken(&self) -> Vec<String> {
        match (self.current(), self.question) {
            (None, _) => ALL_CHECKED.map(String::from).to_vec(),
            (Some(item), Question::Right) => {
                let mut parts = item.say.clone();
                parts.push(Question::Right.words().to_string());
                parts
            }
            (Some(_), Question::Share) => vec![Question::Share.words().to_string()],
        }
    }

    /// The child answered the question on screen. An item the child says is not right is not
    /// asked about sharing (it is kept, marked as not right); any other answer is.
    pub fn answer(&self, answer: CheckAnswer) -> Option<CheckStep> {
        let item = self.current()?;
        let record = Event::ReadBackAnswer {
            item: item.key.clone(),
            read_back: item.read_back(),
            question: self.question,
            answer,
        };
        let mut next = self.clone();
        if self.question == Question::Right && answer != CheckAnswer::No {
            next.question = Question::Share;
        } else {
            next.at += 1;
            next.question = Question::Right;
        }
        let mut say = vec![answer.words().to_string()];
        say.extend(next.spoken());
        Some(CheckStep { next, record, say })
    }
}
