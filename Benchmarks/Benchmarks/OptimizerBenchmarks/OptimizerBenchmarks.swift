import Benchmark
import FSRS
import Foundation

/// Fitting FSRS-6 weights to 5,000 simulated cards × 10 reviews (50,000 reviews), the same histories
/// `scripts/fsrs-optimize/bench_fsrs_rs.py` generates and fits with fsrs-rs.
enum OptimizerWorkload {
    /// The simulated learner (as in `OptimizerTests.truth` and the script's `TRUTH`).
    static let truth: [Double] = [
        0.4, 1.6, 3.1, 10.5, 6.0, 0.7, 2.4, 0.02, 1.6, 0.25, 1.1, 1.8, 0.1, 0.35, 1.4, 0.5, 2.2, 0.4, 0.2, 0.1, 0.25,
    ]
    static let histories = SimulatedHistories.generate(parameters: truth, cards: 5_000, reviewsPerCard: 10, seed: 2026)
}

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(metrics: [.wallClock, .cpuTotal], maxDuration: .seconds(60), maxIterations: 10)

    Benchmark("optimize 5,000 cards (50,000 reviews)") { benchmark in
        let histories = OptimizerWorkload.histories
        benchmark.startMeasurement()
        let result = Optimizer.fit(histories)
        benchmark.stopMeasurement()
        blackHole(result)
    }
}
