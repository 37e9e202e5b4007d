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
        SymbolLibrary {
            symbols: manifest.symbols,
            by_id,
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

    /// Symbols whose words or keywords start with every word of `query`, best matches first
    /// (a word match before a keyword match), for the worker's symbol search.
    pub fn search(&self, query: &str) -> Vec<&SymbolInfo> {
        let terms: Vec<String> = query.split_whitespace().map(str::to_lowercase).collect();
        if terms.is_empty() {
            return Vec::new();
        }
        let mut scored: Vec<(u32, usize, &SymbolInfo)> = self
            .symbols
            .iter()
            .enumerate()
            .filter_map(|(order, symbol)| {
                // Wide enough for any query: a pasted page of words must not wrap the score.
                let mut score = 0u32;
                for term in &terms {
                    let in_words = symbol
                        .words
                        .iter()
                        .flat_map(|w| w.split_whitespace())
                        .any(|w| w.to_lowercase().starts_with(term.as_str()));
                    let in_keywords = symbol
                        .keywords
                        .iter()
                        .any(|k| k.to_lowercase().starts_with(term.as_str()));
                    score = score.saturating_add(match (in_words, in_keywords) {
                        (true, _) => 2,
                        (false, true) => 1,
                        (false, false) => return None,
                    });
                }
                Some((score, order, symbol))
            })
            .collect();
        scored.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        scored.into_iter().map(|(_, _, s)| s).collect()
    }
}
