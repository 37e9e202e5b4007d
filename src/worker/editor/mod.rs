//! The vocabulary editor page: the active profile's own boards (never the built-in ones), a cell
//! or an empty place tapped to change it, every edit saved at once and undoable
//! (`model/editor`), and the child's board following each edit. Layout in `view.rs`, the symbol
//! search in `search.rs`.

mod cell_panel;
mod media;
mod said;
mod search;
mod view;

pub use media::{FileChooser, FileKind};

use bevy::prelude::*;
use bevy::text::EditableText;
use bevy::ui_widgets::observe;

use super::{FormField, PageTurn, WorkerPage, field_text};
use crate::Content;
use crate::board::VocabularyChanged;
use crate::input::Activate;
use crate::model::editor::{Edit, VocabEditor, cell_at};
use crate::model::profile::{DEFAULT_PROFILE, profile_dir};
use crate::model::vocab::{HOME_BOARD, WordClass};
use crate::symbol_images::SymbolImages;
use said::done_words;

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<Editing>()
        .add_systems(OnEnter(WorkerPage::Editor), open_editor)
        .add_systems(OnExit(WorkerPage::Editor), close_editor)
        .add_plugins((view::plugin, search::plugin, media::plugin));
}

/// What the editor shows: the profile's boards open for editing (or why they cannot be), the
/// board on screen and what is selected on it.
#[derive(Resource, Default)]
pub struct Editing {
    editor: Option<Result<VocabEditor, Vec<String>>>,
    /// The boards opened in the editor, the first board first; the last is shown.
    trail: Vec<String>,
    selected: Option<Selected>,
    /// The cell being moved: the next place tapped is where it goes.
    moving: Option<String>,
    /// The selected cell is to open a board: the boards are listed to choose from.
    linking: bool,
    /// The selected cell's spoken text is being typed.
    saying: bool,
    /// What the last action came to, shown on the page.
    outcome: Option<Result<String, String>>,
}

impl Editing {
    fn board_id(&self) -> &str {
        self.trail.last().map_or(HOME_BOARD, String::as_str)
    }

