//! One module per area of routes.

mod api_persons;
mod auth;
mod ops;
mod pages;
mod persons;
mod plans;
mod recovery;
