//! Which cards of a long feed are mounted. The cards flow in rows of `columns`; rows that were
//! mounted at this width keep their measured height, the others count as the typical height. The
//! window is the rows within a few screens of the viewport, plus the rows of cards that must stay
//! (the focused one and its neighbours, the playing one); everything else is empty space of the
//! same height, so the scrollbar and the scroll position stay honest. An anchor (which card is at
//! the top of the viewport, and how far it is scrolled past) survives a change of width or a trip
//! to another page.

use std::ops::Range;

/// The most cards mounted at once, however long the feed and however tall the screen.
pub const MAX_MOUNTED: usize = 200;

/// The part of the list the visitor sees: `top` is the distance from the top of the list to the top
/// of the viewport (negative while the list starts below it), `height` the viewport's height.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Viewport {
    pub top: f64,
    pub height: f64,
}

/// A stretch of the list: empty space standing in for rows, or the cards `Range` (whole rows).
#[derive(Debug, Clone, PartialEq)]
pub enum Segment {
    Space(f64),
    Cards(Range<usize>),
}

/// The card at the top of the viewport and how many pixels of it are scrolled past (negative when
/// its top is below the viewport's top, e.g. at the top of the page).
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Anchor {
    pub index: usize,
    pub offset: f64,
}

/// The list's geometry at one width.
#[derive(Debug, Clone, PartialEq)]
pub struct Layout {
    columns: usize,
    width: f64,
    gap: f64,
    cards: usize,
    /// Measured row heights; `None` for rows never mounted at this width.
    rows: Vec<Option<f64>>,
    /// The height of a row that was never measured: the last measured, or a guess from the width.
    typical: f64,
}

impl Layout {
    /// A list `width` pixels wide in `columns` columns with `gap` between rows and columns.
    pub fn new(columns: usize, width: f64, gap: f64) -> Layout {
        let columns = columns.max(1);
        let column = ((width - gap * (columns - 1) as f64) / columns as f64).max(0.0);
        Layout {
            columns,
            width,
            gap,
            cards: 0,
            rows: Vec::new(),
            // A square picture and about 136 px of text and buttons, until a row is measured.
            typical: column + 136.0,
        }
    }

    /// The same list at another width: the heights measured at the old one no longer hold.
    pub fn resized(&self, columns: usize, width: f64, gap: f64) -> Layout {
        if columns.max(1) == self.columns && (width - self.width).abs() < 0.5 && gap == self.gap {
            return self.clone();
        }
        let mut layout = Layout::new(columns, width, gap);
        layout.set_cards(self.cards);
        layout
    }

    pub fn columns(&self) -> usize {
        self.columns
    }

    pub fn width(&self) -> f64 {
        self.width
    }

    #[cfg(test)]
    pub fn cards(&self) -> usize {
        self.cards
    }

    /// The feed now holds `cards` cards (it only grows while a feed is shown).
    pub fn set_cards(&mut self, cards: usize) {
        self.cards = cards;
        self.rows.resize(cards.div_ceil(self.columns), None);
    }

    /// Records that `row` measured `height`; true if that changes the layout.
    pub fn measure(&mut self, row: usize, height: f64) -> bool {
        let Some(slot) = self.rows.get_mut(row) else {
            return false;
        };
        if height <= 0.0 || slot.is_some_and(|h| (h - height).abs() < 0.5) {
            return false;
        }
        *slot = Some(height);
        self.typical = height;
        true
    }

    pub fn row_of(&self, card: usize) -> usize {
        card / self.columns
    }

    fn height(&self, row: usize) -> f64 {
        self.rows.get(row).copied().flatten().unwrap_or(self.typical)
    }

    /// The distance from the top of the list to the top of `row`.
    pub fn row_top(&self, row: usize) -> f64 {
        (0..row.min(self.rows.len())).map(|r| self.height(r) + self.gap).sum()
    }

    /// The height of the whole list.
    pub fn total_height(&self) -> f64 {
        let rows = self.rows.len();
        (0..rows).map(|r| self.height(r)).sum::<f64>() + self.gap * rows.saturating_sub(1) as f64
    }

