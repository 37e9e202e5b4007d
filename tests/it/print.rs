//! On paper (docs/print.md): printed boards rendered by poppler and compared cell by cell with
//! the app's own screenshot of the same board; the summary PDF's text, structure and conformance.

use std::path::{Path, PathBuf};
use std::process::Command;

use hearme::model::pdf::layout::{BoardLayout, Paper, ScreenGrid};
use hearme::model::vocab::{Board, Vocabulary};
use image::RgbImage;

use crate::harness::hearme;
use crate::render::screenshot_of_board;

fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join("print")
        .join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn built_in() -> Vocabulary {
    let symbols = hearme::model::symbols::SymbolLibrary::built_in();
    Vocabulary::built_in(&symbols).unwrap()
}

/// `hearme print-boards` on the built-in boards; its output lines.
fn print_boards(dir: &Path, args: &[&str]) -> (PathBuf, String) {
    let out = dir.join("boards.pdf");
    let output = hearme()
        .env("HEARME_DATA", dir.join("data"))
        .args(["print-boards", "--profile", "default"])
        .args(args)
        .arg("--out")
        .arg(&out)
        .output()
        .unwrap();
    let said = String::from_utf8_lossy(&output.stdout).into_owned()
        + &String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{said}");
    (out, said)
}

/// `hearme print-boards` of a profile's home board to `out`.
fn print_home_of(data: &Path, profile: &str, out: &Path) {
    let output = hearme()
        .env("HEARME_DATA", data)
        .args([
            "print-boards",
            "--profile",
            profile,
            "--boards",
            "home",
            "--out",
        ])
        .arg(out)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{stderr}");
}

