//! Snapshots of each exporter on the article's effective week, so that a change in what a
//! runner reads is seen in review (`cargo insta review`).

use crate::support::weekwright;

const WEEK: &str = "easy,intervals,easy,rest,tempo,easy,long";
const UNBALANCED: &str = "moderate,intervals,tempo,easy,moderate,rest,long";

#[test]
fn score_as_yaml() {
    insta::assert_snapshot!(weekwright(&["score", "--week", UNBALANCED]).code(0).stdout);
}

#[test]
fn score_as_json() {
    insta::assert_snapshot!(
        weekwright(&["score", "--week", WEEK, "--format", "json"])
            .code(0)
            .stdout
    );
}

#[test]
fn score_as_table() {
    insta::assert_snapshot!(
        weekwright(&["score", "--week", UNBALANCED, "--format", "table"])
            .code(0)
            .stdout
    );
}

#[test]
fn generate_as_table() {
    insta::assert_snapshot!(
        weekwright(&["generate", "--top", "2", "--format", "table"])
            .code(0)
            .stdout
    );
}
