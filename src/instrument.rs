//! MicroJam's nine instruments ("sound schemes"), by the names the app and the API use.

/// Every instrument the app can play, in the order the app lists them.
pub const ALL: [&str; 9] = [
    "chirp",
    "keys",
    "drums",
    "strings",
    "quack",
    "wub",
    "pad",
    "fmlead",
    "leadguitar",
];

/// True for one of the nine known instruments (an unknown one is still shown as sent).
pub fn is_known(name: &str) -> bool {
    ALL.contains(&name)
}

/// The name to show a visitor: "fmlead" → "FM lead".
pub fn label(name: &str) -> &str {
    match name {
        "chirp" => "Chirp",
        "keys" => "Keys",
        "drums" => "Drums",
        "strings" => "Strings",
        "quack" => "Quack",
        "wub" => "Wub",
        "pad" => "Pad",
        "fmlead" => "FM lead",
        "leadguitar" => "Lead guitar",
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_and_unknown_names() {
        assert!(ALL.iter().all(|n| is_known(n)));
        assert!(!is_known("theremin"));
        assert_eq!(label("leadguitar"), "Lead guitar");
        assert_eq!(label("theremin"), "theremin");
    }
}
