import Benchmark
import FSRS
import Foundation
import GRDB
import ProgressStore

/// Monday 2026-03-02 09:00 UTC: the benchmarks' fixed "now".
let now = Date(timeIntervalSince1970: 1_772_442_000)
let calendar = StudyCalendar(timeZone: TimeZone(identifier: "UTC")!, rolloverHour: 4)

/// A learner with 100,000 cards, 1,000,000 reviews and 1,000 items not yet introduced, built once
/// with set-based SQL (a few seconds) and kept in the temporary directory for later runs.
///
/// Cards are in the review phase with due dates spread evenly from 30 days ago to 60 days ahead,
/// so about a third are due; reviews end before today, so today's limits are untouched and the
/// queue holds 200 due cards and 20 new items.
enum LargeLearner {
    static let cards = 100_000
    static let reviewsPerCard = 10
    static let newItems = 1_000
    static let learnerName = "Pat"

    static var path: String {
        FileManager.default.temporaryDirectory.appendingPathComponent(
            "codedrill-store-benchmark-v\(ProgressStore.schemaVersion)-\(cards)x\(reviewsPerCard)-r2.sqlite"
        ).path
    }

    /// The fixture's path, building it first if missing.
    static func prepare() throws -> String {
        if FileManager.default.fileExists(atPath: path) { return path }
        let building = path + ".building"
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: building + suffix) }
        let store = try ProgressStore(path: building)
        _ = try store.addLearner(named: learnerName, at: now.addingTimeInterval(-400 * 86_400))
        try store.close()

        let day: Int64 = 86_400_000
        let nowMs = Int64(now.timeIntervalSince1970 * 1000)
        let queue = try DatabaseQueue(path: building)
        try queue.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA synchronous = OFF")
            try db.inTransaction {
                try db.execute(
                    sql: """
                        WITH RECURSIVE n(x) AS (SELECT 0 UNION ALL SELECT x + 1 FROM n WHERE x < :total - 1)
                        INSERT INTO items (id, kind, source, content_hash, position, first_seen_at)
                        SELECT printf('cpt:%05d/%s', x / 5, k.kind), k.kind, printf('Content/%05d.md', x / 5),
                               printf('%08x', x), x + 1, :firstSeen
                        FROM n JOIN (SELECT 0 AS r, 'vignette' AS kind UNION ALL SELECT 1, 'code-selection'
                                     UNION ALL SELECT 2, 'steps' UNION ALL SELECT 3, 'indications'
                                     UNION ALL SELECT 4, 'what-changes') k ON k.r = x % 5;

                        INSERT INTO cards (learner_id, item_id, phase, step, stability, difficulty, due_at,
                                           last_review_at, reps, lapses, introduced_at)
                        SELECT 1, id, 'review', NULL, 5.0 + position % 40, 3.0 + position % 6,
                               :now - 30 * :day + (position * 7919000) % (90 * :day),
                               :now - 2 * :day, :reviews, position % 3, :firstSeen
                        FROM items WHERE position <= :cards;

                        INSERT INTO new_items (learner_id, item_id, position)
                        SELECT 1, id, position FROM items WHERE position > :cards;

                        WITH RECURSIVE r(k) AS (SELECT 0 UNION ALL SELECT k + 1 FROM r WHERE k < :cards * :reviews - 1)
                        INSERT INTO reviews (learner_id, item_id, reviewed_at, seed, answer, correct, rating, response_ms,
                            before_phase, before_step, before_stability, before_difficulty, before_due_at,
                            before_last_review_at, before_reps, before_lapses,
                            after_phase, after_step, after_stability, after_difficulty, after_due_at,
                            after_last_review_at, after_reps, after_lapses)
                        SELECT 1, i.id, :now - :day - (:cards * :reviews - k) * 30000, k, 'b', k % 7 != 0,
                               CASE WHEN k % 7 = 0 THEN 1 ELSE 3 END, 4000 + k % 9000,
                               CASE WHEN k % :reviews = 0 THEN NULL ELSE 'review' END, NULL,
                               CASE WHEN k % :reviews = 0 THEN NULL ELSE 4.0 END,
                               CASE WHEN k % :reviews = 0 THEN NULL ELSE 5.0 END,
                               CASE WHEN k % :reviews = 0 THEN NULL ELSE :now END,
                               CASE WHEN k % :reviews = 0 THEN NULL ELSE :now END,
                               CASE WHEN k % :reviews = 0 THEN NULL ELSE k % :reviews END,
                               CASE WHEN k % :reviews = 0 THEN NULL ELSE 0 END,
                               'review', NULL, 5.0, 5.0, :now, :now, k % :reviews + 1, 0
                        FROM r JOIN items i ON i.position = k / :reviews + 1;
                        """,
                    arguments: [
                        "total": cards + newItems, "cards": cards, "reviews": reviewsPerCard, "now": nowMs, "day": day,
                        "firstSeen": nowMs - 400 * day,
                    ])
                return .commit
            }
            try db.execute(sql: "ANALYZE")
        }
        try queue.close()
        // Validate through the store before publishing the file under its final name.
        let check = try ProgressStore(path: building)
        let sound = try check.check().isSound
        precondition(sound, "benchmark fixture failed its check")
        try check.close()
        try FileManager.default.moveItem(atPath: building, toPath: path)
        return path
    }
}

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

    // `codedrill stats` for the same learner: 30 days of activity and a 30-day forecast.
    Benchmark("stats, 100k cards and 1M reviews", configuration: latency) { benchmark, store in
        let learner = try! store.learner(named: LargeLearner.learnerName)!
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            blackHole(try! store.stats(learner: learner.id, at: now, calendar: calendar))
        }
    } setup: {
        try ProgressStore(path: LargeLearner.prepare())
    }
}
