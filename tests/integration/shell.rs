//! At home in a runner's shell: completions, the man page, colour only on a terminal and
//! never with NO_COLOR, and a real, working example in the `--help` of every command.

use std::process::Command;

use clap::CommandFactory;
use weekwright::cli::Cli;

use crate::support::weekwright;

const BIN: &str = env!("CARGO_BIN_EXE_weekwright");
const ESC: char = '\u{1b}';

/// The subcommands clap knows, so a command added later is covered without a new line here.
fn subcommands() -> Vec<String> {
    let names: Vec<String> = Cli::command()
        .get_subcommands()
        .map(|c| c.get_name().to_string())
        .collect();
    assert!(names.len() >= 7, "{names:?}");
    names
}

#[test]
fn every_shell_gets_a_completion_script_that_names_every_subcommand() {
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let run = weekwright(&["completions", shell]).code(0);
        assert!(run.stdout.len() > 500, "{shell}: {}", run.stdout);
        for sub in subcommands() {
            assert!(run.stdout.contains(&sub), "{shell} script lacks {sub}");
        }
    }
}

#[test]
fn an_unknown_shell_is_bad_input_that_lists_the_shells() {
    weekwright(&["completions", "tcsh"])
        .code(2)
        .stderr_has(&["tcsh", "bash", "zsh", "fish"]);
}

