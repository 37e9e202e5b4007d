//! The visits on the tablet under their keys (docs/data-protection.md): opening a journal with
//! its visit's key, sealing a plain v1 journal in place on the first unlock, and deleting a
//! visit so that nothing of it can be read again (its key first, then its files).

use std::path::{Path, PathBuf};

use super::files::{put_in_place, read_capped, write_temp};
use super::journal::LineSeal;
use super::keyring::{Keyring, destroy_key_file};
use super::seal::{is_sealed_line, seal_line};
use super::session::{
    FoundVisit, JournalLine, MAX_JOURNAL_BYTES, MAX_SEQ, Recovered, describe_journal_with,
    journals_in, parse_journal, parse_journal_with, read_journal, read_journal_with, visit_id,
};

/// A visit's journal read back, and the seal its new lines take (`None` for a plain journal
/// that could not be sealed: it goes on in plain lines, and the worker was told why).
pub struct OpenedVisit {
    pub recovered: Recovered,
    pub seal: Option<LineSeal>,
}

/// Reads a visit's journal with its own key.
pub fn open_visit(ring: &Keyring, path: &Path) -> Result<OpenedVisit, String> {
    let key = ring.visit_key(&visit_id(path)).map_err(|e| e.to_string())?;
    match key {
        Some(key) => {
            let recovered = read_journal_with(path, Some(&key)).map_err(|e| e.to_string())?;
            Ok(OpenedVisit {
                recovered,
                seal: Some(LineSeal::for_journal(key, path)),
            })
        }
        None => Ok(OpenedVisit {
            recovered: read_journal(path).map_err(|e| e.to_string())?,
            seal: None,
        }),
    }
}

/// Describes a visit's journal, read with its own key.
pub fn describe_visit(ring: &Keyring, path: &Path) -> Result<FoundVisit, String> {
    let key = ring.visit_key(&visit_id(path)).map_err(|e| e.to_string())?;
    describe_journal_with(path, key.as_ref()).map_err(|e| e.to_string())
}

/// Seals a plain (v1) journal in place under a new key of its visit: every line sealed as it
/// stands (one that cannot be read stays one that cannot be read, at the same line number),
/// written beside it, read back and compared, and only then put in its place. `Ok(false)` when
/// it was sealed already.
pub fn seal_plain_journal(ring: &Keyring, path: &Path) -> Result<bool, String> {
    let named = |e: &dyn std::fmt::Display| format!("{}: {e}", path.display());
    let bytes = read_capped(path, MAX_JOURNAL_BYTES).map_err(|e| named(&e))?;
    let raw_lines: Vec<&[u8]> = bytes.split(|&b| b == b'\n').collect();
    if raw_lines.iter().any(|raw| is_sealed_line(raw)) {
        return Ok(false);
    }
    let plain = parse_journal(path, &bytes).map_err(|e| e.to_string())?;
    let visit = visit_id(path);
    // An upgrade cut short by a power cut left its key: the journal is sealed with that one.
    let key = match ring.visit_key(&visit).map_err(|e| e.to_string())? {
        Some(key) => key,
        None => ring.new_visit_key(&visit).map_err(|e| e.to_string())?,
    };
    let mut sealed = String::new();
    let count = raw_lines.len();
    for (index, raw) in raw_lines.into_iter().enumerate() {
        if raw.iter().all(u8::is_ascii_whitespace) {
            if index + 1 < count {
                sealed.push('\n');
            }
            continue;
        }
        let text = String::from_utf8_lossy(raw);
        // A line that does not parse has no sequence number of its own: it is sealed at a
        // place no event can have, so it is still reported, never read as an event.
        let seq = ron::from_str::<JournalLine>(&text)
            .ok()
            .map(|line| line.seq)
            .filter(|seq| *seq < MAX_SEQ)
            .unwrap_or(MAX_SEQ + index as u64);
        sealed.push_str(&seal_line(&key, &visit, seq, &text).map_err(|e| named(&e))?);
        sealed.push('\n');
    }
    let temp = write_temp(path, sealed.as_bytes()).map_err(|e| named(&e))?;
    let read_back = std::fs::read(&temp)
        .ok()
        .and_then(|bytes| parse_journal_with(path, &bytes, Some(&key)).ok());
    if read_back.is_none_or(|back| back.lines != plain.lines) {
        let _ = std::fs::remove_file(&temp);
        return Err(named(&"the sealed copy did not read back as the plain one"));
    }
    put_in_place(&temp, path).map_err(|e| named(&e))?;
    Ok(true)
}

/// Seals every plain journal in `sessions` but `open` (the visit being recorded, whose writer
/// holds its file: a journal renamed under it would lose every line written after); returns how
/// many were sealed and what failed.
pub fn seal_plain_journals(
    ring: &Keyring,
    sessions: &Path,
    open: Option<&Path>,
) -> (usize, Vec<String>) {
    let mut sealed = 0;
    let mut problems = Vec::new();
    for path in journals_in(sessions).unwrap_or_default() {
        if Some(path.as_path()) == open {
            continue;
        }
        match seal_plain_journal(ring, &path) {
            Ok(true) => sealed += 1,
            Ok(false) => {}
            Err(why) => problems.push(format!("Not sealed: {why}")),
        }
    }
    (sealed, problems)
}

/// Deletes a visit: its key destroyed first (so any copy of its journal left on flash is
/// noise), then its journal and `also` (its summary files in the app's exports folder). A plain
/// journal has no key file.
pub fn delete_visit(
    key_file: Option<&Path>,
    journal: &Path,
    also: &[PathBuf],
) -> Result<(), String> {
    if let Some(key_file) = key_file {
        destroy_key_file(key_file).map_err(|e| {
            format!(
                "{}: the key could not be destroyed: {e}",
                key_file.display()
            )
        })?;
    }
    for path in std::iter::once(journal).chain(also.iter().map(PathBuf::as_path)) {
        match std::fs::remove_file(path) {
            Ok(()) => {}
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => return Err(format!("{}: could not be deleted: {e}", path.display())),
        }
    }
    Ok(())
}
