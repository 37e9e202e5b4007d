//! How a board cell looks: placed on its row and column, coloured by word class (or plain, as
//! the profile says), its picture and word, and a folder's tab, so a folder is told from a word
//! by shape as well as colour.

use bevy::prelude::*;
use bevy::ui_widgets::observe;

use super::{BoardCell, FolderTab, activate_cell};
use crate::input::Control;
use crate::model::theme::{Palette, Theme, Tile};
use crate::model::vocab::{Board, Cell};
use crate::theme::{self, CELL_LABEL_PX, PressFeedback};

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
    pub(super) label_px: f32,
    /// The width a word has in a cell, to shrink a long one until it fits.
    pub(super) word_width_px: f32,
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
        cell_label_size(&cell.word, look),
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
            padding: UiRect::all(px(4.0)),
            ..default()
        },
        Pickable::IGNORE,
        children![theme::symbol_picture(picture), word],
    )
}

/// Long phrases get a smaller font so the picture keeps most of the cell, and any word shrinks
/// until it fits the cell's width in two lines, so a large text size never runs out of a cell.
fn cell_label_size(word: &str, look: CellLook) -> f32 {
    let base = if word.chars().count() > 14 {
        look.label_px * 0.8
    } else {
        look.label_px
    };
    crate::model::text_fit::size_to_fit(word, base, 10.0, look.word_width_px, 2)
}

/// The label size for a board in a window this wide: the full size where cells are wide, a
/// little smaller where they are narrow (portrait), so a word such as "activities" still fits.
pub fn label_size_for(window_width: f32, columns: u16) -> f32 {
    (window_width / f32::from(columns.max(1)) / 6.4).clamp(14.0, CELL_LABEL_PX)
}

/// The width a word has in a cell of a board with this many columns in a window this size: the
/// grid's share of the window (less the nav strip beside it in landscape), less the cell's
/// edges and padding.
pub(super) fn word_width_for(window: Vec2, columns: u16) -> f32 {
    let beside_nav = if window.x >= window.y {
        crate::theme::NAV_STRIP_PX + crate::theme::GAP_PX
    } else {
        0.0
    };
    let columns = f32::from(columns.max(1));
    let grid = window.x - beside_nav - 2.0 * crate::theme::GAP_PX;
    let cell = (grid - crate::theme::GAP_PX * (columns - 1.0)) / columns;
    (cell - 20.0).max(20.0)
}

pub(super) fn word_cell(
    board: &Board,
    cell: &Cell,
    picture: Handle<Image>,
    look: CellLook,
) -> impl Bundle {
    let mut node = placed(cell);
    node.border = UiRect::all(px(look.edge_px(2.0)));
    node.border_radius = BorderRadius::all(px(10.0));
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
                    width: percent(45.0),
                    height: px(12.0),
                    flex_shrink: 0.0,
                    border: UiRect {
                        left: px(look.edge_px(4.0)),
                        right: px(look.edge_px(4.0)),
                        top: px(look.edge_px(4.0)),
                        bottom: px(0.0)
                    },
                    border_radius: BorderRadius::top(px(8.0)),
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
                    border: UiRect::all(px(look.edge_px(4.0))),
                    border_radius: BorderRadius {
                        top_left: px(0.0),
                        ..BorderRadius::all(px(10.0))
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
