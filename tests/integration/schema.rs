//! `weekwright schema`: the JSON Schema an editor's YAML language server reads. It accepts
//! every profile the tool ships or documents, rejects unknown fields, wrong types and
//! numbers out of range, and agrees with the profile parser on the boundaries of CLI.md.

use serde_json::Value;
use weekwright::commands::schema::profile_schema;
use weekwright::profile::{DEFAULT_PROFILE_YAML, Profile};

use crate::support::weekwright;

fn validator() -> jsonschema::Validator {
    jsonschema::validator_for(&profile_schema()).expect("the schema compiles")
}

/// A profile's YAML as the JSON value an editor validates.
fn instance(yaml: &str) -> Value {
    serde_saphyr::from_str(yaml).unwrap_or_else(|e| panic!("not YAML ({e}): {yaml}"))
}

fn errors(v: &jsonschema::Validator, yaml: &str) -> Vec<String> {
    v.iter_errors(&instance(yaml)).map(|e| e.to_string()).collect()
}

/// The profile example of the README (every field), between ```yaml and ```.
fn readme_profile() -> String {
    let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let start = readme.find("```yaml\n").expect("README has a yaml block") + "```yaml\n".len();
    let len = readme[start..].find("```").unwrap();
    readme[start..start + len].to_string()
}

#[test]
fn the_printed_schema_is_the_library_schema_and_a_valid_json_schema() {
    let printed: Value = serde_json::from_str(&weekwright(&["schema"]).code(0).stdout).unwrap();
    assert_eq!(printed, profile_schema());
    jsonschema::meta::validate(&printed).expect("valid against its metaschema");
    assert_eq!(printed["$schema"], "http://json-schema.org/draft-07/schema#");
    assert_eq!(printed["title"], "weekwright profile");
    assert_eq!(printed["required"], serde_json::json!(["weekly_minutes"]));
}

#[test]
fn the_schema_accepts_every_example_profile_the_builtin_and_the_readme_example() {
    let v = validator();
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/profiles");
    let mut seen = 0;
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let text = std::fs::read_to_string(&path).unwrap();
        assert_eq!(errors(&v, &text), Vec::<String>::new(), "{}", path.display());
        seen += 1;
    }
    assert!(seen >= 6, "only {seen} profiles");
    assert_eq!(errors(&v, DEFAULT_PROFILE_YAML), Vec::<String>::new());
    let readme = readme_profile();
    assert!(readme.contains("block:"), "{readme}");
    assert_eq!(errors(&v, &readme), Vec::<String>::new(), "{readme}");
}

#[test]
fn the_schema_rejects_unknown_fields_wrong_types_and_numbers_out_of_range() {
    let v = validator();
    let cases = [
        "weekly_minutes: 300\nhard_sesions: 2\n",
        "weekly_minutes: 300\nsessions: {intervals: {minuts: 55}}\n",
        "weekly_minutes: 300\nblock: {weekz: 12}\n",
        "weekly_minutes: 300\nmodel: {tau: 3}\n",
        "weekly_minutes: lots\n",
        "weekly_minutes: 300\navailable_days: mon\n",
        "weekly_minutes: 300\nallow_back_to_back: sometimes\n",
        "weekly_minutes: 10\n",
        "weekly_minutes: 3000\n",
        "weekly_minutes: 300\nhard_sessions: 5\n",
        "weekly_minutes: 300\nhard_sessions: -1\n",
        "weekly_minutes: 300\nmax_minutes: {wed: 5}\n",
        "weekly_minutes: 300\nsessions: {intervals: {rpe: 11}}\n",
        "weekly_minutes: 300\nblock: {weeks: 0}\n",
        "weekly_minutes: 300\nrest_days: [funday]\n",
        "weekly_minutes: 300\nmax_minutes: {funday: 40}\n",
        "weekly_minutes: 300\nfixed: {tue: jogging}\n",
        "weekly_minutes: 300\navoid: {fri: [sprints]}\n",
        "weekly_minutes: 300\nlevel: expert\n",
        "weekly_minutes: 300\nlong_run_day: someday\n",
        "level: beginner\n",
    ];
    for yaml in cases {
        assert!(!errors(&v, yaml).is_empty(), "the schema accepts {yaml:?}");
    }
}

