//! A child's boards on paper, for when the tablet leaves the house: a first page on how to use
//! them, then each board on its own landscape page laid out as the tablet shows it (the same
//! rows, columns, pictures, words, colours and folder shapes), each folder naming the page it
//! opens and each page the folder that leads to it (docs/print.md).

use std::collections::{BTreeMap, VecDeque};

use krilla::image::Image;
use krilla::tagging::ArtifactType;

use super::cell::{CellPrint, print_cell};
use super::flow::{Block, INK, QUIET_INK, draw, lay_out};
use super::layout::{
    BoardLayout, FOOTER_MM, HEADER_MM, MARGIN_MM, PT_PER_MM, Paper, Rect, ScreenGrid,
};
use super::{Canvas, Meta, Pdf, TextAt};
use crate::model::text_fit::text_width;
use crate::model::vocab::{Board, Cell, HOME_BOARD, Vocabulary};

/// More boards than this are not printed in one file (a vocabulary of 500 boards would be a
/// book): the first page says which were left out.
pub const MAX_BOARD_PAGES: usize = 150;
/// Where the symbols come from, on the first page and every board's foot.
pub const OPENMOJI_CREDIT: &str = "Symbols: OpenMoji (openmoji.org), licence CC BY-SA 4.0.";

/// What to print.
pub struct BoardPrint<'a> {
    /// The profile's label, as the worker's list shows it.
    pub profile: &'a str,
    pub vocabulary: &'a Vocabulary,
    /// Board ids in print order (see [`print_order`]).
    pub boards: Vec<String>,
    pub paper: Paper,
    /// As the child's settings say: off draws every cell plain.
    pub colour_coding: bool,
    /// The child's home language and which words the cells show, as on the screen.
    pub home_language: Option<String>,
    pub labels: crate::model::child_settings::LabelLanguage,
    pub created: jiff::Timestamp,
    /// The date as the first page says it ("7 December 2026").
    pub date: String,
}

/// The boards to print: `chosen` as given (each must exist), or every board, home first and
/// then in the order the folders lead to them, the boards no folder reaches last.
pub fn print_order(
    vocabulary: &Vocabulary,
    chosen: Option<&[String]>,
) -> Result<Vec<String>, String> {
    if let Some(chosen) = chosen {
        let mut order: Vec<String> = Vec::new();
        for id in chosen {
            if vocabulary.board(id).is_none() {
                let known: Vec<&str> = vocabulary.boards.keys().map(String::as_str).collect();
                return Err(format!(
                    "there is no board \"{id}\" (boards: {})",
                    known.join(", ")
                ));
            }
            if !order.contains(id) {
                order.push(id.clone());
            }
        }
        return Ok(order);
    }
    let mut order: Vec<String> = Vec::new();
    let mut queue: VecDeque<&str> = VecDeque::from([HOME_BOARD]);
    while let Some(id) = queue.pop_front() {
        let Some(board) = vocabulary.board(id) else {
            continue;
        };
        if order.iter().any(|o| o == id) {
            continue;
        }
        order.push(id.to_string());
        queue.extend(board.visible_cells().filter_map(|c| c.opens.as_deref()));
    }
    for id in vocabulary.boards.keys() {
        if !order.contains(id) {
            order.push(id.clone());
        }
    }
    Ok(order)
}

/// The printed file and its number of pages. `picture` gives a cell's picture (its photo, else
/// its symbol), or `None` to print the word alone.
pub fn print_boards(
    job: &BoardPrint,
    picture: &mut dyn FnMut(&Board, &Cell) -> Option<Image>,
) -> Result<(Vec<u8>, usize), String> {
    let title = format!("Talking boards for {}", job.profile);
    let mut pdf = Pdf::new(&Meta {
        title: &title,
        language: "en-GB",
        created: job.created,
    })?;
    let printed = &job.boards[..job.boards.len().min(MAX_BOARD_PAGES)];
    let left_out = job.boards.len() - printed.len();
    let page_size = job.paper.landscape();
    // The guide lists each board's page, which depends on how many pages the guide takes.
    let mut guide_pages = 1;
    let mut first_pages = first_page(job, printed, left_out, &title, page_size, guide_pages);
    while first_pages.len() != guide_pages && guide_pages < 8 {
        guide_pages = first_pages.len();
        first_pages = first_page(job, printed, left_out, &title, page_size, guide_pages);
    }
    let pages: BTreeMap<&str, usize> = printed
        .iter()
        .enumerate()
        .map(|(i, id)| (id.as_str(), first_pages.len() + i + 1))
        .collect();
    let total = first_pages.len() + printed.len();
    for (i, placed) in first_pages.iter().enumerate() {
        pdf.page(page_size, |canvas| {
            draw(canvas, placed);
            footer(canvas, page_size, i + 1, total);
        })?;
    }
    let grid = ScreenGrid::tablet();
    for id in printed {
        let Some(board) = job.vocabulary.board(id) else {
            continue;
        };
        let layout = BoardLayout::new(page_size, board.columns, board.rows, grid);
        let page_number = pages[id.as_str()];
        let pictures: Vec<Option<Image>> = board.cells.iter().map(|c| picture(board, c)).collect();
        pdf.page(page_size, |canvas| {
            board_heading(canvas, job, board, &pages, page_size);
            for (cell, picture) in board.cells.iter().zip(&pictures) {
                if cell.hidden {
                    continue;
                }
                let opens_page = cell.opens.as_deref().and_then(|o| pages.get(o).copied());
                let look = CellPrint {
                    rect: layout.cell(cell.row, cell.column),
                    scale: layout.scale,
                    columns: board.columns,
                    colour_coding: job.colour_coding,
                };
                let word = crate::model::languages::shown_word(
                    &cell.word,
                    &cell.translations,
                    job.home_language.as_deref(),
                    job.labels,
                );
                let shown = Cell {
                    word,
                    ..cell.clone()
                };
                print_cell(canvas, &shown, picture.as_ref(), opens_page, look);
            }
            footer(canvas, page_size, page_number, total);
        })?;
    }
    Ok((pdf.finish()?, total))
}

