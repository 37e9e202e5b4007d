//! `print`: the boards of a vocabulary as a PDF (`hearme print-boards`), for the built-in 11
//! boards and a generated 80-board one with a different symbol in every cell, from the
//! vocabulary in memory to the checked PDF's bytes. The baseline is writing the same
//! vocabulary as an `.obz` (every board and picture, zipped) in the same run.

use std::collections::BTreeMap;
use std::sync::Arc;
use std::time::Instant;

use hearme::Content;
use hearme::model::pdf::layout::Paper;
use hearme::model::vocab::{Board, Cell, Vocabulary, WordClass};

const CLASSES: [WordClass; 6] = [
    WordClass::People,
    WordClass::Verb,
    WordClass::Describing,
    WordClass::Noun,
    WordClass::Social,
    WordClass::Misc,
];

/// 80 boards of 8 x 5, each opening the next from its first cell.
fn big_vocabulary(content: &Content) -> Vocabulary {
    let symbols: Vec<String> = content.symbols.iter().map(|s| s.id.clone()).collect();
    let mut boards = BTreeMap::new();
    for b in 0..80usize {
        let id = if b == 0 {
            "home".to_string()
        } else {
            format!("b{b}")
        };
        let cells = (0..40usize)
            .map(|i| Cell {
                id: format!("c{i}"),
                word: format!("word {}", b * 40 + i),
                symbol: symbols[(b * 40 + i) % symbols.len()].clone(),
                class: CLASSES[i % CLASSES.len()],
                row: (i / 8) as u16,
                column: (i % 8) as u16,
                opens: (i == 0 && b < 79).then(|| format!("b{}", b + 1)),
                hidden: false,
                says: None,
                translations: BTreeMap::new(),
                concern: false,
            })
            .collect();
        let board = Board {
            v: 1,
            id: id.clone(),
            name: format!("Board {b}"),
            rows: 5,
            columns: 8,
            cells,
        };
        boards.insert(id, board);
    }
    Vocabulary { boards }
}

fn time(label: &str, content: &Content) {
    let dir = std::env::temp_dir().join("hearme-bench-print");
    std::fs::create_dir_all(&dir).unwrap();
    let (mut prints, mut floors) = (Vec::new(), Vec::new());
    let mut size = 0;
    for _ in 0..super::RUNS {
        let start = Instant::now();
        let printed =
            hearme::print_cli::print_content(content, None, Paper::A4).expect("it prints");
        prints.push(start.elapsed().as_secs_f64() * 1000.0);
        size = printed.bytes.len();
        let start = Instant::now();
        hearme::obf_cli::export_content(content, None, &dir.join("same.obz")).expect("it exports");
        floors.push(start.elapsed().as_secs_f64() * 1000.0);
    }
    let (print, floor) = (super::median(prints), super::median(floors));
    let boards = content.vocabulary.boards.len();
    println!("print_{label}_boards: {boards} boards, {} kB", size / 1024);
    println!("print_{label}_median: {print:.0} ms");
    println!("print_{label}_baseline_obz_export_median: {floor:.0} ms");
    println!(
        "print_{label}_ratio_to_baseline: {:.1}x",
        print / floor.max(1e-9)
    );
    let _ = std::fs::remove_dir_all(&dir);
}

pub fn run() {
    let built_in = Content::built_in();
    time("built_in", &built_in);
    let big = Content {
        vocabulary: Arc::new(big_vocabulary(&built_in)),
        ..built_in.clone()
    };
    time("80", &big);
}
