"""Plan a runner's week as a system: stress, then recovery, then adaptation.

`generate`, `score` and `block` return what the weekwright command line prints with
`--format json`, as dicts with the same keys and numbers. Bad input raises `ValueError`
with the command line's message; constraints that admit no week raise `NoWeekFits`, a
`ValueError`. The engine runs with the GIL released, one thread a call unless asked.
"""

import datetime
from typing import Any, Optional, Union

__version__: str

__all__ = ["NoWeekFits", "__version__", "block", "generate", "score"]

class NoWeekFits(ValueError):
    """The profile's constraints admit no week (the command line's exit 3): the message says which constraints collide and what to relax. A ValueError, so code that handles bad input handles this too."""

def generate(profile: dict[str, Any], top: int = 5, threads: int = 1) -> dict[str, Any]:
    """Search every week that fits a profile and return the top plans: what
    `weekwright generate --format json --profile FILE` prints for a file holding the
    profile, as a dict (`profile`, `searched`, `feasible`, `plans`).

    `profile` is a dict with the profile file's fields (`weekly_minutes` at least); `top` is
    the number of plans, 1 to 100; `threads` the worker threads of this call, 1 to 256 (keep 1
    where an engine already runs a task a core). The GIL is released while the search runs.

    A `history` in the profile (paths the process can read) is read as `--history` reads
    it, as of today (or of WEEKWRIGHT_TODAY): the plans start from the runner's real
    minutes, and the result has a `history` part.

    Raises `ValueError` with the command line's message for a bad profile or argument,
    `weekwright.NoWeekFits` when the constraints admit no week, and `TypeError` for a profile
    that is not a dict of JSON-like values.
    """

def score(
    week: str,
    profile: Optional[dict[str, Any]] = None,
    level: str = "intermediate",
    goal: str = "half",
) -> dict[str, Any]:
    """Score one week and explain it: what `weekwright score --format json --week WEEK` prints,
    as a dict (the plan object: `score`, `verdict`, `days`, `components`, ...).

    `week` is a WEEK string: seven comma-separated sessions, Monday first, each `id` or
    `id:minutes` (`"easy,intervals,easy,rest,tempo,easy,long"`), or `mon=easy,tue=...`.
    With a `profile` (a dict, as for `generate`), the week is judged against the profile's
    constraints, and `percentile` says where it ranks among the weeks that fit; `level` and
    `goal` are then the profile's own. Without one, structure alone is judged, at the catalog
    minutes of `level` (beginner, intermediate, advanced) and the targets of `goal` (5k, 10k,
    half, marathon, general). The GIL is released while the engine works.

    Raises `ValueError` with the command line's message for a bad week, profile or argument.
    """

def block(
    profile: dict[str, Any],
    weeks: Optional[int] = None,
    start: Union[datetime.date, str, None] = None,
    race: Union[datetime.date, str, None] = None,
    seed: Optional[int] = None,
) -> dict[str, Any]:
    """Plan a multi-week block (build, deload, taper, race): what
    `weekwright block --format json --profile FILE` prints with the same flags, as a dict
    (`profile`, `seed`, `weeks`).

    `weeks` is the number of weeks, 1 to 104; `start` the block's first Monday and `race` the
    race day, each a `datetime.date` or a `"YYYY-MM-DD"` string; `seed` the search's
    tie-break, 0 to 2**64 - 1 (None: 0). What is not given comes from the profile's `block`
    section, then the defaults: 12 weeks from next Monday, as of today (or of the date in
    the WEEKWRIGHT_TODAY environment variable). The GIL is released while the engine works.

    Raises `ValueError` with the command line's message for a bad profile, argument or
    dates, and `weekwright.NoWeekFits` when no week, or no block, fits.
    """

def paces(
    result: Optional[str] = None,
    profile: Optional[dict[str, Any]] = None,
    units: str = "km",
) -> dict[str, Any]:
    """VDOT, equivalent race times and training paces from a race result: what
    `weekwright paces --format json` prints, as a dict (`vdot`, `equivalent`, `paces`;
    times and paces in seconds, unrounded, paces per km or per mile).

    `result` is a race result `"DIST=TIME"` (`"10k=42:30"`, `"half=1:35:00"`; DIST one of
    1500m, mile, 3k, 5k, 8k, 10k, 15k, 10mi, half, marathon, or a number with m, km or mi;
    TIME mm:ss or h:mm:ss); without one, the `profile`'s `fitness` (a dict as for
    `generate`). `units` is "km" or "mi".

    Raises `ValueError` with the command line's message for a bad result, profile or units,
    or when no fitness is given.
    """
