//! The sizes of a board cell in screen pixels: its edges, corners, folder tab and the size its
//! word is drawn at. The board on screen and the printed board both take them from here, so the
//! paper copy is drawn as the tablet draws it (docs/print.md).

/// A word cell's edge; a folder's is thicker, so it is told from a word by shape too.
pub const WORD_EDGE_PX: f32 = 2.0;
pub const FOLDER_EDGE_PX: f32 = 4.0;
pub const CORNER_PX: f32 = 10.0;
/// Between a cell's edge and its picture and word.
pub const PADDING_PX: f32 = 4.0;
/// The height of a folder's tab, its edge included; the tab is this share of the cell's width.
pub const FOLDER_TAB_PX: f32 = 12.0;
pub const FOLDER_TAB_WIDTH: f32 = 0.45;
pub const FOLDER_TAB_CORNER_PX: f32 = 8.0;
/// The word's size on a board with wide cells.
pub const CELL_LABEL_PX: f32 = 20.0;
/// Between cells, and around the board's grid.
pub const GAP_PX: f32 = 6.0;
/// Message bar height; the bar holds symbols of at least the size a child can read back.
pub const MESSAGE_BAR_PX: f32 = 104.0;
/// Width of the nav strip in landscape, height in portrait.
pub const NAV_STRIP_PX: f32 = 112.0;
/// The share of a cell's height its word may take at most, so its picture keeps the rest.
const WORD_SHARE_MOST: f32 = 0.6;

/// The label size for a board in a window this wide: the full size where cells are wide, a
/// little smaller where they are narrow (portrait), so a word such as "activities" still fits.
pub fn label_size_for(window_width: f32, columns: u16) -> f32 {
    (window_width / f32::from(columns.max(1)) / 6.4).clamp(14.0, CELL_LABEL_PX)
}

/// The size a cell's word is drawn at. Long phrases get a smaller font so the picture keeps most
/// of the cell; at any text size a word is drawn only as large as fits the cell's width and the
/// height that leaves the picture 40 % of the cell, so it never runs out of the cell nor
/// squeezes its picture to a dot. `word_box` is the room inside the cell (`width` inside its
/// edges and padding, the cell's whole `height`); `extra_edge` is what a high-contrast theme
/// adds to each edge.
pub fn cell_label_size(
    word: &str,
    is_folder: bool,
    (label_px, text_scale): (f32, f32),
    (width, height): (f32, f32),
    extra_edge: f32,
) -> f32 {
    let wanted = if word.chars().count() > 14 {
        label_px * 0.8
    } else {
        label_px
    } * text_scale;
    // The cell's edges and padding, and a folder's tab and thicker edges.
    let frame = if is_folder {
        FOLDER_TAB_PX + 2.0 * (FOLDER_EDGE_PX + extra_edge) + 2.0 * PADDING_PX
    } else {
        2.0 * (WORD_EDGE_PX + extra_edge) + 2.0 * PADDING_PX
    };
    // 2 px spare: the grid's cells come out a pixel shorter than the estimate.
    let room = height - frame - (1.0 - WORD_SHARE_MOST) * height - 2.0;
    super::text_fit::size_to_fit_box(word, wanted, 10.0, width, room)
}

/// The board's grid in a window of `width` x `height`: the window less the message bar, and
/// less the nav strip beside it (landscape) or under it (portrait).
pub fn grid_size(width: f32, height: f32) -> (f32, f32) {
    let nav = NAV_STRIP_PX + GAP_PX;
    let (beside, below) = if width >= height {
        (nav, 0.0)
    } else {
        (0.0, nav)
    };
    (
        width - beside - 2.0 * GAP_PX,
        height - below - MESSAGE_BAR_PX - 3.0 * GAP_PX,
    )
}
