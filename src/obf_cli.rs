//! `hearme import FILE [--profile P]` and `hearme export-board [--profile P] [--board B] --out
//! FILE.obz|FILE.obf`: a child's boards in from another AAC app and out again (docs/obf.md).
//! Each returns the lines to print, or the error; `main.rs` prints them and exits 1 on an error.

use std::path::Path;

use crate::model::files::write_in_new_folder;
use crate::model::keyring::Keyring;
use crate::model::obf::{self, export::Sources, install::install};
use crate::model::profile::{self, DEFAULT_PROFILE};
use crate::model::symbols::SymbolLibrary;

/// Imports an `.obf` or `.obz` as the new vocabulary of `profile` (created if missing; without
/// it, the profile the child's screen shows). A refused file changes nothing.
pub fn import(
    data_dir: &Path,
    file: &Path,
    label: Option<&str>,
    ring: Option<&Keyring>,
) -> Result<Vec<String>, String> {
    let label = match label {
        Some(label) => label.to_string(),
        None => profile::active(data_dir).unwrap_or_else(|| DEFAULT_PROFILE.to_string()),
    };
    if label == DEFAULT_PROFILE {
        return Err(
            "the built-in profile's boards never change; name a child's profile with --profile \
             (it is made if it is missing)"
                .into(),
        );
    }
    profile::check_label(&label)?;
    let symbols = SymbolLibrary::built_in();
    let imported = obf::import_file(file, &symbols).map_err(|e| e.to_string())?;
    let mut lines = Vec::new();
    let dir = profile::profile_dir(data_dir, &label);
    if !dir.exists() {
        lines.extend(crate::setup::profile_add(data_dir, &label, ring)?);
    }
    let previous = install(&imported, &dir, &symbols)?;
    lines.push(format!(
        "{} is now the vocabulary of profile {label}.",
        file.display()
    ));
    lines.extend(imported.report.lines());
    lines.push(format!(
        "The boards it replaced are kept in {} until the next import.",
        previous.display()
    ));
    Ok(lines)
}

/// Writes a profile's vocabulary as `.obz`, or one board (`--board`, default home) as `.obf`.
pub fn export(
    data_dir: &Path,
    label: Option<&str>,
    board: Option<&str>,
    out: &Path,
) -> Result<Vec<String>, String> {
    let content = crate::setup::profile_content(data_dir, label)?;
    export_content(&content, board, out)
}

/// Writes the vocabulary `content` shows (and its media) as [`export`] does.
pub fn export_content(
    content: &crate::Content,
    board: Option<&str>,
    out: &Path,
) -> Result<Vec<String>, String> {
    let symbol_dir = crate::asset_root().join("symbols");
    let media_root = content.media_root();
    let sources = Sources {
        symbols: &content.symbols,
        symbol_dir: &symbol_dir,
        media_root: media_root.as_deref(),
    };
    let single = out
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("obf"));
    let (bytes, what) = if single {
        let id = board.unwrap_or(crate::model::vocab::HOME_BOARD);
        let board = content
            .vocabulary
            .board(id)
            .ok_or_else(|| format!("profile {} has no board \"{id}\"", content.profile))?;
        (obf::export::obf(board, &sources)?, format!("board {id}"))
    } else {
        let boards = content.vocabulary.boards.len();
        let bytes = obf::export::obz(&content.vocabulary, &sources)?;
        (bytes, format!("{boards} board(s)"))
    };
    write_in_new_folder(out, &bytes)?;
    Ok(vec![format!(
        "{} of profile {} written to {} ({} kB)",
        what,
        content.profile,
        out.display(),
        bytes.len().div_ceil(1024)
    )])
}
