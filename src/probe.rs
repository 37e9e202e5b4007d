//! Probes for benchmarks and the render check, each on only when its variable is set:
//! `HEARME_PROBE` prints frame counts for `examples/bench.rs` (first complete frame, folder tap,
//! word tap; board and cell ids only, never what a child said), `HEARME_SCREENSHOT=FILE` saves a
//! screenshot once the board and all its pictures are shown and then quits, and
//! `HEARME_OPEN_BOARD=ID` starts on another board (for screenshots of each board).

use std::io::Write;
use std::sync::{Arc, Mutex};
use std::time::Instant;

use bevy::diagnostic::FrameCount;
use bevy::prelude::*;
use bevy::render::view::screenshot::{Screenshot, ScreenshotCaptured};
use bevy::render::{ExtractSchedule, Render, RenderApp, RenderSystems};
use bevy::window::RequestRedraw;

use crate::board::{BoardCell, BoardGrid};
use crate::message_bar::MessageSymbol;
use crate::screen::NavAction;
use crate::symbol_images::all_shown_pictures_ready;

pub(super) fn plugin(app: &mut App) {
    if let Some(path) = std::env::var_os("HEARME_SCREENSHOT") {
        app.insert_resource(ScreenshotJob {
            path: path.into(),
            state: ShotState::WaitingForBoard,
        })
        .add_systems(Last, take_screenshot_when_ready);
    }
    if let Ok(board) = std::env::var("HEARME_OPEN_BOARD") {
        app.world_mut()
            .resource_mut::<crate::board::Navigation>()
            .open(&board);
    }
    if std::env::var_os("HEARME_PROBE").is_none() {
        return;
    }
    let outbox = Outbox::default();
    app.insert_resource(Probe {
        outbox: outbox.clone(),
        ..default()
    })
    .add_observer(note_tap)
    .add_systems(Last, watch_frames);
    if let Some(render_app) = app.get_sub_app_mut(RenderApp) {
        render_app
            .insert_resource(outbox)
            .init_resource::<Presenting>()
            .add_systems(ExtractSchedule, take_reports_of_this_frame)
            .add_systems(Render, say_presented.in_set(RenderSystems::Cleanup));
    }
}

/// A line to print once the frame it describes has been presented.
struct Report {
    text: String,
    /// The tap it answers; the time from it to presentation is printed as `ms=`.
    since: Option<Instant>,
}

/// Reports made by the main world, waiting for the render world to take them with the frame.
#[derive(Resource, Clone, Default)]
struct Outbox(Arc<Mutex<Vec<Report>>>);

/// Reports for the frame the render world is drawing now.
#[derive(Resource, Default)]
struct Presenting(Vec<Report>);

#[derive(Resource, Default)]
struct Probe {
    ready_frame: Option<u32>,
    folder_tap: Option<(u32, Instant)>,
    word_tap: Option<(u32, Instant, usize)>,
    outbox: Outbox,
}

impl Probe {
    fn report(&self, text: String, since: Option<Instant>) {
        if let Ok(mut outbox) = self.outbox.0.lock() {
            outbox.push(Report { text, since });
        }
    }
}

fn say(line: &str) {
    let mut out = std::io::stdout().lock();
    let _ = writeln!(out, "probe {line}");
    let _ = out.flush();
}

fn take_reports_of_this_frame(outbox: Res<Outbox>, mut presenting: ResMut<Presenting>) {
    if let Ok(mut waiting) = outbox.0.lock() {
        presenting.0.append(&mut waiting);
    }
}

/// Runs after the frame has been handed to the window, so a report is printed when the child
/// could see it.
fn say_presented(mut presenting: ResMut<Presenting>) {
    for report in presenting.0.drain(..) {
        match report.since {
            Some(tap) => say(&format!(
                "{} ms={:.2}",
                report.text,
                tap.elapsed().as_secs_f64() * 1e3
            )),
            None => say(&report.text),
        }
    }
}

