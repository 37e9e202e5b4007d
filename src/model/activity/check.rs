//! Reading and checking one activity file: every problem as `PATH:LINE:COLUMN: message`.

use std::collections::{BTreeMap, HashSet};
use std::path::Path;

use super::{ACTIVITY_VERSION, Activity, ActivityFile, Point, parse_colour};
use crate::model::problem::{Problem, locate_field, quoted, ron_options};
use crate::model::symbols::SymbolLibrary;

/// Whether a file is an activity (in a folder named `activities`, or named `*.activity.ron`).
pub fn is_activity_file(path: &Path) -> bool {
    let in_activities = path
        .parent()
        .and_then(Path::file_name)
        .is_some_and(|n| n == "activities");
    let named = path
        .file_name()
        .is_some_and(|n| n.to_string_lossy().ends_with(".activity.ron"));
    in_activities || named
}

/// Reads and checks one activity file.
pub fn parse_activity(
    file: &str,
    text: &str,
    symbols: &SymbolLibrary,
) -> Result<ActivityFile, Vec<Problem>> {
    let activity: ActivityFile = ron_options().from_str(text).map_err(|e| {
        vec![Problem::from_ron(
            file,
            text,
            &e,
            "an activity like (v: 1, id: \"my-week\", title: ..., symbol: ..., activity: CardSort(...))",
        )]
    })?;
    let mut problems = Vec::new();
    let mut problem = |key: &str, value: &str, nth: usize, message: String| {
        problems.push(Problem::new(
            file,
            locate_field(text, key, value, nth),
            message,
        ));
    };
    if activity.v != ACTIVITY_VERSION {
        problem(
            "v",
            &activity.v.to_string(),
            0,
            format!(
                "activity format version {} is not known; this Hearme reads version {ACTIVITY_VERSION}",
                activity.v
            ),
        );
    }
    if activity.id.trim().is_empty() {
        problem("id", "\"", 0, "the activity id is empty".into());
    }
    if activity.prompt().trim().is_empty() {
        problem("prompt", "\"", 0, "the prompt is empty".into());
    }
    // Each symbol is checked where it is written, counting repeats of the same id.
    let mut symbol_seen: BTreeMap<String, usize> = BTreeMap::new();
    let mut check_symbol = |symbol: &str, problems: &mut Vec<(String, usize, String)>| {
        let nth = symbol_seen.entry(symbol.to_string()).or_insert(0);
        if symbols.get(symbol).is_none() {
            problems.push((
                quoted(symbol),
                *nth,
                format!(
                    "unknown symbol {}: it is not in the symbol library",
                    quoted(symbol)
                ),
            ));
        }
        *nth += 1;
    };
    let mut symbol_problems = Vec::new();
    check_symbol(&activity.symbol, &mut symbol_problems);
    let mut words = Vec::new();
    match &activity.activity {
        Activity::Scale { points, .. } => {
            for point in points {
                check_symbol(&point.symbol, &mut symbol_problems);
                words.push(("word", point.word.as_str()));
            }
            check_points(points, &mut problem);
        }
        Activity::CardSort { columns, cards, .. } => {
            for point in columns {
                check_symbol(&point.symbol, &mut symbol_problems);
                words.push(("word", point.word.as_str()));
            }
            check_points(columns, &mut problem);
            if cards.is_empty() {
                problem(
                    "cards",
                    "[",
                    0,
                    "a card sort needs at least one card".into(),
                );
            }
            let mut ids = HashSet::new();
            for card in cards {
                check_symbol(&card.symbol, &mut symbol_problems);
                words.push(("word", card.word.as_str()));
                if !ids.insert(card.id.as_str()) {
                    problem(
                        "id",
                        &quoted(&card.id),
                        1,
                        format!("card id {} is used twice", quoted(&card.id)),
                    );
                }
            }
        }
        Activity::Houses { houses, .. } => {
            if houses.is_empty() {
                problem("houses", "[", 0, "there are no houses".into());
            }
            let mut seen = HashSet::new();
            for house in houses {
                check_symbol(&house.symbol, &mut symbol_problems);
                words.push(("word", house.word.as_str()));
                if !seen.insert(house.word.as_str()) {
                    problem(
                        "word",
                        &quoted(&house.word),
                        1,
                        format!("house {} is named twice", quoted(&house.word)),
                    );
                }
            }
        }
        Activity::BodyMap { regions, .. } => {
            if regions.is_empty() {
                problem("regions", "[", 0, "there are no regions".into());
            }
            let mut seen = HashSet::new();
            for region in regions {
                words.push(("word", region.word.as_str()));
                if let Some(symbol) = &region.symbol {
                    check_symbol(symbol, &mut symbol_problems);
                }
                // Answers name regions by word, so two regions must not share one.
                if !seen.insert(region.word.as_str()) {
                    problem(
                        "word",
                        &quoted(&region.word),
                        1,
                        format!("region {} is named twice", quoted(&region.word)),
                    );
                }
                let inside = [region.x, region.y, region.width, region.height]
                    .iter()
                    .all(|v| v.is_finite() && (0.0..=100.0).contains(v))
                    && region.x + region.width <= 100.0
                    && region.y + region.height <= 100.0;
                if !inside {
                    problem(
                        "id",
                        &quoted(&region.id),
                        0,
                        format!(
                            "region {} is not inside the outline (x, y, width and height are \
                             percent of it)",
                            quoted(&region.id)
                        ),
                    );
                }
            }
        }
    }
    for (value, nth, message) in symbol_problems {
        problem("symbol", &value, nth, message);
    }
    for (key, word) in words {
        if word.trim().is_empty() {
            problem(
                key,
                "\"\"",
                0,
                "a choice, card, house or region has no word".into(),
            );
        }
    }
    if problems.is_empty() {
        Ok(activity)
    } else {
        Err(problems)
    }
}

fn check_points(points: &[Point], problem: &mut impl FnMut(&str, &str, usize, String)) {
    if points.len() < 2 {
        problem("points", "[", 0, "a scale needs at least two points".into());
    }
    for point in points {
        if parse_colour(&point.colour).is_none() {
            problem(
                "colour",
                &quoted(&point.colour),
                0,
                format!("colour {} is not a #rrggbb colour", quoted(&point.colour)),
            );
        }
    }
}
