//! A known person's kiosk check-in code and visits, on their record (issue 20): `GET /persons/{id}/kiosk` (the
//! code's state, the person's drop-in visits), `POST /persons/{id}/kiosk-code` (issue or issue again: the code shown
//! once), `POST /persons/{id}/kiosk-code/remove` (remove it, or record that the person does not want one). Through
//! the gate, audited on the record (`services::kiosk_known`). The person sees their own at `/me/kiosk` and may
//! remove it (`/me/kiosk-code/remove`).

pub mod issue_kiosk_code;
pub mod remove_kiosk_code;
pub mod show_kiosk_visits;

pub use issue_kiosk_code::issue_kiosk_code;
pub use remove_kiosk_code::remove_kiosk_code;
pub use show_kiosk_visits::show_kiosk_visits;
