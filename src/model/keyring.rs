//! The keys on disk (docs/data-protection.md, "Keys"): `DATA/keys/tablet.ron` holds the tablet's
//! key wrapped under a key derived from the worker's PIN (Argon2id, with its salt and costs), and
//! `DATA/keys/<visit>.ron` each visit's own data key wrapped under the tablet's key. Changing the
//! PIN re-wraps the tablet's key alone, in one atomic write; destroying a visit's key file turns
//! every copy of its journal into noise.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::files::{read_ron, safe_file_name, write_ron};
use super::seal::{DataKey, KEK_MEMORY_KIB, KEK_PASSES, Kek, WrappedKey, hex, unhex, unwrap, wrap};

const SALT_BYTES: usize = 16;
/// A key file is a few hundred bytes; anything bigger is not ours.
const MAX_KEY_FILE_BYTES: u64 = 16 * 1024;
const TABLET_KEY_FOR: &str = "hearme tablet key";

/// The tablet's key as stored: wrapped under one PIN, or, while the PIN is being changed, under
/// the new and the old one, so a power cut part-way leaves a key that opens with either.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TabletKeyFile {
    pub v: u32,
    pub wraps: Vec<PinWrap>,
}

/// The tablet's key wrapped under the key derived from one PIN.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PinWrap {
    /// Hex.
    pub salt: String,
    pub memory_kib: u32,
    pub passes: u32,
    pub wrapped: WrappedKey,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum KeyringError {
    #[error("{0}: the keys do not open with this PIN")]
    DoesNotOpen(String),
    #[error("{0}")]
    File(String),
}

/// The keys, unlocked: held from the right PIN until the worker area closes or the app quits,
/// and wiped from memory then.
pub struct Keyring {
    dir: PathBuf,
    tablet: DataKey,
}

/// `DATA/keys/`.
pub fn keys_dir(data_dir: &Path) -> PathBuf {
    data_dir.join("keys")
}

fn tablet_key_path(data_dir: &Path) -> PathBuf {
    keys_dir(data_dir).join("tablet.ron")
}

/// Whether this tablet has keys at all (a PIN was chosen since sealing came in).
pub fn has_keys(data_dir: &Path) -> bool {
    tablet_key_path(data_dir).exists()
}

fn wrap_under_pin(pin: &str, tablet: &DataKey) -> Result<PinWrap, KeyringError> {
    let mut salt = [0u8; SALT_BYTES];
    getrandom::fill(&mut salt).map_err(|e| KeyringError::File(e.to_string()))?;
    let kek = Kek::from_pin(pin, &salt, KEK_MEMORY_KIB, KEK_PASSES).map_err(file_error)?;
    Ok(PinWrap {
        salt: hex(&salt),
        memory_kib: KEK_MEMORY_KIB,
        passes: KEK_PASSES,
        wrapped: wrap(&kek, tablet, TABLET_KEY_FOR).map_err(file_error)?,
    })
}

fn file_error(e: impl std::fmt::Display) -> KeyringError {
    KeyringError::File(e.to_string())
}

impl Keyring {
    /// Opens the tablet's key with the PIN; a tablet with no keys yet (a PIN just chosen, or one
    /// chosen before sealing came in) gets a new random one, wrapped under this PIN.
    pub fn unlock(data_dir: &Path, pin: &str) -> Result<Keyring, KeyringError> {
        let path = tablet_key_path(data_dir);
        let dir = keys_dir(data_dir);
        let stored: Option<TabletKeyFile> =
            read_ron(&path, MAX_KEY_FILE_BYTES, "the tablet's key").map_err(KeyringError::File)?;
        let Some(stored) = stored else {
            let tablet = DataKey::random().map_err(file_error)?;
            let file = TabletKeyFile {
                v: 1,
                wraps: vec![wrap_under_pin(pin, &tablet)?],
            };
            write_ron(&path, &file).map_err(KeyringError::File)?;
            return Ok(Keyring { dir, tablet });
        };
        for one in &stored.wraps {
            // A hostile file could ask for gigabytes of memory: costs beyond twice ours are not
            // run. Lower ones (an older version's) open, and are raised to ours at once.
            if one.memory_kib > 2 * KEK_MEMORY_KIB || one.passes > 2 * KEK_PASSES {
                continue;
            }
            let Some(salt) = unhex(&one.salt) else {
                continue;
            };
            let kek = Kek::from_pin(pin, &salt, one.memory_kib, one.passes).map_err(file_error)?;
            if let Ok(tablet) = unwrap(&kek, &one.wrapped, TABLET_KEY_FOR) {
                let ring = Keyring { dir, tablet };
                if (one.memory_kib, one.passes) != (KEK_MEMORY_KIB, KEK_PASSES) {
                    ring.rewrap(pin, true)?;
                }
                return Ok(ring);
            }
        }
        Err(KeyringError::DoesNotOpen(path.display().to_string()))
    }

