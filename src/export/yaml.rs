//! YAML through serde-saphyr (the maintained, pure-Rust successor of the deprecated
//! serde_yaml). Numbers are rounded for reading; JSON keeps them whole.

use serde::Serialize;
use serde_json::Value;

use crate::error::Error;

/// Decimal places kept in YAML and tables.
pub const DECIMALS: i32 = 2;

/// Round `x` to [`DECIMALS`] places.
#[must_use]
pub fn round(x: f64) -> f64 {
    let scale = 10f64.powi(DECIMALS);
    let r = (x * scale).round() / scale;
    if r == 0.0 { 0.0 } else { r }
}

/// Round every float in a JSON value; whole numbers become integers (45, not 45.0).
fn round_value(v: &mut Value) {
    match v {
        Value::Number(n) if n.is_f64() => {
            let x = round(n.as_f64().unwrap_or(0.0));
            let whole = x.fract() == 0.0 && x.abs() < 1e15;
            *v = if whole {
                Value::from(x as i64)
            } else {
                serde_json::Number::from_f64(x).map_or(Value::Null, Value::Number)
            };
        }
        Value::Array(items) => items.iter_mut().for_each(round_value),
        Value::Object(map) => map.values_mut().for_each(round_value),
        _ => {}
    }
}

/// Show every workout target's pace range (an array under a `pace` key, seconds per km or
/// mile) as `m:ss` strings, as CLI.md asks of yaml and tables.
fn clock_paces(v: &mut Value) {
    match v {
        Value::Object(map) => {
            for (key, item) in map.iter_mut() {
                match item {
                    Value::Array(xs) if key == "pace" => {
                        for x in xs.iter_mut() {
                            if let Some(seconds) = x.as_f64() {
                                *x = Value::String(crate::paces::clock(seconds));
                            }
                        }
                    }
                    _ => clock_paces(item),
                }
            }
        }
        Value::Array(items) => items.iter_mut().for_each(clock_paces),
        _ => {}
    }
}

/// A document as YAML with rounded numbers and paces as `m:ss`.
///
/// # Errors
/// A serializer failure (a bug).
pub fn to_yaml<T: Serialize>(doc: &T) -> Result<String, Error> {
    let mut value = serde_json::to_value(doc).map_err(|e| Error::Internal(e.to_string()))?;
    clock_paces(&mut value);
    round_value(&mut value);
    serde_saphyr::to_string(&value).map_err(|e| Error::Internal(e.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn floats_are_rounded_and_whole_numbers_print_as_integers() {
        let doc = serde_json::json!({"a": 318.695_830_000_000_06, "b": 45.0, "c": [0.873_134]});
        let y = to_yaml(&doc).unwrap();
        assert!(y.contains("a: 318.7"), "{y}");
        assert!(y.contains("b: 45\n"), "{y}");
        assert!(y.contains("- 0.87"), "{y}");
    }

    #[test]
    fn workout_paces_read_as_minutes_and_seconds() {
        let doc = serde_json::json!({"target": {"pace": [238.4, 242.6]}, "paces": [238.4]});
        let y = to_yaml(&doc).unwrap();
        assert!(
            y.contains("- '3:58'") || y.contains("- \"3:58\"") || y.contains("- 3:58"),
            "{y}"
        );
        assert!(y.contains("4:03") && y.contains("238.4"), "{y}");
    }
}
