//! Small-cell suppression for every published table of counts of persons.
//!
//! **Primary**: a count of 1 to 10 persons is never shown; it reads "fewer than 11". The threshold is CMS's
//! cell-size suppression policy (CMS, "Cell Size Suppression Policy", 2020: no cell of 1 to 10 beneficiaries
//! may be displayed, nor a figure from which one can be derived), the practice SAMHSA follows in its public
//! releases of client-level data and the rule the issue sets. A zero is shown (it is nobody).
//!
//! **Complementary**: a table is published with its row totals, column totals and grand total, and every one
//! of those is a linear equation (a row's cells add up to its total …). A suppressed figure must not be
//! derivable from the shown ones: after primary suppression, while any suppressed figure is determined by the
//! equations (its unit vector lies in the row space of the system over the suppressed figures — checked
//! exactly by rank, not only "one blank per line"), one more figure is hidden: on a line where a suppressed
//! figure is the only blank (a primary one first), the smallest shown figure of that line (a positive one
//! before a zero; between equals, an inner cell before a total); when a figure is given away only by combining
//! lines, the smallest shown figure on any of its lines. Hidden figures read "not shown". The loop only ever
//! hides more, so it ends.

use serde::Serialize;

/// Counts below this many persons (and above zero) are not shown.
pub const SUPPRESSION_THRESHOLD: u64 = 11;

/// One published figure.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "status", content = "value", rename_all = "snake_case")]
pub enum Cell {
    Shown(u64),
    /// 1 to 10 persons (primary suppression).
    FewerThan11,
    /// Hidden so that a suppressed figure cannot be worked out from the totals (complementary suppression).
    Hidden,
}

impl Cell {
    pub fn shown(self) -> Option<u64> {
        match self {
            Cell::Shown(n) => Some(n),
            _ => None,
        }
    }

    pub fn is_suppressed(self) -> bool {
        !matches!(self, Cell::Shown(_))
    }
}

/// A table of counts with its totals, as published.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct SuppressedTable {
    pub cells: Vec<Vec<Cell>>,
    pub row_totals: Vec<Cell>,
    pub column_totals: Vec<Cell>,
    pub total: Cell,
}

/// Where a figure sits: inner cells first (row-major), then row totals, column totals, the grand total.
struct Layout {
    rows: usize,
    cols: usize,
}

impl Layout {
    fn inner(&self, i: usize, j: usize) -> usize {
        i * self.cols + j
    }
    fn row_total(&self, i: usize) -> usize {
        self.rows * self.cols + i
    }
    fn col_total(&self, j: usize) -> usize {
        self.rows * self.cols + self.rows + j
    }
    fn grand(&self) -> usize {
        self.rows * self.cols + self.rows + self.cols
    }
    fn len(&self) -> usize {
        self.grand() + 1
    }
    fn is_total(&self, k: usize) -> bool {
        k >= self.rows * self.cols
    }
    /// The equations, each as (figure, coefficient) pairs summing to zero.
    fn equations(&self) -> Vec<Vec<(usize, f64)>> {
        let mut eqs = Vec::new();
        for i in 0..self.rows {
            let mut e: Vec<_> = (0..self.cols).map(|j| (self.inner(i, j), 1.0)).collect();
            e.push((self.row_total(i), -1.0));
            eqs.push(e);
        }
        for j in 0..self.cols {
            let mut e: Vec<_> = (0..self.rows).map(|i| (self.inner(i, j), 1.0)).collect();
            e.push((self.col_total(j), -1.0));
            eqs.push(e);
        }
        let mut e: Vec<_> = (0..self.rows).map(|i| (self.row_total(i), 1.0)).collect();
        e.push((self.grand(), -1.0));
        eqs.push(e);
        let mut e: Vec<_> = (0..self.cols).map(|j| (self.col_total(j), 1.0)).collect();
        e.push((self.grand(), -1.0));
        eqs.push(e);
        eqs
    }
}

