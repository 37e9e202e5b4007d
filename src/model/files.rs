//! Reading a file the app did not write (a board, a journal, a sound), refusing devices, pipes
//! and anything too big; and writing files so that a crash never leaves half a file (temp file,
//! fsync, rename). Files in a sealed folder (a profile's, once its key is open) are sealed as
//! they are written and opened as they are read, here and nowhere else, so every reader of a
//! board, photo or recording gets it (docs/data-protection.md, "Profiles").

use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};
use std::sync::{Arc, RwLock};

use super::seal::{DataKey, is_sealed_file, open_file, seal_file};

/// The folders whose files are sealed, each with its key: set on unlock, dropped on lock.
static SEALED_FOLDERS: RwLock<Vec<(PathBuf, Arc<DataKey>)>> = RwLock::new(Vec::new());

/// From now on files under `dir` are sealed with `key` when written and opened when read.
pub fn seal_folder(dir: &Path, key: Arc<DataKey>) {
    if let Ok(mut folders) = SEALED_FOLDERS.write() {
        folders.retain(|(known, _)| known != dir);
        folders.push((dir.to_path_buf(), key));
    }
}

/// Forgets the key of every sealed folder under `root` but those `keep` says to keep; their
/// files no longer open.
pub fn forget_folders(root: &Path, keep: impl Fn(&Path) -> bool) {
    if let Ok(mut folders) = SEALED_FOLDERS.write() {
        folders.retain(|(known, _)| !known.starts_with(root) || keep(known));
    }
}

/// Seals `dir` with the key of the sealed folder `like` is in, if any: a folder whose files are
/// staged there, or kept there, as they are (or were) in their own place, since a file's place
/// in its sealed folder is bound into its seal (an import's `.import/`, the vocabulary it
/// replaced in `previous-vocabulary/`: `model/obf/install.rs`).
pub fn seal_like(dir: &Path, like: &Path) {
    let key = SEALED_FOLDERS.read().ok().and_then(|folders| {
        folders
            .iter()
            .filter(|(known, _)| like.starts_with(known))
            .max_by_key(|(known, _)| known.components().count())
            .map(|(_, key)| key.clone())
    });
    if let Some(key) = key {
        seal_folder(dir, key);
    }
}

/// The key of the sealed folder `path` is in (the innermost, when one is inside another), and
/// the path's place in it (the associated data of its seal).
fn folder_key(path: &Path) -> Option<(Arc<DataKey>, String)> {
    let folders = SEALED_FOLDERS.read().ok()?;
    let (dir, key) = folders
        .iter()
        .filter(|(dir, _)| path.starts_with(dir))
        .max_by_key(|(dir, _)| dir.components().count())?;
    let place: Vec<String> = path
        .strip_prefix(dir)
        .ok()?
        .components()
        .map(|part| part.as_os_str().to_string_lossy().into_owned())
        .collect();
    Some((key.clone(), place.join("/")))
}

/// `bytes` as they go on disk at `path`: sealed inside a sealed folder.
fn as_stored(path: &Path, bytes: &[u8]) -> io::Result<Vec<u8>> {
    match folder_key(path) {
        Some((key, place)) => seal_file(&key, &place, bytes).map_err(io::Error::other),
        None => Ok(bytes.to_vec()),
    }
}

/// `bytes` read from `path`, opened if sealed. A file still plain in a sealed folder (written
/// before its key, and sealed at the next unlock) is read as it is.
fn as_read(path: &Path, bytes: Vec<u8>) -> Result<Vec<u8>, ReadRefused> {
    if !is_sealed_file(&bytes) {
        return Ok(bytes);
    }
    let (key, place) = folder_key(path).ok_or(ReadRefused::Sealed)?;
    open_file(&key, &place, &bytes).map_err(|_| ReadRefused::DoesNotOpen)
}

/// Seals, in place, every plain file under `dir` (a sealed folder): each written sealed beside
/// it, read back, and renamed over it. Returns how many were sealed, or the first failure.
pub fn seal_plain_files(dir: &Path) -> Result<usize, String> {
    let mut sealed = 0;
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Ok(0);
    };
    for entry in entries.flatten() {
        let path = entry.path();
        let named = |e: &dyn std::fmt::Display| format!("{}: {e}", path.display());
        if path.is_dir() {
            sealed += seal_plain_files(&path)?;
            continue;
        }
        // Each unlock walks every profile: a file already sealed is told by its first bytes,
        // without reading a photo or recording whole.
        let mut head = [0u8; 16];
        let read = std::fs::File::open(&path).and_then(|mut file| file.read(&mut head));
        let head = &head[..read.map_err(|e| named(&e))?];
        let hidden = path
            .file_name()
            .is_some_and(|n| n.to_string_lossy().starts_with('.'));
        if is_sealed_file(head) || hidden {
            continue;
        }
        let bytes = std::fs::read(&path).map_err(|e| named(&e))?;
        // A short first read must never seal a sealed file twice.
        if is_sealed_file(&bytes) {
            continue;
        }
        write_atomically(&path, &bytes).map_err(|e| named(&e))?;
        if read_capped(&path, u64::MAX).ok().as_deref() != Some(&bytes[..]) {
            return Err(named(
                &"the sealed copy does not read back as the plain file",
            ));
        }
        sealed += 1;
    }
    Ok(sealed)
}

