//! Deleting a visit so that nothing of it can be read again (docs/data-protection.md,
//! "Deleting"): its key destroyed first, then its journal and the summaries kept on the tablet;
//! summaries in the worker's own export folder outside the data folder stay, saying so.

use std::path::{Path, PathBuf};

use hearme::model::export::{SummaryFormat, VisitExport};
use hearme::model::session::journals_in;
use hearme::model::visits::open_visit;

use crate::harness::{has_named, tap_cell, tap_named, text_under, type_into};
use crate::journal::{scratch, started};
use crate::sealing::{contains, every_file, sealed_tablet};
use crate::visit::{app_on, open_area, ring_for, start_visit};

/// A visit with one tap, ended and exported; its journal and name.
fn export_a_visit(app: &mut bevy::prelude::App, data: &Path, case_ref: &str) -> (PathBuf, String) {
    start_visit(app, case_ref);
    tap_cell(app, "home", "want");
    open_area(app);
    tap_named(app, "End visit button");
    tap_named(app, "Export button");
    let journal = journals_in(&data.join("sessions")).unwrap().remove(0);
    let name = journal.file_stem().unwrap().to_string_lossy().into_owned();
    (journal, name)
}

#[test]
fn a_confirmed_export_destroys_the_visits_key_then_its_files_and_a_copy_no_longer_opens() {
    let data = scratch("sealed-delete");
    let mut app = app_on(&data);
    let (journal, name) = export_a_visit(&mut app, &data, "C-5150");
    let key_file = data.join("keys").join(format!("{name}.ron"));
    let summary = data.join("exports").join(format!("{name}.summary.txt"));
    let text = crate::visit::read_summary(&data, &summary);
    assert!(text.contains("C-5150"), "{text}");
    let formats = ["txt", "md", "ron", "obl", "png", "pdf"];
    for extension in formats {
        let file = data
            .join("exports")
            .join(format!("{name}.summary.{extension}"));
        let bytes = std::fs::read(&file).unwrap();
        assert!(
            hearme::model::seal::is_sealed_file(&bytes) && !contains(&bytes, "C-5150"),
            "{} is sealed on the tablet",
            file.display()
        );
    }
    assert!(
        text.contains("On this tablet: started") && text.contains("exported"),
        "the audit trail in the footer:\n{text}"
    );
    let copy = data.join("copy-of-journal");
    std::fs::copy(&journal, &copy).unwrap();
    assert!(key_file.exists());

    tap_named(&mut app, "Delete from tablet button");
    assert!(!key_file.exists(), "the key is destroyed");
    assert!(!journal.exists(), "the journal is deleted");
    assert!(
        !summary.exists(),
        "the summary in the exports folder is deleted"
    );
    let left = every_file(&data);
    assert!(
        left.iter()
            .all(|(path, bytes)| path == &copy || !contains(bytes, "C-5150")),
        "nothing of the visit is left: {:?}",
        left.iter().map(|(p, _)| p).collect::<Vec<_>>()
    );
    let trail = std::fs::read_to_string(data.join("audit.log")).unwrap();
    assert!(trail.contains(&format!("deleted {name}")), "{trail}");

    // The copy made before, put back: with its key gone it does not open with the PIN.
    std::fs::rename(&copy, &journal).unwrap();
    let opened = open_visit(&ring_for(&data), &journal);
    assert!(opened.is_err(), "a copy of a deleted visit is noise");
}

#[test]
fn deleting_with_the_summaries_keeps_only_the_text_saying_the_copy_and_its_key_are_gone() {
    let (data, journal) = sealed_tablet("sealed-delete-model");
    let ring = ring_for(&data);
    let recovered = open_visit(&ring, &journal).unwrap().recovered;
    let key_file = ring.visit_key_file("visit-20261202-110000").unwrap();
    let key = ring.visit_key("visit-20261202-110000").unwrap().unwrap();
    let out = data.join("exports");
    let export = VisitExport {
        journal: &journal,
        recovered: &recovered,
        out_dir: &out,
        zone: &jiff::tz::TimeZone::UTC,
        key_file: Some(&key_file),
        trail: Vec::new(),
        seal: Some(&key),
    };
    let written = export.write(&SummaryFormat::ALL, false, &|_| None).unwrap();
    assert_eq!(written.files.len(), SummaryFormat::ALL.len());
    assert!(written.sealed);
    let text = hearme::model::export::open_summary(&key, &written.files[0]).unwrap();
    assert!(String::from_utf8_lossy(&text).contains("VISIT SUMMARY"));
    let elsewhere = out.join("visit-20261202-120000.summary.txt");
    std::fs::copy(&written.files[0], &elsewhere).unwrap();
    assert!(
        hearme::model::export::open_summary(&key, &elsewhere).is_err(),
        "a summary renamed to another visit's does not open"
    );
    std::fs::remove_file(&elsewhere).unwrap();
    let deleted = export.delete_with_summaries().unwrap();
    assert!(
        deleted
            .text
            .contains("Tablet copy deleted on export. Its key was destroyed."),
        "{}",
        deleted.text
    );
    assert!(deleted.files.is_empty());
    for file in written.files.iter().chain([&journal, &key_file]) {
        assert!(!file.exists(), "{} deleted", file.display());
    }
}

