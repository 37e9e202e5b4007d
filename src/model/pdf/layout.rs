//! Where a printed board's cells go: the screen's grid scaled onto a landscape page, so the paper
//! copy has the same rows, columns and proportions as the tablet (docs/print.md).

/// Points per millimetre (a PDF point is 1/72 inch).
pub const PT_PER_MM: f32 = 72.0 / 25.4;
/// No printed cell is smaller than this either way, where the board's size allows it.
pub const SMALLEST_CELL_MM: f32 = 15.0;
/// Around the page: printers cannot print to the edge.
pub const MARGIN_MM: f32 = 12.0;
/// Above the grid: the board's name and which folder leads to it.
pub const HEADER_MM: f32 = 12.0;
/// Below the grid: the page number and the symbols' licence.
pub const FOOTER_MM: f32 = 8.0;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Paper {
    A4,
    Letter,
}

impl Paper {
    /// Width and height of a landscape page, in points.
    pub fn landscape(self) -> (f32, f32) {
        match self {
            Paper::A4 => (297.0 * PT_PER_MM, 210.0 * PT_PER_MM),
            Paper::Letter => (792.0, 612.0),
        }
    }

    /// Width and height of an upright page, in points.
    pub fn portrait(self) -> (f32, f32) {
        let (width, height) = self.landscape();
        (height, width)
    }
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rect {
    pub x: f32,
    pub y: f32,
    pub width: f32,
    pub height: f32,
}

/// The board grid as the tablet shows it, in screen pixels: the printed page keeps its
/// proportions and scales its edges, gaps and tabs by the same factor.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ScreenGrid {
    pub width_px: f32,
    pub height_px: f32,
    pub gap_px: f32,
}

impl ScreenGrid {
    /// The grid of a 1280 x 800 tablet held landscape, as the child sees it.
    pub fn tablet() -> ScreenGrid {
        let (width_px, height_px) = crate::model::cell_look::grid_size(1280.0, 800.0);
        ScreenGrid {
            width_px,
            height_px,
            gap_px: crate::model::cell_look::GAP_PX,
        }
    }
}

/// A board's grid on a page: where each cell goes, and how big a screen pixel is on paper.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct BoardLayout {
    pub grid: Rect,
    pub rows: u16,
    pub columns: u16,
    /// Points per screen pixel, for edges, gaps, corners and words.
    pub scale: f32,
    gap: f32,
}

impl BoardLayout {
    /// The grid as large as the page allows with the screen's proportions, centred; if that
    /// leaves cells under [`SMALLEST_CELL_MM`], the whole space (proportions give way first).
    pub fn new(page: (f32, f32), columns: u16, rows: u16, screen: ScreenGrid) -> BoardLayout {
        let (columns, rows) = (columns.max(1), rows.max(1));
        let room = Rect {
            x: MARGIN_MM * PT_PER_MM,
            y: (MARGIN_MM + HEADER_MM) * PT_PER_MM,
            width: page.0 - 2.0 * MARGIN_MM * PT_PER_MM,
            height: page.1 - (2.0 * MARGIN_MM + HEADER_MM + FOOTER_MM) * PT_PER_MM,
        };
        let aspect = screen.width_px / screen.height_px.max(1.0);
        let (mut width, mut height) = if room.width / room.height > aspect {
            (room.height * aspect, room.height)
        } else {
            (room.width, room.width / aspect)
        };
        let scale = width / screen.width_px.max(1.0);
        let gap = screen.gap_px * scale;
        let side =
            |length: f32, count: u16| (length - gap * f32::from(count - 1)) / f32::from(count);
        let smallest = SMALLEST_CELL_MM * PT_PER_MM;
        if side(width, columns) < smallest || side(height, rows) < smallest {
            (width, height) = (room.width, room.height);
        }
        BoardLayout {
            grid: Rect {
                x: room.x + (room.width - width) / 2.0,
                y: room.y + (room.height - height) / 2.0,
                width,
                height,
            },
            rows,
            columns,
            scale,
            gap,
        }
    }

    pub fn cell_size(&self) -> (f32, f32) {
        let side =
            |length: f32, count: u16| (length - self.gap * f32::from(count - 1)) / f32::from(count);
        (
            side(self.grid.width, self.columns),
            side(self.grid.height, self.rows),
        )
    }

    pub fn cell(&self, row: u16, column: u16) -> Rect {
        let (width, height) = self.cell_size();
        Rect {
            x: self.grid.x + f32::from(column) * (width + self.gap),
            y: self.grid.y + f32::from(row) * (height + self.gap),
            width,
            height,
        }
    }

    /// The shorter side of a cell, in millimetres.
    pub fn smallest_side_mm(&self) -> f32 {
        let (width, height) = self.cell_size();
        width.min(height) / PT_PER_MM
    }
}
