//! `weekwright schema`: the JSON Schema (draft 7) of the profile file, shaped for an
//! editor's YAML language server: completion of days, session ids, levels and goals, the
//! ranges of CLI.md, descriptions from the doc comments, and unknown fields rejected.
//!
//! schemars derives most of it from [`ProfileFile`]. What the derive cannot say is added
//! here, in one pass over the derived schema:
//!
//! - Day names: the derived pattern uses an inline `(?i)` flag, which is not in the
//!   ECMA-262 dialect JSON Schema specifies (some validators reject it); here each letter
//!   is a `[xX]` class instead, and the seven ids are offered as an enum for completion.
//! - Maps keyed by day (`max_minutes`, `fixed`, `avoid`) list the seven days as properties,
//!   so an editor completes the keys.
//! - Session names (`fixed`, `avoid`, the keys of `sessions`): the ids as an enum, and a
//!   pattern for the forgiving spellings the parser accepts (`Easy Run`, `threshold`, `xt`).
//! - Levels, goals and units: the derived names for completion, and a pattern for any case
//!   with spaces around, as the parser reads them (`goal: 10K`, `units: KM`).
//! - `fitness:` holds one of `result` and `vdot` (its own schema says so with
//!   `minProperties` and `maxProperties`); a result's distance and time are patterns of
//!   their own (`paces::Distance`, `paces::RaceTime`).
//! - `long_run_day`: a day or `none`; the per-day caps of `max_minutes`: 20 to 600; the
//!   ranges of the `model:` overrides.

use serde_json::{Map, Value, json};

use crate::catalog::Session;
use crate::limits::{CAP_MINUTES, MODEL_PARAMS};
use crate::profile::ProfileFile;
use crate::week::Day;

/// The JSON Schema of the profile file, as `weekwright schema` prints it. Draft 7: the
/// newest draft the YAML language server supports in full.
#[must_use]
pub fn profile_schema() -> Value {
    let generator = schemars::generate::SchemaSettings::draft07().into_generator();
    let mut schema = generator.into_root_schema_for::<ProfileFile>().to_value();
    for_editors(&mut schema);
    // What a reader looks for first: the draft, the title, the description.
    let Value::Object(mut rest) = schema else {
        return schema;
    };
    let mut ordered = Map::new();
    for key in ["$schema", "title", "description"] {
        if let Some(v) = rest.remove(key) {
            ordered.insert(key.to_string(), v);
        }
    }
    ordered.append(&mut rest);
    Value::Object(ordered)
}

/// `weekwright schema`: the schema as pretty JSON with a final newline.
#[must_use]
pub fn text() -> String {
    let mut text = serde_json::to_string_pretty(&profile_schema()).unwrap_or_default();
    text.push('\n');
    text
}

/// `word` matched without regard to ASCII case, `_` standing for a space, `_` or `-`, in
/// the regular-expression syntax shared by JavaScript and Rust.
fn any_case(word: &str) -> String {
    word.chars()
        .map(|c| match c {
            '_' => "[ _-]".to_string(),
            c if c.is_ascii_alphabetic() => {
                format!("[{}{}]", c.to_ascii_lowercase(), c.to_ascii_uppercase())
            }
            c => c.to_string(),
        })
        .collect()
}

/// A day as `Day`'s parser reads it: `mon` or `monday` in any case, spaces around.
fn day_pattern() -> String {
    let names: Vec<String> = Day::ALL
        .iter()
        .flat_map(|d| [any_case(d.id()), any_case(&d.name().to_lowercase())])
        .collect();
    format!(r"^\s*(?:{})\s*$", names.join("|"))
}

/// A session name as `Session`'s parser reads it: case, one space, `_` or `-` between
/// words, a trailing `run` or `day`, and separators at the ends do not matter.
fn session_pattern() -> String {
    let names: Vec<String> = crate::catalog::ALIASES.iter().map(|(n, _)| any_case(n)).collect();
    format!(
        r"^\s*[ _-]*(?:{})(?:[ _-](?:{}|{}))?[ _-]*\s*$",
        names.join("|"),
        any_case("run"),
        any_case("day")
    )
}

fn day_schema(description: Option<Value>) -> Value {
    let ids: Vec<&str> = Day::ALL.iter().map(|d| d.id()).collect();
    let mut s = json!({
        "anyOf": [
            { "enum": ids },
            { "type": "string", "pattern": day_pattern() }
        ]
    });
    if let Some(d) = description {
        s["description"] = d;
    }
    s
}

fn session_schema() -> Value {
    let ids: Vec<&str> = Session::ALL.iter().map(|s| s.id()).collect();
    json!({
        "description": "A session id (see `weekwright catalog`), or a name runners use: case, spaces, dashes and a trailing \"run\" do not matter; off, xt, threshold, vo2, steady and long run are aliases.",
        "anyOf": [
            { "enum": ids },
            { "type": "string", "pattern": session_pattern() }
        ]
    })
}

fn long_run_day_schema(description: Option<Value>) -> Value {
    let mut s = json!({
        "anyOf": [
            { "$ref": "#/definitions/Day" },
            { "enum": ["none"] },
            { "type": "string", "pattern": format!(r"^\s*{}\s*$", any_case("none")) }
        ]
    });
    if let Some(d) = description {
        s["description"] = d;
    }
    s
}