/// Where the schema and the parser must agree: each text is either valid for both or
/// invalid for both. Semantic checks the schema cannot see (a day fixed and rest at once)
/// are left out on purpose.
#[test]
fn the_schema_and_the_parser_agree_on_ranges_and_spellings() {
    let v = validator();
    let name = |n: usize| format!("weekly_minutes: 300\nname: {}\n", "x".repeat(n));
    let mut cases: Vec<String> = [
        "weekly_minutes: 30",
        "weekly_minutes: 29.5",
        "weekly_minutes: 2400",
        "weekly_minutes: 2400.5",
        "weekly_minutes: 300\ncurrent_weekly_minutes: 30",
        "weekly_minutes: 300\ncurrent_weekly_minutes: 20",
        "weekly_minutes: 300\nhard_sessions: 4",
        "weekly_minutes: 300\nhard_sessions: 5",
        "weekly_minutes: 300\nmin_rest_days: 7",
        "weekly_minutes: 300\nmin_rest_days: 8",
        "weekly_minutes: 300\nmax_minutes: {mon: 20, sun: 600}",
        "weekly_minutes: 300\nmax_minutes: {mon: 19}",
        "weekly_minutes: 300\nmax_minutes: {sun: 601}",
        "weekly_minutes: 300\nsessions: {tempo: {minutes: 1, rpe: 1}}",
        "weekly_minutes: 300\nsessions: {tempo: {minutes: 600, rpe: 10}}",
        "weekly_minutes: 300\nsessions: {tempo: {minutes: 0}}",
        "weekly_minutes: 300\nsessions: {tempo: {minutes: 601}}",
        "weekly_minutes: 300\nsessions: {tempo: {rpe: 0.5}}",
        "weekly_minutes: 300\nsessions: {jogging: {rpe: 3}}",
        "weekly_minutes: 300\nblock: {weeks: 1}",
        "weekly_minutes: 300\nblock: {weeks: 104}",
        "weekly_minutes: 300\nblock: {weeks: 105}",
        "weekly_minutes: 300\navailable_days: [Monday, WED, saturday]",
        "weekly_minutes: 300\nrest_days: [Thursday]",
        "weekly_minutes: 300\nrest_days: [thurs]",
        "weekly_minutes: 300\nmax_minutes: {Wednesday: 45}",
        "weekly_minutes: 300\nlong_run_day: Saturday",
        "weekly_minutes: 300\nlong_run_day: None",
        "weekly_minutes: 300\nlong_run_day: never",
        "weekly_minutes: 300\nfixed: {tue: Easy Run}",
        "weekly_minutes: 300\nfixed: {tue: long-fast}",
        "weekly_minutes: 300\nfixed: {tue: threshold}",
        "weekly_minutes: 300\nfixed: {tue: VO2 Max}",
        "weekly_minutes: 300\nfixed: {sat: long run}",
        "weekly_minutes: 300\nfixed: {sat: long  run}",
        "weekly_minutes: 300\nfixed: {tue: running}",
        "weekly_minutes: 300\navoid: {fri: [xt, Hill-Repeats, tt]}",
        "weekly_minutes: 300\navoid: {fri: [hill sprints]}",
        "weekly_minutes: 300\nsessions: {Easy Run: {minutes: 40}}",
        "weekly_minutes: 300\nlevel: advanced\ngoal: 5k",
        "weekly_minutes: 300\nmodel: {tau_fitness: 365, tau_fatigue: 1, tau_legs: 0.25}",
        "weekly_minutes: 300\nmodel: {tau_fitness: 366}",
        "weekly_minutes: 300\nmodel: {tau_fatigue: 0}",
        "weekly_minutes: 300\nmodel: {tau_legs: 0.2}",
        "weekly_minutes: 300\nmodel: {easy_floor: 0, violation_penalty: 100, min_distance: 7}",
        "weekly_minutes: 300\nmodel: {easy_floor: 1.5}",
        "weekly_minutes: 300\nmodel: {min_distance: 8}",
        "weekly_minutes: 300\nmodel: {reference_intensity: 10, monotony_limit: 10, fatigue_limit: 5}",
        "weekly_minutes: 300\nmodel: {fatigue_limit: 5.5}",
        "weekly_minutes: 300\nmodel: {freshness_limit: 0.4}",
        "weekly_minutes: 300\ngoal: ultra",
    ]
    .iter()
    .map(|s| format!("{s}\n"))
    .collect();
    cases.extend([name(200), name(201)]);
    let (valid, invalid) = agree(&v, &cases);
    assert!(valid >= 15 && invalid >= 15, "{valid} valid, {invalid} invalid");
}

