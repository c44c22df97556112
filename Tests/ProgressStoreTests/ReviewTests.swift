import FSRS
import Foundation
import Testing

@testable import ProgressStore

@Suite("Recording and undoing answers")
struct ReviewTests {
    let learning = Card(
        phase: .learning, step: 1, memory: MemoryState(stability: 2.3065, difficulty: 2.1181),
        due: monday + 600, lastReview: monday, reps: 1, lapses: 0)

    @Test func firstAnswerCreatesTheCardAndLeavesTheNewItems() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let (store, pat) = try makeStore(directory)
        var seen: [Card?] = []
        let answer = LearnerAnswer(
            learner: pat.id, item: "item-2", seed: UInt64.max, given: "b?", correct: true, rating: .hard,
            responseMilliseconds: 8_250, answeredAt: monday)
        let review = try store.record(answer) { current in
            seen.append(current)
            return learning
        }

        #expect(seen == [nil])
        #expect(review == Review(id: 1, answer: answer, before: nil, after: learning))
        #expect(try store.card(learner: pat.id, item: "item-2") == learning)
        #expect(try store.reviews(learner: pat.id) == [review])
        let queue = try store.dueQueue(learner: pat.id, at: monday, dayStart: utcCalendar.dayStart(containing: monday))
        #expect(queue.new.map(\.item) == ["item-0", "item-1", "item-3", "item-4"])
        #expect(queue.introducedToday == 1)
    }

    @Test func laterAnswersSeeTheStoredCard() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let (store, pat) = try makeStore(directory)
        try store.answer("item-0", learner: pat.id, giving: learning)
        var seen: Card?
        let graduated = reviewCard(due: monday + 3 * 86_400, reps: 2, lastReview: monday + 600)
        let review = try store.record(
            LearnerAnswer(
                learner: pat.id, item: "item-0", seed: 3, given: "a", correct: true, rating: .good,
                responseMilliseconds: 900, answeredAt: monday + 600)
        ) { current in
            seen = current
            return graduated
        }
        #expect(seen == learning)
        #expect(review.before == learning)
        #expect(review.after == graduated)
        #expect(try store.card(learner: pat.id, item: "item-0") == graduated)
    }

    @Test func undoRestoresThePreviousCardExactlyThenMakesTheItemNewAgain() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let (store, pat) = try makeStore(directory)
        let first = try store.answer("item-3", learner: pat.id, giving: learning)
        let lapsed = Card(
            phase: .relearning, step: 0, memory: MemoryState(stability: 0.4, difficulty: 8.8), due: monday + 1_200,
            lastReview: monday + 660, reps: 2, lapses: 1)
        let second = try store.answer("item-3", learner: pat.id, at: monday + 660, correct: false, giving: lapsed)

        #expect(try store.undoLastReview(learner: pat.id) == second)
        #expect(try store.card(learner: pat.id, item: "item-3") == learning)
        #expect(try store.reviews(learner: pat.id) == [first])

        #expect(try store.undoLastReview(learner: pat.id) == first)
        #expect(try store.card(learner: pat.id, item: "item-3") == nil)
        #expect(try store.reviews(learner: pat.id) == [])
        let queue = try store.dueQueue(learner: pat.id, at: monday, dayStart: utcCalendar.dayStart(containing: monday))
        #expect(queue.new.map(\.item) == ["item-0", "item-1", "item-2", "item-3", "item-4"])
        #expect(queue.introducedToday == 0)
        #expect(try store.undoLastReview(learner: pat.id) == nil)
        #expect(try store.check().isSound)
    }

    @Test func onlyTheLatestReviewOfACardCanBeUndone() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let (store, pat) = try makeStore(directory)
        let first = try store.answer("item-0", learner: pat.id, giving: learning)
        try store.answer("item-1", learner: pat.id, at: monday + 1, giving: learning)
        try store.answer("item-0", learner: pat.id, at: monday + 2, giving: reviewCard(due: monday + 86_400, reps: 2))
        #expect(throws: StoreError(.dataError, "review \(first.id) cannot be undone: item 'item-0' was reviewed again after it")) {
            try store.undoReview(id: first.id)
        }
        // Another card's latest review can be undone out of order.
        let undone = try store.undoReview(id: 2)
        #expect(undone.answer.item == "item-1")
        #expect(try store.card(learner: pat.id, item: "item-1") == nil)
    }

    @Test func reviewIdsAreNeverReusedAfterUndo() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let (store, pat) = try makeStore(directory)
        try store.answer("item-0", learner: pat.id, giving: learning)
        _ = try store.undoLastReview(learner: pat.id)
        #expect(try store.answer("item-0", learner: pat.id, giving: learning).id == 2)
    }

    @Test func sessionCountsFollowRecordAndUndo() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let (store, pat) = try makeStore(directory)
        let session = try store.startSession(learner: pat.id, kind: .drill, at: monday)
        try store.answer("item-0", learner: pat.id, giving: learning, session: session.id)
        try store.answer("item-1", learner: pat.id, correct: false, giving: learning, session: session.id)
        try store.answer("item-2", learner: pat.id, giving: learning, session: session.id)
        _ = try store.undoLastReview(learner: pat.id)
        let ended = try store.endSession(session.id, at: monday + 300)
        #expect(
            ended
                == Session(
                    id: session.id, learner: pat.id, kind: .drill, startedAt: monday, endedAt: monday + 300, answered: 2,
                    correct: 1))
        #expect(try store.endSession(session.id, at: monday + 900).endedAt == monday + 300)
    }

    @Test func answersOnUnknownLearnersItemsOrSessionsAreRefused() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let (store, pat) = try makeStore(directory)
        let sam = try store.addLearner(named: "Sam", at: monday)
        let samsSession = try store.startSession(learner: sam.id, kind: .drill, at: monday)
        #expect(throws: StoreError(.dataError, "no item with id 'cpt:99999/vignette'; sync the library first")) {
            try store.answer("cpt:99999/vignette", learner: pat.id, giving: learning)
        }
        #expect(throws: StoreError(.dataError, "no learner with id 42")) {
            try store.answer("item-0", learner: 42, giving: learning)
        }
        #expect(throws: StoreError(.dataError, "session \(samsSession.id) does not belong to learner \(pat.id)")) {
            try store.answer("item-0", learner: pat.id, giving: learning, session: samsSession.id)
        }
        #expect(try store.reviews(learner: pat.id) == [])
        #expect(try store.card(learner: pat.id, item: "item-0") == nil)
    }

    @Test func datesAreStoredToTheMillisecond() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let (store, pat) = try makeStore(directory)
        let odd = monday + 0.123_456_7
        let card = reviewCard(due: odd + 86_400, lastReview: odd)
        let review = try store.answer("item-0", learner: pat.id, at: odd, giving: card)
        #expect(review.answer.answeredAt == Date(timeIntervalSince1970: 1_767_603_600.123))
        #expect(review.after.due == Date(timeIntervalSince1970: 1_767_690_000.123))
        #expect(try store.reviews(learner: pat.id) == [review])
        #expect(try store.card(learner: pat.id, item: "item-0") == review.after)
    }
}
