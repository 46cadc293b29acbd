//! What the pages say about a jam: who played, its titles, accessible labels, counts. Each is
//! worded here once, for every page and component that shows it.

use crate::chain::Jam;

/// The performers of a jam's other layers, newest first, each once, without the leaf's performer.
pub fn with_performers(jam: &Jam) -> Vec<String> {
    let leaf = &jam.leaf().performer;
    let mut names: Vec<String> = Vec::new();
    for layer in &jam.layers[1..] {
        if &layer.performer != leaf && !names.contains(&layer.performer) {
            names.push(layer.performer.clone());
        }
    }
    names
}

/// What goes before the `i`th of `count` names in a list: "", ", " or " and ".
pub fn list_separator(i: usize, count: usize) -> &'static str {
    match count - i {
        _ if i == 0 => "",
        1 => " and ",
        _ => ", ",
    }
}

/// The accessible name of a jam's Play button: "Play jam by alice".
pub fn play_label(performer: &str) -> String {
    format!("Play jam by {performer}")
}

/// The same button's while the sound engine loads: "Loading jam by alice".
pub fn loading_label(performer: &str) -> String {
    format!("Loading jam by {performer}")
}

/// "alice", "alice and bob", "alice, bob and carol".
pub fn list(names: &[String]) -> String {
    match names {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

/// The accessible name of a jam's picture, e.g. "Touch trace of a drums performance by alice,
/// 34 touches" or "… by alice with bob and carol, 3 layers, 120 touches".
pub fn trace_label(jam: &Jam) -> String {
    let leaf = jam.leaf();
    let touches: usize = jam.layers.iter().map(|l| l.touches.len()).sum();
    let instrument = leaf.instrument.label().to_ascii_lowercase();
    let others = with_performers(jam);
    let with = if others.is_empty() {
        String::new()
    } else {
        format!(" with {}", list(&others))
    };
    let layers = if jam.layers.len() > 1 {
        format!(", {} layers", jam.layers.len())
    } else {
        String::new()
    };
    format!(
        "Touch trace of a {instrument} performance by {}{with}{layers}, {}",
        leaf.performer,
        plural(touches, "touch", "touches")
    )
}

/// The jam named after its newest layer as `what` it is: "Drums jam by alice".
fn named(jam: &Jam, what: &str) -> String {
    let leaf = jam.leaf();
    format!("{} {what} by {}", leaf.instrument.label(), leaf.performer)
}

/// What the now-playing bar calls a jam: "Drums jam by alice".
pub fn jam_title(jam: &Jam) -> String {
    named(jam, "jam")
}

/// A card's accessible name: "Drums jam by alice", "… by alice with bob and carol".
pub fn card_label(jam: &Jam) -> String {
    let others = with_performers(jam);
    if others.is_empty() {
        jam_title(jam)
    } else {
        format!("{} with {}", jam_title(jam), list(&others))
    }
}

/// The accessible name of a card's Open link: "Open the Drums jam by alice".
pub fn open_label(jam: &Jam) -> String {
    format!("Open the {}", jam_title(jam))
}

/// The title of a performance's page: "Drums performance by alice", or "… jam by …" with layers.
pub fn page_title(jam: &Jam) -> String {
    named(jam, if jam.layers.len() > 1 { "jam" } else { "performance" })
}

/// The title of a kept take: "Drums take by alice", or "… reply by …" with the layers it answers.
pub fn take_title(jam: &Jam) -> String {
    named(jam, if jam.layers.len() > 1 { "reply" } else { "take" })
}

/// The jam a reply answers, as the stage names it: "Drums by alice".
pub fn answered_title(jam: &Jam) -> String {
    let leaf = jam.leaf();
    format!("{} by {}", leaf.instrument.label(), leaf.performer)
}

/// "1 touch", "2 touches".
pub fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_separators_word_a_list_as_list_does() {
        let names: Vec<String> = ["alice", "bob", "carol", "dave"].map(String::from).to_vec();
        for count in 1..=names.len() {
            let joined: String = (0..count)
                .map(|i| format!("{}{}", list_separator(i, count), names[i]))
                .collect();
            assert_eq!(joined, list(&names[..count]));
        }
    }
    use crate::chain::{ChainEnd, Jam};
    use crate::performance::Performance;
    use crate::touches::Touch;
    use std::sync::Arc;

    fn layer(performer: &str, instrument: &str, touches: usize) -> Arc<Performance> {
        let t = Touch {
            time: 0.0,
            x: 0.5,
            y: 0.5,
            z: 20.0,
            moving: false,
        };
        Arc::new(Performance::new(
            &format!("{performer}-{instrument}"),
            performer,
            instrument,
            None,
            vec![t; touches],
        ))
    }

    fn jam(layers: Vec<Arc<Performance>>) -> Jam {
        Jam {
            layers,
            end: ChainEnd::Root,
        }
    }

    #[test]
    fn a_single_performance() {
        let j = jam(vec![layer("alice", "drums", 34)]);
        assert_eq!(
            trace_label(&j),
            "Touch trace of a drums performance by alice, 34 touches"
        );
        assert!(with_performers(&j).is_empty());
    }

    #[test]
    fn a_jam_names_each_other_performer_once() {
        let j = jam(vec![
            layer("alice", "fmlead", 10),
            layer("bob", "keys", 1),
            layer("alice", "pad", 5),
            layer("bob", "wub", 4),
        ]);
        assert_eq!(with_performers(&j), ["bob"]);
        assert_eq!(
            trace_label(&j),
            "Touch trace of a fm lead performance by alice with bob, 4 layers, 20 touches"
        );
        let j = jam(vec![
            layer("a", "chirp", 1),
            layer("b", "chirp", 0),
            layer("c", "chirp", 0),
        ]);
        assert_eq!(
            trace_label(&j),
            "Touch trace of a chirp performance by a with b and c, 3 layers, 1 touch"
        );
    }

    #[test]
    fn titles_and_labels_name_the_newest_layer() {
        let solo = jam(vec![layer("alice", "fmlead", 3)]);
        let layered = jam(vec![
            layer("alice", "drums", 1),
            layer("bob", "keys", 1),
            layer("carol", "theremin", 1),
        ]);
        assert_eq!(jam_title(&solo), "FM lead jam by alice");
        assert_eq!(card_label(&solo), "FM lead jam by alice");
        assert_eq!(card_label(&layered), "Drums jam by alice with bob and carol");
        assert_eq!(open_label(&layered), "Open the Drums jam by alice");
        assert_eq!(page_title(&solo), "FM lead performance by alice");
        assert_eq!(page_title(&layered), "Drums jam by alice");
        assert_eq!(take_title(&solo), "FM lead take by alice");
        assert_eq!(take_title(&layered), "Drums reply by alice");
        assert_eq!(answered_title(&layered), "Drums by alice");
        let unknown = jam(vec![layer("dave", "theremin", 1)]);
        assert_eq!(jam_title(&unknown), "theremin jam by dave");
    }

    #[test]
    fn lists_read_naturally() {
        let names = |n: &[&str]| n.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(list(&names(&[])), "");
        assert_eq!(list(&names(&["a"])), "a");
        assert_eq!(list(&names(&["a", "b"])), "a and b");
        assert_eq!(list(&names(&["a", "b", "c"])), "a, b and c");
    }
}
