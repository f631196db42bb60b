//! One module per subcommand: arguments, then domain types, then the engine, then an
//! exporter. [`run`] is the one dispatch over the commands.

pub mod batch;
pub mod bench;
pub mod block;
pub mod catalog;
pub mod follow;
pub mod generate;
pub mod paces;
pub mod replan;
pub mod review;
pub mod schema;
pub mod score;
pub mod shell;
pub mod status;

use std::io::{IsTerminal, Write as _};
use std::path::Path;

use crate::cli::{Cli, Command, FitnessArgs};
use crate::error::{Error, InputError, Result};
use crate::export::{self, Document, Format, table};
use crate::paces::{Fitness, Units};
use crate::problem::Problem;
use crate::profile::Profile;

/// What every command shares: verbosity, colour, and how to write results.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Context {
    /// `-q`: no hints on stderr.
    pub quiet: bool,
    /// `-v`: more on stderr.
    pub verbose: bool,
    /// Colour tables on stdout.
    pub color: bool,
}

impl Context {
    /// Nothing on stderr: a profile planned as one among many, or through the library.
    pub const QUIET: Context = Context {
        quiet: true,
        verbose: false,
        color: false,
    };

    /// The context of a command line: colour only when stdout is a terminal and NO_COLOR
    /// is unset or empty (no-color.org). Data formats never carry colour, and neither does
    /// `--output FILE` ([`Context::emit`]).
    #[must_use]
    pub fn new(cli: &Cli) -> Self {
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        Context {
            quiet: cli.quiet,
            verbose: cli.verbose,
            color: !no_color && std::io::stdout().is_terminal(),
        }
    }

    /// A hint on stderr, unless `-q`.
    pub fn hint(&self, line: &str) {
        if !self.quiet {
            let _ = writeln!(std::io::stderr(), "weekwright: {line}");
        }
    }

    /// A line on stderr with `-v`.
    pub fn info(&self, line: &str) {
        if self.verbose {
            // A closed stderr must not end a run whose results are already out.
            let _ = writeln!(std::io::stderr(), "weekwright: {line}");
        }
    }

    /// Render a document and write it to stdout or a file. Colour goes only to a terminal.
    /// FIT files go into the directory `output` instead ([`export::dir::write_dir`]).
    ///
    /// # Errors
    /// A format the command does not have, or output that cannot be written.
    pub fn emit<D: Document>(
        &self,
        doc: &D,
        format: Format,
        output: Option<&Path>,
        command: &str,
    ) -> Result<()> {
        if format == Format::Fit {
            let files = doc
                .fit_files()
                .ok_or_else(|| export::unsupported(command, format))?;
            let dir = export::dir::check_dir(output, format.id())?;
            export::dir::write_dir(&files, dir, format.id())?;
            self.hint(&format!(
                "wrote {} to {}",
                crate::error::counted(files.len() as u64, "workout file"),
                dir.display()
            ));
            return Ok(());
        }
        let style = table::Style {
            color: self.color && output.is_none(),
            width: output.is_none().then(terminal_width).flatten(),
        };
        let bytes = export::render(doc, format, &style, command)?;
        self.emit_bytes(&bytes, output)
    }

    /// Write bytes to stdout or a file.
    ///
    /// # Errors
    /// Output that cannot be written.
    pub fn emit_bytes(&self, bytes: &[u8], output: Option<&Path>) -> Result<()> {
        export::write_output(bytes, output)?;
        if let Some(path) = output
            && !self.quiet
        {
            let _ = writeln!(std::io::stderr(), "weekwright: wrote {}", path.display());
        }
        Ok(())
    }
}

/// The width of the terminal tables on stdout are read in: COLUMNS when it holds a number
/// (the shell's convention, and how to ask for a width when stdout is not a terminal), else
/// the terminal's own width when stdout is one, else `None`.
fn terminal_width() -> Option<u16> {
    std::env::var("COLUMNS")
        .ok()
        .and_then(|v| v.trim().parse::<u16>().ok())
        .filter(|&n| n > 0)
        .or_else(|| comfy_table::Table::new().width())
}

