//! The visit journal: the line contract, torn and corrupt lines, and appends that survive SIGKILL.

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Duration;

use crate::harness::hearme;

use hearme::model::journal::JournalWriter;
use hearme::model::session::{Actor, Event, JournalError, SeenAlone, parse_journal, read_journal};

pub fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join("journal")
        .join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

pub fn started() -> Event {
    Event::VisitStarted {
        case_ref: "C-1042".into(),
        visit: "Home visit".into(),
        purpose: "Statutory visit".into(),
        present: vec!["child".into(), "mother".into()],
        seen_alone: SeenAlone::Yes,
        profile: "default".into(),
        child_seen: Some(true),
        recorded_by: String::new(),
        communication: Default::default(),
    }
}

fn chosen(word: &str) -> Event {
    Event::SymbolChosen {
        board: "home".into(),
        cell: word.into(),
        label: word.into(),
        by: Actor::Child,
        symbol: None,
    }
}

#[test]
fn the_design_contract_lines_read_back() {
    let text = include_str!("fixtures/design-example.journal");
    let recovered = parse_journal(Path::new("design-example.journal"), text.as_bytes()).unwrap();
    assert!(recovered.skipped.is_empty(), "{:?}", recovered.skipped);
    assert_eq!(recovered.lines.len(), 7);
    assert!(recovered.is_ended());
    assert_eq!(
        recovered.lines[3].event,
        Event::ScaleAnswered {
            scale: "feelings".into(),
            prompt: "How are you feeling?".into(),
            options: ["very sad", "sad", "okay", "happy", "very happy"]
                .map(String::from)
                .to_vec(),
            chosen: 3,
            by: Actor::Child,
            about: None,
            unordered: false,
        }
    );
}

#[test]
fn written_lines_are_one_per_line_and_read_back_in_order() {
    let dir = scratch("write");
    let path = dir.join("visit.journal");
    let mut writer = JournalWriter::create(&path).unwrap();
    writer.append(started()).unwrap();
    writer.append(chosen("want")).unwrap();
    writer
        .append(Event::WorkerNote {
            text: "Said \"no\" twice.\nThen smiled. Ünïcödé ✓".into(),
        })
        .unwrap();
    writer.append(Event::VisitEnded).unwrap();
    let text = std::fs::read_to_string(&path).unwrap();
    assert_eq!(text.lines().count(), 4);
    for line in text.lines() {
        assert!(line.starts_with("(v:2,seq:"), "{line}");
    }
    let recovered = read_journal(&path).unwrap();
    let seqs: Vec<u64> = recovered.lines.iter().map(|l| l.seq).collect();
    assert_eq!(seqs, [0, 1, 2, 3]);
    assert!(
        recovered.lines[0].at.ends_with('Z') && recovered.lines[0].at.len() == 24,
        "{}",
        recovered.lines[0].at
    );
    assert!(
        JournalWriter::create(&path).is_err(),
        "an existing visit is never overwritten"
    );
}

#[test]
fn a_torn_last_line_and_a_corrupt_middle_line_are_skipped_and_reported() {
    let text = include_str!("fixtures/design-example.journal");
    let mut lines: Vec<String> = text.lines().map(String::from).collect();
    lines[2] = "(v:1, seq:2, at:\"2026-11-26T14:03:09.400Z\", event:MessageSpo\u{0}ken(".into();
    let mut damaged = lines.join("\n");
    damaged.push_str("\n(v:1, seq:7, at:\"2026-11-26T14:48:00.000Z\", event:WorkerNo");
    let recovered = parse_journal(Path::new("damaged.journal"), damaged.as_bytes()).unwrap();
    assert_eq!(recovered.lines.len(), 6);
    let skipped: Vec<usize> = recovered.skipped.iter().map(|s| s.line).collect();
    assert_eq!(skipped, [3, 8]);
    assert!(
        recovered.skipped[1].reason.contains("cut off"),
        "{}",
        recovered.skipped[1].reason
    );
}

