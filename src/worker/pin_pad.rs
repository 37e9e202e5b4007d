//! The PIN pad: the worker area's first page, and the page that sets a new PIN. Big keys, the
//! digits never shown (a dot for each), a lockout that says until when, and a line saying that
//! a forgotten PIN is reset only by wiping the app's data (docs/decisions.md, "PIN").

use std::path::Path;

use bevy::prelude::*;
use bevy::ui_widgets::observe;
use zeroize::Zeroizing;

use super::lock::{PinClock, WorkerLock};
use super::pin_keys::{dots, keys, text_column};
use super::{PageRoot, PageTurn, WorkerPage, new_page};
use crate::Content;
use crate::input::Activate;
use crate::keys::Keys;
use crate::model::audit::{self, Audited};
use crate::model::pin::{self, MAX_DIGITS, PinRecord, Verdict};
use crate::theme::{GAP_PX, body, button, problem, title};

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<PinPad>()
        .add_systems(OnEnter(WorkerPage::Pin), start_unlocking)
        .add_systems(OnEnter(WorkerPage::NewPin), start_choosing)
        .add_systems(OnExit(WorkerPage::Pin), forget_typed)
        .add_systems(OnExit(WorkerPage::NewPin), forget_typed)
        .add_systems(
            Update,
            build_pad.run_if(
                resource_changed::<PinPad>
                    .and_then(in_state(WorkerPage::Pin).or_else(in_state(WorkerPage::NewPin))),
            ),
        );
}

/// What the pad is for, and what has been typed (wiped from memory when it goes).
#[derive(Resource, Default)]
pub struct PinPad {
    typed: Zeroizing<String>,
    stage: Stage,
    message: Option<String>,
}

#[derive(Default)]
enum Stage {
    /// The PIN opens the area.
    #[default]
    Enter,
    /// A new PIN, on first use or to change it.
    Choose { first_use: bool },
    /// The new PIN typed again.
    Confirm {
        first_use: bool,
        chosen: Zeroizing<String>,
    },
    /// The PIN file cannot be read: nothing opens the area.
    Shut,
}

#[derive(Component, Debug, Clone, Copy, PartialEq, Eq)]
pub enum PadKey {
    Digit(u8),
    Delete,
    Done,
    Leave,
}

fn start_unlocking(mut pad: ResMut<PinPad>, lock: Res<WorkerLock>) {
    let stage = match (&lock.problem, &lock.record) {
        (Some(_), _) => Stage::Shut,
        (None, Some(_)) => Stage::Enter,
        (None, None) => Stage::Choose { first_use: true },
    };
    *pad = PinPad { stage, ..default() };
}

fn start_choosing(mut pad: ResMut<PinPad>) {
    *pad = PinPad {
        stage: Stage::Choose { first_use: false },
        ..default()
    };
}

fn forget_typed(mut pad: ResMut<PinPad>) {
    // Dropping the old value wipes it (Zeroizing).
    *pad = PinPad::default();
}

