//! Recovery community (issue 20), the drop-in kiosk on a center's shared tablet: `GET /kiosk` (the sign-in form)
//! and `POST /kiosk` (a sign-in, counted as a visit). Only a tablet with an open kiosk's cookie (set when staff
//! open kiosk mode: `POST /community/kiosks`) is answered; anyone else gets 404. No account, no person's record.

pub mod page;
pub mod show_kiosk;
pub mod sign_in_kiosk;

pub use show_kiosk::show_kiosk;
pub use sign_in_kiosk::sign_in_kiosk;