#[test]
fn resuming_after_a_torn_line_starts_a_new_line() {
    let dir = scratch("resume");
    let path = dir.join("visit.journal");
    let mut writer = JournalWriter::create(&path).unwrap();
    writer.append(started()).unwrap();
    writer.append(chosen("want")).unwrap();
    drop(writer);
    let mut file = std::fs::OpenOptions::new()
        .append(true)
        .open(&path)
        .unwrap();
    std::io::Write::write_all(&mut file, b"(v:1,seq:2,at:\"2026-11-").unwrap();
    let recovered = read_journal(&path).unwrap();
    assert_eq!(recovered.skipped.len(), 1);
    let mut writer = JournalWriter::resume(&recovered).unwrap();
    writer.append(chosen("juice")).unwrap();
    let again = read_journal(&path).unwrap();
    assert_eq!(again.lines.len(), 3);
    assert_eq!(again.lines[2].seq, 2);
    assert_eq!(again.skipped.len(), 1, "only the torn line is lost");
}

#[test]
fn files_that_are_not_journals_are_refused_with_their_name() {
    for (name, bytes) in [
        ("empty.journal", &b""[..]),
        ("binary.journal", &b"\x89PNG\r\n\x1a\n\x00\x00"[..]),
        (
            "no-start.journal",
            &b"(v:1, seq:0, at:\"2026-11-26T14:02:11.250Z\", event:VisitEnded)\n"[..],
        ),
    ] {
        match parse_journal(Path::new(name), bytes) {
            Err(error @ JournalError::NotAJournal { .. }) => {
                assert!(error.to_string().starts_with(name), "{error}")
            }
            other => panic!("{name}: {other:?}"),
        }
    }
}

/// Not a test of its own: `appends_survive_sigkill` runs it in a child process (hence
/// `ignore`), where it appends events as fast as it can and prints each sequence number once
/// its append has returned.
#[test]
#[ignore = "run by appends_survive_sigkill in a child process"]
fn crash_writer_child() {
    let Some(path) = std::env::var_os("HEARME_CRASH_JOURNAL") else {
        return;
    };
    let path = PathBuf::from(path);
    let recovered = read_journal(&path).ok();
    let mut writer = match &recovered {
        Some(r) => JournalWriter::resume(r).unwrap(),
        None => JournalWriter::create(&path).unwrap(),
    };
    if recovered.is_none() {
        writer.append(started()).unwrap();
        println!("appended 0");
    }
    for n in 0.. {
        let line = writer.append(chosen(&format!("word-{n}"))).unwrap();
        println!("appended {}", line.seq);
    }
}

#[test]
fn appends_survive_sigkill() {
    let dir = scratch("crash");
    let path = dir.join("visit.journal");
    let mut confirmed: Vec<u64> = Vec::new();
    let mut seed = 0x1234_5678_u32;
    for _ in 0..100 {
        let mut child = Command::new(std::env::current_exe().unwrap())
            .args([
                "--exact",
                "journal::crash_writer_child",
                "--ignored",
                "--nocapture",
                "--test-threads=1",
            ])
            .env("HEARME_CRASH_JOURNAL", &path)
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        seed ^= seed << 13;
        seed ^= seed >> 17;
        seed ^= seed << 5;
        let wanted = 1 + seed % 12;
        let mut reader = BufReader::new(child.stdout.take().unwrap());
        let mut line = String::new();
        let mut seen = 0;
        while seen < wanted {
            line.clear();
            if reader.read_line(&mut line).unwrap() == 0 {
                break;
            }
            if let Some(seq) = line.trim().strip_prefix("appended ") {
                confirmed.push(seq.parse().unwrap());
                seen += 1;
            }
        }
        std::thread::sleep(Duration::from_micros(u64::from(seed % 3000)));
        child.kill().unwrap();
        child.wait().unwrap();
        // Lines printed after we stopped reading were also appended before the kill.
        let mut rest = String::new();
        let _ = std::io::Read::read_to_string(&mut reader, &mut rest);
        for seq in rest.lines().filter_map(|l| l.strip_prefix("appended ")) {
            confirmed.push(seq.parse().unwrap());
        }
    }
    let recovered = read_journal(&path).unwrap();
    let seqs: Vec<u64> = recovered.lines.iter().map(|l| l.seq).collect();
    let mut sorted = seqs.clone();
    sorted.sort();
    assert_eq!(seqs, sorted, "events come back in order");
    for seq in &confirmed {
        assert!(
            seqs.contains(seq),
            "event {seq} was appended before a kill and must be recovered"
        );
    }
    assert!(confirmed.len() >= 100);
}

/// `hearme export JOURNAL --out OUT`, every format.
fn export_to(journal: &Path, out: &Path) -> std::process::Output {
    hearme()
        .arg("export")
        .arg(journal)
        .arg("--out")
        .arg(out)
        .output()
        .unwrap()
}

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/it/fixtures")
        .join(name)
}

