//! Benchmarks, run by hand in release: `cargo run --release --example bench -- startup`.
//! Prints `name: value unit` lines (medians of 5 runs) and a baseline measured in the same run.
//!
//! `voice` taps words in the headless app (Bevy's real input and picking path, no window) and
//! times each tap from the pointer event reaching the app to its clip being handed to the
//! output mixer, with clips decoded in memory and, as the baseline, decoded from disk per tap.
//!
//! `startup` starts its own Xvfb (software Vulkan through Mesa's llvmpipe), launches this same
//! executable as the app, and taps it through the X server with xdotool, as a finger would.

use std::io::{BufRead, BufReader};
use std::process::{Child, ChildStdout, Command, Stdio};
use std::sync::mpsc::{Receiver, channel};
use std::time::{Duration, Instant};

use bevy::prelude::*;

#[path = "bench_parts/editor.rs"]
mod editor;
#[path = "bench_parts/engine.rs"]
mod engine;
#[path = "bench_parts/obz.rs"]
mod obz;
#[path = "bench_parts/pin.rs"]
mod pin;
#[path = "bench_parts/print.rs"]
mod print;
#[path = "bench_parts/seal.rs"]
mod seal;
#[path = "bench_parts/search.rs"]
mod search;

const RUNS: usize = 5;
const DISPLAY: &str = ":97";

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("startup") => startup(),
        Some("run-app") => {
            hearme::windowed_app(hearme::Content::built_in()).run();
        }
        Some("run-empty") => empty_bevy_app(),
        Some("voice") => {
            // The real engine first, while no other app of this run holds the speech daemon.
            engine::real_engine();
            voice();
            engine::run();
        }
        Some("content") => content(),
        Some("journal") => {
            journal();
            seal::run();
        }
        Some("search") => search::run(),
        Some("pin") => pin::run(),
        Some("editor") => editor::run(),
        Some("seal") => seal::run(),
        Some("obz") => obz::run(),
        Some("print") => print::run(),
        _ => {
            eprintln!(
                "usage: bench startup|voice|journal|content|search|pin|editor|seal|obz|print"
            );
            std::process::exit(2);
        }
    }
}

/// The floor: an empty Bevy window with the same plugins, timed to the first frame whose
/// screenshot shows its clear colour (confirmed the same way as the app's first board frame).
fn empty_bevy_app() {
    use bevy::render::view::screenshot::{Screenshot, ScreenshotCaptured};
    const FLOOR: Color = Color::srgb(1.0, 0.0, 1.0);
    let mut app = App::new();
    app.add_plugins(DefaultPlugins.set(WindowPlugin {
        primary_window: Some(Window {
            resolution: bevy::window::WindowResolution::new(1280, 800),
            ..default()
        }),
        ..default()
    }))
    .insert_resource(ClearColor(FLOOR))
    .add_systems(Startup, |mut commands: Commands| {
        commands.spawn(Camera2d);
    })
    .add_systems(
        Last,
        |mut commands: Commands,
         frame: Res<bevy::diagnostic::FrameCount>,
         mut redraw: MessageWriter<bevy::window::RequestRedraw>,
         mut done: Local<bool>| {
            redraw.write(bevy::window::RequestRedraw);
            if *done || frame.0 > 300 {
                return;
            }
            commands
                .spawn(Screenshot::primary_window())
                .observe(|shot: On<ScreenshotCaptured>| {
                    static SAID: std::sync::atomic::AtomicBool =
                        std::sync::atomic::AtomicBool::new(false);
                    let Ok(picture) = shot.image.clone().try_into_dynamic().map(|p| p.to_rgb8())
                    else {
                        return;
                    };
                    let magenta = picture.pixels().filter(|p| p.0 == [255, 0, 255]).count();
                    if magenta > 100_000 && !SAID.swap(true, std::sync::atomic::Ordering::Relaxed) {
                        let now = std::time::SystemTime::now()
                            .duration_since(std::time::UNIX_EPOCH)
                            .unwrap_or_default();
                        println!(
                            "probe ready confirmed_unix_ms={:.1}",
                            now.as_secs_f64() * 1e3
                        );
                    }
                });
            *done = frame.0 > 60;
        },
    );
    app.run();
}

struct Running {
    child: Child,
    lines: Receiver<(Instant, String)>,
}

