//! The built-in vocabulary and the board file rules.

use hearme::Content;
use hearme::model::problem::Problem;
use hearme::model::symbols::SymbolLibrary;
use hearme::model::vocab::{BUILT_IN_BOARDS, HOME_BOARD, Vocabulary, WordClass, parse_board};

fn library() -> SymbolLibrary {
    SymbolLibrary::built_in()
}

fn problems_in(text: &str) -> Vec<Problem> {
    match parse_board("board.ron", text, &library()) {
        Ok(_) => Vec::new(),
        Err(problems) => problems,
    }
}

const SMALL_BOARD: &str = r#"(
    v: 1,
    id: "snack",
    name: "Snack",
    rows: 2,
    columns: 3,
    cells: [
        (id: "want", word: "want", symbol: "grinning-face", class: Verb, row: 0, column: 0),
        (id: "more", word: "more", symbol: "grinning-face", class: Describing, row: 0, column: 1),
    ],
)"#;

#[test]
fn the_built_in_vocabulary_loads_with_at_least_250_cells() {
    let content = Content::built_in();
    assert!(content.notices.is_empty(), "{:?}", content.notices);
    let vocabulary = &content.vocabulary;
    assert!(
        vocabulary.cell_count() >= 250,
        "{} cells",
        vocabulary.cell_count()
    );
    for board in vocabulary.boards.values() {
        for cell in &board.cells {
            assert!(
                content.symbols.contains(&cell.symbol),
                "{}/{} has a symbol",
                board.id,
                cell.id
            );
            assert!(!cell.word.trim().is_empty());
        }
    }
}

#[test]
fn home_has_the_core_words_and_every_folder() {
    let content = Content::built_in();
    let home = content.vocabulary.home().unwrap();
    let words: Vec<&str> = home
        .cells
        .iter()
        .filter(|c| !c.is_folder())
        .map(|c| c.word.as_str())
        .collect();
    assert!(words.len() >= 40, "{} core words", words.len());
    for core in [
        "I",
        "you",
        "want",
        "more",
        "stop",
        "help",
        "yes",
        "no",
        "like",
        "don't like",
        "go",
        "come",
        "eat",
        "drink",
        "play",
        "look",
        "feel",
        "hurt",
        "toilet",
        "finished",
    ] {
        assert!(words.contains(&core), "home has {core:?}");
    }
    let folders: Vec<&str> = home
        .cells
        .iter()
        .filter_map(|c| c.opens.as_deref())
        .collect();
    for folder in [
        "people",
        "feelings",
        "food-drink",
        "places",
        "activities",
        "body",
        "things",
        "time",
        "questions",
        "keeping-safe",
    ] {
        assert!(folders.contains(&folder), "home opens {folder}");
    }
}

#[test]
fn keeping_safe_has_the_words_to_tell_something_hard() {
    let content = Content::built_in();
    let board = content.vocabulary.board("keeping-safe").unwrap();
    let words: Vec<String> = board.cells.iter().map(|c| c.word.to_lowercase()).collect();
    for needed in [
        "safe",
        "not safe",
        "scared",
        "hurt",
        "hit",
        "shout",
        "touch",
        "secret",
        "stop",
        "i want to tell you something",
        "mum",
        "dad",
        "teacher",
        "school",
        "home",
    ] {
        assert!(
            words.iter().any(|w| w == needed),
            "keeping safe has {needed:?}"
        );
    }
    let body_parts = board
        .cells
        .iter()
        .filter(|c| c.class == WordClass::Noun)
        .count();
    assert!(body_parts >= 8);
}

#[test]
fn every_board_is_reachable_from_home() {
    let content = Content::built_in();
    let vocabulary = &content.vocabulary;
    let mut reached = vec![HOME_BOARD.to_string()];
    let mut index = 0;
    while index < reached.len() {
        let board = vocabulary.board(&reached[index]).unwrap();
        for target in board.cells.iter().filter_map(|c| c.opens.clone()) {
            if !reached.contains(&target) {
                reached.push(target);
            }
        }
        index += 1;
    }
    assert_eq!(reached.len(), vocabulary.boards.len());
}