fn poppler(tool: &str, args: &[&str], pdf: &Path) -> String {
    let output = Command::new(tool)
        .args(args)
        .arg(pdf)
        .arg("-")
        .output()
        .unwrap_or_else(|e| panic!("{tool} is installed by tools/install-deps: {e}"));
    assert!(
        output.status.success(),
        "{tool} failed on {}",
        pdf.display()
    );
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn pdfinfo(args: &[&str], pdf: &Path) -> String {
    let output = Command::new("pdfinfo")
        .args(args)
        .arg(pdf)
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "pdfinfo failed on {}",
        pdf.display()
    );
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// Page `page` (from 1) rendered at `dpi`.
fn render_page(pdf: &Path, page: usize, dpi: f32, dir: &Path) -> RgbImage {
    let prefix = dir.join(format!("page-{page}"));
    let status = Command::new("pdftoppm")
        .args(["-png", "-singlefile", "-r", &format!("{dpi:.3}")])
        .args(["-f", &page.to_string(), "-l", &page.to_string()])
        .arg(pdf)
        .arg(&prefix)
        .status()
        .unwrap();
    assert!(status.success());
    image::open(prefix.with_extension("png")).unwrap().to_rgb8()
}

/// The screen's board grid at 1280 x 800 (the window less the nav strip and message bar).
fn screen_grid(shot: &RgbImage) -> RgbImage {
    let grid = ScreenGrid::tablet();
    let (x, y) = (1280 - 6 - grid.width_px as u32, 104 + 2 * 6);
    image::imageops::crop_imm(shot, x, y, grid.width_px as u32, grid.height_px as u32).to_image()
}

/// The printed board's grid, rendered so one screen pixel is one image pixel.
fn printed_grid(pdf: &Path, page: usize, board: &Board, dir: &Path) -> RgbImage {
    let grid = ScreenGrid::tablet();
    let layout = BoardLayout::new(Paper::A4.landscape(), board.columns, board.rows, grid);
    let dpi = 72.0 / layout.scale;
    let rendered = render_page(pdf, page, dpi, dir);
    let to_px = |pt: f32| (pt / layout.scale).round() as u32;
    image::imageops::crop_imm(
        &rendered,
        to_px(layout.grid.x),
        to_px(layout.grid.y),
        grid.width_px as u32,
        grid.height_px as u32,
    )
    .to_image()
}

/// How each visible cell of `board` compares between two grids of the same size: whether its
/// face colour (sampled inside its left edge, beside the picture) is the same, and the share
/// of its pixels that agree.
fn compare_cells(board: &Board, screen: &RgbImage, paper: &RgbImage) -> Vec<(String, bool, f32)> {
    let grid = ScreenGrid::tablet();
    let cell_w =
        (grid.width_px - grid.gap_px * f32::from(board.columns - 1)) / f32::from(board.columns);
    let cell_h = (grid.height_px - grid.gap_px * f32::from(board.rows - 1)) / f32::from(board.rows);
    let close = |a: [u8; 3], b: [u8; 3], by: u8| a.iter().zip(b).all(|(x, y)| x.abs_diff(y) <= by);
    // Between and around the cells the screen shows its background and the paper is left white.
    let background = screen.get_pixel((cell_w + grid.gap_px / 2.0) as u32, 20).0;
    let alike = |on_screen: [u8; 3], on_paper: [u8; 3]| {
        if close(on_screen, background, 6) {
            on_paper.iter().all(|&c| c >= 200)
        } else {
            close(on_screen, on_paper, 48)
        }
    };
    board
        .visible_cells()
        .map(|cell| {
            let x0 = f32::from(cell.column) * (cell_w + grid.gap_px);
            let y0 = f32::from(cell.row) * (cell_h + grid.gap_px);
            let sample = ((x0 + 9.0) as u32, (y0 + cell_h * 0.55) as u32);
            let face = |image: &RgbImage| image.get_pixel(sample.0, sample.1).0;
            let same_face = close(face(screen), face(paper), 10);
            let (mut agree, mut all) = (0u32, 0u32);
            for y in (y0 as u32 + 3)..((y0 + cell_h) as u32 - 3) {
                for x in (x0 as u32 + 3)..((x0 + cell_w) as u32 - 3) {
                    all += 1;
                    if alike(screen.get_pixel(x, y).0, paper.get_pixel(x, y).0) {
                        agree += 1;
                    }
                }
            }
            (cell.id.clone(), same_face, agree as f32 / all.max(1) as f32)
        })
        .collect()
}

/// The share of pixels a printed cell and its screen cell must have alike: the words and the
/// edges of pictures are drawn by two renderers, the rest is the same.
const SAME_CELL: f32 = 0.85;

#[test]
fn a_printed_board_has_the_cells_of_the_screen_in_the_same_places_and_colours() {
    let dir = scratch("matches-screen");
    let vocabulary = built_in();
    let (pdf, _) = print_boards(&dir, &["--boards", "home,feelings"]);
    let shot = image::open(screenshot_of_board(None, 1280, 800, "print-home.png"))
        .unwrap()
        .to_rgb8();
    let screen = screen_grid(&shot);
    let home = vocabulary.home().unwrap();
    let paper = printed_grid(&pdf, 2, home, &dir);
    paper.save(dir.join("printed-home-grid.png")).unwrap();
    screen.save(dir.join("screen-home-grid.png")).unwrap();
    let cells = compare_cells(home, &screen, &paper);
    let worst = cells.iter().map(|(_, _, agree)| *agree).fold(1.0, f32::min);
    for (cell, same_face, agree) in &cells {
        assert!(same_face, "cell {cell}: its colour differs on paper");
        assert!(
            *agree >= SAME_CELL,
            "cell {cell}: only {:.0} % of it alike",
            agree * 100.0
        );
    }
    eprintln!(
        "home: {} cells, the least alike {:.1} %",
        cells.len(),
        worst * 100.0
    );

    // The feelings board printed where home should be is told apart.
    let feelings = printed_grid(&pdf, 3, vocabulary.board("feelings").unwrap(), &dir);
    let wrong = compare_cells(home, &screen, &feelings);
    let failing = wrong
        .iter()
        .filter(|(_, same, agree)| !same || *agree < SAME_CELL)
        .count();
    eprintln!(
        "feelings in home's place: {failing} of {} cells differ",
        wrong.len()
    );
    assert!(
        failing > wrong.len() / 2,
        "a different board passed: {wrong:?}"
    );
}

#[test]
fn every_built_in_board_prints_on_its_own_page_and_folders_name_their_pages() {
    let dir = scratch("all");
    let vocabulary = built_in();
    let (pdf, said) = print_boards(&dir, &["--all", "--paper", "a4"]);
    assert!(said.contains("11 board(s)"), "{said}");
    let info = pdfinfo(&[], &pdf);
    let pages: usize = info
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|n| n.trim().parse().ok())
        .unwrap_or_else(|| panic!("{info}"));
    assert_eq!(
        pages,
        1 + vocabulary.boards.len(),
        "a first page and one per board"
    );
    assert!(info.contains("841.89 x 595.2"), "A4 landscape: {info}");

    let text = poppler("pdftotext", &[], &pdf);
    let pages: Vec<&str> = text.split('\u{c}').collect();
    let first = pages[0];
    for words in [
        "How to use a paper board",
        "points at a picture",
        "say the word back",
        "OpenMoji",
        "CC BY-SA 4.0",
    ] {
        assert!(
            first.contains(words),
            "the first page says {words:?}: {first}"
        );
    }
    let page_of = |name: &str| {
        pages
            .iter()
            .position(|page| page.trim_start().starts_with(name))
            .map(|i| i + 1)
            .unwrap_or_else(|| panic!("no page for {name}: {text}"))
    };
    let home = vocabulary.home().unwrap();
    assert_eq!(page_of(&home.name), 2, "home comes first after the guide");
    for folder in home.visible_cells().filter(|c| c.is_folder()) {
        let target = vocabulary.board(folder.opens.as_deref().unwrap()).unwrap();
        let page = page_of(&target.name);
        assert!(
            pages[1].contains(&format!("page {page}")),
            "the folder {} on home names page {page}: {}",
            folder.word,
            pages[1]
        );
        assert!(
            pages[page - 1].contains(&format!("folder \"{}\" on page 2", folder.word)),
            "page {page} says the folder that leads to it: {}",
            pages[page - 1]
        );
    }
}

