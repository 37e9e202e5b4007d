//! Where each button of an OBF board goes on Hearme's fixed grid: from `grid.order`, else from
//! its absolute `top/left/width/height` (mapped to the nearest place), else in reading order;
//! a button the grid leaves out is kept, hidden, in a free place.

use std::collections::{BTreeSet, HashSet};

use serde_json::Value;

use super::super::vocab::MAX_GRID_SIDE;
use super::Report;
use super::import::id_of;

pub struct Layout {
    pub rows: u16,
    pub columns: u16,
    /// Button id, row, column, and whether the source left it out of its grid (kept hidden).
    pub places: Vec<(String, u16, u16, bool)>,
}

fn number(value: Option<&Value>) -> Option<f64> {
    match value? {
        Value::Number(n) => n.as_f64(),
        Value::String(s) => s.trim().parse().ok(),
        _ => None,
    }
    .filter(|n: &f64| n.is_finite())
}

fn side(value: Option<&Value>) -> Option<u64> {
    number(value)
        .filter(|n| *n >= 1.0)
        .map(|n| n.round() as u64)
}

/// The absolute place of a button, when it has all four of `top/left/width/height`.
fn absolute(button: &Value) -> Option<[f64; 4]> {
    let part = |key| number(button.get(key)).filter(|n| (0.0..=1.0).contains(n));
    Some([part("top")?, part("left")?, part("width")?, part("height")?])
}

pub fn layout(
    board: &str,
    json: &Value,
    buttons: &[(String, &Value)],
    report: &mut Report,
) -> Layout {
    let grid = json.get("grid");
    let mut rows = side(grid.and_then(|g| g.get("rows")));
    let mut columns = side(grid.and_then(|g| g.get("columns")));
    let known: HashSet<&str> = buttons.iter().map(|(id, _)| id.as_str()).collect();
    let mut placed: Vec<(String, u64, u64)> = Vec::new();
    let mut seen = HashSet::new();
    if let Some(order) = grid.and_then(|g| g.get("order")).and_then(Value::as_array) {
        for (row, line) in order.iter().enumerate() {
            for (column, id) in line.as_array().into_iter().flatten().enumerate() {
                let Some(id) = id_of(id) else { continue };
                if !known.contains(id.as_str()) {
                    report.note(format!(
                        "board {board}: the grid names button \"{id}\", which is not on the board"
                    ));
                } else if !seen.insert(id.clone()) {
                    report.note(format!(
                        "board {board}: button \"{id}\" is in the grid twice; the first place is kept"
                    ));
                } else {
                    placed.push((id, row as u64, column as u64));
                }
            }
        }
        // An empty `order` (or rows of nothing) says nothing about the size.
        rows = rows.or(Some(order.len() as u64).filter(|n| *n > 0));
        columns = columns.or(order
            .iter()
            .filter_map(Value::as_array)
            .map(|l| l.len() as u64)
            .max()
            .filter(|n| *n > 0));
    }
    let loose: Vec<&(String, &Value)> = buttons
        .iter()
        .filter(|(id, _)| !seen.contains(id))
        .collect();
    let absolutes: Vec<(&String, [f64; 4])> = loose
        .iter()
        .filter_map(|(id, b)| Some((id, absolute(b)?)))
        .collect();
    if rows.is_none() && !absolutes.is_empty() {
        let smallest = |i: usize| {
            absolutes
                .iter()
                .map(|(_, a)| a[i])
                .fold(1.0, f64::min)
                .max(0.05)
        };
        rows = Some((1.0 / smallest(3)).round() as u64);
        columns = Some((1.0 / smallest(2)).round() as u64);
    }
    let (rows, columns) = match (rows, columns) {
        (Some(r), Some(c)) => (r, c),
        _ => {
            let count = buttons.len().max(1) as u64;
            let columns = (count as f64).sqrt().ceil() as u64;
            if !buttons.is_empty() {
                report.note(format!(
                    "board {board}: it has no grid; its buttons are laid out in order"
                ));
            }
            (count.div_ceil(columns), columns)
        }
    };
    let max = u64::from(MAX_GRID_SIDE);
    if rows > max || columns > max {
        report.note(format!(
            "board {board}: its grid is {rows} × {columns}; Hearme shows at most {max} × {max}, \
             so buttons beyond that are dropped"
        ));
    }
    let (rows, columns) = (rows.min(max), columns.min(max));
    let mut taken: BTreeSet<(u64, u64)> = BTreeSet::new();
    let mut places = Vec::new();
    for (id, row, column) in placed {
        if row < rows && column < columns && taken.insert((row, column)) {
            places.push((id, row as u16, column as u16, false));
        } else {
            report.note(format!(
                "board {board}: button \"{id}\" is outside the grid and dropped"
            ));
        }
    }
    let mut free = (0..rows).flat_map(|r| (0..columns).map(move |c| (r, c)));
    let mut next_free = |taken: &mut BTreeSet<(u64, u64)>| free.find(|p| !taken.contains(p));
    for (id, [top, left, width, height]) in &absolutes {
        let row = (((top + height / 2.0) * rows as f64) as u64).min(rows.saturating_sub(1));
        let column =
            (((left + width / 2.0) * columns as f64) as u64).min(columns.saturating_sub(1));
        let place = if taken.contains(&(row, column)) {
            report.note(format!(
                "board {board}: button \"{id}\" overlaps another; it is moved to the next free place"
            ));
            next_free(&mut taken)
        } else {
            Some((row, column))
        };
        match place {
            Some(p) => {
                taken.insert(p);
                places.push(((*id).clone(), p.0 as u16, p.1 as u16, false));
            }
            None => report.note(format!(
                "board {board}: no room for button \"{id}\"; dropped"
            )),
        }
    }
    let in_order = grid.is_some() || !absolutes.is_empty();
    for (id, button) in loose {
        if absolute(button).is_some() {
            continue;
        }
        match next_free(&mut taken) {
            Some(p) => {
                taken.insert(p);
                if in_order {
                    report.note(format!(
                        "board {board}: button \"{id}\" is not in its grid; it is kept, hidden"
                    ));
                }
                places.push((id.clone(), p.0 as u16, p.1 as u16, in_order));
            }
            None => report.note(format!(
                "board {board}: no room for button \"{id}\"; dropped"
            )),
        }
    }
    Layout {
        rows: rows as u16,
        columns: columns as u16,
        places,
    }
}