fn build_pad(
    mut commands: Commands,
    shown: Query<Entity, With<PageRoot>>,
    pad: Res<PinPad>,
    lock: Res<WorkerLock>,
    page: Res<State<WorkerPage>>,
) {
    let root = new_page(&mut commands, &shown, *page.get());
    let (heading, help) = match &pad.stage {
        Stage::Enter => ("Worker PIN", "Type the PIN, then OK."),
        Stage::Choose { first_use: true } => (
            "Choose a worker PIN",
            "6 to 12 digits. It opens the worker area and guards the children's data on this \
             tablet. Not a birthday, and not a PIN you use anywhere else.",
        ),
        Stage::Choose { first_use: false } => (
            "Choose a new PIN",
            "6 to 12 digits, not a birthday, and not a PIN you use anywhere else.",
        ),
        Stage::Confirm { .. } => ("Type the new PIN again", "The same digits, then OK."),
        Stage::Shut => ("The worker area cannot open", ""),
    };
    let leave = match pad.stage {
        Stage::Choose { first_use: false }
        | Stage::Confirm {
            first_use: false, ..
        } => "Cancel",
        _ => "Back to the child",
    };
    commands.entity(root).insert(Node {
        position_type: PositionType::Absolute,
        width: percent(100.0),
        height: percent(100.0),
        flex_direction: FlexDirection::Row,
        flex_wrap: FlexWrap::Wrap,
        align_content: AlignContent::Center,
        align_items: AlignItems::Center,
        justify_content: JustifyContent::SpaceEvenly,
        padding: UiRect::all(px(24.0)),
        column_gap: px(GAP_PX * 4.0),
        row_gap: px(GAP_PX * 3.0),
        ..default()
    });
    commands.entity(root).with_children(|page| {
        page.spawn(text_column()).with_children(|column| {
            column.spawn(title(heading));
            column.spawn(body(help));
            if let Some(why) = &lock.problem {
                column.spawn(problem(format!(
                    "The PIN file cannot be read, so the worker area stays locked: {why}. \
                     Ask your IT team: only wiping Hearme's data resets the PIN."
                )));
            }
            if !matches!(pad.stage, Stage::Shut) {
                column.spawn(dots(pad.typed.chars().count()));
            }
            // Always there and room for three lines, so the pad below it in portrait never
            // moves while a message comes and goes.
            column
                .spawn((
                    Name::new("PIN message"),
                    Node {
                        width: percent(100.0),
                        min_height: px(84.0),
                        ..default()
                    },
                ))
                .with_children(|slot| {
                    if let Some(message) = &pad.message {
                        slot.spawn(problem(message.clone()));
                    }
                });
            if matches!(pad.stage, Stage::Enter | Stage::Shut) {
                column.spawn((
                    Name::new("Forgotten PIN"),
                    body(
                        "Forgotten the PIN? It cannot be recovered. Only wiping Hearme's data \
                         resets it, and that deletes every profile and visit on this tablet: \
                         ask your IT team.",
                    ),
                ));
            }
            column.spawn(button("PIN leave button", leave, pad_key(PadKey::Leave)));
        });
        if !matches!(pad.stage, Stage::Shut) {
            page.spawn(keys());
        }
    });
}

pub(super) fn pad_key(which: PadKey) -> impl Bundle {
    (which, observe(press_key))
}

// An observer takes what it changes as its own parameters, as Bevy hands them over.
#[allow(clippy::too_many_arguments)]
fn press_key(
    activate: On<Activate>,
    keys: Query<&PadKey>,
    mut pad: ResMut<PinPad>,
    mut lock: ResMut<WorkerLock>,
    clock: Res<PinClock>,
    mut turn: PageTurn,
    mut unlocked: ResMut<Keys>,
    content: Res<Content>,
) {
    let Ok(which) = keys.get(activate.entity) else {
        return;
    };
    match which {
        PadKey::Digit(d) => {
            if pad.typed.chars().count() < MAX_DIGITS {
                pad.typed.push(char::from(b'0' + d));
            }
            pad.message = None;
        }
        PadKey::Delete => {
            pad.typed.pop();
        }
        PadKey::Leave => match pad.stage {
            Stage::Choose { first_use: false }
            | Stage::Confirm {
                first_use: false, ..
            } => turn.show(WorkerPage::Home),
            _ => turn.close(),
        },
        PadKey::Done => {
            let typed = std::mem::take(&mut pad.typed);
            let data_dir = content.data_dir.as_deref();
            let mut gate = Gate {
                lock: &mut lock,
                clock: &clock,
                keys: &mut unlocked,
                data_dir,
            };
            let (stage, message) = done(std::mem::take(&mut pad.stage), typed, &mut gate);
            match stage {
                Some(stage) => {
                    pad.stage = stage;
                    pad.message = message;
                }
                None => turn.show(WorkerPage::Home),
            }
        }
    }
}

/// What a PIN opens: the stored record and its lockout clock, and the keys.
struct Gate<'a> {
    lock: &'a mut WorkerLock,
    clock: &'a PinClock,
    keys: &'a mut Keys,
    data_dir: Option<&'a Path>,
}

