//! `hearme check`: PATH:LINE:COLUMN errors and exit codes, and no panic on any input.

use std::path::{Path, PathBuf};
use std::process::Output;

use crate::harness::hearme;

fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join("check")
        .join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn check(paths: &[&Path]) -> Output {
    hearme().arg("check").args(paths).output().unwrap()
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

#[test]
fn the_built_in_vocabulary_and_manifest_check_clean() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let output = check(&[
        &root.join("assets/vocab/default"),
        &root.join("symbols/manifest.ron"),
    ]);
    assert_eq!(output.status.code(), Some(0), "{}", stdout(&output));
}

#[test]
fn malformed_files_give_path_line_column_errors_and_exit_1() {
    let dir = scratch("malformed");
    let board = |cells: &str| {
        format!("(v: 1, id: \"b\", name: \"B\", rows: 2, columns: 2, cells: [\n{cells}\n])\n")
    };
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        ("empty.ron", Vec::new(), ":1:1: the file is empty"),
        ("binary.ron", vec![0x89, b'P', b'N', b'G', 0xff, 0xfe, 0, 1], ":1:1: this is not a text file"),
        ("wrong-type.ron", b"(v: 1, id: 7)".to_vec(), ":1:11: expected string"),
        ("text-after-binary.ron", b"(v: 1,\n  id: \"a\xff\")".to_vec(), ":2:9: this is not a text file"),
        (
            "unknown-symbol.ron",
            board("(id: \"a\", word: \"a\", symbol: \"nope\", class: Verb, row: 0, column: 0),").into_bytes(),
            ":2:30: cell \"a\" uses symbol \"nope\", which is not in the symbol library",
        ),
        (
            "outside.ron",
            board("(id: \"a\", word: \"a\", symbol: \"grinning-face\", class: Verb, row: 2, column: 0),").into_bytes(),
            ":2:6: cell \"a\" is at row 2, column 0, outside the 2 x 2 grid",
        ),
        (
            "duplicate.ron",
            board(
                "(id: \"a\", word: \"a\", symbol: \"grinning-face\", class: Verb, row: 0, column: 0),\n\
                 (id: \"a\", word: \"b\", symbol: \"grinning-face\", class: Verb, row: 0, column: 1),",
            )
            .into_bytes(),
            ":3:6: cell id \"a\" is used twice",
        ),
        (
            "missing-link.ron",
            board("(id: \"a\", word: \"a\", symbol: \"grinning-face\", class: Noun, row: 0, column: 0, opens: \"gone\"),")
                .into_bytes(),
            "folder cell \"a\" opens board \"gone\", which does not exist",
        ),
    ];
    for (name, bytes, expected) in &cases {
        let file = dir.join(name);
        std::fs::write(&file, bytes).unwrap();
        let output = check(&[&file]);
        let text = stdout(&output);
        assert_eq!(output.status.code(), Some(1), "{name}: {text}");
        let first = text.lines().next().unwrap_or_default();
        assert!(
            first.starts_with(&file.display().to_string()),
            "{name}: {first}"
        );
        assert!(
            first.contains(expected),
            "{name}: expected {expected:?} in {first:?}"
        );
        std::fs::remove_file(&file).unwrap();
    }
}

#[test]
fn a_folder_with_one_bad_file_reports_only_that_file() {
    let dir = scratch("folder");
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    for name in [
        "home.ron",
        "people.ron",
        "feelings.ron",
        "food-drink.ron",
        "places.ron",
        "activities.ron",
        "body.ron",
        "things.ron",
        "time.ron",
        "questions.ron",
        "keeping-safe.ron",
    ] {
        std::fs::copy(root.join("assets/vocab/default").join(name), dir.join(name)).unwrap();
    }
    let broken = std::fs::read_to_string(dir.join("people.ron"))
        .unwrap()
        .replacen("rows:", "rows: rows:", 1);
    std::fs::write(dir.join("people.ron"), broken).unwrap();
    let output = check(&[&dir]);
    let text = stdout(&output);
    assert_eq!(output.status.code(), Some(1));
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 1, "{text}");
    assert!(lines[0].contains("people.ron:"), "{text}");
}