/// Assert that the parser and the schema accept the same texts of `cases`; the counts of
/// valid and invalid ones.
fn agree(v: &jsonschema::Validator, cases: &[String]) -> (usize, usize) {
    let (mut valid, mut invalid) = (0, 0);
    for yaml in cases {
        let parser = Profile::from_yaml(yaml, "p.yaml");
        let schema = errors(v, yaml);
        assert_eq!(
            parser.is_ok(),
            schema.is_empty(),
            "{yaml:?}\nparser: {:?}\nschema: {schema:?}",
            parser.err().map(|e| e.to_string())
        );
        if schema.is_empty() {
            valid += 1;
        } else {
            invalid += 1;
        }
    }
    (valid, invalid)
}

/// The same for `fitness:` and `units:`: distances, times and VDOTs as the parser reads
/// them (a time unquoted too: YAML 1.2 reads 42:30 as a string). A result whose VDOT is out
/// of range is a semantic check, left out.
#[test]
fn the_schema_and_the_parser_agree_on_fitness_and_units() {
    let cases: Vec<String> = [
        "weekly_minutes: 300\nfitness: {vdot: 20}",
        "weekly_minutes: 300\nfitness: {vdot: 90}",
        "weekly_minutes: 300\nfitness: {vdot: 19.9}",
        "weekly_minutes: 300\nfitness: {vdot: 90.5}",
        "weekly_minutes: 300\nfitness: {vdot: fast}",
        "weekly_minutes: 300\nfitness: {}",
        "weekly_minutes: 300\nfitness: {vdot: 50, result: {distance: 5k, time: \"20:00\"}}",
        "weekly_minutes: 300\nfitness: {result: {distance: 10k, time: \"42:30\"}}",
        "weekly_minutes: 300\nfitness: {result: {distance: 10K, time: \"42:30\"}}",
        "weekly_minutes: 300\nfitness: {result: {distance: Half, time: \" 1:35:00 \"}}",
        "weekly_minutes: 300\nfitness: {result: {distance: 10 mi, time: \"1:15:00\"}}",
        "weekly_minutes: 300\nfitness: {result: {distance: 12 km, time: \"55:00\"}}",
        "weekly_minutes: 300\nfitness: {result: {distance: 3.1mi, time: \"21:30.5\"}}",
        "weekly_minutes: 300\nfitness: {result: {distance: .95mi, time: \"5:10\"}}",
        "weekly_minutes: 300\nfitness: {result: {distance: 5000, time: \"20:00\"}}",
        "weekly_minutes: 300\nfitness: {result: {distance: ultra, time: \"5:00:00\"}}",
        "weekly_minutes: 300\nfitness: {result: {distance: 5 furlongs, time: \"20:00\"}}",
        "weekly_minutes: 300\nfitness: {result: {distance: 5k, time: \"20:5\"}}",
        "weekly_minutes: 300\nfitness: {result: {distance: 5k, time: \"20:60\"}}",
        "weekly_minutes: 300\nfitness: {result: {distance: 5k, time: \"1:60:00\"}}",
        "weekly_minutes: 300\nfitness: {result: {distance: 5k, time: \"20\"}}",
        "weekly_minutes: 300\nfitness: {result: {distance: 5k, time: \"20:00.\"}}",
        "weekly_minutes: 300\nfitness: {result: {distance: 5k}}",
        "weekly_minutes: 300\nfitness: {result: {distance: 5k, time: \"20:00\", when: may}}",
        "weekly_minutes: 300\nfitness: {result: {distance: 10k, time: 42:30}}",
        "weekly_minutes: 300\nunits: km",
        "weekly_minutes: 300\nunits: \" MI \"",
        "weekly_minutes: 300\nunits: miles",
    ]
    .iter()
    .map(|s| format!("{s}\n"))
    .collect();
    let (valid, invalid) = agree(&validator(), &cases);
    assert!(valid >= 10 && invalid >= 12, "{valid} valid, {invalid} invalid");
}