/// The first page (or pages, for a long list of boards): what these are and how to use them.
fn first_page(
    job: &BoardPrint,
    printed: &[String],
    left_out: usize,
    title: &str,
    page_size: (f32, f32),
    guide_pages: usize,
) -> Vec<Vec<super::flow::Placed>> {
    let paragraph = |text: String| Block::Paragraph { text, size: 13.0 };
    let heading = |level, text: &str| Block::Heading {
        level,
        text: text.to_string(),
    };
    let mut contents: Vec<String> = printed
        .iter()
        .enumerate()
        .filter_map(|(i, id)| {
            let board = job.vocabulary.board(id)?;
            Some(format!("page {}: {}", guide_pages + i + 1, board.name))
        })
        .collect();
    if left_out > 0 {
        contents.push(format!(
            "and {left_out} more boards, not printed here: print them with --boards"
        ));
    }
    let blocks = vec![
        heading(1, title),
        paragraph(format!(
            "Printed on {} from Hearme, profile {}. These are the same boards as on the tablet, \
             in the same places, to keep and use when the tablet is not here.",
            job.date, job.profile
        )),
        heading(2, "How to use a paper board"),
        paragraph(
            "Keep the board where the child can see and reach it. The child points at a picture, \
             or looks at it; say the word back (\"Drink? You want a drink.\") so they know they \
             were understood."
                .into(),
        ),
        paragraph(
            "A picture with a tab on top is a folder: the tab says the page its words are on. \
             Turn to that page, and back to home when the child wants."
                .into(),
        ),
        paragraph(
            "Give the child time to answer. Pointing at two pictures one after the other makes a \
             message (\"I\" then \"want\" then \"drink\")."
                .into(),
        ),
        heading(2, "The boards"),
        paragraph(contents.join("; ")),
        Block::Space(6.0),
        paragraph(format!(
            "{OPENMOJI_CREDIT} Photos are the family's own. Nothing of a visit is printed."
        )),
    ];
    let content = Rect {
        x: MARGIN_MM * PT_PER_MM,
        y: MARGIN_MM * PT_PER_MM,
        width: page_size.0 - 2.0 * MARGIN_MM * PT_PER_MM,
        height: page_size.1 - (2.0 * MARGIN_MM + FOOTER_MM) * PT_PER_MM,
    };
    lay_out(
        &blocks,
        content,
        4,
        "The list of boards goes on in the app.",
    )
}

/// The board's name, and which folder leads to it.
fn board_heading(
    canvas: &mut Canvas,
    job: &BoardPrint,
    board: &Board,
    pages: &BTreeMap<&str, usize>,
    page_size: (f32, f32),
) {
    let top = MARGIN_MM * PT_PER_MM;
    let baseline = top + HEADER_MM * PT_PER_MM * 0.6;
    let at = |x, size| TextAt {
        x,
        y: baseline,
        size,
        colour: INK,
    };
    let left = MARGIN_MM * PT_PER_MM;
    let right = page_size.0 - MARGIN_MM * PT_PER_MM;
    // A long name is drawn smaller rather than run off the page; the folder line gets the rest.
    let name_size =
        (16.0 * (right - left) * 0.5 / text_width(&board.name, 16.0).max(1.0)).min(16.0);
    let name_end = left + text_width(&board.name, name_size);
    let name = (board.name.clone(), at(left, name_size));
    canvas.heading(2, &[name]);
    let from = job
        .boards
        .iter()
        .filter_map(|id| job.vocabulary.board(id))
        .find_map(|parent| {
            let folder = parent
                .visible_cells()
                .find(|c| c.opens.as_deref() == Some(board.id.as_str()))?;
            // The folder's word as its cell shows it (in the home language too).
            let shown = crate::model::languages::shown_word(
                &folder.word,
                &folder.translations,
                job.home_language.as_deref(),
                job.labels,
            );
            Some((parent, shown))
        });
    let line = match from {
        Some((parent, folder)) => match pages.get(parent.id.as_str()) {
            Some(page) => format!(
                "Open it with the folder \"{}\" on page {page} ({})",
                folder, parent.name
            ),
            None => format!("Open it with the folder \"{}\" ({})", folder, parent.name),
        },
        None if board.id == HOME_BOARD => "The first board: start here".to_string(),
        None => "No folder on the printed boards leads here".to_string(),
    };
    let room = (right - name_end - 12.0).max(1.0);
    let size = (11.0 * room / text_width(&line, 11.0).max(1.0)).min(11.0);
    let x = right - text_width(&line, size);
    canvas.paragraph(&[(
        line,
        TextAt {
            colour: QUIET_INK,
            ..at(x, size)
        },
    )]);
}

/// The page number and the symbols' licence, on every page.
fn footer(canvas: &mut Canvas, page_size: (f32, f32), page: usize, total: usize) {
    let baseline = page_size.1 - MARGIN_MM * PT_PER_MM;
    let at = |x| TextAt {
        x,
        y: baseline,
        size: 9.0,
        colour: QUIET_INK,
    };
    canvas.artifact_text(
        ArtifactType::Footer,
        OPENMOJI_CREDIT,
        at(MARGIN_MM * PT_PER_MM),
    );
    let number = format!("Page {page} of {total}");
    let x = page_size.0 - MARGIN_MM * PT_PER_MM - text_width(&number, 9.0);
    canvas.artifact_text(ArtifactType::PageNumber, &number, at(x));
}
