//! The stage's keyboard cursor: arrow keys move it (Shift for larger steps), Space or Enter taps
//! where it is, and moving it while holding the key drags. Positions are in the unit square.

/// A small step, and the step with Shift (fractions of the stage's side).
pub const STEP: f64 = 0.02;
pub const BIG_STEP: f64 = 0.1;

/// What a key does on the stage.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum KeyAction {
    /// The cursor moved here.
    Move(f64, f64),
    /// Space or Enter went down: a touch at the cursor.
    Press,
    /// Space or Enter came up.
    Release,
    /// Not a stage key: left to the browser.
    None,
}

/// The action of `key` (a `KeyboardEvent.key`) going down (`down`) or up with the cursor at (x, y).
pub fn action(key: &str, down: bool, shift: bool, (x, y): (f64, f64)) -> KeyAction {
    let step = if shift { BIG_STEP } else { STEP };
    let to = |dx: f64, dy: f64| KeyAction::Move((x + dx).clamp(0.0, 1.0), (y + dy).clamp(0.0, 1.0));
    match (key, down) {
        ("ArrowLeft", true) => to(-step, 0.0),
        ("ArrowRight", true) => to(step, 0.0),
        ("ArrowUp", true) => to(0.0, -step),
        ("ArrowDown", true) => to(0.0, step),
        (" " | "Enter", true) => KeyAction::Press,
        (" " | "Enter", false) => KeyAction::Release,
        _ => KeyAction::None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arrows_move_and_stop_at_the_edges() {
        assert_eq!(
            action("ArrowRight", true, false, (0.5, 0.5)),
            KeyAction::Move(0.52, 0.5)
        );
        assert_eq!(action("ArrowUp", true, true, (0.5, 0.5)), KeyAction::Move(0.5, 0.4));
        assert_eq!(action("ArrowLeft", true, true, (0.05, 0.5)), KeyAction::Move(0.0, 0.5));
        assert_eq!(action("ArrowDown", true, false, (0.3, 0.99)), KeyAction::Move(0.3, 1.0));
        assert_eq!(action("ArrowDown", false, false, (0.3, 0.5)), KeyAction::None);
    }

    #[test]
    fn space_and_enter_press_and_release() {
        assert_eq!(action(" ", true, false, (0.5, 0.5)), KeyAction::Press);
        assert_eq!(action("Enter", false, false, (0.5, 0.5)), KeyAction::Release);
        assert_eq!(action("Tab", true, false, (0.5, 0.5)), KeyAction::None);
        assert_eq!(action("a", true, false, (0.5, 0.5)), KeyAction::None);
    }
}
