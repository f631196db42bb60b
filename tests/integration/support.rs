//! A small builder for command-line cases and access to the test data.

use std::path::{Path, PathBuf};
use std::process::Output;

/// The test data folder.
pub fn data(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data")
        .join(name)
}

/// An example profile of profiles/.
pub fn profile(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("profiles").join(name)
}

/// The finished run of the binary.
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Run {
    /// Assert the exit code, with both streams in the message.
    pub fn code(self, want: i32) -> Self {
        assert_eq!(
            self.code, want,
            "exit code\nstdout: {}\nstderr: {}",
            self.stdout, self.stderr
        );
        self
    }

    /// Assert stderr mentions each of `needles`.
    pub fn stderr_has(self, needles: &[&str]) -> Self {
        for n in needles {
            assert!(self.stderr.contains(n), "stderr lacks {n:?}: {}", self.stderr);
        }
        self
    }

    /// Assert stdout mentions each of `needles`.
    pub fn stdout_has(self, needles: &[&str]) -> Self {
        for n in needles {
            assert!(self.stdout.contains(n), "stdout lacks {n:?}: {}", self.stdout);
        }
        self
    }

    /// Parse stdout as JSON.
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.stdout).unwrap_or_else(|e| panic!("not JSON ({e}): {}", self.stdout))
    }
}

/// Run `weekwright` with arguments, RUST_BACKTRACE=1 set as on these machines, and check
/// that no panic or backtrace text ever reaches the user.
pub fn weekwright(args: &[&str]) -> Run {
    weekwright_in(args, None)
}

/// Like [`weekwright`], with standard input text.
pub fn weekwright_in(args: &[&str], stdin: Option<&str>) -> Run {
    let mut cmd = assert_cmd::Command::cargo_bin("weekwright").expect("binary built");
    cmd.args(args)
        .env("RUST_BACKTRACE", "1")
        .env("NO_COLOR", "1")
        .env("WEEKWRIGHT_TODAY", TODAY);
    if let Some(s) = stdin {
        cmd.write_stdin(s);
    }
    let out: Output = cmd.output().expect("runs");
    let run = Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    };
    for bad in ["panicked", "stack backtrace", "RUST_BACKTRACE"] {
        assert!(
            !run.stderr.contains(bad),
            "{args:?} leaked {bad:?}: {}",
            run.stderr
        );
    }
    run
}

/// Run `weekwright` with arguments and RUST_BACKTRACE=1, without asserting anything: for
/// table-driven tests that check many cases and report every failing one by name.
pub fn weekwright_unchecked(args: &[&str]) -> Run {
    let mut cmd = assert_cmd::Command::cargo_bin("weekwright").expect("binary built");
    cmd.args(args)
        .env("RUST_BACKTRACE", "1")
        .env("NO_COLOR", "1")
        .env("WEEKWRIGHT_TODAY", TODAY);
    let out: Output = cmd.output().expect("runs");
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

/// The date the tests run on, whatever the real date (`WEEKWRIGHT_TODAY`): blocks to a race
/// in 2027 stay in the future.
pub const TODAY: &str = "2026-11-30";

/// Text that must never reach a user's terminal: panic and backtrace output.
pub const LEAKS: [&str; 3] = ["panicked", "stack backtrace", "RUST_BACKTRACE"];
