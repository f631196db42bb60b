//! The Python package `weekwright`: the library's plans as dicts, for platforms that do
//! their data work in Python (Spark, Ray, Dask). Each function goes through the code the
//! command line prints its JSON from, so a dict carries exactly the keys and numbers of
//! `--format json`; bad input raises `ValueError` with the command line's message, and
//! constraints that admit no week raise `weekwright.NoWeekFits`.
//!
//! The engine runs with the GIL released, on a pool of its own per call (one thread unless
//! asked): Spark, Ray and Dask run one task a core, and a call must not take more.

mod args;
mod convert;

use pyo3::exceptions::{PyRuntimeError, PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::PyDict;
use serde::Serialize;
use serde_json::Value;
use weekwright::commands::block::calendar_of;
use weekwright::commands::score::{score_structural, score_with_profile};
use weekwright::error::Error;
use weekwright::paces::{Fitness, RaceResult, Units};
use weekwright::{Problem, Profile, WeekSpec};

pyo3::create_exception!(
    weekwright,
    NoWeekFits,
    PyValueError,
    "The profile's constraints admit no week (the command line's exit 3): the message says which constraints collide and what to relax. A ValueError, so code that handles bad input handles this too."
);

/// How a dict profile is named in messages: as a profile file named `profile` would be.
const SOURCE: &str = "profile";

/// Why the engine did not give a value.
enum Failure {
    /// What the command line would have exited with.
    Engine(Error),
    /// A panic: a bug.
    Panic(String),
}

impl From<Failure> for PyErr {
    fn from(failure: Failure) -> Self {
        match failure {
            // By exit code, as the command line decides it: 2 bad input, 3 no week fits.
            Failure::Engine(e) => match e.exit_code() {
                2 => PyValueError::new_err(e.to_string()),
                3 => NoWeekFits::new_err(e.to_string()),
                _ => PyRuntimeError::new_err(e.to_string()),
            },
            Failure::Panic(what) => PyRuntimeError::new_err(format!(
                "internal error: {what}; this is a bug, please report it with the call that raised it"
            )),
        }
    }
}

/// A library error as the exception the command line's exit code stands for.
fn raise(e: impl Into<Error>) -> PyErr {
    Failure::Engine(e.into()).into()
}

/// Run `work` on a pool of `threads` workers, and serialize what it returns as the command
/// line serializes it for `--format json`. Called with the GIL released.
fn engine<T: Serialize + Send>(
    threads: u16,
    work: impl FnOnce() -> weekwright::error::Result<T> + Send,
) -> Result<Value, Failure> {
    let pool = weekwright::commands::thread_pool(Some(threads)).map_err(Failure::Engine)?;
    let run = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| pool.install(work)));
    match run {
        Ok(Ok(doc)) => serde_json::to_value(&doc)
            .map_err(|e| Failure::Engine(Error::Internal(format!("cannot serialize the result: {e}")))),
        Ok(Err(e)) => Err(Failure::Engine(e)),
        Err(panic) => Err(Failure::Panic(
            panic
                .downcast_ref::<&str>()
                .map(ToString::to_string)
                .or_else(|| panic.downcast_ref::<String>().cloned())
                .unwrap_or_default(),
        )),
    }
}

/// A profile dict, read and checked as the command line reads a profile file: its JSON
/// text (compact, as `json.dumps(profile, separators=(",", ":"))` writes it) goes through the
/// profile file's parser, so messages are the ones a file named `profile` holding that text
/// gets, line and column included.
fn read_profile(profile: &Bound<'_, PyAny>) -> PyResult<Profile> {
    if !profile.is_instance_of::<PyDict>() {
        return Err(PyTypeError::new_err(format!(
            "profile: expected a dict with the profile file's fields, such as {{'weekly_minutes': 300}}, got {}",
            profile.get_type().name()?
        )));
    }
    let value = convert::to_json(profile, SOURCE)?;
    let text = serde_json::to_string(&value)
        .map_err(|e| raise(Error::Internal(format!("cannot write the profile as JSON: {e}"))))?;
    Profile::from_yaml(&text, SOURCE).map_err(raise)
}

