//! Scoring speed: one week, the whole space (one thread and all), `generate` on every
//! example profile, and a 12-week block. Throughput is in weeks per second.
//!
//! Run with `cargo bench --bench scoring`; `cargo bench --bench scoring -- space` runs one
//! group.

use std::hint::black_box;
use std::path::Path;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use weekwright::catalog::{Catalog, Goal, Level, Session};
use weekwright::model::{Judge, WeekLoads, assess};
use weekwright::problem::Problem;
use weekwright::profile::Profile;
use weekwright::search::Search;
use weekwright::search::exhaustive::score_space;

fn one_week(c: &mut Criterion) {
    let catalog = Catalog::default();
    let judge = Judge::structural(Goal::Half, Level::Intermediate);
    let sessions = [
        Session::Easy,
        Session::Intervals,
        Session::Easy,
        Session::Rest,
        Session::Tempo,
        Session::Easy,
        Session::Long,
    ];
    let minutes = sessions.map(|s| catalog.minutes(s, Level::Intermediate));
    let mut group = c.benchmark_group("week");
    group.throughput(Throughput::Elements(1));
    group.bench_function("assess", |b| {
        b.iter(|| {
            let loads = WeekLoads::new(&catalog, black_box(sessions), black_box(minutes), 0.0);
            assess(&judge, &loads).score
        });
    });
    group.finish();
}

fn pool(threads: usize) -> rayon::ThreadPool {
    rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .expect("a thread pool")
}

fn space(c: &mut Criterion) {
    let all = Session::ALL.to_vec();
    let weeks = 13u64.pow(7);
    let mut group = c.benchmark_group("space");
    group.sample_size(10);
    group.throughput(Throughput::Elements(weeks));
    let cores = std::thread::available_parallelism().map_or(1, usize::from);
    for threads in [1, cores] {
        let pool = pool(threads);
        group.bench_function(format!("13^7 weeks, {threads} thread(s)"), |b| {
            b.iter(|| pool.install(|| score_space(black_box(&all), Level::Intermediate, Goal::Half)));
        });
        if cores == 1 {
            break;
        }
    }
    group.finish();
}

fn generate(c: &mut Criterion) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("profiles");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("profiles/")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "yaml"))
        .collect();
    files.sort();
    let mut group = c.benchmark_group("generate");
    group.sample_size(10);
    let mut profiles = vec![("default".to_string(), Problem::builtin())];
    for f in files {
        let name = f
            .file_stem()
            .map_or_else(String::new, |s| s.to_string_lossy().into_owned());
        profiles.push((
            name,
            Problem::new(&Profile::load(&f).expect("example profile loads")),
        ));
    }
    for (name, profile) in &profiles {
        let searched = weekwright::search::Space::of(profile).size();
        group.throughput(Throughput::Elements(searched));
        group.bench_function(name.as_str(), |b| {
            b.iter(|| {
                Search::new(black_box(profile))
                    .top(5)
                    .run()
                    .map(|o| o.plans.len())
            });
        });
    }
    group.finish();
}

/// A 12-week block on the built-in profile: the week engine at every volume level the block
/// needs, then the beam over the weeks (`benches/block.rs` has the 16-week ones).
fn block(c: &mut Criterion) {
    let profile = Problem::builtin();
    let settings = weekwright::block::Settings::default();
    let cal = weekwright::block::Calendar {
        start: "2027-01-04".parse().expect("a date"),
        weeks: 12,
        race: None,
    };
    let mut group = c.benchmark_group("block");
    group.sample_size(10);
    group.throughput(Throughput::Elements(12));
    group.bench_function("12 weeks, built-in profile", |b| {
        b.iter(|| {
            weekwright::block::plan(black_box(&profile), &cal, 0, &settings, &mut |_| {})
                .map(|block| block.objective.total())
                .expect("a block")
        });
    });
    group.finish();
}

criterion_group!(benches, one_week, space, generate, block);
criterion_main!(benches);
