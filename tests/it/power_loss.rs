//! Power cuts at every write boundary of the journal, on a disk that keeps only what was synced
//! (SIGKILL leaves the operating system's cache intact, so it cannot show this): every event
//! acknowledged as saved survives, and nothing after it is half-read. Both the plain writer and
//! the app's background writer are cut, writing plain lines and sealed ones.

use std::io;
use std::path::Path;
use std::sync::{Arc, Mutex};

use hearme::model::journal::{BackgroundJournal, JournalStorage, JournalWriter, LineSeal};
use hearme::model::seal::DataKey;
use hearme::model::session::{Actor, Event, JOURNAL_VERSION, JournalLine, parse_journal_with};

/// Every journal here is "cut.journal", so the sealed lines are bound to the visit "cut".
const JOURNAL: &str = "cut.journal";

/// No seal (plain lines), then a visit's own key.
fn seals() -> [Option<LineSeal>; 2] {
    [
        None,
        Some(LineSeal::for_journal(
            DataKey::random().unwrap(),
            Path::new(JOURNAL),
        )),
    ]
}

use crate::journal::started;

/// A flash disk with a write cache: appends land in the cache, a sync moves the cache to the
/// disk, and once the power goes every operation fails. The operation the cut falls on may
/// leave half its bytes in the cache.
#[derive(Default)]
struct Disk {
    on_disk: Vec<u8>,
    cache: Vec<u8>,
    operations_left: usize,
    /// One operation that fails and the disk carries on (a full disk freed again, a glitch).
    fails_once_at: Option<usize>,
    operations_done: usize,
    /// Set once the power has gone: nothing more reaches the disk or its cache.
    off: bool,
}

#[derive(Clone)]
struct PowerCutStorage(Arc<Mutex<Disk>>);

impl PowerCutStorage {
    /// Power fails at the operation after `operations` (each append and each sync is one).
    fn cut_after(operations: usize) -> Self {
        PowerCutStorage(Arc::new(Mutex::new(Disk {
            operations_left: operations,
            ..Disk::default()
        })))
    }

    /// The operation numbered `at` fails part-way; every other one works.
    fn failing_once_at(at: usize) -> Self {
        PowerCutStorage(Arc::new(Mutex::new(Disk {
            operations_left: usize::MAX,
            fails_once_at: Some(at),
            ..Disk::default()
        })))
    }

    /// What a reader can find after the power comes back: the disk alone (the cache lost), the
    /// disk with the whole cache, and the disk with half the cache (a torn write).
    fn images_after_the_cut(&self) -> Vec<Vec<u8>> {
        let disk = self.0.lock().unwrap();
        let half = disk.cache.len() / 2;
        [0, half, disk.cache.len()]
            .into_iter()
            .map(|kept| [disk.on_disk.as_slice(), &disk.cache[..kept]].concat())
            .collect()
    }
}

fn power_cut() -> io::Error {
    io::Error::other("the power went off")
}

impl JournalStorage for PowerCutStorage {
    fn append(&mut self, bytes: &[u8]) -> io::Result<()> {
        let mut disk = self.0.lock().unwrap();
        disk.operations_done += 1;
        if disk.off {
            return Err(power_cut());
        }
        let glitch = disk.fails_once_at == Some(disk.operations_done - 1);
        if disk.operations_left == 0 || glitch {
            disk.cache.extend_from_slice(&bytes[..bytes.len() / 2]);
            disk.off = !glitch;
            return Err(power_cut());
        }
        disk.operations_left -= 1;
        disk.cache.extend_from_slice(bytes);
        Ok(())
    }

    fn sync(&mut self) -> io::Result<()> {
        let mut disk = self.0.lock().unwrap();
        disk.operations_done += 1;
        if disk.off {
            return Err(power_cut());
        }
        let glitch = disk.fails_once_at == Some(disk.operations_done - 1);
        if disk.operations_left == 0 || glitch {
            disk.off = !glitch;
            return Err(power_cut());
        }
        disk.operations_left -= 1;
        let cached = std::mem::take(&mut disk.cache);
        disk.on_disk.extend(cached);
        Ok(())
    }
}

/// A visit: its start, then the child's taps, then its end.
fn visit_lines() -> Vec<JournalLine> {
    let taps = ["i", "want", "help", "stop", "no"].map(|word| Event::SymbolChosen {
        board: "home".into(),
        cell: word.into(),
        label: word.into(),
        by: Actor::Child,
        symbol: None,
    });
    std::iter::once(started())
        .chain(taps)
        .chain([Event::VisitEnded])
        .enumerate()
        .map(|(seq, event)| JournalLine {
            v: JOURNAL_VERSION,
            seq: seq as u64,
            at: format!("2026-12-01T10:00:{seq:02}.000Z"),
            event,
        })
        .collect()
}

