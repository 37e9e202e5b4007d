//! Setting a tablet up from the command line, as a council's IT does before handing it out:
//! profiles (`hearme profile list|add|remove|use`) and the worker PIN (`hearme pin set`, read
//! from standard input, never an argument). Each returns the lines to print, or the error;
//! `main.rs` prints them and exits 1 on an error. No Bevy here.

use std::io::BufRead;
use std::path::{Path, PathBuf};

use crate::model::pin::{self, PinRecord};
use crate::model::profile::{self, DEFAULT_PROFILE};
use crate::model::session::{describe_journal, journals_in};

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

pub fn profile_add(data_dir: &Path, label: &str) -> Result<Vec<String>, String> {
    let dir = profile::add(data_dir, label)?;
    Ok(vec![format!(
        "added profile {label} in {}, with its own copy of the built-in vocabulary",
        dir.display()
    )])
}

/// Deletes a profile, refused while a visit on the tablet used it (or may have: a visit whose
/// first line is damaged).
pub fn profile_remove(data_dir: &Path, label: &str) -> Result<Vec<String>, String> {
    let using: Vec<PathBuf> = journals_in(&data_dir.join("sessions"))
        .unwrap_or_default()
        .into_iter()
        .filter(|path| match describe_journal(path) {
            Ok(visit) => visit.profile.is_none_or(|used| used == label),
            Err(_) => true,
        })
        .collect();
    profile::remove(data_dir, label, &using)?;
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
