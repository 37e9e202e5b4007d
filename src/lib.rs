//! Hearme: a picture-symbol communication aid for children, and visit summaries for their workers.

pub mod model;

pub mod board;
pub mod message_bar;
mod power;
mod probe;
pub mod screen;
pub mod symbol_images;
pub mod theme;

use std::path::PathBuf;
use std::sync::Arc;

use bevy::prelude::*;

use model::symbols::SymbolLibrary;
use model::vocab::Vocabulary;

/// What the app runs on: the child's vocabulary and the symbol library. Loaded before Bevy
/// starts, so the first frame can already lay out the home board.
#[derive(Resource, Clone)]
pub struct Content {
    pub vocabulary: Arc<Vocabulary>,
    pub symbols: Arc<SymbolLibrary>,
    /// Plain-words notices to show the worker (a vocabulary that failed to load, ...).
    pub notices: Vec<String>,
}

impl Content {
    /// The built-in default vocabulary and symbol library.
    pub fn built_in() -> Self {
        let symbols = SymbolLibrary::built_in();
        // The built-in boards are validated by the test suite; an empty vocabulary here would
        // show an empty board with a notice rather than crash.
        let (vocabulary, notices) = match Vocabulary::built_in(&symbols) {
            Ok(v) => (v, Vec::new()),
            Err(problems) => (
                Vocabulary {
                    boards: Default::default(),
                },
                problems.iter().map(ToString::to_string).collect(),
            ),
        };
        Content {
            vocabulary: Arc::new(vocabulary),
            symbols: Arc::new(symbols),
            notices,
        }
    }

    /// The vocabulary in `DATA/vocab/default` if there is one, else the built-in one. A
    /// vocabulary with problems is not used; its problems become notices.
    pub fn for_data_dir(data_dir: Option<&PathBuf>) -> Self {
        let mut content = Content::built_in();
        let Some(dir) = data_dir.map(|d| d.join("vocab").join("default")) else {
            return content;
        };
        if !dir.is_dir() {
            return content;
        }
        match Vocabulary::load_dir(&dir, &content.symbols) {
            Ok(vocabulary) => content.vocabulary = Arc::new(vocabulary),
            Err(problems) => {
                content.notices.push(format!(
                    "The vocabulary in {} has problems, so the built-in one is shown:",
                    dir.display()
                ));
                content
                    .notices
                    .extend(problems.iter().map(ToString::to_string));
            }
        }
        content
    }
}

/// Adds every feature plugin. The caller provides `DefaultPlugins` (windowed, or headless in tests)
/// and a [`Content`] resource.
pub fn plugin(app: &mut App) {
    app.add_plugins((
        theme::plugin,
        symbol_images::plugin,
        screen::plugin,
        board::plugin,
        message_bar::plugin,
        power::plugin,
        probe::plugin,
    ));
}

/// The app in a window, as a person uses it: 1280×800 (a 10-inch tablet) unless the window
/// system says otherwise.
pub fn windowed_app(content: Content) -> App {
    let mut app = App::new();
    app.add_plugins(
        DefaultPlugins
            .set(WindowPlugin {
                primary_window: Some(Window {
                    title: "Hearme".into(),
                    resolution: window_size(),
                    ..default()
                }),
                ..default()
            })
            .set(AssetPlugin {
                file_path: asset_root(),
                ..default()
            }),
    )
    .insert_resource(content)
    .add_plugins(plugin);
    app
}

/// Where `assets/` and `symbols/` are: beside an installed binary when they are there, else the
/// source tree this binary was built from (a developer running `target/debug/hearme`). Bevy
/// itself prefers `BEVY_ASSET_ROOT` and `CARGO_MANIFEST_DIR` when set.
pub fn asset_root() -> String {
    let beside_binary = std::env::current_exe()
        .ok()
        .and_then(|exe| exe.parent().map(|dir| dir.join("symbols")));
    let set_by_env = std::env::var_os("BEVY_ASSET_ROOT").is_some()
        || std::env::var_os("CARGO_MANIFEST_DIR").is_some();
    if set_by_env || beside_binary.is_some_and(|dir| dir.is_dir()) {
        ".".to_string()
    } else {
        env!("CARGO_MANIFEST_DIR").to_string()
    }
}

/// 1280×800 (a 10-inch tablet in landscape), or `HEARME_WINDOW_SIZE=WIDTHxHEIGHT` to try other
/// screens, e.g. `800x1280` for portrait.
fn window_size() -> bevy::window::WindowResolution {
    let asked = std::env::var("HEARME_WINDOW_SIZE").ok().and_then(|size| {
        let (width, height) = size.split_once('x')?;
        Some((
            width.trim().parse::<u32>().ok()?,
            height.trim().parse::<u32>().ok()?,
        ))
    });
    let (width, height) = asked
        .filter(|&(w, h)| w >= 320 && h >= 320)
        .unwrap_or((1280, 800));
    bevy::window::WindowResolution::new(width, height)
}
