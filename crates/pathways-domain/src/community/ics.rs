//! The iCalendar feed (RFC 5545) of a center's or the network's groups and events.
//!
//! Each occurrence in the feed's window is one VEVENT with its start and end in UTC (RFC 5545 §3.3.5, form #2),
//! so no VTIMEZONE is needed and a calendar shows the right local time across daylight saving time (the
//! expansion is `recurrence`'s). Written as RFC 5545 says: CRLF line endings (§3.1), lines folded at 75 octets
//! with a space starting each continuation, never inside a UTF-8 character (§3.1), TEXT escaped (§3.3.11:
//! backslash, semicolon, comma, line break), and each VEVENT with a UID unique per occurrence and a DTSTAMP
//! (§3.8.7.2, §3.8.4.7).

use chrono::{DateTime, Utc};

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
