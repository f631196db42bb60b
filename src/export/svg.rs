//! An SVG chart of a block, written by hand: a runner should see the shape of the block at a
//! glance. Phases are shaded bands; each week's load is a bar (as load per day, so that it
//! shares its axis with the model's lines); fitness and fatigue run day by day on top; form
//! (fitness minus fatigue) has its own panel around zero; the race is marked; both axes are
//! labelled. Text is escaped; numbers are printed with one decimal, so output is stable.
//!
//! [`block_chart`] draws back to front, one function a layer (heading, phase bands, grid,
//! bars, lines, form panel, frames, week axis, race, legend), all placed by one `Scales`,
//! so that a layer can be read, and changed, without the others.

pub mod status;

use std::fmt::Write as _;

use crate::block::{Block, BlockWeek, DayState, Phase};

pub(crate) const WIDTH: f64 = 960.0;
pub(crate) const HEIGHT: f64 = 560.0;
pub(crate) const LEFT: f64 = 78.0;
pub(crate) const RIGHT: f64 = 24.0;
/// The load panel.
pub(crate) const TOP: f64 = 84.0;
pub(crate) const LOAD_BOTTOM: f64 = 350.0;
/// The form panel.
pub(crate) const FORM_TOP: f64 = 384.0;
pub(crate) const FORM_BOTTOM: f64 = 484.0;

pub(crate) const FITNESS: &str = "#1d4e89";
pub(crate) const FATIGUE: &str = "#d1495b";
pub(crate) const FORM: &str = "#2a9d55";
pub(crate) const BAR: &str = "#8fa9c4";
pub(crate) const INK: &str = "#222";
pub(crate) const GRID: &str = "#d8d8d8";

/// Escape text for XML.
#[must_use]
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            _ => out.push(c),
        }
    }
    out
}

fn phase_fill(p: Phase) -> &'static str {
    match p {
        Phase::Build => "#eaf1f8",
        Phase::Deload => "#e6f4e6",
        Phase::Taper => "#fbf0da",
        Phase::Race => "#f9dede",
    }
}

/// A step of 1, 2 or 5 times a power of ten giving about `n` ticks up to `max`.
pub(crate) fn nice_step(max: f64, n: f64) -> f64 {
    let raw = (max / n).max(1e-9);
    let mag = 10f64.powf(raw.log10().floor());
    let f = raw / mag;
    let m = if f <= 1.0 {
        1.0
    } else if f <= 2.0 {
        2.0
    } else if f <= 5.0 {
        5.0
    } else {
        10.0
    };
    m * mag
}

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

pub(crate) fn short_date(d: jiff::civil::Date) -> String {
    format!("{} {}", d.day(), MONTHS[(d.month() - 1) as usize])
}

/// Where days and values land on the page, shared by every layer of a chart (the block's
/// and the status chart) so that bars, lines, bands and ticks agree: the x scale runs over
/// the days, the load panel's y scale up to a round number above the highest load, fitness
/// or fatigue, and the form panel's symmetric around zero.
pub(super) struct Axes {
    /// Days on the x axis.
    pub(super) days: f64,
    /// The width of the plot area.
    pub(super) plot_w: f64,
    /// The load panel's tick step.
    pub(super) step: f64,
    /// The top of the load panel's axis, a whole number of steps.
    pub(super) y_max: f64,
    /// The form panel's axis runs from `-f_lim` to `f_lim`, a round number.
    pub(super) f_lim: f64,
}

impl Axes {
    /// Axes over `days` days for a load panel whose highest value is `top` and a form
    /// panel whose largest magnitude is `f_abs`.
    pub(super) fn new(days: f64, top: f64, f_abs: f64) -> Self {
        let step = nice_step(top * 1.05, 5.0);
        let f_step = nice_step(f_abs, 2.0);
        Axes {
            days,
            plot_w: WIDTH - LEFT - RIGHT,
            step,
            y_max: (top * 1.05 / step).ceil() * step,
            f_lim: (f_abs / f_step).ceil() * f_step,
        }
    }

    /// The x of a day (a fraction of a day is inside it; the 0.5 is its middle).
    pub(super) fn x(&self, day: f64) -> f64 {
        LEFT + day / self.days * self.plot_w
    }

