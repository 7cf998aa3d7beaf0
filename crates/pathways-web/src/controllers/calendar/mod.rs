//! Recovery community (issue 20), the public calendar: `GET /calendar` (the whole network) and
//! `GET /calendar/{center}` (one recovery community center), each with its "tonight" and "this week" views, and
//! their iCalendar feeds `GET /calendar.ics` and `GET /calendar/{center}/events.ics` (RFC 5545). No sign-in, no
//! personal data, no JavaScript; the crisis banner comes with the base layout.

pub mod get_center_feed;
pub mod get_feed;
pub mod page;
pub mod show_calendar;
pub mod show_center_calendar;

pub use get_center_feed::get_center_feed;
pub use get_feed::get_feed;
pub use show_calendar::show_calendar;
pub use show_center_calendar::show_center_calendar;
