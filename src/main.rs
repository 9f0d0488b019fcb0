//! `armswatch`: watches darknet marketplaces for firearms trafficking. A thin CLI over the
//! armswatch-core, -crawler, -classifier and -store crates.

mod app;
mod cli;
mod cmd;
mod sink;

use std::process::ExitCode;

fn main() -> ExitCode {
    let args = <cli::Cli as clap::Parser>::parse();
    app::init_logging(&args.global);
    match app::run(args) {
        Ok(code) => code,
        Err(err) => {
            if app::is_broken_pipe(&err) {
                return ExitCode::SUCCESS;
            }
            eprintln!("armswatch: error: {err:#}");
            ExitCode::from(2)
        }
    }
}
