"""Errors: bad input raises ValueError with the command line's message, constraints that
admit no week raise NoWeekFits (a ValueError), as `weekwright ...` exits 2 and 3."""

import datetime
import json
import re

import pytest

import weekwright

BASE = {"name": "error cases", "weekly_minutes": 300}

BAD_PROFILES = [
    {**BASE, "weekly_minutes": 10},
    {**BASE, "max_minutes": {"wed": 5}},
    {**BASE, "level": "expert"},
    {**BASE, "long_run_day": "someday"},
    {**BASE, "hard_sessions": 9},
    {**BASE, "fixed": {"tue": "intervals"}, "rest_days": ["tue"]},
    {**BASE, "sessions": {"intervals": {"rpe": 12}}},
    {**BASE, "block": {"start": "2026-12-08"}},
    {"name": "typo", "wekly_minutes": 300},
    {"name": "a string", "weekly_minutes": "lots"},
    {"name": "no volume"},
    {**BASE, "available_days": "mon"},
]

NO_WEEK = [
    {**BASE, "available_days": ["mon"], "hard_sessions": 4},
    {**BASE, "available_days": ["mon", "wed"], "hard_sessions": 3, "min_rest_days": 5},
    {**BASE, "fixed": {"mon": "intervals", "tue": "tempo"}},
]


def cli_message(cli, tmp_path, profile, *args):
    """What the command line says of `profile` in a file named `profile`, holding the JSON
    text the binding parses: its exit code and message."""
    (tmp_path / "profile").write_text(json.dumps(profile, separators=(",", ":"), ensure_ascii=False))
    code, stderr = cli.error(*args, "--profile", "profile", cwd=tmp_path)
    prefix = "weekwright: error: "
    assert stderr.startswith(prefix) and stderr.endswith("\n"), stderr
    return code, stderr[len(prefix) : -1]


@pytest.mark.parametrize("profile", BAD_PROFILES, ids=lambda p: json.dumps(p)[:60])
def test_a_bad_profile_raises_value_error_with_the_cli_message(profile, cli, tmp_path):
    code, message = cli_message(cli, tmp_path, profile, "generate")
    assert code == 2
    with pytest.raises(ValueError) as raised:
        weekwright.generate(profile)
    assert type(raised.value) is ValueError
    assert str(raised.value) == message
    with pytest.raises(ValueError) as raised:
        weekwright.score("easy,intervals,easy,rest,tempo,easy,long", profile=profile)
    assert str(raised.value) == message


@pytest.mark.parametrize("profile", NO_WEEK, ids=lambda p: json.dumps(p)[:60])
def test_constraints_that_admit_no_week_raise_no_week_fits(profile, cli, tmp_path):
    code, message = cli_message(cli, tmp_path, profile, "generate")
    assert code == 3
    with pytest.raises(weekwright.NoWeekFits) as raised:
        weekwright.generate(profile)
    assert str(raised.value) == message
    assert "relax" in message


def test_a_block_no_week_fits_raises_no_week_fits(cli, tmp_path, monkeypatch):
    monkeypatch.setenv("WEEKWRIGHT_TODAY", "2026-11-25")
    code, message = cli_message(cli, tmp_path, NO_WEEK[0], "block", "--weeks", "4")
    assert code == 3
    with pytest.raises(weekwright.NoWeekFits) as raised:
        weekwright.block(NO_WEEK[0], weeks=4)
    assert str(raised.value) == message


def test_a_bad_week_raises_the_cli_message(cli):
    for week in ["easy,intervals", "easy,jogging,easy,rest,tempo,easy,long", "mon=easy,mon=long", "easy:0,,,,,,"]:
        code, stderr = cli.error("score", "--week", week)
        assert code == 2
        with pytest.raises(ValueError) as raised:
            weekwright.score(week)
        assert stderr == f"weekwright: error: {raised.value}\n"


