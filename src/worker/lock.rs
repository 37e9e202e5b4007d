//! The worker area's lock: the stored PIN (or none yet), the wall clock its lockout counts on,
//! and the idle lock. The area always opens on the PIN page, so closing it (handing the tablet
//! back, or 5 minutes with nothing done) locks it again (docs/decisions.md, "PIN").

use std::path::PathBuf;
use std::time::Duration;

use bevy::prelude::*;

use super::{PageTurn, WorkerArea};
use crate::Content;
use crate::input::LastInput;
use crate::model::pin::{self, PinRecord};
use crate::model::worker_settings::{self, WorkerSettings};
use crate::power::WakeAtLeastEvery;

/// How often the app wakes while the worker area is open, so the idle lock is noticed with no
/// input at all; it locks at most this late.
const IDLE_CHECK: Duration = Duration::from_secs(5);

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<PinClock>()
        .add_systems(PreStartup, load_lock)
        .add_systems(OnEnter(WorkerArea::Open), start_idle_watch)
        .add_systems(OnExit(WorkerArea::Open), stop_idle_watch)
        .add_systems(Update, lock_when_idle.run_if(in_state(WorkerArea::Open)));
}

/// The PIN record and the worker's settings, read once at start.
#[derive(Resource, Debug)]
pub struct WorkerLock {
    /// Where the record is kept; `None` without a data folder, when a PIN lasts until the app
    /// closes.
    path: Option<PathBuf>,
    pub record: Option<PinRecord>,
    /// The PIN file is there but cannot be read: the area stays shut and the PIN page says why.
    pub problem: Option<String>,
    pub settings: WorkerSettings,
    /// Worker settings that could not be read (the defaults are used meanwhile).
    pub settings_problem: Option<String>,
    opened_at: Duration,
}

impl WorkerLock {
    pub fn new(data_dir: Option<&std::path::Path>) -> WorkerLock {
        let path = data_dir.map(pin::pin_path);
        let (record, problem) = match path.as_deref().map(pin::load) {
            None | Some(Ok(None)) => (None, None),
            Some(Ok(Some(record))) => (Some(record), None),
            Some(Err(problem)) => (None, Some(problem)),
        };
        let (settings, settings_problem) =
            match data_dir.map(|dir| worker_settings::load(&worker_settings::settings_path(dir))) {
                None => (WorkerSettings::default(), None),
                Some(Ok(settings)) => (settings, None),
                Some(Err(problem)) => (WorkerSettings::default(), Some(problem)),
            };
        WorkerLock {
            path,
            record,
            problem,
            settings,
            settings_problem,
            opened_at: Duration::ZERO,
        }
    }

    /// Writes the record as it now stands (after a try, or a new PIN); in memory only without
    /// a data folder.
    pub fn save(&self) -> Result<(), String> {
        match (&self.path, &self.record) {
            (Some(path), Some(record)) => pin::save(path, record),
            _ => Ok(()),
        }
    }
}

/// The wall clock in Unix seconds, which the lockout counts on so that it survives a restart.
/// Tests move it forward with `ahead_s` instead of waiting.
#[derive(Resource, Debug, Default)]
pub struct PinClock {
    pub ahead_s: i64,
}

impl PinClock {
    pub fn now(&self) -> i64 {
        jiff::Timestamp::now().as_second() + self.ahead_s
    }
}

fn load_lock(mut commands: Commands, content: Res<Content>) {
    commands.insert_resource(WorkerLock::new(content.data_dir.as_deref()));
}

fn start_idle_watch(
    mut lock: ResMut<WorkerLock>,
    time: Res<Time<Real>>,
    mut wake: ResMut<WakeAtLeastEvery>,
) {
    lock.opened_at = time.elapsed();
    wake.0 = Some(IDLE_CHECK);
}

/// Closing the area locks it: the keys are forgotten too (docs/data-protection.md, "Keys").
fn stop_idle_watch(mut wake: ResMut<WakeAtLeastEvery>, mut keys: ResMut<crate::keys::Keys>) {
    wake.0 = None;
    keys.lock();
}

fn lock_when_idle(
    lock: Res<WorkerLock>,
    last: Res<LastInput>,
    time: Res<Time<Real>>,
    mut turn: PageTurn,
) {
    let since = last.at.max(lock.opened_at);
    if time.elapsed().saturating_sub(since) >= lock.settings.idle_lock() {
        turn.close();
    }
}
