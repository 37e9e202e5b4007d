//! Profiles under their keys (docs/data-protection.md, "Profiles"): on unlock every profile's
//! folders are opened with its own key and any file still plain is sealed in place; on lock
//! every key is forgotten but the shown profile's, whose board the child goes on using.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::files::{forget_folders, seal_folder, seal_plain_files};
use super::keyring::Keyring;
use super::profile::{DEFAULT_PROFILE, profile_dir, profiles_dir};

/// The folders holding a profile's files: its own, and in it the vocabulary and media an import
/// replaced (sealed as they were in their place); for the built-in profile the data folder's
/// `media/` and `vocab/` (its recordings, photos and edited boards).
pub fn profile_folders(data_dir: &Path, label: &str) -> Vec<PathBuf> {
    if label == DEFAULT_PROFILE {
        vec![data_dir.join("media"), data_dir.join("vocab")]
    } else {
        let own = profile_dir(data_dir, label);
        let kept = own.join(super::obf::install::PREVIOUS);
        vec![own, kept]
    }
}

/// The labels of the profiles on the tablet, the built-in one first, from the folder names
/// (a profile's own file opens only once its folder is open).
pub fn profile_labels(data_dir: &Path) -> Vec<String> {
    let mut labels: Vec<String> = std::fs::read_dir(profiles_dir(data_dir))
        .map(|entries| {
            entries
                .flatten()
                .filter(|entry| entry.path().is_dir())
                .map(|entry| entry.file_name().to_string_lossy().into_owned())
                .filter(|name| super::profile::check_label(name).is_ok())
                .collect()
        })
        .unwrap_or_default();
    labels.sort();
    labels.insert(0, DEFAULT_PROFILE.to_string());
    labels
}

/// Opens one profile's folders with its key (made on first use).
pub fn open_profile(ring: &Keyring, data_dir: &Path, label: &str) -> Result<(), String> {
    let key = Arc::new(ring.profile_key(label).map_err(|e| e.to_string())?);
    for folder in profile_folders(data_dir, label) {
        seal_folder(&folder, key.clone());
    }
    Ok(())
}

/// Opens every profile's folders and seals what is still plain in them; returns how many files
/// were sealed, and what could not be opened or sealed.
pub fn open_profiles(ring: &Keyring, data_dir: &Path) -> (usize, Vec<String>) {
    let mut sealed = 0;
    let mut problems = Vec::new();
    for label in profile_labels(data_dir) {
        if let Err(why) = open_profile(ring, data_dir, &label) {
            problems.push(why);
            continue;
        }
        for folder in profile_folders(data_dir, &label) {
            match seal_plain_files(&folder) {
                Ok(count) => sealed += count,
                Err(why) => problems.push(format!("Not sealed: {why}")),
            }
        }
    }
    (sealed, problems)
}

/// Forgets every profile's key but `shown`'s.
pub fn close_profiles(data_dir: &Path, shown: &str) {
    let kept = profile_folders(data_dir, shown);
    forget_folders(data_dir, |folder| kept.iter().any(|keep| keep == folder));
}
