//! Outcomes (issue 17): episodes of care, the federal interview schedule, the arithmetic of the outcome reports
//! (Wilson score intervals, paired change) and small-cell suppression. Pure; the store keeps episodes and
//! interviews, the web layer shows the reports. Design: `docs/OUTCOMES.md`.

pub mod change;
pub mod demographics;
pub mod episode;
pub mod follow_up;
pub mod instrument;
pub mod interview;
pub mod network;
pub mod perception;
pub mod period;
pub mod proxy;
pub mod retention;
pub mod schedule;
pub mod served;
pub mod stats;
pub mod suppression;

pub use episode::{CloseoutReason, OnService, on_service};
pub use instrument::{Instrument, InstrumentError, NomsDomain};
pub use period::{DEFAULT_FISCAL_YEAR_START_MONTH, FiscalYear, Quarter};
pub use schedule::{Interview, Window, windows};
pub use served::{Served, served};
pub use stats::{Interval, PairedMean, PairedProportion, follow_up_rate, wilson95};
pub use suppression::{
    Cell, Figure, Link, SUPPRESSION_THRESHOLD, SuppressedTable, derivable, suppress, suppress_one, suppress_together,
};
