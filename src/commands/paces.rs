//! `weekwright paces`: a race result (or the profile's fitness) in; VDOT, the equivalent
//! race times and the training paces out. json gives seconds, unrounded; yaml and table
//! give `m:ss` and `h:mm:ss`, rounded to the second, and VDOT to one decimal.

use std::fmt::Write as _;

use serde::Serialize;

use super::{Context, fitness_of, flag_error, load_profile};
use crate::cli::PacesArgs;
use crate::error::Result;
use crate::export::{Document, Format, table};
use crate::paces::{Distance, Fitness, Pace, Units, clock};

/// The equivalent race times of CLI.md.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Equivalent<T> {
    /// 5 km.
    #[serde(rename = "5k")]
    pub five_k: T,
    /// 10 km.
    #[serde(rename = "10k")]
    pub ten_k: T,
    /// Half marathon.
    pub half: T,
    /// Marathon.
    pub marathon: T,
}

/// The training paces of CLI.md, per km or per mile; I and R also per 400 m.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PaceTable<T> {
    /// E: from its fast end to its slow end.
    pub easy: [T; 2],
    /// M.
    pub marathon: T,
    /// T.
    pub threshold: T,
    /// I.
    pub interval: T,
    /// R.
    pub repetition: T,
    /// I per 400 m.
    pub interval_400m: T,
    /// R per 400 m.
    pub repetition_400m: T,
}

/// What `paces` prints; `T` is seconds (json) or their clock strings (yaml, table).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PacesOutput<T> {
    /// VDOT (one decimal in yaml and table).
    pub vdot: f64,
    /// Race times at this VDOT.
    pub equivalent: Equivalent<T>,
    /// Training paces.
    pub paces: PaceTable<T>,
    /// Units of the paces, for the table.
    #[serde(skip)]
    pub units: Units,
    /// Where the VDOT comes from (`5k in 20:00`), for the table.
    #[serde(skip)]
    pub source: Option<String>,
}

impl<T> PacesOutput<T> {
    /// The same document with every time and pace mapped by `f`.
    fn map<U>(&self, f: impl Fn(&T) -> U) -> PacesOutput<U> {
        let (e, p) = (&self.equivalent, &self.paces);
        PacesOutput {
            vdot: self.vdot,
            equivalent: Equivalent {
                five_k: f(&e.five_k),
                ten_k: f(&e.ten_k),
                half: f(&e.half),
                marathon: f(&e.marathon),
            },
            paces: PaceTable {
                easy: [f(&p.easy[0]), f(&p.easy[1])],
                marathon: f(&p.marathon),
                threshold: f(&p.threshold),
                interval: f(&p.interval),
                repetition: f(&p.repetition),
                interval_400m: f(&p.interval_400m),
                repetition_400m: f(&p.repetition_400m),
            },
            units: self.units,
            source: self.source.clone(),
        }
    }
}

/// `paces`' document in seconds, as json prints it: equivalent times in seconds, paces in
/// seconds per km or per mile, I and R per 400 m in seconds per 400 m.
#[must_use]
pub fn document(fitness: &Fitness, units: Units) -> PacesOutput<f64> {
    let time = |d: Distance| fitness.race_time(d).seconds();
    let p = fitness.paces();
    let per = |pace: Pace| pace.per(units);
    PacesOutput {
        vdot: fitness.vdot(),
        equivalent: Equivalent {
            five_k: time(Distance::FIVE_K),
            ten_k: time(Distance::TEN_K),
            half: time(Distance::HALF),
            marathon: time(Distance::MARATHON),
        },
        paces: PaceTable {
            easy: [per(p.easy[0]), per(p.easy[1])],
            marathon: per(p.marathon),
            threshold: per(p.threshold),
            interval: per(p.interval),
            repetition: per(p.repetition),
            interval_400m: p.interval.per_400m(),
            repetition_400m: p.repetition.per_400m(),
        },
        units,
        source: fitness.result().map(|r| r.to_string()),
    }
}

