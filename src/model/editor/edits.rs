//! The vocabulary editor's edits, each a pure change of the boards it touches: the caller gets
//! the new boards and saves them (`super::VocabEditor`); nothing here touches a file.

use std::collections::BTreeMap;

use crate::model::vocab::{Board, Cell, MAX_GRID_SIDE, Vocabulary, WordClass};

/// One change a worker makes in the editor.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Edit {
    /// A new cell with a library symbol, in an empty place.
    Add {
        board: String,
        row: u16,
        column: u16,
        symbol: String,
        word: String,
        class: WordClass,
    },
    Word {
        board: String,
        cell: String,
        word: String,
    },
    Class {
        board: String,
        cell: String,
        class: WordClass,
    },
    /// What the tablet says for the cell; empty: its word.
    Says {
        board: String,
        cell: String,
        says: String,
    },
    /// The cell's word in another language (typed by an interpreter); empty: none.
    Translation {
        board: String,
        cell: String,
        language: String,
        word: String,
    },
    /// Hides or shows one cell; a hidden cell keeps its place.
    Hidden {
        board: String,
        cell: String,
        hidden: bool,
    },
    /// Hides or shows a folder everywhere at once: every cell, on any board, that opens the same
    /// board (the words inside keep their own hidden or shown).
    FolderHidden {
        board: String,
        cell: String,
        hidden: bool,
    },
    /// Moves a cell to a place; a cell already there takes the moved cell's old place.
    Move {
        board: String,
        cell: String,
        row: u16,
        column: u16,
    },
    /// Turns a word cell into a folder that opens a new, empty board of `rows` × `columns`
    /// (the profile's size for new boards).
    MakeFolder {
        board: String,
        cell: String,
        rows: u16,
        columns: u16,
    },
    /// Makes a cell open a board that exists.
    Link {
        board: String,
        cell: String,
        target: String,
    },
    /// Changes a board's rows × columns; every cell keeps its row and column.
    Resize {
        board: String,
        rows: u16,
        columns: u16,
    },
    Remove {
        board: String,
        cell: String,
    },
}

/// The boards an edit changes: each with its new content, or `None` for a board it removes.
pub type Changed = BTreeMap<String, Option<Board>>;

/// Whether a board (`None`), or a cell of it, still has a photo or recording on disk: a new id
/// never takes such a name, so a new cell never shows or says what a removed one had.
pub type MediaKept<'a> = &'a dyn Fn(&str, Option<&str>) -> bool;

