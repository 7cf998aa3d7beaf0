//! A state agency's network (issue 17, "the state view"): an organization joins a state's network by a setting
//! that both the state's administrator and the organization's administrator confirm. Either side asks first
//! (its confirmation is the request), the other confirms, and either may leave. Only a membership both sides
//! confirmed lets the state see the organization's aggregates, never a person's record.

use crate::access::Principal;
use crate::org::OrgKind;
use crate::outcomes::suppression::{Cell, Figure, Link, SuppressedTable, suppress, suppress_together};
use crate::{PrincipalKind, Role};

/// The side of a membership an organization is on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Side {
    /// The state agency.
    State,
    /// The organization joining the state's network.
    Member,
}

/// Where a membership stands, from the two confirmations.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Standing {
    /// One side asked; the other has not confirmed yet.
    AwaitingConfirmationBy(Side),
    /// Both confirmed: the state sees the organization's aggregates.
    Member,
}

/// The standing of a membership row from its two confirmations; `None` when neither is set (no row).
pub fn standing(state_confirmed: bool, member_confirmed: bool) -> Option<Standing> {
    match (state_confirmed, member_confirmed) {
        (true, true) => Some(Standing::Member),
        (true, false) => Some(Standing::AwaitingConfirmationBy(Side::Member)),
        (false, true) => Some(Standing::AwaitingConfirmationBy(Side::State)),
        (false, false) => None,
    }
}

/// Which side of a membership between `mine` and `theirs` the caller's organization takes: a state agency
/// pairs with an organization that is not one, and nothing else pairs. `None`: no membership is possible.
pub fn side_of(mine: OrgKind, theirs: OrgKind) -> Option<Side> {
    match (mine == OrgKind::StateAgency, theirs == OrgKind::StateAgency) {
        (true, false) => Some(Side::State),
        (false, true) => Some(Side::Member),
        _ => None,
    }
}

/// Whether the caller may ask, confirm or leave a network membership for their organization: its
/// administrators.
pub fn may_manage_network(p: &Principal) -> bool {
    p.kind == PrincipalKind::Staff && p.role == Some(Role::Admin)
}

/// Whether the caller may read the network's aggregate reports: administrators, supervisors and analysts of a
/// state agency. They see aggregates only; their reach over person records stays that of their role in their
/// own organization, which holds no person of the network (so a network person's record is not found).
pub fn may_read_network_reports(p: &Principal, org_kind: OrgKind) -> bool {
    org_kind == OrgKind::StateAgency
        && p.kind == PrincipalKind::Staff
        && matches!(p.role, Some(Role::Admin | Role::Supervisor | Role::Analyst))
}

/// The longest region name a state records for an organization.
pub const REGION_MAX_CHARS: usize = 80;

/// A member organization's region (or county) as a state's administrator types it: trimmed, inner runs of spaces
/// made one, at most [`REGION_MAX_CHARS`] characters, no control characters; blank clears it (`None`). A name that
/// differs from one in `known` (the regions already recorded in the network) only in letter case or spacing is that
/// region, spelled as recorded — so one region stays one line of the state's table.
pub fn region(raw: &str, known: &[String]) -> Result<Option<String>, crate::text::FieldError> {
    let single = raw.split_whitespace().collect::<Vec<_>>().join(" ");
    let Some(name) = crate::text::optional_text("region", &single, REGION_MAX_CHARS)? else { return Ok(None) };
    let same = |k: &String| k.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase() == name.to_lowercase();
    Ok(Some(known.iter().find(|k| same(k)).cloned().unwrap_or(name)))
}

/// The state view's three tables of people served, suppressed together (`suppress_network`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NetworkTables {
    /// Organizations × quarters; its column totals are the network's persons per quarter.
    pub by_org: SuppressedTable,
    /// Regions × quarters, each region the sum of its organizations.
    pub by_region: SuppressedTable,
    /// Quarters × (new, continuing); its row totals are the network's persons per quarter.
    pub trend: SuppressedTable,
}

