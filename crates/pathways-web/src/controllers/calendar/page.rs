//! The calendar page both `GET /calendar` and `GET /calendar/{center}` render: a plain GET form of filters (when,
//! region, group or event, language, who it is for, in person or online, time of day), how many gatherings they
//! admit, one page of them and links to the pages before and after — no JavaScript needed.

use askama::Template;
use axum::response::Html;
use chrono::{Datelike as _, Duration};
use pathways_domain::community::calendar::{Attend, Filter, HORIZON_DAYS, Span, TimeOfDay};
use pathways_domain::community::{Audience, Kind, Language};
use pathways_store::community::Center;

use crate::ctx::Ctx;
use crate::error::WebResult;
use crate::extract::CalendarParams;
use crate::i18n::Tr;
use crate::services;
use crate::services::community::PER_PAGE;
use crate::state::AppState;
use crate::views::community::{OccurrenceRow, audience_words, kind_words, language_words, row};
use crate::views::{Chrome, field_error_key, field_label_key, render};

/// (value, words, chosen): one choice of a filter's list.
type Choice = (String, String, bool);

#[derive(Template)]
#[template(path = "calendar/show.html")]
struct CalendarPage {
    chrome: Chrome,
    heading: String,
    /// The page's own path (the form's action).
    path: String,
    feed: String,
    tonight: bool,
    week: bool,
    tonight_href: String,
    week_href: String,
    /// What the list shows: "Tonight", "This week", or a day.
    showing: String,
    /// "37 gatherings" and "Showing 26–37".
    results: String,
    range: String,
    rows: Vec<OccurrenceRow>,
    centers: Vec<Center>,
    network: bool,
    errors: Vec<(String, String)>,
    /// The filters are shown open when one is chosen or a value was refused.
    open: bool,
    /// "12 centers".
    centers_count: String,
    whens: Vec<Choice>,
    regions: Vec<Choice>,
    kinds: Vec<Choice>,
    languages: Vec<Choice>,
    audiences: Vec<Choice>,
    attends: Vec<Choice>,
    times: Vec<Choice>,
    prev: Option<String>,
    next: Option<String>,
    /// "Page 2 of 40", when there is more than one.
    pages: String,
}

fn choices<T: Copy + PartialEq>(
    all: &[T],
    chosen: Option<T>,
    code: fn(T) -> &'static str,
    words: impl Fn(T) -> String,
) -> Vec<Choice> {
    all.iter().map(|v| (code(*v).to_owned(), words(*v), chosen == Some(*v))).collect()
}

/// The "when" list: tonight, the next seven days, then each day of the horizon by name.
fn whens(t: &Tr, span: Span, today: chrono::NaiveDate) -> Vec<Choice> {
    let mut out = vec![
        ("tonight".to_owned(), t.get("calendar-tonight"), span == Span::Tonight),
        ("week".to_owned(), t.get("calendar-week"), span == Span::Week),
    ];
    for n in 0..HORIZON_DAYS {
        let d = today + Duration::days(n);
        out.push((d.to_string(), day_words(t, d), span == Span::Day(d)));
    }
    out
}

fn day_words(t: &Tr, d: chrono::NaiveDate) -> String {
    format!("{} {}", t.get(&format!("weekday-{}", d.weekday().num_days_from_sunday())), d.format("%Y-%m-%d"))
}

/// The page of one center (`Some`) or the network.
pub async fn page(
    state: &AppState,
    ctx: &Ctx,
    center: Option<Center>,
    params: &CalendarParams,
) -> WebResult<Html<String>> {
    let t = ctx.t();
    let today = services::community::today(state);
    let mut fields = Vec::new();
    let span = params.span(today).unwrap_or_else(|e| {
        fields.push(e);
        Span::Week
    });
    let filter = params.filter().unwrap_or_else(|e| {
        fields.extend(e);
        Filter::default()
    });
    let page = params.page().unwrap_or_else(|e| {
        fields.push(e);
        1
    });
    let errors: Vec<(String, String)> =
        fields.iter().map(|f| (t.get(&field_label_key(f.field)), t.get(&field_error_key(f.code)))).collect();
    let offset = (page - 1) * PER_PAGE;
    let found =
        services::community::calendar(state, center.as_ref().map(|c| c.id), span, &filter, offset, PER_PAGE).await?;
    let now = pathways_store::now();
    let rows: Vec<OccurrenceRow> = found.occurrences.iter().map(|o| row(&t, o, now)).collect();
    let (heading, path, feed) = match &center {
        Some(c) => (
            t.arg("calendar-center-title", "name", &c.name),
            format!("/calendar/{}", c.slug),
            format!("/calendar/{}/events.ics", c.slug),
        ),
        None => (t.get("calendar-title"), "/calendar".to_owned(), "/calendar.ics".to_owned()),
    };
    let centers = if center.is_none() { services::community::centers(state).await? } else { Vec::new() };
    let total = found.total;
    let last = total.div_ceil(PER_PAGE).max(1);
    let when = span.code();
    let prev = (page > 1).then(|| params.href(&path, &when, page.min(last + 1) - 1));
    let next = (page < last).then(|| params.href(&path, &when, page + 1));
    let pages = if last > 1 {
        t.args("housing-page-of", &[("page", page.to_string()), ("pages", last.to_string())])
    } else {
        String::new()
    };
    let range = if rows.is_empty() {
        String::new()
    } else {
        t.args(
            "calendar-range",
            &[
                ("first", (offset + 1).to_string()),
                ("last", (offset + rows.len()).to_string()),
                ("total", total.to_string()),
            ],
        )
    };
    let showing = match span {
        Span::Tonight => t.get("calendar-tonight"),
        Span::Week => t.get("calendar-week"),
        Span::Day(d) => day_words(&t, d),
    };
    let regions = if center.is_none() {
        found
            .regions
            .iter()
            .map(|r| (r.clone(), r.clone(), filter.region.as_deref().is_some_and(|c| c.eq_ignore_ascii_case(r))))
            .collect()
    } else {
        Vec::new()
    };
    let page = CalendarPage {
        chrome: Chrome::new(ctx, state, heading.clone()),
        heading,
        tonight: span == Span::Tonight,
        week: span == Span::Week,
        tonight_href: params.href(&path, "tonight", 1),
        week_href: params.href(&path, "week", 1),
        path,
        feed,
        showing,
        results: t.count("calendar-results", u64::try_from(total).unwrap_or(0)),
        range,
        rows,
        centers_count: t.count("calendar-centers-count", u64::try_from(centers.len()).unwrap_or(0)),
        centers,
        network: center.is_none(),
        open: !errors.is_empty() || filter != Filter::default(),
        errors,
        whens: whens(&t, span, today),
        regions,
        kinds: choices(Kind::ALL, filter.kind, Kind::code, |k| kind_words(&t, k)),
        languages: choices(Language::ALL, filter.language, Language::code, |l| language_words(&t, l)),
        audiences: choices(Audience::ALL, filter.audience, Audience::code, |a| audience_words(&t, a)),
        attends: choices(Attend::ALL, filter.attend, Attend::code, |a| t.get(&format!("calendar-attend-{}", a.code()))),
        times: choices(TimeOfDay::ALL, filter.time, TimeOfDay::code, |p| t.get(&format!("calendar-time-{}", p.code()))),
        prev,
        next,
        pages,
    };
    render(&page)
}