impl Running {
    fn start(mode: &str) -> (Self, f64) {
        let started = unix_ms_now();
        let mut child = Command::new(std::env::current_exe().unwrap())
            .arg(mode)
            .env("DISPLAY", DISPLAY)
            .env("HEARME_PROBE", "1")
            .env("WGPU_BACKEND", "vulkan")
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("start the app");
        let stdout: ChildStdout = child.stdout.take().unwrap();
        let (send, lines) = channel();
        std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines().map_while(Result::ok) {
                if send.send((Instant::now(), line)).is_err() {
                    break;
                }
            }
        });
        (Running { child, lines }, started)
    }

    fn wait_for(&self, prefix: &str) -> (Instant, String) {
        loop {
            let (at, line) = self
                .lines
                .recv_timeout(Duration::from_secs(60))
                .unwrap_or_else(|_| panic!("no `{prefix}` line"));
            if line.starts_with(prefix) {
                return (at, line);
            }
        }
    }

    fn collect_until(&self, prefix: &str) -> (Instant, Vec<String>) {
        let mut seen = Vec::new();
        loop {
            let (at, line) = self.wait_for("probe ");
            let done = line.starts_with(prefix);
            seen.push(line);
            if done {
                return (at, seen);
            }
        }
    }

    fn cpu_ticks(&self) -> u64 {
        let stat = std::fs::read_to_string(format!("/proc/{}/stat", self.child.id())).unwrap();
        let after_name = &stat[stat.rfind(')').unwrap() + 2..];
        let fields: Vec<&str> = after_name.split_whitespace().collect();
        fields[11].parse::<u64>().unwrap() + fields[12].parse::<u64>().unwrap()
    }

    fn pss_mb(&self) -> f64 {
        let rollup =
            std::fs::read_to_string(format!("/proc/{}/smaps_rollup", self.child.id())).unwrap();
        let kb: f64 = rollup
            .lines()
            .find(|l| l.starts_with("Pss:"))
            .and_then(|l| l.split_whitespace().nth(1))
            .and_then(|v| v.parse().ok())
            .unwrap();
        kb / 1024.0
    }

    fn stop(mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn unix_ms_now() -> f64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap_or_default()
        .as_secs_f64()
        * 1e3
}

fn field(line: &str, name: &str) -> f64 {
    line.split_whitespace()
        .find_map(|part| part.strip_prefix(&format!("{name}=")))
        .and_then(|v| v.parse().ok())
        .unwrap_or_else(|| panic!("{name} in {line}"))
}

fn position_of(lines: &[String], what: &str) -> (f64, f64) {
    let line = lines
        .iter()
        .find(|l| l.starts_with(what))
        .unwrap_or_else(|| panic!("{what} on screen"));
    (field(line, "x"), field(line, "y"))
}

/// Moves the pointer, lets the app see where it is (picking needs a hover before a press, as a
/// finger's touch-down gives it), then clicks.
fn tap_at((x, y): (f64, f64)) {
    let xdotool = |args: &[&str]| {
        let status = Command::new("xdotool")
            .args(args)
            .env("DISPLAY", DISPLAY)
            .status()
            .expect("xdotool is installed (tools/install-deps)");
        assert!(status.success());
    };
    xdotool(&["mousemove", &format!("{x:.0}"), &format!("{y:.0}")]);
    std::thread::sleep(Duration::from_millis(200));
    xdotool(&["click", "1"]);
}

fn median(mut values: Vec<f64>) -> f64 {
    values.sort_by(|a, b| a.partial_cmp(b).unwrap());
    values[values.len() / 2]
}

