import Benchmark
import CodingContent
import Determinism
import Drill
import Foundation
import GRDB
import ProgressStore
import Questions

/// The benchmarks' fixed "now".
let now = Date(timeIntervalSince1970: 1_772_442_000)

/// A class of 1,000 learners who each submitted one 100-question exam over the bundled library's
/// choice items (100,000 exam answers), bulk-loaded with SQL once and kept in the temporary directory.
/// Each question row holds what `codedrill exam` stores since schema v4 (the options shown, the key,
/// the choice), computed with the same functions; `preV4Path` is the same class with those columns
/// empty, as a database written before v4 holds it.
///
/// Whether an answer is right follows a simple ability model (learner ability against item
/// difficulty, with a deterministic hash for chance), so the figures look like a real class's.
enum ExamClass {
    static let learners = 1_000
    static let questions = 100

    static var path: String {
        FileManager.default.temporaryDirectory.appendingPathComponent(
            "codedrill-report-benchmark-v\(ProgressStore.schemaVersion)-\(learners)x\(questions).sqlite"
        ).path
    }

    static var preV4Path: String { path.replacingOccurrences(of: ".sqlite", with: "-pre-v4.sqlite") }

    /// The class as written before schema v4: a copy of `path` with the v4 columns emptied.
    static func preparePreV4() throws -> String {
        if FileManager.default.fileExists(atPath: preV4Path) { return preV4Path }
        let building = preV4Path + ".building"
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: building + suffix) }
        try FileManager.default.copyItem(atPath: path, toPath: building)
        let queue = try DatabaseQueue(path: building)
        try queue.write { db in try db.execute(sql: "UPDATE exam_questions SET options = NULL, answer_key = NULL, choice = NULL") }
        try queue.close()
        try FileManager.default.moveItem(atPath: building, toPath: preV4Path)
        return preV4Path
    }

    static func prepare(catalog: QuestionCatalog, library: Library) throws -> String {
        if FileManager.default.fileExists(atPath: path) { return path }
        let building = path + ".building"
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: building + suffix) }
        let store = try ProgressStore(path: building)
        try LibrarySync.sync(store: store, catalog: catalog, library: library, at: now.addingTimeInterval(-86_400))
        try store.close()
        let items = catalog.items.filter { !$0.kind.isEntry && $0.kind != .multipleAnswer && $0.kind != .matching }.map(\.id).sorted()
        precondition(items.count >= questions, "the bundled library has only \(items.count) choice items")
        let nowMs = Int64(now.timeIntervalSince1970 * 1000)
        let queue = try DatabaseQueue(path: building)
        try queue.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA synchronous = OFF")
            try db.inTransaction {
                let question = try db.makeStatement(
                    sql: """
                        INSERT INTO exam_questions (attempt_id, position, item_id, seed, answer, correct, answered_at, options, answer_key, choice)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """)
                for learner in 1...learners {
                    try db.execute(
                        sql: "INSERT INTO learners (name, created_at) VALUES (?, ?)",
                        arguments: [String(format: "learner-%04d", learner), nowMs - 86_400_000])
                    let learnerID = db.lastInsertedRowID
                    let started = nowMs - Int64(learner) * 60_000
                    try db.execute(
                        sql:
                            "INSERT INTO exam_attempts (learner_id, blueprint, started_at, deadline_at, submitted_at, score) VALUES (?, 'cpc-mock', ?, ?, ?, 0)",
                        arguments: [learnerID, started, started + 14_400_000, started + 7_200_000])
                    let attempt = db.lastInsertedRowID
                    let ability = Double(learner) / Double(learners) * 4 - 2
                    let offset = (learner * 37) % items.count
                    for position in 1...questions {
                        let index = (offset + position * 7) % items.count
                        let difficulty = Double(index % 41) / 10 - 2
                        let chance = Double(Fingerprint.value(of: "\(learner)|\(position)") % 10_000) / 10_000
                        let correct = chance < 1 / (1 + exp(difficulty - ability))
                        let letter = ["A", "B", "C", "D"][Int(Fingerprint.value(of: "\(position)|\(learner)") % 4)]
                        let seed = UInt64(learner * 1_000 + position)
                        // What `codedrill exam` stores with the answer.
                        let shown = try catalog.question(itemID: items[index], seed: seed)
                        let presented = PresentedQuestion(shown)
                        try question.execute(arguments: [
                            attempt, position, items[index], Int64(seed), letter, correct, started + Int64(position) * 60_000,
                            presented.storedOptions, presented.key, ResultRecord.choice(answer: letter, question: shown),
                        ])
                    }
                    try db.execute(
                        sql:
                            "UPDATE exam_attempts SET score = (SELECT count(*) FROM exam_questions WHERE attempt_id = ? AND correct = 1) WHERE id = ?",
                        arguments: [attempt, attempt])
                }
                return .commit
            }
        }
        try queue.close()
        try FileManager.default.moveItem(atPath: building, toPath: path)
        return path
    }
}

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(metrics: [.wallClock], maxDuration: .seconds(20), maxIterations: 30)
    let library = try! Library.load(root: LibraryLocator.bundledRoot)
    let catalog = QuestionCatalog(library: library)
    let path = try! ExamClass.prepare(catalog: catalog, library: library)
    let preV4Path = try! ExamClass.preparePreV4()

    Benchmark("report items: database to JSON (1,000 learners × 100 questions)") { benchmark in
        for _ in benchmark.scaledIterations {
            // What `codedrill report items --format json` does once the library is loaded.
            let store = try ProgressStore(path: path)
            let records = ResultRecord.records(try store.recordedResponses(), catalog: catalog, anonymize: false)
            let analysis = ItemAnalysis(attempts: try ResultSelection.attempts(records))
            blackHole(try CodedrillJSON.string(analysis, pretty: false))
            try store.close()
        }
    }

    Benchmark("report items: database written before schema v4 to JSON (every question regenerated)") { benchmark in
        for _ in benchmark.scaledIterations {
            let store = try ProgressStore(path: preV4Path)
            let records = ResultRecord.records(try store.recordedResponses(), catalog: catalog, anonymize: false)
            let analysis = ItemAnalysis(attempts: try ResultSelection.attempts(records))
            blackHole(try CodedrillJSON.string(analysis, pretty: false))
            try store.close()
        }
    }

    Benchmark("report items --from: 100,000 result lines to JSON") { benchmark in
        let store = try ProgressStore(path: path)
        let text = try ResultLines.text(try store.recordedResponses().map { ResultRecord($0, catalog: catalog, anonymize: false) })
        try store.close()
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            let records = try ResultLines.parse(text, file: "class.jsonl")
            let analysis = ItemAnalysis(attempts: try ResultSelection.attempts(records))
            blackHole(try CodedrillJSON.string(analysis, pretty: false))
        }
    }

    Benchmark("Stage: query 100,000 exam answers") { benchmark in
        let store = try ProgressStore(path: path)
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations { blackHole(try store.recordedResponses()) }
        benchmark.stopMeasurement()
        try store.close()
    }

    Benchmark("Stage: 100,000 records from the stored options, key and choice") { benchmark in
        let store = try ProgressStore(path: path)
        let responses = try store.recordedResponses()
        try store.close()
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            blackHole(ResultRecord.records(responses, catalog: catalog, anonymize: false))
        }
    }

    Benchmark("Stage: regenerate 100,000 questions to name the options chosen (before schema v4)") { benchmark in
        let store = try ProgressStore(path: preV4Path)
        let responses = try store.recordedResponses()
        try store.close()
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            blackHole(ResultRecord.records(responses, catalog: catalog, anonymize: false))
        }
    }

    Benchmark("Stage: first attempts and Moodle statistics over 100,000 answers") { benchmark in
        let store = try ProgressStore(path: path)
        let records = try store.recordedResponses().map { ResultRecord($0, catalog: catalog, anonymize: false) }
        try store.close()
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            blackHole(ItemAnalysis(attempts: try ResultSelection.attempts(records)))
        }
    }
}
