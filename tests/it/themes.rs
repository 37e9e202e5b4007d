//! Every theme's colours against WCAG 2.2: words 4.5:1 on what is behind them, controls, edges
//! and highlights 3:1 (the high-contrast theme's words 7:1), and the built-in activities' own
//! colours in every theme (docs/access.md, "Themes").

use hearme::model::activity::{Activities, Activity, parse_colour};
use hearme::model::contrast::{Check, checks, worker_page_checks};
use hearme::model::symbols::SymbolLibrary;
use hearme::model::theme::{
    ENHANCED_TEXT_RATIO, NON_TEXT_RATIO, Rgb, TEXT_RATIO, Theme, contrast_ratio,
};

fn below_target(checks: &[Check], text_target: f32) -> Vec<String> {
    checks
        .iter()
        .filter(|c| {
            let needed = if c.is_text { text_target } else { c.needed };
            c.ratio() < needed
        })
        .map(|c| format!("{}: {:.2}:1", c.what, c.ratio()))
        .collect()
}

#[test]
fn the_contrast_ratio_is_the_wcag_one() {
    assert!((contrast_ratio(Rgb(0.0, 0.0, 0.0), Rgb(1.0, 1.0, 1.0)) - 21.0).abs() < 0.01);
    assert!((contrast_ratio(Rgb(0.5, 0.5, 0.5), Rgb(0.5, 0.5, 0.5)) - 1.0).abs() < 0.001);
    // #767676 on white is the WCAG examples' lightest grey that passes 4.5:1.
    let grey = 118.0 / 255.0;
    let ratio = contrast_ratio(Rgb(grey, grey, grey), Rgb(1.0, 1.0, 1.0));
    assert!((ratio - 4.54).abs() < 0.01, "{ratio}");
}

#[test]
fn every_theme_reaches_the_wcag_ratios_on_every_pair_it_draws() {
    for theme in Theme::ALL {
        let pairs = checks(&theme.palette());
        assert!(pairs.len() > 50, "{theme:?}: every pair is listed");
        let text_target = if theme == Theme::HighContrast {
            ENHANCED_TEXT_RATIO
        } else {
            TEXT_RATIO
        };
        let failing = below_target(&pairs, text_target);
        assert!(failing.is_empty(), "{theme:?}: {failing:#?}");
    }
    let failing = below_target(&worker_page_checks(), TEXT_RATIO);
    assert!(failing.is_empty(), "worker pages: {failing:#?}");
}

#[test]
fn the_built_in_activities_colours_reach_the_ratios_in_every_theme() {
    let (activities, problems) = Activities::built_in(&SymbolLibrary::built_in());
    assert!(problems.is_empty(), "{problems:?}");
    let mut colours = Vec::new();
    for file in activities.by_id.values() {
        let points = match &file.activity {
            Activity::Scale { points, .. } => points.clone(),
            Activity::CardSort { columns, .. } => columns.clone(),
            _ => Vec::new(),
        };
        for point in points {
            let [r, g, b] = parse_colour(&point.colour).expect("a built-in colour parses");
            colours.push((format!("{} {}", file.id, point.word), Rgb(r, g, b)));
        }
    }
    assert!(colours.len() > 10, "the scales' colours are all looked at");
    for theme in Theme::ALL {
        let palette = theme.palette();
        for (what, colour) in &colours {
            let tile = palette.tile(*colour);
            let word = contrast_ratio(tile.ink, tile.face);
            let card = contrast_ratio(tile.face, palette.activity_background)
                .max(contrast_ratio(tile.edge, palette.activity_background));
            assert!(word >= TEXT_RATIO, "{theme:?} {what}: word {word:.2}:1");
            assert!(card >= NON_TEXT_RATIO, "{theme:?} {what}: card {card:.2}:1");
        }
    }
}