fn startup() {
    let mut xvfb = Command::new("Xvfb")
        .args([DISPLAY, "-screen", "0", "1280x800x24", "-nolisten", "tcp"])
        .stderr(Stdio::null())
        .spawn()
        .expect("Xvfb is installed (tools/install-deps)");
    std::thread::sleep(Duration::from_secs(2));
    let ticks_per_second = 100.0;

    let mut baseline_pss = vec![];
    let mut settled_cpu = vec![];
    let mut start_confirmed = vec![];
    let (
        mut baseline,
        mut start,
        mut folder_frames,
        mut folder_ms,
        mut word_frames,
        mut idle_cpu,
        mut pss,
    ) = (vec![], vec![], vec![], vec![], vec![], vec![], vec![]);
    let runs = std::env::var("BENCH_RUNS")
        .ok()
        .and_then(|r| r.parse().ok())
        .unwrap_or(RUNS);
    for run in 0..runs {
        let (empty, started) = Running::start("run-empty");
        let (_, line) = empty.wait_for("probe ready");
        baseline.push((field(&line, "confirmed_unix_ms") - started) / 1e3);
        std::thread::sleep(Duration::from_secs(1));
        baseline_pss.push(empty.pss_mb());
        empty.stop();

        let (app, started) = Running::start("run-app");
        let (_, lines) = app.collect_until("probe ready");
        let ready = lines.last().unwrap();
        start.push((field(ready, "presented_unix_ms") - started) / 1e3);
        start_confirmed.push((field(ready, "confirmed_unix_ms") - started) / 1e3);

        let before = app.cpu_ticks();
        std::thread::sleep(Duration::from_secs(2));
        let after_settling = app.cpu_ticks();
        std::thread::sleep(Duration::from_secs(8));
        let at_ten = app.cpu_ticks();
        idle_cpu.push((at_ten - before) as f64 / ticks_per_second / 10.0 * 100.0);
        // Bevy forces five updates after start-up (bevy_winit `startup_forced_updates`); the
        // last of them can fall after the board shows. From 2 s on, any CPU is a wake-up.
        std::thread::sleep(Duration::from_secs(2));
        settled_cpu
            .push((app.cpu_ticks() - after_settling) as f64 / ticks_per_second / 10.0 * 100.0);
        pss.push(app.pss_mb());

        tap_at(position_of(&lines, "probe cell home/food-drink"));
        let (_, line) = app.wait_for("probe folder-complete");
        folder_frames.push(field(&line, "frames"));
        folder_ms.push(field(&line, "ms"));

        tap_at(position_of(&lines, "probe button Home"));
        std::thread::sleep(Duration::from_millis(300));
        tap_at(position_of(&lines, "probe cell home/want"));
        let (_, line) = app.wait_for("probe word-shown");
        word_frames.push(field(&line, "frames"));
        app.stop();
        eprintln!(
            "run {}: startup {:.3} s, baseline {:.3} s",
            run + 1,
            start[run],
            baseline[run]
        );
    }
    let _ = xvfb.kill();
    let _ = xvfb.wait();

    println!("startup-to-board-with-pictures: {:.3} s", median(start));
    println!(
        "startup-to-board-confirmed-by-screenshot: {:.3} s",
        median(start_confirmed)
    );
    println!(
        "baseline-empty-bevy-window-confirmed-by-screenshot: {:.3} s",
        median(baseline)
    );
    println!(
        "folder-tap-to-all-pictures: {:.0} frames",
        median(folder_frames)
    );
    println!(
        "folder-tap-to-all-pictures-time: {:.1} ms",
        median(folder_ms)
    );
    println!("word-tap-to-message-bar: {:.0} frames", median(word_frames));
    println!(
        "idle-cpu-10s-after-board: {:.2} % of a core",
        median(idle_cpu)
    );
    println!(
        "idle-cpu-2s-to-12s-after-board: {:.2} % of a core",
        median(settled_cpu)
    );
    println!("pss-board-shown: {:.0} MB", median(pss));
    println!(
        "baseline-empty-bevy-window-pss: {:.0} MB",
        median(baseline_pss)
    );
}

fn percentile(values: &[f64], fraction: f64) -> f64 {
    let mut sorted = values.to_vec();
    sorted.sort_by(|a, b| a.partial_cmp(b).unwrap());
    sorted[((sorted.len() - 1) as f64 * fraction).round() as usize]
}

fn voice() {
    const TAPS: usize = 240;
    let in_memory = time_taps(false, TAPS);
    let from_disk = time_taps(true, TAPS);
    let (memory_median, disk_median) = (median(in_memory.clone()), median(from_disk.clone()));
    println!("voice-tap-to-mixer-median: {memory_median:.3} ms");
    println!(
        "voice-tap-to-mixer-p99: {:.3} ms",
        percentile(&in_memory, 0.99)
    );
    println!("baseline-decode-on-tap-median: {disk_median:.3} ms");
    println!(
        "baseline-decode-on-tap-p99: {:.3} ms",
        percentile(&from_disk, 0.99)
    );
    println!(
        "baseline-over-in-memory: {:.1} x",
        disk_median / memory_median
    );
    println!("taps: {TAPS} each");
}

/// Where each word (not folder) of the built-in home board is on the screen of `app`.
fn home_word_places(app: &mut App) -> Vec<Vec2> {
    use hearme::board::BoardCell;
    let content = hearme::Content::built_in();
    let home = content.vocabulary.home().unwrap();
    let mut cells = app
        .world_mut()
        .query::<(&BoardCell, &ComputedNode, &UiGlobalTransform)>();
    cells
        .iter(app.world())
        .filter(|(cell, _, _)| home.cell(&cell.cell).is_some_and(|c| !c.is_folder()))
        .map(|(_, node, transform)| transform.translation * node.inverse_scale_factor())
        .collect()
}