/// Search every week that fits a profile and return the top plans: what
/// `weekwright generate --format json --profile FILE` prints for a file holding the
/// profile, as a dict (`profile`, `searched`, `feasible`, `plans`).
///
/// `profile` is a dict with the profile file's fields (`weekly_minutes` at least); `top` is
/// the number of plans, 1 to 100; `threads` the worker threads of this call, 1 to 256 (keep 1
/// where an engine already runs a task a core). The GIL is released while the search runs.
///
/// A `history` in the profile (paths the process can read) is read as `--history` reads
/// it, as of today (or of WEEKWRIGHT_TODAY): the plans start from the runner's real
/// minutes, and the result has a `history` part.
///
/// Raises `ValueError` with the command line's message for a bad profile or argument,
/// `weekwright.NoWeekFits` when the constraints admit no week, and `TypeError` for a profile
/// that is not a dict of JSON-like values.
#[pyfunction]
#[pyo3(signature = (profile, top=5, threads=1))]
fn generate<'py>(
    py: Python<'py>,
    profile: &Bound<'py, PyAny>,
    top: i64,
    threads: i64,
) -> PyResult<Bound<'py, PyAny>> {
    let top = args::count("top", top, args::TOP)?;
    let threads = args::count("threads", threads, args::THREADS)?;
    let profile = read_profile(profile)?;
    let value = py.detach(|| {
        engine(threads, || {
            weekwright::commands::generate::for_profile(&profile, usize::from(top))
        })
    })?;
    convert::to_python(py, &value)
}

/// Score one week and explain it: what `weekwright score --format json --week WEEK` prints,
/// as a dict (the plan object: `score`, `verdict`, `days`, `components`, ...).
///
/// `week` is a WEEK string: seven comma-separated sessions, Monday first, each `id` or
/// `id:minutes` (`"easy,intervals,easy,rest,tempo,easy,long"`), or `mon=easy,tue=...`.
/// With a `profile` (a dict, as for `generate`), the week is judged against the profile's
/// constraints, and `percentile` says where it ranks among the weeks that fit; `level` and
/// `goal` are then the profile's own. Without one, structure alone is judged, at the catalog
/// minutes of `level` (beginner, intermediate, advanced) and the targets of `goal` (5k, 10k,
/// half, marathon, general). The GIL is released while the engine works.
///
/// Raises `ValueError` with the command line's message for a bad week, profile or argument.
#[pyfunction]
#[pyo3(signature = (week, profile=None, level="intermediate", goal="half"))]
fn score<'py>(
    py: Python<'py>,
    week: &str,
    profile: Option<&Bound<'py, PyAny>>,
    level: &str,
    goal: &str,
) -> PyResult<Bound<'py, PyAny>> {
    let week: WeekSpec = week.parse().map_err(raise)?;
    let (level, goal) = (args::level(level)?, args::goal(goal)?);
    let value = match profile {
        Some(profile) => {
            args::profile_sets_level_and_goal(level, goal)?;
            let profile = read_profile(profile)?;
            py.detach(|| engine(1, || Ok(score_with_profile(&Problem::new(&profile), &week))))?
        }
        None => py.detach(|| engine(1, || Ok(score_structural(level, goal, &week))))?,
    };
    convert::to_python(py, &value)
}

