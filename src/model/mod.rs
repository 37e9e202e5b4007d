//! The product's rules and file formats, in plain Rust with no Bevy, so the CLI and tests reuse them.

pub mod access;
pub mod activity;
pub mod audit;
mod built_in_boards;
pub mod cell_look;
pub mod check;
pub mod child_settings;
pub mod concerns;
pub mod contrast;
pub mod editor;
pub mod export;
pub mod files;
pub mod journal;
pub mod keyring;
pub mod languages;
pub mod messages;
pub mod obf;
pub mod pdf;
pub mod photo;
pub mod pin;
pub mod problem;
pub mod profile;
pub mod read_back;
pub mod record;
pub mod review;
pub mod seal;
pub mod sealed_profiles;
pub mod session;
pub mod speech_engine;
pub mod summary;
pub mod symbols;
pub mod text_fit;
pub mod theme;
pub mod visit_form;
pub mod visits;
pub mod vocab;
pub mod voice;
pub mod worker_settings;

/// Andika (SIL Open Font License 1.1, `assets/fonts/`): the one font of the screens and the
/// picture summary.
pub const ANDIKA_REGULAR: &[u8] = include_bytes!("../../assets/fonts/Andika-Regular.ttf");
