//! The child's theme and text size on the screens: a dark or high-contrast profile draws every
//! part of the child's screen in its palette, the worker's choice repaints it at once, and the
//! largest text size runs out of no cell or message symbol, either way up.

use bevy::prelude::*;
use bevy::text::TextLayoutInfo;

use hearme::Content;
use hearme::board::Navigation;
use hearme::message_bar::{Message, MessageSymbol};
use hearme::model::child_settings::{self, TextSize, Theme};
use hearme::model::theme::{DARK, HIGH_CONTRAST, Rgb, STANDARD};

use crate::harness::*;
use crate::visit::{app_for, open_area, with_profile};

fn luminance(colour: Color) -> f32 {
    let c = colour.to_srgba();
    Rgb(c.red, c.green, c.blue).luminance()
}

fn same(colour: Color, wanted: Rgb) -> bool {
    let c = colour.to_srgba();
    (c.red - wanted.0).abs() < 0.01
        && (c.green - wanted.1).abs() < 0.01
        && (c.blue - wanted.2).abs() < 0.01
}

fn face(app: &mut App, entity: Entity) -> Color {
    app.world().get::<BackgroundColor>(entity).unwrap().0
}

/// The colour of the first word drawn inside `entity`.
fn ink_under(app: &mut App, entity: Entity) -> Color {
    let mut texts = app.world_mut().query::<(Entity, &TextColor)>();
    let found: Vec<(Entity, Color)> = texts.iter(app.world()).map(|(e, c)| (e, c.0)).collect();
    found
        .into_iter()
        .find(|(text, _)| is_under(app, *text, entity))
        .map(|(_, c)| c)
        .expect("a word inside")
}

fn is_under(app: &App, mut entity: Entity, ancestor: Entity) -> bool {
    while let Some(parent) = app.world().get::<ChildOf>(entity) {
        if parent.parent() == ancestor {
            return true;
        }
        entity = parent.parent();
    }
    false
}

fn clear_colour(app: &App) -> Color {
    app.world().resource::<ClearColor>().0
}

fn themed_app(theme: Theme, text_size: TextSize, width: u32, height: u32) -> App {
    let mut content = Content::built_in();
    content.settings.theme = theme;
    content.settings.text_size = text_size;
    let mut app = app_with(content, width, height);
    settle(&mut app);
    app
}

#[test]
fn a_dark_profile_draws_dim_cells_with_white_words_and_its_own_nav_strip() {
    let mut app = themed_app(Theme::Dark, TextSize::Standard, 1280, 800);
    let want = cell_entity(&mut app, "home", "want").unwrap();
    let cell = luminance(face(&mut app, want));
    assert!((0.1..0.183).contains(&cell), "a dim face: {cell}");
    assert!(luminance(ink_under(&mut app, want)) > 0.9, "white words");
    assert!(same(clear_colour(&app), DARK.background));
    let home = named(&mut app, "Home button");
    assert!(same(face(&mut app, home), DARK.button));
    let speak = named(&mut app, "Speak button");
    assert!(same(face(&mut app, speak), DARK.button));

    let mut app = themed_app(Theme::HighContrast, TextSize::Standard, 1280, 800);
    assert!(same(clear_colour(&app), HIGH_CONTRAST.background));
    let want = cell_entity(&mut app, "home", "want").unwrap();
    assert!(luminance(ink_under(&mut app, want)) < 0.001, "black words");
    let home = named(&mut app, "Home button");
    assert!(same(face(&mut app, home), HIGH_CONTRAST.button));
}

#[test]
fn the_workers_theme_choice_repaints_the_childs_screen_and_is_kept() {
    let data = with_profile("theme-choice", "AB");
    let mut app = app_for(&data);
    open_area(&mut app);
    tap_named(&mut app, "Profiles button");
    tap_named(&mut app, "Profile settings button");
    tap_named(&mut app, "Theme high contrast");
    assert!(text_under(&mut app, "Child settings message").contains("Saved"));
    assert_eq!(
        child_settings::load(&data, "AB").unwrap().theme,
        Theme::HighContrast
    );
    tap_named(&mut app, "Child settings back button");
    tap_named(&mut app, "Profiles back button");
    tap_named(&mut app, "Back to board button");
    let home = named(&mut app, "Home button");
    assert!(same(face(&mut app, home), HIGH_CONTRAST.button));
    assert!(same(clear_colour(&app), HIGH_CONTRAST.background));
    let credit = named(&mut app, "Symbol credit");
    assert!(same(ink_of(&app, credit), HIGH_CONTRAST.on_background));

    open_area(&mut app);
    tap_named(&mut app, "Profiles button");
    tap_named(&mut app, "Profile settings button");
    tap_named(&mut app, "Theme standard");
    tap_named(&mut app, "Child settings back button");
    tap_named(&mut app, "Profiles back button");
    tap_named(&mut app, "Back to board button");
    let home = named(&mut app, "Home button");
    assert!(same(face(&mut app, home), STANDARD.button));
}

