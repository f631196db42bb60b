"""The binding itself: dict in, dict out, equal to the command line's JSON."""

import copy
import datetime
import json
import pickle
import threading

import pytest
from conftest import ROOT
from jobs import PROFILES

import weekwright

WEEKS = [
    "easy,intervals,easy,rest,tempo,easy,long",
    "easy:40,intervals:55,easy:40,rest,tempo:50,easy:40,long:110",
    "tue=intervals,sat=long,thu=easy",
    "rest,rest,rest,rest,rest,rest,rest",
]


def same(got, want):
    """Equal as values, and as JSON text too: the same key order, ints as ints."""
    assert got == want
    assert json.dumps(got) == json.dumps(want)


def as_file(tmp_path, name, profile):
    path = tmp_path / name.replace(".yaml", ".json")
    path.write_text(json.dumps(profile, default=str))
    return path


@pytest.mark.parametrize("name", sorted(p.name for p in PROFILES.glob("*.yaml")))
def test_generate_equals_the_cli_json_for_every_example_profile(name, examples, cli):
    profile = examples[name]
    want = cli.json("generate", "--profile", cli_profile(name))
    same(weekwright.generate(profile), want)


def cli_profile(name):
    return PROFILES / name


def test_generate_takes_top_as_the_cli_takes_it(examples, cli):
    profile = examples["club-night.yaml"]
    want = cli.json("generate", "--top", 12, "--profile", cli_profile("club-night.yaml"))
    got = weekwright.generate(profile, top=12)
    same(got, want)
    assert len(got["plans"]) == 12


def test_any_thread_count_gives_the_same_result(examples):
    for profile in examples.values():
        one = weekwright.generate(profile, top=3, threads=1)
        assert weekwright.generate(profile, top=3, threads=2) == one


def test_the_profile_dict_is_left_as_it_was(examples):
    profile = copy.deepcopy(examples["intermediate-10k.yaml"])
    weekwright.generate(profile, top=1)
    assert profile == examples["intermediate-10k.yaml"]


@pytest.mark.parametrize("week", WEEKS)
def test_score_without_a_profile_equals_the_cli_json(week, cli):
    same(weekwright.score(week), cli.json("score", "--week", week))
    got = weekwright.score(week, level="Beginner", goal="10k")
    same(got, cli.json("score", "--week", week, "--level", "beginner", "--goal", "10k"))


@pytest.mark.parametrize("week", WEEKS[:3])
def test_score_with_a_profile_equals_the_cli_json(week, examples, cli):
    want = cli.json("score", "--week", week, "--profile", cli_profile("intermediate-10k.yaml"))
    same(weekwright.score(week, profile=examples["intermediate-10k.yaml"]), want)


def test_block_equals_the_cli_json(examples, cli, monkeypatch):
    monkeypatch.setenv("WEEKWRIGHT_TODAY", "2026-11-25")
    env = {"WEEKWRIGHT_TODAY": "2026-11-25"}
    profile = examples["club-night.yaml"]
    path = cli_profile("club-night.yaml")
    same(weekwright.block(profile, weeks=6), cli.json("block", "--weeks", 6, "--profile", path, env=env))
    want = cli.json(
        "block", "--start", "2026-11-30", "--race", "2027-02-14", "--seed", 7, "--profile", path, env=env
    )
    got = weekwright.block(profile, start=datetime.date(2026, 11, 30), race="2027-02-14", seed=7)
    same(got, want)
    assert [w["phase"] for w in got["weeks"]][-2:] == ["taper", "race"]


def test_block_reads_the_profiles_block_section(cli, tmp_path, monkeypatch):
    monkeypatch.setenv("WEEKWRIGHT_TODAY", "2026-11-25")
    profile = {
        "name": "block from the profile",
        "weekly_minutes": 240,
        "available_days": ["tue", "thu", "sat", "sun"],
        "block": {"weeks": 5, "start": datetime.date(2026, 12, 7)},
    }
    want = cli.json("block", "--profile", as_file(tmp_path, "p", profile), env={"WEEKWRIGHT_TODAY": "2026-11-25"})
    same(weekwright.block(profile), want)