#[test]
fn export_writes_every_format_and_prints_the_paths() {
    let dir = scratch("export");
    let journal = dir.join("visit.journal");
    std::fs::copy(fixture("design-example.journal"), &journal).unwrap();
    let out = dir.join("exports");
    let output = export_to(&journal, &out);
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let printed: Vec<String> = String::from_utf8_lossy(&output.stdout)
        .lines()
        .map(String::from)
        .collect();
    assert_eq!(printed.len(), 6, "{printed:?}");
    for path in &printed {
        assert!(Path::new(path).is_file(), "{path}");
    }
    let text = std::fs::read_to_string(out.join("visit.summary.txt")).unwrap();
    assert!(text.contains("\"I want juice\""));
    assert!(text.contains("Tablet copy kept."));
    assert!(journal.exists());
}

#[test]
fn export_with_delete_removes_the_journal_and_says_so() {
    let dir = scratch("export-delete");
    let journal = dir.join("visit.journal");
    std::fs::copy(fixture("design-example.journal"), &journal).unwrap();
    let output = hearme()
        .args(["export", "--format", "text", "--delete-journal", "--out"])
        .arg(&dir)
        .arg(&journal)
        .output()
        .unwrap();
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(!journal.exists(), "the tablet copy is deleted");
    let text = std::fs::read_to_string(dir.join("visit.summary.txt")).unwrap();
    assert!(text.contains("Tablet copy deleted on export."));
    assert!(
        !dir.join("visit.summary.md").exists(),
        "only the asked format"
    );
}

#[test]
fn export_of_a_damaged_journal_warns_about_each_skipped_line() {
    let dir = scratch("export-damaged");
    let journal = dir.join("visit.journal");
    let mut text = std::fs::read_to_string(fixture("design-example.journal")).unwrap();
    text = text.replacen("event:SymbolChosen(", "event:Symbol\u{7f}Chosen(", 1);
    text.push_str("(v:1, seq:7, at:\"2026-11-26T14:");
    std::fs::write(&journal, text).unwrap();
    let output = export_to(&journal, &dir);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(0), "{stderr}");
    assert!(stderr.contains("line 2 skipped"), "{stderr}");
    assert!(stderr.contains("line 8 skipped"), "{stderr}");
    let summary = std::fs::read_to_string(dir.join("visit.summary.txt")).unwrap();
    assert!(
        summary.contains("could not be read and are missing here: 2, 8."),
        "{summary}"
    );
}

#[test]
fn export_refuses_a_file_that_is_not_a_journal_and_writes_nothing() {
    let dir = scratch("export-refused");
    let out = dir.join("exports");
    for (name, bytes) in [
        ("empty.journal", &b""[..]),
        ("photo.journal", &b"\xff\xd8\xff\xe0JFIF"[..]),
    ] {
        let journal = dir.join(name);
        std::fs::write(&journal, bytes).unwrap();
        let output = export_to(&journal, &out);
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(1), "{stderr}");
        assert!(
            stderr.contains(&journal.display().to_string()),
            "names the file: {stderr}"
        );
        assert!(!stderr.contains("panicked"));
        assert!(
            !out.exists() || std::fs::read_dir(&out).unwrap().next().is_none(),
            "no output files"
        );
    }
}

#[test]
fn sessions_lists_open_ended_and_damaged_visits() {
    let dir = scratch("sessions");
    let sessions = dir.join("sessions");
    std::fs::create_dir_all(&sessions).unwrap();
    std::fs::copy(
        fixture("design-example.journal"),
        sessions.join("a-ended.journal"),
    )
    .unwrap();
    let open: String = std::fs::read_to_string(fixture("design-example.journal"))
        .unwrap()
        .lines()
        .take(3)
        .map(|l| format!("{l}\n"))
        .collect();
    std::fs::write(sessions.join("b-open.journal"), &open).unwrap();
    std::fs::write(
        sessions.join("c-torn.journal"),
        format!("{open}(v:1, seq:3"),
    )
    .unwrap();
    let output = hearme()
        .arg("--data")
        .arg(&dir)
        .arg("sessions")
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert_eq!(output.status.code(), Some(0));
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.len(), 3, "{stdout}");
    assert!(
        lines[0].starts_with("a-ended  C-1042  2026-11-26T14:02:11.250Z  7 events  ended"),
        "{}",
        lines[0]
    );
    assert!(lines[1].ends_with("3 events  open"), "{}", lines[1]);
    assert!(
        lines[2].ends_with("damaged (1 unreadable line(s))"),
        "{}",
        lines[2]
    );
}