/// Milliseconds from each touch release (the tap) reaching the app to its clip in the mixer.
fn time_taps(decode_on_every_tap: bool, taps: usize) -> Vec<f64> {
    use bevy::input::touch::TouchPhase;
    use hearme::voice::{PlaybackLog, VoiceOutput, VoiceSettings};

    let (output, mut sound_card) = VoiceOutput::without_device();
    // Drain the mixer as a sound card would, so finished sounds leave it.
    std::thread::spawn(move || {
        loop {
            if sound_card.by_ref().take(256).count() == 0 {
                std::thread::sleep(Duration::from_millis(5));
            }
            std::thread::sleep(Duration::from_millis(11));
        }
    });
    let mut app = hearme::headless_app(hearme::Content::built_in(), output, 1280, 800);
    for _ in 0..3 {
        app.update();
    }
    app.world_mut()
        .resource_mut::<VoiceSettings>()
        .decode_on_every_tap = decode_on_every_tap;
    std::thread::sleep(Duration::from_secs(1));

    let places = home_word_places(&mut app);
    let touch = hearme::simulate_touch;
    let mut times = Vec::with_capacity(taps);
    for tap in 0..taps {
        let place = places[tap % places.len()];
        touch(&mut app, place, TouchPhase::Started);
        app.update();
        touch(&mut app, place, TouchPhase::Ended);
        let reached_app = Instant::now();
        app.update();
        let log = app.world().resource::<PlaybackLog>();
        let handed = log
            .utterances
            .last()
            .expect("the tap was spoken")
            .handed_over;
        times.push((handed - reached_app).as_secs_f64() * 1e3);
        if tap % 8 == 7 {
            // Clear the message now and then so the bar does not grow without end.
            app.world_mut()
                .resource_mut::<hearme::message_bar::Message>()
                .items
                .clear();
        }
    }
    times
}

/// Loading the built-in content (symbol manifest and vocabulary) before the window opens.
fn content() {
    let mut times = Vec::new();
    for _ in 0..5 {
        let started = Instant::now();
        let content = hearme::Content::built_in();
        times.push(started.elapsed().as_secs_f64() * 1e3);
        assert!(content.notices.is_empty());
    }
    println!("load-built-in-content: {:.1} ms", median(times));
}