/// The document as yaml and table show it: clock strings, VDOT to one decimal.
#[must_use]
pub fn for_reading(doc: &PacesOutput<f64>) -> PacesOutput<String> {
    let mut text = doc.map(|&seconds| clock(seconds));
    text.vdot = (doc.vdot * 10.0).round() / 10.0;
    text
}

impl Document for PacesOutput<f64> {
    fn table(&self, style: &table::Style) -> String {
        for_reading(self).table(style)
    }
}

impl Document for PacesOutput<String> {
    fn table(&self, style: &table::Style) -> String {
        let mut out = String::new();
        let from = self
            .source
            .as_ref()
            .map_or_else(|| "given".to_string(), |r| format!("from {r}"));
        let _ = writeln!(out, "{}", style.bold(&format!("VDOT {:.1} ({from})", self.vdot)));
        let mut races = table::new_table_in(style);
        races.set_header(vec!["race", "time"]);
        let e = &self.equivalent;
        for (name, time) in [
            ("5k", &e.five_k),
            ("10k", &e.ten_k),
            ("half", &e.half),
            ("marathon", &e.marathon),
        ] {
            races.add_row(vec![name, time.as_str()]);
        }
        let _ = writeln!(out, "{races}");
        let unit = format!("per {}", self.units.id());
        let mut paces = table::new_table_in(style);
        paces.set_header(vec!["pace", unit.as_str(), "per 400 m", "for"]);
        let p = &self.paces;
        let easy = format!("{}-{}", p.easy[0], p.easy[1]);
        let rows = [
            ("E easy", &easy, "", "easy and long runs"),
            ("M marathon", &p.marathon, "", "marathon pace"),
            ("T threshold", &p.threshold, "", "tempo, cruise intervals"),
            (
                "I interval",
                &p.interval,
                p.interval_400m.as_str(),
                "repeats of 3-5 min",
            ),
            (
                "R repetition",
                &p.repetition,
                p.repetition_400m.as_str(),
                "strides, short repeats",
            ),
        ];
        for (name, pace, lap, use_) in rows {
            paces.add_row(vec![name, pace.as_str(), lap, use_]);
        }
        let _ = writeln!(out, "{paces}");
        out
    }
}

/// Run `paces`.
///
/// # Errors
/// No fitness given, a bad profile or flag (exit 2), or output that cannot be written.
pub fn run(args: &PacesArgs, ctx: &Context) -> Result<()> {
    let profile = load_profile(args.profile.as_deref())?;
    let (fitness, units) = fitness_of(&profile, &args.fitness);
    let Some(fitness) = fitness else {
        let profile_says = args.profile.as_ref().map_or_else(
            || "or --profile FILE with a fitness: section".to_string(),
            |p| format!("or a fitness: section in {}", p.display()),
        );
        return Err(flag_error(
            "--result",
            format!(
                "no fitness given: give a recent race result, such as --result 10k=42:30 or --result half=1:35:00, {profile_says} (fitness: {{result: {{distance: 10k, time: \"42:30\"}}}} or fitness: {{vdot: 48.5}})"
            ),
        ));
    };
    let doc = document(&fitness, units);
    let output = args.output.as_deref();
    match args.format {
        Format::Json => ctx.emit(&doc, args.format, output, "paces"),
        _ => ctx.emit(&for_reading(&doc), args.format, output, "paces"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_document_in_seconds_lays_out_the_table_of_its_reading() {
        let fitness = Fitness::from_vdot(50.0).unwrap();
        let doc = document(&fitness, Units::Mi);
        let style = table::Style::default();
        let text = doc.table(&style);
        assert_eq!(text, for_reading(&doc).table(&style));
        assert!(
            text.starts_with("VDOT 50.0 (given)") && text.contains("per mi"),
            "{text}"
        );
    }
}