#[test]
fn a_missing_path_is_an_error_not_a_panic() {
    let output = check(&[Path::new("/no/such/place.ron")]);
    assert_eq!(output.status.code(), Some(1));
    assert!(stdout(&output).starts_with("/no/such/place.ron:1:1: no such file or folder"));
}

#[test]
fn random_bytes_never_panic() {
    let dir = scratch("random");
    let mut seed = 0x9e37_79b9_u32;
    for round in 0..20 {
        let mut bytes = Vec::new();
        for _ in 0..(round * 37 + 1) {
            seed ^= seed << 13;
            seed ^= seed >> 17;
            seed ^= seed << 5;
            let alphabet = b"(){}[]:,\"\\ 0123abcxyz-_\n\x00\xff";
            bytes.push(alphabet[seed as usize % alphabet.len()]);
        }
        std::fs::write(dir.join(format!("r{round}.ron")), bytes).unwrap();
    }
    let output = check(&[&dir]);
    assert_eq!(
        output.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(!String::from_utf8_lossy(&output.stderr).contains("panicked"));
}

#[test]
fn an_activity_leading_nowhere_is_reported_at_its_then_and_one_leading_to_a_built_in_is_not() {
    let dir = scratch("then").join("activities");
    std::fs::create_dir_all(&dir).unwrap();
    let scale = |id: &str, then: &str| {
        format!(
            "(v: 1, id: \"{id}\", title: \"T\", symbol: \"thinking-face\",\n activity: Scale(\n  prompt: \"How?\", look: Faces,\n  points: [(word: \"a\", symbol: \"thinking-face\", colour: \"#ffffff\", value: 0),\n           (word: \"b\", symbol: \"thinking-face\", colour: \"#ffffff\", value: 1)],\n  then: \"{then}\",\n ),\n)\n"
        )
    };
    let lost = dir.join("lost.ron");
    std::fs::write(&lost, scale("lost", "nowhere")).unwrap();
    std::fs::write(dir.join("fine.ron"), scale("fine", "feeling-size")).unwrap();
    let output = check(&[&dir]);
    let report = stdout(&output);
    assert_eq!(output.status.code(), Some(1), "{report}");
    assert!(
        report.contains(&format!("{}:6:9:", lost.display())) && report.contains("\"nowhere\""),
        "placed at the name:\n{report}"
    );
    assert_eq!(
        report.lines().filter(|l| l.contains(".ron:")).count(),
        1,
        "{report}"
    );
}

/// Runs `hearme` with `args`, failing the test if it has not finished within 30 s.
fn finishes(args: &[&str]) -> Output {
    let mut child = hearme()
        .args(args)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let started = std::time::Instant::now();
    while child.try_wait().unwrap().is_none() {
        if started.elapsed() > std::time::Duration::from_secs(30) {
            let _ = child.kill();
            panic!("hearme {args:?} was still running after 30 s");
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    child.wait_with_output().unwrap()
}

#[test]
fn devices_and_pipes_are_refused_not_read_until_memory_runs_out() {
    let dir = scratch("special");
    let pipe = dir.join("pipe.journal");
    let made = std::process::Command::new("mkfifo").arg(&pipe).status();
    assert!(made.is_ok_and(|s| s.success()), "mkfifo makes a pipe");
    let pipe = pipe.to_str().unwrap();
    let out = dir.to_str().unwrap();
    for args in [
        vec!["check", "/dev/zero"],
        vec!["export", "/dev/zero", "--out", out],
        vec!["export", pipe, "--out", out],
        vec![
            "import-voice",
            "--board",
            "home",
            "--cell",
            "want",
            "/dev/zero",
        ],
    ] {
        let output = finishes(&[&["--data", out][..], &args].concat());
        let said = format!(
            "{}{}",
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        );
        assert_eq!(output.status.code(), Some(1), "{args:?}: {said}");
        assert!(said.contains("not a regular file"), "{args:?}: {said}");
    }
}
