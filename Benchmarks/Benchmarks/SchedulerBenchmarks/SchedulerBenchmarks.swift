import Benchmark
import FSRS
import Foundation

/// A fixed review workload: 1,000 cards × 100 reviews, ratings 10 % Again, 10 % Hard, 70 % Good,
/// 10 % Easy, each review after 0.5–2 × the scheduled wait (at most a year). Drawn from SplitMix64 so that
/// `scripts/fsrs-fixture/bench_pyfsrs.py` replays exactly the same reviews in py-fsrs.
struct Workload {
    static let cards = 1_000
    static let reviewsPerCard = 100
    static var steps: Int { cards * reviewsPerCard }
    /// Waits are capped at a year (then scaled by 0.5–2) so that 100 reviews stay within Python's dates.
    static let longestWait: TimeInterval = 365 * 86_400

    let ratings: [Rating]
    let waitFactors: [Double]

    init(seed: UInt64 = 2026) {
        var generator = SplitMix64(seed: seed)
        var ratings: [Rating] = []
        var factors: [Double] = []
        for _ in 0..<Self.steps {
            let u = generator.nextUnit()
            ratings.append(u < 0.1 ? .again : u < 0.2 ? .hard : u < 0.9 ? .good : .easy)
            factors.append(0.5 + 1.5 * generator.nextUnit())
        }
        self.ratings = ratings
        waitFactors = factors
    }

    /// Reviews every card through its history; returns the sum of final stabilities (a checksum
    /// that `bench_pyfsrs.py` prints too).
    func run(_ scheduler: Scheduler) throws -> Double {
        let start = Date(timeIntervalSince1970: 1_767_258_000)  // 2026-01-01T09:00:00Z
        var checksum = 0.0
        var k = 0
        for _ in 0..<Self.cards {
            var card = Card.new(at: start)
            for _ in 0..<Self.reviewsPerCard {
                var date = start
                if let last = card.lastReview {
                    let wait = min(card.due.timeIntervalSince(last), Self.longestWait)
                    date = last.addingTimeInterval(wait * waitFactors[k])
                }
                card = try scheduler.review(card, rating: ratings[k], at: date, fuzzSeed: UInt64(k))
                k += 1
            }
            checksum += card.memory!.stability
        }
        return checksum
    }
}

let benchmarks: @Sendable () -> Void = {
    let workload = Workload()
    let configuration = Benchmark.Configuration(
        metrics: [.wallClock, .cpuTotal, .throughput, .mallocCountTotal, .instructions],
        timeUnits: .microseconds,
        maxDuration: .seconds(10),
        maxIterations: 50
    )

    // One iteration = 100,000 review steps; review steps per second = 100,000 / wall clock.
    Benchmark("review 1000 cards x 100, no steps, no fuzz", configuration: configuration) { benchmark in
        blackHole(try workload.run(.withoutSteps()))
    }

    Benchmark("review 1000 cards x 100, default steps and fuzz", configuration: configuration) { benchmark in
        blackHole(try workload.run(.default))
    }
}