def test_a_profiles_history_is_read_as_the_cli_reads_it(cli, tmp_path, monkeypatch):
    """A profile that names its history plans from it, as `generate` and `block` do: the
    last 28 days' minutes (six 30-minute runs and an hour on Sunday: 240 a week) replace
    the profile's current 400, and the result says which days were read."""
    today = datetime.date(2026, 3, 2)
    monkeypatch.setenv("WEEKWRIGHT_TODAY", today.isoformat())
    env = {"WEEKWRIGHT_TODAY": today.isoformat()}
    lines = []
    for back in range(1, 36):
        day = today - datetime.timedelta(days=back)
        session, minutes = ("long", 60) if day.weekday() == 6 else ("easy", 30)
        lines.append(f"- {{date: {day.isoformat()}, session: {session}, minutes: {minutes}, rpe: 3}}")
    log = tmp_path / "log.yaml"
    log.write_text("\n".join(lines) + "\n")
    profile = {
        "name": "Logged runner",
        "level": "beginner",
        "goal": "5k",
        "weekly_minutes": 220,
        "current_weekly_minutes": 400,
        "hard_sessions": 1,
        "available_days": ["tue", "thu", "sat", "sun"],
        "long_run_day": "sun",
        "history": [str(log)],
    }
    path = as_file(tmp_path, "p", profile)
    got = weekwright.generate(profile)
    same(got, cli.json("generate", "--profile", path, env=env))
    assert got["history"]["weekly_minutes_28d"] == 240.0
    got = weekwright.block(profile, weeks=4)
    same(got, cli.json("block", "--weeks", 4, "--profile", path, env=env))
    assert got["history"]["longest_run_30d"] == 60.0


def test_numpy_values_read_as_their_python_values(examples):
    np = pytest.importorskip("numpy")
    profile = dict(examples["beginner-3-days.yaml"])
    want = weekwright.generate(profile, top=1)
    profile["weekly_minutes"] = np.int64(profile["weekly_minutes"])
    profile["available_days"] = np.array(profile["available_days"])
    assert weekwright.generate(profile, top=1) == want


def test_the_gil_is_released_while_the_engine_works():
    # The whole default space: a third of a second or more on one thread.
    profile = {"name": "every day", "weekly_minutes": 300}
    call = threading.Thread(target=weekwright.generate, args=(profile,), kwargs={"top": 1})
    spins = 0
    call.start()
    while call.is_alive():
        spins += 1
    call.join()
    # Holding the GIL, the call would leave this loop a few turns at most.
    assert spins > 10_000


def test_no_week_fits_is_a_value_error_that_pickles():
    assert issubclass(weekwright.NoWeekFits, ValueError)
    assert weekwright.NoWeekFits.__module__ == "weekwright"
    e = pickle.loads(pickle.dumps(weekwright.NoWeekFits("collide")))
    assert type(e) is weekwright.NoWeekFits and str(e) == "collide"


def test_the_version_is_the_crates():
    manifest = (ROOT / "crates" / "weekwright-py" / "Cargo.toml").read_text()
    assert f'\nversion = "{weekwright.__version__}"\n' in manifest


@pytest.mark.parametrize("result, units", [("10k=42:30", "km"), ("half=1:35:00", "mi"), ("5k=20:00", "km")])
def test_paces_equal_the_cli_json(result, units, cli):
    want = cli.json("paces", "--result", result, "--units", units)
    same(weekwright.paces(result=result, units=units), want)


def test_paces_read_the_profiles_fitness():
    profile = {"weekly_minutes": 300, "fitness": {"vdot": 50}}
    got = weekwright.paces(profile=profile)
    assert got["vdot"] == 50
    # A result given beside the profile wins, as --result does on the command line.
    assert weekwright.paces(result="10k=42:30", profile=profile)["vdot"] != 50


@pytest.mark.parametrize(
    "kwargs, words",
    [
        ({}, "no fitness given"),
        ({"result": "10k=4:30"}, "result"),
        ({"result": "ultra=4:00:00"}, "result"),
        ({"result": "10k=42:30", "units": "furlongs"}, "units"),
    ],
)
def test_paces_refuse_bad_input_with_a_value_error(kwargs, words):
    with pytest.raises(ValueError, match=words):
        weekwright.paces(**kwargs)
