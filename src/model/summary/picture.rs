//! The summary "in their own symbols": the child's messages and answers as rows of pictures
//! with their words, as a PNG a worker can attach to the case record or show the child.

use std::collections::HashMap;

use ab_glyph::{Font, FontRef, PxScale, ScaleFont};
use image::{Rgba, RgbaImage, imageops};
use jiff::tz::TimeZone;

use super::sections::{body_place_answer, prompt_about};
use super::{Summary, clock_text, date_text};
use crate::model::session::Actor;

const WIDTH: u32 = 1200;
const MARGIN: u32 = 32;
const TILE: u32 = 128;
const GAP: u32 = 16;
const WORD_PX: f32 = 22.0;
const HEADING_PX: f32 = 30.0;
const TIME_PX: f32 = 20.0;
/// A visit with more messages than this (a long or damaged journal) draws the first ones and
/// says how many more are in the text summary, so the picture stays a sensible size.
pub const MAX_MESSAGES: usize = 60;
/// The tallest page drawn (96 MB as RGBA at 1,200 px wide); parts that do not fit are left to
/// the text summary.
const MAX_HEIGHT: u32 = 20_000;
/// Parts drawn in all (messages and answers), for the same reason.
pub const MAX_BLOCKS: usize = 120;
/// Symbols drawn per message, for the same reason.
pub const MAX_SYMBOLS: usize = 40;
const INK: Rgba<u8> = Rgba([20, 20, 26, 255]);
const PAPER: Rgba<u8> = Rgba([255, 255, 255, 255]);

/// One part of the picture: a line of text, then symbols with their words, then a line of
/// plain text (a declined answer, how much it hurts).
struct Block {
    heading: String,
    tiles: Vec<String>,
    after: Option<String>,
}

/// What the picture shows: the child's messages, then their own answers to the activities
/// (feelings, card sorts, houses, the body map). Worker modelling and redacted items are left
/// out, as in every summary.
fn blocks(summary: &Summary, zone: &TimeZone) -> (Vec<Block>, usize) {
    let clock = |at: &str| clock_text(at, zone);
    let shown = &summary.child_messages[..summary.child_messages.len().min(MAX_MESSAGES)];
    let left_out = summary.child_messages.len() - shown.len();
    let mut blocks: Vec<Block> = shown
        .iter()
        .map(|said| Block {
            heading: format!(
                "{}{}",
                clock(&said.at),
                said.spoken
                    .as_deref()
                    .map(|s| format!("  \"{s}\""))
                    .unwrap_or_default()
            ),
            tiles: said.symbols.iter().take(MAX_SYMBOLS).cloned().collect(),
            after: None,
        })
        .collect();
    for feeling in summary.feelings.iter().filter(|f| f.by == Actor::Child) {
        let heading = format!(
            "{}  {}",
            clock(&feeling.at),
            prompt_about(&feeling.prompt, feeling.about.as_deref())
        );
        blocks.push(match feeling.declined {
            Some(declined) => Block {
                heading,
                tiles: Vec::new(),
                after: Some(format!("declined: {}", declined.words())),
            },
            None => Block {
                heading,
                tiles: feeling
                    .options
                    .get(feeling.chosen)
                    .cloned()
                    .into_iter()
                    .collect(),
                after: None,
            },
        });
    }
    for sort in &summary.card_sorts {
        for (column, cards) in &sort.columns {
            blocks.push(Block {
                heading: format!("{}: {column}", sort.activity),
                tiles: cards.iter().take(MAX_SYMBOLS).cloned().collect(),
                after: None,
            });
        }
    }
    for list in &summary.houses {
        for (house, words) in &list.houses {
            blocks.push(Block {
                heading: format!("{}: {house}", list.activity),
                tiles: words.iter().take(MAX_SYMBOLS).cloned().collect(),
                after: None,
            });
        }
    }
    for place in summary.body_map.iter().filter(|p| p.by == Actor::Child) {
        let Some(said) = body_place_answer(place) else {
            continue;
        };
        blocks.push(Block {
            heading: format!("{}  {}", clock(&place.at), place.prompt),
            tiles: Vec::new(),
            after: Some(said),
        });
    }
    // A huge or damaged visit must not make a huge picture: the rest is in the text summary.
    let answers_left_out = blocks.len().saturating_sub(MAX_BLOCKS);
    blocks.truncate(MAX_BLOCKS);
    (blocks, left_out + answers_left_out)
}

