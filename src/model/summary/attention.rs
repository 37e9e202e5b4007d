//! The summary's opening section: what the child (never the worker modelling) chose that its
//! file marks as a concern, each with its time and the exact word or the prompt and answer
//! (docs/journal-format.md, "Concern"). The app decides nothing; the section says so.

use std::collections::HashSet;

use super::Note;
use crate::model::concerns::{built_in, is_concern};
use crate::model::profile::DEFAULT_PROFILE;
use crate::model::session::{Actor, Event, Recovered};

/// The one line under the list: the worker acts, the app does not.
pub const PROCEDURE: &str = "Follow your local safeguarding procedure. Hearme decides nothing: \
     it lists what the child chose that the boards and activities mark for attention.";

pub(super) fn attention(recovered: &Recovered, profile: &str) -> Vec<Note> {
    let marked: HashSet<u64> = recovered
        .kept_lines()
        .filter_map(|l| match l.event {
            Event::Concern { seq } => Some(seq),
            _ => None,
        })
        .collect();
    // Lines written before concerns were journaled: the built-in files say, for the visits
    // that used them.
    let older = recovered.lines.iter().any(|l| l.v < 2);
    let files = (older && profile == DEFAULT_PROFILE)
        .then(built_in)
        .flatten();
    let mut list = Vec::new();
    for line in recovered.kept_lines() {
        let from_files = || {
            line.v < 2
                && files.as_ref().is_some_and(|(vocabulary, activities)| {
                    is_concern(&line.event, vocabulary, activities)
                })
        };
        if !marked.contains(&line.seq) && !from_files() {
            continue;
        }
        let text = match &line.event {
            Event::SymbolChosen {
                label,
                by: Actor::Child,
                ..
            } => format!("chose the symbol [{label}]"),
            Event::ScaleAnswered {
                prompt,
                options,
                chosen,
                by: Actor::Child,
                about,
                ..
            } => {
                let asked = match about {
                    Some(about) => format!("{prompt} ({about})"),
                    None => prompt.clone(),
                };
                let answer = options.get(*chosen).map_or("?", String::as_str);
                format!("asked \"{asked}\", answered [{answer}]")
            }
            _ => continue,
        };
        list.push(Note {
            at: line.at.clone(),
            text,
        });
    }
    list
}
