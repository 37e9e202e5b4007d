//! The one integration-test binary (one link of the Bevy graph instead of one per file).

mod activities;
mod activity_rules;
mod board_app;
mod check_cli;
mod child_settings;
mod editor;
mod editor_media;
mod editor_rules;
mod harness;
mod journal;
mod photos;
mod pin;
mod pin_pad;
mod power_loss;
mod profiles;
mod profiles_app;
mod record;
mod render;
mod review;
mod seal;
mod settings;
mod summary;
mod symbols;
mod visit;
mod vocab;
mod voice;
