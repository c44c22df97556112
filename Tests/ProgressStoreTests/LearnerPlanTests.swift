import FSRS
import Foundation
import Testing

@testable import ProgressStore

/// The v2 learner columns: FSRS weights and exam goal; the optimizer's input.
struct LearnerPlanTests {
    @Test func weightsAndExamGoalRoundTripAndClear() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let (store, learner) = try makeStore(directory)
        #expect(learner.fsrsParameters == nil && learner.exam == nil)
        let weights = Parameters.defaultValues.map { $0 * 1.1 }
        _ = try store.setFSRSParameters(weights, learner: learner.id, at: monday)
        _ = try store.setExamGoal(ExamGoal(day: "2026-03-01", blueprint: "cpc-mock"), learner: learner.id)
        let stored = try #require(try store.learner(named: "Pat"))
        #expect(stored.fsrsParameters == weights)
        #expect(stored.exam == ExamGoal(day: "2026-03-01", blueprint: "cpc-mock"))
        #expect(throws: StoreError(.dataError, "'2026-02-30' is not a date (expected YYYY-MM-DD)")) {
            try store.setExamGoal(ExamGoal(day: "2026-02-30"), learner: learner.id)
        }
        #expect(throws: StoreError(.dataError, "FSRS parameters must be 21 finite numbers")) {
            try store.setFSRSParameters([1, 2], learner: learner.id, at: monday)
        }
        let cleared = try store.setFSRSParameters(nil, learner: learner.id, at: monday)
        #expect(cleared.fsrsParameters == nil)
        #expect(try store.setExamGoal(nil, learner: learner.id).exam == nil)
    }

    @Test func reviewHistoriesGroupEachItemsReviewsInOrder() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let (store, learner) = try makeStore(directory)
        let day = 86_400.0
        try store.answer("item-2", learner: learner.id, at: monday, giving: reviewCard(due: monday + day))
        try store.answer("item-1", learner: learner.id, at: monday + 60, correct: false, giving: reviewCard(due: monday + day))
        try store.answer("item-2", learner: learner.id, at: monday + 2 * day, giving: reviewCard(due: monday + 5 * day))
        let histories = try store.reviewHistories(learner: learner.id)
        #expect(histories.map { $0.map(\.rating) } == [[1], [3, 3]])
        #expect(histories[1].map(\.date) == [monday, monday + 2 * day])
    }
}