/// The equations that tie the state view's tables, in the order `[by_org, by_region, trend]`: each region's
/// cell is the sum of its organizations' cells (`region_of[o]` is organization `o`'s row in `by_region`), and
/// each quarter's persons are the same figure in all three tables. They hold because a person's record belongs
/// to one organization, so the network's persons in a quarter are the sum of its organizations' persons.
pub fn network_links(region_of: &[usize], regions: usize, quarters: usize) -> Vec<Link> {
    let (org, region, trend) = (0, 1, 2);
    let mut links = Vec::new();
    for r in 0..regions {
        for q in 0..quarters {
            let parts = (0..region_of.len())
                .filter(|&o| region_of[o] == r)
                .map(|o| Figure::Cell { table: org, row: o, col: q })
                .collect();
            links.push(Link { parts, whole: Figure::Cell { table: region, row: r, col: q } });
        }
    }
    for q in 0..quarters {
        let persons = Figure::ColumnTotal { table: org, col: q };
        links.push(Link::same(Figure::ColumnTotal { table: region, col: q }, persons));
        links.push(Link::same(Figure::RowTotal { table: trend, row: q }, persons));
    }
    links
}

/// Suppresses the state view's tables as one publication (primary and complementary suppression over all three
/// tables' equations and `network_links`), so a figure hidden in one table cannot be read from another — a
/// region with one organization repeats that organization's row, and the trend's totals are the organizations'
/// column totals. `by_org[o]` is organization `o`'s persons per quarter, `region_of[o]` its region's row;
/// `by_region` is their sum per region; `trend[q]` the network's new and continuing persons in quarter `q`.
pub fn suppress_network(by_org: &[[u64; 4]], region_of: &[usize], trend: &[[u64; 2]; 4]) -> NetworkTables {
    // An organization without a region index (a shorter `region_of`) gets a row of its own: none is dropped.
    let extra = region_of.iter().max().map_or(0, |m| m + 1);
    let region_of: Vec<usize> = (0..by_org.len()).map(|o| region_of.get(o).copied().unwrap_or(extra + o)).collect();
    let regions = region_of.iter().max().map_or(0, |m| m + 1);
    let mut by_region = vec![vec![0u64; 4]; regions];
    for (row, &r) in by_org.iter().zip(&region_of) {
        for (q, v) in row.iter().enumerate() {
            by_region[r][q] += v;
        }
    }
    let tables =
        [by_org.iter().map(|r| r.to_vec()).collect::<Vec<_>>(), by_region, trend.iter().map(|r| r.to_vec()).collect()];
    let links = network_links(&region_of, regions, 4);
    // Every link names figures of these three tables, by construction.
    match suppress_together(&tables, &links) {
        Ok(mut t) if t.len() == 3 => {
            let trend = t.pop().unwrap_or_else(|| suppress(&[]));
            let by_region = t.pop().unwrap_or_else(|| suppress(&[]));
            let by_org = t.pop().unwrap_or_else(|| suppress(&[]));
            NetworkTables { by_org, by_region, trend }
        }
        _ => {
            NetworkTables { by_org: hide_all(&tables[0]), by_region: hide_all(&tables[1]), trend: hide_all(&tables[2]) }
        }
    }
}

