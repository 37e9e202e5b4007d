//! `hearme print-boards [--profile P] [--boards home,feelings|--all] [--paper a4|letter] [--out
//! FILE.pdf]`: a child's boards on paper, to keep when the tablet leaves (docs/print.md). The
//! worker area's Print button writes the same file.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use krilla::image::Image;

use crate::Content;
use crate::model::files::{read_capped, write_in_new_folder};
use crate::model::pdf::boards::{BoardPrint, print_boards, print_order};
use crate::model::pdf::image_of;
use crate::model::pdf::layout::Paper;
use crate::model::photo::{MAX_STORED_BYTES, photo_path};
use crate::model::profile::DEFAULT_PROFILE;

/// The largest side of a picture printed in a cell.
const MAX_PICTURE_SIDE: u32 = 4096;
/// A symbol file is 256 px: a few kB. Anything far bigger is not a symbol.
const MAX_SYMBOL_BYTES: u64 = 4 * 1024 * 1024;

/// Prints `boards` (every board when `None`) of the profile to `out`, by default
/// `boards-<profile>.pdf` in the folder the command runs in: the worker chose where it goes by
/// running it there, and nothing is left in the data folder unsealed.
pub fn print(
    data_dir: &Path,
    label: Option<&str>,
    boards: Option<&[String]>,
    paper: Paper,
    out: Option<&Path>,
) -> Result<Vec<String>, String> {
    let content = crate::setup::profile_content(data_dir, label)?;
    let out = out.map_or_else(|| default_file(&content.profile), Path::to_path_buf);
    write_printed(&content, boards, paper, &out)
}

/// Every board of `content` on A4 to `out`, as the worker area's Print button does it.
pub fn print_to(content: &Content, out: &Path) -> Result<Vec<String>, String> {
    write_printed(content, None, Paper::A4, out)
}

fn write_printed(
    content: &Content,
    boards: Option<&[String]>,
    paper: Paper,
    out: &Path,
) -> Result<Vec<String>, String> {
    let printed = print_content(content, boards, paper)?;
    write_in_new_folder(out, &printed.bytes)?;
    let mut lines = printed.warnings;
    lines.push(format!(
        "{} board(s) of profile {} written to {} ({} pages, {} kB)",
        printed.boards,
        content.profile,
        out.display(),
        printed.pages,
        printed.bytes.len().div_ceil(1024)
    ));
    Ok(lines)
}

/// `boards-<profile>.pdf`.
pub fn default_file(profile: &str) -> PathBuf {
    PathBuf::from(format!(
        "boards-{}.pdf",
        crate::model::files::safe_file_name(profile)
    ))
}

/// A printed file and what went into it.
pub struct Printed {
    pub bytes: Vec<u8>,
    pub boards: usize,
    pub pages: usize,
    /// Pictures that could not be read: their words are printed alone.
    pub warnings: Vec<String>,
}

/// The boards of `content` as a PDF: photos where the worker gave a cell one, else its symbol.
pub fn print_content(
    content: &Content,
    boards: Option<&[String]>,
    paper: Paper,
) -> Result<Printed, String> {
    let order = print_order(&content.vocabulary, boards)?;
    let symbol_dir = crate::asset_root().join("symbols");
    let media_root = content.media_root();
    let mut pictures: HashMap<PathBuf, Option<Image>> = HashMap::new();
    let mut warnings = Vec::new();
    let mut picture = |board: &crate::model::vocab::Board, cell: &crate::model::vocab::Cell| {
        let photo = media_root
            .as_deref()
            .map(|m| photo_path(m, &board.id, &cell.id))
            .filter(|p| p.is_file());
        let (file, cap) = match photo {
            Some(photo) => (photo, MAX_STORED_BYTES),
            None => (
                symbol_dir.join(&content.symbols.get(&cell.symbol)?.file),
                MAX_SYMBOL_BYTES,
            ),
        };
        pictures
            .entry(file.clone())
            .or_insert_with(|| match read_picture(&file, cap) {
                Ok(image) => Some(image),
                Err(why) => {
                    warnings.push(format!("warning: {why}; its word is printed alone"));
                    None
                }
            })
            .clone()
    };
    let now = jiff::Timestamp::now().to_zoned_datetime(jiff::tz::TimeZone::system());
    let job = BoardPrint {
        profile: if content.profile == DEFAULT_PROFILE {
            "the built-in boards"
        } else {
            &content.profile
        },
        vocabulary: &content.vocabulary,
        boards: order,
        paper,
        colour_coding: content.settings.colour_coding,
        home_language: content.settings.home().map(str::to_string),
        labels: content.settings.labels,
        created: now.timestamp(),
        date: now.strftime("%-d %B %Y").to_string(),
    };
    let (bytes, pages) = print_boards(&job, &mut picture)?;
    let boards = job
        .boards
        .len()
        .min(crate::model::pdf::boards::MAX_BOARD_PAGES);
    Ok(Printed {
        pages,
        bytes,
        boards,
        warnings,
    })
}

fn read_picture(file: &Path, cap: u64) -> Result<Image, String> {
    let named = |e: &dyn std::fmt::Display| format!("{}: {e}", file.display());
    let bytes = read_capped(file, cap).map_err(|e| named(&e))?;
    // A symbol is 256 px and a stored photo at most 512: a small file that claims a huge
    // picture is refused before it is decoded, not allowed to take the tablet's memory.
    let mut reader = image::ImageReader::new(std::io::Cursor::new(&bytes))
        .with_guessed_format()
        .map_err(|e| named(&e))?;
    let mut limits = image::Limits::default();
    limits.max_image_width = Some(MAX_PICTURE_SIDE);
    limits.max_image_height = Some(MAX_PICTURE_SIDE);
    reader.limits(limits);
    let picture = reader.decode().map_err(|e| named(&e))?;
    Ok(image_of(&picture.to_rgba8()))
}
