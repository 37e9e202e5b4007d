//! The command line's visit commands (`hearme sessions`, `hearme export`) and the PIN prompt
//! they and the set-up commands share: sealed data is opened only after the PIN, read from
//! standard input (docs/data-protection.md, "Command line").

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use crate::Content;
use crate::model::export::{SummaryFormat, VisitExport, kept_on_tablet};
use crate::model::keyring::{Keyring, has_keys};
use crate::model::session;
use crate::model::summary::Summary;
use crate::model::summary::picture::PictureRef;
use crate::model::visits::{describe_visit, open_visit};
use crate::setup;

/// Lists the visits in the data folder (`hearme sessions`), after the PIN when they are sealed.
pub fn sessions(data: Option<PathBuf>) -> ExitCode {
    let Some(dir) = data.as_ref().map(|d| d.join("sessions")) else {
        eprintln!("no data folder: give --data DIR or set HEARME_DATA");
        return ExitCode::FAILURE;
    };
    let journals = match session::journals_in(&dir) {
        Ok(journals) => journals,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Vec::new(),
        Err(e) => {
            eprintln!("{}: cannot read the folder: {e}", dir.display());
            return ExitCode::FAILURE;
        }
    };
    if journals.is_empty() {
        println!("no visits in {}", dir.display());
    }
    // Sealed visits are listed only after the PIN, read from standard input.
    let ring = match data
        .as_deref()
        .filter(|d| has_keys(d) && !journals.is_empty())
    {
        Some(data) => match unlock(data) {
            Ok(ring) => Some(ring),
            Err(code) => return code,
        },
        None => None,
    };
    for path in journals {
        let id = session::visit_id(&path);
        let described = match &ring {
            Some(ring) => describe_visit(ring, &path),
            None => session::describe_journal(&path).map_err(|e| e.to_string()),
        };
        match described {
            Ok(visit) => {
                let state = match (visit.ended, visit.skipped.len()) {
                    (_, n) if n > 0 => format!("damaged ({n} unreadable line(s))"),
                    (true, _) => "ended".to_string(),
                    (false, _) => "open".to_string(),
                };
                println!(
                    "{id}  {}  {}  {} events  {state}",
                    visit.case_ref, visit.started, visit.events
                );
            }
            Err(e) => println!("{id}  -  -  -  not readable: {e}"),
        }
    }
    ExitCode::SUCCESS
}