/// Draws the child's messages and answers; `picture_of` finds the picture for a symbol as the
/// journal names it (a cell id or a word), or `None` to show the word alone.
pub fn render_own_symbols(
    summary: &Summary,
    zone: &TimeZone,
    picture_of: impl Fn(&str) -> Option<RgbaImage>,
) -> Result<Vec<u8>, String> {
    let font = FontRef::try_from_slice(crate::model::ANDIKA_REGULAR).map_err(|e| e.to_string())?;
    let per_row = ((WIDTH - 2 * MARGIN + GAP) / (TILE + GAP)) as usize;
    let row_height = TILE + 40;
    let (mut blocks, mut left_out) = blocks(summary, zone);
    let block_height = |block: &Block| {
        let rows = block.tiles.len().div_ceil(per_row) as u32;
        34 + rows * row_height + if block.after.is_some() { 34 } else { 0 } + 12
    };
    // However many symbols the parts hold, the page stays a size a tablet can hold in memory.
    let mut parts_height = 0;
    let fitting = blocks
        .iter()
        .take_while(|block| {
            parts_height += block_height(block);
            parts_height <= MAX_HEIGHT - MARGIN * 2 - 60 - 40
        })
        .count();
    left_out += blocks.len() - fitting;
    blocks.truncate(fitting);
    let height = MARGIN * 2
        + 60
        + blocks.iter().map(block_height).sum::<u32>()
        + if left_out > 0 { 40 } else { 0 };
    // Each symbol is read and scaled once, however often the child used it.
    let mut tiles: HashMap<&str, Option<RgbaImage>> = HashMap::new();
    let mut page = RgbaImage::from_pixel(WIDTH, height.max(200), PAPER);

    let date = date_text(&summary.started, zone);
    let mut y = MARGIN;
    draw_text(
        &mut page,
        &font,
        HEADING_PX,
        MARGIN,
        y,
        &format!("In their own symbols - {}, {date}", summary.case_ref),
    );
    y += 60;
    if blocks.is_empty() {
        draw_text(
            &mut page,
            &font,
            WORD_PX,
            MARGIN,
            y,
            "No messages or answers from the child in this visit.",
        );
    }
    for block in &blocks {
        draw_text(&mut page, &font, TIME_PX, MARGIN, y, &block.heading);
        y += 34;
        for (index, symbol) in block.tiles.iter().enumerate() {
            let column = (index % per_row) as u32;
            if index > 0 && column == 0 {
                y += row_height;
            }
            let x = MARGIN + column * (TILE + GAP);
            let tile = tiles.entry(symbol.as_str()).or_insert_with(|| {
                picture_of(symbol).map(|picture| {
                    imageops::resize(&picture, TILE, TILE, imageops::FilterType::Triangle)
                })
            });
            if let Some(tile) = tile {
                imageops::overlay(&mut page, tile, i64::from(x), i64::from(y));
            }
            let word = words_of(symbol);
            let width = text_width(&font, WORD_PX, &word);
            let centred = x + (TILE.saturating_sub(width)) / 2;
            draw_text(&mut page, &font, WORD_PX, centred, y + TILE + 4, &word);
        }
        if !block.tiles.is_empty() {
            y += row_height;
        }
        if let Some(after) = &block.after {
            draw_text(&mut page, &font, WORD_PX, MARGIN + 24, y, after);
            y += 34;
        }
        y += 12;
    }
    if left_out > 0 {
        let more = format!("... and {left_out} more: see the text summary.");
        draw_text(&mut page, &font, TIME_PX, MARGIN, y, &more);
    }
    let mut bytes = std::io::Cursor::new(Vec::new());
    page.write_to(&mut bytes, image::ImageFormat::Png)
        .map_err(|e| e.to_string())?;
    Ok(bytes.into_inner())
}

/// A cell id such as `dont-like` reads as "dont like" under its picture; a word stays as it is.
fn words_of(symbol: &str) -> String {
    if symbol.contains(' ') || !symbol.contains('-') {
        symbol.to_string()
    } else {
        symbol.replace('-', " ")
    }
}

fn text_width(font: &FontRef, px: f32, text: &str) -> u32 {
    let scaled = font.as_scaled(PxScale::from(px));
    text.chars()
        .map(|c| scaled.h_advance(font.glyph_id(c)))
        .sum::<f32>()
        .ceil() as u32
}

fn draw_text(page: &mut RgbaImage, font: &FontRef, px: f32, x: u32, y: u32, text: &str) {
    let scale = PxScale::from(px);
    let scaled = font.as_scaled(scale);
    let mut caret = x as f32;
    let baseline = y as f32 + scaled.ascent();
    for c in text.chars() {
        let id = font.glyph_id(c);
        let glyph = id.with_scale_and_position(scale, ab_glyph::point(caret, baseline));
        caret += scaled.h_advance(id);
        let Some(outline) = font.outline_glyph(glyph) else {
            continue;
        };
        let bounds = outline.px_bounds();
        outline.draw(|gx, gy, coverage| {
            let (px_x, px_y) = (
                bounds.min.x as i64 + i64::from(gx),
                bounds.min.y as i64 + i64::from(gy),
            );
            if px_x < 0
                || px_y < 0
                || px_x >= i64::from(page.width())
                || px_y >= i64::from(page.height())
            {
                return;
            }
            let pixel = page.get_pixel_mut(px_x as u32, px_y as u32);
            for channel in 0..3 {
                let under = f32::from(pixel.0[channel]);
                pixel.0[channel] =
                    (under + (f32::from(INK.0[channel]) - under) * coverage).round() as u8;
            }
        });
    }
}