@pytest.mark.parametrize(
    "call, flag",
    [
        (lambda: weekwright.generate(BASE, top=0), ["generate", "--top", "0"]),
        (lambda: weekwright.generate(BASE, top=101), ["generate", "--top", "101"]),
        (lambda: weekwright.generate(BASE, threads=257), ["generate", "--threads", "257"]),
        (lambda: weekwright.block(BASE, weeks=105), ["block", "--weeks", "105"]),
        (lambda: weekwright.block(BASE, weeks=-1), ["block", "--weeks", "-1"]),
        (lambda: weekwright.block(BASE, start="2026-02-30"), ["block", "--start", "2026-02-30"]),
        (lambda: weekwright.block(BASE, race="14/03/2027"), ["block", "--race", "14/03/2027"]),
        (lambda: weekwright.block(BASE, seed=-1), ["block", "--seed", "-1"]),
        (lambda: weekwright.score("rest,rest,rest,rest,rest,rest,rest", level="pro"), None),
        (lambda: weekwright.score("rest,rest,rest,rest,rest,rest,rest", goal="ultra"), None),
    ],
)
def test_a_bad_argument_raises_value_error_with_the_flags_words(call, flag, cli):
    """The binding names the argument (`top: ...`) where clap frames its flag (`invalid
    value '0' for '--top <N>': ...`); the words after are the same."""
    with pytest.raises(ValueError) as raised:
        call()
    name, _, words = str(raised.value).partition(": ")
    assert name in {"top", "threads", "weeks", "start", "race", "seed", "level", "goal"}
    if flag:
        code, stderr = cli.error(*flag)
        assert code == 2
        assert f"': {words}\n" in stderr, stderr


def test_the_calendars_messages_are_the_clis(cli, monkeypatch):
    monkeypatch.setenv("WEEKWRIGHT_TODAY", "2026-11-25")
    env = {"WEEKWRIGHT_TODAY": "2026-11-25"}
    cases = [
        ({"start": "2026-12-08"}, ["--start", "2026-12-08"]),
        ({"start": "2027-03-01", "race": "2027-02-14"}, ["--start", "2027-03-01", "--race", "2027-02-14"]),
        ({"race": "2026-01-04"}, ["--race", "2026-01-04"]),
        ({"weeks": 5, "start": "2026-11-30", "race": "2027-02-14"}, ["--weeks", "5", "--start", "2026-11-30", "--race", "2027-02-14"]),
    ]
    for kwargs, flags in cases:
        code, stderr = cli.error("block", *flags, env=env)
        assert code == 2
        with pytest.raises(ValueError) as raised:
            weekwright.block(BASE, **kwargs)
        message = str(raised.value)
        # A Monday check is the binding's argument check (named `start`); the calendar's own
        # messages are the command line's, flags and all.
        assert stderr in {f"weekwright: error: {message}\n", f"weekwright: error: flag --{message}\n"}, (message, stderr)


def test_level_and_goal_beside_a_profile_are_refused():
    with pytest.raises(ValueError, match="^level: 'advanced' cannot be used with a profile"):
        weekwright.score("easy,intervals,easy,rest,tempo,easy,long", profile=BASE, level="advanced")
    with pytest.raises(ValueError, match="^goal: '10k' cannot be used with a profile"):
        weekwright.score("easy,intervals,easy,rest,tempo,easy,long", profile=BASE, goal="10k")


@pytest.mark.parametrize(
    "profile, where",
    [
        ("weekly_minutes: 300", "profile: expected a dict"),
        ({**BASE, "rest_days": {"thu"}}, "profile['rest_days']: a set is not a value"),
        ({**BASE, 3: "x"}, "profile: the key 3 is not a string"),
        ({**BASE, "weekly_minutes": float("nan")}, "profile['weekly_minutes']: nan is not a number"),
    ],
)
def test_what_is_not_a_profile_is_named_where_it_is(profile, where):
    with pytest.raises((TypeError, ValueError), match=f"^{re.escape(where)}"):
        weekwright.generate(profile)


def test_a_date_of_another_type_is_a_type_error():
    with pytest.raises(TypeError, match="^start: expected a datetime.date"):
        weekwright.block(BASE, start=20261207)
    with pytest.raises(ValueError, match="^race: '2027-03-14T09:00:00' is not a date"):
        weekwright.block(BASE, race=datetime.datetime(2027, 3, 14, 9))
