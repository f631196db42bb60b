//! The block search: candidate weeks from the week engine at each week's volume, the model's
//! state carried day by day, the guardrails, and a seeded beam search over the sequence.
//!
//! Why a beam: a week's own score does not depend on the weeks before it (the week model
//! judges a structure at its factor g against the runner's load), but the guardrails
//! (volume jumps, acwr, the single-run rule), the variety of hard sessions and race-day form
//! do. So each week's candidates are scored once, and the beam keeps the best partial blocks
//! by objective so far; the seeded random keys break ties between equal partial blocks,
//! which are common (many weeks score 100), so `--seed` picks among equally good blocks
//! and the same seed always picks the same one.

use rand::rngs::StdRng;
use rand::{RngExt, SeedableRng};

use super::calendar::Calendar;
use super::guardrails::RUN_WINDOW;
use super::phases::{Phase, Schedule};
use super::pool::{Pool, run_minutes};
use super::settings::{Objective, Settings, Step};
use super::weeks::{pre_race_problem, race_week_problem, tapered};
use super::{Block, BlockWeek, DayState};
use crate::catalog::Session;
use crate::dates::{self, add_days};
use crate::error::{Error, Result};
use crate::model::explain::DayOut;
use crate::model::{Filters, WeekLoads};
use crate::problem::Problem;
use crate::search::{Scorer, Search};
use crate::week::{Day, WeekSpec};

/// One candidate for one week: a structure at a factor, scored.
#[derive(Debug, Clone, PartialEq)]
struct ScoredWeek {
    factor: f64,
    sessions: [Session; 7],
    minutes: [f64; 7],
    load: [f64; 7],
    impact: [f64; 7],
    runs: [f64; 7],
    total_minutes: f64,
    total_load: f64,
    score: f64,
    /// Hard-session types, one bit per session kind (the race not counted).
    quality: u16,
}

impl ScoredWeek {
    fn new(factor: f64, loads: &WeekLoads, score: f64) -> Self {
        let sessions = loads.sessions;
        let mut quality = 0u16;
        for s in sessions {
            if s.is_quality() && s != Session::Race {
                quality |= 1 << s.index();
            }
        }
        ScoredWeek {
            factor,
            sessions,
            minutes: loads.minutes,
            load: loads.load,
            impact: std::array::from_fn(|d| sessions[d].impact() * loads.load[d]),
            runs: std::array::from_fn(|d| run_minutes(sessions[d], loads.minutes[d])),
            total_minutes: loads.minutes.iter().sum(),
            total_load: loads.load.iter().sum(),
            score,
            quality,
        }
    }

    /// Days that are not rest: a taper keeps the last build week's frequency, so these are
    /// compared across weeks.
    fn training_days(&self) -> u32 {
        self.sessions.iter().filter(|s| **s != Session::Rest).count() as u32
    }
}

/// Score `structures` at each factor and keep the best `per_week` with no violation,
/// taking first the best of each mix of hard-session types, so the beam can rotate them.
fn candidates(
    problem: &Problem,
    structures: &[[Session; 7]],
    factors: &[f64],
    per_week: usize,
    taper_peak: Option<f64>,
) -> Vec<ScoredWeek> {
    let mut out = Vec::new();
    for &g in factors {
        let tapered = taper_peak.map(|peak| tapered(problem, g, peak));
        let judge = Scorer::new(tapered.as_ref().unwrap_or(problem), g);
        let mut scored: Vec<ScoredWeek> = structures
            .iter()
            .filter_map(|s| {
                let (loads, a) = judge.assess(&WeekSpec::from_sessions(*s));
                a.violations
                    .is_empty()
                    .then(|| ScoredWeek::new(g, &loads, a.score))
            })
            .collect();
        scored.sort_by(|x, y| y.score.total_cmp(&x.score).then(x.sessions.cmp(&y.sessions)));
        let mut taken = vec![false; scored.len()];
        let mut mixes: Vec<u16> = Vec::new();
        let mut picked = 0;
        for (i, c) in scored.iter().enumerate() {
            if picked < per_week && !mixes.contains(&c.quality) {
                mixes.push(c.quality);
                taken[i] = true;
                picked += 1;
            }
        }
        for t in &mut taken {
            if picked < per_week && !*t {
                *t = true;
                picked += 1;
            }
        }
        out.extend(scored.into_iter().zip(taken).filter(|(_, t)| *t).map(|(c, _)| c));
    }
    out
}

