//! The `weekwright` binary: parse the command line, run it, map the outcome to an exit code.

use std::process::ExitCode;

use clap::Parser;
use weekwright::cli::Cli;

fn main() -> ExitCode {
    // A bug must never show a panic trace: say what happened and exit 1.
    std::panic::set_hook(Box::new(|info| {
        eprintln!(
            "weekwright: internal error: {info}\nThis is a bug; please report it with the command you ran."
        );
    }));
    let cli = Cli::parse();
    match std::panic::catch_unwind(|| weekwright::commands::run(&cli)) {
        Ok(Ok(())) => ExitCode::SUCCESS,
        Ok(Err(e)) if e.is_broken_pipe() => ExitCode::SUCCESS,
        Ok(Err(e)) => {
            eprintln!("weekwright: error: {e}");
            ExitCode::from(u8::try_from(e.exit_code()).unwrap_or(1))
        }
        Err(_) => ExitCode::from(1),
    }
}
