//! The summary "in their own symbols": the child's messages and answers as rows of pictures
//! with their words, as a PNG a worker can attach to the case record or show the child.

use std::collections::HashMap;

use ab_glyph::{Font, FontRef, PxScale, ScaleFont};
use image::{Rgba, RgbaImage, imageops};
use jiff::tz::TimeZone;

use super::sections::{body_place_answer, prompt_about};
use super::{Summary, clock_text, date_text};
use crate::model::read_back::{answer_key, message_key};
use crate::model::session::Actor;

const WIDTH: u32 = 1200;
const MARGIN: u32 = 32;
const TILE: u32 = 128;
const GAP: u32 = 16;
const WORD_PX: f32 = 22.0;
const HEADING_PX: f32 = 30.0;
const TIME_PX: f32 = 20.0;
/// Lines a word under a symbol may take before it is shortened.
const WORD_LINES: u32 = 2;
/// The longest text drawn on one line, in characters: a 1 MB prompt costs no more than this.
const MAX_LINE_CHARS: usize = 300;
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

/// Which picture a tile shows: the very symbol the journal names where it names one, else the
/// choice of that activity, else whatever the vocabulary shows for the word.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum PictureRef {
    /// A symbol id (OpenMoji name or a photo), as journaled.
    Symbol(String),
    /// A choice or card of an activity, by the activity's id and the choice's word.
    Choice { activity: String, word: String },
    /// A word or cell id, looked up in the vocabulary (journals written before pictures were).
    Word(String),
}

pub(super) struct Tile {
    pub(super) word: String,
    pub(super) picture: PictureRef,
}

impl Tile {
    fn choice(activity: &str, word: &str) -> Tile {
        Tile {
            word: word.to_string(),
            picture: PictureRef::Choice {
                activity: activity.to_string(),
                word: word.to_string(),
            },
        }
    }

    fn journaled(word: &str, symbol: Option<&String>) -> Tile {
        Tile {
            word: words_of(word),
            picture: match symbol.filter(|s| !s.is_empty()) {
                Some(symbol) => PictureRef::Symbol(symbol.clone()),
                None => PictureRef::Word(word.to_string()),
            },
        }
    }
}

/// One part of the picture: a line of text, then symbols with their words, then a line of
/// plain text (a declined answer, how much it hurts).
pub(super) struct Block {
    pub(super) heading: String,
    pub(super) tiles: Vec<Tile>,
    pub(super) after: Option<String>,
}

