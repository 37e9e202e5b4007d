//! Text and rows of symbols flowed down pages: headings, wrapped paragraphs and rows of
//! pictures with their words, a new page when one is full, and at most so many pages, the last
//! saying where the rest is (docs/print.md).

use krilla::image::Image;

use super::layout::{PT_PER_MM, Rect};
use super::{Canvas, TextAt, wrap};
use crate::model::theme::Rgb;

pub const INK: Rgb = Rgb(0.08, 0.08, 0.10);
pub const QUIET_INK: Rgb = Rgb(0.30, 0.30, 0.34);
const LINE_HEIGHT: f32 = 1.3;

/// One part of what flows down the pages.
pub enum Block {
    Heading {
        level: u16,
        text: String,
    },
    Paragraph {
        text: String,
        size: f32,
    },
    /// Pictures in a row, each with its word under it; `tile` is a picture's side in points.
    Symbols {
        tiles: Vec<SymbolTile>,
        tile: f32,
    },
    /// Room left empty, in points.
    Space(f32),
}

pub struct SymbolTile {
    pub word: String,
    pub picture: Option<Image>,
}

/// Something placed on a page, drawn by [`draw`].
pub enum Placed {
    Heading(u16, Vec<(String, TextAt)>),
    Lines(Vec<(String, TextAt)>),
    Figure {
        word: String,
        picture: Option<(Image, Rect)>,
        words: Vec<(String, TextAt)>,
    },
}

fn heading_size(level: u16) -> f32 {
    match level {
        1 => 20.0,
        2 => 14.0,
        _ => 12.0,
    }
}

/// The blocks laid onto pages of `content` (the area between header and footer); once
/// `max_pages` are full, the rest is left out and `rest_line` closes the last page.
pub fn lay_out(
    blocks: &[Block],
    content: Rect,
    max_pages: usize,
    rest_line: &str,
) -> Vec<Vec<Placed>> {
    let mut flow = Flow {
        pages: vec![Vec::new()],
        y: content.y,
        content,
        max_pages: max_pages.max(1),
        full: false,
    };
    for block in blocks {
        if flow.full {
            break;
        }
        flow.place(block);
    }
    if flow.full {
        let size = 11.0;
        let bottom = content.y + content.height;
        let at = TextAt {
            x: content.x,
            y: bottom - size * 0.3,
            size,
            colour: INK,
        };
        if let Some(page) = flow.pages.last_mut() {
            page.push(Placed::Lines(vec![(rest_line.to_string(), at)]));
        }
    }
    flow.pages
}

struct Flow {
    pages: Vec<Vec<Placed>>,
    y: f32,
    content: Rect,
    max_pages: usize,
    /// No more pages may start: what is left is in the text summary.
    full: bool,
}

impl Flow {
    /// The bottom of the room for content, less a line for "and more" on the last page.
    fn bottom(&self) -> f32 {
        let reserve = if self.pages.len() == self.max_pages {
            11.0 * LINE_HEIGHT * 2.0
        } else {
            0.0
        };
        self.content.y + self.content.height - reserve
    }

    /// Starts the next page, or says there is none.
    fn next_page(&mut self) -> bool {
        if self.pages.len() >= self.max_pages {
            self.full = true;
            return false;
        }
        self.pages.push(Vec::new());
        self.y = self.content.y;
        true
    }

    /// Makes room for `height` points, on this page or the next.
    fn room_for(&mut self, height: f32) -> bool {
        let at_top = self.y <= self.content.y;
        if self.y + height <= self.bottom() || at_top {
            return true;
        }
        self.next_page()
    }

    fn push(&mut self, placed: Placed) {
        if let Some(page) = self.pages.last_mut() {
            page.push(placed);
        }
    }

