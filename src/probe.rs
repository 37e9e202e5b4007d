//! Probes for benchmarks and the render check, each on only when its variable is set:
//! `HEARME_PROBE` prints frame counts for `examples/bench.rs` (first complete frame, folder tap,
//! word tap; board and cell ids only, never what a child said), `HEARME_SCREENSHOT=FILE` saves a
//! screenshot once the board and all its pictures are shown and then quits, and
//! `HEARME_OPEN_BOARD=ID` starts on another board (for screenshots of each board).

use std::io::Write;

use bevy::diagnostic::FrameCount;
use bevy::prelude::*;
use bevy::render::view::screenshot::{Screenshot, ScreenshotCaptured};
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
    app.init_resource::<Probe>()
        .add_observer(note_tap)
        .add_systems(First, report_shown_frames)
        .add_systems(Last, watch_frames);
}

#[derive(Resource, Default)]
struct Probe {
    ready_frame: Option<u32>,
    ready_reported: bool,
    folder_tap: Option<(u32, std::time::Instant)>,
    word_tap: Option<(u32, std::time::Instant, usize)>,
    /// A report waiting until its frame has been presented (with pipelined rendering, two
    /// frames later).
    pending: Vec<(u32, String)>,
}

fn say(line: &str) {
    let mut out = std::io::stdout().lock();
    let _ = writeln!(out, "probe {line}");
    let _ = out.flush();
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
    let now = std::time::Instant::now();
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
    mut redraw: MessageWriter<RequestRedraw>,
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
        probe
            .pending
            .push((frame.0, format!("ready frame={}", frame.0)));
    }
    if let Some((tap_frame, at)) = probe.folder_tap
        && ready
    {
        let line = format!(
            "folder-complete frames={} ms={:.2}",
            frame.0 - tap_frame,
            at.elapsed().as_secs_f64() * 1e3
        );
        probe.pending.push((frame.0, line));
        probe.folder_tap = None;
    }
    if let Some((tap_frame, at, length)) = probe.word_tap
        && symbols.iter().any(|s| s.0 + 1 == length)
    {
        let line = format!(
            "word-shown frames={} ms={:.2}",
            frame.0 - tap_frame,
            at.elapsed().as_secs_f64() * 1e3
        );
        probe.pending.push((frame.0, line));
        probe.word_tap = None;
    }
    if !probe.pending.is_empty() {
        redraw.write(RequestRedraw);
    }
}

fn report_shown_frames(
    frame: Res<FrameCount>,
    mut probe: ResMut<Probe>,
    mut redraw: MessageWriter<RequestRedraw>,
) {
    let due: Vec<String> = probe
        .pending
        .iter()
        .filter(|(at, _)| frame.0 >= at + 2)
        .map(|(_, line)| line.clone())
        .collect();
    probe.pending.retain(|(at, _)| frame.0 < at + 2);
    for line in due {
        say(&line);
    }
    if !probe.pending.is_empty() {
        redraw.write(RequestRedraw);
    }
    probe.ready_reported |= probe.ready_frame.is_some();
}

#[derive(Resource)]
struct ScreenshotJob {
    path: std::path::PathBuf,
    state: ShotState,
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum ShotState {
    WaitingForBoard,
    /// Board complete at this frame; shoot once it has been presented.
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
        ShotState::WaitingForBoard => {
            if !grid.is_empty() && all_shown_pictures_ready(&assets, &shown) {
                job.state = ShotState::Ready(frame.0);
            }
        }
        ShotState::Ready(at) if frame.0 >= at + 3 => {
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
        ShotState::Saved(at) if frame.0 >= at + 1 => {
            exit.write(AppExit::Success);
        }
        _ => {}
    }
}
