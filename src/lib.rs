//! Hearme: a picture-symbol communication aid for children, and visit summaries for their workers.

pub mod model;

pub mod activity;
pub mod board;
mod dev_tools;
pub mod input;
pub mod keys;
pub use input::simulate_touch;
pub mod message_bar;
pub mod obf_cli;
pub mod power;
pub mod print_cli;
pub mod screen;
pub mod setup;
pub mod speech_cli;
pub mod symbol_images;
pub mod theme;
pub mod visit;
pub mod visits_cli;
pub mod voice;
pub mod worker;

use std::path::PathBuf;
use std::sync::Arc;

use bevy::prelude::*;

use model::summary::picture::PictureRef;
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
    /// The data folder (recorded clips, visits); `None` runs on built-in content only.
    pub data_dir: Option<PathBuf>,
    /// The board the app starts on instead of home (`--open-board`, for screenshots).
    pub open_board: Option<String>,
    /// The profile shown: `default` (built-in) or a label in `DATA/profiles/`.
    pub profile: String,
    /// The shown profile's own settings (the defaults for the built-in profile).
    pub settings: model::child_settings::ChildSettings,
    /// The profile to show once the PIN has opened the keys: on a tablet with keys the app
    /// starts on the built-in boards, which hold nothing personal (docs/data-protection.md).
    pub locked_profile: Option<String>,
}

impl Content {
    /// The built-in default vocabulary and symbol library.
    pub fn built_in() -> Self {
        Self::built_in_with(Arc::new(SymbolLibrary::built_in()))
    }

    /// The built-in vocabulary on a symbol library already read.
    fn built_in_with(symbols: Arc<SymbolLibrary>) -> Self {
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
            symbols,
            notices,
            data_dir: None,
            open_board: None,
            profile: model::profile::DEFAULT_PROFILE.to_string(),
            settings: Default::default(),
            locked_profile: None,
        }
    }

    /// Where the shown profile's recordings and photos are (`media/` under it): the profile's
    /// folder, or the data folder itself for the built-in profile (as before profiles).
    pub fn media_root(&self) -> Option<PathBuf> {
        if self.locked_profile.is_some() {
            return None;
        }
        let data_dir = self.data_dir.as_ref()?;
        Some(if self.profile == model::profile::DEFAULT_PROFILE {
            data_dir.clone()
        } else {
            model::profile::profile_dir(data_dir, &self.profile)
        })
    }

    /// The active profile's vocabulary (`DATA/profiles/<label>/vocab`); for the built-in
    /// profile the one in `DATA/vocab/default` if there is one, else the built-in one. A
    /// vocabulary with problems is not used (its file is left as it is); its problems become
    /// notices and the built-in vocabulary is shown meanwhile.
    pub fn for_data_dir(data_dir: Option<&PathBuf>) -> Self {
        let active = data_dir.and_then(|d| model::profile::active(d));
        if let Some(data) = data_dir.filter(|data| model::keyring::has_keys(data)) {
            let mut locked = Content::built_in();
            locked.data_dir = Some(data.clone());
            locked.locked_profile =
                Some(active.unwrap_or_else(|| model::profile::DEFAULT_PROFILE.to_string()));
            return locked;
        }
        Self::for_profile(data_dir, active.as_deref())
    }

    /// As [`Content::for_data_dir`], for the given profile (`None`: the built-in one).
    pub fn for_profile(data_dir: Option<&PathBuf>, profile: Option<&str>) -> Self {
        Self::for_profile_on(Content::built_in(), data_dir, profile)
    }

    /// The same data folder shown with another profile, keeping the symbol library (a switch
    /// in the worker area need not read it again).
    pub fn switched_to(&self, profile: Option<&str>) -> Self {
        let base = Content::built_in_with(self.symbols.clone());
        Self::for_profile_on(base, self.data_dir.as_ref(), profile)
    }

    fn for_profile_on(
        mut content: Content,
        data_dir: Option<&PathBuf>,
        profile: Option<&str>,
    ) -> Self {
        content.data_dir = data_dir.cloned();
        let dir = match (data_dir, profile) {
            (Some(data), Some(label)) => {
                content.profile = label.to_string();
                match model::child_settings::load(data, label) {
                    Ok(settings) => content.settings = settings,
                    Err(why) => content.notices.push(format!(
                        "The profile's settings cannot be read, so the defaults are used: {why}"
                    )),
                }
                model::profile::profile_dir(data, label).join("vocab")
            }
            (Some(data), None) => data.join("vocab").join("default"),
            (None, _) => return content,
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

    /// `text` with the shown profile's folder written as `DATA/profiles/<profile>`, so a log
    /// line never carries the child's label.
    pub fn without_label(&self, text: &str) -> String {
        match (&self.data_dir, self.profile.as_str()) {
            (Some(data), label) if label != model::profile::DEFAULT_PROFILE => {
                let folder = model::profile::profile_dir(data, label);
                text.replace(&folder.display().to_string(), "DATA/profiles/<profile>")
            }
            _ => text.to_string(),
        }
    }

    /// The picture a summary tile names, from the symbol library (see [`Content::symbol_id`]).
    pub fn symbol_picture(&self, tile: &PictureRef) -> Option<image::RgbaImage> {
        let symbol = self.symbols.get(&self.symbol_id(tile)?)?;
        let path = asset_root().join("symbols").join(&symbol.small);
        image::open(path).ok().map(|picture| picture.to_rgba8())
    }

    /// The library's symbol for a summary tile: the very symbol journaled; else an activity's
    /// choice (that activity's picture for the word first); else, for journals written before
    /// pictures were, a cell id or word of the vocabulary (home first), then of an activity.
    pub fn symbol_id(&self, tile: &PictureRef) -> Option<String> {
        static BUILT_IN_ACTIVITIES: std::sync::OnceLock<model::activity::Activities> =
            std::sync::OnceLock::new();
        let activities = || {
            BUILT_IN_ACTIVITIES
                .get_or_init(|| model::activity::Activities::built_in(&self.symbols).0)
        };
        let of_vocabulary = |name: &str| {
            let home = self.vocabulary.home().into_iter();
            let boards = home.chain(self.vocabulary.boards.values());
            boards
                .flat_map(|board| board.cells.iter())
                .find(|cell| cell.id == name || cell.word.eq_ignore_ascii_case(name))
                .map(|cell| cell.symbol.clone())
        };
        let symbol_id = match tile {
            PictureRef::Symbol(symbol) => symbol.clone(),
            PictureRef::Choice { activity, word } => activities()
                .symbol_for_word(activity, word)
                .map(String::from)
                .or_else(|| of_vocabulary(word))
                .unwrap_or_else(|| word.clone()),
            PictureRef::Word(name) => of_vocabulary(name)
                .or_else(|| activities().symbol_for_word("", name).map(String::from))
                .unwrap_or_else(|| name.clone()),
        };
        self.symbols.get(&symbol_id).map(|_| symbol_id)
    }
}

/// Adds every feature plugin. The caller provides `DefaultPlugins` (windowed, or headless in tests)
/// and a [`Content`] resource.
pub fn plugin(app: &mut App) {
    app.add_plugins((
        input::plugin,
        theme::plugin,
        symbol_images::plugin,
        screen::plugin,
        board::plugin,
        message_bar::plugin,
        voice::plugin,
        keys::plugin,
        visit::plugin,
        activity::plugin,
        worker::plugin,
        power::plugin,
        dev_tools::plugin,
    ));
}

/// Crates that would log what the child says (the speech backends trace every text they are
/// given): never logged, whatever `RUST_LOG` asks (docs/data-protection.md).
pub const QUIET_LOGS: &str = "tts=off,speech_dispatcher=off";

/// `RUST_LOG` with [`QUIET_LOGS`] after it, so it cannot turn them back on.
pub fn quieted_log_filter(asked: &str) -> String {
    format!("{asked},{QUIET_LOGS}")
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
                file_path: asset_root().display().to_string(),
                ..default()
            })
            .set(bevy::log::LogPlugin {
                filter: format!("{},{QUIET_LOGS}", bevy::log::DEFAULT_FILTER),
                ..default()
            })
            // Small GPU memory blocks: a tablet has little memory, and the app draws a light 2D
            // UI where the default 128-256 MB blocks would stay mostly empty.
            .set(bevy::render::RenderPlugin {
                render_creation: bevy::render::settings::WgpuSettings {
                    memory_hints: bevy::render::settings::MemoryHints::MemoryUsage,
                    ..default()
                }
                .into(),
                // Compile render pipelines when first needed rather than in the background, so
                // the first frame with the board on it really draws it.
                synchronous_pipeline_compilation: true,
                ..default()
            }),
    )
    .insert_resource(content)
    .add_plugins(plugin);
    app
}

