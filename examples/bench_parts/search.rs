//! `search`: the worker's symbol search over the whole library, as each letter of a word is
//! typed, and the widest one-letter query. The floor is one pass over the same symbols that
//! only compares ids.

use std::time::Instant;

use hearme::model::symbols::SymbolLibrary;

const REPEATS: usize = 200;

pub fn run() {
    let library = SymbolLibrary::built_in();
    let mut queries: Vec<String> = (1..="butterfly".len())
        .map(|n| "butterfly"[..n].to_string())
        .collect();
    queries.extend(["a", "hot dog", "sad face", "zzz"].map(String::from));
    let mut searches = Vec::new();
    let mut floors = Vec::new();
    let mut found = 0;
    for _ in 0..REPEATS {
        for query in &queries {
            let start = Instant::now();
            found += std::hint::black_box(library.search(query)).len();
            searches.push(start.elapsed().as_secs_f64() * 1000.0);
            let start = Instant::now();
            let same = library.iter().filter(|s| s.id == *query).count();
            std::hint::black_box(same);
            floors.push(start.elapsed().as_secs_f64() * 1000.0);
        }
    }
    let search_median = super::median(searches.clone());
    let floor_median = super::median(floors.clone());
    println!(
        "search_symbols: {} symbols, {} queries x {REPEATS}",
        library.len(),
        queries.len()
    );
    println!("search_median: {search_median:.3} ms");
    println!("search_p99: {:.3} ms", super::percentile(&searches, 0.99));
    println!("search_floor_id_scan_median: {floor_median:.3} ms");
    println!(
        "search_floor_id_scan_p99: {:.3} ms",
        super::percentile(&floors, 0.99)
    );
    println!(
        "search_ratio_to_floor: {:.1}x",
        search_median / floor_median.max(1e-9)
    );
    println!("search_results_total: {found}");
}