    /// The y of a load per day, fitness or fatigue in the load panel.
    pub(super) fn y(&self, v: f64) -> f64 {
        LOAD_BOTTOM - v / self.y_max * (LOAD_BOTTOM - TOP)
    }

    /// The y of a form value in the form panel, zero in its middle.
    pub(super) fn form_y(&self, v: f64) -> f64 {
        let mid = f64::midpoint(FORM_TOP, FORM_BOTTOM);
        mid - v / self.f_lim * (FORM_BOTTOM - FORM_TOP) / 2.0
    }

    /// A polyline's points, one value a day at the middle of its day, placed by `to_y`.
    pub(super) fn points(
        &self,
        values: impl Iterator<Item = f64>,
        to_y: impl Fn(&Self, f64) -> f64,
    ) -> String {
        let mut pts = String::new();
        for (d, v) in values.enumerate() {
            let _ = write!(pts, "{:.1},{:.1} ", self.x(d as f64 + 0.5), to_y(self, v));
        }
        pts.trim_end().to_string()
    }
}

/// The block chart's [`Axes`], over the block's weeks.
struct Scales {
    axes: Axes,
    /// Weeks on the x axis (at least one).
    weeks: usize,
    /// The width of one week.
    week_w: f64,
}

impl std::ops::Deref for Scales {
    type Target = Axes;

    fn deref(&self) -> &Axes {
        &self.axes
    }
}

impl Scales {
    fn new(block: &Block) -> Self {
        // At least one week, so an empty block still draws.
        let weeks = block.weeks.len().max(1);
        let top = block
            .trace
            .iter()
            .map(|s| s.fitness.max(s.fatigue))
            .chain(block.weeks.iter().map(bar))
            .fold(1.0, f64::max);
        let f_abs = block.trace.iter().map(|s| form(s).abs()).fold(1.0, f64::max);
        let axes = Axes::new((7 * weeks) as f64, top, f_abs);
        Scales {
            week_w: axes.plot_w / weeks as f64,
            weeks,
            axes,
        }
    }
}

/// A week's bar: its mean load per day, so that it shares the load panel's axis with
/// fitness and fatigue, which are daily.
fn bar(w: &BlockWeek) -> f64 {
    w.load / 7.0
}

/// Form: fitness minus fatigue.
fn form(s: &DayState) -> f64 {
    s.fitness - s.fatigue
}

/// The chart of a block. It is drawn back to front, one layer a function: a later layer
/// paints over an earlier one, so the order of the calls is the chart's stacking order.
#[must_use]
pub fn block_chart(block: &Block) -> String {
    let scales = Scales::new(block);
    let mut s = String::new();
    header(&mut s, block);
    phase_bands(&mut s, &scales, block);
    load_grid(&mut s, &scales, "load per day (AU)");
    load_bars(&mut s, &scales, block);
    fitness_and_fatigue(&mut s, &scales, block);
    form_panel(&mut s, &scales, block);
    frames(&mut s, &scales);
    week_axis(&mut s, &scales, block);
    race_marker(&mut s, &scales, block);
    legend(&mut s, block);
    s.push_str("</svg>\n");
    s
}

/// The opening tag, a `<title>` for viewers and screen readers, a white background (the
/// chart does not take the colour of the page it is shown on), and the heading: the
/// profile's name, and the block's weeks, first Monday and race.
fn header(s: &mut String, block: &Block) {
    let _ = writeln!(
        s,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{WIDTH}\" height=\"{HEIGHT}\" viewBox=\"0 0 {WIDTH} {HEIGHT}\" font-family=\"Helvetica, Arial, sans-serif\" font-size=\"12\">"
    );
    let long_date = |d: jiff::civil::Date| format!("{} {}", short_date(d), d.year());
    let weeks = crate::error::counted(block.weeks.len() as u64, "week");
    let start = long_date(block.calendar.start);
    let subtitle = match block.calendar.race {
        Some(r) => format!("{weeks} from Monday {start} to the race on {}", long_date(r)),
        None => format!("{weeks} from Monday {start}"),
    };
    let _ = write!(
        s,
        "<title>{}: {}</title>\n<rect width=\"{WIDTH}\" height=\"{HEIGHT}\" fill=\"#ffffff\"/>\n<text x=\"{LEFT}\" y=\"22\" font-size=\"16\" font-weight=\"bold\" fill=\"{INK}\">{}</text>\n<text x=\"{LEFT}\" y=\"40\" font-size=\"12\" fill=\"#555\">{}</text>\n",
        escape(&block.profile),
        escape(&subtitle),
        escape(&block.profile),
        escape(&subtitle)
    );
}

