//! The sealing model: a data key wrapped under the PIN, journal lines sealed one by one and
//! bound to their visit and place.

use hearme::model::seal::{
    DataKey, KEK_MEMORY_KIB, KEK_PASSES, Kek, SealError, open_line, seal_line, unwrap, wrap,
};

const SALT: &[u8] = b"a salt of sixteen";

fn kek(pin: &str) -> Kek {
    // The smallest costs Argon2id takes: these tests check the logic, not the cost.
    Kek::from_pin(pin, SALT, 8, 1).unwrap()
}

#[test]
fn a_sealed_line_opens_only_with_its_key_in_its_own_visit_and_place() {
    let key = DataKey::random().unwrap();
    let line = r#"(v:1, seq:3, event:SymbolChosen(label:"nana"))"#;
    let sealed = seal_line(&key, "visit-1", 3, line).unwrap();
    assert!(!sealed.contains("nana") && !sealed.contains('\n'));
    assert!(sealed.starts_with("S1:3:"), "{sealed}");
    assert_eq!(
        open_line(&key, "visit-1", &sealed).unwrap(),
        (3, line.to_string())
    );
    // Moved to another place or visit, or opened with another key: it does not open.
    let moved = sealed.replacen("S1:3:", "S1:4:", 1);
    assert_eq!(
        open_line(&key, "visit-1", &moved),
        Err(SealError::DoesNotOpen)
    );
    assert_eq!(
        open_line(&key, "visit-2", &sealed),
        Err(SealError::DoesNotOpen)
    );
    let other = DataKey::random().unwrap();
    assert_eq!(
        open_line(&other, "visit-1", &sealed),
        Err(SealError::DoesNotOpen)
    );
    // One changed character, or a torn end, is caught.
    let mut changed = sealed.clone().into_bytes();
    let last = changed.len() - 1;
    changed[last] = if changed[last] == b'0' { b'1' } else { b'0' };
    let changed = String::from_utf8(changed).unwrap();
    assert_eq!(
        open_line(&key, "visit-1", &changed),
        Err(SealError::DoesNotOpen)
    );
    let torn = &sealed[..sealed.len() - 7];
    assert!(open_line(&key, "visit-1", torn).is_err());
    assert_eq!(open_line(&key, "visit-1", line), Err(SealError::NotSealed));
    // The same line sealed twice looks different (a fresh nonce each time).
    assert_ne!(seal_line(&key, "visit-1", 3, line).unwrap(), sealed);
}

#[test]
fn a_wrapped_key_opens_only_with_the_right_pin_and_survives_a_new_pin() {
    let key = DataKey::random().unwrap();
    let sealed = seal_line(&key, "visit-1", 0, "a line").unwrap();
    let wrapped = wrap(&kek("270419"), &key, "visit-1").unwrap();
    assert!(matches!(
        unwrap(&kek("270418"), &wrapped, "visit-1"),
        Err(SealError::DoesNotOpen)
    ));
    assert!(matches!(
        unwrap(&kek("270419"), &wrapped, "visit-2"),
        Err(SealError::DoesNotOpen)
    ));
    let opened = unwrap(&kek("270419"), &wrapped, "visit-1").unwrap();
    assert_eq!(open_line(&opened, "visit-1", &sealed).unwrap().1, "a line");
    // A new PIN re-wraps the key only: the line sealed before still opens.
    let rewrapped = wrap(&kek("583920"), &opened, "visit-1").unwrap();
    let again = unwrap(&kek("583920"), &rewrapped, "visit-1").unwrap();
    assert_eq!(open_line(&again, "visit-1", &sealed).unwrap().1, "a line");
    assert!(unwrap(&kek("270419"), &rewrapped, "visit-1").is_err());
}

#[test]
fn the_key_encryption_key_at_the_documented_cost_depends_on_pin_and_salt_alone() {
    let one = Kek::from_pin("270419", SALT, KEK_MEMORY_KIB, KEK_PASSES).unwrap();
    let key = DataKey::random().unwrap();
    let wrapped = wrap(&one, &key, "p").unwrap();
    let two = Kek::from_pin("270419", SALT, KEK_MEMORY_KIB, KEK_PASSES).unwrap();
    assert!(
        unwrap(&two, &wrapped, "p").is_ok(),
        "the same PIN and salt give the same key"
    );
    let salted = Kek::from_pin("270419", b"another salt....", KEK_MEMORY_KIB, KEK_PASSES).unwrap();
    assert!(
        unwrap(&salted, &wrapped, "p").is_err(),
        "another salt, another key"
    );
}
