import CodingContent
import FSRS
import Foundation
import ProgressStore
import Questions
import SourceText
import Synchronization

@testable import Drill

/// The question tests' fixture library (`Tests/QuestionsTests/Fixtures/Library`): hip and
/// gallbladder families, three codes each, eight question kinds per code (48 items).
let fixtureLibrary: Library = {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("QuestionsTests/Fixtures/Library")
    return try! Library.load(root: root)
}()

/// The catalog over `fixtureLibrary`.
let fixtureCatalog = QuestionCatalog(library: fixtureLibrary)

/// Monday 2026-01-05 09:00 UTC.
let examStart = ISO8601DateFormatter().date(from: "2026-01-05T09:00:00Z")!

/// A 10-question, 30-minute blueprint over the fixture: 40 % hip, 40 % gallbladder, 20 % diagnosis.
let miniBlueprint = Blueprint(
    id: "mini", name: "Mini exam", questionCount: 10, minutes: 30, passPercent: 70,
    parts: [
        part("Musculoskeletal System", .area("Musculoskeletal System"), 40),
        part("Digestive System", .area("Digestive System"), 40),
        part("ICD-10-CM diagnosis coding", .kind("diagnosis"), 20),
    ],
    excludedKinds: ["pcs"])

/// A blueprint part written at line 1.
func part(_ label: String, _ selector: Blueprint.Selector, _ share: Double) -> Blueprint.Part {
    Blueprint.Part(label: label, selector: selector, share: share, location: SourceLocation(line: 1, column: 1))
}

/// A clock the test moves by hand.
final class TestClock: Sendable {
    private let origin: Date
    private let current: Mutex<Date>
    init(_ now: Date = examStart) {
        origin = now
        current = Mutex(now)
    }
    /// The clock's date.
    var now: Date { current.withLock { $0 } }
    /// Moves the clock on by `seconds`.
    func advance(_ seconds: TimeInterval) { current.withLock { $0 += seconds } }
    /// A drill's clock reading this one: durations are the time it was moved on.
    var session: SessionClock {
        SessionClock(now: { self.now }, elapsed: { .milliseconds(Int((self.now.timeIntervalSince(self.origin) * 1000).rounded())) })
    }
}

/// A store in a fresh temporary file with the fixture's items synced and one learner, Pat.
struct ExamFixture {
    let directory: URL
    let store: ProgressStore
    let learner: Learner
    let clock = TestClock()

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("codedrill-exam-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        store = try ProgressStore(path: directory.appendingPathComponent("progress.sqlite").path)
        try LibrarySync.sync(store: store, catalog: fixtureCatalog, library: fixtureLibrary, at: examStart)
        learner = try store.addLearner(named: "Pat", at: examStart)
    }

    /// Starts an exam per `blueprint` with `seed`.
    func start(_ blueprint: Blueprint = miniBlueprint, seed: UInt64 = 7, questions: Int? = nil) throws -> ExamSession {
        let clock = self.clock
        return try ExamSession.start(
            store: store, catalog: fixtureCatalog, learner: learner, blueprint: blueprint,
            settings: ExamSettings(questions: questions, seed: seed), scheduler: Scheduler.default, clock: { clock.now })
    }

    /// Resumes Pat's unfinished exam.
    func resume() throws -> ExamSession? {
        let clock = self.clock
        return try ExamSession.resume(
            store: store, catalog: fixtureCatalog, learner: learner, blueprints: [miniBlueprint],
            scheduler: Scheduler.default, clock: { clock.now })
    }

    func remove() { try? FileManager.default.removeItem(at: directory) }
}

extension ExamSession {
    /// The question at `position`, regenerated as the learner saw it.
    func question(at position: Int) -> Question {
        let stored = attempt.questions[position - 1]
        return try! fixtureCatalog.question(itemID: stored.item, seed: stored.seed)
    }

    /// The right response to the question at `position`: its option's label, or the code to type.
    func right(_ position: Int) -> String {
        let question = question(at: position)
        return question.answer.label ?? question.answer.text
    }

    /// A wrong response to the question at `position`: the first wrong option, or a code that is not it.
    func wrong(_ position: Int) -> String {
        let question = question(at: position)
        return question.options.first { !$0.correct }?.label ?? "99999"
    }
}

extension ExamEvent {
    /// The position of a `question` event, else `nil`.
    var questionIndex: Int? {
        if case .question(let view) = self { return view.index }
        return nil
    }

    /// The report of a `report` event, else `nil`.
    var report: ExamReport? {
        if case .report(let report) = self { return report }
        return nil
    }

    /// The message of a `problem` event, else `nil`.
    var problemMessage: String? {
        if case .problem(let problem) = self { return problem.message }
        return nil
    }
}