/// What the picture shows: the child's messages, then their own answers to the activities
/// (feelings, card sorts, houses, the body map). Worker modelling and redacted items are left
/// out, as in every summary.
pub(super) fn blocks(summary: &Summary, zone: &TimeZone) -> (Vec<Block>, usize) {
    let clock = |at: &str| clock_text(at, zone);
    let shown = &summary.child_messages[..summary.child_messages.len().min(MAX_MESSAGES)];
    let left_out = summary.child_messages.len() - shown.len();
    // What needs the worker's attention opens the picture as it opens the summary.
    let attention = summary.attention.iter().map(|note| Block {
        heading: format!("For the worker's attention, {}", clock(&note.at)),
        tiles: Vec::new(),
        after: Some(note.text.clone()),
    });
    let mut blocks: Vec<Block> = attention.collect();
    blocks.extend(shown.iter().map(|said| {
        Block {
            heading: format!(
                "{}{}",
                clock(&said.at),
                said.spoken
                    .as_deref()
                    .map(|s| format!("  \"{s}\""))
                    .unwrap_or_default()
            ),
            tiles: said
                .symbols
                .iter()
                .enumerate()
                .take(MAX_SYMBOLS)
                .map(|(i, word)| Tile::journaled(word, said.pictures.get(i)))
                .collect(),
            after: read_back_line(summary, &message_key(&said.at)),
        }
    }));
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
                    .map(|word| Tile::choice(&feeling.scale, word))
                    .into_iter()
                    .collect(),
                after: read_back_line(summary, &answer_key(&feeling.at)),
            },
        });
    }
    for sort in &summary.card_sorts {
        for (column, cards) in &sort.columns {
            blocks.push(Block {
                heading: format!("{}: {column}", sort.activity),
                tiles: cards
                    .iter()
                    .take(MAX_SYMBOLS)
                    .map(|card| Tile::choice(&sort.activity, card))
                    .collect(),
                after: None,
            });
        }
    }
    for list in &summary.houses {
        for (house, words) in &list.houses {
            blocks.push(Block {
                heading: format!("{}: {house}", list.activity),
                tiles: words
                    .iter()
                    .take(MAX_SYMBOLS)
                    .map(|word| Tile::journaled(word, list.pictures.get(word)))
                    .collect(),
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

/// What the child answered when the item was read back to them, under the item.
fn read_back_line(summary: &Summary, key: &str) -> Option<String> {
    let checked = summary
        .read_back
        .as_ref()?
        .checked
        .iter()
        .find(|c| c.item == key)?;
    let answer =
        |a: Option<crate::model::read_back::CheckAnswer>| a.map_or("not asked", |a| a.words());
    Some(format!(
        "Read back. Right? {}. Share? {}.",
        answer(checked.right),
        answer(checked.share)
    ))
}

/// Draws the child's messages and answers; `picture_of` finds the picture a tile names, or
/// `None` to show the word alone.
pub fn render_own_symbols(
    summary: &Summary,
    zone: &TimeZone,
    picture_of: impl Fn(&PictureRef) -> Option<RgbaImage>,
) -> Result<Vec<u8>, String> {
    let font = FontRef::try_from_slice(crate::model::ANDIKA_REGULAR).map_err(|e| e.to_string())?;
    let per_row = ((WIDTH - 2 * MARGIN + GAP) / (TILE + GAP)) as usize;
    // A symbol's word takes up to two lines under it.
    let row_height = TILE + WORD_LINES * 26 + 14;
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
    let mut tiles: HashMap<&PictureRef, Option<RgbaImage>> = HashMap::new();
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
        for (index, tile_of) in block.tiles.iter().enumerate() {
            let column = (index % per_row) as u32;
            if index > 0 && column == 0 {
                y += row_height;
            }
            let x = MARGIN + column * (TILE + GAP);
            let tile = tiles.entry(&tile_of.picture).or_insert_with(|| {
                picture_of(&tile_of.picture).map(|picture| {
                    imageops::resize(&picture, TILE, TILE, imageops::FilterType::Triangle)
                })
            });
            if let Some(tile) = tile {
                imageops::overlay(&mut page, tile, i64::from(x), i64::from(y));
            }
            let lines = wrapped(&font, WORD_PX, &tile_of.word, TILE + GAP - 4, WORD_LINES);
            for (line_index, line) in lines.iter().enumerate() {
                let width = text_width(&font, WORD_PX, line);
                let centred = (x + TILE / 2).saturating_sub(width / 2);
                let line_y = y + TILE + 4 + line_index as u32 * 26;
                draw_text(&mut page, &font, WORD_PX, centred, line_y, line);
            }
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

/// `text` shortened to fit `max_width` pixels, with "..." where it was cut.
fn fitted(font: &FontRef, px: f32, text: &str, max_width: u32) -> String {
    let scaled = font.as_scaled(PxScale::from(px));
    let advance = |c: char| scaled.h_advance(font.glyph_id(c));
    let (room, ellipsis) = (max_width as f32, advance('.') * 3.0);
    let (mut kept, mut width, mut room_for_ellipsis) = (String::new(), 0.0, 0);
    for (count, c) in text.chars().enumerate() {
        width += advance(c);
        if width > room || count >= MAX_LINE_CHARS {
            return format!("{}...", kept[..room_for_ellipsis].trim_end());
        }
        kept.push(c);
        if width + ellipsis <= room {
            room_for_ellipsis = kept.len();
        }
    }
    kept
}

/// `text` broken at spaces into at most `lines` lines of `max_width` pixels, the last one
/// shortened if the rest does not fit.
fn wrapped(font: &FontRef, px: f32, text: &str, max_width: u32, lines: u32) -> Vec<String> {
    let text: String = text.chars().take(MAX_LINE_CHARS).collect();
    let space = text_width(font, px, " ");
    let mut out: Vec<String> = Vec::new();
    let (mut line, mut width) = (String::new(), 0);
    let mut words = text.split_whitespace().peekable();
    while let Some(word) = words.next() {
        let word_width = text_width(font, px, word);
        if !line.is_empty() && width + space + word_width > max_width {
            out.push(std::mem::take(&mut line));
            width = 0;
            if out.len() as u32 + 1 >= lines {
                // The last line takes the rest, shortened below.
                line = std::iter::once(word)
                    .chain(words.by_ref())
                    .collect::<Vec<_>>()
                    .join(" ");
                break;
            }
        }
        if !line.is_empty() {
            line.push(' ');
            width += space;
        }
        line.push_str(word);
        width += word_width;
    }
    if !line.is_empty() {
        out.push(line);
    }
    out.into_iter()
        .map(|line| fitted(font, px, &line, max_width))
        .collect()
}

fn draw_text(page: &mut RgbaImage, font: &FontRef, px: f32, x: u32, y: u32, text: &str) {
    let text = fitted(font, px, text, page.width().saturating_sub(x + MARGIN / 2));
    let text = text.as_str();
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
