//! Setting a tablet up from the command line, as a council's IT does before handing it out:
//! profiles (`hearme profile list|add|remove|use`) and the worker PIN (`hearme pin set`, read
//! from standard input, never an argument), and a cell's photo (`hearme add-photo`). Each returns the lines to print, or the error;
//! `main.rs` prints them and exits 1 on an error. No Bevy here.

use std::io::BufRead;
use std::path::{Path, PathBuf};

use crate::Content;
use crate::model::audit::{self, Audited};
use crate::model::keyring::{Keyring, destroy_key_file};
use crate::model::pin::{self, PinRecord, Verdict};
use crate::model::profile::{self, DEFAULT_PROFILE};
use crate::model::session::{describe_journal, journals_in};
use crate::model::visits::describe_visit;
use crate::model::{photo, voice};

pub fn profile_list(data_dir: &Path) -> Result<Vec<String>, String> {
    let active = profile::active(data_dir);
    let mark = |label: &str| {
        if active.as_deref().unwrap_or(DEFAULT_PROFILE) == label {
            "  (shown on the child's screen)"
        } else {
            ""
        }
    };
    let mut lines = vec![format!(
        "{DEFAULT_PROFILE}: the built-in vocabulary{}",
        mark(DEFAULT_PROFILE)
    )];
    for (label, read) in profile::list(data_dir)? {
        lines.push(match read {
            Ok(_) => format!("{label}{}", mark(&label)),
            Err(why) => format!("{label}: cannot be read: {why}"),
        });
    }
    Ok(lines)
}

/// Adds a profile; on a tablet with keys (`ring`), sealed under a key of its own.
pub fn profile_add(
    data_dir: &Path,
    label: &str,
    ring: Option<&Keyring>,
) -> Result<Vec<String>, String> {
    profile::check_label(label)?;
    let key = match ring {
        Some(ring) => Some(std::sync::Arc::new(
            ring.profile_key(label).map_err(|e| e.to_string())?,
        )),
        None => None,
    };
    let dir = profile::add(data_dir, label, key)?;
    Ok(vec![format!(
        "added profile {label} in {}, with its own copy of the built-in vocabulary",
        dir.display()
    )])
}

/// Deletes a profile, refused while a visit on the tablet used it (or may have: a visit whose
/// first line is damaged).
/// On a tablet with keys (`ring`) the profile's key is destroyed before its files.
pub fn profile_remove(
    data_dir: &Path,
    label: &str,
    ring: Option<&Keyring>,
) -> Result<Vec<String>, String> {
    let using: Vec<PathBuf> = journals_in(&data_dir.join("sessions"))
        .unwrap_or_default()
        .into_iter()
        .filter(|path| {
            let described = match ring {
                Some(ring) => describe_visit(ring, path),
                None => describe_journal(path).map_err(|e| e.to_string()),
            };
            match described {
                Ok(visit) => visit.profile.is_none_or(|used| used == label),
                Err(_) => true,
            }
        })
        .collect();
    profile::remove(data_dir, label, &using, || match ring {
        Some(ring) => {
            let key_file = ring.profile_key_file(label).map_err(|e| e.to_string())?;
            destroy_key_file(&key_file).map_err(|e| format!("{}: {e}", key_file.display()))
        }
        None => Ok(()),
    })?;
    Ok(vec![format!(
        "removed profile {label}: its vocabulary, recordings and photos are deleted"
    )])
}

pub fn profile_use(data_dir: &Path, label: &str) -> Result<Vec<String>, String> {
    profile::set_active(data_dir, label)?;
    Ok(vec![format!(
        "the child's screen now shows profile {label}"
    )])
}

/// Reads the PIN from the first line of `input` and stores its hash. Refused when a PIN is
/// already set: changing it is done in the worker area, after the old PIN.
pub fn pin_set(data_dir: &Path, input: impl BufRead) -> Result<Vec<String>, String> {
    let path = pin::pin_path(data_dir);
    if pin::load(&path)?.is_some() {
        return Err(format!(
            "{}: a PIN is already set; change it in the worker area (Change PIN)",
            path.display()
        ));
    }
    let mut line = zeroize::Zeroizing::new(String::new());
    input
        .take(64)
        .read_line(&mut line)
        .map_err(|e| format!("cannot read the PIN from standard input: {e}"))?;
    let record = PinRecord::new(line.trim())?;
    pin::save(&path, &record)?;
    Ok(vec![format!(
        "PIN set: its hash is in {} (the PIN itself is not stored)",
        path.display()
    )])
}

