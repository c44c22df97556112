import FSRS
import Foundation
import GRDB
import Testing

@testable import ProgressStore

@Suite("Learners")
struct LearnerTests {
    @Test func namesWithQuotesSemicolonsAndEmojiRoundTrip() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.file("progress.sqlite")
        let names = ["O'Brien", "Robert\"); DROP TABLE learners;--", "Zoë 🩺👩🏽‍⚕️", "a;b", "%_*"]
        let store = try ProgressStore(path: path)
        for name in names { _ = try store.addLearner(named: name, at: monday) }
        try store.close()

        let reopened = try ProgressStore(path: path)
        let byBytes = names.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
        #expect(try reopened.learners().map(\.name) == byBytes)
        for name in names {
            #expect(try reopened.learner(named: name)?.name == name)
        }
        #expect(try reopened.learner(named: "o'brien") == nil)
    }

    @Test func newLearnerHasDefaultSettings() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let store = try ProgressStore(path: directory.file("progress.sqlite"))
        let learner = try store.addLearner(named: "Pat", at: monday)
        #expect(
            learner
                == Learner(
                    id: 1, name: "Pat", createdAt: monday,
                    settings: LearnerSettings(newPerDay: 20, reviewsPerDay: 200, desiredRetention: 0.9)))
        let changed = try store.updateSettings(
            LearnerSettings(newPerDay: 5, reviewsPerDay: 50, desiredRetention: 0.85), learner: learner.id)
        #expect(changed.settings == LearnerSettings(newPerDay: 5, reviewsPerDay: 50, desiredRetention: 0.85))
        #expect(throws: StoreError(.dataError, "desired retention must be between 0 and 1 (exclusive), not 1.0")) {
            try store.updateSettings(LearnerSettings(desiredRetention: 1), learner: learner.id)
        }
    }

    @Test func duplicateAndInvalidNamesAreRefused() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let store = try ProgressStore(path: directory.file("progress.sqlite"))
        _ = try store.addLearner(named: "Pat", at: monday)
        #expect(throws: StoreError(.dataError, "a learner named 'Pat' already exists")) {
            try store.addLearner(named: "Pat", at: monday)
        }
        #expect(throws: StoreError(.dataError, "a learner name cannot be empty")) {
            try store.addLearner(named: "", at: monday)
        }
        #expect(throws: StoreError(.dataError, "a learner name cannot start or end with a space")) {
            try store.addLearner(named: " Pat", at: monday)
        }
        #expect(throws: StoreError(.dataError, "a learner name cannot contain control characters such as tabs or line breaks")) {
            try store.addLearner(named: "Pat\nSmith", at: monday)
        }
        #expect(throws: StoreError(.dataError, "a learner name has at most 100 characters")) {
            try store.addLearner(named: String(repeating: "x", count: 101), at: monday)
        }
        #expect(try store.ensureLearner(named: "Pat", at: monday).id == 1)
        #expect(try store.learners().count == 1)
    }

    @Test func renameKeepsProgressAndRefusesTakenNames() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let (store, pat) = try makeStore(directory)
        _ = try store.addLearner(named: "Sam", at: monday)
        try store.answer("item-0", learner: pat.id, giving: reviewCard(due: monday + 86_400))

        #expect(throws: StoreError(.dataError, "a learner named 'Sam' already exists")) {
            try store.renameLearner("Pat", to: "Sam")
        }
        #expect(throws: StoreError(.dataError, "no learner named 'Nobody'")) {
            try store.renameLearner("Nobody", to: "Kim")
        }
        let renamed = try store.renameLearner("Pat", to: "Patricia 🎓")
        #expect(renamed.id == pat.id)
        #expect(try store.learner(named: "Pat") == nil)
        #expect(try store.reviews(learner: renamed.id).count == 1)
    }

    @Test func deletingALearnerRemovesOnlyTheirRows() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let (store, pat) = try makeStore(directory)
        let sam = try store.addLearner(named: "Sam", at: monday)
        for learner in [pat, sam] {
            let session = try store.startSession(learner: learner.id, kind: .drill, at: monday)
            try store.answer("item-0", learner: learner.id, giving: reviewCard(due: monday + 86_400), session: session.id)
            try store.answer("item-1", learner: learner.id, giving: reviewCard(due: monday + 86_400), session: session.id)
            _ = try store.startExamAttempt(
                learner: learner.id, blueprint: "cpc-mini", questions: [("item-2", 1)], startedAt: monday,
                deadline: monday + 3_600)
        }

        let deletion = try store.deleteLearner(named: "Pat")
        #expect(deletion == LearnerDeletion(learner: pat, cards: 2, reviews: 2))

        let raw = try rawDatabase(directory.file("progress.sqlite"), readonly: true)
        let counts = try raw.read { db in
            try ["cards", "new_items", "reviews", "sessions", "exam_attempts", "exam_questions", "items"].map { table in
                let condition = ["exam_questions", "items"].contains(table) ? "" : " WHERE learner_id = \(pat.id)"
                return try Int.fetchOne(db, sql: "SELECT count(*) FROM \(table)\(condition)") ?? -1
            }
        }
        #expect(counts == [0, 0, 0, 0, 0, 1, 5])
        #expect(try store.learners() == [sam])
        #expect(try store.reviews(learner: sam.id).count == 2)
        #expect(try store.cards(learner: sam.id).count == 2)
        #expect(try store.check().isSound)
        #expect(throws: StoreError(.dataError, "no learner named 'Pat'")) { try store.deleteLearner(named: "Pat") }
    }
}
