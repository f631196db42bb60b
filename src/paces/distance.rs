//! Race distances as runners write them: the names of CLI.md (`5k`, `half`, `mile`, ...) or
//! a number with `m`, `km` or `mi` (`5000m`, `12 km`, `3.1mi`); case and spaces do not
//! matter.

use std::fmt;
use std::str::FromStr;

use super::PaceError;
use crate::error::shown;
use crate::limits::RACE_METRES;

/// Metres in a mile (international mile).
pub const MILE_METRES: f64 = 1609.344;

/// The named race distances of CLI.md, in metres, shortest first.
pub const NAMED: [(&str, f64); 10] = [
    ("1500m", 1500.0),
    ("mile", MILE_METRES),
    ("3k", 3000.0),
    ("5k", 5000.0),
    ("8k", 8000.0),
    ("10k", 10_000.0),
    ("15k", 15_000.0),
    ("10mi", 10.0 * MILE_METRES),
    ("half", 21_097.5),
    ("marathon", 42_195.0),
];

/// A race distance, in metres, from 1500 m to the marathon (42,195 m).
#[derive(Debug, Clone, Copy, PartialEq, PartialOrd)]
pub struct Distance(f64);

impl Distance {
    /// 5 km.
    pub const FIVE_K: Distance = Distance(5000.0);
    /// 10 km.
    pub const TEN_K: Distance = Distance(10_000.0);
    /// The half marathon, 21.0975 km.
    pub const HALF: Distance = Distance(21_097.5);
    /// The marathon, 42.195 km.
    pub const MARATHON: Distance = Distance(42_195.0);

    /// A distance of `metres`, from 1500 to 42,195.
    ///
    /// # Errors
    /// [`PaceError::DistanceRange`] outside it.
    pub fn from_metres(metres: f64) -> Result<Self, PaceError> {
        if metres.is_finite() && RACE_METRES.contains(&metres) {
            Ok(Distance(metres))
        } else {
            Err(PaceError::DistanceRange { metres })
        }
    }

    /// The distance in metres.
    #[must_use]
    pub fn metres(self) -> f64 {
        self.0
    }

    /// The name of CLI.md for this distance, if it has one (`5k`, `half`).
    #[must_use]
    pub fn name(self) -> Option<&'static str> {
        NAMED.iter().find(|(_, m)| *m == self.0).map(|(n, _)| *n)
    }
}

impl fmt::Display for Distance {
    /// Its name (`10k`), or kilometres (`12.5 km`).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.name() {
            Some(name) => f.write_str(name),
            None => write!(f, "{} km", self.0 / 1000.0),
        }
    }
}

/// The forms a distance may take, for messages.
fn forms() -> String {
    let names: Vec<&str> = NAMED.iter().map(|(n, _)| *n).collect();
    format!(
        "use {}, or a number with m, km or mi (such as 5000m, 12km, 3.1mi)",
        names.join(", ")
    )
}

impl FromStr for Distance {
    type Err = PaceError;

    /// A name of [`NAMED`] or a number with a unit, whatever the case and the spaces.
    fn from_str(text: &str) -> Result<Self, PaceError> {
        let key: String = text
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect::<String>()
            .to_lowercase();
        if let Some((_, metres)) = NAMED.iter().find(|(n, _)| *n == key) {
            return Ok(Distance(*metres));
        }
        let unknown = || {
            let names: Vec<&str> = NAMED.iter().map(|(n, _)| *n).collect();
            // Digits alone: not `1e4`, `inf` or `-5`, which f64 reads too.
            let bare = key.parse::<f64>().is_ok() && key.bytes().all(|b| b.is_ascii_digit() || b == b'.');
            PaceError::Distance {
                text: shown(text.trim(), 40),
                suggestion: if bare {
                    let n = shown(&key, 20);
                    format!(" (a number needs its unit: {n}m, {n}km or {n}mi)")
                } else {
                    crate::error::suggestion(&key, &names)
                },
                forms: forms(),
            }
        };
        let split = key
            .find(|c: char| !(c.is_ascii_digit() || c == '.'))
            .ok_or_else(unknown)?;
        let (number, unit) = key.split_at(split);
        let scale = match unit {
            "m" => 1.0,
            "km" | "k" => 1000.0,
            "mi" => MILE_METRES,
            _ => return Err(unknown()),
        };
        // `number` holds digits and dots only: f64 reads it if it is one decimal number.
        let metres = number.parse::<f64>().map_err(|_| unknown())? * scale;
        Distance::from_metres(metres)
    }
}

