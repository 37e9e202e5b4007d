//! The child's themes (standard, high contrast, dark) as plain colours, and the WCAG 2.2 contrast
//! ratio that every pair of them drawn on each other must reach (docs/access.md, "Themes").

use serde::{Deserialize, Serialize};

use super::vocab::WordClass;

/// An sRGB colour, each part 0 to 1.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rgb(pub f32, pub f32, pub f32);

pub const BLACK: Rgb = Rgb(0.0, 0.0, 0.0);
pub const WHITE: Rgb = Rgb(1.0, 1.0, 1.0);

fn to_linear(c: f32) -> f32 {
    if c <= 0.04045 {
        c / 12.92
    } else {
        ((c + 0.055) / 1.055).powf(2.4)
    }
}

fn to_srgb(c: f32) -> f32 {
    if c <= 0.003_130_8 {
        c * 12.92
    } else {
        1.055 * c.powf(1.0 / 2.4) - 0.055
    }
}

impl Rgb {
    /// WCAG 2.2 relative luminance.
    pub fn luminance(self) -> f32 {
        0.2126 * to_linear(self.0) + 0.7152 * to_linear(self.1) + 0.0722 * to_linear(self.2)
    }

    /// `self` drawn over `under` at `alpha`, mixed in linear light as the renderer mixes it.
    pub fn over(self, under: Rgb, alpha: f32) -> Rgb {
        let mix = |a: f32, b: f32| to_srgb(alpha * to_linear(a) + (1.0 - alpha) * to_linear(b));
        Rgb(
            mix(self.0, under.0),
            mix(self.1, under.1),
            mix(self.2, under.2),
        )
    }

    /// A darker shade (`amount` 0 to 1 of the way to black), for edges and the pressed state.
    pub fn darker(self, amount: f32) -> Rgb {
        let keep = 1.0 - amount.clamp(0.0, 1.0);
        Rgb(self.0 * keep, self.1 * keep, self.2 * keep)
    }

    /// The same hue scaled, in linear light, to a relative luminance (never above white).
    fn at_luminance(self, wanted: f32) -> Rgb {
        let now = self.luminance().max(1e-4);
        let scale = |c: f32| to_srgb((to_linear(c) * wanted / now).min(1.0));
        Rgb(scale(self.0), scale(self.1), scale(self.2))
    }
}

/// WCAG 2.2 contrast ratio, 1 to 21, whichever colour is lighter.
pub fn contrast_ratio(a: Rgb, b: Rgb) -> f32 {
    let (la, lb) = (a.luminance(), b.luminance());
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

/// WCAG 1.4.3 (text) and 1.4.11 (controls, borders, highlights).
pub const TEXT_RATIO: f32 = 4.5;
pub const NON_TEXT_RATIO: f32 = 3.0;
/// WCAG 1.4.6, which the high-contrast theme reaches for its text.
pub const ENHANCED_TEXT_RATIO: f32 = 7.0;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum Theme {
    #[default]
    Standard,
    HighContrast,
    Dark,
}

impl Theme {
    pub const ALL: [Theme; 3] = [Theme::Standard, Theme::HighContrast, Theme::Dark];

    pub fn palette(self) -> Palette {
        match self {
            Theme::Standard => STANDARD,
            Theme::HighContrast => HIGH_CONTRAST,
            Theme::Dark => DARK,
        }
    }
}

/// How a picture card (a board cell, an activity choice, a symbol in the message bar) is drawn
/// in a theme: its face, its edge, its word and its face while pressed.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Tile {
    pub face: Rgb,
    pub edge: Rgb,
    pub ink: Rgb,
    pub pressed: Rgb,
}

/// How a theme turns a card's own colour (its word class, an activity file's colour) into a
/// tile: as it is with a darker edge, or dimmed with the colour kept as its edge.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Tiles {
    Light {
        edge_darker: f32,
        pressed_darker: f32,
        ink: Rgb,
    },
    Dimmed {
        face_luminance: f32,
    },
}

/// Every colour a child's screen draws with in one theme. Worker pages keep the standard one.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Palette {
    pub theme: Theme,
    /// Behind the board, and the words drawn straight on it (the symbol credit, notices).
    pub background: Rgb,
    pub on_background: Rgb,
    /// The nav strip's and the message bar's buttons.
    pub button: Rgb,
    pub button_pressed: Rgb,
    pub button_ink: Rgb,
    pub button_edge: Rgb,
    pub bar: Rgb,
    pub bar_ink: Rgb,
    /// The symbol being spoken, the chosen card, the scanning highlight; black words on it.
    pub highlight: Rgb,
    pub highlight_ink: Rgb,
    /// The frame drawn inside the highlight and around the keyboard's focus, and the dwell ring.
    pub frame: Rgb,
    pub dwell_ring: Rgb,
    /// The fill that grows over a held cell, drawn at `hold_alpha`.
    pub hold_fill: Rgb,
    pub hold_alpha: f32,
    pub activity_background: Rgb,
    pub activity_ink: Rgb,
    /// A card with no colour of its own, a symbol in the message bar, a body map's region.
    pub plain: Rgb,
    pub skin: Rgb,
    word_classes: [Rgb; 8],
    tiles: Tiles,
}

impl Palette {
    /// The colour that tells a word class (modified Fitzgerald key), or the plain one.
    pub fn word_class(&self, class: WordClass) -> Rgb {
        let index = match class {
            WordClass::People => 0,
            WordClass::Verb => 1,
            WordClass::Describing => 2,
            WordClass::Noun => 3,
            WordClass::Social => 4,
            WordClass::Question => 5,
            WordClass::Negation => 6,
            WordClass::Misc => 7,
        };
        self.word_classes[index]
    }

