//! The access rules in the app, driven through Bevy's input messages (fingers, the pointer,
//! keys) on a clock that steps by hand: each touch accommodation, dwell, and switch scanning
//! with its quiet cues (docs/access.md).

use std::time::Duration;

use bevy::input::touch::TouchPhase;
use bevy::prelude::*;

use hearme::Content;
use hearme::board::BoardCell;
use hearme::input::{
    Dwelling, Holding, KeyFocus, ScanHighlight, simulate_finger, simulate_key, simulate_pointer,
};
use hearme::message_bar::Message;
use hearme::model::access::{AccessSettings, ActivateOn, ScanMode, Switches};
use hearme::voice::{CUE_GAIN, PlaybackLog, VoiceSettings};

use crate::harness::*;

/// One frame of the hand-stepped clock.
const FRAME: Duration = Duration::from_millis(50);

fn app_for(access: AccessSettings) -> App {
    let mut content = Content::built_in();
    content.settings.access = access;
    let mut app = app_with(content, 1280, 800);
    step_time(&mut app, FRAME);
    settle(&mut app);
    app
}

fn words(app: &App) -> Vec<String> {
    let message = app.world().resource::<Message>();
    message.items.iter().map(|i| i.word.clone()).collect()
}

fn frames(app: &mut App, time: Duration) {
    for _ in 0..time.as_millis().div_ceil(FRAME.as_millis()) {
        app.update();
    }
}

fn centre_of(app: &mut App, cell: &str) -> Vec2 {
    let entity = cell_entity(app, "home", cell).expect("the cell is on the home board");
    rect_of(app, entity).0
}

fn finger(app: &mut App, id: u64, at: Vec2, phase: TouchPhase) {
    simulate_finger(app, id, at, phase);
    app.update();
}

#[test]
fn on_release_a_word_is_chosen_when_the_finger_lifts_and_on_press_when_it_lands() {
    let mut app = app_for(AccessSettings::default());
    let want = centre_of(&mut app, "want");
    finger(&mut app, 1, want, TouchPhase::Started);
    assert!(
        words(&app).is_empty(),
        "nothing chosen while the finger is down"
    );
    finger(&mut app, 1, want, TouchPhase::Ended);
    assert_eq!(words(&app), ["want"]);

    let mut app = app_for(AccessSettings {
        activate_on: ActivateOn::Press,
        ..default()
    });
    finger(&mut app, 1, want, TouchPhase::Started);
    assert_eq!(words(&app), ["want"], "chosen the moment the finger lands");
    finger(&mut app, 1, want, TouchPhase::Ended);
    assert_eq!(words(&app), ["want"], "lifting does not choose it again");
}

#[test]
fn a_hold_fills_the_cell_and_a_shorter_touch_chooses_nothing() {
    let mut app = app_for(AccessSettings {
        hold_ms: 1000,
        ..default()
    });
    let want = centre_of(&mut app, "want");
    let cell = cell_entity(&mut app, "home", "want").unwrap();
    finger(&mut app, 1, want, TouchPhase::Started);
    frames(&mut app, Duration::from_millis(400));
    let fill = app.world().get::<Holding>(cell).expect("the hold shows").0;
    assert!(
        (0.3..0.7).contains(&fill),
        "the fill grows with the hold: {fill}"
    );
    finger(&mut app, 1, want, TouchPhase::Ended);
    assert!(words(&app).is_empty(), "lifted before the hold time");
    assert!(app.world().get::<Holding>(cell).is_none());

    finger(&mut app, 1, want, TouchPhase::Started);
    frames(&mut app, Duration::from_millis(1100));
    finger(&mut app, 1, want, TouchPhase::Ended);
    assert_eq!(words(&app), ["want"]);
}

#[test]
fn repeats_within_the_quiet_time_are_ignored_on_every_control() {
    let mut app = app_for(AccessSettings {
        debounce_ms: 400,
        ..default()
    });
    let (want, more) = (centre_of(&mut app, "want"), centre_of(&mut app, "more"));
    tap(&mut app, want);
    tap(&mut app, more);
    assert_eq!(
        words(&app),
        ["want"],
        "a tremor's second tap, on another cell too"
    );
    frames(&mut app, Duration::from_millis(500));
    tap(&mut app, more);
    assert_eq!(words(&app), ["want", "more"]);
}