/// The suppressed figures (indices into `suppressed`) that the equations determine from the shown ones: one
/// reduction of the system over the suppressed figures to reduced row echelon form; a suppressed figure is
/// determined when it is a pivot whose row has no free figure left (every solution gives it the same value).
fn determined(eqs: &[Vec<(usize, f64)>], suppressed: &[bool]) -> Vec<usize> {
    const EPS: f64 = 1e-9;
    let unknowns: Vec<usize> = (0..suppressed.len()).filter(|&k| suppressed[k]).collect();
    if unknowns.is_empty() {
        return Vec::new();
    }
    let mut col_of = vec![usize::MAX; suppressed.len()];
    for (p, &u) in unknowns.iter().enumerate() {
        col_of[u] = p;
    }
    let n = unknowns.len();
    let mut m: Vec<Vec<f64>> = eqs
        .iter()
        .map(|e| {
            let mut row = vec![0.0; n];
            for &(k, c) in e {
                if let Some(&p) = col_of.get(k).filter(|&&p| p != usize::MAX) {
                    row[p] += c;
                }
            }
            row
        })
        .filter(|row| row.iter().any(|x| x.abs() > EPS))
        .collect();
    let mut pivots: Vec<usize> = Vec::new();
    let mut r = 0;
    for c in 0..n {
        if r == m.len() {
            break;
        }
        // Partial pivoting: the largest entry of the column keeps the arithmetic stable.
        let Some(p) =
            (r..m.len()).filter(|&i| m[i][c].abs() > EPS).max_by(|&a, &b| m[a][c].abs().total_cmp(&m[b][c].abs()))
        else {
            continue;
        };
        m.swap(r, p);
        let pivot = m[r][c];
        for x in m[r].iter_mut() {
            *x /= pivot;
        }
        let pivot_row = m[r].clone();
        for (i, row) in m.iter_mut().enumerate() {
            if i != r && row[c].abs() > EPS {
                let f = row[c];
                for (x, p) in row.iter_mut().zip(&pivot_row).skip(c) {
                    *x -= f * p;
                }
            }
        }
        pivots.push(c);
        r += 1;
    }
    let mut is_pivot = vec![false; n];
    for &c in &pivots {
        is_pivot[c] = true;
    }
    let mut found: Vec<usize> = pivots
        .iter()
        .enumerate()
        .filter(|&(i, _)| (0..n).all(|f| is_pivot[f] || m[i][f].abs() <= EPS))
        .map(|(_, &c)| unknowns[c])
        .collect();
    found.sort_unstable();
    found
}

/// Primary and complementary suppression over any system of figures: `value` the figures, `is_total` whether
/// each is a total (an inner cell is hidden before a total), `eqs` the equations (each a list of (figure,
/// coefficient) summing to zero). Returns (primary, suppressed).
fn protect(value: &[u64], is_total: &[bool], eqs: &[Vec<(usize, f64)>]) -> (Vec<bool>, Vec<bool>) {
    let primary: Vec<bool> = value.iter().map(|&v| v > 0 && v < SUPPRESSION_THRESHOLD).collect();
    let mut suppressed = primary.clone();
    loop {
        // A figure that is the only blank on a line of the system is given away by that line alone, so it is
        // among those `determined` would find; the pick below takes such a figure first (primary ones first,
        // lowest first). Found by counting each line's blanks, the same pick is made without reducing the whole
        // system — which a network's table (a hundred organizations) would otherwise do for every blank added.
        // The reduction runs only when no line has a single blank: to find a figure given away by combining
        // lines, or to see that none is left.
        let mut lone: Vec<usize> = eqs
            .iter()
            .filter_map(|e| {
                let mut blanks = e.iter().filter(|&&(m, _)| suppressed[m]);
                let &(first, _) = blanks.next()?;
                let alone = blanks.all(|&(m, _)| m == first);
                // (A figure on both sides of a line cancels out of it: that line gives nothing away.)
                let weight: f64 = e.iter().filter(|&&(m, _)| m == first).map(|&(_, c)| c).sum();
                (alone && weight.abs() > 1e-9).then_some(first)
            })
            .collect();
        lone.sort_unstable();
        lone.dedup();
        let found = if lone.is_empty() { determined(eqs, &suppressed) } else { lone };
        if found.is_empty() {
            break;
        }
        let partner = partner(&found, &primary, &suppressed, value, is_total, eqs);
        match partner {
            Some(m) => suppressed[m] = true,
            None => break,
        }
    }
    (primary, suppressed)
}