/// Plan a multi-week block (build, deload, taper, race): what
/// `weekwright block --format json --profile FILE` prints with the same flags, as a dict
/// (`profile`, `seed`, `weeks`).
///
/// `weeks` is the number of weeks, 1 to 104; `start` the block's first Monday and `race` the
/// race day, each a `datetime.date` or a `"YYYY-MM-DD"` string; `seed` the search's
/// tie-break, 0 to 2**64 - 1 (None: 0). What is not given comes from the profile's `block`
/// section, then the defaults: 12 weeks from next Monday, as of today (or of the date in
/// the WEEKWRIGHT_TODAY environment variable). The GIL is released while the engine works.
///
/// Raises `ValueError` with the command line's message for a bad profile, argument or
/// dates, and `weekwright.NoWeekFits` when no week, or no block, fits.
#[pyfunction]
#[pyo3(signature = (profile, weeks=None, start=None, race=None, seed=None))]
fn block<'py>(
    py: Python<'py>,
    profile: &Bound<'py, PyAny>,
    weeks: Option<i64>,
    start: Option<&Bound<'py, PyAny>>,
    race: Option<&Bound<'py, PyAny>>,
    seed: Option<i128>,
) -> PyResult<Bound<'py, PyAny>> {
    let dates = args::dates(weeks, start, race)?;
    let seed = args::seed(seed)?;
    let profile = read_profile(profile)?;
    let today = weekwright::dates::today().map_err(raise)?;
    let calendar = calendar_of(&profile, SOURCE, &dates, today).map_err(raise)?;
    let value = py.detach(|| {
        engine(1, || {
            weekwright::commands::block::for_profile(&profile, calendar, today, seed)
        })
    })?;
    convert::to_python(py, &value)
}

/// VDOT, equivalent race times and training paces from a race result: what
/// `weekwright paces --format json` prints, as a dict (`vdot`, `equivalent`, `paces`;
/// times and paces in seconds, unrounded, paces per km or per mile).
///
/// `result` is a race result `"DIST=TIME"` (`"10k=42:30"`, `"half=1:35:00"`; DIST one of
/// 1500m, mile, 3k, 5k, 8k, 10k, 15k, 10mi, half, marathon, or a number with m, km or mi;
/// TIME mm:ss or h:mm:ss); without one, the `profile`'s `fitness` (a dict as for
/// `generate`). `units` is "km" or "mi".
///
/// Raises `ValueError` with the command line's message for a bad result, profile or units,
/// or when no fitness is given.
#[pyfunction]
#[pyo3(signature = (result=None, profile=None, units="km"))]
fn paces<'py>(
    py: Python<'py>,
    result: Option<&str>,
    profile: Option<&Bound<'py, PyAny>>,
    units: &str,
) -> PyResult<Bound<'py, PyAny>> {
    let units: Units = serde_json::from_value(Value::String(units.to_owned()))
        .map_err(|e| PyValueError::new_err(format!("units: {e}")))?;
    let given = result
        .map(|r| {
            r.parse::<RaceResult>()
                .and_then(Fitness::from_result)
                .map_err(|e| PyValueError::new_err(format!("result: {e}")))
        })
        .transpose()?;
    let profile = profile.map(read_profile).transpose()?;
    let fitness = given.or_else(|| profile.as_ref().and_then(|p| p.fitness));
    let Some(fitness) = fitness else {
        return Err(PyValueError::new_err(
            "no fitness given: give a recent race result, such as result=\"10k=42:30\", or a profile with a fitness section ({'fitness': {'result': {'distance': '10k', 'time': '42:30'}}} or {'fitness': {'vdot': 48.5}})",
        ));
    };
    let value = py.detach(|| engine(1, || Ok(weekwright::commands::paces::document(&fitness, units))))?;
    convert::to_python(py, &value)
}

/// Plan a runner's week as a system: stress, then recovery, then adaptation.
///
/// `generate`, `score` and `block` return what the weekwright command line prints with
/// `--format json`, as dicts; bad input raises `ValueError` with the command line's message,
/// and constraints that admit no week raise `NoWeekFits`, a `ValueError`.
#[pymodule(name = "_native")]
mod native {
    use pyo3::prelude::*;

    #[pymodule_export]
    use super::{NoWeekFits, block, generate, paces, score};

    #[pymodule_init]
    fn init(m: &Bound<'_, PyModule>) -> PyResult<()> {
        m.add("__version__", env!("CARGO_PKG_VERSION"))
    }
}
