//! The iCalendar feed (RFC 5545) of a center's or the network's groups and events.
//!
//! Each occurrence in the feed's window is one VEVENT with its start and end in UTC (RFC 5545 §3.3.5, form #2),
//! so no VTIMEZONE is needed and a calendar shows the right local time across daylight saving time (the
//! expansion is `recurrence`'s). Written as RFC 5545 says: CRLF line endings (§3.1), lines folded at 75 octets
//! with a space starting each continuation, never inside a UTF-8 character (§3.1), TEXT escaped (§3.3.11:
//! backslash, semicolon, comma, line break), and each VEVENT with a UID unique per occurrence and a DTSTAMP
//! (§3.8.7.2, §3.8.4.7).

use chrono::{DateTime, NaiveDateTime, Utc};

/// One occurrence in a feed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FeedEvent {
    /// Globally unique (RFC 5545 §3.8.4.7): the gathering's id, the occurrence's start and our host.
    pub uid: String,
    pub starts: DateTime<Utc>,
    pub ends: DateTime<Utc>,
    pub summary: String,
    pub description: Option<String>,
    pub location: Option<String>,
    pub url: Option<String>,
}

/// RFC 5545 §3.3.11: `\` `;` `,` escaped, line breaks as `\n`.
pub fn escape_text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// One content line, folded at 75 octets (RFC 5545 §3.1) and ended with CRLF.
pub fn push_line(out: &mut String, line: &str) {
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
}

fn stamp(t: DateTime<Utc>) -> String {
    t.format("%Y%m%dT%H%M%SZ").to_string()
}

/// A whole VCALENDAR: `name` is the calendar's name (X-WR-CALNAME, widely read), `now` the DTSTAMP.
pub fn calendar(name: &str, events: &[FeedEvent], now: DateTime<Utc>) -> String {
    let mut out = String::with_capacity(256 + events.len() * 320);
    let mut line = |s: &str| push_line(&mut out, s);
    line("BEGIN:VCALENDAR");
    line("VERSION:2.0");
    line("PRODID:-//Pathways//Recovery community calendar//EN");
    line("CALSCALE:GREGORIAN");
    line("METHOD:PUBLISH");
    line(&format!("X-WR-CALNAME:{}", escape_text(name)));
    let now = stamp(now);
    for e in events {
        line("BEGIN:VEVENT");
        line(&format!("UID:{}", e.uid));
        line(&format!("DTSTAMP:{now}"));
        line(&format!("DTSTART:{}", stamp(e.starts)));
        line(&format!("DTEND:{}", stamp(e.ends)));
        line(&format!("SUMMARY:{}", escape_text(&e.summary)));
        if let Some(d) = &e.description {
            line(&format!("DESCRIPTION:{}", escape_text(d)));
        }
        if let Some(l) = &e.location {
            line(&format!("LOCATION:{}", escape_text(l)));
        }
        if let Some(u) = &e.url {
            line(&format!("URL:{u}"));
        }
        line("END:VEVENT");
    }
    line("END:VCALENDAR");
    out
}

/// A gathering as one VEVENT: a single occurrence in UTC, or a weekly series in its zone with its RRULE
/// (RFC 5545 §3.8.5.3), so a feed of a whole network carries each group once instead of every meeting.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FeedSeries {
    pub uid: String,
    pub summary: String,
    pub description: Option<String>,
    pub location: Option<String>,
    pub url: Option<String>,
    pub when: SeriesWhen,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SeriesWhen {
    /// Happens once: start and end in UTC.
    Once { starts: DateTime<Utc>, ends: DateTime<Utc> },
    /// Repeats: the first start and end in wall-clock time of `tz` (DTSTART;TZID=…), the rule (`FREQ=…`), and the
    /// last start, in UTC (RFC 5545 §3.3.10: UNTIL is UTC when DTSTART has a TZID).
    Weekly { tz: chrono_tz::Tz, starts: NaiveDateTime, ends: NaiveDateTime, rule: String, until: Option<DateTime<Utc>> },
}

fn local_stamp(t: NaiveDateTime) -> String {
    t.format("%Y%m%dT%H%M%S").to_string()
}

/// `+HHMM` / `-HHMM` (RFC 5545 §3.3.14).
fn utc_offset(seconds: i32) -> String {
    let sign = if seconds < 0 { '-' } else { '+' };
    let s = seconds.unsigned_abs();
    format!("{sign}{:02}{:02}", s / 3600, (s % 3600) / 60)
}

/// The offset of `tz` at `t`: (seconds east of UTC, daylight saving time in effect, its abbreviation).
fn offset_at(tz: chrono_tz::Tz, t: DateTime<Utc>) -> (i32, bool, String) {
    use chrono::{Offset as _, TimeZone as _};
    use chrono_tz::{OffsetComponents as _, OffsetName as _};
    let o = tz.offset_from_utc_datetime(&t.naive_utc());
    (o.fix().local_minus_utc(), !o.dst_offset().is_zero(), o.abbreviation().unwrap_or("").to_owned())
}

