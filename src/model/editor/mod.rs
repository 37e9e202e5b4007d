//! The vocabulary editor's rules: a profile's own copy of the boards (`DATA/profiles/<label>/
//! vocab/`), changed one edit at a time, each edit saved at once (every board it changed
//! written atomically and read back) and undoable (docs/decisions.md, "Vocabulary editor").

mod edits;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

pub use edits::{Changed, Edit, apply, cell_at, first_empty_place};

use super::files::{safe_file_name, write_atomically};
use super::problem::{Problem, read_text_file};
use super::symbols::SymbolLibrary;
use super::vocab::{Board, Vocabulary, board_id_of, parse_board, ron_files_in};

/// How many edits can be undone, most recent first.
pub const UNDO_LEVELS: usize = 50;

/// A profile's vocabulary open for editing.
#[derive(Debug, Clone)]
pub struct VocabEditor {
    pub vocabulary: Vocabulary,
    dir: PathBuf,
    /// Each board's file, as found when the folder was read (a hand-edited folder may name its
    /// files otherwise than by board id).
    files: BTreeMap<String, PathBuf>,
    /// For each edit, the boards it changed as they were before it (`None`: it added the board).
    undo: Vec<Changed>,
    /// The boards the last edit or undo saved, so what shows them can follow only those.
    last_saved: Vec<String>,
}

impl VocabEditor {
    /// Reads the vocabulary in `dir`. A folder with any problem is not opened: the worker sees
    /// the problems, and the files stay as they are.
    pub fn open(dir: &Path, symbols: &SymbolLibrary) -> Result<Self, Vec<Problem>> {
        let vocabulary = Vocabulary::load_dir(dir, symbols)?;
        let mut files = BTreeMap::new();
        for file in ron_files_in(dir).map_err(|p| vec![p])? {
            let text = read_text_file(&file).map_err(|p| vec![p])?;
            if let Some(id) = board_id_of(&text) {
                files.insert(id, file);
            }
        }
        Ok(VocabEditor {
            vocabulary,
            dir: dir.to_path_buf(),
            files,
            undo: Vec::new(),
            last_saved: Vec::new(),
        })
    }

    /// The ids of the boards the last edit or undo changed (added and removed ones too).
    pub fn last_saved(&self) -> &[String] {
        &self.last_saved
    }

    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    /// Does the edit and saves every board it changed. On any failure nothing in memory
    /// changes, and the worker is told why.
    pub fn edit(&mut self, edit: &Edit, symbols: &SymbolLibrary) -> Result<(), String> {
        let media = self.dir.parent().map(Path::to_path_buf).unwrap_or_default();
        let kept = |board: &str, cell: Option<&str>| media_kept(&media, board, cell);
        let changed = apply(&self.vocabulary, edit, &kept)?;
        let before = changed
            .keys()
            .map(|id| (id.clone(), self.vocabulary.board(id).cloned()))
            .collect();
        self.save(&changed, symbols)?;
        self.undo.push(before);
        if self.undo.len() > UNDO_LEVELS {
            self.undo.remove(0);
        }
        Ok(())
    }

    /// Puts back the boards the last edit changed, and saves them. `Ok(false)`: nothing to undo.
    pub fn undo(&mut self, symbols: &SymbolLibrary) -> Result<bool, String> {
        let Some(before) = self.undo.last().cloned() else {
            return Ok(false);
        };
        self.save(&before, symbols)?;
        self.undo.pop();
        Ok(true)
    }

    /// Writes each changed board (new ones first, so a folder never opens a board that is not
    /// on disk yet), reads each back, and only then removes boards that go and changes memory.
    fn save(&mut self, changed: &Changed, symbols: &SymbolLibrary) -> Result<(), String> {
        let mut written = Vec::new();
        let (new, old): (Vec<_>, Vec<_>) = changed
            .iter()
            .filter_map(|(id, board)| Some((id, board.as_ref()?)))
            .partition(|(id, _)| !self.files.contains_key(*id));
        for (id, board) in new.into_iter().chain(old) {
            let path = self.file_for(id);
            if let Err(why) = write_board(&path, board, symbols) {
                self.roll_back(&written, symbols);
                return Err(why);
            }
            written.push((id.clone(), path, board.clone()));
        }
        for (id, board) in changed {
            if board.is_none()
                && let Some(path) = self.files.get(id)
            {
                std::fs::remove_file(path).map_err(|e| format!("{}: {e}", path.display()))?;
            }
        }
        for (id, board) in changed {
            if board.is_none() {
                self.files.remove(id);
                self.vocabulary.boards.remove(id);
            }
        }
        for (id, path, board) in written {
            self.files.insert(id.clone(), path);
            self.vocabulary.boards.insert(id, board);
        }
        self.last_saved = changed.keys().cloned().collect();
        Ok(())
    }

    /// After a failed save, puts the files already written back as memory has them: a new
    /// board's file goes, a changed board's file gets its old content again. So disk and memory
    /// agree, and no half of an edit is left to clash with the next one.
    fn roll_back(&self, written: &[(String, PathBuf, Board)], symbols: &SymbolLibrary) {
        for (id, path, _) in written {
            match self.vocabulary.board(id) {
                Some(before) => {
                    let _ = write_board(path, before, symbols);
                }
                None => {
                    let _ = std::fs::remove_file(path);
                }
            }
        }
    }

    fn file_for(&self, id: &str) -> PathBuf {
        if let Some(path) = self.files.get(id) {
            return path.clone();
        }
        let base = safe_file_name(id);
        (1..)
            .map(|n| match n {
                1 => self.dir.join(format!("{base}.ron")),
                n => self.dir.join(format!("{base}-{n}.ron")),
            })
            .find(|path| !path.exists())
            .expect("some name is free")
    }
}

/// Whether the profile folder `media_root` holds a photo or recording of a board (any cell) or
/// of one cell.
fn media_kept(media_root: &Path, board: &str, cell: Option<&str>) -> bool {
    use super::{photo, voice};
    match cell {
        Some(cell) => {
            photo::photo_path(media_root, board, cell).exists()
                || voice::recording_path(media_root, board, cell).exists()
        }
        None => {
            let voices = voice::recording_path(media_root, board, "x");
            photo::board_photos_dir(media_root, board).exists()
                || voices.parent().is_some_and(Path::exists)
        }
    }
}

/// Writes a board as RON, atomically, then reads the file back and checks it parses to the
/// same board, so a board on disk is always one the app can open.
fn write_board(path: &Path, board: &Board, symbols: &SymbolLibrary) -> Result<(), String> {
    let text = ron::ser::to_string_pretty(board, ron::ser::PrettyConfig::default())
        .map_err(|e| format!("{}: {e}", path.display()))?;
    let label = path.display().to_string();
    parse_board(&label, &text, symbols).map_err(|problems| joined(&problems))?;
    write_atomically(path, text.as_bytes()).map_err(|e| format!("{label}: {e}"))?;
    let back = read_text_file(path).map_err(|p| p.to_string())?;
    let read = parse_board(&label, &back, symbols).map_err(|problems| joined(&problems))?;
    if read.board != *board {
        return Err(format!(
            "{label}: the file read back differs from what was written"
        ));
    }
    Ok(())
}

fn joined(problems: &[Problem]) -> String {
    problems
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join("; ")
}