/// Every object of the schema says what to do with a field it does not list: no
/// `additionalProperties` left open, so a typo is flagged in the editor as by the parser.
#[test]
fn every_object_in_the_schema_closes_its_fields_and_every_field_is_described() {
    fn walk(at: &str, s: &Value, objects: &mut usize) {
        let Value::Object(map) = s else {
            if let Value::Array(items) = s {
                for item in items {
                    walk(at, item, objects);
                }
            }
            return;
        };
        if let Some(props) = map.get("properties").and_then(Value::as_object) {
            *objects += 1;
            let closed = map.get("additionalProperties");
            assert!(
                closed.is_some_and(|c| c == &Value::Bool(false) || c.is_object()),
                "{at} leaves additionalProperties open"
            );
            for (name, p) in props {
                let described = p.get("description").is_some() || p.get("$ref").is_some();
                assert!(described, "{at}.{name} has no description");
            }
        }
        for (k, v) in map {
            walk(&format!("{at}/{k}"), v, objects);
        }
    }
    let mut objects = 0;
    walk("#", &profile_schema(), &mut objects);
    assert!(objects >= 4, "{objects}");
}

#[test]
fn the_schema_offers_the_names_an_editor_completes() {
    let s = profile_schema();
    let enums = |def: &str| -> Vec<String> {
        let schema = &s["definitions"][def];
        let list = schema["enum"]
            .as_array()
            .or_else(|| schema["anyOf"][0]["enum"].as_array())
            .or_else(|| schema["oneOf"].as_array())
            .unwrap_or_else(|| panic!("{def}: {schema}"));
        list.iter()
            .map(|x| x.as_str().or_else(|| x["const"].as_str()).unwrap().to_string())
            .collect()
    };
    assert_eq!(enums("Day"), ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]);
    assert_eq!(enums("Level"), ["beginner", "intermediate", "advanced"]);
    assert_eq!(enums("Goal"), ["5k", "10k", "half", "marathon", "general"]);
    let sessions = enums("Session");
    assert_eq!(sessions.len(), 13);
    assert!(sessions.contains(&"long_fast".to_string()));
    let caps = &s["properties"]["max_minutes"]["properties"];
    assert_eq!(caps["wed"]["maximum"], 600.0, "{caps}");
}

/// The README's example profile is one a runner can copy: the parser takes it whole (its
/// block: weeks agree with its dates).
#[test]
fn the_readme_example_profile_is_accepted_by_the_parser() {
    let readme = readme_profile();
    if let Err(e) = Profile::from_yaml(&readme, "README.md") {
        panic!("{e}\n{readme}");
    }
}

/// Levels and goals are read as days and sessions are, whatever their case and with spaces
/// around, by the parser and by the editor's schema alike.
#[test]
fn the_schema_reads_levels_and_goals_in_any_case_as_the_parser_does() {
    let v = validator();
    for (yaml, ok) in [
        ("weekly_minutes: 300\nlevel: Advanced\n", true),
        ("weekly_minutes: 300\nlevel: ' BEGINNER '\n", true),
        ("weekly_minutes: 300\ngoal: 10K\n", true),
        ("weekly_minutes: 300\ngoal: Half\n", true),
        ("weekly_minutes: 300\ngoal: ' MARATHON '\n", true),
        ("weekly_minutes: 300\nlevel: expert\n", false),
        ("weekly_minutes: 300\ngoal: 10 k\n", false),
        ("weekly_minutes: 300\ngoal: ultra\n", false),
    ] {
        let parser = Profile::from_yaml(yaml, "p.yaml");
        assert_eq!(
            parser.is_ok(),
            ok,
            "parser on {yaml:?}: {:?}",
            parser.err().map(|e| e.to_string())
        );
        assert_eq!(
            errors(&v, yaml).is_empty(),
            ok,
            "schema on {yaml:?}: {:?}",
            errors(&v, yaml)
        );
    }
}
