//! Every pair of colours a screen draws on each other, per theme, with the WCAG 2.2 ratio it must
//! reach: words on what is behind them 4.5:1 (1.4.3); a control, an edge or a highlight 3:1
//! against what it sits on (1.4.11). The tests hold every theme to these.

use super::theme::{
    BLACK, NON_TEXT_RATIO, Palette, Rgb, TEXT_RATIO, WORKER, WorkerColours, contrast_ratio,
};

/// One pair: `front` (or the better of two, when a control is told apart by its face or its
/// edge) on `back`.
#[derive(Debug, Clone)]
pub struct Check {
    pub what: String,
    pub front: Vec<Rgb>,
    pub back: Rgb,
    pub needed: f32,
    pub is_text: bool,
}

impl Check {
    fn text(what: impl Into<String>, ink: Rgb, back: Rgb) -> Check {
        Check {
            what: what.into(),
            front: vec![ink],
            back,
            needed: TEXT_RATIO,
            is_text: true,
        }
    }

    fn shape(what: impl Into<String>, front: &[Rgb], back: Rgb) -> Check {
        Check {
            what: what.into(),
            front: front.to_vec(),
            back,
            needed: NON_TEXT_RATIO,
            is_text: false,
        }
    }

    /// The ratio the pair reaches: the better of the fronts.
    pub fn ratio(&self) -> f32 {
        self.front
            .iter()
            .map(|&front| contrast_ratio(front, self.back))
            .fold(1.0, f32::max)
    }
}

/// Every pair of a child's screen in this palette.
pub fn checks(p: &Palette) -> Vec<Check> {
    let mut all = vec![
        Check::text("words on the screen", p.on_background, p.background),
        Check::text("a button's word", p.button_ink, p.button),
        Check::text("a pressed button's word", p.button_ink, p.button_pressed),
        Check::text("words in the message bar", p.bar_ink, p.bar),
        Check::text("words on the highlight", p.highlight_ink, p.highlight),
        Check::text("an activity's words", p.activity_ink, p.activity_background),
        Check::shape(
            "a nav button on the screen",
            &[p.button, p.button_edge],
            p.background,
        ),
        Check::shape(
            "a button in the message bar",
            &[p.button, p.button_edge],
            p.bar,
        ),
        Check::shape(
            "the scanning highlight on the screen",
            &[p.highlight, p.frame],
            p.background,
        ),
        Check::shape(
            "the scanning highlight on an activity",
            &[p.highlight, p.frame],
            p.activity_background,
        ),
        Check::shape(
            "a chosen card on an activity",
            &[p.highlight, p.frame],
            p.activity_background,
        ),
        Check::shape("a spoken symbol in the bar", &[p.highlight, p.frame], p.bar),
    ];
    for (name, colour) in p.card_colours() {
        let tile = p.tile(colour);
        all.extend([
            Check::text(format!("the word on a {name}"), tile.ink, tile.face),
            Check::text(
                format!("the word on a pressed {name}"),
                tile.ink,
                tile.pressed,
            ),
            Check::shape(
                format!("a {name} on the screen"),
                &[tile.face, tile.edge],
                p.background,
            ),
            Check::shape(
                format!("a {name} on an activity"),
                &[tile.face, tile.edge],
                p.activity_background,
            ),
            Check::shape(
                format!("a {name} in the message bar"),
                &[tile.face, tile.edge],
                p.bar,
            ),
            Check::shape(
                format!("a symbol's black outline on a {name}"),
                &[BLACK],
                tile.face,
            ),
            Check::shape(
                format!("the scanning frame on a {name}"),
                &[p.frame],
                tile.face,
            ),
            Check::shape(
                format!("the dwell ring on a {name}"),
                &[p.dwell_ring],
                tile.face,
            ),
            Check::shape(
                format!("the hold fill on a {name}"),
                &[p.hold_fill.over(tile.face, p.hold_alpha)],
                tile.face,
            ),
        ]);
    }
    all
}

/// Every pair of the worker's pages (the standard buttons on the page).
pub fn worker_checks(w: &WorkerColours, p: &Palette) -> Vec<Check> {
    let WorkerColours {
        page,
        ink,
        field,
        focus_edge,
        problem,
    } = *w;
    vec![
        Check::text("a worker page's words", ink, page),
        Check::text("a problem on a worker page", problem, page),
        Check::text("words in a text field", ink, field),
        Check::text("a button's word", p.button_ink, p.button),
        Check::text("a chosen option's word", p.highlight_ink, p.highlight),
        Check::shape(
            "a button on a worker page",
            &[p.button, p.button_edge],
            page,
        ),
        Check::shape(
            "a chosen option on a worker page",
            &[p.highlight, ink],
            page,
        ),
        Check::shape("a text field's edge", &[ink], page),
        Check::shape("the edge of the field being typed in", &[focus_edge], field),
    ]
}

/// The worker's pages, drawn in the standard theme.
pub fn worker_page_checks() -> Vec<Check> {
    worker_checks(&WORKER, &super::theme::STANDARD)
}
