//! An SVG chart of a block, written by hand: a runner should see the shape of the block at a
//! glance. Phases are shaded bands; each week's load is a bar (as load per day, so that it
//! shares its axis with the model's lines); fitness and fatigue run day by day on top; form
//! (fitness minus fatigue) has its own panel around zero; the race is marked; both axes are
//! labelled. Text is escaped; numbers are printed with one decimal, so output is stable.

use std::fmt::Write as _;

use crate::block::{Block, Phase};

const WIDTH: f64 = 960.0;
const HEIGHT: f64 = 560.0;
const LEFT: f64 = 78.0;
const RIGHT: f64 = 24.0;
/// The load panel.
const TOP: f64 = 84.0;
const LOAD_BOTTOM: f64 = 350.0;
/// The form panel.
const FORM_TOP: f64 = 384.0;
const FORM_BOTTOM: f64 = 484.0;

const FITNESS: &str = "#1d4e89";
const FATIGUE: &str = "#d1495b";
const FORM: &str = "#2a9d55";
const BAR: &str = "#8fa9c4";
const INK: &str = "#222";
const GRID: &str = "#d8d8d8";

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
fn nice_step(max: f64, n: f64) -> f64 {
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

fn short_date(d: jiff::civil::Date) -> String {
    format!("{} {}", d.day(), MONTHS[(d.month() - 1) as usize])
}

/// The chart of a block.
#[must_use]
#[allow(clippy::too_many_lines)] // One chart, drawn back to front.
pub fn block_chart(block: &Block) -> String {
    let n = block.weeks.len().max(1);
    let days = (7 * n) as f64;
    let plot_w = WIDTH - LEFT - RIGHT;
    let x = |day: f64| LEFT + day / days * plot_w;
    let week_w = plot_w / n as f64;

    let bar_of = |w: &crate::block::BlockWeek| w.load / 7.0;
    let top_max = block
        .trace
        .iter()
        .map(|s| s.fitness.max(s.fatigue))
        .chain(block.weeks.iter().map(bar_of))
        .fold(1.0, f64::max);
    let step = nice_step(top_max * 1.05, 5.0);
    let y_max = (top_max * 1.05 / step).ceil() * step;
    let y = |v: f64| LOAD_BOTTOM - v / y_max * (LOAD_BOTTOM - TOP);

    let forms: Vec<f64> = block.trace.iter().map(|s| s.fitness - s.fatigue).collect();
    let f_abs = forms.iter().map(|f| f.abs()).fold(1.0, f64::max);
    let f_step = nice_step(f_abs, 2.0);
    let f_lim = (f_abs / f_step).ceil() * f_step;
    let fy = |v: f64| {
        let mid = f64::midpoint(FORM_TOP, FORM_BOTTOM);
        mid - v / f_lim * (FORM_BOTTOM - FORM_TOP) / 2.0
    };

    let mut s = String::new();
    let _ = writeln!(
        s,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{WIDTH}\" height=\"{HEIGHT}\" viewBox=\"0 0 {WIDTH} {HEIGHT}\" font-family=\"Helvetica, Arial, sans-serif\" font-size=\"12\">"
    );
    let race = block.calendar.race;
    let long_date = |d: jiff::civil::Date| format!("{} {}", short_date(d), d.year());
    let subtitle = match race {
        Some(r) => format!(
            "{} from Monday {} to the race on {}",
            crate::error::counted(block.weeks.len() as u64, "week"),
            long_date(block.calendar.start),
            long_date(r)
        ),
        None => format!(
            "{} from Monday {}",
            crate::error::counted(block.weeks.len() as u64, "week"),
            long_date(block.calendar.start)
        ),
    };
    let _ = write!(
        s,
        "<title>{}: {}</title>\n<rect width=\"{WIDTH}\" height=\"{HEIGHT}\" fill=\"#ffffff\"/>\n<text x=\"{LEFT}\" y=\"22\" font-size=\"16\" font-weight=\"bold\" fill=\"{INK}\">{}</text>\n<text x=\"{LEFT}\" y=\"40\" font-size=\"12\" fill=\"#555\">{}</text>\n",
        escape(&block.profile),
        escape(&subtitle),
        escape(&block.profile),
        escape(&subtitle)
    );

    // Phase bands, merged over consecutive weeks, labelled at the top.
    let mut k = 0;
    while k < block.weeks.len() {
        let phase = block.weeks[k].phase;
        let mut e = k;
        while e + 1 < block.weeks.len() && block.weeks[e + 1].phase == phase {
            e += 1;
        }
        let x0 = x((7 * k) as f64);
        let w = week_w * (e - k + 1) as f64;
        let _ = writeln!(
            s,
            "<rect x=\"{x0:.1}\" y=\"{TOP:.1}\" width=\"{w:.1}\" height=\"{:.1}\" fill=\"{}\"/>",
            FORM_BOTTOM - TOP,
            phase_fill(phase)
        );
        // The label fits its band: full at 11 px, smaller, or the initial on narrow bands.
        let name = phase.id();
        let chars = name.len() as f64;
        let (label, size) = if w >= 7.0 * chars {
            (name.to_string(), 11)
        } else if w >= 5.6 * chars {
            (name.to_string(), 9)
        } else {
            (name[..1].to_uppercase(), 10)
        };
        let _ = writeln!(
            s,
            "<text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"middle\" fill=\"#555\" font-size=\"{size}\">{label}</text>",
            x0 + w / 2.0,
            TOP + 14.0
        );
        k = e + 1;
    }
    // White gap between the two panels.
    let _ = writeln!(
        s,
        "<rect x=\"{LEFT}\" y=\"{LOAD_BOTTOM}\" width=\"{plot_w:.1}\" height=\"{:.1}\" fill=\"#ffffff\"/>",
        FORM_TOP - LOAD_BOTTOM
    );

    // Grid and y axis of the load panel.
    let mut v = 0.0;
    while v <= y_max + 1e-9 {
        let yy = y(v);
        let _ = writeln!(
            s,
            "<line x1=\"{LEFT}\" y1=\"{yy:.1}\" x2=\"{:.1}\" y2=\"{yy:.1}\" stroke=\"{GRID}\" stroke-width=\"0.8\"/>\n<text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"end\" fill=\"{INK}\">{v:.0}</text>",
            WIDTH - RIGHT,
            LEFT - 6.0,
            yy + 4.0
        );
        v += step;
    }
    let mid = f64::midpoint(TOP, LOAD_BOTTOM);
    let _ = writeln!(
        s,
        "<text transform=\"translate(20 {mid:.1}) rotate(-90)\" text-anchor=\"middle\" fill=\"{INK}\">load per day (AU)</text>"
    );

    // Weekly load bars (the week's mean load per day).
    for (k, w) in block.weeks.iter().enumerate() {
        let x0 = x((7 * k) as f64) + week_w * 0.18;
        let top = y(bar_of(w));
        let _ = writeln!(
            s,
            "<rect x=\"{x0:.1}\" y=\"{top:.1}\" width=\"{:.1}\" height=\"{:.1}\" fill=\"{BAR}\" opacity=\"0.85\"><title>week {}: {} min, load {:.0}</title></rect>",
            week_w * 0.64,
            LOAD_BOTTOM - top,
            w.week,
            w.minutes,
            w.load
        );
    }

    // Fitness and fatigue, day by day.
    let line = |values: &mut dyn Iterator<Item = f64>, f: &dyn Fn(f64) -> f64| -> String {
        let mut pts = String::new();
        for (d, v) in values.enumerate() {
            let _ = write!(pts, "{:.1},{:.1} ", x(d as f64 + 0.5), f(v));
        }
        pts.trim_end().to_string()
    };
    let _ = writeln!(
        s,
        "<polyline fill=\"none\" stroke=\"{FATIGUE}\" stroke-width=\"2\" points=\"{}\"/>",
        line(&mut block.trace.iter().map(|t| t.fatigue), &y)
    );
    let _ = writeln!(
        s,
        "<polyline fill=\"none\" stroke=\"{FITNESS}\" stroke-width=\"2.5\" points=\"{}\"/>",
        line(&mut block.trace.iter().map(|t| t.fitness), &y)
    );

    // Form panel: zero line, ticks, the line.
    for v in [-f_lim, 0.0, f_lim] {
        let yy = fy(v);
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
    let _ = writeln!(
        s,
        "<polyline fill=\"none\" stroke=\"{FORM}\" stroke-width=\"2\" points=\"{}\"/>",
        line(&mut forms.iter().copied(), &fy)
    );

    // Frames of both panels.
    for (t, b) in [(TOP, LOAD_BOTTOM), (FORM_TOP, FORM_BOTTOM)] {
        let _ = writeln!(
            s,
            "<rect x=\"{LEFT}\" y=\"{t}\" width=\"{plot_w:.1}\" height=\"{:.1}\" fill=\"none\" stroke=\"#999\" stroke-width=\"1\"/>",
            b - t
        );
    }

    // x axis: week numbers and Mondays.
    let every = n.div_ceil(16);
    for (k, w) in block.weeks.iter().enumerate() {
        let cx = x((7 * k) as f64 + 3.5);
        let _ = writeln!(
            s,
            "<line x1=\"{x0:.1}\" y1=\"{FORM_BOTTOM}\" x2=\"{x0:.1}\" y2=\"{:.1}\" stroke=\"#999\"/>",
            FORM_BOTTOM + 4.0,
            x0 = x((7 * k) as f64)
        );
        if k % every == 0 {
            let monday = Some(w.start);
            let _ = writeln!(
                s,
                "<text x=\"{cx:.1}\" y=\"{:.1}\" text-anchor=\"middle\" fill=\"{INK}\">W{}</text>\n<text x=\"{cx:.1}\" y=\"{:.1}\" text-anchor=\"middle\" fill=\"#666\" font-size=\"10\">{}</text>",
                FORM_BOTTOM + 17.0,
                w.week,
                FORM_BOTTOM + 30.0,
                monday.map(short_date).unwrap_or_default()
            );
        }
    }
    let _ = writeln!(
        s,
        "<text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"middle\" fill=\"{INK}\">week (Monday)</text>",
        LEFT + plot_w / 2.0,
        FORM_BOTTOM + 50.0
    );

    // The race.
    if let Some(r) = race {
        let day = crate::dates::days_between(block.calendar.start, r) as f64 + 0.5;
        let rx = x(day);
        let _ = writeln!(
            s,
            "<line x1=\"{rx:.1}\" y1=\"{TOP}\" x2=\"{rx:.1}\" y2=\"{FORM_BOTTOM}\" stroke=\"#b00020\" stroke-width=\"2\" stroke-dasharray=\"6 3\"/>\n<path d=\"M{rx:.1},{:.1} l0,-16 l-14,5 l14,5 z\" fill=\"#b00020\"/>\n<text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"end\" fill=\"#b00020\" font-weight=\"bold\">race {}</text>",
            TOP - 2.0,
            rx - 18.0,
            TOP - 6.0,
            short_date(r)
        );
    }

    // Legend.
    let items = [
        (BAR, "weekly load (per day)", true),
        (FITNESS, "fitness", false),
        (FATIGUE, "fatigue", false),
        (FORM, "form (fitness - fatigue)", false),
    ];
    let mut lx = LEFT;
    let ly = 62.0;
    for (colour, label, bar) in items {
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
    // The colours of the block's phases (narrow bands carry only an initial).
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
    s.push_str("</svg>\n");
    s
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