/// Every acknowledged line is read back, in order; any line after them is whole and is the
/// next line that was being written; anything torn is reported, never read as an event.
fn check_survivors(
    image: &[u8],
    written: &[JournalLine],
    acknowledged: usize,
    cut: usize,
    seal: &Option<LineSeal>,
) {
    let path = Path::new(JOURNAL);
    let key = seal.as_ref().map(|seal| &*seal.key);
    let recovered = match parse_journal_with(path, image, key) {
        Ok(recovered) => recovered,
        Err(error) => {
            assert_eq!(
                acknowledged, 0,
                "power cut after {cut} operations: {acknowledged} acknowledged lines lost ({error})"
            );
            return;
        }
    };
    assert!(
        recovered.lines.len() >= acknowledged,
        "power cut after {cut} operations: {} of {acknowledged} acknowledged lines survived",
        recovered.lines.len()
    );
    assert!(recovered.lines.len() <= acknowledged + 1);
    assert_eq!(
        recovered.lines,
        written[..recovered.lines.len()],
        "power cut after {cut} operations: a line read back is not what was written"
    );
    assert!(recovered.skipped.len() <= 1, "only the torn last line");
}

#[test]
fn a_power_cut_at_any_write_loses_no_acknowledged_line() {
    let written = visit_lines();
    // Each line is at least one append and one sync; past the last one nothing is cut.
    for seal in seals() {
        for cut in 0..=written.len() * 2 {
            let storage = PowerCutStorage::cut_after(cut);
            let mut writer =
                JournalWriter::on(storage.clone(), Path::new(JOURNAL), 0).sealed_with(seal.clone());
            let acknowledged = written
                .iter()
                .take_while(|line| writer.append_line(line).is_ok())
                .count();
            for image in storage.images_after_the_cut() {
                if seal.is_some() {
                    assert!(!String::from_utf8_lossy(&image).contains("want"));
                }
                check_survivors(&image, &written, acknowledged, cut, &seal);
            }
        }
    }
}

/// Hands every line to the app's background writer on `storage` and waits for it.
fn write_in_the_background(
    storage: &PowerCutStorage,
    lines: &[JournalLine],
    seal: &Option<LineSeal>,
) -> BackgroundJournal {
    let writer =
        JournalWriter::on(storage.clone(), Path::new(JOURNAL), 0).sealed_with(seal.clone());
    let journal = BackgroundJournal::start(writer).unwrap();
    for line in lines {
        journal.append(line.clone());
    }
    journal.flush();
    journal
}

#[test]
fn a_power_cut_under_the_apps_background_writer_loses_no_line_it_counted_as_saved() {
    let written = visit_lines();
    for seal in seals() {
        for cut in 0..=written.len() * 2 {
            let storage = PowerCutStorage::cut_after(cut);
            let journal = write_in_the_background(&storage, &written, &seal);
            let saved = journal.saved() as usize;
            if saved < written.len() {
                assert!(
                    !journal.failures().is_empty(),
                    "the worker is told that lines were not saved"
                );
            }
            drop(journal);
            for image in storage.images_after_the_cut() {
                check_survivors(&image, &written, saved, cut, &seal);
            }
        }
    }
}

#[test]
fn after_a_write_that_fails_part_way_the_next_lines_are_whole_and_read_back() {
    let written = visit_lines();
    // From the second line on: a journal whose first line (the visit's start) was never
    // written cannot be read as a visit, which `files_that_are_not_journals_are_refused...`
    // covers.
    for seal in seals() {
        for at in 2..written.len() * 2 {
            let storage = PowerCutStorage::failing_once_at(at);
            let journal = write_in_the_background(&storage, &written, &seal);
            let failed = journal.failures();
            assert_eq!(
                failed.len(),
                1,
                "the worker is told of the one line not saved"
            );
            assert_eq!(journal.saved() as usize, written.len() - 1);
            drop(journal);
            let image = storage.images_after_the_cut().pop().unwrap();
            let key = seal.as_ref().map(|seal| &*seal.key);
            let recovered = parse_journal_with(Path::new(JOURNAL), &image, key).unwrap();
            // The line whose write failed may be lost (or, if only its sync failed, kept whole);
            // every line after it is read back as written, never glued to its half.
            let lost = written.len() - recovered.lines.len();
            assert!(
                lost <= 1,
                "write failing at operation {at}: {lost} lines lost"
            );
            for line in &recovered.lines {
                assert_eq!(Some(line), written.get(line.seq as usize));
            }
            assert!(recovered.skipped.len() <= 1);
        }
    }
}
