//! The fictional performers: stage names, the colours they picked in the app, the instruments they
//! keep coming back to, how often they post, and how big their fingertips look to the touch screen.

/// One fictional MicroJam user.
#[derive(Debug, Clone, Copy)]
pub struct Performer {
    /// Stage name (never contains '/'; some have spaces, accents or '&').
    pub name: &'static str,
    /// Trace colour, `#RRGGBB` or `#RRGGBBAA` as the app writes it.
    pub colour: &'static str,
    /// Background colour, in the same form as `colour`.
    pub background: &'static str,
    /// Instruments this performer chooses most of the time.
    pub favourites: &'static [&'static str],
    /// Relative posting rate.
    pub activity: f64,
    /// Index into the touch-radius ladder of a typical touch (bigger thumbs, bigger radius).
    pub finger: usize,
}

const fn p(
    name: &'static str,
    colour: &'static str,
    background: &'static str,
    favourites: &'static [&'static str],
    activity: f64,
    finger: usize,
) -> Performer {
    Performer {
        name,
        colour,
        background,
        favourites,
        activity,
        finger,
    }
}

/// Sixteen performers, from prolific to occasional.
pub const ALL: [Performer; 16] = [
    p(
        "glitchfox",
        "#EC6B2DFF",
        "#1B1B2FFF",
        &["drums", "leadguitar", "wub"],
        3.0,
        2,
    ),
    p("Åse Nygård", "#F2C14E", "#2D1E3A", &["strings", "keys"], 2.2, 1),
    p(
        "lo-fi lemur",
        "#7FD1B9FF",
        "#22313FFF",
        &["pad", "keys", "chirp"],
        1.8,
        2,
    ),
    p("tapdancer99", "#E63946", "#F1FAEE", &["drums", "quack"], 2.0, 3),
    p("sinewave.sally", "#3A86FFFF", "#FFF8E7FF", &["fmlead", "pad"], 1.5, 1),
    p("kōhai-beats", "#FF5DA2", "#141414", &["drums", "wub", "chirp"], 1.6, 2),
    p("quackmaster", "#FFD23FFF", "#3B2F2FFF", &["quack"], 1.2, 3),
    p("neon_otter", "#39FF14", "#0B0C10", &["wub", "fmlead"], 1.3, 2),
    p(
        "zoë.loops",
        "#9B5DE5FF",
        "#F7F3FFFF",
        &["chirp", "strings", "pad"],
        1.4,
        1,
    ),
    p("pixelharp", "#00BBF9", "#1A1423", &["fmlead", "chirp", "keys"], 1.0, 0),
    p("bassoon_goon", "#4F7A3AFF", "#F2E8CFFF", &["keys", "strings"], 0.8, 3),
    p(
        "MidnightMarimba",
        "#C77DFF",
        "#10002B",
        &["keys", "strings", "pad"],
        1.1,
        1,
    ),
    p("ferrofluid", "#A8DADCFF", "#1D3557FF", &["pad", "wub"], 0.7, 2),
    p("Chloé & the Wubs", "#F15BB5", "#2B2D42", &["wub", "leadguitar"], 0.9, 2),
    p(
        "8bitbirch",
        "#1F7A70FF",
        "#FAF3DDFF",
        &["chirp", "quack", "drums"],
        0.6,
        0,
    ),
    p(
        "cassette_ghost",
        "#E0E1DD",
        "#3D405B",
        &["leadguitar", "strings"],
        0.5,
        3,
    ),
];
