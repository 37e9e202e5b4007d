//! The activities that place things: the houses with their symbol picker (the child's own
//! vocabulary, one board at a time) and the body map's front and back outlines.

use bevy::prelude::*;

use super::activity_control;
use super::screens::Cards;
use super::screens::{CHOICE_LABEL_PX, wrapping_row};
use crate::Content;
use crate::input::Control;
use crate::model::activity::{Action, House, Region, Run, Side};
use crate::theme::{self, GAP_PX, PictureChoice, PressFeedback, picture_choice};

/// The body map's outline boxes; every region stays at least 15 mm (89 px) either way.
const OUTLINE_WIDTH_PX: f32 = 370.0;
const OUTLINE_HEIGHT_PX: f32 = 560.0;
/// Symbols offered at once in the houses' picker (one row on a tablet; "More" shows the next).
const PICKER_CELLS: usize = 8;
const REGION_WORD_PX: f32 = 18.0;

pub(super) fn house_row(
    page: &mut ChildSpawnerCommands,
    run: &Run,
    houses: &[House],
    cards: &Cards,
) {
    page.spawn((Name::new("Houses"), wrapping_row()))
        .with_children(|row| {
            for (index, house) in houses.iter().enumerate() {
                let words = run
                    .house_words
                    .get(index)
                    .map(|w| w.join(", "))
                    .unwrap_or_default();
                row.spawn(Node {
                    flex_direction: FlexDirection::Column,
                    align_items: AlignItems::Center,
                    width: px(300.0),
                    ..default()
                })
                .with_children(|house_node| {
                    house_node.spawn(picture_choice(
                        PictureChoice {
                            name: format!("House {}", house.id),
                            word: &house.word,
                            picture: cards.picture(&house.symbol),
                            colour: cards.palette.plain,
                            size: (220.0, 150.0),
                            chosen: run.house == Some(index),
                            palette: &cards.palette,
                            text_scale: cards.text_scale,
                        },
                        activity_control(Action::House(index)),
                    ));
                    house_node.spawn(cards.words(words, 18.0));
                });
            }
        });
}

/// A word in the houses' picker: big enough that a phrase's picture stays legible.
const PICKER_CELL_SIZE: (f32, f32) = (124.0, 136.0);

/// The picture of a board's tab in the picker: the folder that opens it (home: a house).
fn board_symbol(vocabulary: &crate::model::vocab::Vocabulary, board: &str) -> String {
    let folders = vocabulary
        .home()
        .into_iter()
        .chain(vocabulary.boards.values())
        .flat_map(|b| b.cells.iter());
    folders
        .filter(|cell| cell.opens.as_deref() == Some(board))
        .map(|cell| cell.symbol.clone())
        .next()
        .unwrap_or_else(|| "house".to_string())
}

/// The vocabulary's words, one board at a time, to put in the chosen house.
pub(super) fn symbol_picker(
    page: &mut ChildSpawnerCommands,
    run: &Run,
    content: &Content,
    cards: &Cards,
) {
    if run.house.is_none() {
        page.spawn(cards.words(
            "Tap a house, then the things to put in it.",
            CHOICE_LABEL_PX,
        ));
        return;
    }
    let vocabulary = &content.vocabulary;
    page.spawn((Name::new("Picker boards"), wrapping_row()))
        .with_children(|tabs| {
            for board in vocabulary.home().into_iter().chain(
                vocabulary
                    .boards
                    .values()
                    .filter(|b| b.id != crate::model::vocab::HOME_BOARD),
            ) {
                let chosen = board.id == run.picker_board;
                tabs.spawn(picture_choice(
                    PictureChoice {
                        name: format!("Picker board {}", board.id),
                        word: &board.name,
                        picture: cards.picture(&board_symbol(vocabulary, &board.id)),
                        colour: cards.palette.plain,
                        size: (200.0, 92.0),
                        chosen,
                        palette: &cards.palette,
                        text_scale: cards.text_scale,
                    },
                    activity_control(Action::PickerBoard(board.id.clone())),
                ));
            }
        });
    let Some(board) = vocabulary.board(&run.picker_board) else {
        return;
    };
    page.spawn((Name::new("Picker"), wrapping_row()))
        .with_children(|grid| {
            let words: Vec<_> = board.visible_cells().filter(|c| !c.is_folder()).collect();
            let start = if run.picker_offset < words.len() {
                run.picker_offset
            } else {
                0
            };
            for cell in words.iter().skip(start).take(PICKER_CELLS) {
                grid.spawn(picture_choice(
                    PictureChoice {
                        name: format!("Pick {}", cell.id),
                        word: &cell.word,
                        picture: cards.picture(&cell.symbol),
                        colour: cards.palette.word_class(cell.class),
                        size: PICKER_CELL_SIZE,
                        chosen: false,
                        palette: &cards.palette,
                        text_scale: cards.text_scale,
                    },
                    activity_control(Action::HouseSymbol {
                        word: cell.word.clone(),
                        symbol: cell.symbol.clone(),
                    }),
                ));
            }
            if words.len() > PICKER_CELLS {
                grid.spawn(picture_choice(
                    PictureChoice {
                        name: "More words".to_string(),
                        word: "more words",
                        picture: cards.picture("right-arrow"),
                        colour: cards.palette.plain,
                        size: PICKER_CELL_SIZE,
                        chosen: false,
                        palette: &cards.palette,
                        text_scale: cards.text_scale,
                    },
                    activity_control(Action::PickerMore(start + PICKER_CELLS)),
                ));
            }
        });
}

