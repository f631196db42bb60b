//! The runner's own log, YAML (a list of entries) or CSV (a header row): `date`
//! (YYYY-MM-DD), `session` (a catalog id or alias) or `sport`, `minutes`, and any of `rpe`,
//! `distance_km`, `avg_hr`.

use jiff::civil::DateTime;
use serde::Deserialize;

use super::{Activity, Sport};
use crate::catalog::Session;
use crate::error::InputError;

/// One entry as written.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Entry {
    date: String,
    session: Option<String>,
    sport: Option<String>,
    minutes: f64,
    rpe: Option<f64>,
    distance_km: Option<f64>,
    avg_hr: Option<f64>,
}

impl Entry {
    fn activity(self, source: String) -> Result<Activity, String> {
        let date = crate::dates::check_date(&self.date)?;
        let session = self
            .session
            .as_deref()
            .map(str::parse::<Session>)
            .transpose()
            .map_err(|e| e.to_string())?;
        let sport = match (&self.sport, session) {
            (Some(s), _) => Sport::from_name(s),
            (None, Some(Session::Cross)) => Sport::Other,
            (None, Some(_)) => Sport::Running,
            (None, None) => {
                return Err(
                    "no session or sport: write one, such as session: easy or sport: cycling".to_string(),
                );
            }
        };
        Ok(Activity {
            source,
            start: DateTime::from(date),
            timed: false,
            minutes: self.minutes,
            sport,
            session,
            distance_km: self.distance_km,
            avg_hr: self.avg_hr,
            rpe: self.rpe,
        })
    }
}

/// The activities of a YAML log.
pub(super) fn read_yaml(text: &str, name: &str) -> Result<Vec<Activity>, String> {
    let entries: Vec<Entry> = crate::yaml::parse_yaml(text, name).map_err(|e| match e {
        InputError::Parse { message, .. } => message,
        other => other.to_string(),
    })?;
    entries
        .into_iter()
        .enumerate()
        .map(|(i, e)| {
            let at = format!("entry {}", i + 1);
            e.activity(format!("{name}: {at}"))
                .map_err(|m| format!("{at}: {m}"))
        })
        .collect()
}

/// The activities of a CSV log.
pub(super) fn read_csv(text: &str, name: &str) -> Result<Vec<Activity>, String> {
    let mut reader = csv::ReaderBuilder::new()
        .trim(csv::Trim::All)
        .from_reader(text.as_bytes());
    let headers = reader.headers().map_err(|e| format!("line 1: {e}"))?.clone();
    let mut out = Vec::new();
    for row in reader.records() {
        let row = row.map_err(|e| format!("not a CSV log: {e}"))?;
        let line = row.position().map_or(0, csv::Position::line);
        let entry: Entry = row
            .deserialize(Some(&headers))
            .map_err(|e| format!("line {line}: {}", without_position(&e)))?;
        out.push(
            entry
                .activity(format!("{name}: row {line}"))
                .map_err(|m| format!("line {line}: {m}"))?,
        );
    }
    Ok(out)
}

/// The csv crate's message without its own position (the caller gives the line).
fn without_position(e: &csv::Error) -> String {
    match e.kind() {
        csv::ErrorKind::Deserialize { err, .. } => match err.field() {
            Some(i) => format!("column {}: {}", i + 1, err.kind()),
            None => err.kind().to_string(),
        },
        _ => e.to_string(),
    }
}
