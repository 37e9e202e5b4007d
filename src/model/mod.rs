//! The product's rules and file formats, in plain Rust with no Bevy, so the CLI and tests reuse them.

pub mod check;
pub mod export;
pub mod files;
pub mod picture;
pub mod problem;
pub mod review;
pub mod scale;
pub mod session;
pub mod summary;
pub mod symbols;
pub mod vocab;
pub mod voice;