#[test]
fn built_in_boards_print_with_cells_of_at_least_15_mm() {
    for paper in [Paper::A4, Paper::Letter] {
        for board in built_in().boards.values() {
            let layout = BoardLayout::new(
                paper.landscape(),
                board.columns,
                board.rows,
                ScreenGrid::tablet(),
            );
            assert!(
                layout.smallest_side_mm() >= 15.0,
                "{}: {:.1} mm on {paper:?}",
                board.id,
                layout.smallest_side_mm()
            );
        }
    }
}

#[test]
fn printed_files_state_pdf_a_2a_and_ua_1_and_tag_each_picture_with_its_word() {
    let dir = scratch("conformance");
    let (pdf, _) = print_boards(&dir, &["--boards", "home"]);
    let meta = pdfinfo(&["-meta"], &pdf);
    assert!(meta.contains("pdfaid:part") && meta.contains("2"), "{meta}");
    assert!(
        meta.contains("pdfaid:conformance") && meta.contains("A"),
        "{meta}"
    );
    assert!(meta.contains("pdfuaid:part"), "{meta}");
    let structure = pdfinfo(&["-struct"], &pdf);
    let home = built_in().home().unwrap().clone();
    let figures = structure.matches("Figure").count();
    assert_eq!(
        figures,
        home.visible_cells().count(),
        "one figure per cell: {structure}"
    );
    // Each figure's alternative text is its word, as a screen reader says it.
    let bytes = std::fs::read(&pdf).unwrap();
    let has = |needle: &str| bytes.windows(needle.len()).any(|w| w == needle.as_bytes());
    for cell in home
        .visible_cells()
        .filter(|c| !c.is_folder() && c.word.is_ascii())
    {
        assert!(
            has(&format!("/Alt({})", cell.word)),
            "{} has its word as alt text",
            cell.id
        );
    }
    assert!(!has("/Alt(wibble)"), "the check can fail");
}

