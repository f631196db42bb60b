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
use super::phases::{Phase, Schedule};
use super::planner::{Node, Planner};
use super::pool::{Pool, run_minutes};
use super::settings::{Settings, Step};
use super::weeks::{pre_race_problem, race_week_problem, tapered};
use super::{Block, BlockWeek};
use crate::catalog::Session;
use crate::dates::{self, add_days};
use crate::error::{Error, Result};
use crate::minutes::long_run_minutes;
use crate::model::LongRunRule;
use crate::model::explain::DayOut;
use crate::model::{Filters, WeekLoads};
use crate::problem::Problem;
use crate::search::{Scorer, Search};
use crate::week::{Day, DaySpec, WeekSpec};

/// One candidate for one week: a structure at a factor, scored.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct ScoredWeek {
    pub(super) factor: f64,
    pub(super) sessions: [Session; 7],
    pub(super) minutes: [f64; 7],
    pub(super) load: [f64; 7],
    pub(super) runs: [f64; 7],
    pub(super) total_minutes: f64,
    pub(super) total_load: f64,
    pub(super) score: f64,
    /// Hard-session types, one bit per session kind (the race not counted).
    pub(super) quality: u16,
    /// The long run's minutes (the longest, 0 without one).
    pub(super) long_run: f64,
    /// For a deload or taper week, the index of the build week it scales in the week
    /// before's candidates: the week may only follow that one.
    pub(super) parent: Option<u16>,
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
            runs: std::array::from_fn(|d| run_minutes(sessions[d], loads.minutes[d])),
            total_minutes: loads.minutes.iter().sum(),
            total_load: loads.load.iter().sum(),
            score,
            quality,
            long_run: (0..7)
                .filter(|&d| sessions[d].is_long())
                .map(|d| loads.minutes[d])
                .fold(0.0, f64::max),
            parent: None,
        }
    }

    /// Days that are not rest: a taper keeps the last build week's frequency, so these are
    /// compared across weeks.
    pub(super) fn training_days(&self) -> u32 {
        self.sessions.iter().filter(|s| **s != Session::Rest).count() as u32
    }
}

/// The scorer of a week at factor `g` whose long run the block plans: the minutes rule
/// gives the long run `long` minutes, and the long run's share cap is raised to its share.
fn block_scorer(problem: &Problem, g: f64, long: Option<f64>) -> Scorer {
    let mut scorer = Scorer::new(problem, g);
    if let Some(long) = long {
        scorer.rule.long_run = Some(long);
        scorer.judge.long_share_floor = long / (g * problem.weekly_minutes);
    }
    scorer
}

