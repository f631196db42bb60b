//! GPX tracks: one activity per file, from the first to the last timed point, with the
//! distance along the track (haversine between points). GPX has no heart rate in its core schema, so its load comes from pace or the
//! sport's default.

use super::{Activity, Sport, utc_datetime};

/// The activity of a GPX file.
pub(super) fn read(bytes: &[u8], name: &str) -> Result<Vec<Activity>, String> {
    let doc = gpx::read(bytes).map_err(|e| format!("not a readable GPX file: {e}"))?;
    let mut times = Vec::new();
    let mut metres = 0.0;
    let mut sport = None;
    for track in &doc.tracks {
        sport = sport.or_else(|| track.type_.as_deref().map(Sport::from_name));
        for segment in &track.segments {
            for pair in segment.points.windows(2) {
                let (a, b) = (pair[0].point(), pair[1].point());
                metres += haversine((a.x(), a.y()), (b.x(), b.y()));
            }
            for p in &segment.points {
                if let Some(t) = p.time {
                    times.push(seconds(t)?);
                }
            }
        }
    }
    let (Some(&first), Some(&last)) = (times.iter().min(), times.iter().max()) else {
        return Err(
            "a GPX file without times: its duration cannot be known (export the track with times)"
                .to_string(),
        );
    };
    Ok(vec![Activity {
        source: name.to_string(),
        start: utc_datetime(first).ok_or("a time outside the calendar")?,
        timed: true,
        minutes: (last - first) as f64 / 60.0,
        sport: sport.unwrap_or(Sport::Running),
        session: None,
        distance_km: Some(metres / 1000.0),
        avg_hr: None,
        rpe: None,
    }])
}

fn seconds(t: gpx::Time) -> Result<i64, String> {
    let text = t
        .format()
        .map_err(|e| format!("a time that cannot be read: {e}"))?;
    let ts: jiff::Timestamp = text
        .parse()
        .map_err(|e| format!("a time that cannot be read ({text}): {e}"))?;
    Ok(ts.as_second())
}

/// Great-circle distance in metres between two (longitude, latitude) points in degrees
/// (mean Earth radius 6371 km).
fn haversine(a: (f64, f64), b: (f64, f64)) -> f64 {
    let (la1, la2) = (a.1.to_radians(), b.1.to_radians());
    let dlat = la2 - la1;
    let dlon = (b.0 - a.0).to_radians();
    let h = (dlat / 2.0).sin().powi(2) + la1.cos() * la2.cos() * (dlon / 2.0).sin().powi(2);
    2.0 * 6_371_000.0 * h.sqrt().asin()
}
