use super::*;

fn viewport(top: f64, height: f64) -> Viewport {
    Viewport { top, height }
}

/// `cards` cards in `columns` columns of rows 100 px tall (measured) with 10 px gaps.
fn measured(columns: usize, cards: usize) -> Layout {
    let mut layout = Layout::new(columns, 1000.0, 10.0);
    layout.set_cards(cards);
    for row in 0..cards.div_ceil(columns) {
        layout.measure(row, 100.0);
    }
    layout
}

/// The mounted cards as (first, end) pairs.
fn cards(segments: &[Segment]) -> Vec<(usize, usize)> {
    segments
        .iter()
        .filter_map(|s| match s {
            Segment::Cards(r) => Some((r.start, r.end)),
            Segment::Space(_) => None,
        })
        .collect()
}

/// Every row is either mounted or stood in for by space of exactly its height.
fn total(layout: &Layout, segments: &[Segment]) -> f64 {
    let mut height = 0.0;
    for (i, segment) in segments.iter().enumerate() {
        if i > 0 {
            height += layout.gap;
        }
        height += match segment {
            Segment::Space(h) => *h,
            Segment::Cards(r) => {
                let rows = layout.row_of(r.start)..layout.row_of(r.end - 1) + 1;
                layout.span(rows)
            }
        };
    }
    height
}

#[test]
fn only_the_rows_near_the_viewport_are_mounted_and_the_rest_is_space_of_their_height() {
    let layout = measured(1, 10_000);
    let view = viewport(55_000.0, 800.0);
    let segments = layout.window(view, 1.0, &[]);
    // Rows of 110 px: the viewport shows rows 500..508; a screen above and below adds 7-8 rows each.
    assert_eq!(cards(&segments), [(492, 515)]);
    assert_eq!(segments.len(), 3);
    assert_eq!(total(&layout, &segments), layout.total_height());
    assert_eq!(layout.total_height(), 10_000.0 * 110.0 - 10.0);
}

#[test]
fn the_window_starts_at_the_top_and_whole_rows_are_mounted_in_four_columns() {
    let layout = measured(4, 30);
    let segments = layout.window(viewport(0.0, 250.0), 1.0, &[]);
    assert_eq!(
        segments,
        [Segment::Cards(0..20), Segment::Space(3.0 * 100.0 + 2.0 * 10.0)]
    );
    let end = layout.window(viewport(600.0, 250.0), 1.0, &[]);
    assert_eq!(cards(&end), [(12, 30)], "the last row is partial");
}

#[test]
fn never_more_than_the_most_mounted_cards_however_tall_the_screen() {
    let layout = measured(4, 10_000);
    let segments = layout.window(viewport(50_000.0, 20_000.0), 3.0, &[7, 9_999]);
    let mounted: usize = cards(&segments).iter().map(|(first, end)| end - first).sum();
    assert!(mounted <= MAX_MOUNTED, "{mounted} cards");
    assert!(cards(&segments).iter().any(|&(first, end)| (first..end).contains(&7)));
    assert_eq!(total(&layout, &segments), layout.total_height());
}

#[test]
fn kept_cards_stay_mounted_far_from_the_viewport_with_space_between() {
    let layout = measured(2, 1_000);
    let segments = layout.window(viewport(20_000.0, 500.0), 1.0, &[3, 999]);
    assert_eq!(cards(&segments), [(2, 4), (354, 382), (998, 1000)]);
    assert!(matches!(segments[0], Segment::Space(h) if h == 110.0 - 10.0));
    assert_eq!(total(&layout, &segments), layout.total_height());
}

#[test]
fn a_kept_card_next_to_the_window_joins_it() {
    let layout = measured(1, 100);
    let segments = layout.window(viewport(0.0, 220.0), 0.0, &[2]);
    assert_eq!(segments, [Segment::Cards(0..3), Segment::Space(layout.span(3..100))]);
}

#[test]
fn unmeasured_rows_count_as_the_last_measured_height() {
    let mut layout = Layout::new(1, 358.0, 16.0);
    layout.set_cards(5);
    assert_eq!(
        layout.total_height(),
        5.0 * (358.0 + 136.0) + 4.0 * 16.0,
        "a guess from the width"
    );
    assert!(layout.measure(0, 500.0));
    assert!(!layout.measure(0, 500.2), "sub-pixel changes are not changes");
    assert!(!layout.measure(9, 500.0), "no such row");
    assert_eq!(layout.total_height(), 5.0 * 500.0 + 4.0 * 16.0);
    assert!(layout.measure(1, 520.0));
    assert_eq!(layout.row_top(2), 500.0 + 520.0 + 32.0);
}

#[test]
fn the_anchor_is_the_card_at_the_top_and_comes_back_to_the_same_place() {
    let layout = measured(3, 90);
    let anchor = layout.anchor_at(1_150.0);
    assert_eq!(
        anchor,
        Anchor {
            index: 30,
            offset: 50.0
        }
    );
    assert_eq!(layout.top_for(anchor), 1_150.0);
    // In the gap below row 9, the anchor is still row 9, scrolled past by more than its height.
    assert_eq!(
        layout.anchor_at(1_095.0),
        Anchor {
            index: 27,
            offset: 105.0
        }
    );
    assert_eq!(
        layout.anchor_at(-40.0),
        Anchor {
            index: 0,
            offset: -40.0
        }
    );
    assert_eq!(
        layout.top_for(Anchor {
            index: 0,
            offset: -40.0
        }),
        -40.0
    );
}

#[test]
fn the_anchor_keeps_its_card_when_the_columns_change() {
    let wide = measured(4, 100);
    let anchor = wide.anchor_at(wide.row_top(5) + 20.0);
    assert_eq!(anchor.index, 20);
    let narrow = wide.resized(2, 500.0, 10.0);
    assert_eq!(narrow.columns(), 2);
    assert_eq!(narrow.cards(), 100);
    assert_eq!(
        narrow.top_for(anchor),
        narrow.row_top(10) + 20.0,
        "card 20 is on row 10 in two columns"
    );
    assert_eq!(
        wide.resized(4, 1000.2, 10.0),
        wide,
        "the same width keeps its measurements"
    );
}

#[test]
fn visible_cards_and_the_end_of_the_list() {
    let layout = measured(2, 20);
    let view = viewport(230.0, 200.0);
    assert_eq!(layout.visible(view), 4..8);
    assert!(!layout.near_end(view, 1.0));
    assert!(layout.near_end(viewport(800.0, 200.0), 1.0));
    assert!(
        Layout::new(1, 300.0, 0.0).near_end(viewport(0.0, 800.0), 1.0),
        "an empty list is at its end"
    );
}

#[test]
fn a_growing_feed_adds_rows_of_the_typical_height() {
    let mut layout = measured(2, 3);
    layout.set_cards(7);
    assert_eq!(layout.total_height(), 4.0 * 100.0 + 3.0 * 10.0);
    let segments = layout.window(viewport(0.0, 1_000.0), 1.0, &[]);
    assert_eq!(segments, [Segment::Cards(0..7)]);
}
