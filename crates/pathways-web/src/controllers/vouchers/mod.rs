//! `/persons/{id}/vouchers` (issue 21): a person's vouchers with their balances (whoever reaches the person), and
//! issuing one under a voucher program (administrators); changing or withdrawing one (fifth pass).

pub mod edit_voucher;
pub mod issue_voucher;
pub mod list_vouchers;
pub mod update_voucher;

pub use edit_voucher::edit_voucher;
pub use issue_voucher::issue_voucher;
pub use list_vouchers::list_vouchers;
pub use update_voucher::update_voucher;