/// A VTIMEZONE for `tz` (RFC 5545 §3.6.5) valid from `from` to `to`: one observance for the offset at `from` and
/// one for each change of offset after it, each found in the tz database (a day's steps, then to the second).
pub fn push_vtimezone(out: &mut String, tz: chrono_tz::Tz, from: DateTime<Utc>, to: DateTime<Utc>) {
    let mut line = |s: &str| push_line(out, s);
    let observance = |line: &mut dyn FnMut(&str), at: DateTime<Utc>, before: i32, after: &(i32, bool, String)| {
        let kind = if after.1 { "DAYLIGHT" } else { "STANDARD" };
        line(&format!("BEGIN:{kind}"));
        // DTSTART is the local time of the change as the clock read before it (§3.6.5).
        line(&format!("DTSTART:{}", local_stamp(at.naive_utc() + chrono::Duration::seconds(i64::from(before)))));
        line(&format!("TZOFFSETFROM:{}", utc_offset(before)));
        line(&format!("TZOFFSETTO:{}", utc_offset(after.0)));
        if !after.2.is_empty() && !after.2.starts_with(['+', '-']) {
            line(&format!("TZNAME:{}", escape_text(&after.2)));
        }
        line(&format!("END:{kind}"));
    };
    line("BEGIN:VTIMEZONE");
    line(&format!("TZID:{}", tz.name()));
    let first = offset_at(tz, from);
    observance(&mut line, from, first.0, &first);
    let mut at = from;
    let mut current = first;
    while at < to {
        let next = at + chrono::Duration::days(1);
        let o = offset_at(tz, next);
        if o.0 != current.0 || o.1 != current.1 {
            // The change is in (at, next]: narrow it to the second.
            let (mut lo, mut hi) = (at, next);
            while (hi - lo).num_seconds() > 1 {
                let mid = lo + (hi - lo) / 2;
                if offset_at(tz, mid).0 == current.0 && offset_at(tz, mid).1 == current.1 { lo = mid } else { hi = mid }
            }
            observance(&mut line, hi, current.0, &o);
            current = o;
        }
        at = next;
    }
    line("END:VTIMEZONE");
}

/// A whole VCALENDAR of series: every zone a series names gets its VTIMEZONE, valid from `from` to `to`.
pub fn series_calendar(
    name: &str,
    series: &[FeedSeries],
    now: DateTime<Utc>,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
) -> String {
    let mut out = String::with_capacity(1024 + series.len() * 360);
    for s in ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Pathways//Recovery community calendar//EN"] {
        push_line(&mut out, s);
    }
    for s in ["CALSCALE:GREGORIAN", "METHOD:PUBLISH"] {
        push_line(&mut out, s);
    }
    push_line(&mut out, &format!("X-WR-CALNAME:{}", escape_text(name)));
    let mut zones: Vec<chrono_tz::Tz> = series
        .iter()
        .filter_map(|s| match &s.when {
            SeriesWhen::Weekly { tz, .. } => Some(*tz),
            SeriesWhen::Once { .. } => None,
        })
        .collect();
    zones.sort_by_key(|z| z.name());
    zones.dedup();
    for z in zones {
        push_vtimezone(&mut out, z, from, to);
    }
    let stamp_now = stamp(now);
    for e in series {
        push_line(&mut out, "BEGIN:VEVENT");
        push_line(&mut out, &format!("UID:{}", e.uid));
        push_line(&mut out, &format!("DTSTAMP:{stamp_now}"));
        match &e.when {
            SeriesWhen::Once { starts, ends } => {
                push_line(&mut out, &format!("DTSTART:{}", stamp(*starts)));
                push_line(&mut out, &format!("DTEND:{}", stamp(*ends)));
            }
            SeriesWhen::Weekly { tz, starts, ends, rule, until } => {
                push_line(&mut out, &format!("DTSTART;TZID={}:{}", tz.name(), local_stamp(*starts)));
                push_line(&mut out, &format!("DTEND;TZID={}:{}", tz.name(), local_stamp(*ends)));
                match until {
                    Some(u) => push_line(&mut out, &format!("RRULE:{rule};UNTIL={}", stamp(*u))),
                    None => push_line(&mut out, &format!("RRULE:{rule}")),
                }
            }
        }
        push_line(&mut out, &format!("SUMMARY:{}", escape_text(&e.summary)));
        if let Some(d) = &e.description {
            push_line(&mut out, &format!("DESCRIPTION:{}", escape_text(d)));
        }
        if let Some(l) = &e.location {
            push_line(&mut out, &format!("LOCATION:{}", escape_text(l)));
        }
        if let Some(u) = &e.url {
            push_line(&mut out, &format!("URL:{u}"));
        }
        push_line(&mut out, "END:VEVENT");
    }
    push_line(&mut out, "END:VCALENDAR");
    out
}
