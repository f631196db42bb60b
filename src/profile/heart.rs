//! The profile's `max_hr` and `rest_hr` (heart-rate reserve for the load of a done
//! activity, docs/model.md "Load of a done activity") and its `history:` paths.

use std::path::{Path, PathBuf};

use super::validate::{check_range, field_err};
use crate::error::InputError;
use crate::history::load::HeartRates;

/// Maximum heart rates accepted, beats a minute.
pub const MAX_HR: std::ops::RangeInclusive<f64> = 100.0..=240.0;
/// Resting heart rates accepted, beats a minute.
pub const REST_HR: std::ops::RangeInclusive<f64> = 25.0..=120.0;

/// Check `max_hr` and `rest_hr`: both or neither, each in range, rest at least 20 below
/// max (the reserve the mapping divides by).
pub(super) fn check_heart(
    source: &str,
    max: Option<f64>,
    rest: Option<f64>,
) -> Result<Option<HeartRates>, InputError> {
    match (max, rest) {
        (None, None) => Ok(None),
        (Some(_), None) | (None, Some(_)) => Err(field_err(
            source,
            if max.is_some() { "rest_hr" } else { "max_hr" },
            "give both max_hr and rest_hr (heart-rate reserve needs both), such as max_hr: 188 and rest_hr: 48",
        )),
        (Some(max), Some(rest)) => {
            let max = check_range(source, "max_hr", max, &MAX_HR, " beats a minute")?;
            let rest = check_range(source, "rest_hr", rest, &REST_HR, " beats a minute")?;
            if rest + 20.0 > max {
                return Err(field_err(
                    source,
                    "rest_hr",
                    format!("{rest} is not at least 20 below max_hr {max}: check both"),
                ));
            }
            Ok(Some(HeartRates { max, rest }))
        }
    }
}

/// The `history:` paths, relative ones read from the profile file's folder.
pub(super) fn history_paths(paths: Option<Vec<PathBuf>>, file: Option<&Path>) -> Vec<PathBuf> {
    let base = file.and_then(Path::parent);
    paths
        .unwrap_or_default()
        .into_iter()
        .map(|p| match base {
            Some(b) if p.is_relative() => b.join(p),
            _ => p,
        })
        .collect()
}
