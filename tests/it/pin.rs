//! The worker's PIN: never stored, only its Argon2id hash; a lockout that grows after five
//! wrong tries, checked with a fake clock, and that survives a restart.

use hearme::model::pin::{PinRecord, Verdict, check_new_pin, load, pin_path, save};

use crate::journal::scratch;

const PIN: &str = "472913";

#[test]
fn a_pin_is_six_to_twelve_digits_and_not_an_easy_one() {
    assert!(check_new_pin(PIN).is_ok());
    assert!(check_new_pin("4729").is_err(), "4 digits fall to a guesser");
    assert!(check_new_pin("4729130000001").is_err(), "13 digits");
    assert!(check_new_pin("47291a").is_err());
    assert!(check_new_pin("111111").is_err());
    assert!(check_new_pin("123456").is_err());
    assert!(check_new_pin("987654").is_err());
}

#[test]
fn the_stored_file_holds_a_salted_hash_never_the_pin() {
    let dir = scratch("pin-stored");
    let path = pin_path(&dir);
    let record = PinRecord::new(PIN).unwrap();
    save(&path, &record).unwrap();
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(!text.contains(PIN), "{text}");
    assert!(text.contains("hash"), "{text}");
    // Two records of the same PIN have different salts, so different hashes.
    let again = PinRecord::new(PIN).unwrap();
    assert_ne!(record.salt, again.salt);
    assert_ne!(record.hash, again.hash);
    assert_eq!(load(&path).unwrap(), Some(record));
}

#[test]
fn five_wrong_tries_lock_the_pad_for_longer_each_time_and_the_lock_survives_a_restart() {
    let dir = scratch("pin-lockout");
    let path = pin_path(&dir);
    let mut record = PinRecord::new(PIN).unwrap();
    let mut now = 1_000_000;
    for left in (1..5).rev() {
        assert_eq!(
            record.try_pin("000000", now),
            Verdict::Wrong {
                tries_left: left,
                locked_for: None
            }
        );
    }
    assert_eq!(
        record.try_pin("000000", now),
        Verdict::Wrong {
            tries_left: 0,
            locked_for: Some(30)
        }
    );
    save(&path, &record).unwrap();

    // The app restarts: the lock is still there, and even the right PIN is not checked.
    let mut record = load(&path).unwrap().unwrap();
    now += 10;
    assert_eq!(
        record.try_pin(PIN, now),
        Verdict::Locked { seconds_left: 20 }
    );
    // Each further wrong try after a lock locks for longer: 1 min, 5 min, 15 min, 15 min.
    for seconds in [60, 300, 900, 900] {
        now = record.locked_until.unwrap();
        assert_eq!(
            record.try_pin("000000", now),
            Verdict::Wrong {
                tries_left: 0,
                locked_for: Some(seconds)
            }
        );
    }
    now = record.locked_until.unwrap();
    assert_eq!(record.try_pin(PIN, now), Verdict::Right);
    assert_eq!(record.failures, 0, "the right PIN starts the count again");
}

#[test]
fn a_damaged_or_hostile_pin_file_is_a_clear_error_and_opens_nothing() {
    let dir = scratch("pin-damaged");
    let path = pin_path(&dir);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(&path, "(v: 1, salt: \"zz\"").unwrap();
    let error = load(&path).unwrap_err();
    assert!(error.contains("pin.ron:1:"), "{error}");

    // A file that asks for 4 GiB of memory per try is refused, not obeyed.
    let mut record = PinRecord::new(PIN).unwrap();
    record.memory_kib = 4 * 1024 * 1024;
    assert!(matches!(record.try_pin(PIN, 0), Verdict::Wrong { .. }));
}