/// The keys, opened with the PIN read from the first line of `input`, for a command that reads
/// or writes sealed data. A wrong PIN opens nothing and counts towards the lockout, as on the
/// PIN page (docs/data-protection.md, "Command line").
pub fn unlock(data_dir: &Path, input: impl BufRead) -> Result<Keyring, String> {
    let path = pin::pin_path(data_dir);
    let mut record = pin::load(&path)?.ok_or_else(|| {
        format!(
            "{}: no PIN is set, so the sealed data cannot be opened",
            path.display()
        )
    })?;
    let mut line = zeroize::Zeroizing::new(String::new());
    input
        .take(64)
        .read_line(&mut line)
        .map_err(|e| format!("cannot read the PIN from standard input: {e}"))?;
    let verdict = record.try_pin(line.trim(), jiff::Timestamp::now().as_second());
    pin::save(&path, &record)?;
    let noted = |what| {
        let _ = audit::record(data_dir, what, None);
    };
    match verdict {
        Verdict::Right => {
            noted(Audited::Unlocked);
            Keyring::unlock(data_dir, line.trim()).map_err(|e| e.to_string())
        }
        Verdict::Wrong {
            tries_left,
            locked_for,
        } => {
            noted(match locked_for {
                Some(_) => Audited::LockedOut,
                None => Audited::WrongPin,
            });
            Err(match locked_for {
                Some(seconds) => format!("that is not the PIN; locked for {seconds} s"),
                None => format!("that is not the PIN; {tries_left} tries left before a lockout"),
            })
        }
        Verdict::Locked { seconds_left } => Err(format!(
            "locked after wrong PINs for {seconds_left} s more; no PIN is checked until then"
        )),
    }
}

/// The content of a profile (`None`: the one the child's screen shows), or why there is none.
pub fn profile_content(data_dir: &Path, label: Option<&str>) -> Result<Content, String> {
    let data = data_dir.to_path_buf();
    Ok(match label {
        None => Content::for_data_dir(Some(&data)),
        Some(DEFAULT_PROFILE) => Content::for_profile(Some(&data), None),
        Some(label) => {
            profile::load(data_dir, label)?;
            Content::for_profile(Some(&data), Some(label))
        }
    })
}

/// Checks that the profile's vocabulary has the cell; its content otherwise.
pub fn content_with_cell(
    data_dir: &Path,
    label: Option<&str>,
    board: &str,
    cell: &str,
) -> Result<Content, String> {
    let content = profile_content(data_dir, label)?;
    if content
        .vocabulary
        .board(board)
        .and_then(|b| b.cell(cell))
        .is_none()
    {
        return Err(format!(
            "there is no cell \"{cell}\" on board \"{board}\" in profile {}",
            content.profile
        ));
    }
    Ok(content)
}

/// A cell of a profile's vocabulary, as the voice and photo commands name it.
pub struct CellRef<'a> {
    pub data_dir: &'a Path,
    pub profile: Option<&'a str>,
    pub board: &'a str,
    pub cell: &'a str,
}

impl<'a> CellRef<'a> {
    /// Where the cell's profile keeps its recordings and photos, once the cell is known to be in
    /// that profile's vocabulary.
    fn media_root(&self) -> Result<PathBuf, String> {
        let content = content_with_cell(self.data_dir, self.profile, self.board, self.cell)?;
        Ok(content
            .media_root()
            .unwrap_or_else(|| self.data_dir.to_path_buf()))
    }

    pub fn new(
        data_dir: &'a Path,
        profile: Option<&'a str>,
        board: &'a str,
        cell: &'a str,
    ) -> Self {
        CellRef {
            data_dir,
            profile,
            board,
            cell,
        }
    }
}

/// Gives a cell a recorded voice from a WAV, Ogg Vorbis or MP3 file.
pub fn import_voice(cell: &CellRef, file: &Path) -> Result<Vec<String>, String> {
    let label = file.display().to_string();
    keep_voice(cell, || {
        voice::decode_file(file).and_then(|clip| voice::clean_recording(&label, &clip))
    })
}

/// Gives a cell a recorded voice from the microphone, `seconds` long (at most 10).
pub fn record_voice(cell: &CellRef, seconds: u64) -> Result<Vec<String>, String> {
    keep_voice(cell, || {
        let length =
            std::time::Duration::from_secs(seconds.clamp(1, voice::MAX_RECORDING.as_secs()));
        eprintln!("recording for {} s ...", length.as_secs());
        voice::record_from_microphone(length)
            .and_then(|clip| voice::clean_recording("the recording", &clip))
    })
}

/// Checks the cell exists, gets the clip (trimmed, normalised), and keeps it as the cell's
/// voice in the profile's `media/voice/`; on any error nothing is changed.
fn keep_voice(
    cell: &CellRef,
    clip: impl FnOnce() -> Result<voice::Clip, voice::VoiceError>,
) -> Result<Vec<String>, String> {
    let target = voice::recording_path(&cell.media_root()?, cell.board, cell.cell);
    let clip = clip()
        .and_then(|clip| voice::save_recording(&target, &clip).map(|()| clip))
        .map_err(|e| e.to_string())?;
    Ok(vec![format!(
        "{} ({:.1} s)",
        target.display(),
        clip.duration().as_secs_f32()
    )])
}

/// Gives a cell a photo: prepared (upright, square, at most 512 px, no metadata) and stored in
/// the profile's `media/photos/`; on any error nothing is stored.
pub fn add_photo(cell: &CellRef, file: &Path) -> Result<Vec<String>, String> {
    let media = cell.media_root()?;
    let prepared = photo::prepare_file(file).map_err(|e| e.to_string())?;
    let target = photo::photo_path(&media, cell.board, cell.cell);
    photo::save(&target, &prepared)?;
    Ok(vec![format!(
        "{} ({} x {} px, no metadata kept)",
        target.display(),
        prepared.width(),
        prepared.height()
    )])
}
