//! An import put in place as a profile's vocabulary, all or nothing: boards, photos (with their
//! licences) and recordings are written into `.import/` inside the profile's folder, read back
//! and compared, and only then swapped in for `vocab/` and `media/`. The vocabulary and media
//! they replace are kept in `previous-vocabulary/` until the next import (docs/obf.md).

use std::path::{Path, PathBuf};

use super::super::files::{read_capped, seal_like, write_in_new_folder};
use super::super::photo::photo_path;
use super::super::symbols::SymbolLibrary;
use super::super::vocab::Vocabulary;
use super::super::voice::recording_path;
use super::Imported;

pub const STAGING: &str = ".import";
pub const PREVIOUS: &str = "previous-vocabulary";

/// Where an image's licence is kept: beside its photo.
pub fn licence_path(photo: &Path) -> PathBuf {
    photo.with_extension("licence.json")
}

/// Puts `imported` in place as the vocabulary of the profile in `profile_dir`; returns what it
/// replaced (kept). On any error the profile is as it was and nothing of the import is left.
pub fn install(
    imported: &Imported,
    profile_dir: &Path,
    symbols: &SymbolLibrary,
) -> Result<PathBuf, String> {
    let staging = profile_dir.join(STAGING);
    // Staged files are sealed as they will be in their place (a seal binds the file's place).
    seal_like(&staging, profile_dir);
    let result = stage(imported, &staging, symbols).and_then(|()| swap(profile_dir, &staging));
    let _ = std::fs::remove_dir_all(&staging);
    result
}

fn stage(imported: &Imported, staging: &Path, symbols: &SymbolLibrary) -> Result<(), String> {
    if staging.exists() {
        // Left by an import that stopped half way (power lost): none of it was put in place.
        std::fs::remove_dir_all(staging).map_err(|e| format!("{}: {e}", staging.display()))?;
    }
    let vocab = staging.join("vocab");
    let mut written: Vec<(PathBuf, &[u8])> = Vec::new();
    for board in &imported.boards {
        let text = ron::ser::to_string_pretty(board, ron::ser::PrettyConfig::default())
            .map_err(|e| format!("board {}: {e}", board.id))?;
        let path = vocab.join(format!(
            "{}.ron",
            super::super::files::safe_file_name(&board.id)
        ));
        write_in_new_folder(&path, text.as_bytes())?;
    }
    for photo in &imported.photos {
        let path = photo_path(staging, &photo.board, &photo.cell);
        write_in_new_folder(&path, &photo.png)?;
        written.push((path.clone(), &photo.png));
        if let Some(licence) = &photo.licence {
            let path = licence_path(&path);
            write_in_new_folder(&path, licence.as_bytes())?;
            written.push((path, licence.as_bytes()));
        }
    }
    for sound in &imported.recordings {
        let path = recording_path(staging, &sound.board, &sound.cell);
        write_in_new_folder(&path, &sound.wav)?;
        written.push((path, &sound.wav));
    }
    // Read back: the boards as the app will read them, every other file byte for byte.
    let read = Vocabulary::load_dir(&vocab, symbols).map_err(|problems| {
        let first = problems
            .first()
            .map(ToString::to_string)
            .unwrap_or_default();
        format!(
            "the imported boards do not read back ({} problem(s)): {first}",
            problems.len()
        )
    })?;
    for board in &imported.boards {
        if read.board(&board.id) != Some(board) {
            return Err(format!(
                "board {} reads back differently from what was written",
                board.id
            ));
        }
    }
    for (path, bytes) in written {
        let back = read_capped(&path, bytes.len() as u64)
            .map_err(|e| format!("{}: {e}", path.display()))?;
        if back != bytes {
            return Err(format!(
                "{} reads back differently from what was written",
                path.display()
            ));
        }
    }
    Ok(())
}

/// After a swap cut short (power lost between its renames): what was moved out is put back, so
/// a profile never stays without its boards.
pub fn recover(profile_dir: &Path) {
    let previous = profile_dir.join(PREVIOUS);
    for part in ["vocab", "media"] {
        let kept = previous.join(part);
        let place = profile_dir.join(part);
        if !place.exists() && kept.exists() {
            let _ = std::fs::rename(&kept, &place);
        }
    }
}

/// `vocab/` and `media/` move to `previous-vocabulary/`, the staged ones into their place; a
/// failure half way moves everything back.
fn swap(profile_dir: &Path, staging: &Path) -> Result<PathBuf, String> {
    let previous = profile_dir.join(PREVIOUS);
    let older = profile_dir.join(format!("{PREVIOUS}.old"));
    let fail = |what: &Path, e: std::io::Error| format!("{}: {e}", what.display());
    if older.exists() {
        std::fs::remove_dir_all(&older).map_err(|e| fail(&older, e))?;
    }
    if previous.exists() {
        std::fs::rename(&previous, &older).map_err(|e| fail(&previous, e))?;
    }
    std::fs::create_dir_all(&previous).map_err(|e| fail(&previous, e))?;
    // What is kept opens as it did in its place (`model/sealed_profiles.rs` seals it so too).
    seal_like(&previous, profile_dir);
    let mut moved: Vec<(PathBuf, PathBuf)> = Vec::new();
    let mut step = |from: PathBuf, to: PathBuf| -> Result<(), String> {
        if !from.exists() {
            return Ok(());
        }
        std::fs::rename(&from, &to).map_err(|e| fail(&from, e))?;
        moved.push((from, to));
        Ok(())
    };
    let result = (|| {
        step(profile_dir.join("vocab"), previous.join("vocab"))?;
        step(profile_dir.join("media"), previous.join("media"))?;
        step(staging.join("vocab"), profile_dir.join("vocab"))?;
        step(staging.join("media"), profile_dir.join("media"))
    })();
    if let Err(why) = result {
        for (from, to) in moved.into_iter().rev() {
            let _ = std::fs::rename(&to, &from);
        }
        let _ = std::fs::remove_dir_all(&previous);
        if older.exists() {
            let _ = std::fs::rename(&older, &previous);
        }
        return Err(why);
    }
    if let Ok(folder) = std::fs::File::open(profile_dir) {
        let _ = folder.sync_all();
    }
    let _ = std::fs::remove_dir_all(&older);
    Ok(previous)
}
