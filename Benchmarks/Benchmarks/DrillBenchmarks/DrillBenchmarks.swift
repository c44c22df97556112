import Benchmark
import CodingContent
import Drill
import FSRS
import Foundation
import ProgressStore
import Questions

/// The benchmarks' fixed "now".
let now = Date(timeIntervalSince1970: 1_772_442_000)

/// A learner with 10,000 reviews over the bundled library's items, recorded through the store with
/// the FSRS scheduler (about 250 items a day for 40 days), built once and kept in the temporary directory.
enum StudiedLearner {
    static let name = "Sam"
    static let reviews = 10_000

    static var path: String {
        FileManager.default.temporaryDirectory.appendingPathComponent(
            "codedrill-drill-benchmark-v\(ProgressStore.schemaVersion)-\(reviews).sqlite"
        ).path
    }

    static func prepare(catalog: QuestionCatalog, library: Library) throws -> String {
        if FileManager.default.fileExists(atPath: path) { return path }
        let building = path + ".building"
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: building + suffix) }
        let store = try ProgressStore(path: building)
        let start = now.addingTimeInterval(-41 * 86_400)
        try LibrarySync.sync(store: store, catalog: catalog, library: library, at: start)
        let learner = try store.addLearner(named: name, at: start)
        let scheduler = try Scheduler()
        let items = catalog.items.map(\.id)
        var count = 0
        var day = 0
        while count < reviews {
            let at = start.addingTimeInterval(Double(day) * 86_400)
            for (i, item) in items.enumerated() where (i + day) % 2 == 0 && count < reviews {
                let rating: Rating = (i + day) % 7 == 0 ? .again : .good
                _ = try store.record(
                    LearnerAnswer(
                        learner: learner.id, item: item, seed: 1, given: "A", correct: rating != .again,
                        rating: rating, responseMilliseconds: 5000, answeredAt: at, session: nil)
                ) { card in
                    let current = card ?? Card.new(at: at)
                    return (try? scheduler.review(current, rating: rating, at: max(at, current.lastReview ?? at))) ?? current
                }
                count += 1
            }
            day += 1
        }
        try store.close()
        for suffix in ["-wal", "-shm"] { try? FileManager.default.removeItem(atPath: building + suffix) }
        try FileManager.default.moveItem(atPath: building, toPath: path)
        return path
    }
}

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(metrics: [.wallClock, .throughput], maxDuration: .seconds(10), maxIterations: 200)

    Benchmark("Drill: start to first question (bundled library, learner with 10,000 reviews)") { benchmark in
        let root = LibraryLocator.bundledRoot
        let fixtureLibrary = try Library.load(root: root)
        let path = try StudiedLearner.prepare(catalog: QuestionCatalog(library: fixtureLibrary), library: fixtureLibrary)
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            // What `codedrill drill` does: the library loads while the store opens, then the session starts.
            let start = try StudyStart(
                storePath: path, learnerName: StudiedLearner.name, at: now,
                loadLibrary: { try Library.load(root: root) })
            let session = try DrillSession(
                store: start.store, catalog: start.catalog, learner: start.learner!,
                scheduler: try Scheduler(), clock: .system(fixedDate: now))
            blackHole(try session.next())
            try start.store.close()
        }
    }
    phaseBenchmarks()
}

/// The phases of start-up, measured one by one.
let phaseBenchmarks: @Sendable () -> Void = {
    let root = LibraryLocator.bundledRoot
    Benchmark("Phase: load the bundled library") { benchmark in
        for _ in benchmark.scaledIterations { blackHole(try Library.load(root: root)) }
    }
    Benchmark("Phase: index questions (catalog)") { benchmark in
        let library = try Library.load(root: root)
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations { blackHole(QuestionCatalog(library: library)) }
    }
    Benchmark("Phase: open store and sync items") { benchmark in
        let library = try Library.load(root: root)
        let catalog = QuestionCatalog(library: library)
        let path = try StudiedLearner.prepare(catalog: catalog, library: library)
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            let store = try ProgressStore(path: path)
            try LibrarySync.sync(store: store, catalog: catalog, library: library, at: now)
            try store.close()
        }
    }
    Benchmark("Phase: session and first question") { benchmark in
        let library = try Library.load(root: root)
        let catalog = QuestionCatalog(library: library)
        let path = try StudiedLearner.prepare(catalog: catalog, library: library)
        let store = try ProgressStore(path: path)
        let learner = try store.learner(named: StudiedLearner.name)!
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            let session = try DrillSession(
                store: store, catalog: catalog, learner: learner, scheduler: try Scheduler(), clock: .system(fixedDate: now))
            blackHole(try session.next())
        }
    }
}
