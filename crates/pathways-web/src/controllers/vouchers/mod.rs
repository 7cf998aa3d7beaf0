//! `/persons/{id}/vouchers` (issue 21): a person's vouchers with their balances (whoever reaches the person), and
//! issuing one under a voucher program (administrators).

pub mod issue_voucher;
pub mod list_vouchers;

pub use issue_voucher::issue_voucher;
pub use list_vouchers::list_vouchers;
