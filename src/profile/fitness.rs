//! The profile's `fitness:` section (a race result or a VDOT) and `units:`, checked into a
//! [`Fitness`] the paces and, later, the workouts read.

use serde::Deserialize;

use super::validate::{check_range, field_err};
use crate::error::InputError;
use crate::limits::VDOT;
use crate::paces::{Fitness, RaceResult};

/// The `fitness:` section: `{result: {distance: 10k, time: "42:30"}}` or `{vdot: 48.5}`.
#[derive(Debug, Clone, Copy, PartialEq, Default, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(extend("minProperties" = 1, "maxProperties" = 1))]
pub struct FitnessSection {
    /// A recent race result, {distance: 10k, time: "42:30"}: the VDOT is computed from it.
    /// Give either result or vdot.
    pub result: Option<RaceResult>,
    /// The runner's VDOT (20 to 90), as Daniels' tables give it. Give either result or vdot.
    #[schemars(range(min = *VDOT.start(), max = *VDOT.end()))]
    pub vdot: Option<f64>,
}

/// How to write the section, for messages.
const FORMS: &str =
    r#"give a race result, such as result: {distance: 10k, time: "42:30"}, or a VDOT, such as vdot: 48.5"#;

/// Check the `fitness:` section: exactly one of `result` and `vdot`, its VDOT from 20 to 90.
pub(super) fn check_fitness(
    source: &str,
    section: Option<&FitnessSection>,
) -> Result<Option<Fitness>, InputError> {
    let Some(section) = section else {
        return Ok(None);
    };
    let fitness = match (section.result, section.vdot) {
        (Some(_), Some(_)) => {
            return Err(field_err(
                source,
                "fitness",
                format!("it holds both a result and a vdot; keep one: {FORMS}"),
            ));
        }
        (None, None) => return Err(field_err(source, "fitness", format!("it is empty: {FORMS}"))),
        (Some(result), None) => {
            Fitness::from_result(result).map_err(|e| field_err(source, "fitness.result", e.to_string()))?
        }
        (None, Some(vdot)) => {
            let vdot = check_range(source, "fitness.vdot", vdot, &VDOT, "")?;
            Fitness::from_vdot(vdot).map_err(|e| field_err(source, "fitness.vdot", e.to_string()))?
        }
    };
    Ok(Some(fitness))
}
