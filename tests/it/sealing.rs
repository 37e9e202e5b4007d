//! Children's data at rest (docs/data-protection.md): nothing of a visit is readable under the
//! data folder without the PIN, a torn sealed line loses only itself, a wrong PIN opens and
//! writes nothing, deleting a visit destroys its key first, plain v1 journals are sealed on the
//! first unlock, and the command line asks for the PIN.

use std::path::{Path, PathBuf};

use hearme::model::journal::{JournalWriter, LineSeal};
use hearme::model::keyring::{Keyring, KeyringError};
use hearme::model::pin::{self, PinRecord};
use hearme::model::seal::is_sealed_file;
use hearme::model::session::{JournalError, journals_in, read_journal, read_journal_with};
use hearme::model::visits::open_visit;
use hearme::visit::Visit;

use crate::harness::{hearme, tap_cell, tap_named, text_under, type_into};
use crate::journal::{scratch, started};
use crate::visit::{TEST_PIN, app_on, open_area, read_on_disk, ring_for, start_visit};

/// Every file under `dir`, with its bytes.
pub(crate) fn every_file(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut found = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        if path.is_dir() {
            found.extend(every_file(&path));
        } else {
            found.push((path.clone(), std::fs::read(&path).unwrap()));
        }
    }
    found
}

pub(crate) fn contains(bytes: &[u8], text: &str) -> bool {
    bytes.windows(text.len()).any(|w| w == text.as_bytes())
}

#[test]
fn after_a_visit_no_file_under_the_data_folder_holds_the_childs_words_or_case_reference() {
    let data = scratch("sealed-visit");
    let mut app = app_on(&data);
    start_visit(&mut app, "C-7781");
    tap_cell(&mut app, "home", "want");
    tap_cell(&mut app, "home", "help");
    tap_named(&mut app, "Feelings button");
    tap_named(&mut app, "Choice sad");
    open_area(&mut app);
    type_into(&mut app, "Note field", "Child pointed at the window");
    tap_named(&mut app, "Add note button");
    app.world().resource::<Visit>().flush();

    let secrets = [
        "C-7781",
        "want",
        "help",
        "sad",
        "Review of plan",
        "teacher stayed",
        "pointed at the window",
    ];
    let files = every_file(&data);
    assert!(files.len() >= 3, "a journal, its key and the tablet's key");
    for (path, bytes) in &files {
        for secret in secrets {
            assert!(
                !contains(bytes, secret),
                "{} holds \"{secret}\"",
                path.display()
            );
        }
    }
    // With the PIN every one of them is there: the visit was recorded, and sealed.
    let journal = journals_in(&data.join("sessions")).unwrap().remove(0);
    assert!(matches!(
        read_journal(&journal),
        Err(JournalError::Sealed { .. })
    ));
    let opened = format!("{:?}", read_on_disk(&journal).unwrap().lines);
    for secret in secrets {
        assert!(opened.contains(secret), "{secret} recorded: {opened}");
    }
}

#[test]
fn a_torn_sealed_line_is_named_and_every_other_line_is_kept() {
    let dir = scratch("sealed-torn");
    let ring = ring_for(&dir);
    let path = dir.join("visit-20261202-100000.journal");
    let key = ring.new_visit_key("visit-20261202-100000").unwrap();
    let seal = LineSeal::for_journal(key, &path);
    let mut writer = JournalWriter::create_sealed(&path, Some(seal.clone())).unwrap();
    writer.append(started()).unwrap();
    writer
        .append(hearme::model::session::Event::VisitEnded)
        .unwrap();
    drop(writer);
    let mut bytes = std::fs::read(&path).unwrap();
    let whole = bytes.len();
    let second = bytes[..whole - 1]
        .iter()
        .rposition(|&b| b == b'\n')
        .unwrap();
    // The power went while the last line was being written: half of it reached the disk.
    let torn_at = second + 1 + (whole - second) / 2;
    bytes.truncate(torn_at);
    std::fs::write(&path, &bytes).unwrap();

    let recovered = read_journal_with(&path, Some(&seal.key)).unwrap();
    assert_eq!(recovered.lines.len(), 1, "the visit's start is kept");
    assert_eq!(recovered.skipped.len(), 1);
    assert_eq!(recovered.skipped[0].line, 2);
    assert!(recovered.skipped[0].reason.contains("cut off"));

    // A line moved from another place of the journal does not open as this one.
    let lines: Vec<&str> = std::str::from_utf8(&bytes).unwrap().lines().collect();
    let swapped = format!("{}\n{}\n", lines[0], lines[0].replacen("S1:0:", "S1:7:", 1));
    std::fs::write(&path, swapped).unwrap();
    let recovered = read_journal_with(&path, Some(&seal.key)).unwrap();
    assert_eq!(recovered.lines.len(), 1);
    assert!(recovered.skipped[0].reason.contains("does not open"));
}

