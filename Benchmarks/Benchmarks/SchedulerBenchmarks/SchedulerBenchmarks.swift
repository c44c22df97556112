import Benchmark
import Determinism
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

    /// Reviews every card through its history, in rounds (every card's first review, then every
    /// card's second, …) as a scheduler working through a day's reviews would; returns the sum of
    /// final stabilities (a checksum that `bench_pyfsrs.py` prints too).
    func run(_ scheduler: Scheduler) throws -> Double {
        let start = Date(timeIntervalSince1970: 1_767_258_000)  // 2026-01-01T09:00:00Z
        var cards = [Card](repeating: .new(at: start), count: Self.cards)
        for round in 0..<Self.reviewsPerCard {
            for index in cards.indices {
                let k = index * Self.reviewsPerCard + round
                var date = start
                if let last = cards[index].lastReview {
                    let wait = min(cards[index].due.timeIntervalSince(last), Self.longestWait)
                    date = last.addingTimeInterval(wait * waitFactors[k])
                }
                cards[index] = try scheduler.review(cards[index], rating: ratings[k], at: date, fuzzSeed: UInt64(k))
            }
        }
        return cards.reduce(0) { $0 + $1.memory!.stability }
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