/// The next figure to hide, given the figures `found` to be given away: a figure an equation gives away on its
/// own (the only blank on its line), primary ones first — the second blank goes on that line; otherwise (given
/// away only by combining lines) on any line of the first found. On a line, the smallest figure that is not a
/// zero, an inner cell before a total; `None` when every figure is hidden.
fn partner(
    found: &[usize],
    primary: &[bool],
    suppressed: &[bool],
    value: &[u64],
    is_total: &[bool],
    eqs: &[Vec<(usize, f64)>],
) -> Option<usize> {
    let alone = |k: usize| {
        eqs.iter()
            .find(|e| e.iter().filter(|&&(m, _)| suppressed[m]).all(|&(m, _)| m == k) && e.iter().any(|&(m, _)| m == k))
    };
    let pick = found.iter().filter(|&&k| primary[k]).chain(found.iter()).find_map(|&k| alone(k));
    let rank_of = |m: usize| (value[m] == 0, value[m], is_total[m], m);
    match pick {
        Some(e) => e.iter().map(|&(m, _)| m).filter(|&m| !suppressed[m]).min_by_key(|&m| rank_of(m)),
        None => {
            let k = found[0];
            eqs.iter()
                .filter(|e| e.iter().any(|&(m, _)| m == k))
                .flat_map(|e| e.iter().map(|&(m, _)| m))
                .filter(|&m| !suppressed[m])
                .min_by_key(|&m| rank_of(m))
        }
    }
    .or_else(|| (0..value.len()).filter(|&m| !suppressed[m]).min_by_key(|&m| rank_of(m)))
}

fn publish(l: &Layout, at: usize, primary: &[bool], suppressed: &[bool], value: &[u64]) -> SuppressedTable {
    let cell = |k: usize| {
        let k = at + k;
        if primary[k] {
            Cell::FewerThan11
        } else if suppressed[k] {
            Cell::Hidden
        } else {
            Cell::Shown(value[k])
        }
    };
    SuppressedTable {
        cells: (0..l.rows).map(|i| (0..l.cols).map(|j| cell(l.inner(i, j))).collect()).collect(),
        row_totals: (0..l.rows).map(|i| cell(l.row_total(i))).collect(),
        column_totals: (0..l.cols).map(|j| cell(l.col_total(j))).collect(),
        total: cell(l.grand()),
    }
}

/// The figures of a table with its totals, laid out as `Layout` says.
fn figures(counts: &[Vec<u64>]) -> (Layout, Vec<u64>) {
    let rows = counts.len();
    let cols = counts.first().map_or(0, Vec::len);
    let l = Layout { rows, cols };
    let mut value = vec![0u64; l.len()];
    for (i, row) in counts.iter().enumerate() {
        for j in 0..cols {
            let v = row.get(j).copied().unwrap_or(0);
            value[l.inner(i, j)] = v;
            value[l.row_total(i)] += v;
            value[l.col_total(j)] += v;
            value[l.grand()] += v;
        }
    }
    (l, value)
}

/// Publishes a table of counts of persons (rows × columns) with its row, column and grand totals, suppressing
/// primary and complementary figures as the module describes. Rows must be equally long.
pub fn suppress(counts: &[Vec<u64>]) -> SuppressedTable {
    let (l, value) = figures(counts);
    let is_total: Vec<bool> = (0..l.len()).map(|k| l.is_total(k)).collect();
    let (primary, suppressed) = protect(&value, &is_total, &l.equations());
    publish(&l, 0, &primary, &suppressed, &value)
}

// --- Tables published together ---

/// A figure of one of several tables published together (`table` indexes the tables as given).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Figure {
    Cell { table: usize, row: usize, col: usize },
    RowTotal { table: usize, row: usize },
    ColumnTotal { table: usize, col: usize },
    Total { table: usize },
}

/// An equation between tables published together: the figures of `parts` add up to `whole` (a region's count is
/// the sum of its organizations' counts; two tables' totals are the same persons …).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Link {
    pub parts: Vec<Figure>,
    pub whole: Figure,
}

impl Link {
    /// `a` and `b` are the same figure.
    pub fn same(a: Figure, b: Figure) -> Link {
        Link { parts: vec![a], whole: b }
    }
}

/// A link names a figure that none of the tables has.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NoSuchFigure(pub Figure);