/// Where `assets/` and `symbols/` are: `BEVY_ASSET_ROOT` or `CARGO_MANIFEST_DIR` when set (as
/// Bevy itself reads them), else beside an installed binary when they are there, else the
/// source tree this binary was built from (a developer running `target/debug/hearme`).
pub fn asset_root() -> PathBuf {
    for variable in ["BEVY_ASSET_ROOT", "CARGO_MANIFEST_DIR"] {
        if let Some(root) = std::env::var_os(variable) {
            return PathBuf::from(root);
        }
    }
    let beside_binary = std::env::current_exe()
        .ok()
        .and_then(|exe| exe.parent().map(PathBuf::from));
    match beside_binary {
        Some(dir) if dir.join("symbols").is_dir() => dir,
        _ => PathBuf::from(env!("CARGO_MANIFEST_DIR")),
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

/// The whole app with no window system and no GPU (full `DefaultPlugins`, layout and picking
/// included), for tests and benchmarks that drive it with simulated touches.
pub fn headless_app(content: Content, voice: voice::VoiceOutput, width: u32, height: u32) -> App {
    use bevy::render::{RenderPlugin, settings::WgpuSettings};
    use bevy::window::{ExitCondition, WindowResolution};
    let mut app = App::new();
    app.add_plugins(
        DefaultPlugins
            .set(RenderPlugin {
                render_creation: WgpuSettings {
                    backends: None,
                    ..default()
                }
                .into(),
                ..default()
            })
            .set(WindowPlugin {
                primary_window: Some(Window {
                    resolution: WindowResolution::new(width, height),
                    ..default()
                }),
                exit_condition: ExitCondition::DontExit,
                close_when_requested: false,
                ..default()
            })
            .set(AssetPlugin {
                file_path: asset_root().display().to_string(),
                ..default()
            })
            .disable::<bevy::winit::WinitPlugin>()
            .disable::<bevy::log::LogPlugin>(),
    );
    app.insert_resource(content)
        .insert_resource(voice)
        .add_plugins(plugin);
    app.finish();
    app.cleanup();
    app
}