/// The phases, shaded behind everything else: one band per run of weeks in the same phase
/// (a long build is one band, not a stripe a week), labelled at its top. The bands run
/// through both panels, so a white strip then cuts them where the panels part.
fn phase_bands(s: &mut String, scales: &Scales, block: &Block) {
    let mut k = 0;
    while k < block.weeks.len() {
        let phase = block.weeks[k].phase;
        let mut e = k;
        while e + 1 < block.weeks.len() && block.weeks[e + 1].phase == phase {
            e += 1;
        }
        let x0 = scales.x((7 * k) as f64);
        let w = scales.week_w * (e - k + 1) as f64;
        let _ = writeln!(
            s,
            "<rect x=\"{x0:.1}\" y=\"{TOP:.1}\" width=\"{w:.1}\" height=\"{:.1}\" fill=\"{}\"/>",
            FORM_BOTTOM - TOP,
            phase_fill(phase)
        );
        let (label, size) = band_label(phase.id(), w);
        let _ = writeln!(
            s,
            "<text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"middle\" fill=\"#555\" font-size=\"{size}\">{label}</text>",
            x0 + w / 2.0,
            TOP + 14.0
        );
        k = e + 1;
    }
    let _ = writeln!(
        s,
        "<rect x=\"{LEFT}\" y=\"{LOAD_BOTTOM}\" width=\"{:.1}\" height=\"{:.1}\" fill=\"#ffffff\"/>",
        scales.plot_w,
        FORM_TOP - LOAD_BOTTOM
    );
}

/// A band's label and font size: a label must fit its band, so the phase's name at 11 px,
/// else at 9 px, else only its initial (a lone deload or race week is narrow in a long
/// block; the legend names the initials' colours).
fn band_label(name: &str, width: f64) -> (String, u8) {
    let chars = name.len() as f64;
    if width >= 7.0 * chars {
        (name.to_string(), 11)
    } else if width >= 5.6 * chars {
        (name.to_string(), 9)
    } else {
        (name[..1].to_uppercase(), 10)
    }
}

/// The load panel's grid at round steps, each with its value, and the axis's `title`, so
/// that the bars and lines can be read off as numbers (the block and status charts).
pub(super) fn load_grid(s: &mut String, scales: &Axes, title: &str) {
    let mut v = 0.0;
    while v <= scales.y_max + 1e-9 {
        let yy = scales.y(v);
        let _ = writeln!(
            s,
            "<line x1=\"{LEFT}\" y1=\"{yy:.1}\" x2=\"{:.1}\" y2=\"{yy:.1}\" stroke=\"{GRID}\" stroke-width=\"0.8\"/>\n<text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"end\" fill=\"{INK}\">{v:.0}</text>",
            WIDTH - RIGHT,
            LEFT - 6.0,
            yy + 4.0
        );
        v += scales.step;
    }
    let mid = f64::midpoint(TOP, LOAD_BOTTOM);
    let _ = writeln!(
        s,
        "<text transform=\"translate(20 {mid:.1}) rotate(-90)\" text-anchor=\"middle\" fill=\"{INK}\">{title}</text>"
    );
}

/// A bar a week (its mean load per day), narrower than the week so that neighbours stand
/// apart; its tooltip gives the week's minutes and load.
fn load_bars(s: &mut String, scales: &Scales, block: &Block) {
    for (k, w) in block.weeks.iter().enumerate() {
        let x0 = scales.x((7 * k) as f64) + scales.week_w * 0.18;
        let top = scales.y(bar(w));
        let _ = writeln!(
            s,
            "<rect x=\"{x0:.1}\" y=\"{top:.1}\" width=\"{:.1}\" height=\"{:.1}\" fill=\"{BAR}\" opacity=\"0.85\"><title>week {}: {} min, load {:.0}</title></rect>",
            scales.week_w * 0.64,
            LOAD_BOTTOM - top,
            w.week,
            w.minutes,
            w.load
        );
    }
}