#[test]
fn a_valid_board_parses() {
    assert!(problems_in(SMALL_BOARD).is_empty());
}

fn one_problem(text: &str) -> Problem {
    let problems = problems_in(text);
    assert_eq!(problems.len(), 1, "{problems:#?}");
    problems.into_iter().next().unwrap()
}

#[test]
fn an_empty_file_is_reported_at_its_start() {
    let problem = one_problem("");
    assert_eq!((problem.line, problem.column), (1, 1));
    assert!(problem.message.contains("empty"), "{}", problem.message);
}

#[test]
fn a_wrong_type_is_reported_where_it_is() {
    let problem = one_problem(&SMALL_BOARD.replace("rows: 2", "rows: \"two\""));
    assert_eq!(problem.line, 5);
    assert!(problem.to_string().starts_with("board.ron:5:"), "{problem}");
}

#[test]
fn an_unknown_symbol_is_reported_on_its_line() {
    let problem = one_problem(&SMALL_BOARD.replacen(
        "symbol: \"grinning-face\"",
        "symbol: \"no-such-picture\"",
        1,
    ));
    assert_eq!((problem.line, problem.column), (8, 44));
    assert!(problem.message.contains("no-such-picture"));
}

#[test]
fn a_cell_outside_the_grid_is_reported() {
    let problem = one_problem(&SMALL_BOARD.replace("row: 0, column: 1", "row: 5, column: 1"));
    assert_eq!(problem.line, 9);
    assert!(
        problem.message.contains("outside the 2 x 3 grid"),
        "{}",
        problem.message
    );
}

#[test]
fn two_cells_in_one_place_or_with_one_id_are_reported() {
    let problem = one_problem(&SMALL_BOARD.replace("row: 0, column: 1", "row: 0, column: 0"));
    assert_eq!(problem.line, 9);
    assert!(problem.message.contains("where cell \"want\" already is"));

    let problem = one_problem(&SMALL_BOARD.replace("(id: \"more\"", "(id: \"want\""));
    assert_eq!(problem.line, 9);
    assert!(problem.message.contains("used twice"));
}

#[test]
fn a_link_to_a_missing_board_is_reported() {
    let linked = SMALL_BOARD.replace(
        "class: Describing, row: 0, column: 1",
        "class: Noun, row: 0, column: 1, opens: \"nowhere\"",
    );
    let library = library();
    let home = SMALL_BOARD.replace("id: \"snack\"", "id: \"home\"");
    let sources = vec![
        ("home.ron".to_string(), home),
        ("snack.ron".to_string(), linked),
    ];
    let problems = Vocabulary::from_sources(sources, &library).unwrap_err();
    assert_eq!(problems.len(), 1, "{problems:#?}");
    assert_eq!(problems[0].file, "snack.ron");
    assert_eq!(problems[0].line, 9);
    assert!(
        problems[0]
            .message
            .contains("\"nowhere\", which does not exist")
    );
}

#[test]
fn no_prefix_or_corruption_of_a_real_board_panics() {
    let (_, text) = BUILT_IN_BOARDS[0];
    let library = library();
    let mut cut = 0;
    while cut <= text.len() {
        if text.is_char_boundary(cut) {
            let _ = parse_board("home.ron", &text[..cut], &library);
        }
        cut += 7;
    }
    let mut bytes = text.as_bytes().to_vec();
    let mut seed = 0x2545_f491_u32;
    for _ in 0..300 {
        seed ^= seed << 13;
        seed ^= seed >> 17;
        seed ^= seed << 5;
        let at = seed as usize % bytes.len();
        bytes[at] = (seed >> 8) as u8;
        let lossy = String::from_utf8_lossy(&bytes);
        let _ = parse_board("home.ron", &lossy, &library);
    }
}
