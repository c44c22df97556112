import FSRS
import Foundation
import GRDB

@testable import ProgressStore

/// A fresh directory under the system temporary directory; call `remove()` when done.
struct TemporaryDirectory {
    let path: String

    init() {
        path = NSTemporaryDirectory() + "codedrill-store-tests-" + UUID().uuidString
        try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    /// A path inside the directory.
    func file(_ name: String) -> String { path + "/" + name }

    func remove() { try? FileManager.default.removeItem(atPath: path) }
}

/// Parses `2026-01-05T09:00:00Z`.
func date(_ text: String) -> Date {
    let formatter = ISO8601DateFormatter()
    formatter.formatOptions = [.withInternetDateTime]
    return formatter.date(from: text)!
}

/// Monday 2026-01-05 09:00 UTC, the tests' usual "now".
let monday = date("2026-01-05T09:00:00Z")

/// Study days in UTC, rolling over at 04:00.
let utcCalendar = StudyCalendar(timeZone: TimeZone(identifier: "UTC")!, rolloverHour: 4)

/// `count` items `item-0`, `item-1`, … of `kind`.
func sampleItems(_ count: Int, kind: String = "vignette", prefix: String = "item-") -> [ItemRecord] {
    (0..<count).map { ItemRecord(id: "\(prefix)\($0)", kind: kind, source: "Content/\($0).md", contentHash: "h\($0)") }
}

/// A store in a new file of `directory`, with `items` synced and one learner, Pat.
func makeStore(_ directory: TemporaryDirectory, items: [ItemRecord] = sampleItems(5)) throws -> (ProgressStore, Learner) {
    let store = try ProgressStore(path: directory.file("progress.sqlite"))
    _ = try store.syncItems(items, at: monday)
    let learner = try store.addLearner(named: "Pat", at: monday)
    return (store, learner)
}

/// A card in the review phase, due at `due`, as a scheduler might produce it.
func reviewCard(
    due: Date, reps: Int = 1, lapses: Int = 0, lastReview: Date = monday, stability: Double = 3.17, difficulty: Double = 5.28
) -> Card {
    Card(
        phase: .review, step: nil, memory: MemoryState(stability: stability, difficulty: difficulty), due: due,
        lastReview: lastReview, reps: reps, lapses: lapses)
}

extension ProgressStore {
    /// Records a correct answer on `item` at `time` whose resulting card is `card`.
    @discardableResult
    func answer(
        _ item: String, learner: Learner.ID, at time: Date = monday, correct: Bool = true, giving card: Card,
        session: Session.ID? = nil, seed: UInt64 = 7
    ) throws -> Review {
        try record(
            LearnerAnswer(
                learner: learner, item: item, seed: seed, given: correct ? "b" : "c", correct: correct,
                rating: correct ? .good : .again, responseMilliseconds: 4_200, answeredAt: time, session: session)
        ) { _ in card }
    }
}

/// The bytes of the file at `path`.
func bytes(_ path: String) -> Data { FileManager.default.contents(atPath: path) ?? Data() }

/// A GRDB queue on `path` for arranging or inspecting files behind the store's back.
func rawDatabase(_ path: String, readonly: Bool = false) throws -> DatabaseQueue {
    var configuration = Configuration()
    configuration.readonly = readonly
    return try DatabaseQueue(path: path, configuration: configuration)
}

/// The permission bits of the file at `path`.
func mode(_ path: String) -> Int {
    (try! FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as! NSNumber).intValue
}
