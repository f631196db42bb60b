//! Batch planning speed: 1,000 generated athletes as JSON Lines through the library path of
//! `weekwright batch` (reading the lines, validating each profile, the week search, the JSON
//! line of each result, in input order), on one thread and on all cores. The issue's target
//! is within 10 s on a 2-core machine.
//!
//! Run with `cargo bench --bench batch`; it leaves the athletes in
//! `target/batch-athletes.jsonl` for timing the binary on the same batch.

use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, criterion_group, criterion_main};
use rand::rngs::StdRng;
use rand::{RngExt, SeedableRng};
use serde_json::json;
use weekwright::commands::batch::{Plan, json_lines, plan_all};
use weekwright::commands::thread_pool;

/// Athletes in the batch.
const ATHLETES: usize = 1_000;

/// A random athlete as a platform would hold one: 3 to 7 training days, 120 to 600 minutes,
/// any level and goal, 0 to 3 hard sessions, the long run on a weekend day or left to the
/// search.
fn athlete(rng: &mut StdRng, i: usize) -> String {
    const DAYS: [&str; 7] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
    let days: Vec<&str> = loop {
        let mask: u8 = rng.random_range(0..128);
        if mask.count_ones() >= 3 {
            break (0..7).filter(|d| mask >> d & 1 == 1).map(|d| DAYS[d]).collect();
        }
    };
    let level = ["beginner", "intermediate", "advanced"][rng.random_range(0..3)];
    let goal = ["5k", "10k", "half", "marathon", "general"][rng.random_range(0..5)];
    let mut profile = json!({
        "name": format!("athlete {i}"),
        "level": level,
        "goal": goal,
        "weekly_minutes": rng.random_range(12..=60) * 10,
        "available_days": days,
        "hard_sessions": rng.random_range(0..=3),
    });
    let weekend: Vec<&str> = days
        .iter()
        .copied()
        .filter(|d| *d == "sat" || *d == "sun")
        .collect();
    if !weekend.is_empty() && rng.random_bool(0.5) {
        profile["long_run_day"] = json!(weekend[rng.random_range(0..weekend.len())]);
    }
    profile.to_string()
}

/// The batch's JSON Lines.
fn batch_text() -> String {
    let mut rng = StdRng::seed_from_u64(2026);
    (1..=ATHLETES).map(|i| athlete(&mut rng, i) + "\n").collect()
}

fn thousand_athletes(c: &mut Criterion) {
    let text = batch_text();
    // The same athletes for timing the binary: `weekwright batch --profiles` on this file,
    // or on a folder of one file a line (JSON is YAML).
    let _ = std::fs::write(
        concat!(env!("CARGO_MANIFEST_DIR"), "/target/batch-athletes.jsonl"),
        &text,
    );
    let mut group = c.benchmark_group("batch");
    group.sample_size(10).measurement_time(Duration::from_secs(20));
    for (name, threads) in [
        ("1000_athletes_1_thread", Some(1)),
        ("1000_athletes_all_cores", None),
    ] {
        let pool = thread_pool(threads).expect("a pool");
        group.bench_function(name, |b| {
            b.iter(|| {
                let items = json_lines(black_box(text.as_bytes()), "bench.jsonl").expect("profiles");
                let mut bytes = 0;
                let counts = plan_all(&items, Plan::Week { top: 5 }, &pool, &mut |line| {
                    bytes += line.json.len();
                    Ok(())
                })
                .expect("a batch");
                (counts, bytes)
            });
        });
    }
    group.finish();
}

criterion_group!(benches, thousand_athletes);
criterion_main!(benches);
