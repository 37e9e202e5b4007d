//! Vocabularies: boards of cells on a fixed grid, read from RON and validated.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::Path;

use serde::{Deserialize, Serialize};

use super::problem::{Problem, locate_field, quoted, read_text_file, ron_options};
use super::symbols::SymbolLibrary;

pub const BOARD_VERSION: u32 = 1;
pub const HOME_BOARD: &str = "home";
/// Big enough for any board a child could use on a tablet; guards against a typo such as
/// `rows: 6000` building millions of empty slots.
pub const MAX_GRID_SIDE: u16 = 20;

pub use super::built_in_boards::BUILT_IN_BOARDS;

/// Modified Fitzgerald key: the colour of a cell tells the kind of word.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum WordClass {
    /// Pronouns and people: yellow.
    People,
    /// Actions: green.
    Verb,
    /// Adjectives and adverbs: blue.
    Describing,
    /// Things, places, body parts: orange.
    Noun,
    /// Greetings, manners, social phrases: pink.
    Social,
    /// Question words: purple.
    Question,
    /// No, not, don't: red.
    Negation,
    /// Prepositions, determiners, time words and the rest: white.
    Misc,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Cell {
    pub id: String,
    /// Shown under the picture and spoken.
    pub word: String,
    pub symbol: String,
    pub class: WordClass,
    pub row: u16,
    pub column: u16,
    /// The board this folder cell opens.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub opens: Option<String>,
    /// A hidden cell is not shown but keeps its place, so nothing else moves.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub hidden: bool,
    /// What the tablet says for this cell when it is not its word ("I want to tell you
    /// something" shown as "tell you"); `None`: the word.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub says: Option<String>,
    /// The word in other languages, by language tag (`"pl": "sok"`), as an interpreter typed it
    /// or an OBF file's `strings` gave it; never made up.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub translations: BTreeMap<String, String>,
    /// Chosen by the child, it is listed in the summary for the worker's attention.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub concern: bool,
}

impl Cell {
    /// What the tablet says for the cell: its own spoken text, else its word.
    pub fn spoken(&self) -> &str {
        self.says.as_deref().unwrap_or(&self.word)
    }