/// The figures of several tables in one numbering: each table's figures after the previous table's.
struct Joint {
    layouts: Vec<Layout>,
    at: Vec<usize>,
}

impl Joint {
    fn new(shapes: impl IntoIterator<Item = (usize, usize)>) -> Joint {
        let layouts: Vec<Layout> = shapes.into_iter().map(|(rows, cols)| Layout { rows, cols }).collect();
        let mut at = Vec::with_capacity(layouts.len());
        let mut next = 0;
        for l in &layouts {
            at.push(next);
            next += l.len();
        }
        Joint { layouts, at }
    }

    fn len(&self) -> usize {
        self.layouts.last().map_or(0, |l| self.at[self.at.len() - 1] + l.len())
    }

    fn index(&self, f: Figure) -> Result<usize, NoSuchFigure> {
        let table = match f {
            Figure::Cell { table, .. }
            | Figure::RowTotal { table, .. }
            | Figure::ColumnTotal { table, .. }
            | Figure::Total { table } => table,
        };
        let l = self.layouts.get(table).ok_or(NoSuchFigure(f))?;
        let k = match f {
            Figure::Cell { row, col, .. } if row < l.rows && col < l.cols => l.inner(row, col),
            Figure::RowTotal { row, .. } if row < l.rows => l.row_total(row),
            Figure::ColumnTotal { col, .. } if col < l.cols => l.col_total(col),
            Figure::Total { .. } => l.grand(),
            _ => return Err(NoSuchFigure(f)),
        };
        Ok(self.at[table] + k)
    }

    fn is_total(&self) -> Vec<bool> {
        self.layouts.iter().flat_map(|l| (0..l.len()).map(|k| l.is_total(k))).collect()
    }

    /// Every table's own equations, then one per link.
    fn equations(&self, links: &[Link]) -> Result<Vec<Vec<(usize, f64)>>, NoSuchFigure> {
        let mut eqs: Vec<Vec<(usize, f64)>> = Vec::new();
        for (l, &at) in self.layouts.iter().zip(&self.at) {
            eqs.extend(l.equations().into_iter().map(|e| e.into_iter().map(|(k, c)| (at + k, c)).collect()));
        }
        for link in links {
            let mut e = Vec::with_capacity(link.parts.len() + 1);
            for &f in &link.parts {
                e.push((self.index(f)?, 1.0));
            }
            e.push((self.index(link.whole)?, -1.0));
            eqs.push(e);
        }
        Ok(eqs)
    }

    fn figure(&self, k: usize) -> Option<Figure> {
        let table = self.at.iter().rposition(|&a| a <= k)?;
        let l = &self.layouts[table];
        let k = k - self.at[table];
        let inner = l.rows * l.cols;
        Some(if k < inner {
            Figure::Cell { table, row: k / l.cols, col: k % l.cols }
        } else if k < inner + l.rows {
            Figure::RowTotal { table, row: k - inner }
        } else if k < inner + l.rows + l.cols {
            Figure::ColumnTotal { table, col: k - inner - l.rows }
        } else {
            Figure::Total { table }
        })
    }
}

/// Publishes several tables of counts of persons that are shown together (on one page, in one file), each with
/// its totals, and `links` the equations that tie them (a region's row is the sum of its organizations' rows …).
/// Suppression runs over one system of all the tables' equations and the links, so no suppressed figure can be
/// worked out from the figures shown in any of the tables together — not only within each.
pub fn suppress_together(tables: &[Vec<Vec<u64>>], links: &[Link]) -> Result<Vec<SuppressedTable>, NoSuchFigure> {
    let parts: Vec<(Layout, Vec<u64>)> = tables.iter().map(|t| figures(t)).collect();
    let joint = Joint::new(parts.iter().map(|(l, _)| (l.rows, l.cols)));
    let eqs = joint.equations(links)?;
    let value: Vec<u64> = parts.iter().flat_map(|(_, v)| v.iter().copied()).collect();
    let (primary, suppressed) = protect(&value, &joint.is_total(), &eqs);
    Ok(parts.iter().zip(&joint.at).map(|((l, _), &at)| publish(l, at, &primary, &suppressed, &value)).collect())
}

