import Foundation
import Testing

@testable import ProgressStore

@Suite("Exam attempts")
struct ExamAttemptTests {
    @Test func answersFlagsAndSubmissionAreKept() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let (store, pat) = try makeStore(directory)
        let session = try store.startSession(learner: pat.id, kind: .exam, at: monday)
        let attempt = try store.startExamAttempt(
            learner: pat.id, blueprint: "cpc-mini", questions: [("item-3", 11), ("item-0", UInt64.max), ("item-3", 12)],
            startedAt: monday, deadline: monday + 5_400, session: session.id)
        #expect(attempt.questions.map(\.position) == [1, 2, 3])
        #expect(
            attempt.questions[1]
                == ExamQuestion(
                    position: 2, item: "item-0", seed: UInt64.max, answer: nil, correct: nil, flagged: false, answeredAt: nil))

        try store.answerExamQuestion(attempt: attempt.id, position: 1, answer: "c", correct: true, at: monday + 60)
        try store.answerExamQuestion(attempt: attempt.id, position: 2, answer: "a", correct: false, at: monday + 120)
        try store.flagExamQuestion(attempt: attempt.id, position: 2, flagged: true)
        try store.answerExamQuestion(attempt: attempt.id, position: 2, answer: "d", correct: true, at: monday + 180)
        try store.flagExamQuestion(attempt: attempt.id, position: 3, flagged: true)
        let submitted = try store.submitExamAttempt(attempt.id, at: monday + 200)

        #expect(
            submitted
                == ExamAttempt(
                    id: attempt.id, learner: pat.id, session: session.id, blueprint: "cpc-mini", startedAt: monday,
                    deadline: monday + 5_400, submittedAt: monday + 200, score: 2,
                    questions: [
                        ExamQuestion(
                            position: 1, item: "item-3", seed: 11, answer: "c", correct: true, flagged: false, answeredAt: monday + 60),
                        ExamQuestion(
                            position: 2, item: "item-0", seed: UInt64.max, answer: "d", correct: true, flagged: true,
                            answeredAt: monday + 180),
                        ExamQuestion(position: 3, item: "item-3", seed: 12, answer: nil, correct: nil, flagged: true, answeredAt: nil),
                    ]))
        #expect(try store.examAttempts(learner: pat.id) == [submitted])
        #expect(throws: StoreError(.dataError, "exam attempt \(attempt.id) was already submitted")) {
            try store.answerExamQuestion(attempt: attempt.id, position: 3, answer: "a", correct: true, at: monday + 300)
        }
    }

    @Test func badQuestionsAndPositionsAreRefused() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let (store, pat) = try makeStore(directory)
        #expect(throws: StoreError(.dataError, "no item with id 'nope'; sync the library first")) {
            try store.startExamAttempt(learner: pat.id, blueprint: "b", questions: [("nope", 1)], startedAt: monday, deadline: monday + 60)
        }
        #expect(try store.examAttempts(learner: pat.id) == [])
        let attempt = try store.startExamAttempt(
            learner: pat.id, blueprint: "b", questions: [("item-1", 1)], startedAt: monday, deadline: monday + 60)
        #expect(throws: StoreError(.dataError, "exam attempt \(attempt.id) has no question 2")) {
            try store.flagExamQuestion(attempt: attempt.id, position: 2, flagged: true)
        }
        #expect(throws: StoreError(.dataError, "no exam attempt with id 99")) {
            try store.submitExamAttempt(99, at: monday)
        }
    }

    @Test func submissionRecordsItsReviewsInTheSameTransaction() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let (store, pat) = try makeStore(directory)
        let session = try store.startSession(learner: pat.id, kind: .exam, at: monday)
        let attempt = try store.startExamAttempt(
            learner: pat.id, blueprint: "b", questions: [("item-1", 5), ("item-2", 6)], startedAt: monday,
            deadline: monday + 600, session: session.id)
        try store.answerExamQuestion(attempt: attempt.id, position: 1, answer: "B", correct: true, at: monday + 60)
        func review(_ item: String) -> LearnerAnswer {
            LearnerAnswer(
                learner: pat.id, item: item, seed: 5, given: "B", correct: true, rating: .good,
                responseMilliseconds: 0, answeredAt: monday + 60, session: session.id)
        }
        // A review that cannot be recorded rolls the whole submission back.
        #expect(throws: StoreError(.dataError, "no item with id 'gone'; sync the library first")) {
            try store.submitExamAttempt(attempt.id, at: monday + 100, reviews: [review("item-1"), review("gone")]) { _, _ in
                reviewCard(due: monday + 86_400)
            }
        }
        #expect(try store.examAttempt(id: attempt.id)?.submittedAt == nil)
        #expect(try store.reviews(learner: pat.id) == [])
        #expect(try store.session(id: session.id)?.answered == 0)

        let (submitted, reviews) = try store.submitExamAttempt(attempt.id, at: monday + 100, reviews: [review("item-1")]) {
            answer, current in
            #expect(answer.item == "item-1")
            #expect(current == nil)
            return reviewCard(due: monday + 86_400, lastReview: monday + 60)
        }
        #expect(submitted.submittedAt == monday + 100)
        #expect(submitted.score == 1)
        #expect(reviews.map(\.answer) == [review("item-1")])
        #expect(try store.reviews(learner: pat.id) == reviews)
        #expect(try store.card(learner: pat.id, item: "item-1") == reviewCard(due: monday + 86_400, lastReview: monday + 60))
        #expect(try store.session(id: session.id)?.answered == 1)
    }
}
