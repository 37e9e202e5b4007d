//! Profiles: one per child on the worker's caseload, each in its own folder
//! `DATA/profiles/<label>/` with its own copy of the vocabulary (`vocab/`), recordings
//! (`media/voice/`), photos (`media/photos/`), activities and communication details. The label is
//! the worker's (initials or a case reference, never a name). `default` is the built-in profile,
//! used while no other is active (docs/decisions.md, "Profiles").

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::files::{read_ron, write_atomically, write_ron};
use super::vocab::BUILT_IN_BOARDS;

/// The built-in profile: the built-in vocabulary, or `DATA/vocab/default/` when there is one.
pub const DEFAULT_PROFILE: &str = "default";
pub const MAX_LABEL_CHARS: usize = 16;
const MAX_FILE_BYTES: u64 = 64 * 1024;

/// `DATA/profiles/<label>/profile.ron`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Profile {
    pub v: u32,
    pub label: String,
    /// The child's usual way of communicating, for the summary ("signs and some words").
    pub communication: String,
    /// Supports used with this child, for the summary ("symbol board", "Makaton").
    pub supports: Vec<String>,
}

impl Default for Profile {
    fn default() -> Self {
        Profile {
            v: 1,
            label: String::new(),
            communication: String::new(),
            supports: Vec::new(),
        }
    }
}

/// Why a label is refused, in plain words. No spaces, so a full name is not typed by habit.
pub fn check_label(label: &str) -> Result<(), String> {
    let chars = label.chars().count();
    if chars == 0 || chars > MAX_LABEL_CHARS {
        return Err(format!(
            "A profile label has 1 to {MAX_LABEL_CHARS} characters: initials or a case reference."
        ));
    }
    if !label
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
    {
        return Err(
            "A profile label is letters, digits, - and _ only, with no spaces: initials or a \
             case reference, never the child's name."
                .into(),
        );
    }
    if label.eq_ignore_ascii_case(DEFAULT_PROFILE) || label.starts_with('.') {
        return Err(format!("\"{label}\" is kept for the built-in profile."));
    }
    Ok(())
}

pub fn profiles_dir(data_dir: &Path) -> PathBuf {
    data_dir.join("profiles")
}

/// `DATA/profiles/<label>/`; the label must have passed [`check_label`] (or be `default`).
pub fn profile_dir(data_dir: &Path, label: &str) -> PathBuf {
    profiles_dir(data_dir).join(label)
}

fn profile_file(data_dir: &Path, label: &str) -> PathBuf {
    profile_dir(data_dir, label).join("profile.ron")
}

fn active_file(data_dir: &Path) -> PathBuf {
    data_dir.join("worker").join("active-profile.ron")
}

/// A profile's label, and the profile or why its file cannot be read.
pub type ListedProfile = (String, Result<Profile, String>);

/// Every profile on the tablet but the built-in one, by label, each read or why it cannot be.
pub fn list(data_dir: &Path) -> Result<Vec<ListedProfile>, String> {
    let dir = profiles_dir(data_dir);
    let entries = match std::fs::read_dir(&dir) {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(format!("{}: {e}", dir.display())),
    };
    let mut found = Vec::new();
    for entry in entries.flatten() {
        let label = entry.file_name().to_string_lossy().into_owned();
        if check_label(&label).is_err() || !entry.path().join("profile.ron").exists() {
            continue;
        }
        found.push((label.clone(), load(data_dir, &label)));
    }
    found.sort_by(|a, b| a.0.cmp(&b.0));
    Ok(found)
}

pub fn load(data_dir: &Path, label: &str) -> Result<Profile, String> {
    let path = profile_file(data_dir, label);
    read_ron(&path, MAX_FILE_BYTES, "a profile")?
        .ok_or_else(|| format!("{}: there is no such profile", path.display()))
}

pub fn save(data_dir: &Path, profile: &Profile) -> Result<(), String> {
    check_label(&profile.label)?;
    write_ron(&profile_file(data_dir, &profile.label), profile)
}

/// A new profile with its own copy of the built-in vocabulary. It is built under a hidden name
/// and renamed into place only when whole, so a failure leaves nothing behind.
pub fn add(
    data_dir: &Path,
    label: &str,
    key: Option<std::sync::Arc<super::seal::DataKey>>,
) -> Result<PathBuf, String> {
    check_label(label)?;
    let target = profile_dir(data_dir, label);
    if target.exists() {
        return Err(format!("There is already a profile \"{label}\"."));
    }
    let building = profiles_dir(data_dir).join(format!(".new-{label}"));
    let _ = std::fs::remove_dir_all(&building);
    // On a tablet with keys, the new profile's files are sealed as they are written: its key
    // seals the folder it is built in and the one it is renamed to.
    if let Some(key) = &key {
        super::files::seal_folder(&building, key.clone());
        super::files::seal_folder(&target, key.clone());
    }
    let result = (|| {
        let vocab = building.join("vocab");
        std::fs::create_dir_all(&vocab).map_err(|e| format!("{}: {e}", vocab.display()))?;
        for (file, text) in BUILT_IN_BOARDS {
            let name = Path::new(file).file_name().unwrap_or_default();
            let path = vocab.join(name);
            write_atomically(&path, text.as_bytes())
                .map_err(|e| format!("{}: {e}", path.display()))?;
        }
        let profile = Profile {
            label: label.to_string(),
            ..Profile::default()
        };
        write_ron(&building.join("profile.ron"), &profile)?;
        std::fs::rename(&building, &target).map_err(|e| format!("{}: {e}", target.display()))
    })();
    if result.is_err() {
        let _ = std::fs::remove_dir_all(&building);
    }
    super::files::forget_folders(&building, |_| false);
    result.map(|()| target)
}

/// Deletes a profile's folder, refused while a visit on the tablet used it (export or delete
/// the visit first), so no record is orphaned. The built-in profile becomes active if it was.
/// `destroy_key` runs once every check has passed and before any file goes: with the profile's
/// key destroyed first, a copy of its files left on flash is noise.
pub fn remove(
    data_dir: &Path,
    label: &str,
    visits_using: &[PathBuf],
    destroy_key: impl FnOnce() -> Result<(), String>,
) -> Result<(), String> {
    check_label(label)?;
    let dir = profile_dir(data_dir, label);
    if !dir.join("profile.ron").exists() {
        return Err(format!("There is no profile \"{label}\"."));
    }
    if !visits_using.is_empty() {
        return Err(format!(
            "{} visit(s) on this tablet used profile \"{label}\": export them first.",
            visits_using.len()
        ));
    }
    if active(data_dir).as_deref() == Some(label) {
        set_active(data_dir, DEFAULT_PROFILE)?;
    }
    destroy_key()?;
    std::fs::remove_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))
}

/// The profile the child's screens show: `None` for the built-in one (or a file that names a
/// profile no longer there).
pub fn active(data_dir: &Path) -> Option<String> {
    let label: String = read_ron(&active_file(data_dir), 256, "the active profile")
        .ok()
        .flatten()?;
    (label != DEFAULT_PROFILE && profile_file(data_dir, &label).exists()).then_some(label)
}

pub fn set_active(data_dir: &Path, label: &str) -> Result<(), String> {
    if label != DEFAULT_PROFILE {
        check_label(label)?;
        if !profile_file(data_dir, label).exists() {
            return Err(format!("There is no profile \"{label}\"."));
        }
    }
    write_ron(&active_file(data_dir), &label.to_string())
}