    pub fn tile(&self, colour: Rgb) -> Tile {
        match self.tiles {
            Tiles::Light {
                edge_darker,
                pressed_darker,
                ink,
            } => Tile {
                face: colour,
                edge: colour.darker(edge_darker),
                ink,
                pressed: colour.darker(pressed_darker),
            },
            Tiles::Dimmed { face_luminance } => Tile {
                face: colour.at_luminance(face_luminance),
                edge: colour,
                ink: WHITE,
                pressed: colour.at_luminance(face_luminance * 0.5),
            },
        }
    }

    /// Every colour that cards are made from in this theme (the word classes and the plain and
    /// skin colours), for the contrast check.
    pub fn card_colours(&self) -> Vec<(String, Rgb)> {
        let classes = [
            "people",
            "verb",
            "describing",
            "noun",
            "social",
            "question",
            "negation",
            "misc",
        ];
        let mut all: Vec<(String, Rgb)> = classes
            .iter()
            .zip(self.word_classes)
            .map(|(name, colour)| (format!("{name} cell"), colour))
            .collect();
        all.push(("plain card".into(), self.plain));
        all.push(("body map region".into(), self.skin));
        all
    }
}

/// Modified Fitzgerald key in pastel shades under black words.
const PASTELS: [Rgb; 8] = [
    Rgb(1.0, 0.90, 0.45),
    Rgb(0.70, 0.91, 0.62),
    Rgb(0.66, 0.83, 1.0),
    Rgb(1.0, 0.78, 0.54),
    Rgb(1.0, 0.76, 0.88),
    Rgb(0.85, 0.76, 1.0),
    Rgb(1.0, 0.62, 0.62),
    WHITE,
];

const YELLOW: Rgb = Rgb(1.0, 0.84, 0.0);
const INK: Rgb = Rgb(0.08, 0.08, 0.10);
const PAPER: Rgb = Rgb(0.97, 0.97, 0.97);

pub const STANDARD: Palette = Palette {
    theme: Theme::Standard,
    background: Rgb(0.20, 0.22, 0.25),
    on_background: PAPER,
    button: Rgb(0.30, 0.34, 0.40),
    button_pressed: Rgb(0.14, 0.16, 0.20),
    button_ink: PAPER,
    button_edge: PAPER,
    bar: Rgb(0.93, 0.94, 0.95),
    bar_ink: INK,
    highlight: YELLOW,
    highlight_ink: INK,
    frame: INK,
    dwell_ring: Rgb(0.0, 0.33, 0.8),
    hold_fill: INK,
    hold_alpha: 0.75,
    activity_background: Rgb(0.97, 0.96, 0.92),
    activity_ink: INK,
    plain: Rgb(0.93, 0.94, 0.95),
    skin: Rgb(0.99, 0.86, 0.74),
    word_classes: PASTELS,
    tiles: Tiles::Light {
        edge_darker: 0.55,
        pressed_darker: 0.3,
        ink: INK,
    },
};

/// Pure black and white, yellow highlights, thicker edges: for low vision.
pub const HIGH_CONTRAST: Palette = Palette {
    theme: Theme::HighContrast,
    background: BLACK,
    on_background: WHITE,
    button: BLACK,
    button_pressed: Rgb(0.25, 0.25, 0.25),
    button_ink: WHITE,
    button_edge: WHITE,
    bar: WHITE,
    bar_ink: BLACK,
    highlight: YELLOW,
    highlight_ink: BLACK,
    frame: BLACK,
    dwell_ring: Rgb(0.0, 0.25, 0.75),
    hold_fill: BLACK,
    hold_alpha: 0.75,
    activity_background: WHITE,
    activity_ink: BLACK,
    plain: WHITE,
    skin: Rgb(1.0, 0.86, 0.72),
    word_classes: PASTELS,
    tiles: Tiles::Light {
        edge_darker: 1.0,
        pressed_darker: 0.18,
        ink: BLACK,
    },
};

/// Dim cards edged in their colour on near-black, white words: for children whom a bright screen
/// dazzles. The faces stay light enough for a symbol's black outline.
pub const DARK: Palette = Palette {
    theme: Theme::Dark,
    background: Rgb(0.06, 0.06, 0.07),
    on_background: PAPER,
    button: Rgb(0.16, 0.17, 0.19),
    button_pressed: Rgb(0.30, 0.32, 0.36),
    button_ink: PAPER,
    button_edge: Rgb(0.75, 0.77, 0.80),
    bar: Rgb(0.12, 0.12, 0.14),
    bar_ink: PAPER,
    highlight: YELLOW,
    highlight_ink: BLACK,
    frame: BLACK,
    dwell_ring: Rgb(0.6, 0.85, 1.0),
    hold_fill: WHITE,
    hold_alpha: 0.6,
    activity_background: Rgb(0.08, 0.08, 0.09),
    activity_ink: PAPER,
    plain: Rgb(0.80, 0.82, 0.85),
    skin: Rgb(0.99, 0.86, 0.74),
    word_classes: PASTELS,
    tiles: Tiles::Dimmed {
        face_luminance: 0.13,
    },
};

/// The colours of the worker's pages, the same in every child's theme.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct WorkerColours {
    pub page: Rgb,
    pub ink: Rgb,
    pub field: Rgb,
    /// The edge of the text field that has the keyboard.
    pub focus_edge: Rgb,
    pub problem: Rgb,
}

pub const WORKER: WorkerColours = WorkerColours {
    page: Rgb(0.96, 0.96, 0.94),
    ink: INK,
    field: WHITE,
    focus_edge: Rgb(0.0, 0.33, 0.8),
    problem: Rgb(0.65, 0.05, 0.05),
};
