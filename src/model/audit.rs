//! The content-free audit trail, `DATA/audit.log` (docs/data-protection.md, "Audit trail"): one
//! line for each thing done to a visit or the keys, with its time and the visit's name (its start
//! time), never anything of what the child said or who they are. A visit's lines go in its
//! summary's footer.

use std::io::{self, Write};
use std::path::{Path, PathBuf};

use super::files::read_capped;
use super::session::timestamp_now;

/// The trail is a few lines a visit; a bigger file is read no further than this.
const MAX_AUDIT_BYTES: u64 = 4 * 1024 * 1024;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Audited {
    VisitStarted,
    VisitResumed,
    VisitEnded,
    Exported,
    /// The visit's key destroyed and its files deleted.
    Deleted,
    /// A plain journal written before sealing came in, sealed on the first unlock.
    Sealed,
    Unlocked,
    WrongPin,
    LockedOut,
    /// Every key destroyed after a forgotten PIN.
    Wiped,
}

impl Audited {
    const ALL: [Audited; 10] = [
        Audited::VisitStarted,
        Audited::VisitResumed,
        Audited::VisitEnded,
        Audited::Exported,
        Audited::Deleted,
        Audited::Sealed,
        Audited::Unlocked,
        Audited::WrongPin,
        Audited::LockedOut,
        Audited::Wiped,
    ];

    pub fn word(self) -> &'static str {
        match self {
            Audited::VisitStarted => "started",
            Audited::VisitResumed => "resumed",
            Audited::VisitEnded => "ended",
            Audited::Exported => "exported",
            Audited::Deleted => "deleted, key destroyed",
            Audited::Sealed => "sealed",
            Audited::Unlocked => "unlocked",
            Audited::WrongPin => "wrong PIN",
            Audited::LockedOut => "locked out",
            Audited::Wiped => "wiped",
        }
    }

    fn code(self) -> &'static str {
        match self {
            Audited::VisitStarted => "visit-started",
            Audited::VisitResumed => "visit-resumed",
            Audited::VisitEnded => "visit-ended",
            Audited::Exported => "exported",
            Audited::Deleted => "deleted",
            Audited::Sealed => "sealed",
            Audited::Unlocked => "unlocked",
            Audited::WrongPin => "wrong-pin",
            Audited::LockedOut => "locked-out",
            Audited::Wiped => "wiped",
        }
    }
}

/// One line of the trail.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuditLine {
    /// UTC RFC 3339.
    pub at: String,
    pub what: Audited,
    pub visit: Option<String>,
}

/// `DATA/audit.log`.
pub fn audit_path(data_dir: &Path) -> PathBuf {
    data_dir.join("audit.log")
}

/// Appends one line and syncs it. `visit` is a visit's name, never anything typed.
pub fn record(data_dir: &Path, what: Audited, visit: Option<&str>) -> io::Result<()> {
    std::fs::create_dir_all(data_dir)?;
    let mut file = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(audit_path(data_dir))?;
    let visit = visit
        .map(super::files::safe_file_name)
        .unwrap_or_else(|| "-".into());
    writeln!(file, "{} {} {visit}", timestamp_now(), what.code())?;
    file.sync_data()
}

/// Every line of the trail that can be read, oldest first; a torn or strange line is left out.
pub fn read_trail(data_dir: &Path) -> Vec<AuditLine> {
    let Ok(bytes) = read_capped(&audit_path(data_dir), MAX_AUDIT_BYTES) else {
        return Vec::new();
    };
    String::from_utf8_lossy(&bytes)
        .lines()
        .filter_map(|line| {
            let mut parts = line.split(' ');
            let at = parts.next()?.to_string();
            at.parse::<jiff::Timestamp>().ok()?;
            let code = parts.next()?;
            let what = Audited::ALL.into_iter().find(|a| a.code() == code)?;
            let visit = parts.next().filter(|v| *v != "-").map(str::to_string);
            Some(AuditLine { at, what, visit })
        })
        .collect()
}

/// The trail's lines for one visit.
pub fn for_visit(data_dir: &Path, visit: &str) -> Vec<AuditLine> {
    read_trail(data_dir)
        .into_iter()
        .filter(|line| line.visit.as_deref() == Some(visit))
        .collect()
}
