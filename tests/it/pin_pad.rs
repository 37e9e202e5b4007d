//! The PIN gate in the app, through the pointer path: the corner hold opens only the PIN pad,
//! first use chooses a PIN, a wrong PIN opens nothing, five wrong PINs lock the pad (still
//! locked after a restart), and the area locks itself after the idle time and on hand-back.

use std::time::Duration;

use bevy::prelude::*;

use hearme::model::pin::pin_path;
use hearme::worker::{CORNER_HOLD, PinClock, WorkerPage};

use crate::harness::*;
use crate::journal::scratch;
use crate::visit::{FRAME, TEST_PIN, app_on, area, hold_corner, open_area, type_pin};

const WRONG_PIN: &str = "390517";

fn corner_hold(app: &mut App) {
    hold_corner(app, CORNER_HOLD + FRAME * 2);
}

fn pin_message(app: &mut App) -> String {
    if has_named(app, "PIN message") {
        text_under(app, "PIN message")
    } else {
        String::new()
    }
}

fn dots(app: &mut App) -> usize {
    let mut names = app.world_mut().query::<&Name>();
    names
        .iter(app.world())
        .filter(|name| name.as_str() == "PIN dot")
        .count()
}

#[test]
fn first_use_chooses_a_pin_and_only_its_hash_is_stored() {
    let data = scratch("pin-first-use");
    let mut app = app_on(&data);
    corner_hold(&mut app);
    assert_eq!(area(&app), (true, WorkerPage::Pin));
    assert!(text_under(&mut app, "Page title").contains("Choose a worker PIN"));
    assert!(!has_named(&mut app, "Start visit button"));

    type_pin(&mut app, "123456");
    assert!(
        pin_message(&mut app).contains("too easy"),
        "{}",
        pin_message(&mut app)
    );
    type_pin(&mut app, "4729");
    assert!(pin_message(&mut app).contains("6 to 12 digits"));

    type_pin(&mut app, TEST_PIN);
    assert!(text_under(&mut app, "Page title").contains("again"));
    type_pin(&mut app, WRONG_PIN);
    assert!(pin_message(&mut app).contains("different"));
    assert!(
        !pin_path(&data).exists(),
        "nothing is stored before the PIN is confirmed"
    );

    type_pin(&mut app, TEST_PIN);
    type_pin(&mut app, TEST_PIN);
    assert_eq!(area(&app), (true, WorkerPage::Home));
    let stored = std::fs::read_to_string(pin_path(&data)).unwrap();
    assert!(!stored.contains(TEST_PIN), "{stored}");
    assert!(stored.contains("hash"));
}

#[test]
fn the_digits_typed_are_never_shown() {
    let data = scratch("pin-not-echoed");
    let mut app = app_on(&data);
    corner_hold(&mut app);
    for digit in "2704".chars() {
        tap_named(&mut app, &format!("PIN key {digit}"));
    }
    assert_eq!(dots(&mut app), 4);
    let page = text_under(&mut app, "Worker page");
    assert!(!page.contains("2704"), "{page}");
    tap_named(&mut app, "PIN key Delete");
    assert_eq!(dots(&mut app), 3);
}

#[test]
fn a_wrong_pin_opens_nothing_and_hand_back_locks_the_area_again() {
    let data = scratch("pin-gate");
    let mut app = app_on(&data);
    open_area(&mut app);
    assert_eq!(area(&app), (true, WorkerPage::Home));
    tap_named(&mut app, "Back to board button");
    assert!(!area(&app).0);

    corner_hold(&mut app);
    assert_eq!(area(&app), (true, WorkerPage::Pin));
    assert!(text_under(&mut app, "Page title").contains("Worker PIN"));
    assert!(text_under(&mut app, "Forgotten PIN").contains("wiping"));
    type_pin(&mut app, WRONG_PIN);
    assert_eq!(area(&app), (true, WorkerPage::Pin));
    assert!(pin_message(&mut app).contains("4 more tries"));
    assert!(!has_named(&mut app, "Start visit button"));

    tap_named(&mut app, "PIN leave button");
    assert!(!area(&app).0, "the child's screen is back");
    corner_hold(&mut app);
    type_pin(&mut app, TEST_PIN);
    assert_eq!(area(&app), (true, WorkerPage::Home));
}

