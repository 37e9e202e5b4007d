//! The names of the keys a switch can be: those of Bevy's `KeyCode` that a switch interface, a
//! keyboard or a keyguard's big keys send (docs/access.md, "Switch scanning"), and the short
//! forms a worker types for them.

/// Keys that are neither a letter, a digit nor a function key.
const NAMED: [&str; 27] = [
    "Space",
    "Enter",
    "NumpadEnter",
    "Tab",
    "Backspace",
    "Escape",
    "ArrowUp",
    "ArrowDown",
    "ArrowLeft",
    "ArrowRight",
    "PageUp",
    "PageDown",
    "Home",
    "End",
    "Insert",
    "Delete",
    "ShiftLeft",
    "ShiftRight",
    "ControlLeft",
    "ControlRight",
    "AltLeft",
    "AltRight",
    "MediaPlayPause",
    "MediaTrackNext",
    "MediaTrackPrevious",
    "AudioVolumeUp",
    "AudioVolumeDown",
];

/// Every key name a switch can be, as Bevy spells it: "Space", "Digit1", "KeyA", "Numpad5",
/// "F8", ...
pub fn all_key_names() -> Vec<String> {
    let mut all: Vec<String> = NAMED.iter().map(|n| n.to_string()).collect();
    for digit in '0'..='9' {
        all.push(format!("Digit{digit}"));
        all.push(format!("Numpad{digit}"));
    }
    all.extend(('A'..='Z').map(|letter| format!("Key{letter}")));
    all.extend((1..=24).map(|n| format!("F{n}")));
    all
}

pub fn is_key_name(name: &str) -> bool {
    all_key_names().iter().any(|known| known == name)
}

/// A typed key name in Bevy's spelling: any case, and a lone letter or digit for its key
/// ("space" is "Space", "a" is "KeyA", "1" is "Digit1", "f8" is "F8").
pub fn key_name(typed: &str) -> String {
    let typed = typed.trim();
    let mut chars = typed.chars();
    if let (Some(only), None) = (chars.next(), chars.next()) {
        if only.is_ascii_digit() {
            return format!("Digit{only}");
        }
        if only.is_ascii_alphabetic() {
            return format!("Key{}", only.to_ascii_uppercase());
        }
    }
    let lower = typed.to_ascii_lowercase();
    if let Some(known) = NAMED.iter().find(|n| n.to_ascii_lowercase() == lower) {
        return (*known).to_string();
    }
    for prefix in ["Digit", "Numpad", "Key", "F"] {
        if lower.starts_with(&prefix.to_ascii_lowercase()) {
            let rest = &typed[prefix.len()..];
            return format!("{prefix}{}", rest.to_ascii_uppercase());
        }
    }
    typed.to_string()
}