/// Score `structures` at each factor and keep the best `per_week` with no violation,
/// taking first the best of each mix of hard-session types, so the beam can rotate them.
fn candidates(
    problem: &Problem,
    structures: &[[Session; 7]],
    factors: &[f64],
    per_week: usize,
    (taper_peak, long): (Option<f64>, Option<f64>),
) -> Vec<ScoredWeek> {
    let mut out = Vec::new();
    for &g in factors {
        let tapered = taper_peak.map(|peak| tapered(problem, g, peak));
        let judge = block_scorer(tapered.as_ref().unwrap_or(problem), g, long);
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

/// Factors a week may take, around its nominal one: a build week may ease 5 % (to stay
/// inside the guardrails), taper and race weeks move within their share of the peak.
/// How far a taper or race week's volume may move around its share of the peak (docs/model.md:
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
    let mut schedule = Schedule::new(pattern, calendar.weeks, calendar.race.is_some(), current);
    // The race week's 45 % of the peak is the running besides the race: a marathon of
    // 225 minutes would take a whole 45 % week by itself (Pfitzinger's race weeks run
    // about 45 % of the peak's miles before the race).
    if let Some(last) = schedule.phases.len().checked_sub(1)
        && schedule.phases[last] == Phase::Race
    {
        let race = problem.catalog.race_minutes(problem.goal, problem.level);
        schedule.factors[last] += race / problem.weekly_minutes;
    }
    schedule.long_runs = long_runs(problem, &schedule);
    schedule
}

/// Most of a build week its planned long run may take: the progression stops there for a
/// runner whose weekly volume is small for the goal's peak long run (a reading of ours:
/// docs/model.md, "Blocks").
const LONG_RUN_MAX_SHARE: f64 = 0.45;

/// The long run of each build week (docs/model.md, "Blocks"): the first week's is the
/// minutes rule's at its volume (the runner's recent longest run); each next build week's
/// rises by at most 10 % over the longest run of the previous 30 days (the four weeks
/// before), towards the goal's peak for the level (Frandsen 2025), never past 45 % of its
/// week nor the cap of a fixed long-run day. Deload and taper weeks scale their build
/// week, the long run included, so they plan none of their own.
fn long_runs(problem: &Problem, schedule: &Schedule) -> Vec<Option<f64>> {
    let weeks = schedule.phases.len();
    let rules = &problem.rules;
    if rules.long_run == LongRunRule::Never {
        return vec![None; weeks];
    }
    let (_, peak) = problem.goal.long_run_range(problem.level);
    let day_cap = match rules.long_run {
        LongRunRule::On(day) => rules.caps[day.index()].unwrap_or(f64::INFINITY),
        _ => f64::INFINITY,
    };
    let running_days = rules.running_days();
    let mut planned = vec![None; weeks];
    // The long run each week runs, for the 30-day window.
    let mut ran = vec![0.0; weeks];
    let mut last_build: Option<(f64, f64)> = None;
    for k in 0..weeks {
        let g = schedule.factors[k];
        let weekly = g * problem.weekly_minutes;
        match schedule.phases[k] {
            Phase::Build => {
                let rule = long_run_minutes(problem.goal, problem.level, weekly, running_days);
                let long = if last_build.is_none() {
                    // The first week keeps the runner's recent longest run, when history
                    // gives it, within the goal's peak and the week's share.
                    match problem.recent.map(|r| r.longest_run()).filter(|&l| l > 0.0) {
                        Some(longest) => longest.min(peak).min(rule.max(LONG_RUN_MAX_SHARE * weekly)),
                        None => rule,
                    }
                } else {
                    let recent = ran[k.saturating_sub(4)..k].iter().copied().fold(0.0, f64::max);
                    (1.10 * recent)
                        .min(peak)
                        .min(rule.max(LONG_RUN_MAX_SHARE * weekly))
                }
                .min(day_cap);
                planned[k] = Some(long);
                ran[k] = long;
                last_build = Some((g, long));
            }
            Phase::Deload | Phase::Taper => {
                if let Some((gb, long)) = last_build {
                    ran[k] = long * g / gb;
                }
            }
            Phase::Race => {}
        }
    }
    planned
}

/// A deload or taper week: the week before's build candidates with every session's minutes
/// scaled to factor `g`, the long run and quality included, no run dropped and no rest day
/// added (Bosquet 2007: keep frequency and intensity, cut volume). Each keeps the index of
/// the build week it scales, which it may only follow.
fn scaled(problem: &Problem, builds: &[ScoredWeek], g: f64) -> Vec<ScoredWeek> {
    let mut out = Vec::new();
    for (i, c) in (0..=u16::MAX).zip(builds) {
        let r = g / c.factor;
        let week = WeekSpec(std::array::from_fn(|d| DaySpec {
            session: c.sessions[d],
            minutes: (c.sessions[d] != Session::Rest).then(|| c.minutes[d] * r),
        }));
        let long = (c.long_run > 0.0).then_some(c.long_run * r);
        let (loads, a) = block_scorer(problem, g, long).assess(&week);
        if a.violations.is_empty() {
            let mut w = ScoredWeek::new(g, &loads, a.score);
            w.parent = Some(i);
            out.push(w);
        }
    }
    out
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
    before: Option<&[ScoredWeek]>,
) -> Result<Vec<ScoredWeek>> {
    let s = &ctx.settings;
    let factors = factor_options(&ctx.schedule, k);
    let phase = ctx.schedule.phases[k];
    let taper_peak = matches!(phase, Phase::Taper | Phase::Race).then_some(ctx.schedule.peak);
    let long = ctx.schedule.long_runs[k];
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
                (Some(ctx.schedule.peak), None),
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
        return Ok(candidates(&p, &weeks, &factors, s.per_week, (taper_peak, long)));
    }
    if let (Phase::Deload | Phase::Taper, Some(builds)) = (phase, before)
        && builds.iter().all(|c| c.parent.is_none())
    {
        return Ok(scaled(ctx.problem, builds, ctx.schedule.factors[k]));
    }
    Ok(candidates(
        ctx.problem,
        &pool.weeks,
        &factors,
        s.per_week,
        (taper_peak, long),
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
        let before = k.checked_sub(1).map(|j| options[j].as_slice());
        let cands = week_candidates(&ctx, pool, k, &mut race_pool, before)?;
        let mut next: Vec<Node> = Vec::with_capacity(beam.len() * cands.len());
        for node in &beam {
            // A path records candidates as u16: `per_week` times a few factors is far below
            // 2^16, and `zip` with the range keeps it so.
            for (i, c) in (0..=u16::MAX).zip(&cands) {
                if c.parent.is_some() && c.parent != node.path.last().copied() {
                    continue;
                }
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
    let coach = ctx.problem.coach();
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
            long_run: c.long_run,
            load: c.total_load,
            acwr: info.acwr,
            fitness: end.fitness,
            fatigue: end.fatigue,
            form: end.fitness - end.fatigue,
            score: c.score,
            distance: None,
            days: Day::ALL
                .iter()
                .map(|&d| DayOut {
                    day: d,
                    date: Some(add_days(monday, dates::whole(d.index()))),
                    session: c.sessions[d.index()],
                    minutes: c.minutes[d.index()],
                    load: c.load[d.index()],
                    distance: None,
                    workout: None,
                    done: false,
                })
                .collect(),
        });
        if let Some(w) = weeks.last_mut() {
            w.distance = crate::model::explain::attach(&coach, &mut w.days);
        }
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
/// do not refuse it; they are counted in [`Objective::refused`](super::Objective::refused) and costed.
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
            week_candidates(&ctx, pool, k, &mut race_pool, None)?
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

#[cfg(test)]
#[path = "search_tests.rs"]
mod tests;
