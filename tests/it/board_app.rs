//! The board screen, driven headless by touches through Bevy's picking path.

use bevy::prelude::*;

use hearme::Content;
use hearme::board::{FolderTab, Navigation};
use hearme::message_bar::{Message, MessageSymbol, Speaking};
use hearme::model::vocab::HOME_BOARD;
use hearme::theme::PressFeedback;

use crate::harness::*;

/// 15 mm on a 10-inch 1280×800 screen (151 pixels per inch).
const MIN_CELL_PX: f32 = 15.0 / 25.4 * 151.0;

fn message_words(app: &App) -> Vec<String> {
    app.world()
        .resource::<Message>()
        .items
        .iter()
        .map(|i| i.word.clone())
        .collect()
}

fn shown_message_symbols(app: &mut App) -> usize {
    let mut query = app.world_mut().query::<&MessageSymbol>();
    query.iter(app.world()).count()
}

fn current_board(app: &App) -> String {
    app.world().resource::<Navigation>().current().to_string()
}

#[test]
fn home_board_shows_its_visible_cells_in_their_grid_places() {
    let mut app = tablet_app();
    let content = Content::built_in();
    let home = content.vocabulary.home().unwrap();
    let shown = cells_on_screen(&mut app);
    assert_eq!(shown.len(), home.visible_cells().count());
    assert!(shown.len() >= 40, "home shows {} cells", shown.len());

    // Cells sit by row and column: a later column is further right, a later row further down.
    let mut by_place = Vec::new();
    for cell in home.visible_cells() {
        let entity = cell_entity(&mut app, "home", &cell.id).unwrap();
        by_place.push((cell.row, cell.column, rect_of(&mut app, entity).0));
    }
    for &(row_a, col_a, a) in &by_place {
        for &(row_b, col_b, b) in &by_place {
            if col_a < col_b {
                assert!(a.x < b.x, "column {col_a} left of column {col_b}");
            }
            if row_a < row_b {
                assert!(a.y < b.y, "row {row_a} above row {row_b}");
            }
        }
    }
}

#[test]
fn hidden_cells_keep_their_place() {
    let content = Content::built_in();
    let home = content.vocabulary.home().unwrap();
    let hidden: Vec<_> = home.cells.iter().filter(|c| c.hidden).collect();
    assert!(
        !hidden.is_empty(),
        "the built-in home board shows the hidden-cell feature"
    );

    let mut app = tablet_app();
    let mut unhidden = content.clone();
    let mut vocabulary = (*unhidden.vocabulary).clone();
    for cell in &mut vocabulary.boards.get_mut(HOME_BOARD).unwrap().cells {
        cell.hidden = false;
    }
    unhidden.vocabulary = std::sync::Arc::new(vocabulary);
    let mut all_shown = app_with(unhidden, 1280, 800);

    for cell in &hidden {
        assert!(
            cell_entity(&mut app, "home", &cell.id).is_none(),
            "{} is hidden",
            cell.id
        );
    }
    for cell in home.visible_cells() {
        let with_hidden = cell_entity(&mut app, "home", &cell.id).unwrap();
        let without = cell_entity(&mut all_shown, "home", &cell.id).unwrap();
        assert_eq!(
            rect_of(&mut app, with_hidden),
            rect_of(&mut all_shown, without),
            "{} did not move",
            cell.id
        );
    }
}

#[test]
fn tapping_words_fills_the_message_bar_in_order() {
    let mut app = tablet_app();
    tap_cell(&mut app, "home", "i");
    tap_cell(&mut app, "home", "want");
    tap_cell(&mut app, "home", "drink");
    assert_eq!(message_words(&app), ["I", "want", "drink"]);
    assert_eq!(shown_message_symbols(&mut app), 3);
}

#[test]
fn the_message_bar_shows_a_tapped_word_in_the_same_frame() {
    let mut app = tablet_app();
    let entity = cell_entity(&mut app, "home", "more").unwrap();
    let (centre, _) = rect_of(&mut app, entity);
    press(&mut app, centre);
    release(&mut app, centre);
    // No extra update: the release frame already rebuilt the bar.
    assert_eq!(message_words(&app), ["more"]);
    assert_eq!(shown_message_symbols(&mut app), 1);
}

#[test]
fn delete_last_and_clear_edit_the_message() {
    let mut app = tablet_app();
    for word in ["i", "want", "go"] {
        tap_cell(&mut app, "home", word);
    }
    tap_named(&mut app, "Delete last button");
    assert_eq!(message_words(&app), ["I", "want"]);
    assert_eq!(shown_message_symbols(&mut app), 2);
    tap_named(&mut app, "Clear button");
    assert!(message_words(&app).is_empty());
    assert_eq!(shown_message_symbols(&mut app), 0);
}

