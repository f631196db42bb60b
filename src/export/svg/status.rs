//! The status chart (`weekwright status --format svg`): the last 90 days before today in
//! the block chart's style. Each day's load is a bar; fitness and fatigue at the end of
//! each day run on top, on the same axis; form (fitness minus fatigue) has its own panel
//! around zero; Mondays are ticked and dated. Drawn back to front, one function a layer.

use std::fmt::Write as _;

use super::{
    Axes, BAR, FATIGUE, FITNESS, FORM, FORM_BOTTOM, FORM_TOP, HEIGHT, INK, LEFT, LOAD_BOTTOM, TOP, WIDTH,
    escape, form_axis, legend_entries, load_grid, short_date,
};
use crate::history::state::TraceDay;

/// The chart's axes over the days drawn, as the block chart lays them out.
fn axes(trace: &[TraceDay]) -> Axes {
    let top = trace
        .iter()
        .map(|t| t.load.max(t.filters.fitness).max(t.filters.fatigue))
        .fold(1.0, f64::max);
    let f_abs = trace.iter().map(|t| form(t).abs()).fold(1.0, f64::max);
    Axes::new(trace.len().max(1) as f64, top, f_abs)
}

fn form(t: &TraceDay) -> f64 {
    t.filters.fitness - t.filters.fatigue
}

/// The chart of the status at the start of `date`: `trace` holds the days before it
/// (`weekwright status` gives the last 90), the state at its start being the last day's.
#[must_use]
pub fn chart(date: jiff::civil::Date, trace: &[TraceDay]) -> String {
    let scales = axes(trace);
    let mut s = String::new();
    header(&mut s, date, trace);
    load_panel(&mut s, &scales, trace);
    lines(&mut s, &scales, trace);
    form_panel(&mut s, &scales, trace);
    for (t, b) in [(TOP, LOAD_BOTTOM), (FORM_TOP, FORM_BOTTOM)] {
        let _ = writeln!(
            s,
            "<rect x=\"{LEFT}\" y=\"{t}\" width=\"{:.1}\" height=\"{:.1}\" fill=\"none\" stroke=\"#999\" stroke-width=\"1\"/>",
            scales.plot_w,
            b - t
        );
    }
    day_axis(&mut s, &scales, trace);
    legend(&mut s);
    s.push_str("</svg>\n");
    s
}

fn header(s: &mut String, date: jiff::civil::Date, trace: &[TraceDay]) {
    let _ = writeln!(
        s,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{WIDTH}\" height=\"{HEIGHT}\" viewBox=\"0 0 {WIDTH} {HEIGHT}\" font-family=\"Helvetica, Arial, sans-serif\" font-size=\"12\">"
    );
    let title = format!("Status at the start of {date}");
    let last = trace.last().map(|t| t.filters).unwrap_or_default();
    let subtitle = format!(
        "the last {} days: the load of each day, and fitness, fatigue and form at its end. Today: fitness {:.0}, fatigue {:.0}, form {:+.0}",
        trace.len(),
        last.fitness,
        last.fatigue,
        last.fitness - last.fatigue
    );
    let _ = write!(
        s,
        "<title>{}: {}</title>\n<rect width=\"{WIDTH}\" height=\"{HEIGHT}\" fill=\"#ffffff\"/>\n<text x=\"{LEFT}\" y=\"22\" font-size=\"16\" font-weight=\"bold\" fill=\"{INK}\">{}</text>\n<text x=\"{LEFT}\" y=\"40\" font-size=\"12\" fill=\"#555\">{}</text>\n",
        escape(&title),
        escape(&subtitle),
        escape(&title),
        escape(&subtitle)
    );
}

/// The grid with its values, the axis title, and a bar for each day with load (a tooltip
/// gives its date and load).
fn load_panel(s: &mut String, scales: &Axes, trace: &[TraceDay]) {
    load_grid(s, scales, "load (AU)");
    let day_w = scales.plot_w / scales.days;
    for (d, t) in trace.iter().enumerate().filter(|(_, t)| t.load > 0.0) {
        let top = scales.y(t.load);
        let _ = writeln!(
            s,
            "<rect class=\"load\" x=\"{:.1}\" y=\"{top:.1}\" width=\"{:.1}\" height=\"{:.1}\" fill=\"{BAR}\" opacity=\"0.85\"><title>{}: load {:.0}</title></rect>",
            scales.x(d as f64) + day_w * 0.1,
            day_w * 0.8,
            LOAD_BOTTOM - top,
            t.date,
            t.load
        );
    }
}

fn lines(s: &mut String, scales: &Axes, trace: &[TraceDay]) {
    for (class, colour, width, values) in [
        (
            "fatigue",
            FATIGUE,
            2.0,
            trace.iter().map(|t| t.filters.fatigue).collect::<Vec<_>>(),
        ),
        (
            "fitness",
            FITNESS,
            2.5,
            trace.iter().map(|t| t.filters.fitness).collect(),
        ),
    ] {
        let _ = writeln!(
            s,
            "<polyline class=\"{class}\" fill=\"none\" stroke=\"{colour}\" stroke-width=\"{width}\" points=\"{}\"/>",
            scales.points(values.into_iter(), Axes::y)
        );
    }
}

fn form_panel(s: &mut String, scales: &Axes, trace: &[TraceDay]) {
    form_axis(s, scales);
    let _ = writeln!(
        s,
        "<polyline class=\"form\" fill=\"none\" stroke=\"{FORM}\" stroke-width=\"2\" points=\"{}\"/>",
        scales.points(trace.iter().map(form), Axes::form_y)
    );
}

/// A tick at each Monday, dated under it.
fn day_axis(s: &mut String, scales: &Axes, trace: &[TraceDay]) {
    for (d, t) in trace.iter().enumerate() {
        if t.date.weekday() != jiff::civil::Weekday::Monday {
            continue;
        }
        let x = scales.x(d as f64);
        let _ = writeln!(
            s,
            "<line x1=\"{x:.1}\" y1=\"{FORM_BOTTOM}\" x2=\"{x:.1}\" y2=\"{:.1}\" stroke=\"#999\"/>\n<text x=\"{x:.1}\" y=\"{:.1}\" text-anchor=\"middle\" fill=\"#666\" font-size=\"10\">{}</text>",
            FORM_BOTTOM + 4.0,
            FORM_BOTTOM + 17.0,
            short_date(t.date)
        );
    }
    let _ = writeln!(
        s,
        "<text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"middle\" fill=\"{INK}\">day (Mondays marked)</text>",
        LEFT + scales.plot_w / 2.0,
        FORM_BOTTOM + 40.0
    );
}

fn legend(s: &mut String) {
    let items = [
        (BAR, "load of the day", true),
        (FITNESS, "fitness", false),
        (FATIGUE, "fatigue", false),
        (FORM, "form (fitness - fatigue)", false),
    ];
    legend_entries(s, &items, LEFT, 62.0);
}
