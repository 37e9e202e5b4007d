//! Structured activities: emotion scales, card sorts, houses and the body map. Definitions are
//! RON files (built-ins in `assets/activities/`, a worker's own in the profile folder), checked
//! with `PATH:LINE:COLUMN` problems like boards (`check.rs`); a child's way through one is the
//! pure state machine in `run.rs`.

mod check;
mod run;

pub use check::{is_activity_file, parse_activity};
pub use run::{Action, Open, Run, Step, card_prompt, current_prompt, step};

use std::collections::BTreeMap;
use std::path::Path;

use serde::{Deserialize, Serialize};

use super::problem::{Problem, quoted, read_text_file};
use super::symbols::SymbolLibrary;

pub const ACTIVITY_VERSION: u32 = 1;
/// The activity the "Feelings" button on the board opens.
pub const FEELINGS_CHECK_IN: &str = "feelings-check-in";

const BUILT_IN: [(&str, &str); 7] = [
    (
        "feelings-check-in.ron",
        include_str!("../../../assets/activities/feelings-check-in.ron"),
    ),
    (
        "feeling-size.ron",
        include_str!("../../../assets/activities/feeling-size.ron"),
    ),
    (
        "feelings-chooser.ron",
        include_str!("../../../assets/activities/feelings-chooser.ron"),
    ),
    (
        "where-it-hurts.ron",
        include_str!("../../../assets/activities/where-it-hurts.ron"),
    ),
    (
        "hurt-size.ron",
        include_str!("../../../assets/activities/hurt-size.ron"),
    ),
    (
        "my-week.ron",
        include_str!("../../../assets/activities/my-week.ron"),
    ),
    (
        "three-houses.ron",
        include_str!("../../../assets/activities/three-houses.ron"),
    ),
];

/// One activity file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ActivityFile {
    pub v: u32,
    pub id: String,
    /// The name on the activity's button.
    pub title: String,
    pub symbol: String,
    pub activity: Activity,
    /// Shown in the list of activities (a follow-up such as the size scale is reached from the
    /// activity before it instead).
    #[serde(default = "shown_by_default")]
    pub listed: bool,
}

