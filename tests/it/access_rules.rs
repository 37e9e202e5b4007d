//! The access rules without an app: touch accommodations, dwell and scanning, on a clock the
//! test moves (docs/access.md).

use std::time::Duration;

use hearme::model::access::dwell::DwellRules;
use hearme::model::access::scan::{ScanRules, ScanStep};
use hearme::model::access::touch::{TouchOutcome, TouchRules};
use hearme::model::access::{
    AccessSettings, ActivateOn, PX_PER_MM, ScanMode, ScanSettings, Switches,
};

fn ms(n: u64) -> Duration {
    Duration::from_millis(n)
}

fn activated(out: &[TouchOutcome<u8>]) -> Vec<u8> {
    out.iter()
        .filter_map(|o| match o {
            TouchOutcome::Activate(t) => Some(*t),
            _ => None,
        })
        .collect()
}

fn touch(settings: AccessSettings) -> TouchRules<u8> {
    TouchRules::new(&settings)
}

#[test]
fn a_touch_shows_pressed_at_once_and_activates_on_release_over_its_control_only() {
    let mut rules = touch(AccessSettings::default());
    let down = rules.finger_down(1, Some(7), [10.0, 10.0], ms(0));
    assert_eq!(
        down,
        vec![TouchOutcome::Pressed(7)],
        "feedback the moment it lands"
    );
    assert_eq!(activated(&rules.finger_up(1, Some(7), ms(80))), vec![7]);

    rules.finger_down(1, Some(7), [10.0, 10.0], ms(1000));
    let slid = rules.finger_moved(1, Some(8), [200.0, 10.0]);
    assert_eq!(slid, vec![TouchOutcome::Unpressed(7)]);
    assert!(
        activated(&rules.finger_up(1, Some(8), ms(1100))).is_empty(),
        "released outside the control: cancelled"
    );
}

#[test]
fn on_press_a_control_activates_when_the_finger_lands_or_when_the_hold_is_full() {
    let mut rules = touch(AccessSettings {
        activate_on: ActivateOn::Press,
        ..AccessSettings::default()
    });
    assert_eq!(
        activated(&rules.finger_down(1, Some(3), [0.0, 0.0], ms(0))),
        vec![3]
    );
    assert!(
        activated(&rules.finger_up(1, Some(3), ms(50))).is_empty(),
        "once"
    );

    let mut held = touch(AccessSettings {
        activate_on: ActivateOn::Press,
        hold_ms: 500,
        ..AccessSettings::default()
    });
    assert!(activated(&held.finger_down(1, Some(3), [0.0, 0.0], ms(0))).is_empty());
    let (target, fill) = held.hold_progress(ms(250)).unwrap();
    assert_eq!(target, 3);
    assert!((fill - 0.5).abs() < 0.01, "the fill is half grown: {fill}");
    assert!(activated(&held.tick(ms(499))).is_empty());
    assert_eq!(activated(&held.tick(ms(500))), vec![3]);
}

#[test]
fn a_touch_shorter_than_the_hold_time_is_ignored() {
    let mut rules = touch(AccessSettings {
        hold_ms: 400,
        ..AccessSettings::default()
    });
    rules.finger_down(1, Some(2), [0.0, 0.0], ms(0));
    assert!(activated(&rules.finger_up(1, Some(2), ms(399))).is_empty());
    rules.finger_down(1, Some(2), [0.0, 0.0], ms(1000));
    assert_eq!(activated(&rules.finger_up(1, Some(2), ms(1400))), vec![2]);
}

#[test]
fn a_repeat_within_the_debounce_time_is_ignored_on_any_control() {
    let mut rules = touch(AccessSettings {
        debounce_ms: 400,
        ..AccessSettings::default()
    });
    let mut tap = |target, at| {
        rules.finger_down(1, Some(target), [0.0, 0.0], ms(at));
        activated(&rules.finger_up(1, Some(target), ms(at + 30)))
    };
    assert_eq!(tap(1, 0), vec![1]);
    assert!(tap(1, 200).is_empty(), "the tremor's second tap");
    assert!(tap(2, 300).is_empty(), "on a neighbour too");
    assert_eq!(tap(2, 500), vec![2], "400 ms after the last that counted");
}

