import FSRS
import Foundation
import Testing

@testable import ProgressStore

@Suite("Recorded responses: what item analysis and results export read")
struct RecordedResponsesTests {
    @Test func submittedAttemptsGiveEveryQuestionAndDrillsOnlyTheirFirstAnswer() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let (store, pat) = try makeStore(directory)
        let ana = try store.addLearner(named: "Ana", at: monday + 1)

        // Pat: a drill answer on item-1 (then a second one, not the first), and a submitted exam whose
        // answers are recorded as reviews in the exam's session: those are exam answers, not drill ones.
        try store.answer("item-1", learner: pat.id, at: monday + 10, correct: false, giving: reviewCard(due: monday + 86_400), seed: 3)
        try store.answer("item-1", learner: pat.id, at: monday + 20, giving: reviewCard(due: monday + 86_400), seed: 4)
        let session = try store.startSession(learner: pat.id, kind: .exam, at: monday + 100)
        let exam = try store.startExamAttempt(
            learner: pat.id, blueprint: "quiz", questions: [("item-2", 21), ("item-3", 22)],
            startedAt: monday + 100, deadline: monday + 1_900, session: session.id)
        try store.answerExamQuestion(attempt: exam.id, position: 1, answer: "b?", correct: true, at: monday + 160)
        let review = LearnerAnswer(
            learner: pat.id, item: "item-2", seed: 21, given: "b?", correct: true, rating: .hard,
            responseMilliseconds: 0, answeredAt: monday + 160, session: session.id)
        _ = try store.submitExamAttempt(exam.id, at: monday + 200, reviews: [review]) { _, _ in reviewCard(due: monday + 86_400) }
        // Ana: an attempt still open is left out.
        _ = try store.startExamAttempt(
            learner: ana.id, blueprint: "quiz", questions: [("item-0", 5)],
            startedAt: monday + 300, deadline: monday + 2_100)

        let exams = try store.recordedResponses()
        #expect(
            exams == [
                RecordedResponse(
                    source: .exam, learner: "Pat", learnerAddedAt: monday, attempt: exam.id, blueprint: "quiz",
                    attemptStartedAt: monday + 100, attemptQuestions: 2, position: 1, item: "item-2", kind: "vignette",
                    seed: 21, answer: "b?", correct: true, answeredAt: monday + 160),
                RecordedResponse(
                    source: .exam, learner: "Pat", learnerAddedAt: monday, attempt: exam.id, blueprint: "quiz",
                    attemptStartedAt: monday + 100, attemptQuestions: 2, position: 2, item: "item-3", kind: "vignette",
                    seed: 22, answer: nil, correct: false, answeredAt: nil),
            ])
        let withDrills = try store.recordedResponses(includeDrills: true)
        #expect(withDrills.count == 3)
        #expect(
            withDrills[2]
                == RecordedResponse(
                    source: .drill, learner: "Pat", learnerAddedAt: monday, attempt: nil, blueprint: nil, attemptStartedAt: nil,
                    attemptQuestions: nil, position: nil, item: "item-1", kind: "vignette", seed: 3, answer: "c", correct: false,
                    answeredAt: monday + 10))
        #expect(try store.recordedResponses(learners: ["Ana"], includeDrills: true).isEmpty)
        #expect(try store.recordedResponses(learners: ["Ana", "Pat"]).count == 2)
    }
}