#[test]
fn speak_highlights_the_message() {
    let mut app = tablet_app();
    tap_cell(&mut app, "home", "i");
    tap_cell(&mut app, "home", "want");
    assert_eq!(app.world().resource::<Speaking>().position, None);
    tap_named(&mut app, "Speak button");
    assert_eq!(app.world().resource::<Speaking>().position, Some(0));
    let first = named(&mut app, "Message symbol 0");
    let background = app.world().get::<BackgroundColor>(first).unwrap().0;
    assert_eq!(background, hearme::theme::HIGHLIGHT);
}

#[test]
fn a_folder_opens_its_board_and_back_and_home_return() {
    let mut app = tablet_app();
    tap_cell(&mut app, "home", "food-drink");
    assert_eq!(current_board(&app), "food-drink");
    let shown = cells_on_screen(&mut app);
    assert!(!shown.is_empty() && shown.iter().all(|c| c.board == "food-drink"));

    tap_cell(&mut app, "food-drink", "juice");
    assert_eq!(message_words(&app), ["juice"]);

    tap_named(&mut app, "Back button");
    assert_eq!(current_board(&app), "home");
    assert!(cells_on_screen(&mut app).iter().all(|c| c.board == "home"));

    tap_cell(&mut app, "home", "keeping-safe");
    assert_eq!(current_board(&app), "keeping-safe");
    tap_named(&mut app, "Home button");
    assert_eq!(current_board(&app), "home");
    assert_eq!(
        message_words(&app),
        ["juice"],
        "navigation keeps the message"
    );
}

#[test]
fn folders_have_a_tab_and_words_do_not() {
    let mut app = tablet_app();
    let content = Content::built_in();
    let home = content.vocabulary.home().unwrap();
    let folders = home.visible_cells().filter(|c| c.is_folder()).count();
    let mut tabs = app.world_mut().query_filtered::<Entity, With<FolderTab>>();
    assert_eq!(tabs.iter(app.world()).count(), folders);
    assert!(folders >= 10);
}

#[test]
fn a_press_shows_at_once_and_goes_when_released() {
    let mut app = tablet_app();
    let entity = cell_entity(&mut app, "home", "stop").unwrap();
    let (centre, _) = rect_of(&mut app, entity);
    let feedback = *app.world().get::<PressFeedback>(entity).unwrap();
    press(&mut app, centre);
    assert_eq!(
        app.world().get::<BackgroundColor>(entity).unwrap().0,
        feedback.pressed
    );
    release(&mut app, centre);
    assert_eq!(
        app.world().get::<BackgroundColor>(entity).unwrap().0,
        feedback.normal
    );
}

fn smallest_cell(app: &mut App) -> Vec2 {
    let cells: Vec<_> = cells_on_screen(app);
    let mut smallest = Vec2::splat(f32::MAX);
    for cell in cells {
        let entity = cell_entity(app, &cell.board, &cell.cell).unwrap();
        smallest = smallest.min(rect_of(app, entity).1);
    }
    smallest
}

#[test]
fn cells_are_at_least_15_mm_on_a_10_inch_tablet_either_way_up() {
    let mut landscape = tablet_app();
    let size = smallest_cell(&mut landscape);
    assert!(
        size.min_element() >= MIN_CELL_PX,
        "landscape cell {size} px, want {MIN_CELL_PX:.0}"
    );

    let mut portrait = app_with(Content::built_in(), 800, 1280);
    let size = smallest_cell(&mut portrait);
    assert!(
        size.min_element() >= MIN_CELL_PX,
        "portrait cell {size} px, want {MIN_CELL_PX:.0}"
    );
}

#[test]
fn turning_the_tablet_moves_the_nav_strip_and_keeps_the_grid_order() {
    let mut app = tablet_app();
    let strip = named(&mut app, "Nav strip");
    let (strip_centre, _) = rect_of(&mut app, strip);
    assert!(strip_centre.x < 200.0, "landscape: nav strip on the left");

    turn_window(&mut app, 800.0, 1280.0);
    let (strip_centre, _) = rect_of(&mut app, strip);
    assert!(
        strip_centre.y > 1000.0,
        "portrait: nav strip along the bottom, at {strip_centre}"
    );
    tap_cell(&mut app, "home", "yes");
    assert_eq!(
        message_words(&app),
        ["yes"],
        "cells still answer taps after turning"
    );
}

#[test]
fn the_symbols_are_credited_on_screen() {
    let mut app = tablet_app();
    let credit = named(&mut app, "Symbol credit");
    let (_, size) = rect_of(&mut app, credit);
    assert!(size.x > 0.0 && size.y > 0.0, "the credit is laid out");
    let mut texts = app.world_mut().query::<&Text>();
    assert!(
        texts
            .iter(app.world())
            .any(|t| t.0.contains("OpenMoji") && t.0.contains("CC BY-SA 4.0"))
    );
}

#[test]
fn a_press_and_release_in_the_same_frame_activate_exactly_once() {
    use bevy::input::touch::TouchPhase;
    let mut app = tablet_app();
    let want = cell_entity(&mut app, HOME_BOARD, "want").unwrap();
    let (centre, _) = rect_of(&mut app, want);
    // A slow frame: the finger went down and up before the app looked.
    hearme::simulate_touch(&mut app, centre, TouchPhase::Started);
    hearme::simulate_touch(&mut app, centre, TouchPhase::Ended);
    app.update();
    app.update();
    assert_eq!(message_words(&app), ["want"]);
}

