//! How many lines a word takes in Andika at a size and width, so a label can be given the size
//! at which it fits and its picture keeps the rest of the card (docs/decisions.md, "Pictures").

use std::sync::OnceLock;

use ab_glyph::{Font, FontRef, PxScale, ScaleFont};

fn andika() -> Option<&'static FontRef<'static>> {
    static FONT: OnceLock<Option<FontRef<'static>>> = OnceLock::new();
    FONT.get_or_init(|| FontRef::try_from_slice(super::ANDIKA_REGULAR).ok())
        .as_ref()
}

/// How wide `text` is in Andika at an em size of `px` (pixels on screen, points on paper).
pub fn text_width(text: &str, px: f32) -> f32 {
    let Some(font) = andika() else {
        return text.chars().count() as f32 * px * 0.5;
    };
    // Sizes on screen are em sizes (Bevy's `FontSize::Px`); ab_glyph's scale is the line height.
    let per_em = font.height_unscaled() / font.units_per_em().unwrap_or(1000.0);
    let scaled = font.as_scaled(PxScale::from(px * per_em));
    text.chars()
        .map(|c| scaled.h_advance(font.glyph_id(c)))
        .sum()
}

/// Where the baseline of a line `line_height` tall sits below its top, at an em size of `px`:
/// the font's ascent and descent centred in the line, as the screen lays text out.
pub fn baseline_in_line(px: f32, line_height: f32) -> f32 {
    let Some(font) = andika() else {
        return line_height * 0.8;
    };
    let per_em = px / font.units_per_em().unwrap_or(1000.0);
    let (ascent, descent) = (
        font.ascent_unscaled() * per_em,
        -font.descent_unscaled() * per_em,
    );
    (line_height - (ascent + descent)) / 2.0 + ascent
}

/// Whether Andika can draw `c` (a PDF/A file may not draw a missing glyph's box).
pub fn has_glyph(c: char) -> bool {
    andika().is_some_and(|font| font.glyph_id(c).0 != 0)
}

/// Lines `text` wraps into at `px` in `width` pixels, breaking at spaces; `usize::MAX` if a
/// word alone is wider than the width (it would be broken mid-word or run over its card).
pub fn lines_needed(text: &str, px: f32, width: f32) -> usize {
    let width_of = |word: &str| text_width(word, px);
    let space = width_of(" ");
    let mut lines = 1;
    let mut line = 0.0;
    for word in text.split_whitespace() {
        let word_width = width_of(word);
        if line > 0.0 && line + space + word_width > width {
            lines += 1;
            line = 0.0;
        }
        if word_width > width {
            return usize::MAX;
        }
        line += if line > 0.0 { space } else { 0.0 } + word_width;
    }
    lines
}

/// The largest size from `base` down to `smallest` (in steps of 1 px) at which `text` fits
/// `width` in at most `max_lines` lines; `smallest` if none does.
pub fn size_to_fit(text: &str, base: f32, smallest: f32, width: f32, max_lines: usize) -> f32 {
    let mut px = base;
    while px > smallest && lines_needed(text, px, width) > max_lines {
        px -= 1.0;
    }
    px.max(smallest)
}

/// Bevy's line height, as a share of the font size.
const LINE_HEIGHT: f32 = 1.2;

/// The largest size from `base` down to `smallest` at which `text`, wrapped to `width`, is no
/// taller than `height`: a word that leaves its picture room (docs/access.md, "Text size").
pub fn size_to_fit_box(text: &str, base: f32, smallest: f32, width: f32, height: f32) -> f32 {
    let fits = |px: f32| {
        let lines = lines_needed(text, px, width);
        lines != usize::MAX && lines as f32 * px * LINE_HEIGHT <= height
    };
    let mut px = base;
    while px > smallest && !fits(px) {
        px -= 1.0;
    }
    px.max(smallest)
}

/// A word's size at the child's text size (`scale` times `standard_px`): a larger size grows
/// only as far as the word fits `width` × `height` (the room its picture leaves), and is never
/// smaller than the standard size fitted to `width` in `lines` lines, as every screen is laid out
/// for that.
pub fn scaled_to_fit(
    text: &str,
    standard_px: f32,
    scale: f32,
    smallest: f32,
    (width, height): (f32, f32),
    lines: usize,
) -> f32 {
    let standard = size_to_fit(text, standard_px * scale.min(1.0), smallest, width, lines);
    if scale <= 1.0 {
        return standard;
    }
    size_to_fit_box(text, standard_px * scale, smallest, width, height).max(standard)
}