/// What an edit does to the vocabulary, or why it cannot be done, in the worker's words.
pub fn apply(vocabulary: &Vocabulary, edit: &Edit, media: MediaKept) -> Result<Changed, String> {
    let mut changed = Changed::new();
    match edit {
        Edit::Add {
            board,
            row,
            column,
            symbol,
            word,
            class,
        } => {
            let mut new = board_of(vocabulary, board)?.clone();
            if *row >= new.rows || *column >= new.columns {
                return Err(format!("Row {row}, column {column} is outside this board."));
            }
            if let Some(there) = cell_at(&new, *row, *column) {
                return Err(format!("\"{}\" is already in that place.", there.word));
            }
            let word = checked_word(word)?;
            let board_id = new.id.clone();
            let id = unique(&slug(&word), |id| {
                new.cell(id).is_some() || media(&board_id, Some(id))
            });
            new.cells.push(Cell {
                id,
                word,
                symbol: symbol.clone(),
                class: *class,
                row: *row,
                column: *column,
                opens: None,
                hidden: false,
                says: None,
                translations: Default::default(),
                concern: false,
            });
            changed.insert(new.id.clone(), Some(new));
        }
        Edit::Word { board, cell, word } => {
            let word = checked_word(word)?;
            change_cell(vocabulary, &mut changed, board, cell, |c| c.word = word)?;
        }
        Edit::Says { board, cell, says } => {
            let says = match says.trim() {
                "" => None,
                text if text.chars().count() > MAX_SAYS_CHARS => {
                    return Err(format!(
                        "What a cell says has at most {MAX_SAYS_CHARS} characters."
                    ));
                }
                text => Some(text.to_string()),
            };
            change_cell(vocabulary, &mut changed, board, cell, |c| c.says = says)?;
        }
        Edit::Translation {
            board,
            cell,
            language,
            word,
        } => {
            super::super::languages::check_tag(language)?;
            let word = word.trim().to_string();
            if word.chars().count() > MAX_WORD_CHARS {
                return Err(format!(
                    "A word in another language has at most {MAX_WORD_CHARS} characters, as a \
                     cell's own word: it has to fit the cell."
                ));
            }
            change_cell(vocabulary, &mut changed, board, cell, |c| {
                if word.is_empty() {
                    // Every tag of the language goes ("pl_PL" as well as "pl"), as every one
                    // of them would be said.
                    let primary = super::super::languages::primary(language);
                    c.translations
                        .retain(|tag, _| super::super::languages::primary(tag) != primary);
                } else {
                    c.translations.insert(language.clone(), word);
                }
            })?;
        }
        Edit::Class { board, cell, class } => {
            change_cell(vocabulary, &mut changed, board, cell, |c| c.class = *class)?;
        }
        Edit::Hidden {
            board,
            cell,
            hidden,
        } => change_cell(vocabulary, &mut changed, board, cell, |c| {
            c.hidden = *hidden
        })?,
        Edit::FolderHidden {
            board,
            cell,
            hidden,
        } => {
            let target = cell_of(board_of(vocabulary, board)?, cell)?
                .opens
                .clone()
                .ok_or("That cell is not a folder.")?;
            // Every way into the folder, on any board; the words inside keep their own
            // hidden or shown, so showing the folder again brings back what it had.
            for other in vocabulary.boards.values() {
                let ways_in = other
                    .cells
                    .iter()
                    .filter(|c| c.opens.as_deref() == Some(&target));
                for way_in in ways_in.map(|c| c.id.clone()).collect::<Vec<_>>() {
                    change_cell(vocabulary, &mut changed, &other.id, &way_in, |c| {
                        c.hidden = *hidden
                    })?;
                }
            }
        }
        Edit::Move {
            board,
            cell,
            row,
            column,
        } => {
            let mut new = board_of(vocabulary, board)?.clone();
            if *row >= new.rows || *column >= new.columns {
                return Err(format!("Row {row}, column {column} is outside this board."));
            }
            let moving = new
                .cells
                .iter()
                .position(|c| c.id == *cell)
                .ok_or_else(|| missing_cell(cell))?;
            let (from_row, from_column) = (new.cells[moving].row, new.cells[moving].column);
            if let Some(other) = new
                .cells
                .iter()
                .position(|c| c.row == *row && c.column == *column)
            {
                new.cells[other].row = from_row;
                new.cells[other].column = from_column;
            }
            new.cells[moving].row = *row;
            new.cells[moving].column = *column;
            changed.insert(new.id.clone(), Some(new));
        }
        Edit::MakeFolder {
            board,
            cell,
            rows,
            columns,
        } => {
            let source = board_of(vocabulary, board)?;
            let folder = cell_of(source, cell)?;
            if folder.is_folder() {
                return Err("That cell is already a folder.".into());
            }
            let id = unique(&slug(&folder.word), |id| {
                vocabulary.board(id).is_some() || media(id, None)
            });
            let new_board = Board {
                v: source.v,
                id: id.clone(),
                name: folder.word.clone(),
                rows: *rows,
                columns: *columns,
                cells: Vec::new(),
            };
            changed.insert(id.clone(), Some(new_board));
            change_cell(vocabulary, &mut changed, board, cell, |c| {
                c.opens = Some(id)
            })?;
        }
        Edit::Link {
            board,
            cell,
            target,
        } => {
            board_of(vocabulary, target)?;
            if target == board {
                return Err("A folder cannot open its own board.".into());
            }
            change_cell(vocabulary, &mut changed, board, cell, |c| {
                c.opens = Some(target.clone())
            })?;
        }
        Edit::Resize {
            board,
            rows,
            columns,
        } => {
            let mut new = board_of(vocabulary, board)?.clone();
            if !(1..=MAX_GRID_SIDE).contains(rows) || !(1..=MAX_GRID_SIDE).contains(columns) {
                return Err(format!(
                    "A board has 1 to {MAX_GRID_SIDE} rows and 1 to {MAX_GRID_SIDE} columns."
                ));
            }
            let cut_off: Vec<&str> = new
                .cells
                .iter()
                .filter(|c| c.row >= *rows || c.column >= *columns)
                .map(|c| c.word.as_str())
                .collect();
            if !cut_off.is_empty() {
                return Err(format!(
                    "{} would be outside a {rows} × {columns} board (hidden cells count too): \
                     move or remove them first.",
                    cut_off.join(", ")
                ));
            }
            new.rows = *rows;
            new.columns = *columns;
            changed.insert(new.id.clone(), Some(new));
        }
        Edit::Remove { board, cell } => {
            let mut new = board_of(vocabulary, board)?.clone();
            cell_of(&new, cell)?;
            new.cells.retain(|c| c.id != *cell);
            changed.insert(new.id.clone(), Some(new));
        }
    }
    Ok(changed)
}

