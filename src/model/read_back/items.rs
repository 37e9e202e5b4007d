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
    /// What the tablet says, in parts that each can have a bundled clip: "You said", the words;
    /// for an answer first "I asked" and the question.
    pub say: Vec<String>,
}

/// The parts the tablet says around an item's words.
pub const YOU_SAID: &str = "You said";
pub const I_ASKED: &str = "I asked";

fn say(asked: &[&str], words: &[&str]) -> Vec<String> {
    let mut parts = Vec::new();
    if !asked.is_empty() {
        parts.push(I_ASKED.to_string());
        parts.extend(asked.iter().map(|part| part.to_string()));
    }
    parts.push(YOU_SAID.to_string());
    parts.extend(words.iter().map(|word| word.to_string()));
    parts
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
        let words = said
            .spoken
            .clone()
            .unwrap_or_else(|| said.symbols.join(" "));
        let labels: Vec<&str> = said.symbols.iter().map(String::as_str).collect();
        list.push(CheckItem {
            key: message_key(&said.at),
            asked: None,
            words,
            shown,
            say: say(&[], &labels),
        });
    }
    for feeling in &summary.feelings {
        let Some(answer) = feeling.options.get(feeling.chosen) else {
            continue;
        };
        if feeling.by != Actor::Child || feeling.declined.is_some() {
            continue;
        }
        let asked: Vec<&str> = std::iter::once(feeling.prompt.as_str())
            .chain(feeling.about.as_deref())
            .collect();
        list.push(CheckItem {
            key: answer_key(&feeling.at),
            asked: Some(prompt_about(&feeling.prompt, feeling.about.as_deref())),
            words: answer.clone(),
            shown: vec![picture(&feeling.scale, answer)],
            say: say(&asked, &[answer]),
        });
    }
    for place in &summary.body_map {
        let (Some(region), Some(words)) = (&place.region, body_place_answer(place)) else {
            continue;
        };
        if place.by != Actor::Child || place.declined.is_some() {
            continue;
        }
        let how_much = place
            .how_much
            .as_deref()
            .map(|h| h.split(" (").next().unwrap_or(h));
        let said: Vec<&str> = std::iter::once(region.as_str()).chain(how_much).collect();
        list.push(CheckItem {
            key: answer_key(&place.at),
            asked: Some(place.prompt.clone()),
            say: say(&[&place.prompt], &said),
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
                    shown: vec![
                        picture(&sort.activity, card),
                        picture(&sort.activity, column),
                    ],
                    say: say(&[], &[card, column]),
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
            let said: Vec<&str> = std::iter::once(house.as_str())
                .chain(words.iter().map(String::as_str))
                .collect();
            list.push(CheckItem {
                key: format!("house:{}/{house}", houses.activity),
                asked: None,
                words: format!("{house}: {}", words.join(", ")),
                shown,
                say: say(&[], &said),
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
