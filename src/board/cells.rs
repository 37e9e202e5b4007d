//! How a board cell looks: placed on its row and column, coloured by word class (or plain, as
//! the profile says), its picture and word, and a folder's tab, so a folder is told from a word
//! by shape as well as colour.

use bevy::prelude::*;
use bevy::ui_widgets::observe;

use super::{BoardCell, FolderTab, activate_cell};
use crate::input::Control;
pub use crate::model::cell_look::label_size_for;
use crate::model::cell_look::{
    self, CORNER_PX, FOLDER_EDGE_PX, FOLDER_TAB_CORNER_PX, FOLDER_TAB_PX, FOLDER_TAB_WIDTH,
    PADDING_PX, WORD_EDGE_PX,
};
use crate::model::theme::{Palette, Theme, Tile};
use crate::model::vocab::{Board, Cell};
use crate::theme::{self, PressFeedback};

fn placed(cell: &Cell) -> Node {
    Node {
        grid_row: GridPlacement::start(cell.row as i16 + 1),
        grid_column: GridPlacement::start(cell.column as i16 + 1),
        min_width: px(0.0),
        min_height: px(0.0),
        flex_direction: FlexDirection::Column,
        ..default()
    }
}

fn cell_identity(board: &Board, cell: &Cell) -> impl Bundle {
    (
        Name::new(format!("Cell {}/{}", board.id, cell.id)),
        BoardCell {
            board: board.id.clone(),
            cell: cell.id.clone(),
        },
        Button,
        Control,
        observe(activate_cell),
        AccessibleLabel::new(if cell.is_folder() {
            format!("folder, {}", cell.word)
        } else {
            cell.word.clone()
        }),
    )
}

/// How the profile's settings draw a cell: its word's size and place, and whether its colour
/// tells its word class.
#[derive(Clone, Copy)]
pub(super) struct CellLook {
    /// The word's size at the standard text size, and the child's text size.
    pub(super) label_px: f32,
    pub(super) text_scale: f32,
    /// The room in a cell (`word_box_for`), to shrink a long word until it fits.
    pub(super) word_box: Vec2,
    pub(super) label_above: bool,
    pub(super) colour_coding: bool,
    pub(super) palette: Palette,
}

impl CellLook {
    fn tile(&self, cell: &Cell) -> Tile {
        let class = if self.colour_coding {
            cell.class
        } else {
            crate::model::vocab::WordClass::Misc
        };
        self.palette.tile(self.palette.word_class(class))
    }

    /// A high-contrast cell's edge is thicker, so it is told from its neighbours by more than
    /// colour.
    fn edge_px(&self, usual: f32) -> f32 {
        if self.palette.theme == Theme::HighContrast {
            usual + 2.0
        } else {
            usual
        }
    }
}

fn feedback(cell: &Cell, look: CellLook) -> (PressFeedback, BackgroundColor, BorderColor) {
    let tile = look.tile(cell);
    (
        PressFeedback {
            normal: tile.face.into(),
            pressed: tile.pressed.into(),
        },
        BackgroundColor(tile.face.into()),
        BorderColor::all(tile.edge),
    )
}

/// Picture and word (below it, or above as the profile says); the word is always shown.
fn picture_and_word(cell: &Cell, picture: Handle<Image>, look: CellLook) -> impl Bundle {
    let word = theme::label(
        cell.word.clone(),
        cell_label_size(&cell.word, cell.is_folder(), look),
        look.tile(cell).ink.into(),
    );
    (
        Node {
            flex_grow: 1.0,
            min_height: px(0.0),
            // A square picture sized by the cell's height must not widen the cell's content
            // in a narrow (upright) cell, or the word is pushed off centre and out of the cell.
            min_width: px(0.0),
            flex_basis: px(0.0),
            flex_direction: if look.label_above {
                FlexDirection::ColumnReverse
            } else {
                FlexDirection::Column
            },
            align_items: AlignItems::Center,
            justify_content: JustifyContent::SpaceBetween,
            padding: UiRect::all(px(PADDING_PX)),
            ..default()
        },
        Pickable::IGNORE,
        children![theme::symbol_picture(picture), word],
    )
}

fn cell_label_size(word: &str, is_folder: bool, look: CellLook) -> f32 {
    let extra_edge = look.edge_px(0.0);
    cell_look::cell_label_size(
        word,
        is_folder,
        (look.label_px, look.text_scale),
        (look.word_box.x, look.word_box.y),
        extra_edge,
    )
}

/// The room in a cell of a board this size in a window this size: the width inside its edges
/// and padding, and the cell's whole height (the grid as `cell_look::grid_size` gives it).
pub(super) fn word_box_for(window: Vec2, columns: u16, rows: u16) -> Vec2 {
    let grid = Vec2::from(cell_look::grid_size(window.x, window.y));
    let count = Vec2::new(f32::from(columns.max(1)), f32::from(rows.max(1)));
    let cell = (grid - cell_look::GAP_PX * (count - 1.0)) / count;
    Vec2::new((cell.x - 20.0).max(20.0), cell.y.max(20.0))
}

pub(super) fn word_cell(
    board: &Board,
    cell: &Cell,
    picture: Handle<Image>,
    look: CellLook,
) -> impl Bundle {
    let mut node = placed(cell);
    node.border = UiRect::all(px(look.edge_px(WORD_EDGE_PX)));
    node.border_radius = BorderRadius::all(px(CORNER_PX));
    (
        cell_identity(board, cell),
        node,
        feedback(cell, look),
        children![picture_and_word(cell, picture, look)],
    )
}

/// A folder looks like a folder: a tab on its top edge and a thicker outline, so it is told from
/// a word by shape as well as by colour.
pub(super) fn folder_cell(
    board: &Board,
    cell: &Cell,
    picture: Handle<Image>,
    look: CellLook,
) -> impl Bundle {
    let (press, background, border) = feedback(cell, look);
    (
        cell_identity(board, cell),
        placed(cell),
        children![
            (
                Name::new("Folder tab"),
                FolderTab,
                Node {
                    width: percent(FOLDER_TAB_WIDTH * 100.0),
                    height: px(FOLDER_TAB_PX),
                    flex_shrink: 0.0,
                    border: UiRect {
                        left: px(look.edge_px(FOLDER_EDGE_PX)),
                        right: px(look.edge_px(FOLDER_EDGE_PX)),
                        top: px(look.edge_px(FOLDER_EDGE_PX)),
                        bottom: px(0.0)
                    },
                    border_radius: BorderRadius::top(px(FOLDER_TAB_CORNER_PX)),
                    ..default()
                },
                press,
                background,
                border,
                Pickable::IGNORE,
            ),
            (
                Name::new("Folder body"),
                Node {
                    flex_grow: 1.0,
                    min_height: px(0.0),
                    border: UiRect::all(px(look.edge_px(FOLDER_EDGE_PX))),
                    border_radius: BorderRadius {
                        top_left: px(0.0),
                        ..BorderRadius::all(px(CORNER_PX))
                    },
                    ..default()
                },
                press,
                background,
                border,
                Pickable::IGNORE,
                children![picture_and_word(cell, picture, look)],
            ),
        ],
    )
}
