//! One step of the block's beam search: a partial block (a path of weeks) extended by one
//! week, with the model's state carried day by day, the guardrails charged, where weeks
//! meet checked, and the week's own score, variety and race-day form added.

use super::DayState;
use super::guardrails::RUN_WINDOW;
use super::phases::{Phase, Schedule};
use super::pool::Pool;
use super::search::ScoredWeek;
use super::settings::{Objective, Settings};
use crate::catalog::Session;
use crate::model::Filters;
use crate::problem::Problem;

/// A partial block.
#[derive(Debug, Clone)]
pub(super) struct Node {
    pub(super) objective: Objective,
    pub(super) key: u64,
    pub(super) path: Vec<u16>,
    pub(super) fitness: f64,
    pub(super) fatigue: f64,
    pub(super) recent_loads: [f64; 3],
    pub(super) last_build_minutes: f64,
    pub(super) last_build_days: u32,
    pub(super) runs: [f64; RUN_WINDOW],
    pub(super) quality: u16,
    /// The last week's sessions (none before the first week).
    pub(super) tail: Option<[Session; 7]>,
}

impl Node {
    /// One day on the path: the day's run joins the 30-day window the single-run rule
    /// looks back over, and its load goes through the model's fitness and fatigue filters.
    /// Returns the state at the day's end.
    pub(super) fn live_day(&mut self, filters: &Filters, run: f64, load: f64) -> DayState {
        self.runs.copy_within(1.., 0);
        self.runs[RUN_WINDOW - 1] = run;
        self.fitness = filters.fitness.step(self.fitness, load);
        self.fatigue = filters.fatigue.step(self.fatigue, load);
        DayState {
            fitness: self.fitness,
            fatigue: self.fatigue,
        }
    }
}

/// What one step says about a week, for the printed block.
#[derive(Debug, Clone, Copy)]
pub(super) struct StepInfo {
    pub(super) acwr: f64,
    pub(super) days: [DayState; 7],
}

/// Everything the steps read that does not change along a path.
pub(super) struct Planner<'a> {
    pub(super) problem: &'a Problem,
    pub(super) settings: Settings,
    pub(super) schedule: Schedule,
    pub(super) race_day: Option<usize>,
    pub(super) filters: Filters,
}