impl<'de> serde::Deserialize<'de> for Distance {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

impl schemars::JsonSchema for Distance {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "RaceDistance".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        let names: Vec<&str> = NAMED.iter().map(|(n, _)| *n).collect();
        schemars::json_schema!({
            "description": format!("The race's distance, 1500 m to the marathon: {}, or a number with m, km or mi (5000m, 12km, 3.1mi); case and spaces do not matter.", names.join(", ")),
            "anyOf": [
                { "enum": names },
                { "type": "string", "pattern": pattern() }
            ]
        })
    }
}

/// A distance as [`Distance::from_str`] reads it, as a regular expression (the JavaScript
/// and Rust dialects alike): any case, spaces anywhere.
fn pattern() -> String {
    let spaced = |word: &str| -> String {
        let mut out = String::new();
        for c in word.chars() {
            if c.is_ascii_alphabetic() {
                out.extend(['[', c.to_ascii_lowercase(), c.to_ascii_uppercase(), ']']);
            } else {
                out.push(c);
            }
            out.push_str(r"\s*");
        }
        out
    };
    let names: Vec<String> = NAMED.iter().map(|(n, _)| spaced(n)).collect();
    let units = [spaced("m"), spaced("km"), spaced("k"), spaced("mi")].join("|");
    format!(
        r"^\s*(?:{}|(?:[0-9][0-9\s]*(?:\.[0-9\s]*)?|\.[0-9][0-9\s]*)(?:{units}))$",
        names.join("|")
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_numbers_read_whatever_the_case_and_spaces() {
        let cases = [
            ("5k", 5000.0),
            (" 10K ", 10_000.0),
            ("Half", 21_097.5),
            ("MARATHON", 42_195.0),
            ("mile", 1609.344),
            ("10mi", 16_093.44),
            ("10 mi", 16_093.44),
            ("1500m", 1500.0),
            ("1500 M", 1500.0),
            ("5000m", 5000.0),
            ("12 km", 12_000.0),
            ("12k", 12_000.0),
            ("3.1mi", 3.1 * 1609.344),
            ("21.0975km", 21_097.5),
            ("1.5 km", 1500.0),
            (".95mi", 0.95 * 1609.344),
        ];
        for (text, metres) in cases {
            let d: Distance = text.parse().unwrap_or_else(|e| panic!("{text}: {e}"));
            assert!((d.metres() - metres).abs() < 1e-9, "{text}: {}", d.metres());
        }
    }

    #[test]
    fn the_distance_constants_are_the_named_distances() {
        let named = |name: &str| NAMED.iter().find(|(n, _)| *n == name).map(|(_, m)| *m);
        assert_eq!(named("5k"), Some(Distance::FIVE_K.metres()));
        assert_eq!(named("10k"), Some(Distance::TEN_K.metres()));
        assert_eq!(named("half"), Some(Distance::HALF.metres()));
        assert_eq!(named("marathon"), Some(Distance::MARATHON.metres()));
    }

    #[test]
    fn a_named_distance_shows_its_name_whatever_it_was_typed_as() {
        assert_eq!("5000 m".parse::<Distance>().unwrap().to_string(), "5k");
        assert_eq!("42.195km".parse::<Distance>().unwrap().to_string(), "marathon");
        assert_eq!("12km".parse::<Distance>().unwrap().to_string(), "12 km");
        assert_eq!("1600 m".parse::<Distance>().unwrap().to_string(), "1.6 km");
    }

    #[test]
    fn unknown_distances_list_the_forms_and_suggest_a_name() {
        for text in [
            "",
            "ultra",
            "5",
            "5 furlongs",
            "1.2.3km",
            "-5k",
            "1e4m",
            "km",
            ".",
        ] {
            let e = text.parse::<Distance>().unwrap_err().to_string();
            assert!(
                e.contains("1500m, mile, 3k") && e.contains("m, km or mi"),
                "{text:?}: {e}"
            );
        }
        let e = "marathn".parse::<Distance>().unwrap_err().to_string();
        assert!(e.contains("did you mean 'marathon'"), "{e}");
        let e = "5000".parse::<Distance>().unwrap_err().to_string();
        assert!(e.contains("needs its unit: 5000m, 5000km or 5000mi"), "{e}");
        // Only digits get the hint: f64 reads these too, but no unit would make them a distance.
        for text in ["1e4", "inf", "-5", "+5", "."] {
            let e = text.parse::<Distance>().unwrap_err().to_string();
            assert!(!e.contains("needs its unit"), "{text}: {e}");
        }
    }

    #[test]
    fn distances_outside_1500_m_to_the_marathon_are_refused_with_the_range() {
        for text in ["800m", "1km", "50km", "100mi", "0m", "999999999m"] {
            let e = text.parse::<Distance>().unwrap_err().to_string();
            assert!(e.contains("1500 m to 42.195 km"), "{text:?}: {e}");
        }
        assert!("1500m".parse::<Distance>().is_ok() && "42195m".parse::<Distance>().is_ok());
    }
}