/// Exports a fixture journal as a PNG with `hearme export` and opens the picture.
fn picture_summary_of(fixture_name: &str, scratch_name: &str) -> image::RgbImage {
    let dir = scratch(scratch_name);
    let journal = dir.join("visit.journal");
    std::fs::copy(fixture(&format!("{fixture_name}.journal")), &journal).unwrap();
    let output = hearme()
        .args(["export", "--format", "png", "--out"])
        .arg(&dir)
        .arg(&journal)
        .output()
        .unwrap();
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    image::open(dir.join("visit.summary.png"))
        .unwrap()
        .to_rgb8()
}

/// Pixels in a clear colour (the symbols), not grey or black.
fn coloured_pixels(picture: &image::RgbImage) -> usize {
    picture
        .pixels()
        .filter(|p| p.0.iter().max().unwrap() - p.0.iter().min().unwrap() > 60)
        .count()
}

#[test]
fn the_picture_summary_shows_the_childs_messages_in_their_symbols() {
    let picture = picture_summary_of("modelling-redacted-unicode", "export-picture");
    assert_eq!(picture.width(), 1200);
    // Two child messages, two feelings and two card-sort columns, one row of 128 px symbols
    // each (the redacted message and the worker's modelling are left out, or there would be 8).
    let block = 34 + 128 + 40 + 12;
    assert!(
        picture.height() >= 6 * block && picture.height() < 7 * block + 200,
        "{}",
        picture.height()
    );
    let coloured = coloured_pixels(&picture);
    assert!(
        coloured > 5000,
        "the symbols are drawn in colour ({coloured} coloured pixels)"
    );
    let ink = picture
        .pixels()
        .filter(|p| p.0.iter().all(|c| *c < 80))
        .count();
    assert!(ink > 2000, "the words are written ({ink} dark pixels)");
}

#[test]
fn the_picture_summary_also_shows_the_childs_answers_to_activities() {
    let picture = picture_summary_of("activities", "export-picture-activities");
    // No messages, but 4 feelings answered (one declined, shown as words), 2 card-sort columns
    // and 3 houses with symbols, and 3 body-map lines: far taller than the empty page's 200 px.
    assert!(picture.height() > 9 * 128, "{}", picture.height());
    let coloured = coloured_pixels(&picture);
    assert!(
        coloured > 20_000,
        "the answers' symbols are drawn ({coloured})"
    );
}

#[test]
fn a_huge_or_repeated_sequence_number_is_reported_and_never_reused() {
    let text = concat!(
        "(v:1, seq:0, at:\"2026-11-26T14:02:11.250Z\", event:VisitStarted(case_ref:\"C-1\", visit:\"Home visit\", purpose:\"\", present:[], seen_alone:Yes, profile:\"default\"))\n",
        "(v:1, seq:1, at:\"2026-11-26T14:03:00.000Z\", event:SymbolChosen(board:\"home\", cell:\"want\", label:\"want\", by:Child))\n",
        "(v:1, seq:18446744073709551615, at:\"2026-11-26T14:03:01.000Z\", event:SymbolChosen(board:\"home\", cell:\"stop\", label:\"stop\", by:Child))\n",
        "(v:1, seq:1, at:\"2026-11-26T14:03:02.000Z\", event:SymbolChosen(board:\"home\", cell:\"help\", label:\"help\", by:Child))\n",
    );
    let recovered = parse_journal(Path::new("hostile.journal"), text.as_bytes()).unwrap();
    assert_eq!(recovered.lines.len(), 2, "the start and the first tap");
    let reasons: Vec<(usize, &str)> = recovered
        .skipped
        .iter()
        .map(|s| (s.line, s.reason.as_str()))
        .collect();
    assert_eq!(reasons.len(), 2, "{reasons:?}");
    assert_eq!(reasons[0].0, 3);
    assert!(reasons[0].1.contains("out of range"), "{reasons:?}");
    assert_eq!(reasons[1].0, 4);
    assert!(
        reasons[1].1.contains("already used by line 2"),
        "{reasons:?}"
    );
    assert_eq!(
        recovered.next_seq(),
        2,
        "the next event gets a number no line has"
    );
}

