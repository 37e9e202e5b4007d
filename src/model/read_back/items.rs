//! What is read back: each of the child's own messages and answers in the summary (never the
//! worker's modelling, nor a message made together), with the pictures the child saw.

use crate::model::activity::Activities;
use crate::model::session::Actor;
use crate::model::summary::{Summary, body_place_answer, prompt_about};

/// One message or answer to read back.
#[derive(Debug, Clone, PartialEq)]
pub struct CheckItem {
    /// Names the item in the journal and the summary: its kind and time, or for card sorts and
    /// houses (whose summary has no times) its activity and card or house.
    pub key: String,
    /// The question the child answered, for an activity's answer.
    pub asked: Option<String>,
    /// The child's words, as the summary quotes them.
    pub words: String,
    /// The symbols shown with it, in order.
    pub shown: Vec<Shown>,
}

/// A word and the picture the child saw with it (a symbol or photo id; "" for none).
#[derive(Debug, Clone, PartialEq)]
pub struct Shown {
    pub word: String,
    pub picture: String,
}

impl CheckItem {
    /// The words the tablet says and the journal keeps: "You said: I want juice." or
    /// "I asked: How are you feeling? You said: sad."
    pub fn read_back(&self) -> String {
        match &self.asked {
            Some(asked) => format!("I asked: {asked} You said: {}.", self.words),
            None => format!("You said: {}.", self.words),
        }
    }
}

/// The items of `summary` in the order its sections give them; `activities` gives the pictures
/// of activity answers.
pub fn items(summary: &Summary, activities: &Activities) -> Vec<CheckItem> {
    let picture = |activity: &str, word: &str| Shown {
        word: word.to_string(),
        picture: activities
            .symbol_for_word(activity, word)
            .unwrap_or_default()
            .to_string(),
    };
    let mut list = Vec::new();
    for said in &summary.child_messages {
        let shown = said
            .symbols
            .iter()
            .enumerate()
            .map(|(i, word)| Shown {
                word: word.clone(),
                picture: said.pictures.get(i).cloned().unwrap_or_default(),
            })
            .collect();
        let words = said.spoken.clone().unwrap_or_else(|| said.symbols.join(" "));
        list.push(CheckItem {
            key: message_key(&said.at),
            asked: None,
            words,
            shown,
        });
    }
    for feeling in &summary.feelings {
        let Some(answer) = feeling.options.get(feeling.chosen) else {
            continue;
        };
        if feeling.by != Actor::Child || feeling.declined.is_some() {
            continue;
        }
        list.push(CheckItem {
            key: answer_key(&feeling.at),
            asked: Some(prompt_about(&feeling.prompt, feeling.about.as_deref())),
            words: answer.clone(),
            shown: vec![picture(&feeling.scale, answer)],
        });
    }
    for place in &summary.body_map {
        let (Some(region), Some(words)) = (&place.region, body_place_answer(place)) else {
            continue;
        };
        if place.by != Actor::Child || place.declined.is_some() {
            continue;
        }
        list.push(CheckItem {
            key: answer_key(&place.at),
            asked: Some(place.prompt.clone()),
            words,
            shown: vec![Shown {
                word: region.clone(),
                picture: String::new(),
            }],
        });
    }
    for sort in &summary.card_sorts {
        for (column, cards) in &sort.columns {
            for card in cards {
                list.push(CheckItem {
                    key: format!("card:{}/{card}", sort.activity),
                    asked: None,
                    words: format!("{card}: {column}"),
                    shown: vec![picture(&sort.activity, card), picture(&sort.activity, column)],
                });
            }
        }
    }
    for houses in &summary.houses {
        for (house, words) in houses.houses.iter().filter(|(_, w)| !w.is_empty()) {
            let mut shown = vec![picture(&houses.activity, house)];
            shown.extend(words.iter().map(|word| Shown {
                word: word.clone(),
                picture: houses.pictures.get(word).cloned().unwrap_or_default(),
            }));
            list.push(CheckItem {
                key: format!("house:{}/{house}", houses.activity),
                asked: None,
                words: format!("{house}: {}", words.join(", ")),
                shown,
            });
        }
    }
    list
}

pub fn message_key(at: &str) -> String {
    format!("message:{at}")
}

pub fn answer_key(at: &str) -> String {
    format!("answer:{at}")
}
