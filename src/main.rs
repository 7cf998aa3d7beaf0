//! `pathways`: one binary for every job — serve the web app, migrate, manage organizations, accounts and
//! tokens, verify the audit trail, back up.

mod cli;
mod demo;

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
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
