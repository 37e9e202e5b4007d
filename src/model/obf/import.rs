//! OBF boards into Hearme boards: ids (numbers too) made safe and unique, the root board as
//! `home`, labels, vocalisations, colours as the nearest word class, hidden buttons, links as
//! folders, translations, and what cannot be kept (actions, links out of the package) reported.

use std::collections::{BTreeMap, HashMap, HashSet};

use serde_json::Value;

use super::super::symbols::SymbolLibrary;
use super::super::vocab::{BOARD_VERSION, Board, Cell, HOME_BOARD, WordClass};
use super::grid::layout;
use super::media::Media;
use super::package::Package;
use super::{Imported, ObfError, Report, colour};

/// An id as OBF writes it: a string, or (against the spec, but common) a number.
pub(super) fn id_of(value: &Value) -> Option<String> {
    match value {
        Value::String(s) if !s.trim().is_empty() => Some(s.trim().to_string()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

pub(super) fn text_of(value: Option<&Value>) -> Option<String> {
    match value? {
        Value::String(s) if !s.trim().is_empty() => Some(s.trim().to_string()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

/// An OBF id as a Hearme id: lower case letters, digits, `-` and `_`, at most 40 characters.
fn safe_id(raw: &str) -> String {
    let mut id: String = raw
        .to_lowercase()
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '_' {
                c
            } else {
                '-'
            }
        })
        .collect::<String>()
        .trim_matches('-')
        .chars()
        .take(40)
        .collect();
    if id.is_empty() {
        id = "x".into();
    }
    id
}

fn unique(wanted: String, used: &mut HashSet<String>) -> String {
    let mut id = wanted.clone();
    let mut n = 2;
    while !used.insert(id.clone()) {
        id = format!("{wanted}-{n}");
        n += 1;
    }
    id
}

/// The package's boards in the order they are imported, the root first; and what became of the
/// manifest's root.
fn boards_in_order<'a>(
    file: &str,
    package: &'a Package,
    report: &mut Report,
) -> Vec<(&'a String, &'a Value)> {
    let mut all: Vec<(&String, &Value)> = package.boards.iter().collect();
    let root = package
        .manifest
        .as_ref()
        .and_then(|m| m.get("root"))
        .and_then(Value::as_str)
        .map(|r| r.trim_start_matches("./").to_string());
    let at = match &root {
        Some(root) => {
            let found = all.iter().position(|(name, _)| *name == root);
            if found.is_none() {
                report.note(format!(
                    "{file}: the manifest's root \"{root}\" is not in the package; the first board is the home board"
                ));
            }
            found
        }
        None if package.manifest.is_some() => {
            report.note(format!(
                "{file}: the manifest names no root; the first board is the home board"
            ));
            None
        }
        None => None,
    };
    let root_at = at.unwrap_or(0);
    let root_board = all.remove(root_at);
    all.insert(0, root_board);
    all
}

pub fn convert(
    file: &str,
    package: &Package,
    symbols: &SymbolLibrary,
) -> Result<Imported, ObfError> {
    let mut report = Report::default();
    let ordered = boards_in_order(file, package, &mut report);
    // Our id for each board, by its OBF id and by its path in the package.
    let mut used = HashSet::new();
    let mut by_obf_id: HashMap<String, String> = HashMap::new();
    let mut by_path: HashMap<String, String> = HashMap::new();
    let mut ours = Vec::new();
    for (index, (name, json)) in ordered.iter().enumerate() {
        let obf_id = json
            .get("id")
            .and_then(id_of)
            .unwrap_or_else(|| (*name).clone());
        let wanted = if index == 0 {
            HOME_BOARD.to_string()
        } else {
            safe_id(&obf_id)
        };
        let wanted = if index > 0 && wanted == HOME_BOARD {
            "home-board".into()
        } else {
            wanted
        };
        let id = unique(wanted, &mut used);
        match by_obf_id.entry(obf_id) {
            std::collections::hash_map::Entry::Occupied(taken) => report.note(format!(
                "{name}: board id \"{}\" is used by another board too; this one is \"{id}\" and links by that id go to the first",
                taken.key()
            )),
            std::collections::hash_map::Entry::Vacant(free) => {
                free.insert(id.clone());
            }
        }
        by_path.insert((*name).clone(), id.clone());
        ours.push(id);
    }
    let mut media = Media::new(package, symbols);
    let mut boards = Vec::new();
    for ((name, json), id) in ordered.iter().zip(&ours) {
        let links = Links {
            by_obf_id: &by_obf_id,
            by_path: &by_path,
            this: id,
        };
        boards.push(board(name, json, id, &links, &mut media, &mut report));
    }
    let (photos, recordings) = media.finish(&mut report);
    report.boards = boards.len();
    report.cells = boards.iter().map(|b| b.cells.len()).sum();
    report.photos = photos.len();
    report.recordings = recordings.len();
    Ok(Imported {
        boards,
        photos,
        recordings,
        report,
    })
}

struct Links<'a> {
    by_obf_id: &'a HashMap<String, String>,
    by_path: &'a HashMap<String, String>,
    this: &'a str,
}

impl Links<'_> {
    /// The board a `load_board` (or `ext_load_board`) opens, when it is in the package.
    fn target(&self, link: &Value) -> Option<String> {
        let by_path = link
            .get("path")
            .and_then(Value::as_str)
            .and_then(|p| self.by_path.get(p.trim_start_matches("./")));
        let by_id = link
            .get("id")
            .and_then(id_of)
            .and_then(|id| self.by_obf_id.get(&id));
        by_path
            .or(by_id)
            .filter(|t| t.as_str() != self.this)
            .cloned()
    }
}

fn board(
    name: &str,
    json: &Value,
    id: &str,
    links: &Links,
    media: &mut Media,
    report: &mut Report,
) -> Board {
    let label = text_of(json.get("name")).unwrap_or_else(|| id.to_string());
    let buttons: Vec<(String, &Value)> = {
        let mut seen = HashSet::new();
        let mut list = Vec::new();
        for (index, button) in json
            .get("buttons")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .enumerate()
        {
            let raw = button
                .get("id")
                .and_then(id_of)
                .unwrap_or_else(|| format!("button-{index}"));
            if !seen.insert(raw.clone()) {
                report.note(format!(
                    "{name}: button id \"{raw}\" is used twice; the second is dropped"
                ));
                continue;
            }
            list.push((raw, button));
        }
        list
    };
    let grid = layout(name, json, &buttons, report);
    let strings = translations(json);
    let by_id: HashMap<&str, &Value> = buttons.iter().map(|(id, b)| (id.as_str(), *b)).collect();
    let mut used = HashSet::new();
    let mut cells = Vec::new();
    for (raw, row, column, left_out) in &grid.places {
        let button = by_id[raw.as_str()];
        let cell_id = unique(safe_id(raw), &mut used);
        let label_text = text_of(button.get("label"));
        let vocalization = text_of(button.get("vocalization"));
        let word = match label_text.clone().or(vocalization.clone()) {
            Some(word) => word,
            None => {
                report.note(format!(
                    "{name}: button \"{raw}\" has no label; it shows \"?\""
                ));
                "?".into()
            }
        };
        let says = vocalization.filter(|v| *v != word);
        let class = class_of(name, raw, button, report);
        let link = button
            .get("load_board")
            .or_else(|| button.get("ext_load_board"));
        let opens = link.and_then(|l| {
            let target = links.target(l);
            if target.is_none() {
                report.note(format!(
                    "{name}: button \"{raw}\" links to a board that is not in this file; it is kept as a word"
                ));
            }
            target
        });
        actions(name, raw, button, report);
        let hidden = *left_out || truthy(button.get("hidden"));
        let mut translations = BTreeMap::new();
        for (locale, table) in &strings {
            if let Some(said) = table.get(&word) {
                translations.insert(locale.clone(), said.clone());
            }
        }
        let symbol = media.picture(name, id, &cell_id, &word, button, report);
        media.sound(name, id, &cell_id, button, report);
        cells.push(Cell {
            id: cell_id,
            word,
            symbol,
            class,
            row: *row,
            column: *column,
            opens,
            hidden,
            says,
            translations,
            concern: truthy(button.get("ext_hearme_concern")),
        });
    }
    Board {
        v: BOARD_VERSION,
        id: id.to_string(),
        name: label,
        rows: grid.rows,
        columns: grid.columns,
        cells,
    }
}

fn truthy(value: Option<&Value>) -> bool {
    match value {
        Some(Value::Bool(b)) => *b,
        Some(Value::String(s)) => s.eq_ignore_ascii_case("true"),
        Some(Value::Number(n)) => n.as_f64().is_some_and(|n| n != 0.0),
        _ => false,
    }
}

fn class_of(board: &str, button_id: &str, button: &Value, report: &mut Report) -> WordClass {
    let Some(text) = button.get("background_color").and_then(Value::as_str) else {
        return WordClass::Misc;
    };
    let Some(found) = colour::parse(text) else {
        report.note(format!(
            "{board}: button \"{button_id}\"'s colour \"{text}\" is not a colour; it is white"
        ));
        return WordClass::Misc;
    };
    let (class, same) = colour::nearest_class(found);
    if !same {
        report.note(format!(
            "{board}: button \"{button_id}\"'s colour {text} is shown as the nearest word-class colour ({class:?})"
        ));
    }
    class
}

/// Hearme's cells add their word to the message; the message bar has Speak, Delete and Clear.
fn actions(board: &str, button_id: &str, button: &Value, report: &mut Report) {
    let mut all: Vec<String> = button
        .get("actions")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(|a| a.as_str().map(str::to_string))
        .collect();
    if let Some(one) = button.get("action").and_then(Value::as_str)
        && !all.iter().any(|a| a == one)
    {
        all.push(one.to_string());
    }
    for action in all {
        let ours = match action.as_str() {
            ":speak" => "the message bar's Speak button does this",
            ":clear" => "the message bar's Clear button does this",
            ":backspace" => "the message bar's Delete button does this",
            ":home" => "the nav strip's Home button does this",
            ":space" => "words are separate in the message already",
            a if a.starts_with('+') => {
                "spelling is not in Hearme; the button adds its label as a word"
            }
            _ => "Hearme has no such action",
        };
        report.note(format!(
            "{board}: button \"{button_id}\"'s action {action} is not kept ({ours})"
        ));
    }
}

/// `strings`: for each locale, each label's translation.
fn translations(json: &Value) -> BTreeMap<String, HashMap<String, String>> {
    let mut all = BTreeMap::new();
    for (locale, table) in json
        .get("strings")
        .and_then(Value::as_object)
        .into_iter()
        .flatten()
    {
        let entries: HashMap<String, String> = table
            .as_object()
            .into_iter()
            .flatten()
            .filter_map(|(from, to)| {
                Some((from.trim().to_string(), to.as_str()?.trim().to_string()))
            })
            .filter(|(_, to)| !to.is_empty())
            .collect();
        if !entries.is_empty() {
            all.insert(locale.clone(), entries);
        }
    }
    all
}
