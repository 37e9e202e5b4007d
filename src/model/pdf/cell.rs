//! One board cell on paper, drawn as `board/cells.rs` draws it on the screen: its face and edge,
//! a folder's tab and the page it opens, the picture at the top and the word under it, read as
//! one figure with its word as alternative text (docs/print.md).

use krilla::image::Image;

use super::flow::INK;
use super::layout::Rect;
use super::{Canvas, TextAt, rounded_corners, rounded_rect, wrap};
use crate::model::cell_look::{
    self, CORNER_PX, FOLDER_EDGE_PX, FOLDER_TAB_CORNER_PX, FOLDER_TAB_PX, FOLDER_TAB_WIDTH,
    PADDING_PX, WORD_EDGE_PX,
};
use crate::model::text_fit::text_width;
use crate::model::theme::STANDARD;
use crate::model::vocab::{Cell, WordClass};

/// Where a cell goes and how big a screen pixel is there.
#[derive(Clone, Copy)]
pub(super) struct CellPrint {
    pub(super) rect: Rect,
    pub(super) scale: f32,
    pub(super) columns: u16,
    pub(super) colour_coding: bool,
}

/// One cell drawn as `board/cells.rs` draws it: its face and edge, a folder's tab, the picture
/// at the top and the word under it; read as one figure, its word the alternative text.
pub(super) fn print_cell(
    canvas: &mut Canvas,
    cell: &Cell,
    picture: Option<&Image>,
    opens_page: Option<usize>,
    look: CellPrint,
) {
    let s = look.scale;
    let class = if look.colour_coding {
        cell.class
    } else {
        WordClass::Misc
    };
    let tile = STANDARD.tile(STANDARD.word_class(class));
    let rect = look.rect;
    // An edge is drawn inside the cell, as on screen: the stroke runs along its middle.
    let inset = |r: Rect, by: f32| Rect {
        x: r.x + by / 2.0,
        y: r.y + by / 2.0,
        width: r.width - by,
        height: r.height - by,
    };
    let (body, edge) = if cell.is_folder() {
        let tab_height = FOLDER_TAB_PX * s;
        let tab = Rect {
            width: rect.width * FOLDER_TAB_WIDTH,
            height: tab_height + FOLDER_EDGE_PX * s,
            ..rect
        };
        let edge = FOLDER_EDGE_PX * s;
        let r = FOLDER_TAB_CORNER_PX * s;
        if let Some(path) = rounded_corners(inset(tab, edge), [r, r, 0.0, 0.0]) {
            canvas.shape(&path, Some(tile.face), Some((tile.edge, edge)));
        }
        let body = Rect {
            y: rect.y + tab_height,
            height: rect.height - tab_height,
            ..rect
        };
        let c = CORNER_PX * s;
        if let Some(path) = rounded_corners(inset(body, edge), [0.0, c, c, c]) {
            canvas.shape(&path, Some(tile.face), Some((tile.edge, edge)));
        }
        (body, edge)
    } else {
        let edge = WORD_EDGE_PX * s;
        if let Some(path) = rounded_rect(inset(rect, edge), CORNER_PX * s) {
            canvas.shape(&path, Some(tile.face), Some((tile.edge, edge)));
        }
        (rect, edge)
    };
    let pad = PADDING_PX * s;
    let inner = Rect {
        x: body.x + edge + pad,
        y: body.y + edge + pad,
        width: body.width - 2.0 * (edge + pad),
        height: body.height - 2.0 * (edge + pad),
    };
    // The word's size as on a 1280 x 800 screen, in that screen's pixels, then onto paper.
    let word_box = ((rect.width / s - 20.0).max(20.0), rect.height / s);
    let label_px = cell_look::label_size_for(1280.0, look.columns);
    let size =
        cell_look::cell_label_size(&cell.word, cell.is_folder(), (label_px, 1.0), word_box, 0.0)
            * s;
    let lines = wrap(&cell.word, size, inner.width);
    let line_height = size * 1.2;
    let text_height = line_height * lines.len() as f32;
    let mut words = Vec::new();
    let mut top = inner.y + inner.height - text_height;
    for line in lines {
        let width = text_width(&line, size);
        let at = TextAt {
            x: inner.x + (inner.width - width) / 2.0,
            y: top + crate::model::text_fit::baseline_in_line(size, line_height),
            size,
            colour: tile.ink,
        };
        words.push((line, at));
        top += line_height;
    }
    if let (true, Some(page)) = (cell.is_folder(), opens_page) {
        let tab_size = (FOLDER_TAB_PX * s * 0.95).max(6.0);
        let text = format!("page {page}");
        let at = TextAt {
            x: rect.x + rect.width * FOLDER_TAB_WIDTH + 2.0 * s,
            y: rect.y + FOLDER_TAB_PX * s - 1.0 * s,
            size: tab_size,
            colour: INK,
        };
        words.push((text, at));
    }
    let side = (inner.height - text_height).min(inner.width).max(0.0);
    let picture = picture.filter(|_| side > 1.0).map(|image| {
        let place = Rect {
            x: inner.x + (inner.width - side) / 2.0,
            y: inner.y,
            width: side,
            height: side,
        };
        (image, place)
    });
    let alt = match opens_page {
        Some(page) => format!("{}, folder: its words are on page {page}", cell.word),
        None if cell.is_folder() => format!("{}, folder", cell.word),
        None => cell.word.clone(),
    };
    canvas.figure(&alt, picture, &words);
}