#[test]
fn a_wrong_pin_opens_no_key_and_writes_nothing_and_a_new_pin_rewraps_the_tablets_key() {
    let data = scratch("sealed-wrong-pin");
    let ring = Keyring::unlock(&data, TEST_PIN).unwrap();
    let key = ring.new_visit_key("visit-1").unwrap();
    let path = data.join("visit-1.journal");
    let seal = LineSeal::for_journal(key, &path);
    let mut writer = JournalWriter::create_sealed(&path, Some(seal)).unwrap();
    writer.append(started()).unwrap();
    drop(writer);
    let before = every_file(&data);

    assert!(matches!(
        Keyring::unlock(&data, "583920"),
        Err(KeyringError::DoesNotOpen(_))
    ));
    assert_eq!(every_file(&data), before, "nothing written");

    // A new PIN: while it is being put in force both open; then only the new one.
    ring.rewrap("583920", false).unwrap();
    assert!(Keyring::unlock(&data, TEST_PIN).is_ok());
    ring.rewrap("583920", true).unwrap();
    assert!(Keyring::unlock(&data, TEST_PIN).is_err());
    let again = Keyring::unlock(&data, "583920").unwrap();
    let opened = open_visit(&again, &path).unwrap();
    assert_eq!(opened.recovered.lines.len(), 1, "the visit opens as before");
}

#[test]
fn a_plain_v1_journal_is_sealed_on_the_first_unlock_and_the_plain_file_is_gone() {
    let data = scratch("sealed-upgrade");
    let sessions = data.join("sessions");
    std::fs::create_dir_all(&sessions).unwrap();
    let journal = sessions.join("visit-20261120-090000.journal");
    let mut writer = JournalWriter::create(&journal).unwrap();
    writer.append(started()).unwrap();
    drop(writer);
    let mut bytes = std::fs::read(&journal).unwrap();
    bytes.extend_from_slice(b"not a journal line\n");
    std::fs::write(&journal, &bytes).unwrap();
    let plain = read_journal(&journal).unwrap();
    assert!(contains(&bytes, "C-1042"));

    let mut app = app_on(&data);
    open_area(&mut app);
    let offer = text_under(&mut app, "Worker page");
    assert!(offer.contains("C-1042"), "listed once unlocked: {offer}");
    assert!(offer.contains("Export within"), "its days left: {offer}");
    let sealed = std::fs::read(&journal).unwrap();
    assert!(!contains(&sealed, "C-1042"), "the plain text is gone");
    assert_eq!(
        journals_in(&sessions).unwrap(),
        std::slice::from_ref(&journal)
    );
    let read = read_on_disk(&journal).unwrap();
    assert_eq!(read.lines, plain.lines, "every event kept");
    assert_eq!(
        read.skipped.len(),
        1,
        "the unreadable line is still reported"
    );
    assert_eq!(read.skipped[0].line, 2, "at its own line number");
}