    fn editor(&self) -> Option<&VocabEditor> {
        self.editor.as_ref()?.as_ref().ok()
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Selected {
    Cell(String),
    Place(u16, u16),
}

#[derive(Component, Debug, Clone, PartialEq, Eq)]
enum EditorAction {
    Cell(String),
    Place(u16, u16),
    AddSymbol(String),
    SaveWord,
    Class(WordClass),
    Hide(bool),
    HideFolder(bool),
    Move,
    ChooseLink,
    Link(String),
    ChooseSays,
    SaveSays,
    SaveTranslation,
    /// Stops moving or linking.
    Cancel,
    MakeFolder,
    OpenFolder,
    Remove,
    Rows(i32),
    Columns(i32),
    Undo,
    BackBoard,
    Done,
}

fn editor_action(action: EditorAction) -> impl Bundle {
    (action, observe(press_editor_button))
}

/// The built-in profile's boards are never edited: the worker adds a profile for the child.
fn open_editor(mut editing: ResMut<Editing>, content: Res<Content>) {
    *editing = Editing {
        trail: vec![HOME_BOARD.to_string()],
        ..default()
    };
    editing.editor = Some(match &content.data_dir {
        None => Err(vec![
            "There is no data folder, so nothing can be saved. Start Hearme with --data DIR."
                .to_string(),
        ]),
        Some(_) if content.profile == DEFAULT_PROFILE => Err(vec![
            "The built-in vocabulary is never changed. Add a profile for this child (Profiles) \
             and edit its own copy."
                .to_string(),
        ]),
        Some(data) => {
            let dir = profile_dir(data, &content.profile).join("vocab");
            VocabEditor::open(&dir, &content.symbols).map_err(|problems| {
                let mut said = vec![format!(
                    "Profile {}'s vocabulary has problems, so it is not opened and its files are \
                     left as they are; the child sees the built-in boards meanwhile:",
                    content.profile
                )];
                said.extend(problems.iter().map(ToString::to_string));
                said
            })
        }
    });
}

/// The editor's copy is dropped with the page; the profile's files hold every edit.
fn close_editor(mut editing: ResMut<Editing>, mut images: ResMut<SymbolImages>) {
    *editing = Editing::default();
    images.want("editor", Vec::new());
    images.want("editor search", Vec::new());
}

fn press_editor_button(
    activate: On<Activate>,
    actions: Query<&EditorAction>,
    fields: Query<(&FormField, &EditableText)>,
    mut editing: ResMut<Editing>,
    mut content: ResMut<Content>,
    mut changed: MessageWriter<VocabularyChanged>,
    mut turn: PageTurn,
) {
    let Ok(action) = actions.get(activate.entity) else {
        return;
    };
    let board = editing.board_id().to_string();
    let board_id = board.clone();
    let selected_cell = match &editing.selected {
        Some(Selected::Cell(cell)) => Some(cell.clone()),
        _ => None,
    };
    let cell_edit =
        |make: fn(String, String) -> Edit| selected_cell.clone().map(|c| make(board.clone(), c));
    // Moving, linking or typing what a cell says belongs to the cell selected now: any other
    // action than finishing it lets it go.
    if !matches!(
        action,
        EditorAction::Cell(_)
            | EditorAction::Place(..)
            | EditorAction::Link(_)
            | EditorAction::SaveSays
    ) {
        editing.moving = None;
        editing.linking = false;
        editing.saying = false;
    }
    let edit = match action {
        EditorAction::Done => {
            turn.show(WorkerPage::Home);
            return;
        }
        EditorAction::Cell(cell) => {
            if let Some(moving) = editing.moving.take() {
                move_to_cell(&editing, &board, moving, cell)
            } else {
                // A second tap on the selected cell lets it go (the board's own settings show).
                let again = editing.selected == Some(Selected::Cell(cell.clone()));
                editing.selected = (!again).then(|| Selected::Cell(cell.clone()));
                editing.linking = false;
                editing.saying = false;
                editing.outcome = None;
                return;
            }
        }
        EditorAction::Place(row, column) => match editing.moving.take() {
            Some(cell) => Some(Edit::Move {
                board,
                cell,
                row: *row,
                column: *column,
            }),
            None => {
                editing.selected = Some(Selected::Place(*row, *column));
                editing.outcome = None;
                return;
            }
        },
        EditorAction::AddSymbol(symbol) => match (&editing.selected, content.symbols.get(symbol)) {
            (Some(Selected::Place(row, column)), Some(info)) => Some(Edit::Add {
                board,
                row: *row,
                column: *column,
                symbol: symbol.clone(),
                word: info
                    .words
                    .first()
                    .cloned()
                    .unwrap_or_else(|| symbol.clone()),
                class: WordClass::Noun,
            }),
            _ => None,
        },
        EditorAction::SaveWord => {
            let word = field_text(&fields, FormField::CellWord);
            selected_cell
                .clone()
                .map(|cell| Edit::Word { board, cell, word })
        }
        EditorAction::Class(class) => selected_cell.clone().map(|cell| Edit::Class {
            board,
            cell,
            class: *class,
        }),
        EditorAction::Hide(hidden) => selected_cell.clone().map(|cell| Edit::Hidden {
            board,
            cell,
            hidden: *hidden,
        }),
        EditorAction::HideFolder(hidden) => selected_cell.clone().map(|cell| Edit::FolderHidden {
            board,
            cell,
            hidden: *hidden,
        }),
        EditorAction::MakeFolder => selected_cell.clone().map(|cell| Edit::MakeFolder {
            board,
            cell,
            rows: content.settings.new_board_rows,
            columns: content.settings.new_board_columns,
        }),
        EditorAction::Remove => cell_edit(|board, cell| Edit::Remove { board, cell }),
        EditorAction::Move => {
            editing.moving = selected_cell;
            editing.outcome = None;
            return;
        }
        EditorAction::Cancel => {
            editing.moving = None;
            editing.linking = false;
            editing.saying = false;
            return;
        }
        EditorAction::ChooseSays => {
            editing.saying = selected_cell.is_some();
            editing.outcome = None;
            return;
        }
        EditorAction::SaveSays => {
            editing.saying = false;
            let says = field_text(&fields, FormField::CellSays);
            selected_cell
                .clone()
                .map(|cell| Edit::Says { board, cell, says })
        }
        EditorAction::SaveTranslation => {
            let word = field_text(&fields, FormField::CellTranslation);
            let language = content.settings.home().map(str::to_string);
            selected_cell
                .clone()
                .zip(language)
                .map(|(cell, language)| Edit::Translation {
                    board,
                    cell,
                    language,
                    word,
                })
        }
        EditorAction::ChooseLink => {
            editing.linking = selected_cell.is_some();
            editing.outcome = None;
            return;
        }
        EditorAction::Link(target) => {
            editing.linking = false;
            selected_cell.clone().map(|cell| Edit::Link {
                board,
                cell,
                target: target.clone(),
            })
        }
        EditorAction::OpenFolder => {
            let opens = editing.editor().and_then(|e| {
                e.vocabulary
                    .board(&board)?
                    .cell(selected_cell.as_deref()?)?
                    .opens
                    .clone()
            });
            if let Some(target) = opens {
                editing.trail.push(target);
                editing.selected = None;
                editing.outcome = None;
            }
            return;
        }
        EditorAction::BackBoard => {
            if editing.trail.len() > 1 {
                editing.trail.pop();
                editing.selected = None;
                editing.outcome = None;
            }
            return;
        }
        EditorAction::Rows(by) | EditorAction::Columns(by) => {
            let Some(shown) = editing.editor().and_then(|e| e.vocabulary.board(&board)) else {
                return;
            };
            let rows_too = matches!(action, EditorAction::Rows(_));
            let step = |side: u16, on: bool| {
                if on {
                    side.saturating_add_signed(*by as i16)
                } else {
                    side
                }
            };
            Some(Edit::Resize {
                rows: step(shown.rows, rows_too),
                columns: step(shown.columns, !rows_too),
                board,
            })
        }
        EditorAction::Undo => None,
    };
    let symbols = content.symbols.clone();
    let Some(Ok(editor)) = editing.editor.as_mut() else {
        return;
    };
    let result = match (action, edit) {
        (EditorAction::Undo, _) => editor.undo(&symbols).map(|undone| {
            if undone {
                "Undone."
            } else {
                "There is nothing to undo."
            }
            .to_string()
        }),
        (_, Some(edit)) => editor.edit(&edit, &symbols).map(|()| done_words(&edit)),
        (_, None) => return,
    };
    if result.is_ok() {
        content.vocabulary = std::sync::Arc::new(editor.vocabulary.clone());
        changed.write(VocabularyChanged {
            boards: Some(editor.last_saved().to_vec()),
        });
    }
    // A cell that went (removed, or an addition undone) is no longer selected.
    // A board that went (a folder's new board, undone) is left for the nearest one still there.
    let kept: Vec<String> = match editing.editor() {
        Some(editor) => editing
            .trail
            .iter()
            .filter(|b| editor.vocabulary.board(b).is_some())
            .cloned()
            .collect(),
        None => editing.trail.clone(),
    };
    if kept.len() != editing.trail.len() {
        editing.trail = kept;
        editing.selected = None;
    }
    let still_there = match (&editing.selected, editing.editor()) {
        (Some(Selected::Cell(cell)), Some(editor)) => editor
            .vocabulary
            .board(&board_id)
            .is_some_and(|b| b.cell(cell).is_some()),
        _ => true,
    };
    if !still_there {
        editing.selected = None;
    }
    // A symbol just added is selected, so its word and class can be put right at once.
    if let (EditorAction::AddSymbol(_), Some(Selected::Place(row, column)), true) =
        (action, editing.selected.clone(), result.is_ok())
    {
        editing.selected = editing
            .editor()
            .and_then(|e| cell_at(e.vocabulary.board(&board_id)?, row, column))
            .map(|cell| Selected::Cell(cell.id.clone()));
    }
    editing.outcome = Some(result.map_err(|why| format!("Not changed: {why}")));
}

/// A cell being moved onto another swaps with it.
fn move_to_cell(editing: &Editing, board: &str, moving: String, onto: &str) -> Option<Edit> {
    let target = editing.editor()?.vocabulary.board(board)?.cell(onto)?;
    Some(Edit::Move {
        board: board.to_string(),
        cell: moving,
        row: target.row,
        column: target.column,
    })
}
