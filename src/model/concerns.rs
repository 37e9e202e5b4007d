//! What needs the worker's attention: a cell or an activity answer that its file marks as a
//! concern (docs/vocabulary-format.md, docs/activities-format.md). The app journals a `Concern`
//! for each as it is chosen; a journal written before that (version 1) has them looked up in
//! the built-in boards and activities when its visit used the built-in profile.

use super::activity::{Activities, Activity};
use super::session::Event;
use super::symbols::SymbolLibrary;
use super::vocab::Vocabulary;

/// Whether `event` chose something its file marks as a concern.
pub fn is_concern(event: &Event, vocabulary: &Vocabulary, activities: &Activities) -> bool {
    match event {
        Event::SymbolChosen { board, cell, .. } => vocabulary
            .board(board)
            .and_then(|b| b.cell(cell))
            .is_some_and(|c| c.concern),
        Event::ScaleAnswered { scale, chosen, .. } => {
            activities
                .get(scale)
                .is_some_and(|file| match &file.activity {
                    Activity::Scale { points, .. } => {
                        points.get(*chosen).is_some_and(|p| p.concern)
                    }
                    _ => false,
                })
        }
        _ => false,
    }
}

/// The built-in boards and activities, for version 1 journals of the built-in profile.
pub fn built_in() -> Option<(Vocabulary, Activities)> {
    let symbols = SymbolLibrary::built_in();
    let vocabulary = Vocabulary::built_in(&symbols).ok()?;
    let (activities, _) = Activities::built_in(&symbols);
    Some((vocabulary, activities))
}