/// A partial block.
#[derive(Debug, Clone)]
struct Node {
    objective: Objective,
    key: u64,
    path: Vec<u16>,
    fitness: f64,
    fatigue: f64,
    legs: f64,
    recent_loads: [f64; 3],
    last_build_minutes: f64,
    last_build_days: u32,
    runs: [f64; RUN_WINDOW],
    quality: u16,
    /// The last week's sessions (none before the first week).
    tail: Option<[Session; 7]>,
}

impl Node {
    /// One day on the path: the day's run joins the 30-day window the single-run rule
    /// looks back over, and its load and leg impact go through the model's filters.
    /// Returns the state at the day's end.
    fn live_day(&mut self, filters: &Filters, run: f64, load: f64, impact: f64) -> DayState {
        self.runs.copy_within(1.., 0);
        self.runs[RUN_WINDOW - 1] = run;
        self.fitness = filters.fitness.step(self.fitness, load);
        self.fatigue = filters.fatigue.step(self.fatigue, load);
        self.legs = filters.legs.step(self.legs, impact);
        DayState {
            fitness: self.fitness,
            fatigue: self.fatigue,
            legs: self.legs,
        }
    }
}

/// What one step says about a week, for the printed block.
#[derive(Debug, Clone, Copy)]
struct StepInfo {
    acwr: f64,
    days: [DayState; 7],
}

/// Everything the steps read that does not change along a path.
struct Planner<'a> {
    problem: &'a Problem,
    settings: Settings,
    schedule: Schedule,
    race_day: Option<usize>,
    filters: Filters,
}