fn shown_by_default() -> bool {
    true
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub enum Activity {
    /// Ordered points (or, with `Choices`, a set to pick from), one answer.
    Scale {
        prompt: String,
        look: ScaleLook,
        points: Vec<Point>,
        /// The activity that follows an answer (the feelings chooser leads to the size scale).
        #[serde(default)]
        then: Option<String>,
    },
    /// One card at a time, each placed under a column of the top scale.
    CardSort {
        prompt: String,
        columns: Vec<Point>,
        cards: Vec<Card>,
    },
    /// Named boxes the child fills with symbols from their vocabulary.
    Houses { prompt: String, houses: Vec<House> },
    /// Regions on a front and back outline; `then` asks how much.
    BodyMap {
        prompt: String,
        regions: Vec<Region>,
        #[serde(default)]
        then: Option<String>,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum ScaleLook {
    /// A row of faces, lowest on the left.
    Faces,
    /// A column of steps, lowest at the bottom, with a word at each end.
    Thermometer,
    /// Unordered choices (a feelings chooser).
    Choices,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Point {
    pub word: String,
    pub symbol: String,
    /// `#rrggbb`; never the only thing that tells points apart (each has a word and a picture).
    pub colour: String,
    pub value: i32,
    /// Chosen by the child, the answer is listed in the summary for the worker's attention.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub concern: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Card {
    pub id: String,
    pub word: String,
    pub symbol: String,
    /// Spoken and shown with the card ("How is school?"); else the sort's prompt.
    #[serde(default)]
    pub prompt: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct House {
    pub id: String,
    pub word: String,
    pub symbol: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Side {
    Front,
    Back,
}

/// A region of the body outline, placed in percent of the outline's box.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Region {
    pub id: String,
    pub word: String,
    pub side: Side,
    pub x: f32,
    pub y: f32,
    pub width: f32,
    pub height: f32,
    /// A picture shown in the region above its word (a region may have none).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub symbol: Option<String>,
}

impl ActivityFile {
    pub fn prompt(&self) -> &str {
        match &self.activity {
            Activity::Scale { prompt, .. }
            | Activity::CardSort { prompt, .. }
            | Activity::Houses { prompt, .. }
            | Activity::BodyMap { prompt, .. } => prompt,
        }
    }

    /// The words offered, in order, as the journal records them.
    pub fn options(&self) -> Vec<String> {
        match &self.activity {
            Activity::Scale { points, .. } => points.iter().map(|p| p.word.clone()).collect(),
            Activity::CardSort { columns, .. } => columns.iter().map(|p| p.word.clone()).collect(),
            Activity::Houses { houses, .. } => houses.iter().map(|h| h.word.clone()).collect(),
            Activity::BodyMap { regions, .. } => regions.iter().map(|r| r.word.clone()).collect(),
        }
    }

    pub fn then(&self) -> Option<&str> {
        match &self.activity {
            Activity::Scale { then, .. } | Activity::BodyMap { then, .. } => then.as_deref(),
            _ => None,
        }
    }
}

/// Every activity the app offers, by id, in the order they are listed.
#[derive(Debug, Clone, Default)]
pub struct Activities {
    pub by_id: BTreeMap<String, ActivityFile>,
    pub order: Vec<String>,
}

impl Activities {
    pub fn get(&self, id: &str) -> Option<&ActivityFile> {
        self.by_id.get(id)
    }

    pub fn listed(&self) -> impl Iterator<Item = &ActivityFile> {
        self.order
            .iter()
            .filter_map(|id| self.by_id.get(id))
            .filter(|a| a.listed)
    }

    /// The symbol an activity shows with a word (a point, a card or a house), for pictures of
    /// the child's answers: that of `activity` when it has the word (two activities may show
    /// the same word with different faces), else the first activity's that does.
    pub fn symbol_for_word(&self, activity: &str, word: &str) -> Option<&str> {
        let named = self.by_id.get(activity).into_iter();
        named.chain(self.by_id.values()).find_map(|file| {
            let matches = |w: &str| w.eq_ignore_ascii_case(word);
            match &file.activity {
                Activity::Scale { points, .. } => points
                    .iter()
                    .find(|p| matches(&p.word))
                    .map(|p| p.symbol.as_str()),
                Activity::CardSort { columns, cards, .. } => columns
                    .iter()
                    .find(|p| matches(&p.word))
                    .map(|p| p.symbol.as_str())
                    .or_else(|| {
                        cards
                            .iter()
                            .find(|c| matches(&c.word))
                            .map(|c| c.symbol.as_str())
                    }),
                Activity::Houses { houses, .. } => houses
                    .iter()
                    .find(|h| matches(&h.word))
                    .map(|h| h.symbol.as_str()),
                Activity::BodyMap { .. } => None,
            }
        })
    }

    /// The built-in activities (validated by the test suite).
    pub fn built_in(symbols: &SymbolLibrary) -> (Activities, Vec<Problem>) {
        let mut activities = Activities::default();
        let mut problems = Vec::new();
        for (name, text) in BUILT_IN {
            match parse_activity(&format!("assets/activities/{name}"), text, symbols) {
                Ok(activity) => activities.add(activity),
                Err(found) => problems.extend(found),
            }
        }
        (activities, problems)
    }

    /// Adds the activities in `dir` (a worker's own); a file with problems is left out and its
    /// problems returned, and every other activity stays usable.
    pub fn add_dir(&mut self, dir: &Path, symbols: &SymbolLibrary) -> Vec<Problem> {
        let mut problems = Vec::new();
        let Ok(entries) = std::fs::read_dir(dir) else {
            return problems;
        };
        let mut files: Vec<_> = entries
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|e| e == "ron"))
            .collect();
        files.sort();
        for file in files {
            let label = file.display().to_string();
            let parsed = read_text_file(&file)
                .map_err(|p| vec![p])
                .and_then(|text| parse_activity(&label, &text, symbols));
            match parsed {
                Ok(activity) => self.add(activity),
                Err(found) => problems.extend(found),
            }
        }
        problems.extend(self.check_links());
        problems
    }

    fn add(&mut self, activity: ActivityFile) {
        if !self.by_id.contains_key(&activity.id) {
            self.order.push(activity.id.clone());
        }
        self.by_id.insert(activity.id.clone(), activity);
    }

    /// `then` must name an activity that exists.
    pub fn check_links(&self) -> Vec<Problem> {
        let mut problems = Vec::new();
        for activity in self.by_id.values() {
            if let Some(next) = activity.then()
                && !self.by_id.contains_key(next)
            {
                problems.push(Problem::at_start(
                    &format!("activity {}", quoted(&activity.id)),
                    format!("\"then\" names {}, which is not an activity", quoted(next)),
                ));
            }
        }
        problems
    }
}

/// `#rrggbb` as red, green, blue in 0..=1.
pub fn parse_colour(text: &str) -> Option<[f32; 3]> {
    let hex = text.strip_prefix('#')?;
    if hex.len() != 6 || !hex.is_ascii() {
        return None;
    }
    let channel = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).ok();
    Some([
        f32::from(channel(0)?) / 255.0,
        f32::from(channel(2)?) / 255.0,
        f32::from(channel(4)?) / 255.0,
    ])
}
