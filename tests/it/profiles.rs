//! Profiles and the PIN set up from the command line, as a council's IT does: each profile has
//! its own copy of the vocabulary and its own recordings, the child's screen shows only the
//! active one, a profile a visit used is not removed, and `pin set` stores only a hash.

use std::io::Write;
use std::path::Path;
use std::process::{Output, Stdio};

use hearme::Content;
use hearme::model::journal::JournalWriter;
use hearme::model::pin::pin_path;
use hearme::model::profile::profile_dir;
use hearme::model::session::Event;
use hearme::model::voice::{recording_path, save_recording};

use crate::harness::hearme;
use crate::journal::{scratch, started};
use crate::voice::sine;

fn run(data: &Path, args: &[&str]) -> Output {
    hearme()
        .arg("--data")
        .arg(data)
        .args(args)
        .output()
        .unwrap()
}

fn says(output: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    )
}

#[test]
fn profiles_are_added_listed_used_and_refused_with_a_reason() {
    let data = scratch("profiles-cli");
    let added = run(&data, &["profile", "add", "AB"]);
    assert_eq!(added.status.code(), Some(0), "{}", says(&added));
    assert!(profile_dir(&data, "AB").join("vocab/home.ron").is_file());

    for (label, why) in [
        ("Jane Smith", "no spaces"),
        ("AB", "already"),
        ("default", "built-in"),
        ("../x", "letters, digits"),
        ("ABCDEFGHIJKLMNOPQ", "1 to 16"),
    ] {
        let refused = run(&data, &["profile", "add", label]);
        assert_eq!(
            refused.status.code(),
            Some(1),
            "{label}: {}",
            says(&refused)
        );
        assert!(says(&refused).contains(why), "{label}: {}", says(&refused));
    }
    assert!(!data.join("x").exists() && !data.join("profiles/.new-AB").exists());

    let listed = says(&run(&data, &["profile", "list"]));
    assert!(
        listed.contains("default: the built-in vocabulary  (shown"),
        "{listed}"
    );
    assert!(listed.lines().any(|line| line == "AB"), "{listed}");

    let used = run(&data, &["profile", "use", "AB"]);
    assert_eq!(used.status.code(), Some(0), "{}", says(&used));
    assert!(says(&run(&data, &["profile", "list"])).contains("AB  (shown"));
    assert_eq!(Content::for_data_dir(Some(&data)).profile, "AB");
    assert_eq!(run(&data, &["profile", "use", "ZZ"]).status.code(), Some(1));
}

#[test]
fn two_profiles_never_see_each_others_cells_or_voices() {
    let data = scratch("profiles-apart");
    for label in ["AB", "CD"] {
        assert_eq!(
            run(&data, &["profile", "add", label]).status.code(),
            Some(0)
        );
    }
    let home = profile_dir(&data, "AB").join("vocab/home.ron");
    let text = std::fs::read_to_string(&home).unwrap();
    std::fs::write(&home, text.replacen("word: \"want\"", "word: \"wish\"", 1)).unwrap();

    let word = |label: &str| {
        let content = Content::for_profile(Some(&data), Some(label));
        assert!(content.notices.is_empty(), "{:?}", content.notices);
        content
            .vocabulary
            .board("home")
            .unwrap()
            .cell("want")
            .unwrap()
            .word
            .clone()
    };
    assert_eq!(word("AB"), "wish");
    assert_eq!(word("CD"), "want");
    let built_in = Content::built_in();
    assert_eq!(
        built_in
            .vocabulary
            .board("home")
            .unwrap()
            .cell("want")
            .unwrap()
            .word,
        "want"
    );

    let clip = data.join("hello.wav");
    save_recording(&clip, &sine(1.0, 44_100, 0.3)).unwrap();
    let imported = hearme()
        .arg("--data")
        .arg(&data)
        .args([
            "import-voice",
            "--profile",
            "AB",
            "--board",
            "home",
            "--cell",
            "hello",
        ])
        .arg(&clip)
        .output()
        .unwrap();
    assert_eq!(imported.status.code(), Some(0), "{}", says(&imported));
    assert!(recording_path(&profile_dir(&data, "AB"), "home", "hello").is_file());
    assert!(!recording_path(&profile_dir(&data, "CD"), "home", "hello").exists());
    assert!(
        !recording_path(&data, "home", "hello").exists(),
        "not the built-in profile's"
    );
}

#[test]
fn a_profile_a_visit_on_the_tablet_used_is_not_removed() {
    let data = scratch("profiles-remove");
    assert_eq!(run(&data, &["profile", "add", "AB"]).status.code(), Some(0));
    let sessions = data.join("sessions");
    std::fs::create_dir_all(&sessions).unwrap();
    let journal = sessions.join("visit-20261202-100000.journal");
    let mut writer = JournalWriter::create(&journal).unwrap();
    let Event::VisitStarted {
        case_ref,
        visit,
        purpose,
        present,
        seen_alone,
        child_seen,
        recorded_by,
        ..
    } = started()
    else {
        unreachable!()
    };
    writer
        .append(Event::VisitStarted {
            case_ref,
            visit,
            purpose,
            present,
            seen_alone,
            profile: "AB".into(),
            child_seen,
            recorded_by,
            communication: Default::default(),
        })
        .unwrap();
    drop(writer);

    let refused = run(&data, &["profile", "remove", "AB"]);
    assert_eq!(refused.status.code(), Some(1));
    assert!(
        says(&refused).contains("export them first"),
        "{}",
        says(&refused)
    );
    assert!(profile_dir(&data, "AB").join("profile.ron").is_file());

    std::fs::remove_file(&journal).unwrap();
    let removed = run(&data, &["profile", "remove", "AB"]);
    assert_eq!(removed.status.code(), Some(0), "{}", says(&removed));
    assert!(!profile_dir(&data, "AB").exists());
}

fn pin_set(data: &Path, stdin: &str) -> Output {
    let mut child = hearme()
        .arg("--data")
        .arg(data)
        .args(["pin", "set"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(stdin.as_bytes())
        .unwrap();
    child.wait_with_output().unwrap()
}

#[test]
fn pin_set_reads_standard_input_and_stores_only_a_hash() {
    let data = scratch("pin-cli");
    let short = pin_set(&data, "1234\n");
    assert_eq!(short.status.code(), Some(1));
    assert!(says(&short).contains("6 to 12 digits"), "{}", says(&short));
    assert!(!pin_path(&data).exists());

    let set = pin_set(&data, "270419\n");
    assert_eq!(set.status.code(), Some(0), "{}", says(&set));
    let stored = std::fs::read_to_string(pin_path(&data)).unwrap();
    assert!(!stored.contains("270419"));
    assert!(!says(&set).contains("270419"), "the PIN is not printed");

    let again = pin_set(&data, "390517\n");
    assert_eq!(again.status.code(), Some(1));
    assert!(says(&again).contains("already set"));
    assert_eq!(std::fs::read_to_string(pin_path(&data)).unwrap(), stored);
}