/// A closed set of names (`Level`, `Goal`) as the parser reads it: the names as an enum for
/// completion (with the derived `oneOf` of described constants, for hover), or a pattern
/// for any case with spaces around.
fn any_case_names(def: &mut Value) {
    let Some(ids) = def.get("oneOf").and_then(Value::as_array).map(|cases| {
        cases
            .iter()
            .filter_map(|c| c.get("const").and_then(Value::as_str))
            .map(str::to_string)
            .collect::<Vec<String>>()
    }) else {
        return;
    };
    let names: Vec<String> = ids.iter().map(|id| any_case(id)).collect();
    let Some(obj) = def.as_object_mut() else {
        return;
    };
    let Some(one_of) = obj.remove("oneOf") else {
        return;
    };
    obj.insert(
        "anyOf".into(),
        json!([
            { "enum": ids, "oneOf": one_of },
            { "type": "string", "pattern": format!(r"^\s*(?:{})\s*$", names.join("|")) }
        ]),
    );
}

const SESSION_REF: &str = "#/definitions/Session";

/// The pass described in the module's docs.
fn for_editors(schema: &mut Value) {
    let derived_day_pattern = schemars::schema_for!(Day)
        .get("pattern")
        .and_then(Value::as_str)
        .map(str::to_string);

    if let Some(defs) = schema.get_mut("definitions").and_then(Value::as_object_mut) {
        let description = defs.get("Day").and_then(|d| d.get("description")).cloned();
        defs.insert("Day".into(), day_schema(description));
        let description = defs.get("LongRunDay").and_then(|d| d.get("description")).cloned();
        defs.insert("LongRunDay".into(), long_run_day_schema(description));
        defs.insert("Session".into(), session_schema());
        for name in ["Level", "Goal", "Units"] {
            if let Some(def) = defs.get_mut(name) {
                any_case_names(def);
            }
        }
        if let Some(props) = defs
            .get_mut("ModelParams")
            .and_then(|m| m.get_mut("properties"))
            .and_then(Value::as_object_mut)
        {
            for (field, range, _) in &MODEL_PARAMS {
                if let Some(p) = props.get_mut(*field) {
                    p["minimum"] = json!(range.start());
                    p["maximum"] = json!(range.end());
                }
            }
        }
    }

    if let Some(props) = schema.get_mut("properties").and_then(Value::as_object_mut) {
        if let Some(caps) = props.get_mut("max_minutes") {
            for_each_map_value(caps, |v| {
                v["description"] = json!(format!(
                    "Most minutes on this day ({}).",
                    crate::limits::span(&CAP_MINUTES, "")
                ));
                v["minimum"] = json!(CAP_MINUTES.start());
                v["maximum"] = json!(CAP_MINUTES.end());
            });
        }
        if let Some(fixed) = props.get_mut("fixed") {
            for_each_map_value(fixed, |v| *v = json!({ "$ref": SESSION_REF }));
        }
        if let Some(avoid) = props.get_mut("avoid") {
            for_each_map_value(avoid, |v| {
                v["description"] = json!("Sessions not wanted on this day.");
                v["items"] = json!({ "$ref": SESSION_REF });
            });
        }
        if let Some(sessions) = props.get_mut("sessions").and_then(Value::as_object_mut) {
            sessions.insert("propertyNames".into(), json!({ "$ref": SESSION_REF }));
            if let Some(value) = sessions.get("additionalProperties").cloned() {
                let named: Map<String, Value> = Session::ALL
                    .iter()
                    .filter(|&&s| s != Session::Rest)
                    .map(|s| (s.id().to_string(), value.clone()))
                    .collect();
                sessions.insert("properties".into(), Value::Object(named));
            }
        }
    }

    if let Some(pattern) = derived_day_pattern {
        day_keyed_maps(schema, &pattern);
    }
}

/// Apply `f` to the value schema of a map (its `patternProperties` or
/// `additionalProperties`).
fn for_each_map_value(map: &mut Value, f: impl Fn(&mut Value)) {
    if let Some(pp) = map.get_mut("patternProperties").and_then(Value::as_object_mut) {
        pp.values_mut().for_each(&f);
    }
    if let Some(ap) = map.get_mut("additionalProperties")
        && ap.is_object()
    {
        f(ap);
    }
}

/// Every object schema keyed by the derived day pattern: the seven ids as properties (for
/// completion), the portable pattern for the other spellings.
fn day_keyed_maps(schema: &mut Value, derived: &str) {
    match schema {
        Value::Object(obj) => {
            let value = obj
                .get("patternProperties")
                .and_then(|pp| pp.get(derived))
                .cloned();
            if let Some(value) = value {
                let named: Map<String, Value> = Day::ALL
                    .iter()
                    .map(|d| (d.id().to_string(), value.clone()))
                    .collect();
                obj.insert("properties".into(), Value::Object(named));
                obj.insert("patternProperties".into(), json!({ day_pattern(): value }));
            }
            obj.values_mut().for_each(|v| day_keyed_maps(v, derived));
        }
        Value::Array(items) => items.iter_mut().for_each(|v| day_keyed_maps(v, derived)),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_session_name_of_the_schema_parses() {
        // Names are stored normalized: each must parse, and to its own session.
        for (name, session) in crate::catalog::ALIASES {
            assert_eq!(name.parse::<Session>().ok(), Some(session), "{name}");
        }
    }

    #[test]
    fn every_session_id_is_a_session_name() {
        for s in Session::ALL {
            assert!(
                crate::catalog::ALIASES.iter().any(|(name, _)| *name == s.id()),
                "{s}"
            );
        }
    }

    #[test]
    fn any_case_turns_letters_into_classes() {
        assert_eq!(any_case("vo2_max"), "[vV][oO]2[ _-][mM][aA][xX]");
    }

    #[test]
    fn no_pattern_uses_an_inline_flag() {
        let text = text();
        assert!(!text.contains("(?i)"), "{text}");
    }
}