#[test]
fn turning_the_tablet_sizes_the_labels_for_the_new_width_at_once() {
    let mut app = tablet_app();
    let label_size = |app: &mut App| {
        let cell = cell_entity(app, HOME_BOARD, "activities").unwrap();
        let mut texts = app.world_mut().query::<(&Text, &TextFont)>();
        let mut stack = vec![cell];
        while let Some(entity) = stack.pop() {
            if let Ok((_, font)) = texts.get(app.world(), entity) {
                return font.font_size;
            }
            if let Some(children) = app.world().get::<Children>(entity) {
                stack.extend(children.iter());
            }
        }
        panic!("the cell has a label");
    };
    let landscape = label_size(&mut app);
    turn_window(&mut app, 800.0, 1280.0);
    let portrait = label_size(&mut app);
    assert_ne!(
        landscape, portrait,
        "no board had to open for the labels to fit"
    );
    assert_eq!(
        portrait,
        FontSize::Px(hearme::board::label_size_for(800.0, 8))
    );
}

#[test]
fn upright_a_long_message_keeps_its_buttons_in_place_and_shows_the_newest_word() {
    let mut app = app_with(Content::built_in(), 800, 1280);
    let place = |app: &mut App, name: &str| {
        let entity = named(app, name);
        rect_of(app, entity)
    };
    let buttons = ["Speak button", "Delete last button", "Clear button"];
    let empty: Vec<(Vec2, Vec2)> = buttons.iter().map(|b| place(&mut app, b)).collect();
    let words = [
        "i", "want", "more", "drink", "you", "come", "play", "now", "go", "help",
    ];
    for cell in words {
        tap_cell(&mut app, "home", cell);
    }
    for (button, before) in buttons.iter().zip(&empty) {
        let (centre, size) = place(&mut app, button);
        assert_eq!((centre, size), *before, "{button} stays where it was");
        assert!(centre.x + size.x / 2.0 <= 800.0, "{button} is on screen");
    }
    // The newest word is inside the bar, left of the Speak button.
    let (newest, newest_size) = place(&mut app, "Message symbol 9");
    let (speak, speak_size) = empty[0];
    assert!(
        newest.x + newest_size.x / 2.0 <= speak.x - speak_size.x / 2.0,
        "the newest word ends at {} and Speak starts at {}",
        newest.x + newest_size.x / 2.0,
        speak.x - speak_size.x / 2.0
    );
    assert!(newest.x - newest_size.x / 2.0 >= 0.0, "and is on screen");
    // The words scrolled off are counted in the first place, so the message never looks short.
    let shown = shown_message_symbols(&mut app);
    assert_eq!(
        text_under(&mut app, "Older words"),
        format!("+{}", words.len() - shown)
    );
}

/// Each label whose drawn text reaches outside its cell's border, for every cell on screen.
fn label_overruns(app: &mut App) -> Vec<String> {
    let mut overruns = Vec::new();
    let cells: Vec<(Entity, String)> = {
        let mut query = app
            .world_mut()
            .query::<(Entity, &hearme::board::BoardCell)>();
        query
            .iter(app.world())
            .map(|(e, c)| (e, c.cell.clone()))
            .collect()
    };
    for (cell, id) in cells {
        let (cell_centre, cell_size) = rect_of(app, cell);
        // Inside the cell's border (2 px; a folder's body has 4).
        let (left, right) = (
            cell_centre.x - cell_size.x / 2.0 + 2.0,
            cell_centre.x + cell_size.x / 2.0 - 2.0,
        );
        let mut texts = app.world_mut().query::<(
            &bevy::text::TextLayoutInfo,
            &ComputedNode,
            &UiGlobalTransform,
        )>();
        let mut stack = vec![cell];
        while let Some(entity) = stack.pop() {
            if let Ok((layout, node, transform)) = texts.get(app.world(), entity) {
                let scale = node.inverse_scale_factor();
                let centre = transform.translation.x * scale;
                let half = layout.size.x * scale / 2.0;
                if centre - half < left || centre + half > right {
                    overruns.push(format!(
                        "{id}: {}..{} in {left}..{right}",
                        centre - half,
                        centre + half
                    ));
                }
            }
            if let Some(children) = app.world().get::<Children>(entity) {
                stack.extend(children.iter());
            }
        }
    }
    overruns
}

#[test]
fn every_label_fits_its_cell_either_way_up() {
    // Headless, the pictures have no size of their own, so this checks the words' sizes; the
    // pictures' part (a square picture widening a narrow folder) was checked on screen
    // (docs/home-board-portrait.png).
    let mut app = tablet_app();
    assert_eq!(label_overruns(&mut app), Vec::<String>::new(), "landscape");
    turn_window(&mut app, 800.0, 1280.0);
    assert_eq!(label_overruns(&mut app), Vec::<String>::new(), "upright");
}