/// Fatigue and fitness, day by day over the bars: the model's response to the load. Fatigue
/// comes first so that fitness, the line the block builds, is drawn on top of it.
fn fitness_and_fatigue(s: &mut String, scales: &Scales, block: &Block) {
    let _ = writeln!(
        s,
        "<polyline fill=\"none\" stroke=\"{FATIGUE}\" stroke-width=\"2\" points=\"{}\"/>",
        scales.points(block.trace.iter().map(|t| t.fatigue), Axes::y)
    );
    let _ = writeln!(
        s,
        "<polyline fill=\"none\" stroke=\"{FITNESS}\" stroke-width=\"2.5\" points=\"{}\"/>",
        scales.points(block.trace.iter().map(|t| t.fitness), Axes::y)
    );
}

/// The form panel's axis: its limits and the dashed zero line, signed, and its title;
/// each chart then draws its own form line on it.
pub(super) fn form_axis(s: &mut String, scales: &Axes) {
    for v in [-scales.f_lim, 0.0, scales.f_lim] {
        let yy = scales.form_y(v);
        let (stroke, dash) = if v == 0.0 {
            ("#888", " stroke-dasharray=\"4 3\"")
        } else {
            (GRID, "")
        };
        let _ = writeln!(
            s,
            "<line x1=\"{LEFT}\" y1=\"{yy:.1}\" x2=\"{:.1}\" y2=\"{yy:.1}\" stroke=\"{stroke}\" stroke-width=\"0.8\"{dash}/>\n<text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"end\" fill=\"{INK}\">{}{v:.0}</text>",
            WIDTH - RIGHT,
            LEFT - 6.0,
            yy + 4.0,
            if v > 0.0 { "+" } else { "" }
        );
    }
    let fmid = f64::midpoint(FORM_TOP, FORM_BOTTOM);
    let _ = writeln!(
        s,
        "<text transform=\"translate(20 {fmid:.1}) rotate(-90)\" text-anchor=\"middle\" fill=\"{INK}\">form</text>"
    );
}

/// The form panel: form has its own axis because it crosses zero, where the load panel's
/// values never do. The zero line is dashed and the limits are signed, so fresh (above)
/// and tired (below) read at a glance; then the axis's title and the line.
fn form_panel(s: &mut String, scales: &Scales, block: &Block) {
    form_axis(s, scales);
    let _ = writeln!(
        s,
        "<polyline fill=\"none\" stroke=\"{FORM}\" stroke-width=\"2\" points=\"{}\"/>",
        scales.points(block.trace.iter().map(form), Axes::form_y)
    );
}

/// The frames of both panels, drawn after the bands, bars and lines so that none of them
/// covers an edge.
fn frames(s: &mut String, scales: &Scales) {
    for (t, b) in [(TOP, LOAD_BOTTOM), (FORM_TOP, FORM_BOTTOM)] {
        let _ = writeln!(
            s,
            "<rect x=\"{LEFT}\" y=\"{t}\" width=\"{:.1}\" height=\"{:.1}\" fill=\"none\" stroke=\"#999\" stroke-width=\"1\"/>",
            scales.plot_w,
            b - t
        );
    }
}

/// The x axis, shared by both panels: a tick at each Monday and, under the week's middle,
/// its number and date. A long block labels every few weeks only (at most about 16
/// labels), so labels do not overlap.
fn week_axis(s: &mut String, scales: &Scales, block: &Block) {
    let every = scales.weeks.div_ceil(16);
    for (k, w) in block.weeks.iter().enumerate() {
        let cx = scales.x((7 * k) as f64 + 3.5);
        let _ = writeln!(
            s,
            "<line x1=\"{x0:.1}\" y1=\"{FORM_BOTTOM}\" x2=\"{x0:.1}\" y2=\"{:.1}\" stroke=\"#999\"/>",
            FORM_BOTTOM + 4.0,
            x0 = scales.x((7 * k) as f64)
        );
        if k % every == 0 {
            let _ = writeln!(
                s,
                "<text x=\"{cx:.1}\" y=\"{:.1}\" text-anchor=\"middle\" fill=\"{INK}\">W{}</text>\n<text x=\"{cx:.1}\" y=\"{:.1}\" text-anchor=\"middle\" fill=\"#666\" font-size=\"10\">{}</text>",
                FORM_BOTTOM + 17.0,
                w.week,
                FORM_BOTTOM + 30.0,
                short_date(w.start)
            );
        }
    }
    let _ = writeln!(
        s,
        "<text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"middle\" fill=\"{INK}\">week (Monday)</text>",
        LEFT + scales.plot_w / 2.0,
        FORM_BOTTOM + 50.0
    );
}

