//! The shown profile's access page (docs/access.md): how the child's touches count, dwell, and
//! switch scanning. Each choice is saved at once with the profile's settings and the child's
//! screens follow it when the worker area closes (the worker area itself keeps plain taps).

use bevy::prelude::*;
use bevy::text::EditableText;
use bevy::ui_widgets::observe;

use super::choices::{ChoiceRow, choice_rows, column, on_off, option, setting_name, values};
use super::{FormField, PageRoot, PageTurn, WorkerPage, field_text, new_page};
use crate::Content;
use crate::input::Activate;
use crate::model::access::{AccessSettings, ActivateOn, ScanMode, Switches};
use crate::model::child_settings;
use crate::theme::{button, filled_text_field, outcome_line, row, title};

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<AccessOutcome>()
        .add_systems(OnEnter(WorkerPage::Access), build_access)
        .add_systems(
            Update,
            build_access
                .run_if(resource_changed::<AccessOutcome>.and_then(in_state(WorkerPage::Access))),
        );
}

#[derive(Resource, Default)]
struct AccessOutcome(Option<Result<String, String>>);

#[derive(Component, Debug, Clone, Copy, PartialEq)]
enum Choice {
    On(ActivateOn),
    Hold(u16),
    Debounce(u16),
    Slide(u8),
    Click(bool),
    Dwell(u16),
    Scan(ScanMode),
    Switches(Switches),
    Interval(u16),
    Loops(u8),
    SpeakItems(bool),
    ScreenSwitch(bool),
    Save,
    Back,
}

fn choice(action: Choice) -> impl Bundle {
    (action, observe(press_choice))
}

/// The width of each setting's name: two columns of settings fit a 1280 px landscape page.
const LABEL_PX: f32 = 170.0;

fn seconds(ms: u16) -> String {
    match ms {
        0 => "off".into(),
        ms if ms % 1000 == 0 => format!("{} s", ms / 1000),
        ms => format!("{:.1} s", f32::from(ms) / 1000.0),
    }
}

fn touch_rows(a: &AccessSettings) -> Vec<ChoiceRow<Choice>> {
    let on_press = a.activate_on == ActivateOn::Press;
    vec![
        (
            "A touch counts".into(),
            vec![
                option(
                    "Activate on release".into(),
                    "on lifting",
                    Choice::On(ActivateOn::Release),
                    !on_press,
                ),
                option(
                    "Activate on press".into(),
                    "on landing",
                    Choice::On(ActivateOn::Press),
                    on_press,
                ),
            ],
        ),
        (
            "Hold for".into(),
            values(
                "Hold",
                a.hold_ms,
                &[0, 500, 1000, 2000],
                seconds,
                Choice::Hold,
            ),
        ),
        (
            "Ignore repeats for".into(),
            values(
                "Repeats",
                a.debounce_ms,
                &[0, 400, 1000],
                seconds,
                Choice::Debounce,
            ),
        ),
        (
            "A slide cancels after".into(),
            values(
                "Slide",
                a.slide_cancel_mm,
                &[0, 5, 10, 20],
                |mm| match mm {
                    0 => "leaving".to_string(),
                    mm => format!("{mm} mm"),
                },
                Choice::Slide,
            ),
        ),
        (
            "Click on touch".into(),
            on_off("Click", a.click_sound, Choice::Click),
        ),
        (
            "Dwell to choose".into(),
            values(
                "Dwell",
                a.dwell_ms,
                &[0, 1000, 1500, 2000],
                seconds,
                Choice::Dwell,
            ),
        ),
    ]
}

fn scan_rows(a: &AccessSettings) -> Vec<ChoiceRow<Choice>> {
    let s = &a.scan;
    let mode_word = |mode| match mode {
        ScanMode::Off => "off".to_string(),
        ScanMode::Linear => "one by one".to_string(),
        ScanMode::RowColumn => "rows".to_string(),
    };
    let switch_word = |switches| match switches {
        Switches::One => "one".to_string(),
        Switches::Two => "two".to_string(),
    };
    let modes = [ScanMode::Off, ScanMode::Linear, ScanMode::RowColumn];
    vec![
        (
            "Switch scanning".into(),
            values("Scan", s.mode, &modes, mode_word, Choice::Scan),
        ),
        (
            "Switches".into(),
            values(
                "Switches",
                s.switches,
                &[Switches::One, Switches::Two],
                switch_word,
                Choice::Switches,
            ),
        ),
        (
            "Each step (one switch)".into(),
            values(
                "Step",
                s.interval_ms,
                &[1000, 1500, 3000],
                seconds,
                Choice::Interval,
            ),
        ),
        (
            "Rounds before a pause".into(),
            values(
                "Rounds",
                s.loops,
                &[1, 3, 5],
                |n| n.to_string(),
                Choice::Loops,
            ),
        ),
        (
            "Say each item quietly".into(),
            on_off("Say items", s.speak_items, Choice::SpeakItems),
        ),
        (
            "Whole screen is the switch".into(),
            on_off("Screen switch", s.screen_is_switch, Choice::ScreenSwitch),
        ),
    ]
}

