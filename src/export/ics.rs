//! iCalendar (RFC 5545), written by hand: each training day an all-day event with the
//! session, its minutes and a one-line purpose. Lines end in CRLF and are folded at 75
//! octets (never inside a UTF-8 character); text is escaped; UIDs are stable (the date and
//! the profile) and DTSTAMP is the plan's first day, not the clock, so the same plan gives
//! the same bytes and a re-imported plan updates its events instead of doubling them.

use jiff::civil::Date;

use crate::catalog::Session;
use crate::model::explain::DayOut;

/// One all-day event.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Event {
    /// The day.
    pub date: Date,
    /// Title: session and minutes.
    pub summary: String,
    /// One line: what the session is for.
    pub description: String,
}

/// The event of a training day; `None` on a rest day. The description holds the workout's
/// steps (its summary) and what the session is for; `context` ends it (such as "build week
/// 3").
#[must_use]
pub fn day_event(day: &DayOut, date: Date, context: &str) -> Option<Event> {
    if day.session == Session::Rest {
        return None;
    }
    let name = day.session.prose();
    let mut title: String = name.chars().take(1).flat_map(char::to_uppercase).collect();
    title.push_str(&name[name.chars().next().map_or(0, char::len_utf8)..]);
    Some(Event {
        date,
        summary: format!("{title}, {:.0} min", day.minutes),
        description: match &day.workout {
            // The steps, in the runner's words, then what the session is for.
            Some(w) => format!("{}\n\n{} {context}", w.summary, day.session.purpose()),
            None => format!("{} {context}", day.session.purpose()),
        },
    })
}

/// Escape TEXT values (RFC 5545 section 3.3.11).
#[must_use]
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            _ => out.push(c),
        }
    }
    out
}

/// Fold a content line at 75 octets (RFC 5545 section 3.1): continuation lines start with
/// one space, which counts towards their 75; a UTF-8 character is never split. Each
/// physical line ends with CRLF.
#[must_use]
pub fn fold(line: &str) -> String {
    let mut out = String::with_capacity(line.len() + 8);
    let mut width = 0;
    for c in line.chars() {
        let n = c.len_utf8();
        if width + n > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += n;
    }
    out.push_str("\r\n");
    out
}

fn basic(d: Date) -> String {
    format!("{:04}{:02}{:02}", d.year(), d.month(), d.day())
}

/// A lowercase ASCII slug of a name, for UIDs.
#[must_use]
pub fn slug(name: &str) -> String {
    let mut s = String::new();
    for c in name.chars() {
        if c.is_ascii_alphanumeric() {
            s.push(c.to_ascii_lowercase());
        } else if !s.ends_with('-') && !s.is_empty() {
            s.push('-');
        }
    }
    let s = s.trim_end_matches('-');
    if s.is_empty() {
        "plan".to_string()
    } else {
        s.to_string()
    }
}

/// What follows the date in a UID: the slug of the runner's name and a hash of the whole
/// name, so two runners never share a UID (a slug drops what is not ASCII: "日本語" and
/// "中文" both slug to `plan`), while a plan made again for the same runner replaces its
/// own events when imported.
#[must_use]
pub fn uid_tail(name: &str) -> String {
    // FNV-1a, 32 bits: stable across versions and platforms, unlike std's hasher.
    let hash = name.bytes().fold(0x811c_9dc5_u32, |h, b| {
        (h ^ u32::from(b)).wrapping_mul(0x0100_0193)
    });
    format!("{}-{hash:08x}", slug(name))
}

/// A calendar named `name` holding `events`; `stamp` is the plan's first day (DTSTAMP).
#[must_use]
pub fn calendar(name: &str, stamp: Date, events: &[Event]) -> String {
    let mut out = String::new();
    let stamp = format!("{}T000000Z", basic(stamp));
    let uid_tail = uid_tail(name);
    for line in [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        concat!(
            "PRODID:-//weekwright//weekwright ",
            env!("CARGO_PKG_VERSION"),
            "//EN"
        ),
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
    ] {
        out.push_str(&fold(line));
    }
    out.push_str(&fold(&format!("X-WR-CALNAME:{}", escape(name))));
    for e in events {
        let next = e.date.tomorrow().unwrap_or(e.date);
        out.push_str(&fold("BEGIN:VEVENT"));
        out.push_str(&fold(&format!("UID:{}-{uid_tail}@weekwright", basic(e.date))));
        out.push_str(&fold(&format!("DTSTAMP:{stamp}")));
        out.push_str(&fold(&format!("DTSTART;VALUE=DATE:{}", basic(e.date))));
        out.push_str(&fold(&format!("DTEND;VALUE=DATE:{}", basic(next))));
        out.push_str(&fold(&format!("SUMMARY:{}", escape(&e.summary))));
        out.push_str(&fold(&format!("DESCRIPTION:{}", escape(&e.description))));
        out.push_str(&fold("TRANSP:TRANSPARENT"));
        out.push_str(&fold("END:VEVENT"));
    }
    out.push_str(&fold("END:VCALENDAR"));
    out
}

/// A calendar of one week (`generate --format ics`): the days from `monday` on.
#[must_use]
pub fn week_calendar(name: &str, monday: Date, days: &[DayOut]) -> String {
    let events: Vec<Event> = days
        .iter()
        .enumerate()
        .filter_map(|(i, d)| {
            let date = crate::dates::add_days(monday, crate::dates::whole(i));
            day_event(d, date, "(weekwright week plan)")
        })
        .collect();
    calendar(name, monday, &events)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_lines_fold_at_75_octets_without_splitting_characters() {
        let line = format!("DESCRIPTION:{}", "é".repeat(100));
        let folded = fold(&line);
        for l in folded.split("\r\n").filter(|l| !l.is_empty()) {
            assert!(l.len() <= 75, "{} octets", l.len());
        }
        let unfolded = folded.replace("\r\n ", "");
        assert_eq!(unfolded, format!("{line}\r\n"));
    }

    #[test]
    fn text_is_escaped() {
        assert_eq!(escape("a, b; c\\d\ne"), "a\\, b\\; c\\\\d\\ne");
    }

    #[test]
    fn runners_with_names_alike_get_uids_apart() {
        assert_ne!(uid_tail("日本語"), uid_tail("中文"));
        assert_ne!(uid_tail("Anna"), uid_tail("anna"));
        assert_eq!(uid_tail("Anna"), uid_tail("Anna"));
        assert!(uid_tail("日本語").is_ascii());
    }

    #[test]
    fn slugs_are_ascii() {
        assert_eq!(slug("Intermediate 10K runner!"), "intermediate-10k-runner");
        assert_eq!(slug("ééé"), "plan");
    }
}
