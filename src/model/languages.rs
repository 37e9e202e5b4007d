//! Languages by their BCP 47 tags: the name a summary gives a child's home language, and which
//! of a cell's translations is in it (docs/voice.md, "Home language").

use std::collections::BTreeMap;

/// The names of the languages most spoken at home by children in UK schools, and a few more;
/// any other tag is shown as the tag itself.
const NAMES: &[(&str, &str)] = &[
    ("ar", "Arabic"),
    ("bg", "Bulgarian"),
    ("bn", "Bengali"),
    ("cs", "Czech"),
    ("cy", "Welsh"),
    ("de", "German"),
    ("en", "English"),
    ("es", "Spanish"),
    ("fa", "Persian"),
    ("fr", "French"),
    ("ga", "Irish"),
    ("gd", "Scottish Gaelic"),
    ("gu", "Gujarati"),
    ("hi", "Hindi"),
    ("hu", "Hungarian"),
    ("it", "Italian"),
    ("ku", "Kurdish"),
    ("lt", "Lithuanian"),
    ("lv", "Latvian"),
    ("pa", "Punjabi"),
    ("pl", "Polish"),
    ("ps", "Pashto"),
    ("pt", "Portuguese"),
    ("ro", "Romanian"),
    ("ru", "Russian"),
    ("sk", "Slovak"),
    ("so", "Somali"),
    ("sq", "Albanian"),
    ("ta", "Tamil"),
    ("ti", "Tigrinya"),
    ("tr", "Turkish"),
    ("uk", "Ukrainian"),
    ("ur", "Urdu"),
    ("zh", "Chinese"),
];

/// "pl" of "pl-PL", lower case.
pub fn primary(tag: &str) -> String {
    tag.split(['-', '_'])
        .next()
        .unwrap_or_default()
        .to_ascii_lowercase()
}

/// "Polish" for "pl" or "pl-PL"; the tag itself when the name is not known.
pub fn name_of(tag: &str) -> String {
    let primary = primary(tag);
    NAMES
        .iter()
        .find(|(code, _)| *code == primary)
        .map_or_else(|| tag.to_string(), |(_, name)| (*name).to_string())
}

/// A cell's word in `language`: the translation tagged exactly so, else one in the same language
/// ("pl" for "pl-PL"). Never made up: `None` when there is none.
pub fn translation<'a>(
    translations: &'a BTreeMap<String, String>,
    language: &str,
) -> Option<&'a str> {
    let wanted = language.replace('_', "-").to_ascii_lowercase();
    let same = |tag: &String| tag.replace('_', "-").to_ascii_lowercase() == wanted;
    translations
        .iter()
        .find(|(tag, _)| same(tag))
        .or_else(|| {
            translations
                .iter()
                .find(|(tag, _)| primary(tag) == primary(language))
        })
        .map(|(_, word)| word.as_str())
        .filter(|word| !word.trim().is_empty())
}

/// Why `tag` is not a language tag, in the worker's words.
pub fn check_tag(tag: &str) -> Result<(), String> {
    let parts_ok = tag.split('-').all(|part| {
        (1..=8).contains(&part.len()) && part.chars().all(|c| c.is_ascii_alphanumeric())
    });
    let first = tag.split('-').next().unwrap_or_default();
    if parts_ok && (2..=3).contains(&first.len()) && first.chars().all(|c| c.is_ascii_alphabetic())
    {
        Ok(())
    } else {
        Err(format!(
            "\"{tag}\" is not a language tag: give it as two or three letters, such as pl for \
             Polish or ur for Urdu"
        ))
    }
}

/// The word a cell shows, as the child's settings say: its own word, its word in the home
/// language (its own where it has none), or both ("juice / sok").
pub fn shown_word(
    word: &str,
    translations: &BTreeMap<String, String>,
    home: Option<&str>,
    labels: super::child_settings::LabelLanguage,
) -> String {
    use super::child_settings::LabelLanguage;
    let translated = home.and_then(|language| translation(translations, language));
    match (labels, translated) {
        (LabelLanguage::Home, Some(home_word)) => home_word.to_string(),
        (LabelLanguage::Both, Some(home_word)) if home_word != word => {
            format!("{word} / {home_word}")
        }
        _ => word.to_string(),
    }
}
