//! The symbol library: OpenMoji pictures listed in `symbols/manifest.ron`, looked up by id or word.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use super::problem::Problem;

/// The manifest shipped in `symbols/`, embedded so `hearme check` and the app agree on which ids
/// exist wherever the binary runs.
pub const BUILT_IN_MANIFEST: &str = include_str!("../../symbols/manifest.ron");
pub const BUILT_IN_MANIFEST_PATH: &str = "symbols/manifest.ron";

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Manifest {
    pub v: u32,
    pub source: String,
    pub licence: String,
    pub symbols: Vec<SymbolInfo>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SymbolInfo {
    pub id: String,
    /// The 256 px picture, relative to the `symbols/` folder.
    pub file: String,
    /// The same picture at 128 px, which the boards show: cells are 90–180 px on a tablet, and
    /// it takes a quarter of the memory once decoded.
    pub small: String,
    pub words: Vec<String>,
    pub keywords: Vec<String>,
    pub codepoint: String,
    pub group: String,
    pub author: String,
    pub licence: String,
}

#[derive(Debug, Clone, Default)]
pub struct SymbolLibrary {
    symbols: Vec<SymbolInfo>,
    by_id: HashMap<String, usize>,
    /// Each symbol's words and keywords split and lower-cased once, so a search allocates
    /// nothing per symbol.
    index: Vec<Searchable>,
}

#[derive(Debug, Clone, Default)]
struct Searchable {
    words: Vec<String>,
    keywords: Vec<String>,
}

impl Searchable {
    fn of(symbol: &SymbolInfo) -> Self {
        let split = |texts: &[String]| {
            texts
                .iter()
                .flat_map(|text| text.split_whitespace())
                .map(str::to_lowercase)
                .collect()
        };
        Searchable {
            words: split(&symbol.words),
            keywords: split(&symbol.keywords),
        }
    }

    /// How well one typed term fits: a whole word, the start of a word, a whole keyword, the
    /// start of a keyword; `None` when it fits nothing.
    fn fit(&self, term: &str) -> Option<u32> {
        let best = |tokens: &[String], whole: u32, start: u32| {
            tokens
                .iter()
                .filter_map(|token| {
                    if token == term {
                        Some(whole)
                    } else {
                        token.starts_with(term).then_some(start)
                    }
                })
                .max()
        };
        best(&self.words, 4, 3).or_else(|| best(&self.keywords, 2, 1))
    }
}

impl SymbolLibrary {
    pub fn parse(label: &str, text: &str) -> Result<Self, Problem> {
        let manifest: Manifest = ron::from_str(text)
            .map_err(|e| Problem::from_ron(label, text, &e, "a symbol manifest"))?;
        Ok(Self::from_manifest(manifest))
    }

    pub fn built_in() -> Self {
        // The embedded manifest is generated and checked by the test suite, so a failure here
        // is a build defect, not user input.
        Self::parse(BUILT_IN_MANIFEST_PATH, BUILT_IN_MANIFEST).unwrap_or_default()
    }

    pub fn from_manifest(manifest: Manifest) -> Self {
        let by_id = manifest
            .symbols
            .iter()
            .enumerate()
            .map(|(i, s)| (s.id.clone(), i))
            .collect();
        let index = manifest.symbols.iter().map(Searchable::of).collect();
        SymbolLibrary {
            symbols: manifest.symbols,
            by_id,
            index,
        }
    }

    pub fn len(&self) -> usize {
        self.symbols.len()
    }

    pub fn is_empty(&self) -> bool {
        self.symbols.is_empty()
    }

    pub fn get(&self, id: &str) -> Option<&SymbolInfo> {
        self.by_id.get(id).map(|&i| &self.symbols[i])
    }

    pub fn contains(&self, id: &str) -> bool {
        self.by_id.contains_key(id)
    }

    pub fn iter(&self) -> impl Iterator<Item = &SymbolInfo> {
        self.symbols.iter()
    }

    /// Symbols whose words or keywords start with every word of `query`, best first: whole
    /// words before the start of a word, words before keywords, then the symbol with fewer
    /// words ("cat" before "cat face"), then the manifest's order. For the worker's symbol
    /// search, as each letter is typed.
    pub fn search(&self, query: &str) -> Vec<&SymbolInfo> {
        let mut terms: Vec<String> = query.split_whitespace().map(str::to_lowercase).collect();
        // A pasted page of the same word must not cost a page of work per symbol.
        terms.sort();
        terms.dedup();
        if terms.is_empty() {
            return Vec::new();
        }
        let mut scored: Vec<(u32, usize, usize)> = self
            .index
            .iter()
            .enumerate()
            .filter_map(|(order, searchable)| {
                let mut score = 0u32;
                for term in &terms {
                    score = score.saturating_add(searchable.fit(term)?);
                }
                Some((score, searchable.words.len(), order))
            })
            .collect();
        scored.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
        scored
            .into_iter()
            .filter_map(|(_, _, order)| self.symbols.get(order))
            .collect()
    }
}