#[test]
fn a_second_finger_is_ignored_while_the_first_is_down() {
    let mut rules = touch(AccessSettings::default());
    rules.finger_down(1, Some(1), [0.0, 0.0], ms(0));
    assert!(
        rules
            .finger_down(2, Some(2), [300.0, 0.0], ms(10))
            .is_empty()
    );
    assert!(activated(&rules.finger_up(2, Some(2), ms(40))).is_empty());
    assert_eq!(activated(&rules.finger_up(1, Some(1), ms(60))), vec![1]);
    // A hand on the background (no control) blocks nothing.
    rules.finger_down(3, None, [0.0, 0.0], ms(100));
    rules.finger_down(4, Some(5), [10.0, 0.0], ms(110));
    assert_eq!(activated(&rules.finger_up(4, Some(5), ms(150))), vec![5]);
}

#[test]
fn a_touch_that_slides_further_than_the_set_distance_is_cancelled_even_on_its_control() {
    let mut rules = touch(AccessSettings {
        slide_cancel_mm: 5,
        ..AccessSettings::default()
    });
    rules.finger_down(1, Some(1), [0.0, 0.0], ms(0));
    assert!(
        rules
            .finger_moved(1, Some(1), [4.0 * PX_PER_MM, 0.0])
            .is_empty()
    );
    assert_eq!(
        rules.finger_moved(1, Some(1), [6.0 * PX_PER_MM, 0.0]),
        vec![TouchOutcome::Unpressed(1)]
    );
    assert!(activated(&rules.finger_up(1, Some(1), ms(100))).is_empty());
}

#[test]
fn dwell_activates_after_resting_once_then_waits_for_the_pause_and_for_leaving() {
    let mut dwell = DwellRules::new(ms(1000), ms(500));
    dwell.pointer_over(Some(1u8), ms(0));
    assert_eq!(dwell.tick(ms(999)), None);
    let (_, half) = dwell.progress(ms(500)).unwrap();
    assert!((half - 0.5).abs() < 0.01);
    assert_eq!(dwell.tick(ms(1000)), Some(1));
    assert_eq!(dwell.tick(ms(5000)), None, "still resting on it: once");
    // Straight onto the next: its countdown starts only after the pause.
    dwell.pointer_over(Some(2), ms(1100));
    assert_eq!(dwell.tick(ms(2100)), None);
    assert_eq!(dwell.tick(ms(2500)), Some(2));
    // Moving off before the time resets the countdown.
    dwell.pointer_over(Some(3), ms(4000));
    dwell.pointer_over(None, ms(4600));
    dwell.pointer_over(Some(3), ms(4700));
    assert_eq!(dwell.tick(ms(5600)), None);
    assert_eq!(dwell.tick(ms(5700)), Some(3));
}

fn scan(mode: ScanMode, switches: Switches) -> ScanRules<u8> {
    ScanRules::new(&ScanSettings {
        mode,
        switches,
        interval_ms: 1000,
        loops: 2,
        ..ScanSettings::default()
    })
}

fn lit(step: Option<ScanStep<u8>>) -> Vec<u8> {
    match step {
        Some(ScanStep::Highlight(items)) => items,
        other => panic!("a highlight, not {other:?}"),
    }
}

#[test]
fn one_switch_linear_scanning_steps_each_interval_selects_and_pauses_after_its_loops() {
    let mut rules = scan(ScanMode::Linear, Switches::One);
    let first = rules.set_controls(vec![vec![1, 2], vec![3]], ms(0));
    assert_eq!(first, ScanStep::Highlight(vec![1]));
    assert_eq!(rules.tick(ms(999)), None);
    assert_eq!(lit(rules.tick(ms(1000))), vec![2]);
    assert_eq!(lit(rules.tick(ms(2000))), vec![3]);
    assert_eq!(rules.select(ms(2500)), Some(ScanStep::Activate(3)));
    assert_eq!(rules.highlighted(), vec![1], "starts again at the top");
    // Two rounds with no selection, then it pauses until the switch is pressed.
    for at in [3500, 4500, 5500, 6500, 7500] {
        rules.tick(ms(at));
    }
    assert_eq!(rules.tick(ms(8500)), Some(ScanStep::Paused));
    assert_eq!(rules.tick(ms(20_000)), None, "paused");
    assert_eq!(lit(rules.select(ms(21_000))), vec![1], "a press wakes it");
}

