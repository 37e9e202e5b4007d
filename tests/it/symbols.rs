//! The shipped symbol set: OpenMoji pictures, their manifest and their licence.

use std::path::Path;

use hearme::Content;
use hearme::model::symbols::SymbolLibrary;

fn symbols_dir() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/symbols"))
}

#[test]
fn the_library_has_1500_symbols_beyond_the_vocabulary() {
    let library = SymbolLibrary::built_in();
    let content = Content::built_in();
    let used = content.vocabulary.symbol_ids().len();
    assert!(
        library.len() >= used + 1500,
        "{} symbols, {used} used by the vocabulary",
        library.len()
    );
}

#[test]
fn no_flags_skin_tones_or_brands_are_shipped() {
    let library = SymbolLibrary::built_in();
    for symbol in library.iter() {
        assert_ne!(symbol.group, "flags", "{}", symbol.id);
        for tone in ["1F3FB", "1F3FC", "1F3FD", "1F3FE", "1F3FF"] {
            assert!(
                !symbol.codepoint.contains(tone),
                "{} has a skin tone",
                symbol.id
            );
        }
        assert_eq!(symbol.licence, "CC BY-SA 4.0");
        assert!(!symbol.words.is_empty());
    }
    assert!(
        library.search("github").is_empty(),
        "brand logos are left out"
    );
}

#[test]
fn every_vocabulary_picture_is_a_transparent_png_at_256_and_128_px() {
    let content = Content::built_in();
    for id in content.vocabulary.symbol_ids() {
        let symbol = content.symbols.get(id).unwrap();
        for (file, size) in [(&symbol.file, 256), (&symbol.small, 128)] {
            let path = symbols_dir().join(file);
            let picture = image::open(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            assert_eq!(
                (picture.width(), picture.height()),
                (size, size),
                "{}",
                path.display()
            );
            let corner = picture.to_rgba8().get_pixel(0, 0).0;
            assert_eq!(
                corner[3],
                0,
                "{} has a transparent background",
                path.display()
            );
        }
    }
}

#[test]
fn every_manifest_file_exists_and_the_set_is_under_40_mb() {
    let library = SymbolLibrary::built_in();
    let mut bytes = 0;
    for symbol in library.iter() {
        for file in [&symbol.file, &symbol.small] {
            let path = symbols_dir().join(file);
            bytes += std::fs::metadata(&path)
                .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
                .len();
        }
    }
    bytes += std::fs::metadata(symbols_dir().join("manifest.ron"))
        .unwrap()
        .len();
    assert!(bytes < 40 * 1024 * 1024, "symbols/ is {bytes} bytes");
}

#[test]
fn the_attribution_credits_openmoji() {
    let attribution = std::fs::read_to_string(symbols_dir().join("ATTRIBUTION")).unwrap();
    assert!(attribution.contains("OpenMoji"));
    assert!(attribution.contains("CC BY-SA 4.0"));
}

#[test]
fn search_finds_symbols_by_word_and_keyword() {
    let library = SymbolLibrary::built_in();
    let found: Vec<&str> = library
        .search("dog")
        .iter()
        .map(|s| s.id.as_str())
        .collect();
    assert!(
        found.contains(&"dog-face") || found.contains(&"dog"),
        "{found:?}"
    );
    assert!(library.search("").is_empty());
}

#[test]
fn search_puts_the_best_match_first() {
    let library = SymbolLibrary::built_in();
    let first = |query: &str| library.search(query).first().map(|s| s.id.clone());
    assert_eq!(
        first("cat").as_deref(),
        Some("cat"),
        "not 'cat with tears of joy'"
    );
    assert_eq!(first("Dog").as_deref(), Some("dog"));
    assert_eq!(first("hot dog").as_deref(), Some("hot-dog"));
    assert_eq!(
        first("ca").as_deref(),
        Some("cat"),
        "as the first letters are typed"
    );
    let kitten: Vec<String> = library
        .search("kitt")
        .iter()
        .map(|s| s.id.clone())
        .collect();
    assert!(
        kitten.contains(&"cat".to_string()),
        "by keyword: {kitten:?}"
    );
}

#[test]
fn a_very_long_search_neither_panics_nor_reorders_the_results() {
    let library = SymbolLibrary::built_in();
    let one = library.search("dog");
    let long = library.search(&"dog ".repeat(300));
    assert!(!one.is_empty());
    assert_eq!(
        one.iter().map(|s| &s.id).collect::<Vec<_>>(),
        long.iter().map(|s| &s.id).collect::<Vec<_>>()
    );
}