#[test]
fn summaries_in_the_workers_export_folder_outlive_the_visit_and_say_its_key_is_gone() {
    let data = scratch("sealed-export-folder");
    let outside = scratch("sealed-export-folder-outside");
    let mut app = app_on(&data);
    open_area(&mut app);
    tap_named(&mut app, "Settings button");
    // A folder inside the data folder is refused: it would keep plain summaries there.
    let inside = data.join("mine");
    type_into(
        &mut app,
        "Export folder field",
        &inside.display().to_string(),
    );
    tap_named(&mut app, "Save settings button");
    assert!(text_under(&mut app, "Worker page").contains("inside Hearme's data folder"));
    type_into(
        &mut app,
        "Export folder field",
        &outside.display().to_string(),
    );
    tap_named(&mut app, "Save settings button");
    assert!(has_named(&mut app, "Settings saved"));
    tap_named(&mut app, "Settings back button");
    tap_named(&mut app, "Back to board button");

    let (journal, name) = export_a_visit(&mut app, &data, "C-3141");
    let summary = outside.join(format!("{name}.summary.txt"));
    assert!(summary.is_file());
    assert!(
        !data.join("exports").exists(),
        "nothing plain in the data folder"
    );
    tap_named(&mut app, "Delete from tablet button");
    assert!(!journal.exists());
    let text = std::fs::read_to_string(&summary).unwrap();
    assert!(text.contains("C-3141"));
    assert!(
        text.contains("Tablet copy deleted on export. Its key was destroyed."),
        "{text}"
    );
}

#[test]
fn a_visit_left_on_the_tablet_is_deleted_from_the_home_page_after_one_question() {
    let data = scratch("delete-from-home");
    let sessions = data.join("sessions");
    std::fs::create_dir_all(&sessions).unwrap();
    let journal = sessions.join("visit-20261125-090000.journal");
    let mut writer = hearme::model::journal::JournalWriter::create(&journal).unwrap();
    writer.append(started()).unwrap();
    drop(writer);
    let mut app = app_on(&data);
    open_area(&mut app);
    let key_file = data.join("keys/visit-20261125-090000.ron");
    assert!(key_file.exists(), "sealed on the first unlock");
    tap_named(&mut app, "Delete visit 0");
    assert!(journal.exists(), "asked first");
    tap_named(&mut app, "Keep visit 0");
    assert!(has_named(&mut app, "Delete visit 0"), "kept");
    tap_named(&mut app, "Delete visit 0");
    tap_named(&mut app, "Confirm delete visit 0");
    assert!(!key_file.exists() && !journal.exists());
    assert!(!text_under(&mut app, "Worker page").contains("C-1042"));
    let trail = std::fs::read_to_string(data.join("audit.log")).unwrap();
    assert!(trail.contains("deleted visit-20261125-090000"), "{trail}");
}

#[test]
fn wiping_after_a_forgotten_pin_destroys_every_key_and_leaves_only_the_audit_trail() {
    let (data, journal) = sealed_tablet("wipe");
    let refused = crate::harness::hearme()
        .arg("--data")
        .arg(&data)
        .arg("wipe")
        .output()
        .unwrap();
    assert_eq!(refused.status.code(), Some(1), "not without --yes");
    assert!(journal.exists());
    let wiped = crate::harness::hearme()
        .arg("--data")
        .arg(&data)
        .args(["wipe", "--yes"])
        .output()
        .unwrap();
    assert_eq!(
        wiped.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&wiped.stderr)
    );
    let left: Vec<_> = every_file(&data)
        .into_iter()
        .map(|(path, _)| path)
        .collect();
    assert_eq!(
        left,
        [data.join("audit.log")],
        "only the audit trail is left"
    );
    let trail = std::fs::read_to_string(data.join("audit.log")).unwrap();
    assert!(trail.contains(" wiped "), "{trail}");
}
