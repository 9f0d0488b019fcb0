//! `armswatch`: watches darknet marketplaces for firearms trafficking. A thin CLI over the
//! armswatch-core, -crawler, -classifier and -store crates.

mod app;
mod cli;
mod cmd;
mod daemon;
mod db;
mod evidence;
mod output;
mod pipeline;
mod progress;
mod redact;
mod serve;
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
            // An error can quote market text (a URL, a title): escape it for the terminal, and scrub
            // onion addresses and cookies like the log does.
            eprintln!(
                "armswatch: error: {}",
                output::sanitize_lines(&redact::text(&format!("{err:#}")))
            );
            ExitCode::from(2)
        }
    }
}