/// A profile's board with a word Andika cannot draw, written into a data folder.
fn profile_with_emoji(data: &Path) {
    let status = hearme()
        .env("HEARME_DATA", data)
        .args(["profile", "add", "T-1"])
        .status()
        .unwrap();
    assert!(status.success());
    let board = data.join("profiles/T-1/vocab/home.ron");
    let text = std::fs::read_to_string(&board).unwrap();
    let changed = text.replacen("word: \"I\"", "word: \"I 🙂\"", 1);
    assert_ne!(text, changed, "the home board has the word I: {text}");
    std::fs::write(&board, changed).unwrap();
}

#[test]
fn a_word_the_font_cannot_draw_still_prints_and_the_file_still_passes_its_checks() {
    let dir = scratch("emoji");
    let data = dir.join("data");
    profile_with_emoji(&data);
    let out = dir.join("t1.pdf");
    print_home_of(&data, "T-1", &out);
    let text = poppler("pdftotext", &[], &out);
    let page = text.split('\u{c}').nth(1).unwrap_or_default();
    assert!(
        page.lines().any(|line| line.replace(' ', "") == "I?"),
        "the emoji is shown as ?: {page}"
    );
}

#[test]
fn a_board_that_is_not_there_is_named_and_nothing_is_written() {
    let dir = scratch("missing");
    let out = dir.join("boards.pdf");
    let output = hearme()
        .env("HEARME_DATA", dir.join("data"))
        .args([
            "print-boards",
            "--profile",
            "default",
            "--boards",
            "home,nowhere",
            "--out",
        ])
        .arg(&out)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("\"nowhere\""), "{stderr}");
    assert!(!out.exists());
}

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/it/fixtures")
        .join(name)
}

/// `hearme export --format all` of a journal: its PDF, and the plain text to hold it against.
fn export_pdf(journal: &Path, dir: &Path) -> (PathBuf, String) {
    let output = hearme()
        .env("HEARME_DATA", dir.join("data"))
        .env("TZ", "UTC")
        .args(["export", "--format", "all", "--out"])
        .arg(dir)
        .arg(journal)
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let stem = journal.file_stem().unwrap().to_string_lossy().into_owned();
    let text = std::fs::read_to_string(dir.join(format!("{stem}.summary.txt"))).unwrap();
    (dir.join(format!("{stem}.summary.pdf")), text)
}

/// The PDF's text without what repeats on each page, spaces made single.
fn pdf_body_text(pdf: &Path) -> (String, usize) {
    let text = poppler("pdftotext", &[], pdf);
    let mut pages = 0;
    let mut body = String::new();
    for page in text.split('\u{c}').filter(|p| !p.trim().is_empty()) {
        pages += 1;
        let lines: Vec<&str> = page.lines().filter(|l| !l.trim().is_empty()).collect();
        assert!(
            lines
                .first()
                .is_some_and(|l| l.starts_with(hearme::model::summary::DRAFT_HEADER)),
            "page {pages} starts with DRAFT: {page}"
        );
        assert!(
            lines.last().is_some_and(|l| l.starts_with("Page ")),
            "page {pages} ends with its number: {page}"
        );
        for line in &lines[1..lines.len() - 1] {
            body.push_str(line);
            body.push(' ');
        }
    }
    (squeeze(&body), pages)
}