    pub fn is_folder(&self) -> bool {
        self.opens.is_some()
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Board {
    pub v: u32,
    pub id: String,
    pub name: String,
    pub rows: u16,
    pub columns: u16,
    pub cells: Vec<Cell>,
}

impl Board {
    pub fn cell(&self, id: &str) -> Option<&Cell> {
        self.cells.iter().find(|c| c.id == id)
    }

    pub fn visible_cells(&self) -> impl Iterator<Item = &Cell> {
        self.cells.iter().filter(|c| !c.hidden)
    }
}

/// A board as read from a file, remembering where it came from so later checks can point at it.
#[derive(Debug, Clone)]
pub struct SourcedBoard {
    pub file: String,
    pub text: String,
    pub board: Board,
}

#[derive(Debug, Clone)]
pub struct Vocabulary {
    pub boards: BTreeMap<String, Board>,
}

impl Vocabulary {
    pub fn board(&self, id: &str) -> Option<&Board> {
        self.boards.get(id)
    }

    pub fn home(&self) -> Option<&Board> {
        self.boards.get(HOME_BOARD)
    }

    pub fn cell_count(&self) -> usize {
        self.boards.values().map(|b| b.cells.len()).sum()
    }

    /// Every symbol id the vocabulary uses, once each, in board order.
    pub fn symbol_ids(&self) -> Vec<&str> {
        let mut seen = HashSet::new();
        let mut ids = Vec::new();
        let home_first = self
            .home()
            .into_iter()
            .chain(self.boards.values().filter(|b| b.id != HOME_BOARD));
        for board in home_first {
            for cell in &board.cells {
                if seen.insert(cell.symbol.as_str()) {
                    ids.push(cell.symbol.as_str());
                }
            }
        }
        ids
    }

    /// The built-in default vocabulary. It is checked by the test suite, so it always loads.
    pub fn built_in(symbols: &SymbolLibrary) -> Result<Self, Vec<Problem>> {
        let sources = BUILT_IN_BOARDS
            .iter()
            .map(|(file, text)| (file.to_string(), text.to_string()));
        Self::from_sources(sources, symbols)
    }

    /// Reads every `*.ron` board in a vocabulary folder.
    pub fn load_dir(dir: &Path, symbols: &SymbolLibrary) -> Result<Self, Vec<Problem>> {
        let mut sources = Vec::new();
        let mut problems = Vec::new();
        match ron_files_in(dir) {
            Ok(files) => {
                for file in files {
                    match read_text_file(&file) {
                        Ok(text) => sources.push((file.display().to_string(), text)),
                        Err(p) => problems.push(p),
                    }
                }
            }
            Err(p) => problems.push(p),
        }
        match Self::from_sources(sources, symbols) {
            Ok(vocab) if problems.is_empty() => Ok(vocab),
            Ok(_) => Err(problems),
            Err(more) => {
                problems.extend(more);
                Err(problems)
            }
        }
    }

    pub fn from_sources(
        sources: impl IntoIterator<Item = (String, String)>,
        symbols: &SymbolLibrary,
    ) -> Result<Self, Vec<Problem>> {
        let mut problems = Vec::new();
        let mut boards = Vec::new();
        for (file, text) in sources {
            match parse_board(&file, &text, symbols) {
                Ok(board) => boards.push(board),
                Err(found) => problems.extend(found),
            }
        }
        problems.extend(check_links(&boards, &[]));
        if !boards.is_empty() && !boards.iter().any(|b| b.board.id == HOME_BOARD) {
            let first = &boards[0];
            problems.push(Problem::at_start(
                &first.file,
                format!(
                    "this vocabulary has no board with id {}; the app opens that board first",
                    quoted(HOME_BOARD)
                ),
            ));
        }
        if boards.is_empty() && problems.is_empty() {
            problems.push(Problem::at_start("(vocabulary)", "no boards were found"));
        }
        if !problems.is_empty() {
            return Err(problems);
        }
        let boards = boards
            .into_iter()
            .map(|b| (b.board.id.clone(), b.board))
            .collect();
        Ok(Vocabulary { boards })
    }
}

/// The `.ron` files in a folder and its sub-folders, in name order.
pub fn ron_files_in(dir: &Path) -> Result<Vec<std::path::PathBuf>, Problem> {
    let label = dir.display().to_string();
    let mut files = Vec::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(folder) = pending.pop() {
        let entries = std::fs::read_dir(&folder)
            .map_err(|e| Problem::at_start(&label, format!("cannot read the folder: {e}")))?;
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                pending.push(path);
            } else if path.extension().is_some_and(|ext| ext == "ron") {
                files.push(path);
            }
        }
    }
    files.sort();
    Ok(files)
}

/// The id of a board file that parses, whatever else is wrong with it.
pub fn board_id_of(text: &str) -> Option<String> {
    ron_options().from_str::<Board>(text).ok().map(|b| b.id)
}