/// The profile of `--profile`, or the built-in default.
///
/// # Errors
/// A profile file that cannot be read or is invalid.
pub fn load_profile(path: Option<&Path>) -> Result<Profile> {
    Ok(match path {
        Some(p) => Profile::load(p)?,
        None => Profile::builtin(),
    })
}

/// A pool of `threads` workers (all cores when `None`). The searches run their parallel
/// parts on the pool they are called in.
///
/// # Errors
/// The pool cannot be built.
pub fn thread_pool(threads: Option<u16>) -> Result<rayon::ThreadPool> {
    let mut builder = rayon::ThreadPoolBuilder::new();
    if let Some(n) = threads {
        builder = builder.num_threads(usize::from(n));
    }
    builder
        .build()
        .map_err(|e| Error::Internal(format!("cannot start worker threads: {e}")))
}

/// Run `f` on a pool of `threads` workers (all cores when `None`).
///
/// # Errors
/// The pool cannot be built, or `f` fails.
pub fn with_threads<T: Send>(threads: Option<u16>, f: impl FnOnce() -> Result<T> + Send) -> Result<T> {
    thread_pool(threads)?.install(f)
}

/// The runner's fitness and units: the flags' over the profile's.
#[must_use]
pub fn fitness_of(profile: &Profile, flags: &FitnessArgs) -> (Option<Fitness>, Units) {
    (
        flags.result.or(profile.fitness),
        flags.units.unwrap_or(profile.units),
    )
}

/// `problem` with the fitness flags over the profile's fitness and units; with `-v`, a line
/// that says which fitness the plans are for.
#[must_use]
pub fn with_fitness_flags(mut problem: Problem, flags: &FitnessArgs, ctx: &Context) -> Problem {
    if let Some(fitness) = flags.result {
        problem = problem.with_fitness(fitness);
    }
    if let Some(units) = flags.units {
        problem = problem.with_units(units);
    }
    if let Some(f) = problem.fitness() {
        let from = f.result().map(|r| format!(" from {r}")).unwrap_or_default();
        ctx.info(&format!(
            "fitness: VDOT {:.1}{from}; paces in {}",
            f.vdot(),
            problem.units().id()
        ));
    }
    problem
}

fn flag_error(flag: &str, message: impl Into<String>) -> Error {
    Error::Input(InputError::Flag {
        flag: flag.to_string(),
        message: message.into(),
    })
}

/// Run a parsed command line.
///
/// # Errors
/// Whatever the command fails with; [`Error::exit_code`] maps it to CLI.md.
pub fn run(cli: &Cli) -> Result<()> {
    let ctx = Context::new(cli);
    match &cli.command {
        Command::Generate(args) => with_threads(args.out.threads, || generate::run(args, &ctx)),
        Command::Score(args) => with_threads(args.out.threads, || score::run(args, &ctx)),
        Command::Block(args) => with_threads(args.out.threads, || block::run(args, &ctx)),
        Command::Paces(args) => paces::run(args, &ctx),
        Command::Status(args) => status::run(args, &ctx),
        Command::Replan(args) => with_threads(args.out.threads, || replan::run(args, &ctx)),
        Command::Review(args) => review::run(args, &ctx),
        // Batch runs its own pool: a profile at a time on each worker.
        Command::Batch(args) => batch::run(args, &ctx),
        Command::Bench(args) => bench::run(args, &ctx),
        Command::Catalog(args) => catalog::run(args, &ctx),
        Command::Schema => ctx.emit_bytes(schema::text().as_bytes(), None),
        Command::Completions { shell } => ctx.emit_bytes(&shell::completions(*shell), None),
        Command::Man => ctx.emit_bytes(&shell::man_page()?, None),
    }
}
