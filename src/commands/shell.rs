//! `weekwright completions` and `weekwright man`: the command line described for the
//! runner's shell (clap_complete) and for `man` (clap_mangen), both from the clap
//! definitions of [`crate::cli`], so they never drift from what the binary accepts.

use std::fmt::Write as _;

use clap::CommandFactory;

use crate::cli::Cli;
use crate::error::{Error, Result};

/// The completion script of `shell`.
#[must_use]
pub fn completions(shell: clap_complete::Shell) -> Vec<u8> {
    let mut cmd = Cli::command();
    let mut buf = Vec::new();
    clap_complete::generate(shell, &mut cmd, "weekwright", &mut buf);
    buf
}

/// The man page (roff, section 1): the top-level page, then a COMMANDS section with each
/// subcommand's synopsis, description, options and example, so that one file installed
/// as `weekwright.1` documents everything.
///
/// # Errors
/// Never in practice: rendering writes to memory.
pub fn man_page() -> Result<Vec<u8>> {
    let mut cmd = Cli::command().disable_help_subcommand(true);
    cmd.build();
    let io = |e: std::io::Error| Error::Internal(format!("cannot render the man page: {e}"));
    let top = clap_mangen::Man::new(cmd.clone());
    let mut out = Vec::new();
    top.render_title(&mut out).map_err(io)?;
    // No hyphenation: flags and session names split at a line's end ("--for- mat",
    // "moder- ate") cannot be searched for or copied.
    out.extend_from_slice(b".nh\n");
    top.render_name_section(&mut out).map_err(io)?;
    top.render_synopsis_section(&mut out).map_err(io)?;
    top.render_description_section(&mut out).map_err(io)?;
    top.render_options_section(&mut out).map_err(io)?;

    out.extend_from_slice(b".SH COMMANDS\n");
    for sub in cmd.get_subcommands().filter(|s| !s.is_hide_set()) {
        // The global flags, --help and --version are told once, on the top page.
        let sub = sub.clone().mut_args(|a| {
            let shared = a.is_global_set() || matches!(a.get_id().as_str(), "help" | "version");
            if shared { a.hide(true) } else { a }
        });
        let page = clap_mangen::Man::new(sub.clone());
        let mut part = Vec::new();
        page.render_description_section(&mut part).map_err(io)?;
        page.render_synopsis_section(&mut part).map_err(io)?;
        if sub.get_arguments().any(|a| !a.is_hide_set()) {
            page.render_options_section(&mut part).map_err(io)?;
        }
        if sub.get_after_help().is_some() {
            page.render_extra_section(&mut part).map_err(io)?;
        }
        let name = sub.get_bin_name().unwrap_or_else(|| sub.get_name());
        out.extend_from_slice(format!(".SS \"{name}\"\n").as_bytes());
        out.extend_from_slice(demote_headings(&String::from_utf8_lossy(&part)).as_bytes());
    }

    out.extend_from_slice(exit_status().as_bytes());

    if cmd.get_after_help().is_some() {
        let mut part = Vec::new();
        top.render_extra_section(&mut part).map_err(io)?;
        out.extend_from_slice(
            String::from_utf8_lossy(&part)
                .replacen(".SH EXTRA", ".SH EXAMPLES", 1)
                .as_bytes(),
        );
    }
    top.render_version_section(&mut out).map_err(io)?;
    let page = no_fill_examples(&String::from_utf8_lossy(&out));
    Ok(once_preamble(&page).into_bytes())
}

/// The EXIT STATUS section: each code of [`crate::error::EXIT_CODES`] and its meaning.
fn exit_status() -> String {
    let mut out = String::from(".SH \"EXIT STATUS\"\n");
    for (code, meaning) in crate::error::EXIT_CODES {
        let text = meaning.replace('\\', "\\e").replace('-', "\\-");
        let _ = write!(out, ".TP\n\\fB{code}\\fR\n{text}\n");
    }
    out
}

/// The example lines under each "Example:" heading (indented by two spaces, as the
/// `after_help` texts write them) in a no-fill block: one command a line, as typed, never
/// filled with the next or broken at the page's width, so it can be copied.
fn no_fill_examples(roff: &str) -> String {
    let mut out = String::with_capacity(roff.len() + 256);
    let mut heading = false;
    let mut open = false;
    for line in roff.lines() {
        let example = line.starts_with("  ") && !line.trim().is_empty();
        if open && !example {
            out.push_str(".fi\n");
            open = false;
        }
        if heading && example && !open {
            out.push_str(".nf\n");
            open = true;
        }
        heading = open || matches!(line.trim(), "Example:" | "Examples:");
        out.push_str(line);
        out.push('\n');
    }
    if open {
        out.push_str(".fi\n");
    }
    out
}

/// Each rendered section starts with clap_mangen's two-line preamble (the `Aq` string for
/// an apostrophe); the page needs it once, at the top.
fn once_preamble(roff: &str) -> String {
    let mut seen: Vec<&str> = Vec::new();
    let mut out = String::with_capacity(roff.len());
    for line in roff.lines() {
        if line.starts_with(".ie \\n(.g .ds Aq") || line.starts_with(".el .ds Aq") {
            if seen.contains(&line) {
                continue;
            }
            seen.push(line);
        }
        out.push_str(line);
        out.push('\n');
    }
    out
}

/// A subcommand's sections inside its `.SS` entry: DESCRIPTION, SYNOPSIS and EXTRA (the
/// example) lose their headings for a paragraph break, OPTIONS becomes a bold line.
fn demote_headings(roff: &str) -> String {
    roff.lines()
        .map(|line| match line {
            ".SH DESCRIPTION" | ".SH SYNOPSIS" | ".SH EXTRA" => ".PP".to_string(),
            ".SH OPTIONS" => ".PP\n\\fBOptions:\\fR".to_string(),
            other => other.to_string(),
        })
        .fold(String::new(), |mut acc, line| {
            acc.push_str(&line);
            acc.push('\n');
            acc
        })
}