/// Parses and checks one board file on its own (links to other boards are checked by
/// [`check_links`]).
pub fn parse_board(
    file: &str,
    text: &str,
    symbols: &SymbolLibrary,
) -> Result<SourcedBoard, Vec<Problem>> {
    let board: Board = ron_options().from_str(text).map_err(|e| {
        vec![Problem::from_ron(
            file,
            text,
            &e,
            "a board like (v: 1, id: \"home\", name: ..., rows: ..., columns: ..., cells: [...])",
        )]
    })?;
    let mut problems = Vec::new();
    let at = |key: &str, value: &str, nth: usize| locate_field(text, key, value, nth);

    if board.v != BOARD_VERSION {
        problems.push(Problem::new(
            file,
            at("v", &board.v.to_string(), 0),
            format!(
                "board format version {} is not known; this Hearme reads version {BOARD_VERSION}",
                board.v
            ),
        ));
    }
    if board.id.trim().is_empty() {
        problems.push(Problem::new(
            file,
            at("id", "\"", 0),
            "the board id is empty",
        ));
    }
    for (side, value) in [("rows", board.rows), ("columns", board.columns)] {
        if value == 0 || value > MAX_GRID_SIDE {
            problems.push(Problem::new(
                file,
                at(side, &value.to_string(), 0),
                format!("{side} is {value}; it must be between 1 and {MAX_GRID_SIDE}"),
            ));
        }
    }

    let mut ids_seen: HashMap<&str, usize> = HashMap::new();
    let mut places: HashMap<(u16, u16), &str> = HashMap::new();
    for cell in &board.cells {
        let id_quoted = quoted(&cell.id);
        let occurrence = ids_seen.entry(cell.id.as_str()).or_insert(0);
        let cell_at = at("id", &id_quoted, *occurrence);
        if *occurrence > 0 {
            problems.push(Problem::new(
                file,
                cell_at,
                format!("cell id {id_quoted} is used twice on this board"),
            ));
        }
        *occurrence += 1;
        if cell.id.trim().is_empty() {
            problems.push(Problem::new(file, cell_at, "a cell has an empty id"));
        }
        if cell
            .says
            .as_deref()
            .is_some_and(|says| says.trim().is_empty())
        {
            problems.push(Problem::new(
                file,
                cell_at,
                format!("cell {id_quoted} says nothing; leave out `says` to say its word"),
            ));
        }
        if cell.word.trim().is_empty() {
            problems.push(Problem::new(
                file,
                cell_at,
                format!("cell {id_quoted} has no word; every cell shows its word"),
            ));
        }
        if !symbols.contains(&cell.symbol) {
            let symbol_quoted = quoted(&cell.symbol);
            problems.push(Problem::new(
                file,
                at("symbol", &symbol_quoted, 0),
                format!("cell {id_quoted} uses symbol {symbol_quoted}, which is not in the symbol library"),
            ));
        }
        if cell.row >= board.rows || cell.column >= board.columns {
            problems.push(Problem::new(
                file,
                cell_at,
                format!(
                    "cell {id_quoted} is at row {}, column {}, outside the {} x {} grid (rows and columns count from 0)",
                    cell.row, cell.column, board.rows, board.columns
                ),
            ));
        } else if let Some(other) = places.insert((cell.row, cell.column), &cell.id) {
            problems.push(Problem::new(
                file,
                cell_at,
                format!(
                    "cell {id_quoted} is at row {}, column {}, where cell {} already is",
                    cell.row,
                    cell.column,
                    quoted(other)
                ),
            ));
        }
        if cell.opens.as_deref() == Some(board.id.as_str()) {
            problems.push(Problem::new(
                file,
                cell_at,
                format!("folder cell {id_quoted} opens its own board"),
            ));
        }
    }
    if problems.is_empty() {
        Ok(SourcedBoard {
            file: file.to_string(),
            text: text.to_string(),
            board,
        })
    } else {
        Err(problems)
    }
}

/// Checks what no single file can: board ids are unique, and every folder cell opens a board
/// that exists. `known_elsewhere` lists board ids that exist outside `boards` (siblings of a
/// file checked on its own).
pub fn check_links(boards: &[SourcedBoard], known_elsewhere: &[String]) -> Vec<Problem> {
    let mut problems = Vec::new();
    let mut first_file: HashMap<&str, &str> = HashMap::new();
    for sourced in boards {
        let id = sourced.board.id.as_str();
        if let Some(other) = first_file.insert(id, &sourced.file) {
            problems.push(Problem::new(
                &sourced.file,
                locate_field(&sourced.text, "id", &quoted(id), 0),
                format!("board id {} is also used by {other}", quoted(id)),
            ));
        }
    }
    for sourced in boards {
        let mut nth_link: HashMap<&str, usize> = HashMap::new();
        for cell in &sourced.board.cells {
            let Some(target) = cell.opens.as_deref() else {
                continue;
            };
            let nth = nth_link.entry(target).or_insert(0);
            let position = locate_field(&sourced.text, "opens", &quoted(target), *nth);
            *nth += 1;
            if !first_file.contains_key(target) && !known_elsewhere.iter().any(|k| k == target) {
                problems.push(Problem::new(
                    &sourced.file,
                    position,
                    format!(
                        "folder cell {} opens board {}, which does not exist",
                        quoted(&cell.id),
                        quoted(target)
                    ),
                ));
            }
        }
    }
    problems
}
