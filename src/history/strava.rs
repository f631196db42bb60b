//! A Strava bulk export's `activities.csv`. Real exports repeat column names: `Elapsed
//! Time` comes twice (seconds both times), `Distance` first in the display unit (km or
//! miles) and later in metres; so columns are found by position, the metres column
//! preferred. Dates read like `Jan 1, 2024, 10:00:00 AM` (UTC). `Perceived Exertion`
//! (1 to 10) is often empty.

use jiff::civil::DateTime;

use super::{Activity, Sport};

/// Column positions of the fields read.
struct Columns {
    date: usize,
    kind: Option<usize>,
    elapsed: usize,
    metres: Option<usize>,
    display_distance: Option<usize>,
    heart: Option<usize>,
    exertion: Option<usize>,
}

impl Columns {
    fn of(header: &csv::StringRecord) -> Result<Self, String> {
        let all = |name: &str| -> Vec<usize> {
            header
                .iter()
                .enumerate()
                .filter(|(_, h)| h.trim().eq_ignore_ascii_case(name))
                .map(|(i, _)| i)
                .collect()
        };
        let first = |name: &str| all(name).first().copied();
        let distances = all("Distance");
        let missing = |name: &str| format!("no '{name}' column: is this a Strava export's activities.csv?");
        Ok(Columns {
            date: first("Activity Date").ok_or_else(|| missing("Activity Date"))?,
            kind: first("Activity Type"),
            elapsed: first("Elapsed Time").ok_or_else(|| missing("Elapsed Time"))?,
            metres: (distances.len() > 1).then(|| distances[distances.len() - 1]),
            display_distance: distances.first().copied(),
            heart: first("Average Heart Rate"),
            exertion: first("Perceived Exertion"),
        })
    }
}

/// The activities of an `activities.csv`.
pub(super) fn read(text: &str, name: &str) -> Result<Vec<Activity>, String> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut rows = reader.records();
    let header = match rows.next() {
        Some(h) => h.map_err(|e| format!("line 1: {e}"))?,
        None => return Ok(Vec::new()),
    };
    let cols = Columns::of(&header)?;
    let mut out = Vec::new();
    for row in rows {
        let row = row.map_err(|e| format!("not a CSV file: {e}"))?;
        let line = row.position().map_or(0, csv::Position::line);
        out.push(
            activity(&row, &cols, &format!("{name}: row {line}")).map_err(|e| format!("line {line}: {e}"))?,
        );
    }
    Ok(out)
}

fn activity(row: &csv::StringRecord, cols: &Columns, source: &str) -> Result<Activity, String> {
    let cell = |i: Option<usize>| {
        i.and_then(|i| row.get(i))
            .map(str::trim)
            .filter(|s| !s.is_empty())
    };
    let number = |i: Option<usize>, what: &str| -> Result<Option<f64>, String> {
        cell(i)
            .map(|s| {
                s.replace(',', "")
                    .parse::<f64>()
                    .map_err(|_| format!("{what} '{s}' is not a number"))
            })
            .transpose()
    };
    let date = cell(Some(cols.date)).ok_or("no Activity Date")?;
    let seconds = number(Some(cols.elapsed), "Elapsed Time")?.ok_or("no Elapsed Time")?;
    let distance_km = match number(cols.metres, "Distance")? {
        Some(m) => Some(m / 1000.0),
        None => number(cols.display_distance, "Distance")?,
    };
    Ok(Activity {
        source: source.to_string(),
        start: parse_date(date)?,
        timed: true,
        minutes: seconds / 60.0,
        sport: cell(cols.kind).map_or(Sport::Running, Sport::from_name),
        session: None,
        distance_km,
        avg_hr: number(cols.heart, "Average Heart Rate")?,
        rpe: number(cols.exertion, "Perceived Exertion")?,
    })
}

/// `Jan 1, 2024, 10:00:00 AM` (Strava's export), or ISO `2024-01-01 10:00:00`.
pub(super) fn parse_date(text: &str) -> Result<DateTime, String> {
    let bad = || format!("'{text}' is not a date like 'Jan 1, 2024, 10:00:00 AM'");
    if let Ok(dt) = text.replace('T', " ").parse::<DateTime>() {
        return Ok(dt);
    }
    jiff::fmt::strtime::parse("%b %d, %Y, %I:%M:%S %p", text)
        .or_else(|_| jiff::fmt::strtime::parse("%b %d, %Y %I:%M:%S %p", text))
        .and_then(|t| t.to_datetime())
        .map_err(|_| bad())
}