#[test]
fn five_wrong_pins_lock_the_pad_even_across_a_restart() {
    let data = scratch("pin-lockout");
    let mut app = app_on(&data);
    open_area(&mut app);
    tap_named(&mut app, "Back to board button");
    corner_hold(&mut app);
    for _ in 0..5 {
        type_pin(&mut app, WRONG_PIN);
    }
    assert!(
        pin_message(&mut app).contains("locked for 30 s"),
        "{}",
        pin_message(&mut app)
    );
    type_pin(&mut app, TEST_PIN);
    assert_eq!(
        area(&app).1,
        WorkerPage::Pin,
        "the right PIN is not checked while locked"
    );
    assert!(pin_message(&mut app).contains("no PIN is checked"));
    drop(app);

    let mut restarted = app_on(&data);
    corner_hold(&mut restarted);
    type_pin(&mut restarted, TEST_PIN);
    assert_eq!(
        area(&restarted).1,
        WorkerPage::Pin,
        "still locked after a restart"
    );

    restarted.world_mut().resource_mut::<PinClock>().ahead_s = 31;
    type_pin(&mut restarted, TEST_PIN);
    assert_eq!(area(&restarted), (true, WorkerPage::Home));
}

#[test]
fn the_area_locks_itself_after_five_idle_minutes() {
    let data = scratch("pin-idle");
    let mut app = app_on(&data);
    open_area(&mut app);
    step_time(&mut app, Duration::from_secs(30));
    for _ in 0..8 {
        app.update();
    }
    assert_eq!(
        area(&app),
        (true, WorkerPage::Home),
        "4 minutes idle: still open"
    );
    for _ in 0..3 {
        app.update();
    }
    assert!(!area(&app).0, "past 5 minutes idle the area has locked");

    step_time(&mut app, FRAME);
    corner_hold(&mut app);
    assert_eq!(
        area(&app),
        (true, WorkerPage::Pin),
        "and it asks for the PIN again"
    );
}

#[test]
fn taps_keep_the_area_open() {
    let data = scratch("pin-busy");
    let mut app = app_on(&data);
    open_area(&mut app);
    step_time(&mut app, Duration::from_secs(60));
    for _ in 0..8 {
        // A tap takes three frames here: three minutes; eight of them, 24 minutes in all.
        tap_named(&mut app, "Change PIN button");
        tap_named(&mut app, "PIN leave button");
    }
    assert_eq!(area(&app), (true, WorkerPage::Home));
}

#[test]
fn an_unreadable_pin_file_keeps_the_area_shut_and_says_why() {
    let data = scratch("pin-broken");
    std::fs::create_dir_all(data.join("worker")).unwrap();
    std::fs::write(pin_path(&data), "(v: 1, salt: \"zz\"").unwrap();
    let mut app = app_on(&data);
    corner_hold(&mut app);
    assert_eq!(area(&app), (true, WorkerPage::Pin));
    let page = text_under(&mut app, "Worker page");
    assert!(page.contains("pin.ron"), "{page}");
    assert!(page.contains("stays locked"), "{page}");
    assert!(!has_named(&mut app, "PIN key 1"), "no pad to type on");
    assert_eq!(
        std::fs::read_to_string(pin_path(&data)).unwrap(),
        "(v: 1, salt: \"zz\"",
        "the file is kept as it was"
    );
}

#[test]
fn the_keys_stay_put_when_a_message_comes_and_goes_upright() {
    let data = scratch("pin-upright");
    let mut app = app_on(&data);
    turn_window(&mut app, 800.0, 1280.0);
    corner_hold(&mut app);
    let key = named(&mut app, "PIN key 5");
    let before = rect_of(&mut app, key);
    type_pin(&mut app, "123456");
    assert!(pin_message(&mut app).contains("too easy"));
    let key = named(&mut app, "PIN key 5");
    assert_eq!(rect_of(&mut app, key), before, "with the message");
    tap_named(&mut app, "PIN key 2");
    assert_eq!(pin_message(&mut app), "");
    let key = named(&mut app, "PIN key 5");
    assert_eq!(rect_of(&mut app, key), before, "once it has gone");
}
