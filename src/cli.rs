//! The command line of CLI.md as clap derive definitions, and nothing else: these types
//! never reach the engine (commands turn them into domain types first).

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::catalog::{Goal, Level};
pub use crate::export::Format;
use crate::paces::{Fitness, Units};

/// Plan a runner's week as a system: stress, then recovery, then adaptation.
#[derive(Debug, Parser)]
#[command(name = "weekwright", version, about, long_about = None, propagate_version = true)]
#[command(
    after_help = "Examples:\n  weekwright generate\n  weekwright score --week easy,intervals,easy,rest,tempo,easy,long\n  weekwright generate --profile profiles/intermediate-10k.yaml --format table"
)]
pub struct Cli {
    /// Print only results and errors (no hints on stderr).
    #[arg(short, long, global = true, conflicts_with = "verbose")]
    pub quiet: bool,
    /// Print more about what is searched on stderr.
    #[arg(short, long, global = true)]
    pub verbose: bool,
    /// The command.
    #[command(subcommand)]
    pub command: Command,
}

/// The formats every command writes.
const TEXT: &[&str] = &["yaml", "json", "table"];
/// `status`'s: a chart of the last 90 days too.
const STATUS: &[&str] = &["yaml", "json", "table", "svg"];
/// `generate`'s: the top week as a calendar and as workout files too.
const WEEK: &[&str] = &["yaml", "json", "table", "ics", "fit"];

/// A `--format` parser of [`Format`] (the exporters' enum, one list of formats).
struct FormatArg;

impl FormatArg {
    /// A `--format` parser that accepts only `ids`, what the command writes, so that its
    /// `--help` and clap's message for anything else list just those.
    fn only(ids: &'static [&'static str]) -> impl clap::builder::TypedValueParser<Value = Format> {
        use clap::builder::{PossibleValuesParser, TypedValueParser};
        let values = Format::value_variants()
            .iter()
            .filter_map(ValueEnum::to_possible_value)
            .filter(|v| ids.contains(&v.get_name()));
        // Only the listed names get here, and each names a variant.
        AnyCase(
            PossibleValuesParser::new(values).map(|s| Format::from_str(&s, false).unwrap_or(Format::Yaml)),
        )
    }
}

/// A closed set of names read as the profile reads them (levels, goals, days, sessions):
/// case does not matter and spaces around are trimmed. Wraps the parser that knows the
/// names (all lower case), so `--help`, completions and clap's messages still list them.
#[derive(Debug, Clone)]
struct AnyCase<P>(P);

impl<P: clap::builder::TypedValueParser> clap::builder::TypedValueParser for AnyCase<P> {
    type Value = P::Value;

    fn parse_ref(
        &self,
        cmd: &clap::Command,
        arg: Option<&clap::Arg>,
        value: &std::ffi::OsStr,
    ) -> Result<Self::Value, clap::Error> {
        match value.to_str() {
            Some(text) => self
                .0
                .parse_ref(cmd, arg, std::ffi::OsStr::new(&text.trim().to_lowercase())),
            None => self.0.parse_ref(cmd, arg, value),
        }
    }

    fn possible_values(&self) -> Option<Box<dyn Iterator<Item = clap::builder::PossibleValue> + '_>> {
        self.0.possible_values()
    }
}

/// [`AnyCase`] over the names of a [`ValueEnum`].
fn any_case<E: ValueEnum + Clone + Send + Sync + 'static>() -> AnyCase<clap::builder::EnumValueParser<E>> {
    AnyCase(clap::builder::EnumValueParser::new())
}

/// Flags shared by the commands that print results.
#[derive(Debug, Clone, Args)]
pub struct OutputArgs {
    /// Write to FILE (atomically: a temporary file renamed into place) instead of stdout.
    /// With --format fit (generate, block): the directory the workout files go in, made if
    /// missing; in a directory that exists, files of the same names are replaced and others
    /// left alone.
    #[arg(long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Worker threads (1 to 256; default: all cores).
    #[arg(long, value_name = "N", allow_negative_numbers = true, value_parser = |s: &str| crate::error::count_flag(s, 1..=256))]
    pub threads: Option<u16>,
}