    /// The rows that `from..to` (pixels from the top of the list) touches.
    fn rows_between(&self, from: f64, to: f64) -> Range<usize> {
        let (mut first, mut last, mut top) = (None, 0, 0.0);
        for row in 0..self.rows.len() {
            let bottom = top + self.height(row);
            if bottom > from && top < to {
                first.get_or_insert(row);
                last = row + 1;
            }
            if top >= to {
                break;
            }
            top = bottom + self.gap;
        }
        first.map_or(0..0, |first| first..last)
    }

    /// The cards that are (partly) in `view`.
    pub fn visible(&self, view: Viewport) -> Range<usize> {
        self.cards_of(self.rows_between(view.top, view.top + view.height))
    }

    fn cards_of(&self, rows: Range<usize>) -> Range<usize> {
        (rows.start * self.columns).min(self.cards)..(rows.end * self.columns).min(self.cards)
    }

    /// The list as mounted cards and spaces: the rows within `screens` viewport heights above and
    /// below `view` (at most `MAX_MOUNTED` cards, nearest the viewport first), and the rows of the
    /// cards in `keep`, which stay mounted wherever they are.
    pub fn window(&self, view: Viewport, screens: f64, keep: &[usize]) -> Vec<Segment> {
        let margin = view.height.max(1.0) * screens;
        let mut near = self.rows_between(view.top - margin, view.top + view.height + margin);
        let most_rows = (MAX_MOUNTED / self.columns).saturating_sub(keep.len()).max(1);
        while near.len() > most_rows {
            // Trim the side farther from the viewport's middle.
            let middle = view.top + view.height / 2.0;
            let above = middle - self.row_top(near.start);
            let below = self.row_top(near.end - 1) + self.height(near.end - 1) - middle;
            if above > below {
                near.start += 1;
            } else {
                near.end -= 1;
            }
        }
        let mut mounted: Vec<Range<usize>> = keep
            .iter()
            .filter(|&&card| card < self.cards)
            .map(|&card| self.row_of(card)..self.row_of(card) + 1)
            .collect();
        mounted.push(near);
        mounted.retain(|r| !r.is_empty());
        mounted.sort_by_key(|r| r.start);
        let mut segments = Vec::new();
        let mut next_row = 0;
        for rows in mounted {
            let start = rows.start.max(next_row);
            if start >= rows.end {
                continue;
            }
            if start > next_row {
                segments.push(Segment::Space(self.span(next_row..start)));
            }
            match segments.last_mut() {
                Some(Segment::Cards(cards)) if cards.end == start * self.columns => {
                    cards.end = self.cards_of(rows.clone()).end;
                }
                _ => segments.push(Segment::Cards(self.cards_of(start..rows.end))),
            }
            next_row = rows.end;
        }
        if next_row < self.rows.len() {
            segments.push(Segment::Space(self.span(next_row..self.rows.len())));
        }
        segments
    }

    /// The height of `rows` laid out together (the gaps between them, not around them).
    fn span(&self, rows: Range<usize>) -> f64 {
        let count = rows.len();
        rows.map(|r| self.height(r)).sum::<f64>() + self.gap * count.saturating_sub(1) as f64
    }

    /// Whether the end of the list is within `screens` viewport heights below `view`.
    pub fn near_end(&self, view: Viewport, screens: f64) -> bool {
        self.total_height() - (view.top + view.height) < view.height * screens
    }

    /// The anchor of a viewport whose top is at `top`: the first card of the row there (or of the
    /// row after the gap there).
    pub fn anchor_at(&self, top: f64) -> Anchor {
        let mut row_top = 0.0;
        for row in 0..self.rows.len() {
            let next = row_top + self.height(row) + self.gap;
            if next > top || row + 1 == self.rows.len() {
                return Anchor {
                    index: row * self.columns,
                    offset: top - row_top,
                };
            }
            row_top = next;
        }
        Anchor { index: 0, offset: top }
    }

    /// Where the viewport's top goes so that `anchor` is where it was.
    pub fn top_for(&self, anchor: Anchor) -> f64 {
        if self.cards == 0 {
            return anchor.offset.min(0.0);
        }
        self.row_top(self.row_of(anchor.index.min(self.cards - 1))) + anchor.offset
    }
}

#[cfg(test)]
mod tests;
