//! A button's colour as OBF files write it (`rgb(255, 0, 0)`, `rgba( 255,0,0 ,0.5)`, `#f00`,
//! `#ff0000`), and the word class whose colour is nearest, since a Hearme cell is coloured by
//! its word class (modified Fitzgerald key).

use super::super::theme::{Rgb, STANDARD};
use super::super::vocab::WordClass;

pub const CLASSES: [WordClass; 8] = [
    WordClass::People,
    WordClass::Verb,
    WordClass::Describing,
    WordClass::Noun,
    WordClass::Social,
    WordClass::Question,
    WordClass::Negation,
    WordClass::Misc,
];

/// Nearer than this (in sRGB, 0 to 1 a part) a colour counts as the class's own.
const SAME_COLOUR: f32 = 0.12;

pub fn parse(text: &str) -> Option<Rgb> {
    let text = text.trim().to_ascii_lowercase();
    if let Some(hex) = text.strip_prefix('#') {
        return parse_hex(hex);
    }
    let inner = text
        .strip_prefix("rgba")
        .or_else(|| text.strip_prefix("rgb"))?
        .trim()
        .strip_prefix('(')?
        .strip_suffix(')')?;
    let parts: Vec<&str> = inner.split(',').map(str::trim).collect();
    if !(3..=4).contains(&parts.len()) {
        return None;
    }
    let channel = |part: &str| -> Option<f32> {
        let value = match part.strip_suffix('%') {
            Some(percent) => percent.trim().parse::<f32>().ok()? / 100.0,
            None => part.parse::<f32>().ok()? / 255.0,
        };
        value.is_finite().then(|| value.clamp(0.0, 1.0))
    };
    Some(Rgb(
        channel(parts[0])?,
        channel(parts[1])?,
        channel(parts[2])?,
    ))
}

fn parse_hex(hex: &str) -> Option<Rgb> {
    if !hex.is_ascii() {
        return None;
    }
    let digits: Vec<u8> = match hex.len() {
        3 | 4 => hex[..3]
            .chars()
            .map(|c| u8::from_str_radix(&format!("{c}{c}"), 16).ok())
            .collect::<Option<_>>()?,
        6 | 8 => (0..3)
            .map(|i| u8::from_str_radix(&hex[i * 2..i * 2 + 2], 16).ok())
            .collect::<Option<_>>()?,
        _ => return None,
    };
    let part = |i: usize| f32::from(digits[i]) / 255.0;
    Some(Rgb(part(0), part(1), part(2)))
}

/// The word class whose colour is nearest, and whether it is near enough to be the same.
pub fn nearest_class(colour: Rgb) -> (WordClass, bool) {
    let distance = |class: WordClass| {
        let Rgb(r, g, b) = STANDARD.word_class(class);
        ((r - colour.0).powi(2) + (g - colour.1).powi(2) + (b - colour.2).powi(2)).sqrt()
    };
    let best = CLASSES
        .into_iter()
        .min_by(|a, b| distance(*a).total_cmp(&distance(*b)))
        .unwrap_or(WordClass::Misc);
    (best, distance(best) <= SAME_COLOUR)
}

/// A class's colour as OBF writes it: `rgb(255, 230, 115)`.
pub fn css(class: WordClass) -> String {
    let Rgb(r, g, b) = STANDARD.word_class(class);
    let byte = |c: f32| (c * 255.0).round() as u8;
    format!("rgb({}, {}, {})", byte(r), byte(g), byte(b))
}