/// What a reader of `tables`, published together and tied by `links`, can work out: every suppressed figure
/// whose value follows from the shown ones (each table treated as published with all its totals). Empty for
/// whatever `suppress_together` publishes; tests and audits use it to check any set of published tables.
pub fn derivable(tables: &[SuppressedTable], links: &[Link]) -> Result<Vec<Figure>, NoSuchFigure> {
    let joint = Joint::new(tables.iter().map(|t| (t.cells.len(), t.column_totals.len())));
    let eqs = joint.equations(links)?;
    let flags: Vec<bool> = tables
        .iter()
        .flat_map(|t| {
            t.cells
                .iter()
                .flatten()
                .chain(&t.row_totals)
                .chain(&t.column_totals)
                .chain(std::iter::once(&t.total))
                .map(|c| c.is_suppressed())
        })
        .collect();
    if flags.len() != joint.len() {
        // Rows of unequal length: no figure can be placed; treat the first one as unplaceable.
        return Err(NoSuchFigure(Figure::Total { table: 0 }));
    }
    Ok(determined(&eqs, &flags).into_iter().filter_map(|k| joint.figure(k)).collect())
}

/// A single count on its own (no totals to derive it from): shown, or "fewer than 11".
pub fn suppress_one(n: u64) -> Cell {
    if n > 0 && n < SUPPRESSION_THRESHOLD { Cell::FewerThan11 } else { Cell::Shown(n) }
}

#[cfg(test)]
mod tests {
    use super::*;
    use Cell::*;
    use proptest::prelude::*;

    fn flags(t: &SuppressedTable) -> Vec<bool> {
        let mut f: Vec<bool> = t.cells.iter().flatten().map(|c| c.is_suppressed()).collect();
        f.extend(t.row_totals.iter().map(|c| c.is_suppressed()));
        f.extend(t.column_totals.iter().map(|c| c.is_suppressed()));
        f.push(t.total.is_suppressed());
        f
    }

    fn nothing_derivable(t: &SuppressedTable) -> bool {
        let l = Layout { rows: t.cells.len(), cols: t.column_totals.len() };
        determined(&l.equations(), &flags(t)).is_empty()
    }

    #[test]
    fn a_table_of_large_counts_is_shown_whole() {
        let t = suppress(&[vec![20, 30], vec![40, 50]]);
        assert_eq!(t.cells, vec![vec![Shown(20), Shown(30)], vec![Shown(40), Shown(50)]]);
        assert_eq!(t.row_totals, vec![Shown(50), Shown(90)]);
        assert_eq!(t.column_totals, vec![Shown(60), Shown(80)]);
        assert_eq!(t.total, Shown(140));
    }

    #[test]
    fn zero_is_shown_and_ten_is_not_and_eleven_is() {
        assert_eq!(suppress_one(0), Shown(0));
        assert_eq!(suppress_one(10), FewerThan11);
        assert_eq!(suppress_one(1), FewerThan11);
        assert_eq!(suppress_one(11), Shown(11));
    }

    #[test]
    fn a_row_with_one_small_cell_gets_a_second_one_hidden() {
        // Row 0: 5 could be worked out as 65 − 25 − 35; the smallest other cell of its row or column goes too.
        let t = suppress(&[vec![5, 25, 35], vec![40, 50, 60]]);
        assert_eq!(t.cells[0][0], FewerThan11);
        // Row 0 and column 0 each need a second blank; the rank check then needs a rectangle.
        assert!(t.cells[0].iter().filter(|c| c.is_suppressed()).count() >= 2);
        assert!(t.cells.iter().filter(|r| r[0].is_suppressed()).count() >= 2);
        assert!(nothing_derivable(&t));
        assert_eq!(t.total, Shown(215));
    }

    #[test]
    fn a_one_row_table_with_its_total_hides_a_second_cell() {
        // Quarters of one year: 12, 7, 30, 40; total 89. 7 = 89 − 12 − 30 − 40 unless another goes.
        let t = suppress(&[vec![12, 7, 30, 40]]);
        assert_eq!(t.cells[0], vec![Hidden, FewerThan11, Shown(30), Shown(40)]);
        assert_eq!(t.row_totals[0], Shown(89));
        // Column totals equal the cells in a one-row table: they are hidden with them.
        assert_eq!(t.column_totals, vec![Hidden, FewerThan11, Shown(30), Shown(40)]);
        assert!(nothing_derivable(&t));
    }

