//! A child's own settings and communication details, set on their profile's page through the
//! pointer path: the board and the voice follow each choice at once, the choices survive a
//! restart, the summary names how the child usually communicates, and a broken settings file
//! is reported while the defaults are used.

use bevy::prelude::*;

use hearme::Content;
use hearme::model::child_settings::{self, LabelPosition};
use hearme::model::vocab::WordClass;
use hearme::theme::word_class_colour;
use hearme::worker::WorkerPage;

use crate::harness::*;
use crate::visit::{FRAME, app_for, area, open_area, start_visit, summary_so_far, with_profile};
use crate::voice::utterances;

fn cell_colour(app: &mut App, cell: &str) -> Color {
    let entity = cell_entity(app, "home", cell).expect("the cell is on the board");
    app.world().get::<BackgroundColor>(entity).unwrap().0
}

#[test]
fn the_board_and_voice_follow_the_childs_settings_and_the_summary_names_their_communication() {
    let data = with_profile("child-settings", "AB");
    let mut app = app_for(&data);
    assert_eq!(
        cell_colour(&mut app, "want"),
        word_class_colour(WordClass::Verb)
    );

    open_area(&mut app);
    tap_named(&mut app, "Profiles button");
    tap_named(&mut app, "Profile settings button");
    assert_eq!(area(&app), (true, WorkerPage::ChildSettings));
    type_into(&mut app, "Communication field", "signs and some words");
    type_into(&mut app, "Supports field", "Makaton, symbol board");
    tap_named(&mut app, "Colours off");
    tap_named(&mut app, "Word above");
    tap_named(&mut app, "Speak on tap off");
    assert!(text_under(&mut app, "Child settings message").contains("Saved"));
    let saved = child_settings::load(&data, "AB").unwrap();
    assert!(!saved.colour_coding && !saved.speak_on_tap);
    assert_eq!(saved.label_position, LabelPosition::Above);

    tap_named(&mut app, "Child settings back button");
    tap_named(&mut app, "Profiles back button");
    tap_named(&mut app, "Back to board button");
    assert_eq!(
        cell_colour(&mut app, "want"),
        word_class_colour(WordClass::Misc)
    );
    tap_cell(&mut app, "home", "want");
    assert!(utterances(&app).is_empty(), "no word is said on tap");

    start_visit(&mut app, "C-4001");
    let text = summary_so_far(&app);
    assert!(
        text.contains(
            "Usually communicates: signs and some words; supports usually used: Makaton, symbol board"
        ),
        "{text}"
    );
    drop(app);

    // After a restart, once the PIN has opened the profile, the board is still plain.
    let mut app = app_for(&data);
    open_area(&mut app);
    tap_named(&mut app, "Back to board button");
    assert_eq!(
        cell_colour(&mut app, "want"),
        word_class_colour(WordClass::Misc)
    );
}

#[test]
fn a_broken_settings_file_is_reported_and_the_defaults_are_used() {
    let data = with_profile("child-settings-broken", "AB");
    let file = child_settings::settings_path(&data, "AB");
    std::fs::write(&file, "(v: 1, colour_coding: maybe)").unwrap();
    let why = child_settings::load(&data, "AB").unwrap_err();
    assert!(why.contains("settings.ron:1:"), "{why}");
    let content = Content::for_data_dir(Some(&data.to_path_buf()));
    assert!(content.settings.colour_coding, "the defaults");
    let notice = content
        .notices
        .iter()
        .find(|n| n.contains("settings.ron"))
        .unwrap();
    // What may reach a log names the file, not the child's label.
    let logged = content.without_label(notice);
    assert!(logged.contains("DATA/profiles/<profile>/settings.ron") && !logged.contains("/AB/"));
    let mut app = app_with(content, 1280, 800);
    step_time(&mut app, FRAME);
    assert_eq!(
        cell_colour(&mut app, "want"),
        word_class_colour(WordClass::Verb)
    );
    open_area(&mut app);
    tap_named(&mut app, "Profiles button");
    tap_named(&mut app, "Profile settings button");
    assert!(text_under(&mut app, "Worker page").contains("cannot be read"));
    assert_eq!(
        crate::visit::read_sealed(&data, &file),
        b"(v: 1, colour_coding: maybe)"
    );
}

#[test]
fn the_system_voice_preference_and_word_size_reach_the_board() {
    let data = with_profile("child-settings-voice", "AB");
    let word_px = |app: &mut App| {
        let cell = cell_entity(app, "home", "want").unwrap();
        let mut fonts = app.world_mut().query::<(&TextFont, &ChildOf)>();
        let sizes: Vec<f32> = fonts
            .iter(app.world())
            .filter(|(_, parent)| {
                app.world()
                    .get::<ChildOf>(parent.parent())
                    .map(ChildOf::parent)
                    == Some(cell)
            })
            .map(|(font, _)| match font.font_size {
                FontSize::Px(px) => px,
                _ => 0.0,
            })
            .collect();
        sizes[0]
    };
    let mut app = app_for(&data);
    let standard = word_px(&mut app);
    drop(app);

    let mut settings = child_settings::load(&data, "AB").unwrap();
    settings.voice = child_settings::VoicePreference::System;
    settings.text_size = child_settings::TextSize::Large;
    child_settings::save(&data, "AB", &settings).unwrap();
    let (speech, said) = recording_speech(&data);
    let content = Content::for_data_dir(Some(&data.to_path_buf()));
    let voice = hearme::voice::VoiceOutput::without_device().0;
    let mut app = app_with_speech(content, voice, speech, 1280, 800);
    step_time(&mut app, FRAME);
    assert!(word_px(&mut app) > standard, "large words are drawn larger");
    tap_cell(&mut app, "home", "want");
    assert!(
        utterances(&app).is_empty(),
        "the bundled clip is not played"
    );
    let heard = heard_by(&said);
    assert_eq!(heard.trim(), "want", "the system voice says it");
}