#[test]
fn while_one_finger_is_down_the_others_are_ignored() {
    let mut app = app_for(AccessSettings::default());
    let (want, more) = (centre_of(&mut app, "want"), centre_of(&mut app, "more"));
    finger(&mut app, 1, want, TouchPhase::Started);
    // The heel of the hand lands on another cell and lifts.
    finger(&mut app, 2, more, TouchPhase::Started);
    finger(&mut app, 2, more, TouchPhase::Ended);
    assert!(words(&app).is_empty(), "the second finger chose nothing");
    finger(&mut app, 1, want, TouchPhase::Ended);
    assert_eq!(words(&app), ["want"]);
}

#[test]
fn a_touch_that_slides_too_far_or_lifts_on_another_cell_cancels() {
    let mut app = app_for(AccessSettings {
        slide_cancel_mm: 5,
        ..default()
    });
    let want = centre_of(&mut app, "want");
    // 40 px is more than 5 mm, but still inside the cell.
    let slid = want + Vec2::new(0.0, 40.0);
    finger(&mut app, 1, want, TouchPhase::Started);
    finger(&mut app, 1, slid, TouchPhase::Moved);
    finger(&mut app, 1, slid, TouchPhase::Ended);
    assert!(words(&app).is_empty(), "slid 40 px with a 5 mm limit");

    let mut app = app_for(AccessSettings::default());
    finger(&mut app, 1, want, TouchPhase::Started);
    finger(&mut app, 1, slid, TouchPhase::Moved);
    finger(&mut app, 1, slid, TouchPhase::Ended);
    assert_eq!(
        words(&app),
        ["want"],
        "with no limit, a slide inside the cell counts"
    );

    let more = centre_of(&mut app, "more");
    finger(&mut app, 1, want, TouchPhase::Started);
    finger(&mut app, 1, more, TouchPhase::Moved);
    finger(&mut app, 1, more, TouchPhase::Ended);
    assert_eq!(
        words(&app),
        ["want"],
        "lifted on another cell: neither is chosen"
    );
}

#[test]
fn a_landing_finger_clicks_when_the_child_settings_ask() {
    let clicks = |app: &App| app.world().resource::<PlaybackLog>().clicks;
    let mut app = app_for(AccessSettings {
        click_sound: true,
        ..default()
    });
    let want = centre_of(&mut app, "want");
    finger(&mut app, 1, want, TouchPhase::Started);
    assert_eq!(clicks(&app), 1, "the click comes as the finger lands");
    finger(&mut app, 1, want, TouchPhase::Ended);
    assert_eq!(clicks(&app), 1);

    let mut app = app_for(AccessSettings::default());
    tap(&mut app, want);
    assert_eq!(clicks(&app), 0);
}

#[test]
fn a_resting_pointer_chooses_with_a_countdown_then_waits_before_the_next() {
    let mut app = app_for(AccessSettings {
        dwell_ms: 1000,
        dwell_pause_ms: 1000,
        ..default()
    });
    let (want, more) = (centre_of(&mut app, "want"), centre_of(&mut app, "more"));
    let cell = cell_entity(&mut app, "home", "want").unwrap();
    simulate_pointer(&mut app, want);
    frames(&mut app, Duration::from_millis(500));
    let ring = app
        .world()
        .get::<Dwelling>(cell)
        .expect("the countdown shows")
        .0;
    assert!((0.3..0.7).contains(&ring), "half way round: {ring}");
    assert!(words(&app).is_empty());
    frames(&mut app, Duration::from_millis(600));
    assert_eq!(words(&app), ["want"]);
    frames(&mut app, Duration::from_millis(2000));
    assert_eq!(words(&app), ["want"], "resting on, it is not chosen again");
    simulate_pointer(&mut app, more);
    frames(&mut app, Duration::from_millis(1500));
    assert_eq!(words(&app), ["want", "more"]);
}

fn scanning(mode: ScanMode, switches: Switches, speak_items: bool) -> AccessSettings {
    let mut access = AccessSettings::default();
    access.scan.mode = mode;
    access.scan.switches = switches;
    access.scan.interval_ms = 500;
    access.scan.speak_items = speak_items;
    access
}

fn lit(app: &mut App) -> Vec<Entity> {
    let mut query = app
        .world_mut()
        .query_filtered::<Entity, With<ScanHighlight>>();
    query.iter(app.world()).collect()
}

/// The word cell lit now, if one alone is.
fn lit_word(app: &mut App) -> Option<String> {
    let [one] = lit(app)[..] else { return None };
    let cell = app.world().get::<BoardCell>(one)?.clone();
    let board = app.world().resource::<hearme::Content>().vocabulary.clone();
    let found = board
        .board(&cell.board)?
        .cells
        .iter()
        .find(|c| c.id == cell.cell)?;
    (!found.is_folder()).then(|| found.word.clone())
}