#[test]
fn a_line_with_zero_bytes_or_an_answer_outside_its_options_is_reported_and_left_out() {
    let dir = scratch("zeros");
    let path = dir.join("visit.journal");
    let mut writer = JournalWriter::create(&path).unwrap();
    writer.append(started()).unwrap();
    // A zero typed into a note is written escaped and reads back as it was.
    writer
        .append(Event::WorkerNote {
            text: "before\u{0}after".into(),
        })
        .unwrap();
    let scale = |chosen: usize| Event::ScaleAnswered {
        scale: "feelings".into(),
        prompt: "How are you feeling?".into(),
        options: ["sad", "okay", "happy"].map(String::from).to_vec(),
        chosen,
        by: Actor::Child,
        about: None,
        unordered: false,
    };
    writer.append(scale(2)).unwrap();
    writer.append(scale(99)).unwrap();
    writer.append(chosen("want")).unwrap();
    drop(writer);
    // A power cut lost the middle of the last line, which came back as zeros inside its string.
    let mut bytes = std::fs::read(&path).unwrap();
    let last_line = bytes[..bytes.len() - 1]
        .iter()
        .rposition(|&b| b == b'\n')
        .unwrap()
        + 1;
    let label = last_line
        + bytes[last_line..]
            .windows(5)
            .position(|w| w == b"label")
            .unwrap();
    bytes[label + 8..label + 10].fill(0);
    std::fs::write(&path, &bytes).unwrap();

    let recovered = read_journal(&path).unwrap();
    let skipped: Vec<usize> = recovered.skipped.iter().map(|s| s.line).collect();
    assert_eq!(skipped, [4, 5], "{:?}", recovered.skipped);
    assert!(
        recovered.skipped[0]
            .reason
            .contains("not one of the options")
    );
    assert!(recovered.skipped[1].reason.contains("zero bytes"));
    assert!(matches!(
        &recovered.lines[1].event,
        Event::WorkerNote { text } if text == "before\u{0}after"
    ));
    let summary = hearme::model::summary::Summary::from_journal(&recovered).unwrap();
    let text = hearme::model::summary::render_text(&summary, None, &jiff::tz::TimeZone::UTC);
    assert!(
        !text.contains("out of range") && !text.contains("point(s)"),
        "{text}"
    );
}

#[test]
fn one_damaged_byte_in_the_first_line_keeps_the_rest_of_the_visit() {
    let dir = scratch("damaged-header");
    let journal = dir.join("visit.journal");
    let text = std::fs::read_to_string(fixture("design-example.journal")).unwrap();
    assert!(text.lines().next().unwrap().contains("seen_alone:Yes"));
    std::fs::write(
        &journal,
        text.replacen("seen_alone:Yes", "seen_alone:Yos", 1),
    )
    .unwrap();

    let recovered = read_journal(&journal).unwrap();
    assert_eq!(recovered.damaged_header, Some(1));
    assert_eq!(recovered.lines.len(), 6, "every line after it is kept");
    assert!(
        recovered.skipped[0]
            .reason
            .contains("first line is damaged")
    );
    assert!(recovered.skipped[0].reason.contains("column"));

    let out = dir.join("out");
    let output = export_to(&journal, &out);
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let summary = std::fs::read_to_string(out.join("visit.summary.txt")).unwrap();
    assert!(summary.contains("\"I want juice\""), "{summary}");
    assert!(summary.contains("journal line 1) is damaged"), "{summary}");
    assert!(
        summary.contains("could not be read and are missing here: 1."),
        "{summary}"
    );
}

#[test]
fn when_one_format_cannot_be_written_nothing_is_deleted_and_no_partial_set_is_left() {
    let dir = scratch("export-partial");
    let journal = dir.join("visit.journal");
    std::fs::copy(fixture("design-example.journal"), &journal).unwrap();
    let out = dir.join("out");
    // The picture, written after the text formats, cannot be: a folder is where it would go.
    std::fs::create_dir_all(out.join(".visit.summary.png.tmp").join("in the way")).unwrap();
    let output = hearme()
        .args(["export", "--format", "all", "--delete-journal", "--out"])
        .arg(&out)
        .arg(&journal)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("visit.summary.png"),
        "names the file: {stderr}"
    );
    assert!(journal.exists(), "the tablet copy is kept");
    let left: Vec<String> = std::fs::read_dir(&out)
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|name| name != ".visit.summary.png.tmp")
        .collect();
    assert!(left.is_empty(), "no summary file left behind: {left:?}");
}
