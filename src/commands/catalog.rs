//! `weekwright catalog`: the session catalog of docs/model.md section 2.

use serde::Serialize;

use super::Context;
use crate::catalog::{Catalog, Level, Session};
use crate::cli::CatalogArgs;
use crate::error::Result;
use crate::export::{Document, table};

/// One catalog entry as printed.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Entry {
    /// Session id.
    pub id: Session,
    /// What it is.
    pub meaning: &'static str,
    /// Session RPE (load per minute).
    pub rpe: f64,
    /// Minutes per level (beginner, intermediate, advanced) or for the level asked.
    pub minutes: Vec<f64>,
    /// Shares of minutes in zones 1, 2, 3.
    pub zones: [f64; 3],
    /// rest, easy, moderate, long, quality (long_fast: long and quality).
    pub class: &'static str,
    /// Counts as a hard session.
    pub quality: bool,
    /// Hours of easier running it needs after it (0 for none).
    pub needs_after_hours: u8,
}

/// What `catalog` prints.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CatalogOutput {
    /// Levels whose minutes are listed.
    pub levels: Vec<&'static str>,
    /// Every session.
    pub sessions: Vec<Entry>,
}

impl Document for CatalogOutput {
    fn table(&self, style: &table::Style) -> String {
        let mut t = table::new_table_in(style);
        t.set_header(vec!["id", "meaning", "rpe", "minutes", "zones", "after"]);
        for e in &self.sessions {
            t.add_row(vec![
                e.id.id().to_string(),
                e.meaning.to_string(),
                table::num(e.rpe),
                e.minutes
                    .iter()
                    .map(|m| table::num(*m))
                    .collect::<Vec<_>>()
                    .join("/"),
                e.zones
                    .iter()
                    .map(|z| table::num(*z))
                    .collect::<Vec<_>>()
                    .join("/"),
                if e.needs_after_hours == 0 {
                    "-".to_string()
                } else {
                    format!("{} h", e.needs_after_hours)
                },
            ]);
        }
        format!(
            "{} (minutes: {})\n{t}\n",
            style.bold("Session catalog"),
            self.levels.join("/")
        )
    }
}

/// The catalog document for one level or all three.
#[must_use]
pub fn catalog(level: Option<Level>) -> CatalogOutput {
    let c = Catalog::default();
    let levels: Vec<Level> = level.map_or_else(
        || vec![Level::Beginner, Level::Intermediate, Level::Advanced],
        |l| vec![l],
    );
    let sessions = Session::ALL
        .into_iter()
        .map(|s| {
            let spec = c.spec(s);
            Entry {
                id: s,
                meaning: s.meaning(),
                rpe: spec.rpe,
                minutes: levels.iter().map(|&l| c.minutes(s, l)).collect(),
                zones: spec.zones,
                class: match (s.is_long(), s.is_quality()) {
                    (true, true) => "long, quality",
                    (true, false) => "long",
                    (false, true) => "quality",
                    _ => match s.class() {
                        crate::catalog::Class::Rest => "rest",
                        crate::catalog::Class::Moderate => "moderate",
                        _ => "easy",
                    },
                },
                quality: s.is_quality(),
                needs_after_hours: s.gap_days() * 24,
            }
        })
        .collect();
    CatalogOutput {
        levels: levels.iter().map(|l| l.id()).collect(),
        sessions,
    }
}

/// Run `catalog`.
///
/// # Errors
/// Output that cannot be written.
pub fn run(args: &CatalogArgs, ctx: &Context) -> Result<()> {
    ctx.emit(&catalog(args.level), args.format, None, "catalog")
}