pub(super) fn body_map(page: &mut ChildSpawnerCommands, regions: &[Region], cards: &Cards) {
    page.spawn((
        Name::new("Body map"),
        Node {
            flex_direction: FlexDirection::Row,
            justify_content: JustifyContent::Center,
            column_gap: px(GAP_PX * 6.0),
            ..default()
        },
    ))
    .with_children(|row| {
        for (side, title) in [(Side::Front, "Front"), (Side::Back, "Back")] {
            row.spawn(Node {
                flex_direction: FlexDirection::Column,
                align_items: AlignItems::Center,
                ..default()
            })
            .with_children(|column| {
                column
                    .spawn((
                        Name::new(format!("{title} outline")),
                        Node {
                            width: px(OUTLINE_WIDTH_PX),
                            height: px(OUTLINE_HEIGHT_PX),
                            ..default()
                        },
                    ))
                    .with_children(|outline| {
                        // The side's name sits in the outline's empty top corner.
                        outline.spawn((
                            Node {
                                position_type: PositionType::Absolute,
                                left: px(0.0),
                                top: px(0.0),
                                ..default()
                            },
                            cards.words(title, CHOICE_LABEL_PX),
                        ));
                        for region in regions.iter().filter(|r| r.side == side) {
                            outline.spawn(region_button(region, cards));
                        }
                    });
            });
        }
    });
}

fn region_button(region: &Region, cards: &Cards) -> impl Bundle {
    let skin = cards.palette.tile(cards.palette.skin);
    (
        Name::new(format!("Region {}", region.id)),
        Button,
        Control,
        activity_control(Action::Region(region.word.clone())),
        Node {
            position_type: PositionType::Absolute,
            left: percent(region.x),
            top: percent(region.y),
            width: percent(region.width),
            height: percent(region.height),
            justify_content: JustifyContent::Center,
            align_items: AlignItems::Center,
            border: UiRect::all(px(3.0)),
            border_radius: BorderRadius::all(px(18.0)),
            ..default()
        },
        BackgroundColor(skin.face.into()),
        BorderColor::all(skin.edge),
        PressFeedback {
            normal: skin.face.into(),
            pressed: skin.pressed.into(),
        },
        children![region_contents(region, cards)],
    )
}

/// A region's picture (if it has one) above its word.
fn region_contents(region: &Region, cards: &Cards) -> impl Bundle {
    let symbol = region.symbol.as_deref().map(|id| cards.picture(id));
    // The word fits the region, and leaves a picture most of its height, whatever the text size.
    let word_width = region.width / 100.0 * OUTLINE_WIDTH_PX - 14.0;
    let inner_height = region.height / 100.0 * OUTLINE_HEIGHT_PX - 14.0;
    let word_height = if symbol.is_some() {
        inner_height * 0.4
    } else {
        inner_height
    };
    let word_px = crate::model::text_fit::scaled_to_fit(
        &region.word,
        REGION_WORD_PX,
        cards.text_scale,
        12.0,
        (word_width, word_height),
        2,
    );
    let ink = cards.palette.tile(cards.palette.skin).ink;
    (
        Node {
            width: percent(100.0),
            height: percent(100.0),
            flex_direction: FlexDirection::Column,
            align_items: AlignItems::Center,
            justify_content: JustifyContent::Center,
            padding: UiRect::all(px(4.0)),
            ..default()
        },
        Pickable::IGNORE,
        children![
            (
                Node {
                    flex_grow: 1.0,
                    flex_basis: px(0.0),
                    min_height: px(0.0),
                    max_height: px(72.0),
                    width: percent(100.0),
                    flex_direction: FlexDirection::Column,
                    align_items: AlignItems::Center,
                    display: if symbol.is_some() {
                        Display::Flex
                    } else {
                        Display::None
                    },
                    ..default()
                },
                children![theme::symbol_picture(symbol.unwrap_or_default())],
            ),
            theme::label(region.word.clone(), word_px, ink.into()),
        ],
    )
}
