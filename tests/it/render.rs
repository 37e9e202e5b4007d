//! Render check: the real app in a real window under Xvfb with software Vulkan, screenshotted.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use hearme::model::vocab::WordClass;
use hearme::theme::word_class_colour;

/// Runs the app on the built-in vocabulary under `xvfb-run` and returns its screenshot.
pub fn screenshot_of_board(board: Option<&str>, width: u32, height: u32, name: &str) -> PathBuf {
    let out = Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_file(&out);
    let mut command = Command::new("xvfb-run");
    command
        .args(["-a", "-s", &format!("-screen 0 {width}x{height}x24")])
        .arg(env!("CARGO_BIN_EXE_hearme"))
        .env("HEARME_SCREENSHOT", &out)
        .env(
            "HEARME_DATA",
            Path::new(env!("CARGO_TARGET_TMPDIR")).join("render-data"),
        )
        .env("WGPU_BACKEND", "vulkan")
        .stdout(Stdio::null())
        .stderr(Stdio::piped());
    if let Some(board) = board {
        command.env("HEARME_OPEN_BOARD", board);
    }
    command.env("HEARME_WINDOW_SIZE", format!("{width}x{height}"));
    let mut child = command
        .spawn()
        .expect("xvfb-run is installed (tools/install-deps)");
    let started = Instant::now();
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            let mut stderr = String::new();
            use std::io::Read;
            child
                .stderr
                .take()
                .unwrap()
                .read_to_string(&mut stderr)
                .unwrap();
            assert!(
                status.success(),
                "the app failed under xvfb: {status}\n{stderr}"
            );
            break;
        }
        if started.elapsed() > Duration::from_secs(180) {
            let _ = child.kill();
            panic!("no screenshot within 180 s");
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    out
}

fn close(a: [u8; 3], b: [u8; 3]) -> bool {
    a.iter().zip(b).all(|(x, y)| x.abs_diff(y) <= 6)
}

fn assert_board_drawn(path: &Path, width: u32, height: u32) {
    let shot = image::open(path).expect("a PNG screenshot").to_rgb8();
    assert_eq!((shot.width(), shot.height()), (width, height));

    let mut distinct = std::collections::HashSet::new();
    for pixel in shot.pixels().step_by(7) {
        distinct.insert(pixel.0);
    }
    assert!(
        distinct.len() > 500,
        "the screen is nearly blank: {} colours",
        distinct.len()
    );

    // Every word class on the home board shows up as cell backgrounds: the grid is there.
    for class in [
        WordClass::People,
        WordClass::Verb,
        WordClass::Describing,
        WordClass::Noun,
        WordClass::Social,
        WordClass::Negation,
    ] {
        let rgb = word_class_colour(class).to_srgba();
        let want = [
            (rgb.red * 255.0).round() as u8,
            (rgb.green * 255.0).round() as u8,
            (rgb.blue * 255.0).round() as u8,
        ];
        let count = shot.pixels().filter(|p| close(p.0, want)).count();
        assert!(
            count > 2000,
            "{class:?} cells: only {count} pixels of {want:?}"
        );
    }
}

#[test]
fn the_home_board_renders_with_its_grid_and_pictures() {
    let path = screenshot_of_board(None, 1280, 800, "home-board.png");
    assert_board_drawn(&path, 1280, 800);
}

#[test]
fn the_home_board_renders_in_portrait() {
    let path = screenshot_of_board(None, 800, 1280, "home-board-portrait.png");
    assert_board_drawn(&path, 800, 1280);
}