/// The runner's fitness and units, over the profile's (`generate`, `score`, `block`,
/// `paces`).
#[derive(Debug, Clone, Args)]
pub struct FitnessArgs {
    /// A recent race result, DIST=TIME, such as 10k=42:30 or half=1:35:00; it overrides the
    /// profile's fitness. DIST: 1500m, mile, 3k, 5k, 8k, 10k, 15k, 10mi, half, marathon, or a
    /// number with m, km or mi (5000m, 12km, 3.1mi); TIME: mm:ss or h:mm:ss. Its VDOT must
    /// be from 20 to 90. `weekwright paces` prints the paces it gives; the workouts of
    /// generate, score and block target them and carry distances.
    #[arg(long, value_name = "DIST=TIME", value_parser = |s: &str| s.parse().and_then(Fitness::from_result).map_err(|e| e.to_string()))]
    pub result: Option<Fitness>,
    /// Units of paces and distances (default: the profile's units, or km).
    #[arg(long, value_parser = any_case::<Units>())]
    pub units: Option<Units>,
}

/// What was run, for the commands that plan from it (`generate`, `block`, `replan`).
#[derive(Debug, Clone, Default, Args)]
pub struct HistoryArgs {
    /// What was run: FIT files, GPX tracks, a Strava export's activities.csv or a log
    /// (YAML or CSV), or folders of them. Repeatable; also the profile's history: list.
    /// The plan then starts from the runner's real state: the last 28 days' weekly minutes
    /// replace current_weekly_minutes, and a block starts from the real fitness, fatigue
    /// and longest run of the last 30 days.
    #[arg(long, value_name = "PATH", num_args = 1..)]
    pub history: Vec<PathBuf>,
    /// The day the plan starts from, at its start (YYYY-MM-DD; default: today): history on
    /// or after it is not read.
    #[arg(long, value_name = "DATE", value_parser = |s: &str| crate::dates::check_date(s))]
    pub today: Option<jiff::civil::Date>,
}

/// The commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Search every week that fits the profile and print the top plans.
    #[command(
        after_help = "Example:\n  weekwright generate --profile profiles/club-night.yaml --top 3 --format table\n\nWorkout files for a watch, one a training day of plan 1 (2026-12-08-tue-intervals.fit),\ninto a directory made if missing (README, \"Workouts on a watch\").\nExample:\n  weekwright generate --result 10k=45:00 --start 2026-12-07 --format fit --output watch/"
    )]
    Generate(GenerateArgs),
    /// Score one week, explain it component by component, and rank it among the weeks that fit.
    #[command(
        after_help = "Example:\n  weekwright score --week moderate,intervals,tempo,easy,moderate,rest,long --format table"
    )]
    Score(ScoreArgs),
    /// Plan a multi-week block: build, deload, taper, race, searched against the model.
    #[command(
        after_help = "Example:\n  weekwright block --weeks 12 --format table\n\nWorkout files for a watch, one a training day (2026-12-08-tue-intervals.fit), into a\ndirectory made if missing (README, \"Workouts on a watch\").\nExample:\n  weekwright block --race 2027-03-21 --result half=1:45:00 --format fit --output block-fit/"
    )]
    Block(BlockArgs),
    /// VDOT, equivalent race times and training paces (E, M, T, I, R) from a race result.
    #[command(
        after_help = "Paces are per km or per mile (--units), I and R also per 400 m; json gives seconds,\nunrounded. The equations are Daniels and Gilbert's (Oxygen Power, 1979).\n\nExample:\n  weekwright paces --result 10k=42:30 --format table"
    )]
    Paces(PacesArgs),
    /// Fitness, fatigue, form, leg fatigue and acwr today, from what was run.
    #[command(
        after_help = "Reads FIT files, GPX tracks, a Strava export's activities.csv and a log (YAML or CSV:\ndate, session or sport, minutes, rpe, distance_km, avg_hr), files or folders.\n\nExamples:\n  weekwright status --history tests/data/history --today 2024-01-10 --format table\n  weekwright status --history tests/data/history --today 2024-01-10 --format svg"
    )]
    Status(StatusArgs),
    /// Re-plan the current week from what was run: the days before today are kept as they
    /// were run, today and the days after searched again from the real state.
    #[command(
        after_help = "The week is Monday to Sunday around --today; a missed session is not crammed in after\nanother, and the week's volume counts what was already run. Days before today print\nwith done: true.\n\nExample:\n  weekwright replan --history tests/data/history/log.yaml --today 2024-01-10 --format table"
    )]
    Replan(ReplanArgs),
    /// Planned against done, day by day, the minutes and load of each, and compliance.
    #[command(
        after_help = "Each planned day before --today is done (the same kind of session, its minutes within\n20 %), changed (something else run), missed (nothing run) or extra (run on a planned\nrest day). Compliance is the planned minutes run, each day capped at its plan, another\nkind of session counting half, over the planned minutes (docs/model.md, section 4).\nA week from `generate` has no dates: --start gives its Monday.\n\nExample:\n  weekwright review --plan tests/data/review/plan.yaml --history tests/data/review/log.csv"
    )]
    Review(ReviewArgs),
    /// Plan many athletes: one JSON line of results per profile, in input order.
    #[command(
        after_help = "Output, one line per profile: {\"source\": NAME, \"result\": DOC} with DOC what\n`generate --format json` prints (`block --format json` with --block), or {\"source\": NAME,\n\"error\": MESSAGE, \"exit\": 2 | 3} for a bad profile (2) or one no week fits (3); the rest go\non. NAME is the file name in a folder, `line N` in JSON Lines. Exit 0 when every profile\nwas planned, else the largest exit code of the error lines.\n\nExample:\n  weekwright batch --profiles profiles --top 1 | jq -c '{source, score: .result.plans[0].score}'"
    )]
    Batch(BatchArgs),
    /// Measure scoring speed over the whole space of weeks.
    #[command(after_help = "Example:\n  weekwright bench --threads 1 --sessions rest,easy,tempo,long")]
    Bench(BenchArgs),
    /// List the session catalog.
    #[command(after_help = "Example:\n  weekwright catalog --format table")]
    Catalog(CatalogArgs),
    /// Print the JSON Schema of the profile file.
    #[command(after_help = "Example:\n  weekwright schema > weekwright-profile.schema.json")]
    Schema,
    /// Print shell completions.
    #[command(
        after_help = "Example:\n  weekwright completions bash > ~/.local/share/bash-completion/completions/weekwright"
    )]
    Completions {
        /// The shell.
        #[arg(value_parser = any_case::<clap_complete::Shell>())]
        shell: clap_complete::Shell,
    },
    /// Print the man page (roff) of weekwright and all its commands.
    #[command(after_help = "Example:\n  weekwright man > ~/.local/share/man/man1/weekwright.1")]
    Man,
}