/// Writes a visit's summary in `formats` (`hearme export`), asking for the PIN when the journal
/// is sealed; with `delete_journal`, the visit's key is destroyed first, then the journal.
pub fn export(
    journal: &Path,
    formats: &[SummaryFormat],
    out: Option<PathBuf>,
    delete_journal: bool,
    data_dir: Option<PathBuf>,
) -> ExitCode {
    // A plain v1 journal is read as it is; a sealed one with its key, after the PIN.
    let mut key_file = None;
    let mut key = None;
    let read = match (session::read_journal(journal), data_dir.as_deref()) {
        (Err(session::JournalError::Sealed { .. }), Some(data)) => {
            let ring = match unlock(data) {
                Ok(ring) => ring,
                Err(code) => return code,
            };
            key_file = ring.visit_key_file(&session::visit_id(journal)).ok();
            key = ring.visit_key(&session::visit_id(journal)).ok().flatten();
            open_visit(&ring, journal).map(|opened| opened.recovered)
        }
        (read, _) => read.map_err(|e| e.to_string()),
    };
    let recovered = match read {
        Ok(recovered) => recovered,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::FAILURE;
        }
    };
    for skipped in &recovered.skipped {
        eprintln!(
            "warning: {}: line {} skipped: {}",
            journal.display(),
            skipped.line,
            skipped.reason
        );
    }
    if Summary::from_journal(&recovered).is_none() {
        eprintln!(
            "error: {}: not a visit journal: it has no VisitStarted line",
            journal.display()
        );
        return ExitCode::FAILURE;
    }
    let Some(out) = out else {
        eprintln!("error: no output folder: give --out DIR, --data DIR or set HEARME_DATA");
        return ExitCode::FAILURE;
    };
    // Only the picture needs the vocabulary, to find each symbol's picture.
    // The vocabulary of the profile the visit used (a label that is not a profile's, as a
    // hostile journal could hold, falls back to the built-in one).
    let used = recovered.lines.iter().find_map(|line| match &line.event {
        session::Event::VisitStarted { profile, .. } => Some(profile.clone()),
        _ => None,
    });
    let used = used.filter(|label| crate::model::profile::check_label(label).is_ok());
    let content = std::cell::OnceCell::new();
    let picture_of = |tile: &PictureRef| {
        content
            .get_or_init(|| Content::for_profile(data_dir.as_ref(), used.as_deref()))
            .symbol_picture(tile)
    };
    let zone = jiff::tz::TimeZone::system();
    let visit = VisitExport {
        journal,
        recovered: &recovered,
        out_dir: &out,
        zone: &zone,
        key_file: key_file.as_deref(),
        trail: data_dir.as_deref().map_or_else(Vec::new, |data| {
            crate::model::audit::for_visit(data, &session::visit_id(journal))
        }),
        // A sealed visit's summaries kept in the data folder are sealed like it.
        seal: key
            .as_ref()
            .filter(|_| kept_on_tablet(data_dir.as_deref(), &out)),
    };
    let written = if delete_journal {
        visit.write_and_delete_journal(formats, &picture_of)
    } else {
        visit.write(formats, false, &picture_of)
    };
    match written {
        Ok(exported) => {
            if exported.sealed {
                eprintln!(
                    "note: kept in the data folder, so sealed under the visit's key; give \
                     --out DIR outside it for files to open elsewhere"
                );
            }
            for path in exported.files {
                println!("{}", path.display());
            }
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}

/// The keys, after the PIN read from standard input; a wrong one is an error, exit 1.
pub fn unlock(data: &Path) -> Result<Keyring, ExitCode> {
    use std::io::IsTerminal;
    if std::io::stdin().is_terminal() {
        eprint!("The visits are sealed. PIN, then Enter: ");
    }
    setup::unlock(data, std::io::stdin().lock()).map_err(|why| {
        eprintln!("error: {why}");
        ExitCode::FAILURE
    })
}

/// What a wipe removes from the data folder, after every key: everything but the audit trail,
/// which is content-free and says the wipe happened.
const WIPED: [&str; 7] = [
    "sessions", "profiles", "exports", "vocab", "media", "keys", "worker",
];

/// `hearme wipe --yes`: after a forgotten PIN, destroys every key (the tablet's first) and then
/// every file of the children's data, the PIN with them, so the tablet can be set up afresh.
/// Without `--yes` it only says what it would do.
pub fn wipe(data: &Path, confirmed: bool) -> ExitCode {
    if !confirmed {
        eprintln!(
            "error: this destroys every key and deletes every visit, profile and the PIN in {}; \
             run `hearme wipe --yes` to do it",
            data.display()
        );
        return ExitCode::FAILURE;
    }
    if let Err(e) = crate::model::keyring::wipe_keys(data) {
        eprintln!(
            "error: {}: the keys could not be destroyed: {e}",
            data.display()
        );
        return ExitCode::FAILURE;
    }
    for name in WIPED {
        let path = data.join(name);
        match std::fs::remove_dir_all(&path) {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => {
                eprintln!("error: {}: could not be deleted: {e}", path.display());
                return ExitCode::FAILURE;
            }
            _ => {}
        }
    }
    let _ = crate::model::audit::record(data, crate::model::audit::Audited::Wiped, None);
    println!(
        "every key destroyed; the visits, profiles and PIN in {} are deleted",
        data.display()
    );
    ExitCode::SUCCESS
}
