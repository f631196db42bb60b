//! The `weekwright` binary: parse the command line, run it, map the outcome to an exit code.

use std::io::Write as _;
use std::process::ExitCode;

use clap::Parser;
use weekwright::cli::Cli;

/// A line on stderr that never fails: with stderr closed (`2>&-`, or a reader that went
/// away) there is nobody to tell, and `eprintln!` would panic instead.
fn say(text: &str) {
    let _ = writeln!(std::io::stderr().lock(), "weekwright: {text}");
}

fn main() -> ExitCode {
    // A bug must never show a panic trace, whatever RUST_BACKTRACE says: say where it
    // happened and exit 1. The hook replaces the default one, which is what prints traces.
    std::panic::set_hook(Box::new(|info| say(&weekwright::error::panic_report(info))));
    let cli = Cli::parse();
    match std::panic::catch_unwind(|| weekwright::commands::run(&cli)) {
        Ok(Ok(())) => ExitCode::SUCCESS,
        Ok(Err(e)) if e.is_broken_pipe() => ExitCode::SUCCESS,
        Ok(Err(e)) => {
            say(&format!("error: {e}"));
            ExitCode::from(u8::try_from(e.exit_code()).unwrap_or(1))
        }
        Err(_) => ExitCode::from(1),
    }
}
