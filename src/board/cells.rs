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
            padding: UiRect::all(px(4.0)),
            ..default()
        },
        Pickable::IGNORE,
        children![theme::symbol_picture(picture), word],
    )
}

/// Long phrases get a smaller font so the picture keeps most of the cell; at any text size a
/// word is drawn only as large as fits the cell's width and the height that leaves the picture
/// 40 % of the cell, so it never runs out of the cell nor squeezes its picture to a dot.
fn cell_label_size(word: &str, is_folder: bool, look: CellLook) -> f32 {
    let wanted = if word.chars().count() > 14 {
        look.label_px * 0.8
    } else {
        look.label_px
    } * look.text_scale;
    let Vec2 { x, y: cell } = look.word_box;
    // The cell's edges and padding, and a folder's tab and thicker edges.
    let frame = if is_folder {
        FOLDER_TAB_PX + 2.0 * look.edge_px(4.0) + 8.0
    } else {
        2.0 * look.edge_px(2.0) + 8.0
    };
    // 2 px spare: the grid's cells come out a pixel shorter than the estimate.
    let height = cell - frame - 0.4 * cell - 2.0;
    crate::model::text_fit::size_to_fit_box(word, wanted, 10.0, x, height)
}

/// The label size for a board in a window this wide: the full size where cells are wide, a
/// little smaller where they are narrow (portrait), so a word such as "activities" still fits.
pub fn label_size_for(window_width: f32, columns: u16) -> f32 {
    (window_width / f32::from(columns.max(1)) / 6.4).clamp(14.0, CELL_LABEL_PX)
}

/// The room in a cell of a board this size in a window this size: the width inside its edges
/// and padding, and the cell's whole height. The grid
/// is the window less the message bar, and less the nav strip beside it (landscape) or under
/// it (portrait).
pub(super) fn word_box_for(window: Vec2, columns: u16, rows: u16) -> Vec2 {
    use crate::theme::{GAP_PX, MESSAGE_BAR_PX, NAV_STRIP_PX};
    let nav = NAV_STRIP_PX + GAP_PX;
    let (beside, below) = if window.x >= window.y {
        (nav, 0.0)
    } else {
        (0.0, nav)
    };
    let grid = Vec2::new(
        window.x - beside - 2.0 * GAP_PX,
        window.y - below - MESSAGE_BAR_PX - 3.0 * GAP_PX,
    );
    let count = Vec2::new(f32::from(columns.max(1)), f32::from(rows.max(1)));
    let cell = (grid - GAP_PX * (count - 1.0)) / count;
    Vec2::new((cell.x - 20.0).max(20.0), cell.y.max(20.0))
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

/// The height of a folder's tab, its edge included.
const FOLDER_TAB_PX: f32 = 12.0;

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
                    height: px(FOLDER_TAB_PX),
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