#[test]
fn bash_reads_the_completion_script_and_completes_subcommands_and_flags() {
    let dir = tempfile::tempdir().unwrap();
    let script = dir.path().join("weekwright.bash");
    std::fs::write(&script, weekwright(&["completions", "bash"]).code(0).stdout).unwrap();
    let syntax = Command::new("bash").arg("-n").arg(&script).output().unwrap();
    assert!(
        syntax.status.success(),
        "bash -n: {}",
        String::from_utf8_lossy(&syntax.stderr)
    );
    // Complete `weekwright ge<TAB>` and `weekwright generate --for<TAB>` as bash would.
    let complete = |words: &str, cword: usize| -> String {
        let program = format!(
            "source '{}'; COMP_WORDS=({words}); COMP_CWORD={cword}; COMP_LINE='{words}'; \
             COMP_POINT=${{#COMP_LINE}}; _weekwright weekwright \"${{COMP_WORDS[COMP_CWORD]}}\" \"${{COMP_WORDS[COMP_CWORD-1]}}\"; printf '%s\\n' \"${{COMPREPLY[@]}}\"",
            script.display()
        );
        let out = Command::new("bash").arg("-c").arg(program).output().unwrap();
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    let subs = complete("weekwright ge", 1);
    assert_eq!(subs.trim(), "generate", "{subs}");
    let flags = complete("weekwright generate --for", 2);
    assert_eq!(flags.trim(), "--format", "{flags}");
}

#[test]
fn the_man_page_is_roff_with_a_section_for_every_subcommand() {
    let run = weekwright(&["man"]).code(0);
    let page = &run.stdout;
    assert!(page.contains("\n.TH weekwright 1 "), "{page}");
    for heading in [
        ".SH NAME",
        ".SH SYNOPSIS",
        ".SH OPTIONS",
        ".SH COMMANDS",
        ".SH EXAMPLES",
    ] {
        assert!(page.contains(heading), "lacks {heading}");
    }
    for sub in subcommands() {
        assert!(
            page.contains(&format!(".SS \"weekwright {sub}\"")),
            "no section for {sub}"
        );
    }
    // One preamble, one title: sections rendered one by one are joined into one page.
    assert_eq!(page.matches(".el .ds Aq").count(), 1, "{page}");
    assert_eq!(page.matches("\n.TH ").count(), 1, "{page}");
    // Flags of a subcommand are told in its section.
    assert!(page.contains("\\-\\-top"), "{page}");
}

/// The example lines of a help text: the lines under "Example:" or "Examples:".
fn examples(help: &str) -> Vec<String> {
    let mut lines = help
        .lines()
        .skip_while(|l| !l.trim_start().starts_with("Example"));
    assert!(lines.next().is_some(), "no Example in:\n{help}");
    lines
        .take_while(|l| !l.trim().is_empty())
        .map(|l| l.trim().to_string())
        .collect()
}

/// Run an example as the binary: the words before a shell redirection or pipe, which
/// are the reader's own business. Quotes would need a shell, so examples have none.
fn run_example(example: &str) {
    let command = example.split(['>', '|']).next().unwrap().trim();
    assert!(
        !command.contains(['"', '\'', '\\', '$']),
        "example needs a shell: {example}"
    );
    let words: Vec<&str> = command.split_whitespace().collect();
    assert_eq!(words.first(), Some(&"weekwright"), "{example}");
    let out = Command::new(BIN)
        .args(&words[1..])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "example `{example}` exited {:?}: {}",
        out.status.code(),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(!out.stdout.is_empty(), "example `{example}` printed nothing");
}

#[test]
fn every_help_shows_an_example_that_runs() {
    let mut ran = 0;
    let top = weekwright(&["--help"]).code(0).stdout;
    for example in examples(&top) {
        run_example(&example);
        ran += 1;
    }
    for sub in subcommands() {
        let help = weekwright(&[&sub, "--help"]).code(0).stdout;
        let found = examples(&help);
        assert!(!found.is_empty(), "{sub} --help has an empty Example");
        for example in found {
            assert!(
                example.starts_with(&format!("weekwright {sub}")),
                "{sub}'s example runs another command: {example}"
            );
            run_example(&example);
            ran += 1;
        }
    }
    assert!(ran > subcommands().len(), "{ran}");
}

#[test]
fn a_broken_example_fails_the_check() {
    let broken = std::panic::catch_unwind(|| {
        run_example("weekwright score --week easy,easy > week.yaml");
    });
    assert!(broken.is_err());
    let missing = std::panic::catch_unwind(|| examples("Usage: weekwright schema\n"));
    assert!(missing.is_err());
}

/// Each command with each format it has, run with stdout a pipe, as in every test.
fn every_output(no_color: Option<&str>) -> usize {
    let week = "easy,intervals,easy,rest,tempo,easy,long";
    let profile = crate::support::profile("beginner-3-days.yaml");
    let commands: [&[&str]; 4] = [
        &["generate", "--top", "2", "--profile", profile.to_str().unwrap()],
        &["score", "--week", week],
        &["catalog"],
        &["bench", "--sessions", "rest,easy,tempo", "--threads", "1"],
    ];
    let mut checked = 0;
    for args in commands {
        for format in ["yaml", "json", "table", "ics", "svg"] {
            let mut cmd = Command::new(BIN);
            cmd.args(args)
                .args(["--format", format])
                .env_remove("CLICOLOR_FORCE");
            match no_color {
                Some(v) => cmd.env("NO_COLOR", v),
                None => cmd.env_remove("NO_COLOR"),
            };
            let out = cmd.output().unwrap();
            let (stdout, stderr) = (
                String::from_utf8_lossy(&out.stdout),
                String::from_utf8_lossy(&out.stderr),
            );
            assert!(!stdout.contains(ESC), "{args:?} {format}: {stdout}");
            assert!(!stderr.contains(ESC), "{args:?} {format}: {stderr}");
            if out.status.success() {
                checked += 1;
            } else {
                assert_eq!(out.status.code(), Some(2), "{args:?} {format}: {stderr}");
            }
        }
    }
    assert!(checked >= 12, "{checked} outputs");
    checked
}

#[test]
fn piped_output_has_no_colour_in_any_format() {
    every_output(None);
    for args in [&["--help"][..], &["generate", "--bogus"]] {
        let out = Command::new(BIN)
            .args(args)
            .env_remove("NO_COLOR")
            .output()
            .unwrap();
        let all = [out.stdout, out.stderr].concat();
        assert!(!all.is_empty() && !all.contains(&0x1b), "{args:?}");
    }
}

#[test]
fn no_color_turns_colour_off_in_any_format() {
    every_output(Some("1"));
}

/// A command run with stdout on a pseudo-terminal (util-linux `script`).
fn on_terminal(args: &str, no_color: Option<&str>) -> String {
    let mut cmd = Command::new("script");
    cmd.args(["-qec", &format!("'{BIN}' {args}"), "/dev/null"])
        .env_remove("CLICOLOR_FORCE")
        .stdin(std::process::Stdio::null());
    match no_color {
        Some(v) => cmd.env("NO_COLOR", v),
        None => cmd.env_remove("NO_COLOR"),
    };
    let out = cmd.output().expect("util-linux script runs");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn a_table_on_a_terminal_is_coloured_unless_no_color_is_set() {
    let args = "score --week moderate,intervals,tempo,easy,moderate,rest,long --format table";
    let coloured = on_terminal(args, None);
    assert!(coloured.contains("\u{1b}[1m"), "no bold heading: {coloured}");
    assert!(coloured.contains("unbalanced"), "{coloured}");
    assert!(!on_terminal(args, Some("1")).contains(ESC));
    // An empty NO_COLOR is unset (no-color.org).
    assert!(on_terminal(args, Some("")).contains(ESC));
    // clap's help follows the same rule.
    assert!(on_terminal("--help", None).contains(ESC));
    assert!(!on_terminal("--help", Some("1")).contains(ESC));
    // A file written from a terminal session is plain too.
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("week.txt");
    on_terminal(&format!("{args} --output '{}'", file.display()), None);
    let written = std::fs::read_to_string(&file).unwrap();
    assert!(
        written.contains("unbalanced") && !written.contains(ESC),
        "{written}"
    );
    // Data formats stay plain even on a terminal.
    assert!(
        !on_terminal(
            "score --week easy,intervals,easy,rest,tempo,easy,long --format json",
            None
        )
        .contains(ESC)
    );
}

#[test]
fn the_table_renderer_paints_only_when_asked() {
    use weekwright::catalog::{Goal, Level};
    use weekwright::export::table::{Style, report};
    let week = "moderate,intervals,tempo,easy,moderate,rest,long"
        .parse()
        .unwrap();
    let out = weekwright::commands::score::score_structural(Level::Intermediate, Goal::Half, &week);
    let painted = report(
        &mut String::new(),
        "Score",
        &out.report,
        &Style {
            color: true,
            width: None,
        },
    );
    assert!(painted.contains("\u{1b}[1m"), "{painted}");
    assert!(
        painted.contains("\u{1b}[31m"),
        "the unbalanced verdict is not red: {painted}"
    );
    let plain = report(
        &mut String::new(),
        "Score",
        &out.report,
        &Style {
            color: false,
            width: None,
        },
    );
    assert!(!plain.contains(ESC), "{plain}");
    // Colour changes only the escapes, never the text.
    let stripped: String = strip_escapes(&painted);
    assert_eq!(stripped, plain);
}

fn strip_escapes(s: &str) -> String {
    let mut out = String::new();
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c == ESC {
            for c in chars.by_ref() {
                if c.is_ascii_alphabetic() {
                    break;
                }
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// The example lines of a roff page: lines that start with `  weekwright`, as the `after_help`
/// examples are written.
fn roff_example_lines(page: &str) -> Vec<(usize, &str)> {
    page.lines()
        .enumerate()
        .filter(|(_, l)| l.starts_with("  weekwright"))
        .collect()
}

/// Examples on the man page can be copied: each sits in a no-fill block (`.nf` .. `.fi`),
/// hyphenation is off for the page (`.nh`), and an EXIT STATUS section lists every exit
/// code. Checked on the roff source; rendered too where `man` is installed.
#[test]
fn the_man_pages_examples_are_copyable_and_it_lists_the_exit_codes() {
    let page = weekwright(&["man"]).code(0).stdout;
    let lines: Vec<&str> = page.lines().collect();
    let title = lines.iter().position(|l| l.starts_with(".TH ")).expect(".TH");
    let first_text = lines
        .iter()
        .position(|l| !l.starts_with('.') && !l.trim().is_empty() && !l.starts_with("'\\\""))
        .expect("text");
    let nh = lines
        .iter()
        .position(|l| *l == ".nh")
        .expect("hyphenation off (.nh)");
    assert!(title < nh && nh < first_text, "{page}");
    let example_lines = roff_example_lines(&page);
    assert!(example_lines.len() > subcommands().len(), "{example_lines:?}");
    for (i, line) in example_lines {
        let mode = lines[..i]
            .iter()
            .rev()
            .find(|l| matches!(**l, ".nf" | ".fi"))
            .copied();
        assert_eq!(mode, Some(".nf"), "example not in a no-fill block: {line}");
        let closed = lines[i..].iter().find(|l| matches!(**l, ".nf" | ".fi")).copied();
        assert_eq!(closed, Some(".fi"), "no-fill block not closed after: {line}");
    }
    let exit = page.find(".SH \"EXIT STATUS\"").expect("an EXIT STATUS section");
    let section = &page[exit..];
    let section = &section[..section[1..].find("\n.SH").map_or(section.len(), |n| n + 1)];
    for (code, words) in [
        ("0", "success"),
        ("1", "bug"),
        ("2", "bad input"),
        ("3", "no week"),
    ] {
        assert!(
            section.contains(&format!("\\fB{code}\\fR")) && section.contains(words),
            "EXIT STATUS lacks {code} ({words}): {section}"
        );
    }

    // Rendered, where man is installed: every example is one line, as typed.
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("weekwright.1");
    std::fs::write(&file, &page).unwrap();
    let Ok(out) = Command::new("man")
        .arg("-l")
        .arg(&file)
        .env("MANWIDTH", "80")
        .env("MAN_KEEP_FORMATTING", "")
        .env_remove("MANPAGER")
        .env_remove("PAGER")
        .output()
    else {
        return;
    };
    if !out.status.success() {
        return;
    }
    let text = String::from_utf8_lossy(&out.stdout);
    let rendered: Vec<String> = text
        .lines()
        .map(|l| l.trim().replace(['\u{2010}', '\u{2212}'], "-"))
        .collect();
    let mut help_examples = examples(&weekwright(&["--help"]).code(0).stdout);
    for sub in subcommands() {
        help_examples.extend(examples(&weekwright(&[&sub, "--help"]).code(0).stdout));
    }
    for example in help_examples {
        assert!(
            rendered.contains(&example),
            "`{example}` is not one line of the rendered page:\n{text}"
        );
    }
}
