//! The summary as a PDF for the case file: the text summary's lines as searchable text, each
//! section under its heading, then the child's messages and answers in their own symbols (each
//! symbol a figure with its word as alternative text), "DRAFT" and the page number on every
//! page; A4 upright, at most [`MAX_PAGES`] pages (docs/print.md).

use std::collections::HashMap;

use image::RgbaImage;
use jiff::tz::TimeZone;
use krilla::image::Image;
use krilla::tagging::ArtifactType;

use super::picture::{PictureRef, blocks};
use super::text::{TextPart, text_parts};
use super::{ExportInfo, Summary, date_text};
use crate::model::pdf::flow::{Block, QUIET_INK, SymbolTile, draw, lay_out};
use crate::model::pdf::layout::{MARGIN_MM, PT_PER_MM, Paper, Rect};
use crate::model::pdf::{Meta, Pdf, TextAt, image_of};
use crate::model::text_fit::text_width;

/// A visit longer than this many pages (a damaged or huge journal) stops with a line saying the
/// rest is in the text summary.
pub const MAX_PAGES: usize = 40;
/// On every page, above everything else.
pub const DRAFT_HEADER: &str = "DRAFT - for the worker to check before it goes on the record";
const TEXT_PT: f32 = 10.5;
/// A symbol's side in the pictures part: 24 mm.
const SYMBOL_PT: f32 = 24.0 * PT_PER_MM;

/// The summary PDF; `picture_of` finds a symbol's picture, or `None` to show its word alone.
pub fn render_pdf(
    summary: &Summary,
    export: Option<&ExportInfo>,
    zone: &TimeZone,
    picture_of: &dyn Fn(&PictureRef) -> Option<RgbaImage>,
    created: jiff::Timestamp,
) -> Result<Vec<u8>, String> {
    let title = format!(
        "Visit summary, {}, {}",
        summary.case_ref,
        date_text(&summary.started, zone)
    );
    let mut pdf = Pdf::new(&Meta {
        title: &title,
        language: "en-GB",
        created,
    })?;
    let page_size = Paper::A4.portrait();
    let content = Rect {
        x: MARGIN_MM * PT_PER_MM,
        y: (MARGIN_MM + 8.0) * PT_PER_MM,
        width: page_size.0 - 2.0 * MARGIN_MM * PT_PER_MM,
        height: page_size.1 - (2.0 * MARGIN_MM + 16.0) * PT_PER_MM,
    };
    let blocks = summary_blocks(summary, export, zone, picture_of);
    let pages = lay_out(
        &blocks,
        content,
        MAX_PAGES,
        "And more: the rest of this visit is in the text summary, which has all of it.",
    );
    let total = pages.len();
    for (i, placed) in pages.iter().enumerate() {
        pdf.page(page_size, |canvas| {
            let top = TextAt {
                x: MARGIN_MM * PT_PER_MM,
                y: (MARGIN_MM + 3.0) * PT_PER_MM,
                size: 10.0,
                colour: QUIET_INK,
            };
            let header = format!("{DRAFT_HEADER}. {}", summary.case_ref);
            canvas.artifact_text(ArtifactType::Header, &header, top);
            draw(canvas, placed);
            let number = format!("Page {} of {total}", i + 1);
            let x = page_size.0 - MARGIN_MM * PT_PER_MM - text_width(&number, 9.0);
            let y = page_size.1 - MARGIN_MM * PT_PER_MM;
            let at = TextAt {
                x,
                y,
                size: 9.0,
                ..top
            };
            canvas.artifact_text(ArtifactType::PageNumber, &number, at);
        })?;
    }
    pdf.finish()
}

/// The text summary's lines in its order, the pictures part before the footer.
fn summary_blocks(
    summary: &Summary,
    export: Option<&ExportInfo>,
    zone: &TimeZone,
    picture_of: &dyn Fn(&PictureRef) -> Option<RgbaImage>,
) -> Vec<Block> {
    let paragraph = |text: String| Block::Paragraph {
        text,
        size: TEXT_PT,
    };
    let mut out = Vec::new();
    let mut footer = Vec::new();
    for part in text_parts(summary, export, zone) {
        match part {
            TextPart::Title(text) => out.push(Block::Heading { level: 1, text }),
            TextPart::Header(text) | TextPart::Item(text) => out.push(paragraph(text)),
            TextPart::Heading { text, .. } => out.push(Block::Heading { level: 2, text }),
            TextPart::Footer(text) => footer.push(paragraph(text)),
        }
    }
    out.extend(own_symbols(summary, zone, picture_of));
    if !footer.is_empty() {
        out.push(Block::Space(8.0));
        out.extend(footer);
    }
    out
}

/// "In their own symbols": the same parts as the picture summary, each symbol read once from
/// the library however often the child chose it.
fn own_symbols(
    summary: &Summary,
    zone: &TimeZone,
    picture_of: &dyn Fn(&PictureRef) -> Option<RgbaImage>,
) -> Vec<Block> {
    let (parts, left_out) = blocks(summary, zone);
    if parts.is_empty() {
        return Vec::new();
    }
    let mut out = vec![Block::Heading {
        level: 2,
        text: "IN THEIR OWN SYMBOLS".into(),
    }];
    let mut images: HashMap<PictureRef, Option<Image>> = HashMap::new();
    for part in parts {
        out.push(Block::Paragraph {
            text: part.heading,
            size: TEXT_PT,
        });
        let tiles = part
            .tiles
            .into_iter()
            .map(|tile| {
                let picture = images
                    .entry(tile.picture.clone())
                    .or_insert_with(|| picture_of(&tile.picture).map(|p| image_of(&p)))
                    .clone();
                SymbolTile {
                    word: tile.word,
                    picture,
                }
            })
            .collect::<Vec<_>>();
        if !tiles.is_empty() {
            out.push(Block::Symbols {
                tiles,
                tile: SYMBOL_PT,
            });
        }
        if let Some(after) = part.after {
            out.push(Block::Paragraph {
                text: after,
                size: TEXT_PT,
            });
        }
    }
    if left_out > 0 {
        out.push(Block::Paragraph {
            text: format!("And {left_out} more in the text summary."),
            size: TEXT_PT,
        });
    }
    out
}