/// Journal: append with fsync (p50/p99 of 500), export of a 5,000-event visit to every text
/// format (median of 5), and the start-up scan of 100 journals (median of 5). The baseline for
/// the append is the same write without fsync.
fn journal() {
    use hearme::model::journal::JournalWriter;
    use hearme::model::session::{Actor, Event, SeenAlone, journals_in, read_journal};
    use hearme::model::summary::{Summary, render_markdown, render_obl, render_text};

    let dir = std::env::temp_dir().join(format!("hearme-bench-journal-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let started = Event::VisitStarted {
        case_ref: "C-1".into(),
        visit: "Home visit".into(),
        purpose: "Statutory visit".into(),
        present: vec!["child".into()],
        seen_alone: SeenAlone::Yes,
        profile: "default".into(),
        child_seen: Some(true),
        recorded_by: String::new(),
        communication: Default::default(),
    };
    let tap = |n: usize| Event::SymbolChosen {
        board: "home".into(),
        cell: format!("cell-{}", n % 50),
        label: format!("word {}", n % 50),
        by: if n.is_multiple_of(7) {
            Actor::Worker
        } else {
            Actor::Child
        },
        symbol: None,
    };

    let mut writer = JournalWriter::create(&dir.join("append.journal")).unwrap();
    writer.append(started.clone()).unwrap();
    let mut appends = Vec::new();
    for n in 0..500 {
        let at = Instant::now();
        writer.append(tap(n)).unwrap();
        appends.push(at.elapsed().as_secs_f64() * 1e3);
    }
    // What a frame pays per event in the app: the line is handed to the writer thread.
    let background = hearme::model::journal::BackgroundJournal::start(
        JournalWriter::create(&dir.join("background.journal")).unwrap(),
    )
    .unwrap();
    let tap_line = |n: u64| hearme::model::session::JournalLine {
        v: 1,
        seq: n,
        at: hearme::model::session::timestamp_now(),
        event: tap(n as usize),
    };
    let mut handed_over = Vec::new();
    let mut until_saved = Vec::new();
    for n in 0..500u64 {
        let line = tap_line(n);
        let at = Instant::now();
        background.append(line);
        handed_over.push(at.elapsed().as_secs_f64() * 1e3);
        // One tap every few milliseconds at most, as a child taps.
        std::thread::sleep(Duration::from_millis(2));
    }
    background.flush();
    // When a tap counts as saved (written and synced by the writer thread), in a run of its
    // own so that waiting for it does not disturb the frame cost above.
    for n in 500..1000u64 {
        let line = tap_line(n);
        let at = Instant::now();
        background.append(line);
        while background.saved() <= n {
            std::thread::yield_now();
        }
        until_saved.push(at.elapsed().as_secs_f64() * 1e3);
        std::thread::sleep(Duration::from_millis(2));
    }
    assert!(background.failures().is_empty());
    drop(background);
    let mut unsynced = Vec::new();
    let mut plain = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(dir.join("plain.txt"))
        .unwrap();
    for n in 0..500 {
        let at = Instant::now();
        let line = format!("{}\n", ron::to_string(&tap(n)).unwrap());
        std::io::Write::write_all(&mut plain, line.as_bytes()).unwrap();
        unsynced.push(at.elapsed().as_secs_f64() * 1e3);
    }

    let big = dir.join("big.journal");
    let mut writer = JournalWriter::create(&big).unwrap();
    writer.append(started.clone()).unwrap();
    let mut text = std::fs::read_to_string(&big).unwrap();
    for n in 0..4998 {
        let event = if n % 10 == 9 {
            Event::MessageSpoken {
                text: "I want juice".into(),
                symbols: vec!["i".into(), "want".into(), "juice".into()],
                by: Actor::Child,
                chosen_by: Vec::new(),
                pictures: Vec::new(),
                silent: false,
                home_language: None,
                untranslated: Vec::new(),
            }
        } else {
            tap(n)
        };
        let line = hearme::model::session::JournalLine {
            v: 1,
            seq: n as u64 + 1,
            at: "2026-11-26T14:02:11.250Z".into(),
            event,
        };
        text.push_str(&ron::to_string(&line).unwrap());
        text.push('\n');
    }
    text.push_str("(v:1,seq:4999,at:\"2026-11-26T15:02:11.250Z\",event:VisitEnded)\n");
    std::fs::write(&big, &text).unwrap();
    let zone = jiff::tz::TimeZone::system();
    let mut exports = Vec::new();
    for _ in 0..5 {
        let at = Instant::now();
        let recovered = read_journal(&big).unwrap();
        let summary = Summary::from_journal(&recovered).unwrap();
        let total = render_text(&summary, None, &zone).len()
            + render_markdown(&summary, None, &zone).len()
            + summary.to_ron().map_or(0, |t| t.len())
            + render_obl(&recovered).map_or(0, |t| t.len());
        assert!(total > 0 && recovered.lines.len() == 5000);
        exports.push(at.elapsed().as_secs_f64() * 1e3);
    }

    let sessions = dir.join("sessions");
    std::fs::create_dir_all(&sessions).unwrap();
    let small: String = text.lines().take(60).map(|l| format!("{l}\n")).collect();
    for n in 0..100 {
        std::fs::write(sessions.join(format!("visit-{n:03}.journal")), &small).unwrap();
    }
    let mut scans = Vec::new();
    for _ in 0..5 {
        let at = Instant::now();
        let found = journals_in(&sessions).unwrap();
        let open = found
            .iter()
            .filter_map(|p| read_journal(p).ok())
            .filter(|r| !r.is_ended())
            .count();
        assert_eq!(open, 100);
        scans.push(at.elapsed().as_secs_f64() * 1e3);
    }
    let _ = std::fs::remove_dir_all(&dir);

    println!(
        "journal-append-fsync-median: {:.3} ms",
        median(appends.clone())
    );
    println!(
        "journal-append-fsync-p99: {:.3} ms",
        percentile(&appends, 0.99)
    );
    println!(
        "journal-app-frame-cost-median: {:.4} ms",
        median(handed_over.clone())
    );
    println!(
        "journal-app-frame-cost-p99: {:.4} ms",
        percentile(&handed_over, 0.99)
    );
    println!(
        "journal-tap-to-saved-median: {:.3} ms",
        median(until_saved.clone())
    );
    println!(
        "journal-tap-to-saved-p99: {:.3} ms",
        percentile(&until_saved, 0.99)
    );
    println!(
        "baseline-append-without-fsync-median: {:.3} ms",
        median(unsynced)
    );
    println!(
        "export-5000-events-all-text-formats: {:.1} ms",
        median(exports)
    );
    println!("scan-100-journals: {:.1} ms", median(scans));
}