    /// Wraps the tablet's key under a new PIN. `finish` false keeps the old PIN's wrap too (call
    /// it before the new PIN is saved, and again with `finish` true after), so the key opens
    /// with whichever PIN a power cut left in force.
    pub fn rewrap(&self, new_pin: &str, finish: bool) -> Result<(), KeyringError> {
        let path = self.dir.join("tablet.ron");
        let stored: Option<TabletKeyFile> =
            read_ron(&path, MAX_KEY_FILE_BYTES, "the tablet's key").map_err(KeyringError::File)?;
        let mut wraps = vec![wrap_under_pin(new_pin, &self.tablet)?];
        if !finish {
            wraps.extend(stored.into_iter().flat_map(|file| file.wraps));
        }
        write_ron(&path, &TabletKeyFile { v: 1, wraps }).map_err(KeyringError::File)
    }

    fn visit_key_path(&self, visit: &str) -> Result<PathBuf, KeyringError> {
        if visit.is_empty() || safe_file_name(visit) != visit {
            return Err(KeyringError::File(format!("{visit}: not a visit's name")));
        }
        Ok(self.dir.join(format!("{visit}.ron")))
    }

    /// A new data key for a visit, on disk before it is used; refuses if the visit has one.
    pub fn new_visit_key(&self, visit: &str) -> Result<DataKey, KeyringError> {
        let path = self.visit_key_path(visit)?;
        if path.exists() {
            return Err(KeyringError::File(format!(
                "{}: the visit has a key already",
                path.display()
            )));
        }
        let key = DataKey::random().map_err(file_error)?;
        let wrapped = wrap(&self.tablet, &key, &format!("visit:{visit}")).map_err(file_error)?;
        write_ron(&path, &wrapped).map_err(KeyringError::File)?;
        Ok(key)
    }

    /// A visit's data key; `None` when it has none (never sealed, or its key was destroyed).
    pub fn visit_key(&self, visit: &str) -> Result<Option<DataKey>, KeyringError> {
        let path = self.visit_key_path(visit)?;
        let wrapped: Option<WrappedKey> =
            read_ron(&path, MAX_KEY_FILE_BYTES, "a visit's key").map_err(KeyringError::File)?;
        wrapped
            .map(|wrapped| {
                unwrap(&self.tablet, &wrapped, &format!("visit:{visit}"))
                    .map_err(|_| KeyringError::DoesNotOpen(path.display().to_string()))
            })
            .transpose()
    }

    /// Where a visit's key is kept, for deleting it before the visit's files.
    pub fn visit_key_file(&self, visit: &str) -> Result<PathBuf, KeyringError> {
        self.visit_key_path(visit)
    }

    /// A profile's data key (`profile-<label>`, the built-in profile's `profile-default`),
    /// made and stored on first use.
    pub fn profile_key(&self, label: &str) -> Result<DataKey, KeyringError> {
        let name = format!("profile-{label}");
        match self.visit_key(&name)? {
            Some(key) => Ok(key),
            None => self.new_visit_key(&name),
        }
    }

    /// Where a profile's key is kept, for destroying it before the profile's files.
    pub fn profile_key_file(&self, label: &str) -> Result<PathBuf, KeyringError> {
        self.visit_key_path(&format!("profile-{label}"))
    }
}

/// Destroys a key file: its bytes overwritten with zeros and synced, then the file removed and
/// its folder synced. Flash storage may keep an old copy of the wrapped key, which opens only
/// with the tablet's key and the PIN (docs/data-protection.md, "What the app cannot protect
/// against"). A key already gone is not an error.
pub fn destroy_key_file(path: &Path) -> std::io::Result<()> {
    use std::io::Write;
    let Ok(metadata) = std::fs::metadata(path) else {
        return Ok(());
    };
    if let Ok(mut file) = std::fs::OpenOptions::new().write(true).open(path) {
        // A key file of ours is a few hundred bytes; a bigger one is not overwritten past that.
        let zeros = vec![0u8; metadata.len().min(MAX_KEY_FILE_BYTES) as usize];
        file.write_all(&zeros)?;
        file.sync_all()?;
    }
    std::fs::remove_file(path)?;
    if let Some(parent) = path.parent()
        && let Ok(dir) = std::fs::File::open(parent)
    {
        let _ = dir.sync_all();
    }
    Ok(())
}

/// Destroys every key on the tablet, the tablet's own first: after a forgotten PIN, every
/// visit and profile sealed with them is noise.
pub fn wipe_keys(data_dir: &Path) -> std::io::Result<()> {
    destroy_key_file(&tablet_key_path(data_dir))?;
    let dir = keys_dir(data_dir);
    if let Ok(entries) = std::fs::read_dir(&dir) {
        for entry in entries.flatten() {
            destroy_key_file(&entry.path())?;
        }
    }
    Ok(())
}
