//! A place's live bed holds as its operator sees them (a treatment program's on `/programs`, a recovery residence's
//! on `/residences`): one row type and one partial, `templates/holds/live.html`, for both kinds of bed (the
//! mechanism behind them is one too: `pathways_store::holds`).

use chrono::{DateTime, Utc};
use chrono_tz::Tz;

/// One live hold: its id and when it lapses, in the deployment's time zone.
pub struct HoldRow {
    pub id: String,
    pub expires: String,
}

impl HoldRow {
    /// `format`: a time (`%H:%M`) where holds last hours, a date and time where they last a day.
    pub fn new(id: uuid::Uuid, expires_at: DateTime<Utc>, tz: Tz, format: &str) -> Self {
        Self { id: id.to_string(), expires: expires_at.with_timezone(&tz).format(format).to_string() }
    }
}

/// What the partial says and where its buttons post, per kind of bed.
pub struct HoldsLabels {
    /// The heading's message key.
    pub heading: &'static str,
    /// The admit button's message key.
    pub admit: &'static str,
    /// The path the hold's actions go under (`/holds`, `/residence-holds`).
    pub path: &'static str,
}

/// A treatment program's holds.
pub const PROGRAM_HOLDS: HoldsLabels =
    HoldsLabels { heading: "programs-holds", admit: "programs-admit", path: "/holds" };

/// A recovery residence's holds.
pub const RESIDENCE_HOLDS: HoldsLabels =
    HoldsLabels { heading: "residences-holds", admit: "residences-admit", path: "/residence-holds" };
