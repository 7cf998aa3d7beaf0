//! In-process HTTP tests: the real router over a fresh database per test (SQLite, or PostgreSQL when
//! `PATHWAYS_TEST_POSTGRES_URL` is set). The tree mirrors the routes.

mod access_matrix;
mod architecture;
mod audit_trail;
mod route_table;
mod routes;
mod util;