impl Gate<'_> {
    fn audit(&self, what: Audited) {
        if let Some(data_dir) = self.data_dir {
            let _ = audit::record(data_dir, what, None);
        }
    }

    /// Puts a new PIN in force: the tablet's key wrapped under both PINs, the PIN saved, then
    /// the old wrap dropped, so a power cut anywhere leaves a key that opens with the PIN in
    /// force. The first PIN makes the tablet's key.
    fn set_pin(&mut self, chosen: &str, first_use: bool) -> Result<(), String> {
        if let Some(ring) = self.keys.ring() {
            ring.rewrap(chosen, false).map_err(|e| e.to_string())?;
        }
        let old = self.lock.record.take();
        match PinRecord::new(chosen) {
            Ok(record) => self.lock.record = Some(record),
            Err(why) => {
                self.lock.record = old;
                return Err(why);
            }
        }
        if let Err(why) = self.lock.save() {
            self.lock.record = old;
            return Err(format!(
                "The PIN could not be saved, so it is unchanged: {why}."
            ));
        }
        match self.keys.ring() {
            Some(ring) => {
                let _ = ring.rewrap(chosen, true);
            }
            None if first_use => self.keys.unlock(self.data_dir, chosen),
            None => {}
        }
        Ok(())
    }
}

/// OK on the pad: the next stage and what to say, or `None` when the area opens.
fn done(
    stage: Stage,
    typed: Zeroizing<String>,
    gate: &mut Gate,
) -> (Option<Stage>, Option<String>) {
    let clock = gate.clock;
    match stage {
        Stage::Enter => {
            let Some(record) = gate.lock.record.as_mut() else {
                return (Some(Stage::Choose { first_use: true }), None);
            };
            let now = clock.now();
            let verdict = record.try_pin(&typed, now);
            let saved = gate.lock.save().err();
            // A try during a lockout is not checked, so it is no wrong PIN.
            match verdict {
                Verdict::Right => gate.audit(Audited::Unlocked),
                Verdict::Wrong {
                    locked_for: Some(_),
                    ..
                } => gate.audit(Audited::LockedOut),
                Verdict::Wrong { .. } => gate.audit(Audited::WrongPin),
                Verdict::Locked { .. } => {}
            }
            let message = match verdict {
                Verdict::Right => {
                    gate.keys.unlock(gate.data_dir, &typed);
                    return (None, None);
                }
                Verdict::Wrong {
                    locked_for: Some(seconds),
                    ..
                } => format!(
                    "That is not the PIN. The pad is locked for {}, until {}.",
                    duration_text(seconds),
                    clock_text(now + seconds)
                ),
                Verdict::Wrong { tries_left, .. } => format!(
                    "That is not the PIN. {tries_left} more {} before the pad locks for a while.",
                    if tries_left == 1 { "try" } else { "tries" }
                ),
                Verdict::Locked { seconds_left } => format!(
                    "The pad is locked for {} more, until {}: no PIN is checked until then.",
                    duration_text(seconds_left),
                    clock_text(now + seconds_left)
                ),
            };
            let message = match saved {
                Some(why) => format!("{message} (The count of tries could not be saved: {why}.)"),
                None => message,
            };
            (Some(Stage::Enter), Some(message))
        }
        Stage::Choose { first_use } => match pin::check_new_pin(&typed) {
            Ok(()) => (
                Some(Stage::Confirm {
                    first_use,
                    chosen: typed,
                }),
                None,
            ),
            Err(why) => (Some(Stage::Choose { first_use }), Some(why)),
        },
        Stage::Confirm { first_use, chosen } => {
            if *typed != *chosen {
                let again = "The two PINs were different. Choose the PIN again.";
                return (Some(Stage::Choose { first_use }), Some(again.into()));
            }
            match gate.set_pin(&chosen, first_use) {
                Ok(()) => (None, None),
                Err(why) => (Some(Stage::Choose { first_use }), Some(why)),
            }
        }
        Stage::Shut => (Some(Stage::Shut), None),
    }
}

fn duration_text(seconds: i64) -> String {
    if seconds < 60 {
        format!("{seconds} s")
    } else {
        let minutes = (seconds + 59) / 60;
        format!("{minutes} min")
    }
}

fn clock_text(unix_seconds: i64) -> String {
    jiff::Timestamp::from_second(unix_seconds)
        .map(|at| {
            at.to_zoned_datetime(jiff::tz::TimeZone::system())
                .strftime("%H:%M:%S")
                .to_string()
        })
        .unwrap_or_default()
}