impl Planner<'_> {
    fn root(&self, pool: &Pool) -> Node {
        let c0 = self.problem.c0();
        let legs = self.filters.legs;
        let mut runs = [0.0; RUN_WINDOW];
        for (j, r) in runs.iter_mut().enumerate() {
            // Day j of the window is (j - 30) days from the first Monday.
            *r = pool.history_runs[(j + 5) % 7];
        }
        Node {
            objective: Objective::default(),
            key: 0,
            path: Vec::new(),
            fitness: c0,
            fatigue: c0,
            // The steady state of the leg filter under a constant daily load C0.
            legs: legs.b * c0 / (1.0 - legs.a),
            recent_loads: [7.0 * c0; 3],
            last_build_minutes: self.problem.current_weekly_minutes,
            last_build_days: 0,
            runs,
            quality: 0,
            tail: None,
        }
    }

    /// Add week `k` as `cand` to `node`. `strict`: a hard guardrail refuses the week
    /// (`None`); otherwise it is counted and costed (the template's accounting).
    ///
    /// The objective's terms are added in a fixed order (guardrails on the week, the join,
    /// each day, then the week's own terms), which the helpers keep: the beam compares
    /// sums of floats, and a different order could round a tie one way or the other.
    fn step(
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
    fn charge(&self, obj: &mut Objective, strict: bool, cost: Option<f64>, over: f64) -> Option<()> {
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
    fn week_guardrails(
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
    fn cost_join(&self, tail: &[Session; 7], sessions: &[Session; 7], obj: &mut Objective) {
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
    fn live_days(
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
            legs: 0.0,
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
            days[d] = next.live_day(&self.filters, cand.runs[d], cand.load[d], cand.impact[d]);
        }
        Some(days)
    }

    /// Race-day form, from the state at the end of the day before: form as a share of
    /// fitness, costed by how far it falls outside the settings' window: the taper is
    /// there to bring the runner to the line fresh, and this is where it is judged.
    fn cost_race_form(&self, before: &Node, obj: &mut Objective) {
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
    fn cost_week(&self, node: &Node, k: usize, cand: &ScoredWeek, training_days: u32, obj: &mut Objective) {
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
/// 3 after intervals, hills and races; MODEL.md section 5). Gaps inside a week are the
/// week's own score's business.
fn join(prev: &[Session; 7], next: &[Session; 7]) -> (bool, u8) {
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

/// Factors a week may take, around its nominal one: a build week may ease 5 % (to stay
/// inside the guardrails), taper and race weeks move within their share of the peak.
/// How far a taper or race week's volume may move around its share of the peak (MODEL.md:
/// "about" 60 % and 45 %).
const TAPER_SLACK: f64 = 0.05;

pub(super) fn factor_options(schedule: &Schedule, k: usize) -> Vec<f64> {
    let f = schedule.factors[k];
    let peak = schedule.peak;
    match schedule.phases[k] {
        Phase::Build => vec![f, 0.95 * f],
        Phase::Deload => vec![f],
        // Taper and race weeks may move by TAPER_SLACK of the peak around their share.
        Phase::Taper | Phase::Race => vec![f - TAPER_SLACK * peak, f, f + TAPER_SLACK * peak],
    }
}

/// Plan a block: search the pool with the week engine, then the block. See [`plan_with_pool`].
///
/// # Errors
/// No week fits the profile, or the guardrails refuse every candidate of a week (exit 3).
pub fn plan(
    problem: &Problem,
    calendar: &Calendar,
    seed: u64,
    settings: &Settings,
    progress: &mut dyn FnMut(Step),
) -> Result<Block> {
    let pool = Pool::search(problem, &Pool::levels(problem, calendar), settings.pool)?;
    plan_with_pool(problem, &pool, calendar, seed, settings, progress)
}

/// The phases and volume factors of a block: the profile's pattern (or the level's) from
/// the runner's current volume.
pub(super) fn schedule(problem: &Problem, calendar: &Calendar) -> Schedule {
    let pattern = problem.pattern;
    let current = problem.current_weekly_minutes / problem.weekly_minutes;
    Schedule::new(pattern, calendar.weeks, calendar.race.is_some(), current)
}

/// The context of a block's steps: its schedule, the settings with the profile's
/// single-run limit, and the filters.
fn planner<'a>(problem: &'a Problem, calendar: &Calendar, settings: &Settings) -> Planner<'a> {
    let schedule = schedule(problem, calendar);
    let mut settings = *settings;
    if let Some(limit) = problem.single_run_limit {
        settings.guardrails.single_run = limit;
    }
    Planner {
        problem,
        settings,
        schedule,
        race_day: calendar.race_day(),
        filters: Filters::new(&problem.params),
    }
}

/// Each week's candidates: the pool re-scored at the week's factors, and for the race week
/// the week engine's own search of the race week.
fn week_candidates(
    ctx: &Planner<'_>,
    pool: &Pool,
    k: usize,
    race_pool: &mut Option<(Problem, Vec<[Session; 7]>)>,
) -> Result<Vec<ScoredWeek>> {
    let s = &ctx.settings;
    let factors = factor_options(&ctx.schedule, k);
    let taper_peak =
        matches!(ctx.schedule.phases[k], Phase::Taper | Phase::Race).then_some(ctx.schedule.peak);
    if ctx.schedule.phases[k] == Phase::Race {
        let day = ctx.race_day.unwrap_or(6);
        if race_pool.is_none() {
            let rp = race_week_problem(ctx.problem, day);
            let outcome = Search::new(&rp)
                .factor(ctx.schedule.factors[k])
                .top(s.pool)
                .run()?;
            let weeks = outcome.plans.iter().map(|c| c.sessions).collect();
            *race_pool = Some((rp, weeks));
        }
        if let Some((rp, weeks)) = race_pool.as_ref() {
            return Ok(candidates(
                rp,
                weeks,
                &factors,
                s.per_week,
                Some(ctx.schedule.peak),
            ));
        }
    }
    let race_next = ctx.schedule.phases.get(k + 1) == Some(&Phase::Race);
    if race_next && let Some(day) = ctx.race_day.filter(|&d| d < 2) {
        // A Monday or Tuesday race: the Sunday before it is in this week, and a long run
        // or a hard session there would sit on the race's doorstep. This week's structures
        // come from the engine with Sunday kept easy and the long run free to move.
        let p = pre_race_problem(ctx.problem, day);
        let outcome = Search::new(&p)
            .factor(ctx.schedule.factors[k])
            .top(s.pool)
            .run()?;
        let weeks: Vec<[Session; 7]> = outcome.plans.iter().map(|c| c.sessions).collect();
        return Ok(candidates(&p, &weeks, &factors, s.per_week, taper_peak));
    }
    Ok(candidates(
        ctx.problem,
        &pool.weeks,
        &factors,
        s.per_week,
        taper_peak,
    ))
}

/// Week `k` has nothing it can take: no candidate meets the profile at the week's volume
/// (`candidates` false), or the guardrails refuse every one after every partial block.
fn refused_everything(ctx: &Planner, k: usize, candidates: bool) -> Error {
    let g = &ctx.settings.guardrails;
    let week = format!(
        "week {} ({}, {:.0} minutes) of the block for problem '{}'",
        k + 1,
        ctx.schedule.phases[k].id(),
        ctx.schedule.factors[k] * ctx.problem.weekly_minutes,
        ctx.problem.name
    );
    Error::BlockRefused(if candidates {
        format!(
            "{week} has no week within its guardrails: volume at most {:+.0} % over the last build week, acwr at most {}, no run longer than {} x the longest of the previous 30 days\n  relax one of these: raise block.single_run_limit (now {}), plan more weeks before the race, or bring weekly_minutes closer to current_weekly_minutes",
            (g.volume_hard - 1.0) * 100.0,
            g.acwr_hard,
            g.single_run,
            g.single_run
        )
    } else {
        format!(
            "{week} has no week that meets the problem at that volume\n  relax the problem for it: fewer hard sessions or rest days, more available days, or no fixed sessions"
        )
    })
}

/// Plan a block from a pool the week engine has already searched (so a caller planning
/// several blocks for one profile searches once).
///
/// # Errors
/// The race week admits no week, or the guardrails refuse every candidate of a week (exit 3).
pub fn plan_with_pool(
    problem: &Problem,
    pool: &Pool,
    calendar: &Calendar,
    seed: u64,
    settings: &Settings,
    progress: &mut dyn FnMut(Step),
) -> Result<Block> {
    let ctx = planner(problem, calendar, settings);
    let mut rng = StdRng::seed_from_u64(seed);
    let mut race_pool = None;
    let mut options: Vec<Vec<ScoredWeek>> = Vec::with_capacity(calendar.weeks);
    let mut beam = vec![ctx.root(pool)];
    for k in 0..calendar.weeks {
        let cands = week_candidates(&ctx, pool, k, &mut race_pool)?;
        let mut next: Vec<Node> = Vec::with_capacity(beam.len() * cands.len());
        for node in &beam {
            // A path records candidates as u16: `per_week` times a few factors is far below
            // 2^16, and `zip` with the range keeps it so.
            for (i, c) in (0..=u16::MAX).zip(&cands) {
                if let Some((mut n, _)) = ctx.step(node, k, i, c, true) {
                    n.key = rng.random::<u64>();
                    next.push(n);
                }
            }
        }
        if next.is_empty() {
            return Err(refused_everything(&ctx, k, !cands.is_empty()));
        }
        next.sort_by(|a, b| {
            b.objective
                .total()
                .total_cmp(&a.objective.total())
                .then(a.key.cmp(&b.key))
        });
        next.truncate(ctx.settings.beam);
        beam = next;
        options.push(cands);
        progress(Step {
            done: k + 1,
            total: calendar.weeks,
        });
    }
    let best = &beam[0];
    let chosen: Vec<&ScoredWeek> = best
        .path
        .iter()
        .enumerate()
        .map(|(k, &i)| &options[k][usize::from(i)])
        .collect();
    Ok(replay(&ctx, pool, calendar, seed, &chosen, true))
}

/// Walk a chosen sequence of weeks again and lay it out as the printed block.
fn replay(
    ctx: &Planner<'_>,
    pool: &Pool,
    calendar: &Calendar,
    seed: u64,
    chosen: &[&ScoredWeek],
    strict: bool,
) -> Block {
    let mut node = ctx.root(pool);
    let mut weeks = Vec::with_capacity(chosen.len());
    let mut trace = Vec::with_capacity(7 * chosen.len());
    for (k, c) in chosen.iter().enumerate() {
        let Some((n, info)) = ctx.step(&node, k, 0, c, strict) else {
            break;
        };
        node = n;
        trace.extend_from_slice(&info.days);
        let monday = calendar.week_start(k);
        let end = info.days[6];
        weeks.push(BlockWeek {
            week: k + 1,
            phase: ctx.schedule.phases[k],
            start: monday,
            factor: c.factor,
            minutes: c.total_minutes,
            load: c.total_load,
            acwr: info.acwr,
            fitness: end.fitness,
            fatigue: end.fatigue,
            form: end.fitness - end.fatigue,
            score: c.score,
            days: Day::ALL
                .iter()
                .map(|&d| DayOut {
                    day: d,
                    date: Some(add_days(monday, dates::whole(d.index()))),
                    session: c.sessions[d.index()],
                    minutes: c.minutes[d.index()],
                    load: c.load[d.index()],
                })
                .collect(),
        });
    }
    Block {
        profile: ctx.problem.name.clone(),
        seed,
        weeks,
        calendar: *calendar,
        trace,
        objective: node.objective,
    }
}

/// The plain template: the engine's best week repeated with the nominal phase factors (the
/// race week: the engine's best race week), judged by the same objective. Hard guardrails
/// do not refuse it; they are counted in [`Objective::refused`] and costed.
///
/// # Errors
/// No week fits the race week (exit 3).
pub fn template(problem: &Problem, pool: &Pool, calendar: &Calendar, settings: &Settings) -> Result<Block> {
    let ctx = planner(problem, calendar, settings);
    let mut race_pool = None;
    let mut chosen = Vec::with_capacity(calendar.weeks);
    for k in 0..calendar.weeks {
        let f = ctx.schedule.factors[k];
        let c = if ctx.schedule.phases[k] == Phase::Race {
            week_candidates(&ctx, pool, k, &mut race_pool)?
                .into_iter()
                .filter(|c| c.factor == f)
                .max_by(|a, b| a.score.total_cmp(&b.score))
        } else {
            let tapered =
                (ctx.schedule.phases[k] == Phase::Taper).then(|| tapered(problem, f, ctx.schedule.peak));
            let scorer = Scorer::new(tapered.as_ref().unwrap_or(problem), f);
            let (loads, a) = scorer.assess(&WeekSpec::from_sessions(pool.weeks[0]));
            Some(ScoredWeek::new(f, &loads, a.score))
        };
        let Some(c) = c else {
            return Err(refused_everything(&ctx, k, false));
        };
        chosen.push(c);
    }
    let refs: Vec<&ScoredWeek> = chosen.iter().collect();
    Ok(replay(&ctx, pool, calendar, 0, &refs, false))
}
