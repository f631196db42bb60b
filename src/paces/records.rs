//! The men's world records a race result must not beat (World Athletics' ratified records,
//! as of 2025): a result faster than the record for its distance is a typo, not a runner.
//! Between the records' distances the record is interpolated on a log-log line (a power law
//! of time on distance, Riegel's form, fitted through the two records either side).

use super::Distance;

/// A men's world record.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Record {
    /// The distance, metres.
    pub metres: f64,
    /// The time, seconds.
    pub seconds: f64,
    /// The event, as a runner writes it.
    pub event: &'static str,
    /// Who ran it, where and when.
    pub by: &'static str,
}

/// The men's world records from 1500 m to the marathon, shortest first (World Athletics;
/// 1500 m to 10,000 m on the track, the half marathon and the marathon on the road, where
/// they are faster than the road's 5 and 10 km).
pub const RECORDS: [Record; 7] = [
    Record {
        metres: 1500.0,
        seconds: 206.00,
        event: "1500m",
        by: "Hicham El Guerrouj, Rome 1998",
    },
    Record {
        metres: super::MILE_METRES,
        seconds: 223.13,
        event: "mile",
        by: "Hicham El Guerrouj, Rome 1999",
    },
    Record {
        metres: 3000.0,
        seconds: 437.55,
        event: "3k",
        by: "Jakob Ingebrigtsen, Chorzów 2024",
    },
    Record {
        metres: 5000.0,
        seconds: 755.36,
        event: "5k",
        by: "Joshua Cheptegei, Monaco 2020",
    },
    Record {
        metres: 10_000.0,
        seconds: 1571.00,
        event: "10k",
        by: "Joshua Cheptegei, Valencia 2020",
    },
    Record {
        metres: 21_097.5,
        seconds: 3402.0,
        event: "half",
        by: "Jacob Kiplimo, Barcelona 2025",
    },
    Record {
        metres: 42_195.0,
        seconds: 7235.0,
        event: "marathon",
        by: "Kelvin Kiptum, Chicago 2023",
    },
];

/// The record time for `distance`, seconds: the record itself at a record's distance, else
/// the log-log interpolation between the records either side; with the records it comes
/// from.
#[must_use]
pub fn record_seconds(distance: Distance) -> (f64, Record, Record) {
    let d = distance.metres();
    let upper = RECORDS
        .iter()
        .position(|r| r.metres >= d)
        .unwrap_or(RECORDS.len() - 1)
        .max(1);
    let (a, b) = (RECORDS[upper - 1], RECORDS[upper]);
    if d == a.metres {
        return (a.seconds, a, a);
    }
    if d == b.metres {
        return (b.seconds, b, b);
    }
    let exponent = (b.seconds / a.seconds).ln() / (b.metres / a.metres).ln();
    (a.seconds * (d / a.metres).powf(exponent), a, b)
}

/// Whether `seconds` over `distance` beats the world record, and the record in words when
/// it does. A time equal to the record in whole seconds (5k in 12:35) is not faster: a
/// result is written to the second, the record to the hundredth.
#[must_use]
pub fn beaten(distance: Distance, seconds: f64) -> Option<String> {
    let (record, a, b) = record_seconds(distance);
    if seconds >= record.floor() {
        return None;
    }
    let hundredths = |s: f64| {
        let whole = super::clock(s.floor());
        let frac = ((s - s.floor()) * 100.0).round() as u32;
        if frac == 0 {
            whole
        } else {
            format!("{whole}.{frac:02}")
        }
    };
    Some(if a == b {
        format!("{} {}, {}", a.event, hundredths(a.seconds), a.by)
    } else {
        format!(
            "{} for {distance}, between the {} record {} and the {} record {}",
            super::clock(record),
            a.event,
            hundredths(a.seconds),
            b.event,
            hundredths(b.seconds)
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(metres: f64) -> Distance {
        Distance::from_metres(metres).unwrap()
    }

    #[test]
    fn the_records_are_the_ratified_times() {
        // 26:11.00 = 1571 s; 2:00:35 = 7235 s; 56:42 = 3402 s; 12:35.36 = 755.36 s.
        assert_eq!(record_seconds(Distance::TEN_K).0, 1571.0);
        assert_eq!(record_seconds(Distance::MARATHON).0, 7235.0);
        assert_eq!(record_seconds(Distance::HALF).0, 3402.0);
        assert_eq!(record_seconds(Distance::FIVE_K).0, 755.36);
        assert_eq!(record_seconds(at(1500.0)).0, 206.0);
    }

    #[test]
    fn between_records_the_record_is_on_the_log_log_line() {
        // 15 km between 10k (1571 s) and the half (3402 s): exponent ln(3402/1571) /
        // ln(2.10975) = 0.772632 / 0.746550 = 1.034935; 1571 x 1.5^1.034935 = 2390.12 s.
        let (t, a, b) = record_seconds(at(15_000.0));
        assert!((t - 2390.12).abs() < 0.01, "{t}");
        assert_eq!((a.event, b.event), ("10k", "half"));
        // Monotone: a longer race never has a faster record.
        let mut last = 0.0;
        for m in (1500..=42_195).step_by(5) {
            let t = record_seconds(at(f64::from(m))).0;
            assert!(t > last, "{m}: {t} after {last}");
            last = t;
        }
    }

    #[test]
    fn only_a_time_below_the_record_in_whole_seconds_beats_it() {
        assert_eq!(beaten(Distance::FIVE_K, 755.0), None);
        assert_eq!(beaten(Distance::FIVE_K, 760.0), None);
        let e = beaten(Distance::FIVE_K, 754.0).unwrap();
        assert_eq!(e, "5k 12:35.36, Joshua Cheptegei, Monaco 2020");
        assert_eq!(
            beaten(Distance::TEN_K, 1570.0).unwrap(),
            "10k 26:11, Joshua Cheptegei, Valencia 2020"
        );
        let e = beaten(at(15_000.0), 2389.0).unwrap();
        assert!(
            e.starts_with("39:50 for 15k, between the 10k record 26:11"),
            "{e}"
        );
        assert_eq!(beaten(at(15_000.0), 2390.0), None);
    }
}