fn build_access(
    mut commands: Commands,
    shown: Query<Entity, With<PageRoot>>,
    content: Res<Content>,
    outcome: Res<AccessOutcome>,
    window: Query<&Window, With<bevy::window::PrimaryWindow>>,
) {
    let page = new_page(&mut commands, &shown, WorkerPage::Access);
    let upright = window.single().is_ok_and(|w| w.height() > w.width());
    let access = &content.settings.access;
    let keys = |names: &[String]| names.join(", ");
    commands.entity(page).with_children(|page| {
        page.spawn(title(format!("Access for {}", content.profile)));
        page.spawn(Node {
            flex_direction: if upright {
                FlexDirection::Column
            } else {
                FlexDirection::Row
            },
            column_gap: px(24.0),
            row_gap: px(12.0),
            ..default()
        })
        .with_children(|columns| {
            columns.spawn(column()).with_children(|left| {
                choice_rows(left, touch_rows(access), LABEL_PX, choice);
            });
            columns.spawn(column()).with_children(|right| {
                choice_rows(right, scan_rows(access), LABEL_PX, choice);
                for (said, name, field, value) in [
                    (
                        "Select keys, commas between",
                        "Select keys field",
                        FormField::SelectKeys,
                        keys(&access.scan.select_keys),
                    ),
                    (
                        "Move keys (two switches)",
                        "Move keys field",
                        FormField::MoveKeys,
                        keys(&access.scan.move_keys),
                    ),
                ] {
                    right.spawn(row()).with_children(|line| {
                        line.spawn(setting_name(said, LABEL_PX));
                        line.spawn(filled_text_field(name, field, 260.0, &value));
                    });
                }
            });
        });
        page.spawn(outcome_line("Access message", outcome.0.as_ref()));
        page.spawn(row()).with_children(|line| {
            line.spawn(button("Access save button", "Save", choice(Choice::Save)));
            line.spawn(button("Access back button", "Back", choice(Choice::Back)));
        });
    });
}

/// Key names typed by the worker: "space, 1" is `["Space", "Digit1"]`.
fn key_names(typed: &str) -> Vec<String> {
    typed
        .split(',')
        .map(str::trim)
        .filter(|name| !name.is_empty())
        .map(crate::model::access::keys::key_name)
        .collect()
}

fn press_choice(
    activate: On<Activate>,
    choices: Query<&Choice>,
    fields: Query<(&FormField, &EditableText)>,
    mut content: ResMut<Content>,
    mut outcome: ResMut<AccessOutcome>,
    mut turn: PageTurn,
) {
    let Ok(&action) = choices.get(activate.entity) else {
        return;
    };
    let Some(data) = content.data_dir.clone() else {
        return;
    };
    let mut settings = content.settings.clone();
    let access = &mut settings.access;
    access.scan.select_keys = key_names(&field_text(&fields, FormField::SelectKeys));
    access.scan.move_keys = key_names(&field_text(&fields, FormField::MoveKeys));
    match action {
        Choice::Back => {
            outcome.0 = None;
            turn.show(WorkerPage::ChildSettings);
            return;
        }
        Choice::Save => {}
        Choice::On(on) => access.activate_on = on,
        Choice::Hold(ms) => access.hold_ms = ms,
        Choice::Debounce(ms) => access.debounce_ms = ms,
        Choice::Slide(mm) => access.slide_cancel_mm = mm,
        Choice::Click(on) => access.click_sound = on,
        Choice::Dwell(ms) => access.dwell_ms = ms,
        Choice::Scan(mode) => access.scan.mode = mode,
        Choice::Switches(switches) => access.scan.switches = switches,
        Choice::Interval(ms) => access.scan.interval_ms = ms,
        Choice::Loops(n) => access.scan.loops = n,
        Choice::SpeakItems(on) => access.scan.speak_items = on,
        Choice::ScreenSwitch(on) => access.scan.screen_is_switch = on,
    }
    let label = content.profile.clone();
    outcome.0 = Some(match child_settings::save(&data, &label, &settings) {
        Ok(()) => {
            if content.settings != settings {
                content.settings = settings;
            }
            Ok("Saved. The child's screens follow when the worker area closes.".to_string())
        }
        Err(why) => Err(format!("Not saved: {why}")),
    });
}