    #[test]
    fn a_small_total_is_suppressed_and_protected() {
        // Row 1 adds up to 9: its total is suppressed, and with it a cell, or it would be 9 = 4 + 5 shown...
        // both cells are below 11 anyway; the grand total then must not give the row total away.
        let t = suppress(&[vec![30, 40], vec![4, 5]]);
        assert_eq!(t.row_totals[1], FewerThan11);
        assert_eq!(t.cells[1], vec![FewerThan11, FewerThan11]);
        assert!(nothing_derivable(&t));
        // The grand total 79 minus the shown row total 70 would give 9: something more is hidden.
        assert!(t.total.is_suppressed() || t.row_totals[0].is_suppressed());
    }

    #[test]
    fn a_rectangle_of_blanks_is_not_enough_when_a_line_sum_pins_one() {
        // Two small cells in one column and in different rows: rows 0 and 1 and column 0 each get a second blank.
        let t = suppress(&[vec![3, 50, 60], vec![4, 70, 80], vec![90, 100, 110]]);
        assert!(nothing_derivable(&t));
        for (i, row) in t.cells.iter().enumerate() {
            let n = row.iter().filter(|c| c.is_suppressed()).count();
            assert!(n == 0 || n >= 2, "row {i}: {row:?}");
        }
    }

    #[test]
    fn an_empty_table_is_empty() {
        let t = suppress(&[]);
        assert!(t.cells.is_empty());
        assert_eq!(t.total, Shown(0));
    }

    #[test]
    fn tables_without_links_are_each_suppressed_as_alone() {
        let a = vec![vec![5, 25, 35], vec![40, 50, 60]];
        let b = vec![vec![12, 7, 30, 40]];
        let t = suppress_together(&[a.clone(), b.clone()], &[]).expect("no links");
        assert_eq!(t, vec![suppress(&a), suppress(&b)]);
        assert_eq!(derivable(&t, &[]).expect("no links"), vec![]);
    }

    #[test]
    fn a_link_makes_a_figure_shown_in_one_table_hide_in_the_other() {
        // Table 1 repeats row 0 of table 0. Apart, table 1 (no small cell) shows 30, which table 0 hid.
        let a = vec![vec![5, 30], vec![40, 50]];
        let b = vec![vec![30, 12]];
        let link = Link::same(Figure::Cell { table: 0, row: 0, col: 1 }, Figure::Cell { table: 1, row: 0, col: 0 });
        let apart = vec![suppress(&a), suppress(&b)];
        assert_eq!(apart[0].cells[0][1], Hidden);
        assert_eq!(apart[1].cells[0][0], Shown(30));
        let leaked = derivable(&apart, std::slice::from_ref(&link)).expect("link");
        assert!(leaked.contains(&Figure::Cell { table: 0, row: 0, col: 0 }), "the 5 is worked out: {leaked:?}");
        let t = suppress_together(&[a, b], std::slice::from_ref(&link)).expect("link");
        assert!(t[1].cells[0][0].is_suppressed());
        assert_eq!(derivable(&t, &[link]).expect("link"), vec![]);
    }

    /// `protect` as first written: the whole system reduced for every blank added. The fast path must make the
    /// same choices.
    fn protect_by_reduction(value: &[u64], is_total: &[bool], eqs: &[Vec<(usize, f64)>]) -> (Vec<bool>, Vec<bool>) {
        let primary: Vec<bool> = value.iter().map(|&v| v > 0 && v < SUPPRESSION_THRESHOLD).collect();
        let mut suppressed = primary.clone();
        loop {
            let found = determined(eqs, &suppressed);
            if found.is_empty() {
                break;
            }
            let partner = partner(&found, &primary, &suppressed, value, is_total, eqs);
            match partner {
                Some(m) => suppressed[m] = true,
                None => break,
            }
        }
        (primary, suppressed)
    }