fn squeeze(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn the_summary_pdf_holds_every_line_of_the_text_summary_in_order_with_its_symbols() {
    for name in ["design-example", "full-record"] {
        let dir = scratch(&format!("summary-{name}"));
        let journal = dir.join(format!("{name}.journal"));
        std::fs::copy(fixture(&format!("{name}.journal")), &journal).unwrap();
        let (pdf, text) = export_pdf(&journal, &dir);
        let (body, pages) = pdf_body_text(&pdf);
        let mut from = 0;
        for line in text.lines().map(squeeze).filter(|l| !l.is_empty()) {
            let Some(at) = body[from..].find(&line) else {
                panic!(
                    "{name}: {line:?} is not in the PDF after what came before:\n{}",
                    &body[from..]
                );
            };
            from += at + line.len();
        }
        assert!(body.contains("IN THEIR OWN SYMBOLS"), "{body}");
        let meta = pdfinfo(&["-meta"], &pdf);
        assert!(
            meta.contains("pdfaid:part") && meta.contains("pdfuaid:part"),
            "{meta}"
        );
        let structure = pdfinfo(&["-struct"], &pdf);
        assert!(
            structure.contains("Figure"),
            "the symbols are figures: {structure}"
        );
        let bytes = std::fs::read(&pdf).unwrap();
        let alts = bytes.windows(4).filter(|w| w == b"/Alt").count();
        assert_eq!(
            alts,
            structure.matches("Figure").count(),
            "every picture has alternative text"
        );
        assert!(
            bytes.windows(11).any(|w| w == b"/Alt(juice)"),
            "the juice symbol is read as juice"
        );
        assert!(
            structure.contains("H1") && structure.contains("H2"),
            "{structure}"
        );
        eprintln!("{name}: {pages} page(s)");
    }
}

#[test]
fn a_huge_visit_makes_a_bounded_pdf_that_says_where_the_rest_is() {
    let dir = scratch("summary-huge");
    let journal = dir.join("huge.journal");
    let started: jiff::Timestamp = "2026-11-26T14:00:00Z".parse().unwrap();
    let at = |seconds: i64| started + jiff::SignedDuration::from_secs(seconds);
    let mut lines = vec![format!(
        "(v:1, seq:0, at:\"{}\", event:VisitStarted(case_ref:\"C-9\", visit:\"Home visit\", \
         purpose:\"Statutory visit\", present:[\"child\"], seen_alone:Yes, profile:\"default\"))",
        at(0)
    )];
    for seq in 1..=3000i64 {
        lines.push(format!(
            "(v:1, seq:{seq}, at:\"{}\", event:MessageSpoken(text:\"I want juice\", \
             symbols:[\"i\",\"want\",\"juice\"], by:Child))",
            at(seq)
        ));
    }
    lines.push(format!(
        "(v:1, seq:3001, at:\"{}\", event:VisitEnded)",
        at(3001)
    ));
    std::fs::write(&journal, lines.join("\n") + "\n").unwrap();
    let (pdf, _) = export_pdf(&journal, &dir);
    let (body, pages) = pdf_body_text(&pdf);
    assert!(
        pages <= hearme::model::summary::MAX_PDF_PAGES,
        "{pages} pages"
    );
    assert!(
        body.contains("the rest of this visit is in the text summary"),
        "{body}"
    );
}

#[test]
fn a_cells_photo_prints_in_place_of_its_symbol() {
    let dir = scratch("photo");
    let data = dir.join("data");
    let status = hearme()
        .env("HEARME_DATA", &data)
        .args(["profile", "add", "T-2"])
        .status()
        .unwrap();
    assert!(status.success());
    let photo = dir.join("red.png");
    image::RgbImage::from_pixel(64, 64, image::Rgb([220, 20, 30]))
        .save(&photo)
        .unwrap();
    let output = hearme()
        .env("HEARME_DATA", &data)
        .args([
            "add-photo",
            "--profile",
            "T-2",
            "--board",
            "home",
            "--cell",
            "i",
        ])
        .arg(&photo)
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let out = dir.join("t2.pdf");
    print_home_of(&data, "T-2", &out);
    let home = built_in().home().unwrap().clone();
    let grid = printed_grid(&out, 2, &home, &dir);
    let cell = home.cell("i").unwrap();
    let layout = ScreenGrid::tablet();
    let cell_w =
        (layout.width_px - layout.gap_px * f32::from(home.columns - 1)) / f32::from(home.columns);
    let cell_h =
        (layout.height_px - layout.gap_px * f32::from(home.rows - 1)) / f32::from(home.rows);
    // The middle of the picture: centred across the cell, in its upper part.
    let x = f32::from(cell.column) * (cell_w + layout.gap_px) + cell_w / 2.0;
    let y = f32::from(cell.row) * (cell_h + layout.gap_px) + cell_h * 0.35;
    let [r, g, b] = grid.get_pixel(x as u32, y as u32).0;
    assert!(
        r > 180 && g < 80 && b < 80,
        "the photo is printed: {:?}",
        [r, g, b]
    );
}

#[test]
fn a_long_list_of_boards_gives_the_pages_they_are_really_on() {
    use hearme::model::pdf::boards::{BoardPrint, print_boards, print_order};
    use hearme::model::vocab::{Board, Cell, WordClass};
    let boards: std::collections::BTreeMap<String, Board> = (0..150)
        .map(|b| {
            let id = if b == 0 {
                "home".to_string()
            } else {
                format!("b{b}")
            };
            let cell = Cell {
                id: "c".into(),
                word: format!("word {b}"),
                symbol: "red-apple".into(),
                class: WordClass::Noun,
                row: 0,
                column: 0,
                opens: (b < 149).then(|| format!("b{}", b + 1)),
                hidden: false,
                says: None,
                translations: Default::default(),
                concern: false,
            };
            let board = Board {
                v: 1,
                id: id.clone(),
                name: format!("Board number {b} with a longer name"),
                rows: 1,
                columns: 1,
                cells: vec![cell],
            };
            (id, board)
        })
        .collect();
    let vocabulary = Vocabulary { boards };
    let job = BoardPrint {
        profile: "T-3",
        boards: print_order(&vocabulary, None).unwrap(),
        vocabulary: &vocabulary,
        paper: Paper::A4,
        colour_coding: true,
        home_language: None,
        labels: hearme::model::child_settings::LabelLanguage::Worker,
        created: jiff::Timestamp::now(),
        date: "8 December 2026".into(),
    };
    let (bytes, pages) = print_boards(&job, &mut |_, _| None).unwrap();
    let dir = scratch("long-list");
    let pdf = dir.join("long.pdf");
    std::fs::write(&pdf, bytes).unwrap();
    let text = poppler("pdftotext", &[], &pdf);
    let sheets: Vec<&str> = text.split('\u{c}').collect();
    let guide = pages - 150;
    assert!(guide > 1, "the list needs more than one page here: {guide}");
    let listed = format!("page {}: Board number 0 with", guide + 1);
    assert!(sheets[..guide].concat().contains(&listed), "{listed}");
    assert!(
        sheets[guide].trim_start().starts_with("Board number 0"),
        "page {} is home: {}",
        guide + 1,
        sheets[guide]
    );
}

#[test]
fn a_photo_file_too_big_to_print_is_named_and_its_word_printed_alone() {
    let dir = scratch("photo-too-big");
    let data = dir.join("data");
    let status = hearme()
        .env("HEARME_DATA", &data)
        .args(["profile", "add", "T-4"])
        .status()
        .unwrap();
    assert!(status.success());
    // Written straight into the profile, as no command would store it: 5000 px wide.
    let photo = hearme::model::photo::photo_path(&data.join("profiles/T-4"), "home", "i");
    std::fs::create_dir_all(photo.parent().unwrap()).unwrap();
    image::GrayImage::new(5000, 1).save(&photo).unwrap();
    let out = dir.join("t4.pdf");
    let output = hearme()
        .env("HEARME_DATA", &data)
        .args([
            "print-boards",
            "--profile",
            "T-4",
            "--boards",
            "home",
            "--out",
        ])
        .arg(&out)
        .output()
        .unwrap();
    let said = String::from_utf8_lossy(&output.stdout);
    assert!(output.status.success(), "{said}");
    assert!(
        said.contains("i.png") && said.contains("printed alone"),
        "the file is named: {said}"
    );
    assert!(out.is_file());
}
