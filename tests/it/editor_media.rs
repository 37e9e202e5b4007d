//! A cell's photo and recording chosen from the editor through the pointer path, with the file
//! dialog replaced by one that hands over a test file: the photo is stored (square, no EXIF:
//! `tests/it/photos.rs` checks how) and shown on the child's board, the recording is what the
//! cell then says, and a cancelled dialog changes nothing.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use bevy::prelude::*;
use image::{Rgb, RgbImage};

use hearme::Content;
use hearme::model::photo::photo_path;
use hearme::model::profile::{add, profile_dir, set_active};
use hearme::model::voice::{recording_path, save_recording};
use hearme::symbol_images::SymbolImages;
use hearme::worker::FileChooser;

use crate::harness::*;
use crate::journal::scratch;
use crate::visit::{FRAME, open_area};
use crate::voice::{sine, utterances};

fn editor_on_want(data: &Path, chosen: Option<PathBuf>) -> App {
    add(data, "AB", None).unwrap();
    set_active(data, "AB").unwrap();
    let mut app = app_with(Content::for_data_dir(Some(&data.to_path_buf())), 1280, 800);
    app.insert_resource(FileChooser(Arc::new(move |_| chosen.clone())));
    step_time(&mut app, FRAME);
    open_area(&mut app);
    tap_named(&mut app, "Vocabulary button");
    tap_named(&mut app, "Editor cell want");
    app
}

/// Runs frames until the editor says what the job came to (it works off the main thread).
fn outcome_of(app: &mut App, button: &str) -> String {
    tap_named(app, button);
    for _ in 0..100 {
        app.update();
        let said = text_under(app, "Editor message");
        if said.contains("Saved") || said.contains("Not changed") {
            return said;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    panic!(
        "the job never finished: {}",
        text_under(app, "Editor message")
    );
}

fn hand_back(app: &mut App) {
    tap_named(app, "Editor done button");
    tap_named(app, "Back to board button");
}

#[test]
fn a_photo_chosen_in_the_dialog_becomes_the_cells_picture() {
    let data = scratch("editor-photo");
    let file = data.join("gran.png");
    RgbImage::from_pixel(900, 600, Rgb([200, 40, 40]))
        .save(&file)
        .unwrap();
    let mut app = editor_on_want(&data, Some(file));
    let said = outcome_of(&mut app, "Photo button");
    assert!(said.contains("Saved"), "{said}");
    let stored = photo_path(&profile_dir(&data, "AB"), "home", "want");
    let photo = image::load_from_memory(&crate::visit::read_sealed(&data, &stored)).unwrap();
    assert_eq!((photo.width(), photo.height()), (512, 512));
    hand_back(&mut app);
    let images = app.world().resource::<SymbolImages>();
    assert_eq!(
        images.picture_id("home", "want", "palm-up-hand"),
        "photo:home/want"
    );
    let shown = images.get("photo:home/want");
    let cell = cell_entity(&mut app, "home", "want").unwrap();
    let mut pictures = app.world_mut().query::<(&ImageNode, &ChildOf)>();
    let mut on_cell = false;
    for (node, parent) in pictures.iter(app.world()) {
        let grand = app
            .world()
            .get::<ChildOf>(parent.parent())
            .map(ChildOf::parent);
        on_cell |= node.image == shown && grand == Some(cell);
    }
    assert!(on_cell, "the board's cell draws the photo");
}

#[test]
fn a_recording_chosen_in_the_dialog_is_what_the_cell_says() {
    let data = scratch("editor-voice");
    let file = data.join("want.wav");
    save_recording(&file, &sine(0.6, 22_050, 0.5)).unwrap();
    let mut app = editor_on_want(&data, Some(file));
    let said = outcome_of(&mut app, "Voice file button");
    assert!(said.contains("Saved"), "{said}");
    let stored = recording_path(&profile_dir(&data, "AB"), "home", "want");
    assert!(stored.is_file());
    hand_back(&mut app);
    tap_cell(&mut app, "home", "want");
    assert_eq!(utterances(&app).last(), Some(&vec![stored]));
}

#[test]
fn a_cancelled_dialog_or_a_broken_file_changes_nothing() {
    let data = scratch("editor-cancel");
    let mut app = editor_on_want(&data, None);
    let said = outcome_of(&mut app, "Photo button");
    assert!(said.contains("No file was chosen"), "{said}");
    assert!(!photo_path(&profile_dir(&data, "AB"), "home", "want").exists());

    let data = scratch("editor-broken-photo");
    std::fs::create_dir_all(&data).unwrap();
    let file = data.join("broken.jpg");
    std::fs::write(&file, b"\xFF\xD8\xFF\xE0 not really a photo").unwrap();
    let mut app = editor_on_want(&data, Some(file));
    let said = outcome_of(&mut app, "Photo button");
    assert!(
        said.contains("Not changed") && said.contains("broken.jpg"),
        "{said}"
    );
    assert!(!photo_path(&profile_dir(&data, "AB"), "home", "want").exists());
}

#[test]
fn a_recording_chosen_again_replaces_the_one_the_voice_had_decoded() {
    let data = scratch("editor-voice-again");
    let (first, second) = (data.join("first.wav"), data.join("second.wav"));
    save_recording(&first, &sine(0.6, 22_050, 0.5)).unwrap();
    save_recording(&second, &sine(1.2, 22_050, 0.5)).unwrap();
    let chosen = Arc::new(std::sync::Mutex::new(first));
    let mut app = {
        let chosen = chosen.clone();
        let mut app = editor_on_want(&data, None);
        app.insert_resource(FileChooser(Arc::new(move |_| {
            Some(chosen.lock().unwrap().clone())
        })));
        app
    };
    assert!(outcome_of(&mut app, "Voice file button").contains("Saved"));
    let stored = recording_path(&profile_dir(&data, "AB"), "home", "want");
    hand_back(&mut app);
    tap_cell(&mut app, "home", "want");
    let cache = app.world().resource::<hearme::voice::ClipCache>().clone();
    assert!(cache.is_decoded(&stored), "the first recording was played");

    *chosen.lock().unwrap() = second;
    open_area(&mut app);
    tap_named(&mut app, "Vocabulary button");
    tap_named(&mut app, "Editor cell want");
    assert!(outcome_of(&mut app, "Voice file button").contains("Saved"));
    app.update();
    assert!(!cache.is_decoded(&stored), "the old decoding is let go");
    hand_back(&mut app);
    tap_cell(&mut app, "home", "want");
    assert_eq!(utterances(&app).last(), Some(&vec![stored.clone()]));
    assert!(
        cache.is_decoded(&stored),
        "the new recording is decoded and played"
    );
}