fn press_key(app: &mut App, key: KeyCode) {
    simulate_key(app, key, true);
    app.update();
    simulate_key(app, key, false);
    app.update();
}

#[test]
fn one_switch_linear_scanning_moves_by_itself_and_the_switch_chooses_the_lit_word() {
    let mut app = app_for(scanning(ScanMode::Linear, Switches::One, false));
    let first = lit(&mut app);
    assert_eq!(first.len(), 1, "one control lit at a time");
    frames(&mut app, Duration::from_millis(550));
    assert_ne!(lit(&mut app), first, "the highlight moved on by itself");
    let mut steps = 0;
    while lit_word(&mut app).is_none() && steps < 40 {
        frames(&mut app, Duration::from_millis(500));
        steps += 1;
    }
    let word = lit_word(&mut app).expect("the scan reaches a word cell");
    press_key(&mut app, KeyCode::Space);
    assert_eq!(words(&app), [word]);
}

#[test]
fn row_column_scanning_lights_a_row_then_its_controls() {
    let mut app = app_for(scanning(ScanMode::RowColumn, Switches::Two, false));
    let row = lit(&mut app);
    assert!(row.len() > 1, "a whole row is lit: {row:?}");
    frames(&mut app, Duration::from_millis(2000));
    assert_eq!(lit(&mut app), row, "with two switches the highlight waits");
    // Down to the third row (the first with cells in landscape), then into it.
    press_key(&mut app, KeyCode::Enter);
    let second = lit(&mut app);
    assert_ne!(second, row);
    press_key(&mut app, KeyCode::Space);
    let inside = lit(&mut app);
    assert_eq!(inside.len(), 1, "one control of the chosen row");
    assert!(second.contains(&inside[0]));
    press_key(&mut app, KeyCode::Enter);
    let next = lit(&mut app);
    assert!(next.len() == 1 && second.contains(&next[0]) && next != inside);
}

#[test]
fn two_switches_one_moves_and_one_chooses() {
    let mut app = app_for(scanning(ScanMode::Linear, Switches::Two, false));
    while lit_word(&mut app).is_none() && words(&app).is_empty() {
        press_key(&mut app, KeyCode::Enter);
    }
    let word = lit_word(&mut app).unwrap();
    press_key(&mut app, KeyCode::Space);
    assert_eq!(words(&app), [word]);
}

#[test]
fn auditory_scanning_says_each_lit_word_quietly() {
    let mut app = app_for(scanning(ScanMode::Linear, Switches::Two, true));
    while lit_word(&mut app).is_none() {
        press_key(&mut app, KeyCode::Enter);
    }
    let word = lit_word(&mut app).unwrap();
    let volume = app.world().resource::<VoiceSettings>().volume;
    let log = app.world().resource::<PlaybackLog>();
    let cue = log.utterances.last().expect("the lit word was said");
    let clip = cue.clips[0]
        .file_stem()
        .unwrap()
        .to_string_lossy()
        .to_lowercase();
    assert!(clip.contains(&word.to_lowercase()), "{clip} says {word}");
    let quiet = CUE_GAIN * volume;
    assert!(
        (cue.volume - quiet).abs() < 1e-3,
        "{} instead of {quiet}",
        cue.volume
    );
    assert!(words(&app).is_empty(), "saying it chose nothing");

    let mut app = app_for(scanning(ScanMode::Linear, Switches::Two, false));
    while lit_word(&mut app).is_none() {
        press_key(&mut app, KeyCode::Enter);
    }
    assert!(app.world().resource::<PlaybackLog>().utterances.is_empty());
}

#[test]
fn after_a_folder_opens_the_scan_starts_again_at_the_top() {
    let mut app = app_for(scanning(ScanMode::Linear, Switches::Two, false));
    let top = lit(&mut app);
    let folder = |app: &mut App| {
        let [one] = lit(app)[..] else { return false };
        app.world().get::<BoardCell>(one).is_some() && lit_word(app).is_none()
    };
    while !folder(&mut app) {
        press_key(&mut app, KeyCode::Enter);
    }
    let board_before = cells_on_screen(&mut app);
    press_key(&mut app, KeyCode::Space);
    app.update();
    assert_ne!(cells_on_screen(&mut app), board_before, "the folder opened");
    assert_eq!(lit(&mut app), top, "lit from the first control again");
}

fn focused(app: &mut App) -> Option<Entity> {
    let mut query = app.world_mut().query_filtered::<Entity, With<KeyFocus>>();
    let all: Vec<Entity> = query.iter(app.world()).collect();
    assert!(all.len() <= 1, "one focus ring at most");
    all.first().copied()
}

