//! The editor's panel for a selected cell: its word and class, hide, move, remove, folders and
//! links, its photo and recording; and the list of boards a cell can open.

use bevy::prelude::*;

use super::media::{MediaAction, media_action};
use super::view::PANEL_PX;
use super::{EditorAction, editor_action};
use crate::model::vocab::{Board, Cell, Vocabulary, WordClass};
use crate::theme::{body, button, chip_button, filled_text_field, row};
use crate::worker::FormField;

/// The word classes in the order of the Fitzgerald key, with the words the worker sees.
const CLASSES: [(WordClass, &str); 8] = [
    (WordClass::People, "person"),
    (WordClass::Verb, "action"),
    (WordClass::Describing, "describing"),
    (WordClass::Noun, "thing"),
    (WordClass::Social, "social"),
    (WordClass::Question, "question"),
    (WordClass::Negation, "no / not"),
    (WordClass::Misc, "other"),
];

/// What the tablet says for the cell, when not its word (a phrase shown short); and, when the
/// child has a home language, the cell's word in it as an interpreter gives it.
pub(super) fn says_field(panel: &mut ChildSpawnerCommands, cell: &Cell, home: Option<&str>) {
    panel.spawn(body(format!(
        "What the tablet says for \"{}\" (leave it empty to say the word):",
        cell.word
    )));
    panel.spawn(filled_text_field(
        "Cell says field",
        FormField::CellSays,
        PANEL_PX - 8.0,
        cell.says.as_deref().unwrap_or_default(),
    ));
    panel.spawn(row()).with_children(|line| {
        line.spawn(button(
            "Save says button",
            "Save",
            editor_action(EditorAction::SaveSays),
        ));
        line.spawn(button(
            "Cancel button",
            "Cancel",
            editor_action(EditorAction::Cancel),
        ));
    });
    let Some(language) = home else { return };
    let name = crate::model::languages::name_of(language);
    panel.spawn(body(format!(
        "\"{}\" in {name}, as an interpreter gives it (empty: said in English):",
        cell.word
    )));
    panel.spawn(filled_text_field(
        "Cell translation field",
        FormField::CellTranslation,
        PANEL_PX - 8.0,
        crate::model::languages::translation(&cell.translations, language).unwrap_or_default(),
    ));
    panel.spawn(button(
        "Save translation button",
        format!("Save the {name} word"),
        editor_action(EditorAction::SaveTranslation),
    ));
}

/// Every other board, to choose the one the cell opens.
pub(super) fn link_chooser(
    panel: &mut ChildSpawnerCommands,
    cell: &Cell,
    board: &Board,
    vocabulary: &Vocabulary,
) {
    panel.spawn(body(format!("Which board does \"{}\" open?", cell.word)));
    panel.spawn(row()).with_children(|line| {
        let others = vocabulary.boards.values().filter(|b| b.id != board.id);
        for other in others {
            line.spawn(chip_button(
                format!("Link {}", other.id),
                other.name.clone(),
                cell.opens.as_deref() == Some(other.id.as_str()),
                editor_action(EditorAction::Link(other.id.clone())),
            ));
        }
    });
    panel.spawn(button(
        "Cancel button",
        "Cancel",
        editor_action(EditorAction::Cancel),
    ));
}

pub(super) fn cell_actions(panel: &mut ChildSpawnerCommands, cell: &Cell) {
    panel.spawn(row()).with_children(|line| {
        line.spawn(filled_text_field(
            "Cell word field",
            FormField::CellWord,
            PANEL_PX - 140.0,
            &cell.word,
        ));
        line.spawn(button(
            "Save word button",
            "Save",
            editor_action(EditorAction::SaveWord),
        ));
    });
    panel.spawn(row()).with_children(|line| {
        for (class, word) in CLASSES {
            line.spawn(chip_button(
                format!("Class {word}"),
                word,
                cell.class == class,
                editor_action(EditorAction::Class(class)),
            ));
        }
    });
    panel.spawn(row()).with_children(|line| {
        let (name, word) = if cell.hidden {
            ("Show button", "Show")
        } else {
            ("Hide button", "Hide")
        };
        line.spawn(button(
            name,
            word,
            editor_action(EditorAction::Hide(!cell.hidden)),
        ));
        line.spawn(button(
            "Move button",
            "Move",
            editor_action(EditorAction::Move),
        ));
        line.spawn(button(
            "Remove button",
            "Remove",
            editor_action(EditorAction::Remove),
        ));
    });
    panel.spawn(row()).with_children(|line| {
        if cell.is_folder() {
            line.spawn(button(
                "Open folder button",
                "Open folder",
                editor_action(EditorAction::OpenFolder),
            ));
            line.spawn(button(
                "Hide folder button",
                "Hide folder",
                editor_action(EditorAction::HideFolder(true)),
            ));
            line.spawn(button(
                "Show folder button",
                "Show folder",
                editor_action(EditorAction::HideFolder(false)),
            ));
        } else {
            line.spawn(button(
                "Make folder button",
                "Make folder",
                editor_action(EditorAction::MakeFolder),
            ));
        }
        line.spawn(button(
            "Link board button",
            "Opens…",
            editor_action(EditorAction::ChooseLink),
        ));
        line.spawn(button(
            "Says button",
            "Says…",
            editor_action(EditorAction::ChooseSays),
        ));
    });
    panel.spawn(row()).with_children(|line| {
        for (name, word, action) in [
            ("Photo button", "Photo…", MediaAction::ChoosePhoto),
            (
                "Voice file button",
                "Voice file…",
                MediaAction::ChooseRecording,
            ),
            ("Record button", "Record 3 s", MediaAction::Record),
        ] {
            line.spawn(button(name, word, media_action(action)));
        }
    });
}