fn ink_of(app: &App, entity: Entity) -> Color {
    app.world().get::<TextColor>(entity).unwrap().0
}

/// The words whose drawn text runs out of the cell, button, card or message symbol it is in,
/// and the pictures a word has squeezed to less than 40 % of their cell's height.
fn words_running_out(app: &mut App) -> Vec<String> {
    let mut boxes = app.world_mut().query_filtered::<
        (Entity, &ComputedNode, &UiGlobalTransform),
        Or<(With<Button>, With<MessageSymbol>)>,
    >();
    let boxes: Vec<(Entity, Vec2, Vec2)> = boxes
        .iter(app.world())
        .map(|(e, node, at)| (e, at.translation, node.size()))
        .filter(|(_, _, size)| size.x > 0.0)
        .collect();
    let mut texts = app
        .world_mut()
        .query::<(Entity, &Text, &TextLayoutInfo, &UiGlobalTransform)>();
    let texts: Vec<(Entity, String, Vec2, Vec2)> = texts
        .iter(app.world())
        .map(|(e, text, layout, at)| (e, text.0.clone(), at.translation, layout.size))
        .collect();
    let mut out = Vec::new();
    let mut looked_at = 0;
    for (text, word, centre, size) in texts {
        let Some((_, box_centre, box_size)) = boxes.iter().find(|(b, ..)| is_under(app, text, *b))
        else {
            continue;
        };
        looked_at += 1;
        let half = size / 2.0;
        let inside = (centre - half)
            .cmpge(*box_centre - *box_size / 2.0 - 1.0)
            .all()
            && (centre + half)
                .cmple(*box_centre + *box_size / 2.0 + 1.0)
                .all();
        if !inside || size.x <= 0.0 {
            out.push(format!("{word:?}: {size} in {box_size}"));
        }
    }
    assert!(looked_at > 10, "the cells' words are looked at");
    // A body map's region keeps its picture small by design: its word is what matters.
    let regions: Vec<Entity> = app
        .world_mut()
        .query::<(Entity, &Name)>()
        .iter(app.world())
        .filter(|(_, name)| name.starts_with("Region "))
        .map(|(e, _)| e)
        .collect();
    let mut pictures = app
        .world_mut()
        .query_filtered::<(Entity, &ComputedNode), With<ImageNode>>();
    let pictures: Vec<(Entity, Vec2)> = pictures
        .iter(app.world())
        .map(|(e, node)| (e, node.size()))
        .collect();
    for (picture, size) in pictures {
        if let Some((cell, _, box_size)) = boxes.iter().find(|(b, ..)| is_under(app, picture, *b))
            && !regions.contains(cell)
            && size.y < 0.4 * box_size.y
        {
            out.push(format!("picture in {cell}: {size} in {box_size}"));
        }
    }
    out
}

#[test]
fn the_largest_text_runs_out_of_no_cell_and_no_message_symbol_either_way_up() {
    for (width, height) in [(1280, 800), (800, 1280)] {
        let mut app = themed_app(Theme::Standard, TextSize::Largest, width, height);
        let boards: Vec<String> = {
            let content = app.world().resource::<Content>();
            content.vocabulary.boards.keys().cloned().collect()
        };
        for board in &boards {
            app.world_mut().resource_mut::<Navigation>().open(board);
            settle(&mut app);
            let cells = cells_on_screen(&mut app);
            if let Some(cell) = cells.first() {
                let word = {
                    let content = app.world().resource::<Content>();
                    let board = content.vocabulary.board(&cell.board).unwrap();
                    board
                        .cells
                        .iter()
                        .find(|c| c.id == cell.cell)
                        .unwrap()
                        .word
                        .clone()
                };
                let mut message = app.world_mut().resource_mut::<Message>();
                if message.items.len() < 3 {
                    message.items.push(hearme::message_bar::MessageItem {
                        board: cell.board.clone(),
                        cell: cell.cell.clone(),
                        spoken: word.clone(),
                        language: None,
                        word,
                        symbol: String::new(),
                        by: hearme::model::session::Actor::Child,
                    });
                }
            }
            settle(&mut app);
            let out = words_running_out(&mut app);
            assert!(out.is_empty(), "{width}×{height}, board {board}: {out:#?}");
        }
    }
}

#[test]
fn the_largest_text_runs_out_of_no_activity_card() {
    let mut app = themed_app(Theme::Standard, TextSize::Largest, 1280, 800);
    let activities: Vec<String> = app
        .world()
        .resource::<hearme::activity::ActivityLibrary>()
        .activities
        .listed()
        .map(|a| a.id.clone())
        .collect();
    assert!(activities.len() > 3);
    for id in activities {
        tap_named(&mut app, "Activities button");
        let out = words_running_out(&mut app);
        assert!(out.is_empty(), "the list: {out:#?}");
        tap_named(&mut app, &format!("Activity {id}"));
        let out = words_running_out(&mut app);
        assert!(out.is_empty(), "activity {id}: {out:#?}");
        tap_named(&mut app, "Close activity button");
    }
}
