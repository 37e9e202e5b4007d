//! Reading an `.obf` or `.obz` file as hostile input (docs/obf.md, "Hostile files"): every cap
//! is counted while reading, never taken from a header, and reading stops the moment one is
//! passed. Nothing is written anywhere: the entries are kept in memory by name.

use std::collections::BTreeMap;
use std::io::{Cursor, Read};
use std::path::Path;

use serde_json::Value;

use super::ObfError;

/// The biggest file accepted at all (an .obz of boards and pictures is a few MB to a few tens).
pub const MAX_FILE_BYTES: u64 = 100 * 1024 * 1024;
/// The most bytes an .obz may unpack to, all entries together.
pub const MAX_UNPACKED_BYTES: u64 = 200 * 1024 * 1024;
pub const MAX_ENTRIES: usize = 10_000;
/// One board's JSON (3,000 buttons are about 1 MB).
pub const MAX_BOARD_BYTES: u64 = 8 * 1024 * 1024;
/// A lone `.obf`, its pictures and sounds inside it as data URIs.
pub const MAX_LONE_BOARD_BYTES: u64 = 32 * 1024 * 1024;
/// JSON nested deeper than this is refused before it is parsed: a board is 5 levels deep.
pub const MAX_JSON_DEPTH: usize = 32;

/// The files of a package, by their name inside it, and its boards as JSON.
pub struct Package {
    /// Every `.obf` in the package, by its name ("boards/1.obf"); a lone `.obf` file is named by
    /// its own file name.
    pub boards: BTreeMap<String, Value>,
    /// The manifest, when there is one.
    pub manifest: Option<Value>,
    /// Every other entry's bytes (images, sounds), by name.
    pub files: BTreeMap<String, Vec<u8>>,
}

pub fn read(path: &Path) -> Result<Package, ObfError> {
    let file = path.display().to_string();
    let bytes = super::super::files::read_capped(path, MAX_FILE_BYTES)
        .map_err(|e| ObfError::new(&file, format!("cannot be read: {e}")))?;
    if bytes.starts_with(b"PK") {
        read_obz(&file, &bytes)
    } else {
        let name = path
            .file_name()
            .map_or("board.obf".into(), |n| n.to_string_lossy().into_owned());
        // A lone board carries its pictures as data URIs, so it may be bigger than one in a
        // package, but not without end.
        if bytes.len() as u64 > MAX_LONE_BOARD_BYTES {
            return Err(ObfError::new(
                &file,
                format!(
                    "is bigger than {} MB, too big for one board",
                    MAX_LONE_BOARD_BYTES / (1024 * 1024)
                ),
            ));
        }
        let board = parse_json(&file, &bytes)?;
        Ok(Package {
            boards: BTreeMap::from([(name, board)]),
            manifest: None,
            files: BTreeMap::new(),
        })
    }
}

fn read_obz(file: &str, bytes: &[u8]) -> Result<Package, ObfError> {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes))
        .map_err(|e| ObfError::new(file, format!("is not a readable .obz (zip) file: {e}")))?;
    if archive.len() > MAX_ENTRIES {
        return Err(ObfError::new(
            file,
            format!(
                "holds {} entries; at most {MAX_ENTRIES} are read",
                archive.len()
            ),
        ));
    }
    let mut package = Package {
        boards: BTreeMap::new(),
        manifest: None,
        files: BTreeMap::new(),
    };
    let mut unpacked: u64 = 0;
    for index in 0..archive.len() {
        let mut entry = archive
            .by_index(index)
            .map_err(|e| ObfError::new(file, format!("entry {index} cannot be read: {e}")))?;
        let raw = entry
            .name()
            .map_err(|e| ObfError::new(file, format!("entry {index} has an unreadable name: {e}")))?
            .into_owned();
        let name = entry_name(file, &raw)?;
        if entry.is_dir() {
            continue;
        }
        if entry.is_symlink() {
            return Err(ObfError::new(
                file,
                format!("entry \"{name}\" is a link; links are refused"),
            ));
        }
        if package.files.contains_key(&name)
            || package.boards.contains_key(&name)
            || (name == "manifest.json" && package.manifest.is_some())
        {
            return Err(ObfError::new(
                file,
                format!("entry \"{name}\" is in the package twice"),
            ));
        }
        // The header's size is the writer's word; the bytes are counted as they come.
        let room = MAX_UNPACKED_BYTES - unpacked;
        let mut data = Vec::new();
        (&mut entry)
            .take(room + 1)
            .read_to_end(&mut data)
            .map_err(|e| ObfError::new(file, format!("entry \"{name}\" is damaged: {e}")))?;
        unpacked += data.len() as u64;
        if unpacked > MAX_UNPACKED_BYTES {
            return Err(ObfError::new(
                file,
                format!(
                    "unpacks to more than {} MB (at \"{name}\"); reading stopped there",
                    MAX_UNPACKED_BYTES / (1024 * 1024)
                ),
            ));
        }
        let inner = format!("{file}:{name}");
        if name.eq_ignore_ascii_case("manifest.json") {
            package.manifest = Some(parse_json(&inner, &data)?);
        } else if name.to_ascii_lowercase().ends_with(".obf") {
            if data.len() as u64 > MAX_BOARD_BYTES {
                return Err(ObfError::new(&inner, "is too big for one board"));
            }
            package.boards.insert(name, parse_json(&inner, &data)?);
        } else {
            package.files.insert(name, data);
        }
    }
    if package.boards.is_empty() {
        return Err(ObfError::new(file, "holds no board (.obf) at all"));
    }
    Ok(package)
}

/// An entry's name as a plain relative path, or why the package is refused: an absolute name,
/// `..`, a drive letter or a backslash could name a place outside the import's folder.
fn entry_name(file: &str, raw: &str) -> Result<String, ObfError> {
    let refuse = || {
        ObfError::new(
            file,
            format!("entry \"{raw}\" names a place outside the package; the file is refused"),
        )
    };
    if raw.starts_with('/') || raw.contains('\\') || raw.contains(':') || raw.contains('\0') {
        return Err(refuse());
    }
    let parts: Vec<&str> = raw
        .split('/')
        .filter(|p| !p.is_empty() && *p != ".")
        .collect();
    if parts.contains(&"..") {
        return Err(refuse());
    }
    Ok(parts.join("/"))
}

/// JSON of a board or manifest, after checking how deep it nests (serde_json would recurse).
pub fn parse_json(file: &str, bytes: &[u8]) -> Result<Value, ObfError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let depth = nesting(bytes);
    if depth > MAX_JSON_DEPTH {
        return Err(ObfError::new(
            file,
            format!("nests {depth} levels deep; at most {MAX_JSON_DEPTH} are read"),
        ));
    }
    serde_json::from_slice(bytes).map_err(|e| {
        ObfError::new(
            file,
            format!(
                "is not JSON (line {}, column {}): {e}",
                e.line(),
                e.column()
            ),
        )
    })
}

/// The deepest nesting of `[` and `{` outside strings.
fn nesting(bytes: &[u8]) -> usize {
    let (mut depth, mut deepest, mut in_string, mut escaped) = (0usize, 0usize, false, false);
    for &byte in bytes {
        if in_string {
            match byte {
                _ if escaped => escaped = false,
                b'\\' => escaped = true,
                b'"' => in_string = false,
                _ => {}
            }
            continue;
        }
        match byte {
            b'"' => in_string = true,
            b'[' | b'{' => {
                depth += 1;
                deepest = deepest.max(depth);
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    deepest
}
