//! Open Board Format: a child's boards in from another AAC app (`.obf`, `.obz`) and out again
//! (docs/obf.md). Every file is hostile input: it is read whole into memory under caps, checked,
//! and turned into a vocabulary and its media; nothing is written until all of it is known good,
//! and then only under the profile's own folder (`install.rs`).

pub mod colour;
mod data_uri;
pub mod export;
mod grid;
mod import;
pub mod install;
mod media;
pub mod package;

use std::path::Path;

use super::symbols::SymbolLibrary;
use super::vocab::Board;

pub use import::convert;

/// Why a file is refused, naming it (and the entry inside it).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{file}: {reason}")]
pub struct ObfError {
    pub file: String,
    pub reason: String,
}

impl ObfError {
    pub fn new(file: &str, reason: impl Into<String>) -> Self {
        ObfError {
            file: file.to_string(),
            reason: reason.into(),
        }
    }
}

/// A package turned into Hearme's boards and media, not yet written anywhere.
pub struct Imported {
    /// The root board first, with id `home`.
    pub boards: Vec<Board>,
    pub photos: Vec<ImportedPhoto>,
    pub recordings: Vec<ImportedSound>,
    pub report: Report,
}

pub struct ImportedPhoto {
    pub board: String,
    pub cell: String,
    /// Prepared as every photo is (square, at most 512 px, no metadata), as PNG; shared by
    /// every cell that shows the same picture.
    pub png: std::sync::Arc<Vec<u8>>,
    /// The image's `license` object as the file gave it (JSON), kept beside the photo.
    pub licence: Option<String>,
}

pub struct ImportedSound {
    pub board: String,
    pub cell: String,
    /// Trimmed and normalised as every recording is, as 16-bit WAV; shared by every cell that
    /// plays the same sound.
    pub wav: std::sync::Arc<Vec<u8>>,
}

/// What the worker is told: what came in, and every thing dropped or changed and why.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Report {
    pub boards: usize,
    pub cells: usize,
    pub photos: usize,
    pub recordings: usize,
    pub notes: Vec<String>,
    /// Notes past [`MAX_NOTES`], counted.
    pub more_notes: usize,
}

/// Notes kept in a report; a file that would make more (400,000 buttons on a 20 × 20 grid) is
/// summed up in one line.
pub const MAX_NOTES: usize = 1_000;

impl Report {
    pub(crate) fn note(&mut self, note: impl Into<String>) {
        if self.notes.len() < MAX_NOTES {
            self.notes.push(note.into());
        } else {
            self.more_notes += 1;
        }
    }

    /// The report as lines for the command line and the worker's page.
    pub fn lines(&self) -> Vec<String> {
        let mut lines = vec![format!(
            "{} board(s), {} cell(s), {} picture(s) and {} recording(s) imported.",
            self.boards, self.cells, self.photos, self.recordings
        )];
        if self.notes.is_empty() {
            lines.push("Nothing was dropped or changed.".into());
        } else {
            let all = self.notes.len() + self.more_notes;
            lines.push(format!("{all} thing(s) dropped or changed:"));
            lines.extend(self.notes.iter().map(|n| format!("- {n}")));
            if self.more_notes > 0 {
                lines.push(format!("- and {} more of the same kinds", self.more_notes));
            }
        }
        lines
    }
}

/// Reads and converts a file; nothing is written.
pub fn import_file(path: &Path, symbols: &SymbolLibrary) -> Result<Imported, ObfError> {
    let package = package::read(path)?;
    convert(&path.display().to_string(), &package, symbols)
}
