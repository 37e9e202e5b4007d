//! Probes for benchmarks and the render check, each on only when its variable is set:
//! `HEARME_PROBE` prints frame counts for `examples/bench.rs` (first complete frame, folder tap,
//! word tap; board and cell ids only, never what a child said), and `HEARME_SCREENSHOT=FILE`
//! saves a screenshot once the board and all its pictures are shown and then quits.

use std::io::Write;
use std::sync::{Arc, Mutex};
use std::time::Instant;

use bevy::diagnostic::FrameCount;
use bevy::prelude::*;
use bevy::render::view::screenshot::{Screenshot, ScreenshotCaptured};
use bevy::render::{Extract, ExtractSchedule, Render, RenderApp, RenderSystems};
use bevy::window::RequestRedraw;

use crate::board::{BoardCell, BoardGrid};
use crate::message_bar::MessageSymbol;
use crate::screen::NavAction;
use crate::symbol_images::all_shown_pictures_ready;

pub(super) fn plugin(app: &mut App) {
    let screenshot = std::env::var_os("HEARME_SCREENSHOT");
    let probe = std::env::var_os("HEARME_PROBE").is_some();
    if screenshot.is_some() || probe {
        let presented = Presented::default();
        app.insert_resource(presented.clone())
            .init_resource::<FirstShown>()
            .add_systems(Last, confirm_board_on_screen);
        if let Some(render_app) = app.get_sub_app_mut(RenderApp) {
            render_app
                .insert_resource(presented)
                .init_resource::<RenderedFrame>()
                .add_systems(ExtractSchedule, note_frame_number)
                .add_systems(Render, note_presented.in_set(RenderSystems::Cleanup));
        }
    }
    if let Some(path) = screenshot {
        app.insert_resource(ScreenshotJob {
            path: path.into(),
            saved: None,
        })
        .add_systems(
            Last,
            save_screenshot_and_quit.after(confirm_board_on_screen),
        );
    }
    if !probe {
        return;
    }
    say_phase("plugins-built");
    app.add_systems(PreStartup, || say_phase("pre-startup"))
        .add_systems(PostStartup, || say_phase("post-startup"))
        .add_systems(First, |frame: Res<FrameCount>| {
            if frame.0 < 3 {
                say_phase(&format!("frame-{}-first", frame.0));
            }
        });
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

/// When start-up reached a phase, to find where the time to the first frame goes.
fn say_phase(name: &str) {
    let unix_ms = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap_or_default()
        .as_secs_f64()
        * 1e3;
    say(&format!("phase {name} unix_ms={unix_ms:.1}"));
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
    activate: On<crate::input::Activate>,
    cells: Query<&BoardCell>,
    content: Res<crate::Content>,
    message: Res<crate::message_bar::Message>,
    frame: Res<FrameCount>,
    mut probe: ResMut<Probe>,
) {
    let Ok(cell) = cells.get(activate.entity) else {
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
    first_shown: Res<FirstShown>,
    presented: Res<Presented>,
    assets: Res<AssetServer>,
    shown: Query<&ImageNode>,
    grid: Query<(), With<BoardGrid>>,
    cells: Query<(&BoardCell, &ComputedNode, &UiGlobalTransform)>,
    buttons: Query<(&NavAction, &ComputedNode, &UiGlobalTransform)>,
    symbols: Query<&MessageSymbol>,
    mut probe: ResMut<Probe>,
) {
    let ready = !grid.is_empty() && all_shown_pictures_ready(&assets, &shown);
    if let Some(frame_shown) = first_shown.frame
        && probe.ready_frame.is_none()
        && let Some(at) = presented.time_of(frame_shown)
    {
        probe.ready_frame = Some(frame_shown);
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
        let unix_ms = |t: std::time::SystemTime| {
            t.duration_since(std::time::UNIX_EPOCH)
                .unwrap_or_default()
                .as_secs_f64()
                * 1e3
        };
        let confirmed = first_shown.confirmed_at.map_or(0.0, unix_ms);
        say(&format!(
            "ready frame={frame_shown} presented_unix_ms={:.1} confirmed_unix_ms={confirmed:.1}",
            unix_ms(at)
        ));
    }
    // Every frame after the board first showed, so a wake-up that costs idle CPU can be found.
    if let Some(ready_frame) = probe.ready_frame
        && frame.0 > ready_frame
        && frame.0 <= ready_frame + 30
    {
        let now = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap_or_default()
            .as_secs_f64()
            * 1e3;
        probe.report(
            format!("frame-after-ready frame={} unix_ms={now:.1}", frame.0),
            None,
        );
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

/// When each frame was handed to the window (render world, after presenting).
#[derive(Resource, Clone, Default)]
struct Presented(Arc<Mutex<Vec<(u32, std::time::SystemTime)>>>);

impl Presented {
    fn time_of(&self, frame: u32) -> Option<std::time::SystemTime> {
        let presented = self.0.lock().ok()?;
        presented
            .iter()
            .find(|(f, _)| *f == frame)
            .map(|(_, at)| *at)
    }
}

/// The number of the frame the render world is drawing.
#[derive(Resource, Default)]
struct RenderedFrame(u32);

fn note_frame_number(frame: Extract<Res<FrameCount>>, mut rendered: ResMut<RenderedFrame>) {
    rendered.0 = frame.0;
}

fn note_presented(rendered: Res<RenderedFrame>, presented: Res<Presented>) {
    if let Ok(mut frames) = presented.0.lock() {
        frames.push((rendered.0, std::time::SystemTime::now()));
        if frames.len() > 600 {
            frames.remove(0);
        }
    }
}

/// The first frame whose screenshot shows the board: cells in their word-class colours. The
/// early frames of a window can be black while the surface and pipelines come up, so "the
/// board is laid out and its pictures loaded" is not enough to say the child can see it.
#[derive(Resource, Default)]
struct FirstShown {
    frame: Option<u32>,
    /// When the screenshot that proved it came back (a frame or two after presenting).
    confirmed_at: Option<std::time::SystemTime>,
    picture: Option<image::RgbImage>,
    shots_in_flight: u32,
}

fn board_visible(picture: &image::RgbImage) -> bool {
    use crate::model::vocab::WordClass;
    [WordClass::People, WordClass::Verb]
        .into_iter()
        .all(|class| {
            let colour = crate::theme::word_class_colour(class).to_srgba();
            let want = [colour.red, colour.green, colour.blue].map(|c| (c * 255.0).round() as u8);
            let matching = picture
                .pixels()
                .filter(|p| p.0.iter().zip(want).all(|(a, b)| a.abs_diff(b) <= 6))
                .count();
            matching > 2000
        })
}

fn confirm_board_on_screen(
    mut commands: Commands,
    mut first_shown: ResMut<FirstShown>,
    frame: Res<FrameCount>,
    assets: Res<AssetServer>,
    shown: Query<&ImageNode>,
    grid: Query<(), With<BoardGrid>>,
    mut redraw: MessageWriter<RequestRedraw>,
) {
    if first_shown.frame.is_some() {
        return;
    }
    redraw.write(RequestRedraw);
    if grid.is_empty()
        || !all_shown_pictures_ready(&assets, &shown)
        || first_shown.shots_in_flight > 8
    {
        return;
    }
    let this_frame = frame.0;
    first_shown.shots_in_flight += 1;
    commands.spawn(Screenshot::primary_window()).observe(
        move |shot: On<ScreenshotCaptured>, mut first_shown: ResMut<FirstShown>| {
            first_shown.shots_in_flight = first_shown.shots_in_flight.saturating_sub(1);
            let Ok(picture) = shot.image.clone().try_into_dynamic().map(|p| p.to_rgb8()) else {
                return;
            };
            if board_visible(&picture) && first_shown.frame.is_none_or(|f| this_frame < f) {
                first_shown.frame = Some(this_frame);
                first_shown.confirmed_at = Some(std::time::SystemTime::now());
                first_shown.picture = Some(picture);
            }
        },
    );
}

#[derive(Resource)]
struct ScreenshotJob {
    path: std::path::PathBuf,
    saved: Option<u32>,
}

/// Saves the first screenshot that shows the board, then quits; gives up after 600 frames.
fn save_screenshot_and_quit(
    mut job: ResMut<ScreenshotJob>,
    mut first_shown: ResMut<FirstShown>,
    frame: Res<FrameCount>,
    mut exit: MessageWriter<AppExit>,
) {
    if job.saved.is_some() {
        exit.write(AppExit::Success);
        return;
    }
    if let Some(picture) = first_shown.picture.take() {
        match picture.save(&job.path) {
            Ok(()) => job.saved = Some(frame.0),
            Err(e) => {
                error!("cannot save the screenshot to {}: {e}", job.path.display());
                exit.write(AppExit::error());
            }
        }
    } else if frame.0 > 600 {
        error!("the board never showed on screen");
        exit.write(AppExit::error());
    }
}
