import Benchmark
import BenchmarkFixtures
import CodingContent
import Drill
import Foundation
import ProgressStore
import Questions

/// `codedrill stats` on the 100,000-card learner (1,000,000 reviews; `LargeLearner`): the store's
/// numbers alone, and the whole report (the numbers plus accuracy by section, kind and family).
let benchmarks: @Sendable () -> Void = {
    let latency = Benchmark.Configuration(
        metrics: [.wallClock, .cpuTotal],
        timeUnits: .milliseconds,
        maxDuration: .seconds(10),
        maxIterations: 200
    )

    // The store's statistics: due counts, 30 days of activity, a 30-day forecast, retention, streak.
    Benchmark("stats numbers, 100k cards and 1M reviews", configuration: latency) { benchmark, store in
        let learner = try! store.learner(named: LargeLearner.learnerName)!
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            blackHole(try! store.stats(learner: learner.id, at: now, calendar: calendar))
        }
    } setup: {
        try ProgressStore(path: LargeLearner.prepare())
    }

    // What `codedrill stats` computes: the report with per-item accuracy grouped by the library.
    Benchmark("stats report, 100k cards and 1M reviews", configuration: latency) { benchmark, store in
        let learner = try! store.learner(named: LargeLearner.learnerName)!
        let catalog = QuestionCatalog(library: Library(root: URL(fileURLWithPath: "/"), procedures: []))
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            blackHole(try! StudyReport(store: store, learner: learner, catalog: catalog, at: now, calendar: calendar))
        }
    } setup: {
        try ProgressStore(path: LargeLearner.prepare())
    }
}