    fn place(&mut self, block: &Block) {
        match block {
            Block::Space(points) => self.y += points,
            Block::Heading { level, text } => {
                let size = heading_size(*level);
                // A heading keeps a line of what follows with it.
                if !self.room_for(size * LINE_HEIGHT * 2.0 + 6.0) {
                    return;
                }
                self.y += if self.y > self.content.y {
                    size * 0.6
                } else {
                    0.0
                };
                let lines = wrap(text, size, self.content.width)
                    .into_iter()
                    .map(|line| (line, self.line_at(size, 0.0)))
                    .collect();
                self.push(Placed::Heading(*level, lines));
                self.y += 3.0;
            }
            Block::Paragraph { text, size } => {
                let mut lines = Vec::new();
                for line in wrap(text, *size, self.content.width) {
                    if self.y + size * LINE_HEIGHT > self.bottom() {
                        if !lines.is_empty() {
                            self.push(Placed::Lines(std::mem::take(&mut lines)));
                        }
                        if !self.next_page() {
                            return;
                        }
                    }
                    lines.push((line, self.line_at(*size, 0.0)));
                }
                if !lines.is_empty() {
                    self.push(Placed::Lines(lines));
                }
                self.y += size * 0.3;
            }
            Block::Symbols { tiles, tile } => self.place_symbols(tiles, *tile),
        }
    }

    /// A line's place, moving the cursor past it.
    fn line_at(&mut self, size: f32, indent: f32) -> TextAt {
        self.y += size * LINE_HEIGHT;
        TextAt {
            x: self.content.x + indent,
            y: self.y - size * 0.3,
            size,
            colour: INK,
        }
    }

    fn place_symbols(&mut self, tiles: &[SymbolTile], side: f32) {
        let gap = 3.0 * PT_PER_MM;
        let word_size = (side / 7.0).clamp(8.0, 12.0);
        let per_row = (((self.content.width + gap) / (side + gap)) as usize).max(1);
        let row_height = side + word_size * LINE_HEIGHT * 2.0 + gap;
        for row in tiles.chunks(per_row) {
            if !self.room_for(row_height) {
                return;
            }
            for (i, tile) in row.iter().enumerate() {
                let x = self.content.x + i as f32 * (side + gap);
                let picture = tile.picture.clone().map(|image| {
                    let rect = Rect {
                        x,
                        y: self.y,
                        width: side,
                        height: side,
                    };
                    (image, rect)
                });
                let mut words = Vec::new();
                let mut baseline = self.y + side + word_size * LINE_HEIGHT;
                for line in two_lines(&tile.word, word_size, side) {
                    let width = crate::model::text_fit::text_width(&line, word_size);
                    let at = TextAt {
                        x: x + (side - width).max(0.0) / 2.0,
                        y: baseline - word_size * 0.3,
                        size: word_size,
                        colour: INK,
                    };
                    words.push((line, at));
                    baseline += word_size * LINE_HEIGHT;
                }
                self.push(Placed::Figure {
                    word: tile.word.clone(),
                    picture,
                    words,
                });
            }
            self.y += row_height;
        }
    }
}

/// Draws what [`lay_out`] placed on one page, in order.
pub fn draw(canvas: &mut Canvas, placed: &[Placed]) {
    for item in placed {
        match item {
            Placed::Heading(level, lines) => canvas.heading(*level, lines),
            Placed::Lines(lines) => canvas.paragraph(lines),
            Placed::Figure {
                word,
                picture,
                words,
            } => canvas.figure(word, picture.as_ref().map(|(i, r)| (i, *r)), words),
        }
    }
}

/// A word under a symbol in at most two lines, the second ending in "…" when it goes on (its
/// figure's alternative text keeps the whole word).
fn two_lines(word: &str, size: f32, width: f32) -> Vec<String> {
    let mut lines = wrap(word, size, width);
    if lines.len() > 2 {
        lines.truncate(2);
        let last = &mut lines[1];
        while !last.is_empty()
            && crate::model::text_fit::text_width(&format!("{last}…"), size) > width
        {
            last.pop();
        }
        last.push('…');
    }
    lines
}