#[test]
fn row_column_scanning_opens_a_row_then_its_controls_and_falls_back_to_rows() {
    let mut rules = scan(ScanMode::RowColumn, Switches::One);
    let rows = rules.set_controls(vec![vec![1, 2, 3], vec![4, 5]], ms(0));
    assert_eq!(rows, ScanStep::Highlight(vec![1, 2, 3]));
    assert_eq!(lit(rules.tick(ms(1000))), vec![4, 5]);
    assert_eq!(lit(rules.select(ms(1200))), vec![4], "the row opens");
    assert_eq!(lit(rules.tick(ms(2200))), vec![5]);
    assert_eq!(rules.select(ms(2500)), Some(ScanStep::Activate(5)));
    assert_eq!(rules.highlighted(), vec![1, 2, 3]);
    // Inside a row, no choice for `loops` rounds goes back to the rows.
    rules.tick(ms(3500));
    rules.select(ms(3600));
    for at in [4600, 5600, 6600, 7600] {
        rules.tick(ms(at));
    }
    assert_eq!(rules.highlighted(), vec![4, 5], "back to choosing rows");
}

#[test]
fn two_switches_move_only_when_pressed_and_a_new_screen_starts_at_its_first_row() {
    let mut rules = scan(ScanMode::Linear, Switches::Two);
    rules.set_controls(vec![vec![1, 2, 3]], ms(0));
    assert_eq!(rules.tick(ms(60_000)), None, "nothing moves by itself");
    assert_eq!(lit(rules.move_on(ms(60_100))), vec![2]);
    assert_eq!(lit(rules.move_on(ms(60_200))), vec![3]);
    assert_eq!(
        lit(rules.move_on(ms(60_300))),
        vec![1],
        "round again, never paused"
    );
    rules.move_on(ms(60_400));
    assert_eq!(
        rules.set_controls(vec![vec![9, 8]], ms(61_000)),
        ScanStep::Highlight(vec![9])
    );
}

#[test]
fn access_settings_out_of_range_are_refused_in_words() {
    let mut settings = AccessSettings {
        hold_ms: 5000,
        ..AccessSettings::default()
    };
    assert!(settings.check().unwrap_err().contains("hold"));
    settings.hold_ms = 0;
    settings.scan.mode = ScanMode::Linear;
    settings.scan.select_keys.clear();
    assert!(settings.check().unwrap_err().contains("select key"));
    settings.scan.screen_is_switch = true;
    assert!(settings.check().is_ok());
}

#[test]
fn typed_key_names_take_bevys_spelling_and_an_unknown_one_is_refused_by_name() {
    use hearme::model::access::keys::{is_key_name, key_name};
    for (typed, name) in [
        ("space", "Space"),
        (" Enter ", "Enter"),
        ("a", "KeyA"),
        ("1", "Digit1"),
        ("f8", "F8"),
        ("numpad5", "Numpad5"),
        ("keyb", "KeyB"),
        ("arrowup", "ArrowUp"),
    ] {
        assert_eq!(key_name(typed), name, "{typed:?}");
        assert!(is_key_name(name), "{name}");
    }
    for wrong in ["Spcae", "F0", "F25", "KeyAB", "Digit10", ""] {
        assert!(!is_key_name(wrong), "{wrong:?}");
    }
    let mut settings = AccessSettings::default();
    settings.scan.select_keys = vec!["Space".into(), "Spcae".into()];
    let refused = settings.check().unwrap_err();
    assert!(refused.contains("\"Spcae\""), "{refused}");
}