/// `generate`.
#[derive(Debug, Args)]
pub struct GenerateArgs {
    /// Profile file (YAML); without it, the built-in intermediate half-marathon runner.
    #[arg(long, value_name = "FILE")]
    pub profile: Option<PathBuf>,
    /// Number of plans (1 to 100; default 5). A calendar holds one week, so --format ics
    /// writes plan 1 only, and so does --format fit (with N above 1, a hint says so).
    #[arg(long, value_name = "N", allow_negative_numbers = true, value_parser = |s: &str| crate::error::count_flag(s, 1..=100))]
    pub top: Option<u16>,
    /// First Monday of the calendar for --format ics and of the workout files' dates for
    /// --format fit (YYYY-MM-DD; default: next Monday).
    #[arg(long, value_name = "DATE", value_parser = |s: &str| crate::dates::check_date(s))]
    pub start: Option<jiff::civil::Date>,
    /// Output format.
    #[arg(long, default_value = "yaml", value_parser = FormatArg::only(WEEK))]
    pub format: Format,
    /// Fitness flags.
    #[command(flatten)]
    pub fitness: FitnessArgs,
    /// History flags.
    #[command(flatten)]
    pub history: HistoryArgs,
    /// Output flags.
    #[command(flatten)]
    pub out: OutputArgs,
}

/// `replan`.
#[derive(Debug, Args)]
pub struct ReplanArgs {
    /// Profile file (YAML); without it, the built-in intermediate half-marathon runner.
    #[arg(long, value_name = "FILE")]
    pub profile: Option<PathBuf>,
    /// Number of plans (1 to 100; default 5).
    #[arg(long, value_name = "N", allow_negative_numbers = true, value_parser = |s: &str| crate::error::count_flag(s, 1..=100))]
    pub top: Option<u16>,
    /// Output format.
    #[arg(long, default_value = "yaml", value_parser = FormatArg::only(TEXT))]
    pub format: Format,
    /// Fitness flags.
    #[command(flatten)]
    pub fitness: FitnessArgs,
    /// History flags (--history is needed, here or in the profile).
    #[command(flatten)]
    pub history: HistoryArgs,
    /// Output flags.
    #[command(flatten)]
    pub out: OutputArgs,
}