    proptest! {
        /// The fast path suppresses exactly what reducing the system for every blank suppressed: on tables of up
        /// to 30 rows (a network's organizations) and on two tables tied by a link.
        #[test]
        fn the_fast_path_suppresses_what_the_full_reduction_does(
            table in (1usize..30, 1usize..6).prop_flat_map(|(r, c)| proptest::collection::vec(
                proptest::collection::vec(prop_oneof![0u64..3, 1u64..11, 11u64..200], c), r)),
        ) {
            let (l, value) = figures(&table);
            let is_total: Vec<bool> = (0..l.len()).map(|k| l.is_total(k)).collect();
            let eqs = l.equations();
            prop_assert_eq!(protect(&value, &is_total, &eqs), protect_by_reduction(&value, &is_total, &eqs));
        }

        #[test]
        fn the_fast_path_matches_on_linked_tables(
            a in proptest::collection::vec(proptest::collection::vec(prop_oneof![0u64..3, 1u64..11, 11u64..60], 3), 2..8),
        ) {
            // The second table is the first's rows summed in pairs (a region of two organizations).
            let b: Vec<Vec<u64>> = a.chunks(2).map(|p| (0..3).map(|j| p.iter().map(|r| r[j]).sum()).collect()).collect();
            let links: Vec<Link> = (0..b.len())
                .flat_map(|i| {
                    let a_len = a.len();
                    (0..3).map(move |j| Link {
                        parts: (2 * i..(2 * i + 2).min(a_len)).map(|r| Figure::Cell { table: 0, row: r, col: j }).collect(),
                        whole: Figure::Cell { table: 1, row: i, col: j },
                    })
                })
                .collect();
            let parts: Vec<(Layout, Vec<u64>)> = [a.clone(), b].iter().map(|t| figures(t)).collect();
            let joint = Joint::new(parts.iter().map(|(l, _)| (l.rows, l.cols)));
            let eqs = joint.equations(&links).expect("figures");
            let value: Vec<u64> = parts.iter().flat_map(|(_, v)| v.iter().copied()).collect();
            let is_total = joint.is_total();
            prop_assert_eq!(protect(&value, &is_total, &eqs), protect_by_reduction(&value, &is_total, &eqs));
        }
    }

    proptest! {
        #[test]
        fn no_suppressed_figure_can_be_derived(
            table in (1usize..5, 1usize..5).prop_flat_map(|(r, c)| proptest::collection::vec(
                proptest::collection::vec(prop_oneof![0u64..3, 1u64..11, 11u64..200], c), r)),
        ) {
            let t = suppress(&table);
            // Every count of 1–10 persons reads "fewer than 11"; nothing else does.
            for (i, row) in table.iter().enumerate() {
                for (j, &v) in row.iter().enumerate() {
                    prop_assert_eq!(t.cells[i][j] == FewerThan11, v > 0 && v < SUPPRESSION_THRESHOLD);
                    if let Shown(n) = t.cells[i][j] { prop_assert_eq!(n, v); }
                }
            }
            // No line has exactly one blank, and no blank is pinned by any combination of lines.
            let l = Layout { rows: t.cells.len(), cols: t.column_totals.len() };
            let f = flags(&t);
            for e in l.equations() {
                let blanks = e.iter().filter(|&&(k, _)| f[k]).count();
                prop_assert!(blanks != 1, "an equation with one blank: {:?}", t);
            }
            prop_assert!(nothing_derivable(&t), "{:?}", t);
        }
    }
}

#[cfg(test)]
mod a_report_table {
    use super::Cell::*;

    #[test]
    fn a_small_cell_gets_a_rectangle_not_a_cascade() {
        // Quarters × (new, continuing): Q2 new is 5. Row Q2 gives it away (17 − 12): Q2 continuing (12) goes;
        // column "new" still gives it away (37 − 12 − 20 − 0): Q1 new (12) goes; column "continuing" then gives
        // Q2 continuing away (47 − 15 − 0 − 20): Q1 continuing (15) goes. Four blanks in a rectangle; all totals shown.
        let t = super::suppress(&[vec![12, 15], vec![5, 12], vec![20, 0], vec![0, 20]]);
        assert_eq!(
            t.cells,
            vec![vec![Hidden, Hidden], vec![FewerThan11, Hidden], vec![Shown(20), Shown(0)], vec![Shown(0), Shown(20)]]
        );
        assert_eq!(t.row_totals, vec![Shown(27), Shown(17), Shown(20), Shown(20)]);
        assert_eq!(t.column_totals, vec![Shown(37), Shown(47)]);
        assert_eq!(t.total, Shown(84));
    }
}
