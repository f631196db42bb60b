//! FIT activity files (the file a watch records), decoded by fitparser: one activity per
//! `session` message (start time, elapsed time, distance, average heart rate, sport); a
//! file without sessions falls back on its `record` messages (first and last timestamp,
//! the last distance, the mean heart rate).

use fitparser::profile::MesgNum;
use fitparser::{FitDataRecord, Value};

use super::{Activity, Sport, utc_datetime};

/// The activities of a FIT file.
pub(super) fn read(bytes: &[u8], name: &str) -> Result<Vec<Activity>, String> {
    let records = fitparser::from_bytes(bytes)
        .map_err(|e| format!("not a readable FIT file (corrupt or truncated?): {e}"))?;
    let mut activities: Vec<Activity> = records
        .iter()
        .filter(|r| r.kind() == MesgNum::Session)
        .filter_map(|r| from_session(r, name))
        .collect();
    if activities.is_empty() {
        activities.extend(from_records(&records, name));
    }
    if activities.is_empty() {
        return Err(
            "a FIT file without an activity (no session or timed record messages): workout and course files are not history"
                .to_string(),
        );
    }
    Ok(activities)
}

fn field<'a>(r: &'a FitDataRecord, name: &str) -> Option<&'a Value> {
    r.fields()
        .iter()
        .find(|f| f.name() == name)
        .map(fitparser::FitDataField::value)
}

fn number(v: &Value) -> Option<f64> {
    let x = match v {
        Value::Byte(x) | Value::UInt8(x) | Value::UInt8z(x) | Value::Enum(x) => f64::from(*x),
        Value::SInt8(x) => f64::from(*x),
        Value::SInt16(x) => f64::from(*x),
        Value::UInt16(x) | Value::UInt16z(x) => f64::from(*x),
        Value::SInt32(x) => f64::from(*x),
        Value::UInt32(x) | Value::UInt32z(x) => f64::from(*x),
        Value::Float32(x) => f64::from(*x),
        Value::Float64(x) => *x,
        Value::SInt64(x) => *x as f64,
        Value::UInt64(x) | Value::UInt64z(x) => *x as f64,
        _ => return None,
    };
    x.is_finite().then_some(x)
}

fn seconds(v: &Value) -> Option<i64> {
    match v {
        Value::Timestamp(t) => Some(t.timestamp()),
        _ => None,
    }
}

fn from_session(r: &FitDataRecord, name: &str) -> Option<Activity> {
    let start = field(r, "start_time").and_then(seconds)?;
    let elapsed = field(r, "total_elapsed_time")
        .or_else(|| field(r, "total_timer_time"))
        .and_then(number)?;
    let sport = match field(r, "sport") {
        Some(Value::String(s)) => Sport::from_name(s),
        _ => Sport::Running,
    };
    Some(Activity {
        source: name.to_string(),
        start: utc_datetime(start)?,
        timed: true,
        minutes: elapsed / 60.0,
        sport,
        session: None,
        distance_km: field(r, "total_distance").and_then(number).map(|m| m / 1000.0),
        avg_hr: field(r, "avg_heart_rate").and_then(number),
        rpe: None,
    })
}

fn from_records(records: &[FitDataRecord], name: &str) -> Option<Activity> {
    let points: Vec<&FitDataRecord> = records.iter().filter(|r| r.kind() == MesgNum::Record).collect();
    let times: Vec<i64> = points
        .iter()
        .filter_map(|r| field(r, "timestamp").and_then(seconds))
        .collect();
    let (first, last) = (*times.iter().min()?, *times.iter().max()?);
    let hrs: Vec<f64> = points
        .iter()
        .filter_map(|r| field(r, "heart_rate").and_then(number))
        .collect();
    let distance = points
        .iter()
        .filter_map(|r| field(r, "distance").and_then(number))
        .reduce(f64::max);
    Some(Activity {
        source: name.to_string(),
        start: utc_datetime(first)?,
        timed: true,
        minutes: (last - first) as f64 / 60.0,
        sport: Sport::Running,
        session: None,
        distance_km: distance.map(|m| m / 1000.0),
        avg_hr: (!hrs.is_empty()).then(|| hrs.iter().sum::<f64>() / hrs.len() as f64),
        rpe: None,
    })
}