/// `score`.
#[derive(Debug, Args)]
#[command(group = clap::ArgGroup::new("input").required(true).args(["week", "week_file"]))]
pub struct ScoreArgs {
    /// The week: seven sessions, Monday first (easy,intervals,easy,rest,tempo,easy,long),
    /// each `id` or `id:minutes`; or `mon=easy,tue=intervals,...`.
    #[arg(long, value_name = "WEEK", allow_hyphen_values = true)]
    pub week: Option<String>,
    /// A YAML plan as printed by `generate` (its `days` list), or a file with a WEEK line.
    /// Of a file with several plans (generate's output), the first is scored and a hint
    /// says so.
    #[arg(long, value_name = "FILE")]
    pub week_file: Option<PathBuf>,
    /// Profile file (YAML); without it only the structural rules apply.
    #[arg(long, value_name = "FILE")]
    pub profile: Option<PathBuf>,
    /// Level for catalog minutes when no profile is given.
    #[arg(long, value_parser = any_case::<Level>(), conflicts_with = "profile")]
    pub level: Option<Level>,
    /// Goal for the distribution targets when no profile is given.
    #[arg(long, value_parser = any_case::<Goal>(), conflicts_with = "profile")]
    pub goal: Option<Goal>,
    /// Output format.
    #[arg(long, default_value = "yaml", value_parser = FormatArg::only(TEXT))]
    pub format: Format,
    /// Fitness flags.
    #[command(flatten)]
    pub fitness: FitnessArgs,
    /// Output flags.
    #[command(flatten)]
    pub out: OutputArgs,
}

/// `block`.
#[derive(Debug, Args)]
pub struct BlockArgs {
    /// Profile file (YAML); without it, the built-in intermediate half-marathon runner.
    #[arg(long, value_name = "FILE")]
    pub profile: Option<PathBuf>,
    /// Number of weeks (1 to 104; default: the profile's block.weeks, or 12). With a race,
    /// the weeks follow from the dates; without --start they are counted back from the race.
    /// The command line wins over the profile's block: section: when --start or --race set
    /// the weeks, the profile's block.weeks is not used (a hint says so).
    #[arg(long, value_name = "N", allow_negative_numbers = true, value_parser = |s: &str| crate::error::count_flag(s, 1..=crate::limits::MAX_WEEKS as u16))]
    pub weeks: Option<u16>,
    /// First Monday of the block (YYYY-MM-DD; default: the profile's block.start, or next Monday).
    #[arg(long, value_name = "DATE", value_parser = |s: &str| crate::dates::check_date(s))]
    pub start: Option<jiff::civil::Date>,
    /// Race day (YYYY-MM-DD, today or later): the block ends with a taper week and the race week.
    #[arg(long, value_name = "DATE", value_parser = |s: &str| crate::dates::check_date(s))]
    pub race: Option<jiff::civil::Date>,
    /// Seed of the search's tie-breaks: the same seed gives the same block, byte for byte.
    #[arg(long, value_name = "N", default_value_t = 0, allow_negative_numbers = true, value_parser = |s: &str| s.trim().parse::<u64>().map_err(|_| format!("'{}' is not a seed: use a whole number from 0 to {}", crate::error::shown(s, 40), u64::MAX)))]
    pub seed: u64,
    /// Output format.
    #[arg(long, default_value = "yaml", value_parser = any_case::<Format>())]
    pub format: Format,
    /// Fitness flags.
    #[command(flatten)]
    pub fitness: FitnessArgs,
    /// History flags.
    #[command(flatten)]
    pub history: HistoryArgs,
    /// Output flags.
    #[command(flatten)]
    pub out: OutputArgs,
}

