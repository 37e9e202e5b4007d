//! What the editor's message line says once an edit is saved.

use crate::model::editor::Edit;

pub(super) fn done_words(edit: &Edit) -> String {
    match edit {
        Edit::Add { word, .. } => format!("Added \"{word}\". Saved."),
        Edit::Word { word, .. } => format!("The word is now \"{word}\". Saved."),
        Edit::Class { .. } => "Word class changed. Saved.".into(),
        Edit::Translation { word, language, .. } if word.trim().is_empty() => format!(
            "No word in {} now: it is said in English. Saved.",
            crate::model::languages::name_of(language)
        ),
        Edit::Translation { word, language, .. } => format!(
            "In {} it is \"{}\" now. Saved.",
            crate::model::languages::name_of(language),
            word.trim()
        ),
        Edit::Says { says, .. } if says.trim().is_empty() => "It says its word. Saved.".into(),
        Edit::Says { says, .. } => format!("It says \"{}\" now. Saved.", says.trim()),
        Edit::Hidden { hidden: true, .. } => "Hidden; it keeps its place. Saved.".into(),
        Edit::Hidden { hidden: false, .. } => "Shown. Saved.".into(),
        Edit::FolderHidden { hidden: true, .. } => {
            "The folder is hidden wherever it is; its words keep their own settings. Saved.".into()
        }
        Edit::FolderHidden { hidden: false, .. } => {
            "The folder is shown again, with its words as they were. Saved.".into()
        }
        Edit::Move { .. } => "Moved. Saved.".into(),
        Edit::MakeFolder { .. } => {
            "It is a folder now, with an empty board: Open folder to fill it. Saved.".into()
        }
        Edit::Link { target, .. } => format!("It opens {target} now. Saved."),
        Edit::Resize { rows, columns, .. } => {
            format!("The board is {rows} × {columns} now. Saved.")
        }
        Edit::Remove { .. } => "Removed (Undo puts it back). Saved.".into(),
    }
}
