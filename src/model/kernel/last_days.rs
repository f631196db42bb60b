//! The choices of a week's last two days side by side: every (Saturday, Sunday) pair of
//! terms added up once, in chunks of `L` lanes for [`evaluate_lanes`](super::evaluate_lanes),
//! with their masks judged [`CLASSES`] at a time.

use super::lanes::{JudgedLanes, TermLanes, max};
use super::rules::{CLASSES, ClassMasks, JudgedClasses, judge_classes};
use super::{Masks, Prepared, Sums, WIDTH};
use crate::model::DayTerm;

/// The choices of the last two days of a week (Saturday and Sunday), in chunks of `L`
/// lanes, with their masks.
///
/// Which session stands where (the masks) decides the integer half of the score: counts,
/// spacing, stacked rest, violations. For each prefix of the first days the integer half
/// is worked out for every choice of the last days at once, [`CLASSES`] side by side
/// ([`LastDay::judge`]), in the order of the chunks, so that a chunk's lanes read their
/// verdicts as they lie.
#[derive(Debug, Clone, PartialEq)]
pub struct LastDay<const L: usize> {
    /// The terms, `L` to a chunk; the last chunk is padded with copies of its first term.
    pub chunks: Vec<TermLanes<L>>,
    /// The terms' masks, [`CLASSES`] to a group, in the terms' order.
    groups: Vec<ClassMasks>,
}

impl<const L: usize> LastDay<L> {
    /// A chunk never straddles two groups.
    const FITS: () = assert!(CLASSES.is_multiple_of(L), "lanes divide the classes");

    /// Every Saturday term followed by every Sunday term, side by side, Saturday by
    /// Saturday (pair `i` is Saturday `i / sundays.len()` and Sunday `i % sundays.len()`;
    /// the first five days in the prefix). Each pair's sums are the two terms' added up.
    ///
    /// # Panics
    /// When either is empty.
    #[must_use]
    pub fn pairs(saturdays: &[DayTerm], sundays: &[DayTerm]) -> Self {
        let () = Self::FITS;
        assert!(!saturdays.is_empty() && !sundays.is_empty(), "at least one term");
        let terms: Vec<LastTerm> = saturdays
            .iter()
            .flat_map(|sat| sundays.iter().map(move |sun| LastTerm::of(sat, sun)))
            .collect();
        // The last chunk is padded with copies of its first term, masks included, so that
        // a padded lane is that week again, whole: it can never outscore it.
        let padded: Vec<&LastTerm> = (0..terms.len().div_ceil(L) * L)
            .map(|i| terms.get(i).unwrap_or(&terms[i / L * L]))
            .collect();
        let chunks = padded
            .chunks(L)
            .enumerate()
            .map(|(c, chunk)| TermLanes {
                v: std::array::from_fn(|k| std::array::from_fn(|l| chunk[l].v[k])),
                inv_load: std::array::from_fn(|d| std::array::from_fn(|l| chunk[l].inv_load[d])),
                longest: std::array::from_fn(|k| std::array::from_fn(|l| chunk[l].longest[k])),
                keep: std::array::from_fn(|l| c * L + l < terms.len()),
            })
            .collect();
        let groups = padded
            .chunks(CLASSES)
            .map(|group| ClassMasks::new(&group.iter().map(|t| t.masks).collect::<Vec<_>>()))
            .collect();
        LastDay { chunks, groups }
    }

    /// Number of groups of [`CLASSES`] terms: the length [`LastDay::judge`] fills.
    #[must_use]
    pub fn groups(&self) -> usize {
        self.groups.len()
    }

    /// The integer verdict of `first_days` completed by each choice of the last days, into
    /// `out` (at least [`LastDay::groups`] long).
    #[inline(always)]
    pub fn judge(&self, prep: &Prepared, first_days: &Sums, out: &mut [JudgedClasses]) {
        for (j, group) in out.iter_mut().zip(&self.groups) {
            judge_classes(prep, first_days.masks, group, j);
        }
    }

    /// The verdicts of chunk `c`'s lanes, from what [`LastDay::judge`] wrote.
    #[inline(always)]
    #[must_use]
    pub fn lanes_of(judged: &[JudgedClasses], c: usize) -> JudgedLanes<L> {
        JudgedLanes::of(&judged[c * L / CLASSES], c * L % CLASSES)
    }
}

/// One choice of the last days: a Saturday's term and a Sunday's added up.
struct LastTerm {
    v: [f64; WIDTH],
    inv_load: [f64; 2],
    longest: [f64; 2],
    masks: Masks,
}

impl LastTerm {
    fn of(sat: &DayTerm, sun: &DayTerm) -> Self {
        LastTerm {
            v: std::array::from_fn(|k| sat.v[k] + sun.v[k]),
            inv_load: [sat.inv_load, sun.inv_load],
            longest: std::array::from_fn(|k| max(sat.longest[k], sun.longest[k])),
            masks: sat.masks.or(sun.masks),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::{Catalog, Goal, Level, Session};
    use crate::model::Judge;
    use crate::model::kernel::evaluate_lanes;

    #[test]
    fn a_padded_lane_is_its_chunks_first_week_again_masks_and_all() {
        // One Saturday and five Sundays in chunks of four: the second chunk holds one pair and
        // three copies.
        // A copy judged on other masks than its term's would score another week, and could
        // outscore every real one (bench's best reads every lane).
        let (catalog, judge) = (
            Catalog::default(),
            Judge::structural(Goal::Half, Level::Intermediate),
        );
        let term = |s: Session, day: usize| {
            let spec = catalog.spec(s);
            DayTerm::new(
                &judge,
                day,
                s,
                catalog.minutes(s, Level::Intermediate),
                spec.rpe,
                spec.zones,
            )
        };
        let last_days: Vec<DayTerm> = [
            Session::Easy,
            Session::Rest,
            Session::Tempo,
            Session::Moderate,
            Session::Long,
        ]
        .into_iter()
        .map(|s| term(s, 6))
        .collect();
        let last = LastDay::<4>::pairs(&[term(Session::Easy, 5)], &last_days);
        let prep = Prepared::new(&judge);
        let mut first_days = Sums::EMPTY;
        for (d, s) in [
            Session::Rest,
            Session::Intervals,
            Session::Easy,
            Session::Easy,
            Session::Tempo,
        ]
        .into_iter()
        .enumerate()
        {
            let spec = catalog.spec(s);
            first_days.push(
                d,
                &DayTerm::new(
                    &judge,
                    d,
                    s,
                    catalog.minutes(s, Level::Intermediate),
                    spec.rpe,
                    spec.zones,
                ),
            );
        }
        let mut judged = vec![JudgedClasses::default(); last.groups()];
        last.judge(&prep, &first_days, &mut judged);
        let chunk = &last.chunks[1];
        let core = evaluate_lanes(&prep, &first_days, chunk, &LastDay::<4>::lanes_of(&judged, 1));
        assert!(chunk.keeps(0) && !chunk.keeps(1));
        for l in 1..4 {
            assert_eq!(core.lane(l), core.lane(0), "lane {l}");
        }
    }
}