/// Every figure withheld (the safe side, never reached: the links are built for these tables).
fn hide_all(counts: &[Vec<u64>]) -> SuppressedTable {
    let t = suppress(counts);
    let hide = |c: &Cell| if matches!(c, Cell::FewerThan11) { Cell::FewerThan11 } else { Cell::Hidden };
    SuppressedTable {
        cells: t.cells.iter().map(|r| r.iter().map(hide).collect()).collect(),
        row_totals: t.row_totals.iter().map(hide).collect(),
        column_totals: t.column_totals.iter().map(hide).collect(),
        total: hide(&t.total),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{AccountId, OrgId};

    #[test]
    fn a_region_is_trimmed_bounded_and_spelled_as_already_recorded() {
        use crate::text::FieldError;
        let known = vec!["North Central".to_owned(), "Capitol  Region".to_owned()];
        assert_eq!(region("  Eastern   Shore ", &known), Ok(Some("Eastern Shore".into())));
        assert_eq!(region("north central", &known), Ok(Some("North Central".into())));
        assert_eq!(region(" capitol region", &known), Ok(Some("Capitol  Region".into())), "as recorded");
        assert_eq!(region("North", &known), Ok(Some("North".into())), "a prefix is another region");
        assert_eq!(region("   ", &known), Ok(None), "blank clears it");
        assert_eq!(region(&"x".repeat(REGION_MAX_CHARS), &known).map(|r| r.map(|r| r.len())), Ok(Some(80)));
        assert_eq!(region(&"x".repeat(REGION_MAX_CHARS + 1), &known), Err(FieldError::new("region", "too-long")));
        assert_eq!(region("North\u{7}", &known), Err(FieldError::new("region", "invalid-characters")));
    }

    #[test]
    fn a_membership_counts_only_when_both_sides_confirmed() {
        assert_eq!(standing(true, true), Some(Standing::Member));
        assert_eq!(standing(true, false), Some(Standing::AwaitingConfirmationBy(Side::Member)));
        assert_eq!(standing(false, true), Some(Standing::AwaitingConfirmationBy(Side::State)));
        assert_eq!(standing(false, false), None);
    }

    #[test]
    fn only_a_state_agency_and_another_kind_pair() {
        for mine in OrgKind::ALL {
            for theirs in OrgKind::ALL {
                let side = side_of(mine, theirs);
                match (mine, theirs) {
                    (OrgKind::StateAgency, OrgKind::StateAgency) => assert_eq!(side, None),
                    (OrgKind::StateAgency, _) => assert_eq!(side, Some(Side::State)),
                    (_, OrgKind::StateAgency) => assert_eq!(side, Some(Side::Member)),
                    _ => assert_eq!(side, None),
                }
            }
        }
    }

    #[test]
    fn only_a_state_agencys_report_readers_read_the_network() {
        let org = OrgId::new();
        for role in Role::ALL {
            let p = Principal::staff(AccountId::new(), org, role);
            let reader = matches!(role, Role::Admin | Role::Supervisor | Role::Analyst);
            assert_eq!(may_read_network_reports(&p, OrgKind::StateAgency), reader, "{role}");
            for kind in OrgKind::ALL.into_iter().filter(|k| *k != OrgKind::StateAgency) {
                assert!(!may_read_network_reports(&p, kind), "{role} at {kind:?}");
            }
            assert_eq!(may_manage_network(&p), role == Role::Admin);
        }
        let person = Principal {
            account: AccountId::new(),
            org,
            kind: PrincipalKind::Person,
            role: None,
            person: Some(crate::PersonId::new()),
        };
        assert!(!may_read_network_reports(&person, OrgKind::StateAgency));
        assert!(!may_manage_network(&person));
    }

    use crate::outcomes::suppression::{SUPPRESSION_THRESHOLD, derivable};
    use proptest::prelude::*;

    fn separately(by_org: &[[u64; 4]], region_of: &[usize], trend: &[[u64; 2]; 4]) -> Vec<SuppressedTable> {
        let regions = region_of.iter().max().map_or(0, |m| m + 1);
        let mut by_region = vec![vec![0u64; 4]; regions];
        for (row, &r) in by_org.iter().zip(region_of) {
            for (sum, v) in by_region[r].iter_mut().zip(row) {
                *sum += v;
            }
        }
        vec![
            suppress(&by_org.iter().map(|r| r.to_vec()).collect::<Vec<_>>()),
            suppress(&by_region),
            suppress(&trend.iter().map(|r| r.to_vec()).collect::<Vec<_>>()),
        ]
    }

    fn together(t: &NetworkTables) -> Vec<SuppressedTable> {
        vec![t.by_org.clone(), t.by_region.clone(), t.trend.clone()]
    }

    #[test]
    fn a_region_of_one_organization_no_longer_gives_a_hidden_figure_away() {
        // A and B in the North, C alone in the South. B's Q1 (5) is small; suppressing the organizations' table on
        // its own hides C's Q1 (30) and Q2 (20) as its complements, but the regions' table (no small cell) shows
        // the South's Q1 = 30 and Q2 = 20: the complements are read from the other table.
        let by_org = [[50, 12, 0, 0], [5, 40, 0, 0], [30, 20, 0, 0]];
        let region_of = [0, 0, 1];
        let trend = [[60, 25], [30, 42], [0, 0], [0, 0]];
        let links = network_links(&region_of, 2, 4);
        let apart = separately(&by_org, &region_of, &trend);
        assert_eq!(apart[0].cells[2][0], Cell::Hidden, "C's Q1 hidden in the organizations' table");
        assert_eq!(apart[1].cells[1][0], Cell::Shown(30), "…and shown as the South's Q1");
        let leaked = derivable(&apart, &links).expect("links");
        assert!(leaked.contains(&Figure::Cell { table: 0, row: 2, col: 0 }), "C's Q1 is read: {leaked:?}");

        let t = suppress_network(&by_org, &region_of, &trend);
        assert_eq!(derivable(&together(&t), &links).expect("links"), vec![]);
        assert_eq!(t.by_org.cells[1][0], Cell::FewerThan11);
        assert!(t.by_region.cells[1][0].is_suppressed(), "the South's Q1 is C's Q1: hidden with it");
    }

    #[test]
    fn the_trend_total_does_not_give_a_quarter_away() {
        // The fixture of the HTTP test: A [12, 12, 0, 0] and B [0, 11, 11, 0] in the North, C [0, 0, 20, 20] alone
        // in the South, E [0, 0, 0, 3] alone and without a region. Apart, the trend's Q1 total (12) is shown while
        // the organizations' table hid its Q1 column total, and the chain of shown totals gives E's 3 away.
        let by_org = [[12, 12, 0, 0], [0, 11, 11, 0], [0, 0, 20, 20], [0, 0, 0, 3]];
        let region_of = [0, 0, 1, 2];
        let trend = [[12, 0], [11, 12], [20, 11], [3, 20]];
        let links = network_links(&region_of, 3, 4);
        let leaked = derivable(&separately(&by_org, &region_of, &trend), &links).expect("links");
        assert!(!leaked.is_empty(), "suppressed apart, something is worked out");
        let t = suppress_network(&by_org, &region_of, &trend);
        assert_eq!(derivable(&together(&t), &links).expect("links"), vec![]);
        assert_eq!(t.by_org.cells[3][3], Cell::FewerThan11);
        assert_eq!(t.by_region.cells[2][3], Cell::FewerThan11);
        assert_eq!(t.trend.cells[3][0], Cell::FewerThan11);
    }

    #[test]
    fn a_link_to_a_figure_no_table_has_is_refused() {
        let bad = Link::same(Figure::Cell { table: 5, row: 0, col: 0 }, Figure::Total { table: 0 });
        assert!(suppress_together(&[vec![vec![20]]], &[bad]).is_err());
    }

    fn network() -> impl Strategy<Value = (Vec<[u64; 4]>, Vec<usize>, [[u64; 2]; 4])> {
        let count = prop_oneof![Just(0u64), 1u64..11, 11u64..60];
        (1usize..6)
            .prop_flat_map(move |n| {
                (
                    proptest::collection::vec(proptest::array::uniform4(count.clone()), n),
                    proptest::collection::vec(0usize..3, n),
                    proptest::array::uniform4(0u64..=100),
                )
            })
            .prop_map(|(by_org, region_of, split)| {
                // Regions numbered without gaps, in order of first appearance.
                let mut seen: Vec<usize> = Vec::new();
                let region_of: Vec<usize> = region_of
                    .iter()
                    .map(|r| match seen.iter().position(|s| s == r) {
                        Some(i) => i,
                        None => {
                            seen.push(*r);
                            seen.len() - 1
                        }
                    })
                    .collect();
                let mut trend = [[0u64; 2]; 4];
                for (q, (line, share)) in trend.iter_mut().zip(split).enumerate() {
                    let persons: u64 = by_org.iter().map(|r| r[q]).sum();
                    let new = persons * share / 100;
                    *line = [new, persons - new];
                }
                (by_org, region_of, trend)
            })
    }

    proptest! {
        #[test]
        fn no_figure_hidden_in_one_table_can_be_worked_out_from_the_three(
            (by_org, region_of, trend) in network(),
        ) {
            let t = suppress_network(&by_org, &region_of, &trend);
            let regions = region_of.iter().max().map_or(0, |m| m + 1);
            let links = network_links(&region_of, regions, 4);
            let tables = together(&t);
            prop_assert_eq!(derivable(&tables, &links).expect("links"), vec![], "{:?}", t);
            // Every count of 1–10 persons, in any table, reads "fewer than 11"; every shown figure is the count.
            for (row, cells) in by_org.iter().zip(&t.by_org.cells) {
                for (&v, &c) in row.iter().zip(cells) {
                    prop_assert_eq!(c == Cell::FewerThan11, v > 0 && v < SUPPRESSION_THRESHOLD);
                    if let Cell::Shown(n) = c { prop_assert_eq!(n, v); }
                }
            }
            for (r, cells) in t.by_region.cells.iter().enumerate().take(regions) {
                for (q, &c) in cells.iter().enumerate() {
                    let v: u64 = by_org.iter().zip(&region_of).filter(|(_, x)| **x == r).map(|(row, _)| row[q]).sum();
                    if let Cell::Shown(n) = c { prop_assert_eq!(n, v); }
                    prop_assert_eq!(c == Cell::FewerThan11, v > 0 && v < SUPPRESSION_THRESHOLD);
                }
            }
            for (line, cells) in trend.iter().zip(&t.trend.cells) {
                for (&v, &c) in line.iter().zip(cells) {
                    if let Cell::Shown(n) = c { prop_assert_eq!(n, v); }
                }
            }
        }
    }

    /// A state's network (100 organizations in 8 regions, counts from 0 to 400 with about one in six of 1–10):
    /// nothing hidden can be worked out from the three tables. It prints how long the suppression took (a figure
    /// for docs/OUTCOMES.md, not a check): `cargo test -p pathways-domain --lib -- a_network_of_100 --nocapture`.
    #[test]
    fn a_network_of_100_organizations_leaves_nothing_derivable() {
        let mut seed: u64 = 17;
        let mut next = move || {
            seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
            seed >> 33
        };
        let by_org: Vec<[u64; 4]> =
            (0..100).map(|_| [0; 4].map(|_| if next() % 6 == 0 { 1 + next() % 10 } else { next() % 400 })).collect();
        let region_of: Vec<usize> = (0..100).map(|o| o % 8).collect();
        let mut trend = [[0u64; 2]; 4];
        for (q, line) in trend.iter_mut().enumerate() {
            let persons: u64 = by_org.iter().map(|r| r[q]).sum();
            *line = [persons / 3, persons - persons / 3];
        }
        let started = std::time::Instant::now();
        let t = suppress_network(&by_org, &region_of, &trend);
        let took = started.elapsed();
        let hidden = together(&t)
            .iter()
            .flat_map(|x| x.cells.iter().flatten().copied().collect::<Vec<_>>())
            .filter(|c| *c == Cell::Hidden)
            .count();
        println!("100 organizations, 8 regions: {took:?}, {hidden} complementary cells");
        assert_eq!(derivable(&together(&t), &network_links(&region_of, 8, 4)).expect("links"), vec![]);
    }
}