#[test]
fn tab_goes_through_the_controls_and_enter_chooses_the_focused_word() {
    let mut app = app_for(AccessSettings::default());
    assert_eq!(focused(&mut app), None, "no ring until a key is pressed");
    press_key(&mut app, KeyCode::Tab);
    let first = focused(&mut app).expect("Tab puts the ring on the first control");
    press_key(&mut app, KeyCode::Tab);
    let second = focused(&mut app).unwrap();
    assert_ne!(first, second);
    simulate_key(&mut app, KeyCode::ShiftLeft, true);
    press_key(&mut app, KeyCode::Tab);
    simulate_key(&mut app, KeyCode::ShiftLeft, false);
    assert_eq!(focused(&mut app), Some(first), "Shift+Tab goes back");

    let mut presses = 0;
    let word = loop {
        press_key(&mut app, KeyCode::Tab);
        presses += 1;
        let cell = focused(&mut app).and_then(|e| app.world().get::<BoardCell>(e).cloned());
        if let Some(cell) = cell.filter(|c| c.cell == "want") {
            break cell.cell;
        }
        assert!(presses < 60, "Tab reaches every cell");
    };
    press_key(&mut app, KeyCode::Enter);
    assert_eq!(words(&app), [word]);
    press_key(&mut app, KeyCode::Space);
    assert_eq!(words(&app), ["want", "want"]);
}

#[test]
fn the_arrow_keys_move_within_the_grid() {
    let mut app = app_for(AccessSettings::default());
    let want = cell_entity(&mut app, "home", "want").unwrap();
    while focused(&mut app) != Some(want) {
        press_key(&mut app, KeyCode::Tab);
    }
    let (at, _) = rect_of(&mut app, want);
    press_key(&mut app, KeyCode::ArrowDown);
    let below = focused(&mut app).unwrap();
    let (down, _) = rect_of(&mut app, below);
    assert!(
        down.y > at.y + 50.0 && (down.x - at.x).abs() < 20.0,
        "{at} then {down}"
    );
    press_key(&mut app, KeyCode::ArrowUp);
    assert_eq!(focused(&mut app), Some(want));
    press_key(&mut app, KeyCode::ArrowRight);
    let next = focused(&mut app).unwrap();
    let (right, _) = rect_of(&mut app, next);
    assert!(
        right.x > at.x && (right.y - at.y).abs() < 20.0,
        "{at} then {right}"
    );
}

#[test]
fn while_scanning_the_keys_are_switches_and_move_no_focus_ring() {
    let mut app = app_for(scanning(ScanMode::Linear, Switches::Two, false));
    press_key(&mut app, KeyCode::Tab);
    press_key(&mut app, KeyCode::Enter);
    assert_eq!(focused(&mut app), None);
}

#[test]
fn every_key_name_a_worker_may_type_is_a_key_bevy_reports() {
    use KeyCode::*;
    let mut codes = vec![
        Space,
        Enter,
        NumpadEnter,
        Tab,
        Backspace,
        Escape,
        ArrowUp,
        ArrowDown,
        ArrowLeft,
        ArrowRight,
        PageUp,
        PageDown,
        Home,
        End,
        Insert,
        Delete,
        ShiftLeft,
        ShiftRight,
        ControlLeft,
        ControlRight,
        AltLeft,
        AltRight,
        MediaPlayPause,
        MediaTrackNext,
        MediaTrackPrevious,
        AudioVolumeUp,
        AudioVolumeDown,
    ];
    codes.extend([
        Digit0, Digit1, Digit2, Digit3, Digit4, Digit5, Digit6, Digit7, Digit8, Digit9,
    ]);
    codes.extend([
        Numpad0, Numpad1, Numpad2, Numpad3, Numpad4, Numpad5, Numpad6, Numpad7, Numpad8, Numpad9,
    ]);
    codes.extend([
        KeyA, KeyB, KeyC, KeyD, KeyE, KeyF, KeyG, KeyH, KeyI, KeyJ, KeyK, KeyL, KeyM, KeyN, KeyO,
        KeyP, KeyQ, KeyR, KeyS, KeyT, KeyU, KeyV, KeyW, KeyX, KeyY, KeyZ,
    ]);
    codes.extend([
        F1, F2, F3, F4, F5, F6, F7, F8, F9, F10, F11, F12, F13, F14, F15, F16, F17, F18, F19, F20,
        F21, F22, F23, F24,
    ]);
    let mut reported: Vec<String> = codes.iter().map(|c| format!("{c:?}")).collect();
    let mut accepted = hearme::model::access::keys::all_key_names();
    reported.sort();
    accepted.sort();
    assert_eq!(accepted, reported);
}
