//! Terminal tables, readable in 80 columns or a narrower terminal's width: the seven days
//! with session and minutes, then each component with its reason, then violations and
//! notes. Colour only when asked for (the caller decides from the terminal and NO_COLOR).

use std::fmt::Write as _;

use comfy_table::{ContentArrangement, Table, presets};

use super::yaml::round;
use crate::model::Verdict;
use crate::model::explain::Report;

/// Table width in columns.
pub const WIDTH: u16 = 80;
/// Narrowest width tables are laid out for: below it cells would hold a word a line.
pub const MIN_WIDTH: u16 = 40;

/// How tables are drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Style {
    /// Colour the verdicts.
    pub color: bool,
    /// The terminal's width; `None` (a file, a pipe with no COLUMNS): [`WIDTH`].
    pub width: Option<u16>,
}

impl Style {
    /// Columns to lay tables out in: the terminal's width, from [`MIN_WIDTH`] to [`WIDTH`]
    /// (tables read best in 80 columns even on a wide terminal).
    #[must_use]
    pub fn columns(&self) -> u16 {
        self.width.map_or(WIDTH, |w| w.clamp(MIN_WIDTH, WIDTH))
    }

    /// Paint `text` with an ANSI style when colour is on.
    #[must_use]
    pub fn paint(&self, text: &str, style: anstyle::Style) -> String {
        if self.color {
            format!("{style}{text}{style:#}")
        } else {
            text.to_string()
        }
    }

    /// A verdict, coloured green, yellow or red.
    #[must_use]
    pub fn verdict(&self, v: Verdict) -> String {
        let colour = match v {
            Verdict::Balanced => anstyle::AnsiColor::Green,
            Verdict::Watch => anstyle::AnsiColor::Yellow,
            Verdict::Unbalanced => anstyle::AnsiColor::Red,
        };
        self.paint(v.id(), anstyle::Style::new().fg_color(Some(colour.into())).bold())
    }

    /// A heading in bold.
    #[must_use]
    pub fn bold(&self, text: &str) -> String {
        self.paint(text, anstyle::Style::new().bold())
    }
}

/// A new table in the house style.
#[must_use]
pub fn new_table() -> Table {
    let mut t = Table::new();
    t.load_style(presets::UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Dynamic)
        .set_width(WIDTH);
    t
}

/// A new table in the house style, as wide as `style` says.
#[must_use]
pub fn new_table_in(style: &Style) -> Table {
    let mut t = new_table();
    t.set_width(style.columns());
    t
}

/// A number as printed in tables.
#[must_use]
pub fn num(x: f64) -> String {
    let r = round(x);
    if r.fract() == 0.0 {
        format!("{r:.0}")
    } else {
        format!("{r}")
    }
}

/// The days of a plan, each training day's workout under it, and the week's totals.
fn days_table(r: &Report, style: &Style) -> Table {
    let mut days = new_table_in(style);
    days.set_header(vec!["day", "session", "minutes", "load"]);
    for d in &r.days {
        let label = match &d.date {
            Some(date) => format!("{} {date}", d.day.name()),
            None => d.day.name().to_string(),
        };
        // A day already run (replan) says so: what stands there is what was run.
        let session = if d.done {
            format!("{} (done)", d.session.id())
        } else {
            d.session.id().to_string()
        };
        days.add_row(vec![label, session, num(d.minutes), num(d.load)]);
        if let Some(w) = d.workout.as_ref().filter(|_| !d.done) {
            days.add_row(vec![
                String::new(),
                w.summary.clone(),
                String::new(),
                String::new(),
            ]);
        }
    }
    days.add_row(vec![
        "week".to_string(),
        format!(
            "{} hard, {} rest{}",
            r.totals.quality_sessions,
            r.totals.rest_days,
            r.totals
                .distance
                .map(|d| format!(", {:.1} {}", d.value, d.units.id()))
                .unwrap_or_default()
        ),
        num(r.totals.minutes),
        num(r.totals.load),
    ]);
    days
}

/// One plan: headline, days, components, violations and notes.
#[must_use]
pub fn report(out: &mut String, title: &str, r: &Report, style: &Style) -> String {
    let _ = writeln!(
        out,
        "{}  score {:.1}  {}  {}",
        style.bold(title),
        r.score,
        style.verdict(r.verdict),
        if r.repeatable {
            "repeatable"
        } else {
            "not repeatable"
        }
    );
    let days = days_table(r, style);
    let _ = writeln!(out, "{days}");
    let m = &r.metrics;
    let metrics = format!(
        "zones {:.0}/{:.0}/{:.0}%, monotony {:.2}, peak fatigue {:.2}, volume ratio {:.2}, long run {:.0}% ({:.1}x the longest other run)",
        m.z1 * 100.0,
        m.z2 * 100.0,
        m.z3 * 100.0,
        m.monotony,
        m.peak_fatigue_ratio,
        m.volume_ratio,
        m.long_run_share * 100.0,
        m.long_ratio
    );
    let _ = writeln!(out, "{}", wrap(&metrics, usize::from(style.columns()), ""));
    let mut comps = new_table_in(style);
    comps.set_header(vec!["component", "lost", "why"]);
    for c in &r.components {
        comps.add_row(vec![
            c.id.id().to_string(),
            format!("{}/{}", num(c.lost), num(c.points)),
            c.why.clone(),
        ]);
    }
    let _ = writeln!(out, "{comps}");
    if !r.violations.is_empty() {
        let mut v = new_table_in(style);
        v.set_header(vec!["violation", "lost", "days", "why"]);
        for x in &r.violations {
            v.add_row(vec![
                x.id.id().to_string(),
                num(r.violation_penalty),
                x.days.iter().map(|d| d.id()).collect::<Vec<_>>().join(", "),
                x.why.clone(),
            ]);
        }
        let _ = writeln!(out, "{v}");
    }
    for n in &r.notes {
        let _ = writeln!(
            out,
            "{}",
            wrap(&format!("- {n}"), usize::from(style.columns()), "  ")
        );
    }
    std::mem::take(out)
}

/// Wrap text at `width` columns, continuing lines with `indent`.
#[must_use]
pub fn wrap(text: &str, width: usize, indent: &str) -> String {
    let mut out = String::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        if !line.is_empty() && line.chars().count() + 1 + word.chars().count() > width {
            out.push_str(&line);
            out.push('\n');
            line = indent.to_string();
        } else if !line.is_empty() && line != indent {
            line.push(' ');
        }
        line.push_str(word);
    }
    out.push_str(&line);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrapped_lines_fit_the_width() {
        let text = "- Tuesday's intervals and Friday's tempo are three days apart, with easy running between, and the long run sits on top.";
        for line in wrap(text, 40, "  ").lines() {
            assert!(line.chars().count() <= 40, "{line}");
        }
    }

    #[test]
    fn colour_is_off_unless_asked_for() {
        assert_eq!(Style::default().verdict(Verdict::Balanced), "balanced");
        assert!(
            Style {
                color: true,
                width: None
            }
            .verdict(Verdict::Balanced)
            .contains("\u{1b}[")
        );
    }
}
