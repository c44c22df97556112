import Benchmark
import BenchmarkFixtures
import FSRS
import Foundation
import ProgressStore

/// A small fresh database with one learner and 1,000 items, for write latency.
func freshStore() throws -> (ProgressStore, Learner, [String]) {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("codedrill-store-benchmark-record.sqlite").path
    for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
    let store = try ProgressStore(path: path)
    let items = (0..<1_000).map {
        ItemRecord(id: "cpt:\(10_000 + $0)/vignette", kind: "vignette", source: "Content/\($0).md", contentHash: "h")
    }
    _ = try store.syncItems(items, at: now)
    return (store, try store.addLearner(named: "Pat", at: now), items.map(\.id))
}

/// A stand-in for the scheduler (not under test here): a new review-phase card due in a day.
func nextCard(_ card: Card?, at time: Date) -> Card {
    var next = card ?? Card.new(at: time)
    next.phase = .review
    next.step = nil
    next.reps += 1
    next.memory = MemoryState(stability: Double(next.reps), difficulty: 5)
    next.lastReview = time
    next.due = time.addingTimeInterval(86_400)
    return next
}

let benchmarks: @Sendable () -> Void = {
    let latency = Benchmark.Configuration(
        metrics: [.wallClock, .cpuTotal, .syscalls],
        timeUnits: .microseconds,
        maxDuration: .seconds(10),
        maxIterations: 1_000
    )

    // One iteration = one answer recorded and on disk (review row + card upsert, fsync'd commit).
    Benchmark("record one answer durably", configuration: latency) { benchmark, fixture in
        let (store, learner, items) = fixture
        for iteration in benchmark.scaledIterations {
            let answer = LearnerAnswer(
                learner: learner.id, item: items[iteration % items.count], seed: UInt64(iteration), given: "b",
                correct: true, rating: .good, responseMilliseconds: 4_000, answeredAt: now)
            blackHole(try! store.record(answer) { nextCard($0, at: now) })
        }
    } setup: {
        try freshStore()
    }

    // One iteration = the learner's full queue: 200 due cards and 20 new items.
    Benchmark("due queue, 100k cards and 1M reviews", configuration: latency) { benchmark, store in
        let learner = try! store.learner(named: LargeLearner.learnerName)!
        let dayStart = calendar.dayStart(containing: now)
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            let queue = try! store.dueQueue(learner: learner.id, at: now, dayStart: dayStart)
            precondition(queue.due.count == 200 && queue.new.count == 20)
            blackHole(queue)
        }
    } setup: {
        try ProgressStore(path: LargeLearner.prepare())
    }

    // The same, restricted to one question kind (a fifth of the items).
    Benchmark("due queue filtered by kind, 100k cards and 1M reviews", configuration: latency) { benchmark, store in
        let learner = try! store.learner(named: LargeLearner.learnerName)!
        let dayStart = calendar.dayStart(containing: now)
        let filter = ItemFilter(kinds: ["steps"])
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            blackHole(try! store.dueQueue(learner: learner.id, at: now, dayStart: dayStart, filter: filter))
        }
    } setup: {
        try ProgressStore(path: LargeLearner.prepare())
    }
}