/// Why a file was not read, in words that follow its name.
#[derive(Debug, thiserror::Error)]
pub enum ReadRefused {
    #[error("it is not a regular file (a folder, a device or a pipe)")]
    NotAFile,
    #[error("it is more than {0} bytes")]
    TooBig(u64),
    #[error("cannot read it: {0}")]
    Io(#[from] io::Error),
    #[error("it is sealed, and its key is locked (type the PIN in the worker area)")]
    Sealed,
    #[error("it does not open with its key: it was changed, or moved from another place")]
    DoesNotOpen,
}

/// The bytes of a regular file of at most `max_bytes`. A device such as `/dev/zero` or a pipe is
/// refused before it is opened (opening a pipe would wait for a writer); the cap is checked by
/// reading, since a file can grow after its size was read.
pub fn read_capped(path: &Path, max_bytes: u64) -> Result<Vec<u8>, ReadRefused> {
    if !std::fs::metadata(path)?.is_file() {
        return Err(ReadRefused::NotAFile);
    }
    let mut bytes = Vec::new();
    std::fs::File::open(path)?
        .take(max_bytes.saturating_add(1))
        .read_to_end(&mut bytes)?;
    if bytes.len() as u64 > max_bytes {
        return Err(ReadRefused::TooBig(max_bytes));
    }
    as_read(path, bytes)
}

/// Writes `bytes` to `path` atomically: readers see the old file or the whole new one.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let temp = write_temp(path, bytes)?;
    put_in_place(&temp, path)
}

/// Writes `bytes` beside `path` under a temporary name, synced, and returns that name; nothing
/// is left behind if it fails.
pub fn write_temp(path: &Path, bytes: &[u8]) -> io::Result<PathBuf> {
    let name = path
        .file_name()
        .ok_or_else(|| io::Error::other("no file name"))?;
    let temp = folder_of(path).join(format!(".{}.tmp", name.to_string_lossy()));
    let stored = as_stored(path, bytes)?;
    let result = (|| {
        let mut file = std::fs::File::create(&temp)?;
        file.write_all(&stored)?;
        file.sync_all()
    })();
    match result {
        Ok(()) => Ok(temp),
        Err(error) => {
            let _ = std::fs::remove_file(&temp);
            Err(error)
        }
    }
}

/// Moves a file written by [`write_temp`] to its name, and syncs the folder.
pub fn put_in_place(temp: &Path, path: &Path) -> io::Result<()> {
    let renamed = std::fs::rename(temp, path);
    if renamed.is_err() {
        let _ = std::fs::remove_file(temp);
    }
    renamed?;
    if let Ok(folder) = std::fs::File::open(folder_of(path)) {
        let _ = folder.sync_all();
    }
    Ok(())
}

fn folder_of(path: &Path) -> &Path {
    path.parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."))
}

/// A board or cell id as a file name: letters, digits, `-` and `_` kept, anything else `_`, so
/// no id can name a path outside its folder.
pub fn safe_file_name(text: &str) -> String {
    text.chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '_'
            }
        })
        .collect()
}

/// [`write_atomically`], creating the file's folder first; errors name the file.
pub fn write_in_new_folder(path: &Path, bytes: &[u8]) -> Result<(), String> {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    }
    write_atomically(path, bytes).map_err(|e| format!("{}: {e}", path.display()))
}

/// A RON file of ours (settings, the PIN record, a profile): `Ok(None)` when there is none, or
/// why it cannot be used, naming the file and the place.
pub fn read_ron<T: serde::de::DeserializeOwned>(
    path: &Path,
    max_bytes: u64,
    what: &str,
) -> Result<Option<T>, String> {
    if !path.exists() {
        return Ok(None);
    }
    let bytes = read_capped(path, max_bytes).map_err(|e| format!("{}: {e}", path.display()))?;
    let text = String::from_utf8(bytes).map_err(|_| format!("{}: not text", path.display()))?;
    ron::from_str(&text).map(Some).map_err(|e| {
        super::problem::Problem::from_ron(&path.display().to_string(), &text, &e, what).to_string()
    })
}

/// Writes `value` as RON, creating its folder, replacing the old file only once the new one is
/// on disk.
pub fn write_ron<T: serde::Serialize>(path: &Path, value: &T) -> Result<(), String> {
    let text = ron::ser::to_string_pretty(value, ron::ser::PrettyConfig::default())
        .map_err(|e| e.to_string())?;
    write_in_new_folder(path, text.as_bytes())
}