/// The race, if the block has one: a dashed line through both panels at the middle of race
/// day, so that the form the block arrives with can be read off, and a flag with its date.
fn race_marker(s: &mut String, scales: &Scales, block: &Block) {
    let Some(r) = block.calendar.race else {
        return;
    };
    let day = crate::dates::days_between(block.calendar.start, r) as f64 + 0.5;
    let rx = scales.x(day);
    let _ = writeln!(
        s,
        "<line x1=\"{rx:.1}\" y1=\"{TOP}\" x2=\"{rx:.1}\" y2=\"{FORM_BOTTOM}\" stroke=\"#b00020\" stroke-width=\"2\" stroke-dasharray=\"6 3\"/>\n<path d=\"M{rx:.1},{:.1} l0,-16 l-14,5 l14,5 z\" fill=\"#b00020\"/>\n<text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"end\" fill=\"#b00020\" font-weight=\"bold\">race {}</text>",
        TOP - 2.0,
        rx - 18.0,
        TOP - 6.0,
        short_date(r)
    );
}

/// Legend entries in a row from `lx` at `ly`: a swatch for a bar, a stroke for a line, then
/// the label, each entry placed after the last by its label's length. Returns where the
/// next entry goes.
pub(super) fn legend_entries(s: &mut String, items: &[(&str, &str, bool)], mut lx: f64, ly: f64) -> f64 {
    for &(colour, label, bar) in items {
        if bar {
            let _ = writeln!(
                s,
                "<rect x=\"{lx:.1}\" y=\"{:.1}\" width=\"14\" height=\"10\" fill=\"{colour}\"/>",
                ly - 9.0
            );
        } else {
            let _ = writeln!(
                s,
                "<line x1=\"{lx:.1}\" y1=\"{:.1}\" x2=\"{:.1}\" y2=\"{:.1}\" stroke=\"{colour}\" stroke-width=\"2.5\"/>",
                ly - 4.0,
                lx + 14.0,
                ly - 4.0
            );
        }
        let _ = writeln!(
            s,
            "<text x=\"{:.1}\" y=\"{ly:.1}\" fill=\"{INK}\">{}</text>",
            lx + 19.0,
            escape(label)
        );
        lx += 26.0 + 6.6 * label.len() as f64;
    }
    lx
}

/// The legend, one row under the heading: the bars and the three lines, then the colours
/// of the phases this block has (narrow bands carry only an initial, so their colour is
/// the way to tell them). Each entry is placed after the last by its label's length.
fn legend(s: &mut String, block: &Block) {
    let items = [
        (BAR, "weekly load (per day)", true),
        (FITNESS, "fitness", false),
        (FATIGUE, "fatigue", false),
        (FORM, "form (fitness - fatigue)", false),
    ];
    let ly = 62.0;
    let mut lx = legend_entries(s, &items, LEFT, ly);
    for phase in [Phase::Build, Phase::Deload, Phase::Taper, Phase::Race]
        .into_iter()
        .filter(|p| block.weeks.iter().any(|w| w.phase == *p))
    {
        let _ = writeln!(
            s,
            "<rect x=\"{lx:.1}\" y=\"{:.1}\" width=\"14\" height=\"10\" fill=\"{}\" stroke=\"#bbb\" stroke-width=\"0.5\"/>\n<text x=\"{:.1}\" y=\"{ly:.1}\" fill=\"{INK}\">{}</text>",
            ly - 9.0,
            phase_fill(phase),
            lx + 18.0,
            phase.id()
        );
        lx += 26.0 + 6.6 * phase.id().len() as f64;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_escaped_for_xml() {
        assert_eq!(escape("a<b & 'c'"), "a&lt;b &amp; &apos;c&apos;");
    }

    #[test]
    fn ticks_are_round_numbers() {
        assert_eq!(nice_step(230.0, 5.0), 50.0);
        assert_eq!(nice_step(9.0, 2.0), 5.0);
    }
}
