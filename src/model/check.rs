//! `hearme check`: validates the RON files the app reads, given as files or folders.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use super::activity::{Activities, ActivityFile, is_activity_file, parse_activity};
use super::problem::{Problem, locate_field, quoted, read_text_file};
use super::symbols::SymbolLibrary;
use super::vocab::{board_id_of, check_links, parse_board, ron_files_in};

/// What a checked file is taken to be, from its name and place.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    SymbolManifest,
    Board,
    /// In a folder named `activities`, or named `*.activity.ron`.
    Activity,
}

pub fn kind_of(path: &Path) -> FileKind {
    if path.file_name().is_some_and(|n| n == "manifest.ron") {
        FileKind::SymbolManifest
    } else if is_activity_file(path) {
        FileKind::Activity
    } else {
        FileKind::Board
    }
}

#[derive(Debug, Default)]
pub struct CheckReport {
    pub files_checked: usize,
    pub problems: Vec<Problem>,
}

impl CheckReport {
    pub fn is_valid(&self) -> bool {
        self.problems.is_empty()
    }
}

pub fn check_paths(paths: &[PathBuf], symbols: &SymbolLibrary) -> CheckReport {
    let mut report = CheckReport::default();
    let mut by_folder: BTreeMap<PathBuf, Vec<PathBuf>> = BTreeMap::new();
    for path in paths {
        let files = if path.is_dir() {
            match ron_files_in(path) {
                Ok(files) => files,
                Err(problem) => {
                    report.problems.push(problem);
                    continue;
                }
            }
        } else if path.exists() {
            vec![path.clone()]
        } else {
            report.problems.push(Problem::at_start(
                &path.display().to_string(),
                "no such file or folder",
            ));
            continue;
        };
        for file in files {
            let folder = file.parent().map(Path::to_path_buf).unwrap_or_default();
            let group = by_folder.entry(folder).or_default();
            if !group.contains(&file) {
                group.push(file);
            }
        }
    }
    for (folder, files) in by_folder {
        report.files_checked += files.len();
        let mut boards = Vec::new();
        let mut activities = Vec::new();
        // A board file that cannot be read is reported once, by itself; links to it (by its
        // file name) are not reported again as links to a missing board.
        let mut unreadable = Vec::new();
        for file in &files {
            let label = file.display().to_string();
            let text = match read_text_file(file) {
                Ok(text) => text,
                Err(problem) => {
                    report.problems.push(problem);
                    unreadable.extend(file_stem(file));
                    continue;
                }
            };
            match kind_of(file) {
                FileKind::SymbolManifest => {
                    if let Err(problem) = SymbolLibrary::parse(&label, &text) {
                        report.problems.push(problem);
                    }
                }
                FileKind::Activity => match parse_activity(&label, &text, symbols) {
                    Ok(activity) => activities.push((label, text, activity)),
                    Err(problems) => report.problems.extend(problems),
                },
                FileKind::Board => match parse_board(&label, &text, symbols) {
                    Ok(board) => boards.push(board),
                    Err(problems) => {
                        report.problems.extend(problems);
                        unreadable.extend(board_id_of(&text).or_else(|| file_stem(file)));
                    }
                },
            }
        }
        let mut siblings = sibling_board_ids(&folder, &files);
        siblings.extend(unreadable);
        report.problems.extend(check_links(&boards, &siblings));
        report
            .problems
            .extend(check_activity_links(&activities, &folder, symbols));
    }
    report
}

/// An activity's `then` must name a built-in activity or one in the same folder; the problem is
/// placed at the name.
fn check_activity_links(
    activities: &[(String, String, ActivityFile)],
    folder: &Path,
    symbols: &SymbolLibrary,
) -> Vec<Problem> {
    if activities.is_empty() {
        return Vec::new();
    }
    let mut known = Activities::built_in(symbols).0;
    known.add_dir(folder, symbols);
    activities
        .iter()
        .filter_map(|(label, text, activity)| {
            let next = activity.then()?;
            let named_here = activities.iter().any(|(_, _, other)| other.id == next);
            if named_here || known.get(next).is_some() {
                return None;
            }
            Some(Problem::new(
                label,
                locate_field(text, "then", &quoted(next), 0),
                format!(
                    "\"then\" names {}, which is not a built-in activity or one in this folder",
                    quoted(next)
                ),
            ))
        })
        .collect()
}

/// Ids of the boards in `folder` that were not themselves given, so that checking one file of a
/// vocabulary still knows which boards its folder cells can open.
fn sibling_board_ids(folder: &Path, given: &[PathBuf]) -> Vec<String> {
    let Ok(entries) = std::fs::read_dir(folder) else {
        return Vec::new();
    };
    entries
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "ron") && !given.contains(p))
        .filter(|p| kind_of(p) == FileKind::Board)
        .filter_map(|p| {
            let text = read_text_file(&p).ok()?;
            board_id_of(&text).or_else(|| file_stem(&p))
        })
        .collect()
}

fn file_stem(path: &Path) -> Option<String> {
    path.file_stem()
        .map(|stem| stem.to_string_lossy().into_owned())
}