fn note_tap(
    click: On<Pointer<Click>>,
    cells: Query<&BoardCell>,
    content: Res<crate::Content>,
    message: Res<crate::message_bar::Message>,
    frame: Res<FrameCount>,
    mut probe: ResMut<Probe>,
) {
    let Ok(cell) = cells.get(click.entity) else {
        return;
    };
    let is_folder = content
        .vocabulary
        .board(&cell.board)
        .and_then(|b| b.cell(&cell.cell))
        .is_some_and(|c| c.is_folder());
    let now = Instant::now();
    if is_folder {
        probe.folder_tap = Some((frame.0, now));
    } else {
        probe.word_tap = Some((frame.0, now, message.items.len() + 1));
    }
}

#[allow(clippy::too_many_arguments)]
fn watch_frames(
    frame: Res<FrameCount>,
    assets: Res<AssetServer>,
    shown: Query<&ImageNode>,
    grid: Query<(), With<BoardGrid>>,
    cells: Query<(&BoardCell, &ComputedNode, &UiGlobalTransform)>,
    buttons: Query<(&NavAction, &ComputedNode, &UiGlobalTransform)>,
    symbols: Query<&MessageSymbol>,
    mut probe: ResMut<Probe>,
) {
    let ready = !grid.is_empty() && all_shown_pictures_ready(&assets, &shown);
    if ready && probe.ready_frame.is_none() {
        probe.ready_frame = Some(frame.0);
        for (cell, node, transform) in &cells {
            let centre = transform.translation * node.inverse_scale_factor();
            say(&format!(
                "cell {}/{} x={:.0} y={:.0}",
                cell.board, cell.cell, centre.x, centre.y
            ));
        }
        for (action, node, transform) in &buttons {
            let centre = transform.translation * node.inverse_scale_factor();
            say(&format!(
                "button {action:?} x={:.0} y={:.0}",
                centre.x, centre.y
            ));
        }
        probe.report(format!("ready frame={}", frame.0), None);
    }
    if let Some((tap_frame, at)) = probe.folder_tap
        && ready
    {
        probe.report(
            format!(
                "folder-complete frames={} at-frame={}",
                frame.0 - tap_frame,
                frame.0
            ),
            Some(at),
        );
        probe.folder_tap = None;
    }
    if let Some((tap_frame, at, length)) = probe.word_tap
        && symbols.iter().any(|s| s.0 + 1 == length)
    {
        probe.report(
            format!("word-shown frames={}", frame.0 - tap_frame),
            Some(at),
        );
        probe.word_tap = None;
    }
}

#[derive(Resource)]
struct ScreenshotJob {
    path: std::path::PathBuf,
    state: ShotState,
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum ShotState {
    WaitingForBoard,
    /// Board complete at this frame: shoot this very frame, so the render check also checks
    /// that the frame the startup benchmark counts really shows the board.
    Ready(u32),
    Requested,
    Saved(u32),
}

#[allow(clippy::too_many_arguments)]
fn take_screenshot_when_ready(
    mut commands: Commands,
    mut job: ResMut<ScreenshotJob>,
    frame: Res<FrameCount>,
    assets: Res<AssetServer>,
    shown: Query<&ImageNode>,
    grid: Query<(), With<BoardGrid>>,
    mut redraw: MessageWriter<RequestRedraw>,
    mut exit: MessageWriter<AppExit>,
) {
    redraw.write(RequestRedraw);
    match job.state {
        ShotState::WaitingForBoard
            if !grid.is_empty() && all_shown_pictures_ready(&assets, &shown) =>
        {
            job.state = ShotState::Ready(frame.0);
        }
        ShotState::Ready(at) if frame.0 >= at => {
            let path = job.path.clone();
            commands.spawn(Screenshot::primary_window()).observe(
                move |shot: On<ScreenshotCaptured>,
                      mut job: ResMut<ScreenshotJob>,
                      frame: Res<FrameCount>| {
                    let saved = shot
                        .image
                        .clone()
                        .try_into_dynamic()
                        .map(|picture| picture.to_rgb8().save(&path));
                    match saved {
                        Ok(Ok(())) => job.state = ShotState::Saved(frame.0),
                        Ok(Err(e)) => {
                            error!("cannot save the screenshot to {}: {e}", path.display())
                        }
                        Err(e) => error!("cannot convert the screenshot: {e}"),
                    }
                },
            );
            job.state = ShotState::Requested;
        }
        ShotState::Saved(at) if frame.0 > at => {
            exit.write(AppExit::Success);
        }
        _ => {}
    }
}