/// `paces`.
#[derive(Debug, Args)]
pub struct PacesArgs {
    /// Profile file (YAML) whose fitness: and units: to use; --result and --units override
    /// them.
    #[arg(long, value_name = "FILE")]
    pub profile: Option<PathBuf>,
    /// Fitness flags.
    #[command(flatten)]
    pub fitness: FitnessArgs,
    /// Output format.
    #[arg(long, default_value = "yaml", value_parser = FormatArg::only(TEXT))]
    pub format: Format,
    /// Write to FILE (atomically: a temporary file renamed into place) instead of stdout.
    #[arg(long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

/// `status`.
#[derive(Debug, Args)]
pub struct StatusArgs {
    /// What was run: FIT files, GPX tracks, a Strava export's activities.csv or a log
    /// (YAML or CSV), or folders of them (read recursively). Repeatable; also the
    /// profile's history: list.
    #[arg(long, value_name = "PATH", num_args = 1..)]
    pub history: Vec<PathBuf>,
    /// Profile file (YAML): max_hr and rest_hr for heart-rate load, fitness for pace load,
    /// level for the closest sessions, history: for more paths.
    #[arg(long, value_name = "FILE")]
    pub profile: Option<PathBuf>,
    /// The day whose start the state is at (YYYY-MM-DD; default: today).
    #[arg(long, value_name = "DATE", value_parser = |s: &str| crate::dates::check_date(s))]
    pub today: Option<jiff::civil::Date>,
    /// Output format: svg draws the last 90 days (each day's load, fitness, fatigue, form).
    #[arg(long, default_value = "yaml", value_parser = FormatArg::only(STATUS))]
    pub format: Format,
    /// Write to FILE (atomically: a temporary file renamed into place) instead of stdout.
    #[arg(long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

/// `review`.
#[derive(Debug, Args)]
pub struct ReviewArgs {
    /// The plan: what `weekwright block` prints (days with a date), or what `generate` or
    /// `score` prints (a week of days; generate's first plan), YAML or JSON.
    #[arg(long, value_name = "FILE")]
    pub plan: PathBuf,
    /// What was run, as for `status`: files or folders, repeatable; also the profile's
    /// history: list.
    #[arg(long, value_name = "PATH", num_args = 1..)]
    pub history: Vec<PathBuf>,
    /// Profile file (YAML): heart rates and fitness for the load of what was run, level
    /// for the closest sessions, history: for more paths.
    #[arg(long, value_name = "FILE")]
    pub profile: Option<PathBuf>,
    /// Days before this one are reviewed (YYYY-MM-DD; default: today).
    #[arg(long, value_name = "DATE", value_parser = |s: &str| crate::dates::check_date(s))]
    pub today: Option<jiff::civil::Date>,
    /// The Monday of a plan without dates (generate's week); default: the Monday of
    /// --today's week.
    #[arg(long, value_name = "DATE", value_parser = |s: &str| crate::dates::check_date(s))]
    pub start: Option<jiff::civil::Date>,
    /// Output format.
    #[arg(long, default_value = "yaml", value_parser = FormatArg::only(TEXT))]
    pub format: Format,
    /// Write to FILE (atomically: a temporary file renamed into place) instead of stdout.
    #[arg(long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

/// `batch`.
#[derive(Debug, Args)]
pub struct BatchArgs {
    /// The profiles: a folder of YAML profile files (*.yaml and *.yml, in file-name order;
    /// other files are skipped), a JSON Lines file (one JSON object a line with the profile
    /// file's fields; blank lines skipped), or - for JSON Lines on stdin (the default).
    #[arg(long, value_name = "DIR|FILE|-", allow_hyphen_values = true)]
    pub profiles: Option<PathBuf>,
    /// Plan each profile's block (build, deload, taper, race) from its block: section and
    /// the defaults, as `block --profile FILE` does, instead of its week.
    #[arg(long)]
    pub block: bool,
    /// Plans per profile (1 to 100; default 5).
    #[arg(long, value_name = "N", allow_negative_numbers = true, conflicts_with = "block", value_parser = |s: &str| crate::error::count_flag(s, 1..=100))]
    pub top: Option<u16>,
    /// Output flags. --threads: profiles planned at once (each on one thread).
    #[command(flatten)]
    pub out: OutputArgs,
}

/// `bench`.
#[derive(Debug, Args)]
pub struct BenchArgs {
    /// Worker threads (1 to 256; default: all cores).
    #[arg(long, value_name = "N", allow_negative_numbers = true, value_parser = |s: &str| crate::error::count_flag(s, 1..=256))]
    pub threads: Option<u16>,
    /// Comma-separated session ids to enumerate (default: all 13).
    #[arg(long, value_name = "IDS")]
    pub sessions: Option<String>,
    /// Output format.
    #[arg(long, default_value = "yaml", value_parser = FormatArg::only(TEXT))]
    pub format: Format,
}

/// `catalog`.
#[derive(Debug, Args)]
pub struct CatalogArgs {
    /// Level whose minutes to show (default: all three).
    #[arg(long, value_parser = any_case::<Level>())]
    pub level: Option<Level>,
    /// Output format.
    #[arg(long, default_value = "yaml", value_parser = FormatArg::only(TEXT))]
    pub format: Format,
}
