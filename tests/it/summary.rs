//! Visit summaries: golden files for each format, and the RON summary reading back unchanged.

use std::path::Path;

use jiff::tz::TimeZone;

use hearme::model::session::parse_journal;
use hearme::model::summary::{ExportInfo, Summary, render_markdown, render_obl, render_text};

const FIXTURES: &[&str] = &[
    "design-example",
    "modelling-redacted-unicode",
    "no-child-messages",
    "activities",
    "full-record",
    "bilingual",
];

fn fixtures() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/it/fixtures"))
}

fn summary_of(name: &str) -> Summary {
    let bytes = std::fs::read(fixtures().join(format!("{name}.journal"))).unwrap();
    let recovered = parse_journal(Path::new(name), &bytes).unwrap();
    Summary::from_journal(&recovered).unwrap()
}

fn export_info() -> ExportInfo {
    ExportInfo {
        exported_at: "2026-11-26T17:05:00.000Z".into(),
        journal_deleted: true,
        key_destroyed: false,
        trail: Vec::new(),
    }
}

/// Compares with the golden file; `HEARME_BLESS=1 cargo test` rewrites them (then read the diff).
fn assert_golden(name: &str, actual: &str) {
    let path = fixtures().join(name);
    if std::env::var_os("HEARME_BLESS").is_some() {
        std::fs::write(&path, actual).unwrap();
    }
    let expected =
        std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    assert_eq!(actual, expected, "{name} differs from its golden file");
}

#[test]
fn text_summaries_match_their_golden_files() {
    for name in FIXTURES {
        let text = render_text(&summary_of(name), Some(&export_info()), &TimeZone::UTC);
        assert_golden(&format!("{name}.summary.txt"), &text);
    }
}

#[test]
fn markdown_summaries_match_their_golden_files() {
    for name in FIXTURES {
        let text = render_markdown(&summary_of(name), Some(&export_info()), &TimeZone::UTC);
        assert_golden(&format!("{name}.summary.md"), &text);
    }
}

#[test]
fn ron_summaries_match_their_golden_files_and_read_back() {
    for name in FIXTURES {
        let summary = summary_of(name);
        let ron = summary.to_ron().unwrap();
        assert_golden(&format!("{name}.summary.ron"), &ron);
        assert_eq!(Summary::from_ron(&ron).unwrap(), summary);
    }
}

#[test]
fn worker_modelling_is_kept_apart_and_redactions_left_out() {
    let summary = summary_of("modelling-redacted-unicode");
    let child: Vec<_> = summary
        .child_messages
        .iter()
        .map(|s| s.spoken.clone())
        .collect();
    assert_eq!(child, [Some("I don't like bedtime".to_string()), None]);
    assert_eq!(summary.modelling.len(), 1);
    assert_eq!(summary.redacted, 1);
    let text = render_text(&summary, None, &TimeZone::UTC);
    assert!(!text.contains("pizza"), "the redacted message is left out");
    assert!(
        text.contains("down") || text.contains("up 2 point(s)"),
        "{text}"
    );
}

#[test]
fn local_time_is_used_for_display() {
    let summary = summary_of("design-example");
    let zone = TimeZone::get("Europe/London").unwrap_or(TimeZone::UTC);
    let summer = TimeZone::fixed(jiff::tz::offset(2));
    assert!(render_text(&summary, None, &zone).contains("14:02-14:47"));
    assert!(render_text(&summary, None, &summer).contains("16:02-16:47"));
}

fn recovered_of(name: &str) -> hearme::model::session::Recovered {
    let bytes = std::fs::read(fixtures().join(format!("{name}.journal"))).unwrap();
    parse_journal(Path::new(name), &bytes).unwrap()
}

#[test]
fn open_board_logs_match_their_golden_files() {
    for name in FIXTURES {
        assert_golden(
            &format!("{name}.summary.obl"),
            &render_obl(&recovered_of(name)).unwrap(),
        );
    }
}

#[test]
fn the_open_board_log_marks_modelling_and_keeps_notes_apart() {
    let log: serde_json::Value =
        serde_json::from_str(&render_obl(&recovered_of("modelling-redacted-unicode")).unwrap())
            .unwrap();
    assert_eq!(log["format"], "open-board-log-0.1");
    let sessions = log["sessions"].as_array().unwrap();
    let events = sessions[0]["events"].as_array().unwrap();
    let modelled: Vec<&str> = events
        .iter()
        .filter(|e| e["modeling"] == true)
        .map(|e| e["text"].as_str().unwrap())
        .collect();
    assert_eq!(modelled, ["you tell me"]);
    assert!(
        !events.iter().any(|e| e["text"] == "pizza"),
        "redacted events are left out"
    );
    let note = sessions.iter().find(|s| s["type"] == "note").unwrap();
    assert!(
        note["events"][0]["text"]
            .as_str()
            .unwrap()
            .contains("Amélie")
    );
    let assessments = sessions
        .iter()
        .filter(|s| s["type"] == "assessment")
        .count();
    assert_eq!(assessments, 2, "the feelings scale and the card sort");
}

#[test]
fn an_empty_purpose_or_nobody_present_leaves_no_dangling_separators() {
    let text = concat!(
        "(v:1, seq:0, at:\"2026-11-26T14:02:11.250Z\", event:VisitStarted(case_ref:\"C-1\", visit:\"Home visit\", purpose:\"\", present:[], seen_alone:Yes, profile:\"default\"))\n",
        "(v:1, seq:1, at:\"2026-11-26T14:40:00.000Z\", event:VisitEnded)\n",
    );
    let recovered = parse_journal(Path::new("empty-header.journal"), text.as_bytes()).unwrap();
    let summary = Summary::from_journal(&recovered).unwrap();
    for rendered in [
        render_text(&summary, None, &TimeZone::UTC),
        render_markdown(&summary, None, &TimeZone::UTC),
    ] {
        let visit_line = rendered
            .lines()
            .find(|l| l.contains("Visit: "))
            .expect("a visit line");
        assert!(!visit_line.contains(" - "), "{visit_line}");
        assert!(visit_line.contains("Home visit"), "{visit_line}");
        assert!(visit_line.contains("Present: not recorded"), "{visit_line}");
    }
}
