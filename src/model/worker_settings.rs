//! The worker's own settings, kept apart from any child's profile: the name and role for the
//! summary's "Recorded by" line and how long the worker area stays open with nothing done
//! (docs/decisions.md, "PIN").

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::files::{read_ron, write_ron};

/// Minutes of nothing done before the worker area locks: 5 unless the worker chose otherwise.
pub const DEFAULT_IDLE_LOCK_MINUTES: u32 = 5;
/// The choices the settings page offers; a file asking for more is read as the longest.
pub const IDLE_LOCK_CHOICES: [u32; 4] = [1, 2, 5, 10];
const MAX_FILE_BYTES: u64 = 16 * 1024;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct WorkerSettings {
    pub v: u32,
    /// For "Recorded by": the worker's name, as they want it on the record.
    pub name: String,
    pub role: String,
    pub idle_lock_minutes: u32,
    /// Days a visit may stay on the tablet unexported before the worker's home page warns
    /// (docs/data-protection.md, "How long"); the app never deletes a visit by itself.
    pub keep_days: u32,
    /// Where exports go when they should outlive the visit: a folder outside the data folder
    /// (desktop). Empty: the app's own `DATA/exports/`, whose files go when the visit is deleted.
    pub export_folder: String,
}

/// The choices the settings page offers for days kept.
pub const KEEP_DAYS_CHOICES: [u32; 4] = [3, 7, 14, 30];

/// Days a visit is kept before the warning, unless the worker chose otherwise.
pub const DEFAULT_KEEP_DAYS: u32 = 7;
/// The longest a worker can choose: a visit is for the case record, not for the tablet.
pub const MAX_KEEP_DAYS: u32 = 30;

impl Default for WorkerSettings {
    fn default() -> Self {
        WorkerSettings {
            v: 1,
            name: String::new(),
            role: String::new(),
            idle_lock_minutes: DEFAULT_IDLE_LOCK_MINUTES,
            keep_days: DEFAULT_KEEP_DAYS,
            export_folder: String::new(),
        }
    }
}

impl WorkerSettings {
    /// "Sam Jones, social worker" for the summary; empty when neither is set.
    pub fn recorded_by(&self) -> String {
        [self.name.trim(), self.role.trim()]
            .into_iter()
            .filter(|part| !part.is_empty())
            .collect::<Vec<_>>()
            .join(", ")
    }

    /// The export folder chosen, checked: `Ok(None)` for the app's own. A folder inside the
    /// data folder is refused: the data folder holds only what is sealed or deleted with the
    /// visit (docs/data-protection.md).
    pub fn export_folder(&self, data_dir: &Path) -> Result<Option<PathBuf>, String> {
        let typed = self.export_folder.trim();
        if typed.is_empty() {
            return Ok(None);
        }
        let folder = PathBuf::from(typed);
        if !folder.is_absolute() {
            return Err(format!(
                "{typed}: give the export folder's whole path, from / (or a drive letter)"
            ));
        }
        let resolved = |path: &Path| path.canonicalize().unwrap_or_else(|_| path.to_path_buf());
        if resolved(&folder).starts_with(resolved(data_dir)) {
            return Err(format!(
                "{typed}: that is inside Hearme's data folder; choose a folder outside it"
            ));
        }
        Ok(Some(folder))
    }

    /// Days before the warning, between 1 and [`MAX_KEEP_DAYS`].
    pub fn keep_days(&self) -> u32 {
        self.keep_days.clamp(1, MAX_KEEP_DAYS)
    }

    /// The idle time, kept within what the settings page offers: never 0 (the area would shut
    /// at once) and never more than the longest choice.
    pub fn idle_lock(&self) -> std::time::Duration {
        let longest = IDLE_LOCK_CHOICES[IDLE_LOCK_CHOICES.len() - 1];
        let minutes = self.idle_lock_minutes.clamp(1, longest);
        std::time::Duration::from_secs(u64::from(minutes) * 60)
    }
}

/// `DATA/worker/settings.ron`.
pub fn settings_path(data_dir: &Path) -> PathBuf {
    data_dir.join("worker").join("settings.ron")
}

/// The saved settings, the defaults when there are none, or why the file cannot be used.
pub fn load(path: &Path) -> Result<WorkerSettings, String> {
    read_ron(path, MAX_FILE_BYTES, "worker settings").map(Option::unwrap_or_default)
}

pub fn save(path: &Path, settings: &WorkerSettings) -> Result<(), String> {
    write_ron(path, settings)
}
