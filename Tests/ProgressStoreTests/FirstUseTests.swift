import FSRS
import Foundation
import GRDB
import Testing

@testable import ProgressStore

/// The check-then-act steps of a first session, done by two stores on one file (as two processes
/// would): each is one transaction, so the second caller sees what the first one wrote.
@Suite("First use without races")
struct FirstUseTests {
    @Test func addingTheSameLearnerTwiceCreatesOneAndReturnsItToBoth() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let first = try ProgressStore(path: directory.file("progress.sqlite"))
        let second = try ProgressStore(path: directory.file("progress.sqlite"))
        _ = try first.syncItems(sampleItems(3), at: monday)

        let added = try first.addLearnerIfMissing(named: "Lee", at: monday)
        let found = try second.addLearnerIfMissing(named: "Lee", at: monday + 60)
        #expect(added.created)
        #expect(!found.created)
        #expect(found.learner == added.learner)
        #expect(found.learner.createdAt == monday)
        #expect(try first.learners().map(\.name) == ["Lee"])
        #expect(try first.check() == DatabaseCheck(schemaVersion: ProgressStore.schemaVersion, problems: []))
        #expect(throws: StoreError(.dataError, "a learner name cannot be empty")) {
            try second.addLearnerIfMissing(named: "", at: monday)
        }
    }

    @Test func aSecondExamStartFindsTheFirstAndWritesNothing() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let (store, pat) = try makeStore(directory)
        let other = try ProgressStore(path: directory.file("progress.sqlite"))

        let first = try store.startExam(
            learner: pat.id, blueprint: "cpc-mini", questions: [("item-1", 5)], startedAt: monday, deadline: monday + 600)
        guard case .started(let attempt) = first else {
            Issue.record("the first start found \(first)")
            return
        }
        #expect(attempt.session != nil)
        let second = try other.startExam(
            learner: pat.id, blueprint: "cpc-mini", questions: [("item-2", 6)], startedAt: monday + 1, deadline: monday + 601)
        #expect(second == .unfinished(attempt))
        #expect(try store.examAttempts(learner: pat.id) == [attempt])
        #expect(try store.session(id: attempt.session!)?.kind == .exam)
        let sessions = try store.pool.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM sessions") }
        #expect(sessions == 1)
    }

    @Test func submittingAnAttemptTwiceRecordsItsAnswersOnce() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let (store, pat) = try makeStore(directory)
        let other = try ProgressStore(path: directory.file("progress.sqlite"))
        guard
            case .started(let attempt) = try store.startExam(
                learner: pat.id, blueprint: "b", questions: [("item-1", 5)], startedAt: monday, deadline: monday + 600)
        else {
            Issue.record("no attempt started")
            return
        }
        try store.answerExamQuestion(attempt: attempt.id, position: 1, answer: "a", correct: true, at: monday + 30)
        let answer = LearnerAnswer(
            learner: pat.id, item: "item-1", seed: 5, given: "a", correct: true, rating: .good,
            responseMilliseconds: 0, answeredAt: monday + 30, session: attempt.session)
        let schedule: (LearnerAnswer, Card?) -> Card = { _, _ in reviewCard(due: monday + 86_400) }

        let submitted = try store.submitExamAttempt(attempt.id, at: monday + 100, reviews: [answer], schedule: schedule)
        let again = try other.submitExamAttempt(attempt.id, at: monday + 101, reviews: [answer], schedule: schedule)
        #expect(submitted.reviews.count == 1)
        #expect(again.reviews == [])
        #expect(again.attempt == submitted.attempt)
        #expect(again.attempt.submittedAt == monday + 100)
        #expect(try store.reviews(learner: pat.id).count == 1)
        #expect(try store.cards(learner: pat.id)["item-1"]?.reps == 1)
    }
}
