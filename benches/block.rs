//! Block planning speed: a 16-week block on the built-in profile, with and without a race,
//! the whole search (the week engine's pool, the race week, the beam), and the template for
//! comparison. The target is under 2 s on a 2-core machine.
//!
//! Run with `cargo bench --bench block`.

use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, criterion_group, criterion_main};
use weekwright::block::{Calendar, Pool, Settings, plan, template};
use weekwright::problem::Problem;

fn calendar(race: bool) -> Calendar {
    let start = "2027-01-04".parse().expect("a date");
    Calendar {
        start,
        weeks: 16,
        // Sunday of week 16.
        race: race.then(|| "2027-04-25".parse().expect("a date")),
    }
}

fn sixteen_weeks(c: &mut Criterion) {
    let profile = Problem::builtin();
    let settings = Settings::default();
    let mut group = c.benchmark_group("block");
    group.sample_size(10).measurement_time(Duration::from_secs(10));
    for (name, race) in [("16_weeks", false), ("16_weeks_to_a_race", true)] {
        let cal = calendar(race);
        group.bench_function(name, |b| {
            b.iter(|| {
                plan(black_box(&profile), &cal, 0, &settings, &mut |_| {})
                    .map(|block| block.objective.total())
                    .expect("a block")
            });
        });
    }
    let cal = calendar(true);
    let pool = Pool::search(&profile, &Pool::levels(&profile, &cal), settings.pool).expect("a pool");
    group.bench_function("16_weeks_template_after_the_pool", |b| {
        b.iter(|| {
            template(black_box(&profile), &pool, &cal, &settings)
                .map(|block| block.objective.total())
                .expect("a template")
        });
    });
    group.finish();
}

criterion_group!(benches, sixteen_weeks);
criterion_main!(benches);
