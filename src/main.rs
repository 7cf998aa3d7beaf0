//! `pathways`: one binary for every job — serve the web app, migrate, manage organizations, accounts and
//! tokens, verify the audit trail, back up.

mod cli;
mod demo;

use std::process::ExitCode;

use clap::Parser;

/// glibc's allocator was a fifth of the caseload page's time under load (per-thread arenas consolidating freed
/// chunks, `malloc_consolidate`/`unlink_chunk`), from the many small, short-lived allocations of decoding rows
/// and rendering pages on several threads. mimalloc's thread-local free lists serve that pattern well.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    // Every file this process makes — the database, its WAL, a backup — is readable by its own account only.
    rustix::process::umask(rustix::fs::Mode::from_raw_mode(0o077));
    let args = cli::Cli::parse();
    let runtime = match tokio::runtime::Builder::new_multi_thread().enable_all().build() {
        Ok(rt) => rt,
        Err(e) => {
            eprintln!("pathways: cannot start the async runtime: {e}");
            return ExitCode::FAILURE;
        }
    };
    match runtime.block_on(cli::run(args)) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("pathways: {e:#}");
            ExitCode::FAILURE
        }
    }
}
