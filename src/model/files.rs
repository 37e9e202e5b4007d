//! Reading a file the app did not write (a board, a journal, a sound), refusing devices, pipes
//! and anything too big; and writing files so that a crash never leaves half a file (temp file,
//! fsync, rename).

use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};

/// Why a file was not read, in words that follow its name.
#[derive(Debug, thiserror::Error)]
pub enum ReadRefused {
    #[error("it is not a regular file (a folder, a device or a pipe)")]
    NotAFile,
    #[error("it is more than {0} bytes")]
    TooBig(u64),
    #[error("cannot read it: {0}")]
    Io(#[from] io::Error),
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
    Ok(bytes)
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
    let result = (|| {
        let mut file = std::fs::File::create(&temp)?;
        file.write_all(bytes)?;
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