/// The cell in a place, hidden or not.
pub fn cell_at(board: &Board, row: u16, column: u16) -> Option<&Cell> {
    board
        .cells
        .iter()
        .find(|c| c.row == row && c.column == column)
}

/// The first empty place on a board, row by row.
pub fn first_empty_place(board: &Board) -> Option<(u16, u16)> {
    (0..board.rows)
        .flat_map(|row| (0..board.columns).map(move |column| (row, column)))
        .find(|&(row, column)| cell_at(board, row, column).is_none())
}

fn change_cell(
    vocabulary: &Vocabulary,
    changed: &mut Changed,
    board: &str,
    cell: &str,
    change: impl FnOnce(&mut Cell),
) -> Result<(), String> {
    let mut new = match changed.get(board) {
        Some(Some(already)) => already.clone(),
        _ => board_of(vocabulary, board)?.clone(),
    };
    let target = new
        .cells
        .iter_mut()
        .find(|c| c.id == cell)
        .ok_or_else(|| missing_cell(cell))?;
    change(target);
    changed.insert(board.to_string(), Some(new));
    Ok(())
}

fn board_of<'a>(vocabulary: &'a Vocabulary, id: &str) -> Result<&'a Board, String> {
    vocabulary
        .board(id)
        .ok_or_else(|| format!("There is no board \"{id}\" in this vocabulary."))
}

fn cell_of<'a>(board: &'a Board, id: &str) -> Result<&'a Cell, String> {
    board.cell(id).ok_or_else(|| missing_cell(id))
}

fn missing_cell(id: &str) -> String {
    format!("There is no cell \"{id}\" on this board.")
}

const MAX_WORD_CHARS: usize = 40;
/// A sentence a child says with one tap ("I want to tell you something").
const MAX_SAYS_CHARS: usize = 120;

fn checked_word(word: &str) -> Result<String, String> {
    let word = word.trim();
    if word.is_empty() {
        return Err("Every cell shows a word: type one.".into());
    }
    if word.chars().count() > MAX_WORD_CHARS {
        return Err(format!(
            "A cell's word has at most {MAX_WORD_CHARS} characters."
        ));
    }
    Ok(word.to_string())
}

/// An id made from a word: lower case, letters and digits, words joined by `-`.
fn slug(word: &str) -> String {
    let mut id = String::new();
    for c in word.to_lowercase().chars() {
        if c.is_ascii_alphanumeric() {
            id.push(c);
        } else if !id.is_empty() && !id.ends_with('-') {
            id.push('-');
        }
    }
    let id = id.trim_end_matches('-');
    if id.is_empty() {
        "cell".to_string()
    } else {
        id.to_string()
    }
}

fn unique(base: &str, taken: impl Fn(&str) -> bool) -> String {
    if !taken(base) {
        return base.to_string();
    }
    (2..)
        .map(|n| format!("{base}-{n}"))
        .find(|id| !taken(id))
        .expect("some number is free")
}
