//! A problem found in a file, reported as `PATH:LINE:COLUMN: message` in plain words.

use std::fmt;

/// Files larger than this are refused before parsing: no real board comes near it, and a
/// multi-gigabyte file must not be read into memory.
pub const MAX_FILE_BYTES: u64 = 4 * 1024 * 1024;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub struct Problem {
    pub file: String,
    /// 1-based.
    pub line: usize,
    /// 1-based, counted in characters.
    pub column: usize,
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}:{}:{}: {}",
            self.file, self.line, self.column, self.message
        )
    }
}

impl Problem {
    pub fn new(file: &str, (line, column): (usize, usize), message: impl Into<String>) -> Self {
        Problem {
            file: file.to_string(),
            line,
            column,
            message: message.into(),
        }
    }

    pub fn at_start(file: &str, message: impl Into<String>) -> Self {
        Problem::new(file, (1, 1), message)
    }

    pub fn from_ron(file: &str, text: &str, error: &ron::error::SpannedError, what: &str) -> Self {
        let position = (error.span.start.line.max(1), error.span.start.col.max(1));
        let message = if text.trim().is_empty() {
            format!("the file is empty; expected {what}")
        } else {
            format!("{} (while reading {what})", plain_ron_message(&error.code))
        };
        Problem::new(file, position, message)
    }
}

fn plain_ron_message(code: &ron::Error) -> String {
    let text = code.to_string();
    let text = text.trim_end_matches('.');
    match text.strip_prefix("Unexpected ") {
        Some(rest) => format!("unexpected {rest}"),
        None => {
            let mut chars = text.chars();
            match chars.next() {
                Some(first) => first.to_lowercase().chain(chars).collect(),
                None => "the file could not be read".to_string(),
            }
        }
    }
}

/// Reads a file the app or `hearme check` was given, refusing huge and non-UTF-8 files with a
/// problem that names the file.
pub fn read_text_file(path: &std::path::Path) -> Result<String, Problem> {
    let label = path.display().to_string();
    let bytes = super::files::read_capped(path, MAX_FILE_BYTES)
        .map_err(|refused| Problem::at_start(&label, format!("not read: {refused}")))?;
    text_from_bytes(&label, &bytes)
}

pub fn text_from_bytes(label: &str, bytes: &[u8]) -> Result<String, Problem> {
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(text.trim_start_matches('\u{feff}').to_string()),
        Err(e) => {
            let position = line_column(bytes, e.valid_up_to());
            Err(Problem::new(
                label,
                position,
                "this is not a text file (it is not UTF-8); expected RON text",
            ))
        }
    }
}

fn line_column(bytes: &[u8], offset: usize) -> (usize, usize) {
    let before = &bytes[..offset.min(bytes.len())];
    let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
    let line_start = before
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |i| i + 1);
    let column = String::from_utf8_lossy(&before[line_start..])
        .chars()
        .count()
        + 1;
    (line, column)
}

/// Finds where `key: <value>` is written in RON source, for problems found after parsing (an
/// unknown symbol id, a duplicate position). `nth` picks among repeated occurrences (0 = first).
/// Falls back to the start of the file when the text was written in an unusual way.
pub fn locate_field(text: &str, key: &str, value: &str, nth: usize) -> (usize, usize) {
    let mut found = 0;
    let mut search_from = 0;
    while let Some(relative) = text[search_from..].find(key) {
        let key_start = search_from + relative;
        search_from = key_start + key.len();
        let preceded_by_word = text[..key_start]
            .chars()
            .next_back()
            .is_some_and(|c| c.is_alphanumeric() || c == '_');
        if preceded_by_word {
            continue;
        }
        let rest = &text[search_from..];
        let after_colon = rest.trim_start();
        let Some(after_colon) = after_colon.strip_prefix(':') else {
            continue;
        };
        let value_text = after_colon.trim_start();
        if value_text.starts_with(value) {
            if found == nth {
                let offset = text.len() - value_text.len();
                return line_column(text.as_bytes(), offset);
            }
            found += 1;
        }
    }
    (1, 1)
}

/// How every RON file of the project is read: an `Option` field may be written without `Some(...)`.
pub fn ron_options() -> ron::Options {
    ron::Options::default().with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME)
}

pub fn quoted(value: &str) -> String {
    format!("{value:?}")
}