/// A data folder with a PIN and one sealed visit, as the app leaves it.
pub(crate) fn sealed_tablet(name: &str) -> (PathBuf, PathBuf) {
    let data = scratch(name);
    pin::save(&pin::pin_path(&data), &PinRecord::new(TEST_PIN).unwrap()).unwrap();
    let ring = ring_for(&data);
    let sessions = data.join("sessions");
    std::fs::create_dir_all(&sessions).unwrap();
    let journal = sessions.join("visit-20261202-110000.journal");
    let key = ring.new_visit_key("visit-20261202-110000").unwrap();
    let mut writer =
        JournalWriter::create_sealed(&journal, Some(LineSeal::for_journal(key, &journal))).unwrap();
    writer.append(started()).unwrap();
    drop(writer);
    (data, journal)
}

fn with_pin(command: &mut std::process::Command, pin: &str) -> std::process::Output {
    use std::io::Write;
    let mut child = command
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    writeln!(child.stdin.take().unwrap(), "{pin}").unwrap();
    child.wait_with_output().unwrap()
}

#[test]
fn the_command_line_asks_for_the_pin_and_a_wrong_one_exits_1_writes_nothing_and_counts() {
    let (data, journal) = sealed_tablet("sealed-cli");
    let out = data.join("out");
    let wrong = with_pin(
        hearme()
            .arg("--data")
            .arg(&data)
            .args(["export", "--out"])
            .arg(&out)
            .arg(&journal),
        "583920",
    );
    assert_eq!(wrong.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&wrong.stderr).contains("not the PIN"));
    assert!(!out.exists(), "nothing written");
    let record = pin::load(&pin::pin_path(&data)).unwrap().unwrap();
    assert_eq!(record.failures, 1, "counted towards the lockout");

    let listed = with_pin(hearme().arg("--data").arg(&data).arg("sessions"), "1111");
    assert_eq!(listed.status.code(), Some(1));
    assert!(!String::from_utf8_lossy(&listed.stdout).contains("C-1042"));

    let listed = with_pin(hearme().arg("--data").arg(&data).arg("sessions"), TEST_PIN);
    assert_eq!(
        listed.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&listed.stderr)
    );
    assert!(String::from_utf8_lossy(&listed.stdout).contains("C-1042"));
    let exported = with_pin(
        hearme()
            .arg("--data")
            .arg(&data)
            .args(["export", "--format", "text", "--out"])
            .arg(&out)
            .arg(&journal),
        TEST_PIN,
    );
    assert_eq!(
        exported.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&exported.stderr)
    );
    let kept = std::fs::read(out.join("visit-20261202-110000.summary.txt")).unwrap();
    assert!(
        is_sealed_file(&kept) && !String::from_utf8_lossy(&kept).contains("C-1042"),
        "a summary kept in the data folder is sealed like its visit"
    );
    assert!(String::from_utf8_lossy(&exported.stderr).contains("--out DIR outside"));

    let outside = scratch("sealed-cli-outside");
    let exported = with_pin(
        hearme()
            .arg("--data")
            .arg(&data)
            .args(["export", "--format", "text", "--out"])
            .arg(&outside)
            .arg(&journal),
        TEST_PIN,
    );
    assert_eq!(exported.status.code(), Some(0));
    let text = std::fs::read_to_string(outside.join("visit-20261202-110000.summary.txt")).unwrap();
    assert!(
        text.contains("C-1042"),
        "the worker's own folder gets a file to open"
    );
}

/// 64 bytes from the middle of a file: enough to find it anywhere, whatever its header.
fn middle_of(bytes: &[u8]) -> Vec<u8> {
    let start = bytes.len() / 2;
    bytes[start..start + 64].to_vec()
}