impl Planner<'_> {
    pub(super) fn root(&self, pool: &Pool) -> Node {
        let (fitness, fatigue, recent_loads, runs) = match &self.problem.recent {
            // Read from history: the real state, weeks and runs.
            Some(r) => (r.fitness, r.fatigue, r.weekly_loads, r.runs),
            None => self.assumed_start(pool),
        };
        Node {
            objective: Objective::default(),
            key: 0,
            path: Vec::new(),
            fitness,
            fatigue,
            recent_loads,
            last_build_minutes: self.problem.current_weekly_minutes,
            last_build_days: 0,
            runs,
            quality: 0,
            tail: None,
        }
    }

    /// Without history, the block starts from the runner's usual week repeated: fitness
    /// and fatigue at C0, three weeks of its load, and its runs over the 30 days.
    fn assumed_start(&self, pool: &Pool) -> (f64, f64, [f64; 3], [f64; RUN_WINDOW]) {
        // C0: the runner's usual minutes at the intensity of their usual week.
        let c0 = self.problem.current_weekly_minutes * pool.intensity / 7.0;
        // The weeks before the block are the runner's usual week, its long run the first
        // week's: the runner's recent longest run, which the progression starts from.
        let mut history = pool.history_runs;
        if let Some(first) = self.schedule.long_runs.first().copied().flatten() {
            for (d, &session) in pool.weeks[0].iter().enumerate() {
                if session.is_long() {
                    history[d] = first;
                }
            }
        }
        let mut runs = [0.0; RUN_WINDOW];
        for (j, r) in runs.iter_mut().enumerate() {
            // Day j of the window is (j - 30) days from the first Monday.
            *r = history[(j + 5) % 7];
        }
        (c0, c0, [7.0 * c0; 3], runs)
    }

    /// Add week `k` as `cand` to `node`. `strict`: a hard guardrail refuses the week
    /// (`None`); otherwise it is counted and costed (the template's accounting).
    ///
    /// The objective's terms are added in a fixed order (guardrails on the week, the join,
    /// each day, then the week's own terms), which the helpers keep: the beam compares
    /// sums of floats, and a different order could round a tie one way or the other.
    pub(super) fn step(
        &self,
        node: &Node,
        k: usize,
        index: u16,
        cand: &ScoredWeek,
        strict: bool,
    ) -> Option<(Node, StepInfo)> {
        let phase = self.schedule.phases[k];
        let mut obj = node.objective;
        let acwr = self.week_guardrails(node, cand, phase, strict, &mut obj)?;
        if let Some(tail) = &node.tail {
            self.cost_join(tail, &cand.sessions, &mut obj);
        }
        let mut next = node.clone();
        let days = self.live_days(&mut next, cand, phase, strict, &mut obj)?;
        let training_days = cand.training_days();
        self.cost_week(node, k, cand, training_days, &mut obj);
        next.objective = obj;
        next.recent_loads = [node.recent_loads[1], node.recent_loads[2], cand.total_load];
        if phase == Phase::Build {
            next.last_build_minutes = cand.total_minutes;
            next.last_build_days = training_days;
        }
        next.quality = cand.quality;
        next.tail = Some(cand.sessions);
        next.path.push(index);
        Some((next, StepInfo { acwr, days }))
    }

    /// Meet one guardrail: its soft `cost` is paid when it has one; a hard breach (`None`),
    /// `over` the soft limit by that much, refuses the week when `strict` (`None`
    /// returned, so a step can `?` it), else is counted and costed per unit over, so the
    /// template is judged by the same objective as the search instead of failing.
    pub(super) fn charge(
        &self,
        obj: &mut Objective,
        strict: bool,
        cost: Option<f64>,
        over: f64,
    ) -> Option<()> {
        match cost {
            Some(c) => obj.guardrails += c,
            None if strict => return None,
            None => {
                obj.refused += 1;
                obj.guardrails += self.settings.guardrails.cost_per_unit * over;
            }
        }
        Some(())
    }

    /// The guardrails on the week as a whole, against the path so far: its volume over the
    /// last build week's, and its load over the chronic load of the last three weeks
    /// (acwr), which only the path knows. Returns the week's acwr, or `None` when refused.
    pub(super) fn week_guardrails(
        &self,
        node: &Node,
        cand: &ScoredWeek,
        phase: Phase,
        strict: bool,
        obj: &mut Objective,
    ) -> Option<f64> {
        let g = &self.settings.guardrails;
        let ratio = cand.total_minutes / node.last_build_minutes.max(1.0);
        self.charge(obj, strict, g.volume_cost(ratio), ratio - g.volume_soft)?;
        let chronic = node.recent_loads.iter().sum::<f64>() / 3.0;
        let acwr = if chronic > 0.0 {
            cand.total_load / chronic
        } else {
            0.0
        };
        self.charge(obj, strict, g.acwr_cost(acwr, phase), acwr - g.acwr_soft)?;
        Some(acwr)
    }

    /// Each week was judged as if it repeated; the block's real sequence also has the join
    /// of two different weeks (`tail`, then `sessions`), where the same rules hold.
    pub(super) fn cost_join(&self, tail: &[Session; 7], sessions: &[Session; 7], obj: &mut Objective) {
        let (back_to_back, short) = join(tail, sessions);
        if back_to_back && !self.problem.rules.allow_back_to_back {
            // A violation, as inside a week: it costs the model's violation penalty.
            obj.joins += self.problem.params.violation_penalty;
        }
        obj.joins += self.settings.join * f64::from(short);
    }

    /// Live the week's days on `next`: each day's run against the single-run guardrail
    /// (which looks back 30 days, across weeks), race-day form on the race's morning, then
    /// the day's load through the model's filters. Returns the state at each day's end,
    /// or `None` when a run is refused.
    pub(super) fn live_days(
        &self,
        next: &mut Node,
        cand: &ScoredWeek,
        phase: Phase,
        strict: bool,
        obj: &mut Objective,
    ) -> Option<[DayState; 7]> {
        let g = &self.settings.guardrails;
        let mut days = [DayState {
            fitness: 0.0,
            fatigue: 0.0,
        }; 7];
        for d in 0..7 {
            let longest = next.runs.iter().copied().fold(0.0, f64::max);
            let racing = phase == Phase::Race && self.race_day == Some(d);
            if !racing && cand.runs[d] > 0.0 && !g.run_allowed(cand.runs[d], longest) {
                let over = cand.runs[d] / longest.max(1.0) - g.single_run;
                self.charge(obj, strict, None, over)?;
            }
            if racing {
                self.cost_race_form(next, obj);
            }
            days[d] = next.live_day(&self.filters, cand.runs[d], cand.load[d]);
        }
        Some(days)
    }

    /// Race-day form, from the state at the end of the day before: form as a share of
    /// fitness, costed by how far it falls outside the settings' window: the taper is
    /// there to bring the runner to the line fresh, and this is where it is judged.
    pub(super) fn cost_race_form(&self, before: &Node, obj: &mut Objective) {
        let form = before.fitness - before.fatigue;
        let share = if before.fitness > 0.0 {
            form / before.fitness
        } else {
            0.0
        };
        let (lo, hi) = self.settings.form_window;
        let outside = (lo - share).max(0.0) + (share - hi).max(0.0);
        obj.form_share = Some(share);
        obj.race_form = self.settings.form_cost * outside;
    }

    /// The week's own terms: its score, its distance from the phase's nominal volume,
    /// hard-session types the week before did not have (variety), and in a taper the
    /// training days dropped since the last build week (a taper keeps frequency).
    pub(super) fn cost_week(
        &self,
        node: &Node,
        k: usize,
        cand: &ScoredWeek,
        training_days: u32,
        obj: &mut Objective,
    ) {
        obj.scores += cand.score;
        let nominal = self.schedule.factors[k];
        obj.off_plan += self.settings.off_plan * (cand.factor / nominal - 1.0).abs();
        if k > 0 && cand.quality != 0 {
            let fresh = (cand.quality & !node.quality).count_ones();
            obj.variety += self.settings.variety * f64::from(fresh) / f64::from(cand.quality.count_ones());
        }
        if self.schedule.phases[k] == Phase::Taper {
            let fewer = node.last_build_days.saturating_sub(training_days);
            obj.off_plan += self.settings.frequency * f64::from(fewer);
        }
    }
}

/// Where one week meets the next: whether quality sessions stand on both sides of the join
/// (Sunday, then Monday), and how many days the key sessions of the first week are short of
/// the rest they need when their next key session is in the second week (at least 2 days,
/// 3 after intervals, hills and races; docs/model.md section 6). Gaps inside a week are the
/// week's own score's business.
pub(super) fn join(prev: &[Session; 7], next: &[Session; 7]) -> (bool, u8) {
    let back_to_back = prev[6].is_quality() && next[0].is_quality();
    let day = |j: usize| if j < 7 { prev[j] } else { next[j - 7] };
    let mut short = 0;
    for d in (0..7).filter(|&d| prev[d].is_key()) {
        if let Some(j) = (d + 1..14).find(|&j| day(j).is_key())
            && j >= 7
        {
            let need = prev[d].gap_days();
            short += need.saturating_sub((j - d) as u8);
        }
    }
    (back_to_back, short)
}