#[test]
fn a_profiles_photo_recording_and_boards_are_sealed_at_the_first_pin_and_shown_after_it() {
    use hearme::model::{photo, profile, voice};
    use hearme::setup::{CellRef, add_photo, import_voice};
    let data = crate::visit::with_profile("sealed-media", "AB");
    let sources = scratch("sealed-media-sources");
    let picture = sources.join("gran.png");
    image::RgbImage::from_fn(300, 200, |x, y| {
        image::Rgb([
            (x * 7 % 251) as u8,
            (y * 13 % 241) as u8,
            ((x ^ y) % 255) as u8,
        ])
    })
    .save(&picture)
    .unwrap();
    let sound = sources.join("gran.wav");
    voice::save_recording(&sound, &crate::voice::sine(1.0, 22_050, 0.5)).unwrap();
    add_photo(&CellRef::new(&data, Some("AB"), "home", "want"), &picture).unwrap();
    import_voice(&CellRef::new(&data, Some("AB"), "home", "help"), &sound).unwrap();
    let media = profile::profile_dir(&data, "AB");
    let stored_photo = std::fs::read(photo::photo_path(&media, "home", "want")).unwrap();
    let stored_voice = std::fs::read(voice::recording_path(&media, "home", "help")).unwrap();
    let home = std::fs::read(media.join("vocab/home.ron")).unwrap();

    // A tablet whose PIN and keys came before this profile's files were sealed (an upgrade):
    // before the PIN the child's screens show the built-in boards, and nothing of AB is read.
    pin::save(&pin::pin_path(&data), &PinRecord::new(TEST_PIN).unwrap()).unwrap();
    ring_for(&data);
    let mut app = crate::visit::app_for(&data);
    assert!(
        app.world()
            .resource::<hearme::Content>()
            .media_root()
            .is_none()
    );
    start_visit(&mut app, "C-2207");
    tap_cell(&mut app, "home", "want");
    app.world().resource::<Visit>().flush();

    let secrets = [
        middle_of(&stored_photo),
        middle_of(&stored_voice),
        b"\"want\"".to_vec(),
    ];
    for (path, bytes) in every_file(&data) {
        for secret in &secrets {
            assert!(
                !bytes.windows(secret.len()).any(|w| w == secret.as_slice()),
                "{} holds a profile's photo, recording or board",
                path.display()
            );
        }
    }
    // The same files, sealed: with the keys they read back as they were.
    let photo_path = photo::photo_path(&media, "home", "want");
    assert_eq!(crate::visit::read_sealed(&data, &photo_path), stored_photo);
    assert_eq!(
        crate::visit::read_sealed(&data, &media.join("vocab/home.ron")),
        home
    );
    // The child's screens show AB once the worker has typed the PIN.
    assert_eq!(app.world().resource::<hearme::Content>().profile, "AB");
}

#[test]
fn a_tablet_key_wrapped_at_an_older_lower_cost_opens_and_is_raised_to_todays() {
    use hearme::model::keyring::{PinWrap, TabletKeyFile};
    use hearme::model::seal::{DataKey, KEK_MEMORY_KIB, KEK_PASSES, Kek, wrap};
    let data = scratch("sealed-older-cost");
    let salt = [7u8; 16];
    let kek = Kek::from_pin(TEST_PIN, &salt, KEK_MEMORY_KIB, 6).unwrap();
    let tablet = DataKey::random().unwrap();
    let older = TabletKeyFile {
        v: 1,
        wraps: vec![PinWrap {
            salt: "07".repeat(16),
            memory_kib: KEK_MEMORY_KIB,
            passes: 6,
            wrapped: wrap(&kek, &tablet, "hearme tablet key").unwrap(),
        }],
    };
    let path = data.join("keys/tablet.ron");
    hearme::model::files::write_ron(&path, &older).unwrap();
    Keyring::unlock(&data, TEST_PIN).unwrap();
    let raised: TabletKeyFile = hearme::model::files::read_ron(&path, 16 * 1024, "key")
        .unwrap()
        .unwrap();
    assert_eq!(raised.wraps.len(), 1);
    assert_eq!(raised.wraps[0].passes, KEK_PASSES);
    assert!(Keyring::unlock(&data, TEST_PIN).is_ok(), "still opens");
}
