import FSRS
import Foundation
import Testing

@testable import ProgressStore

@Suite("Due queue")
struct DueQueueTests {
    let today = utcCalendar.dayStart(containing: monday)

    @Test func dueCardsComeFirstByDueDateThenNewItemsInIntroductionOrder() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let (store, pat) = try makeStore(directory, items: sampleItems(6))
        let yesterday = monday - 86_400
        try store.answer("item-4", learner: pat.id, at: yesterday, giving: reviewCard(due: monday - 60))
        try store.answer("item-1", learner: pat.id, at: yesterday, giving: reviewCard(due: monday - 7_200))
        try store.answer("item-3", learner: pat.id, at: yesterday, giving: reviewCard(due: monday + 1))
        try store.answer("item-5", learner: pat.id, at: yesterday, giving: reviewCard(due: monday - 60))
        try store.answer("item-0", learner: pat.id, at: yesterday, giving: reviewCard(due: monday))

        let queue = try store.dueQueue(learner: pat.id, at: monday, dayStart: today)
        #expect(queue.due.map(\.item) == ["item-1", "item-4", "item-5", "item-0"])
        #expect(queue.due.map(\.card.due) == [monday - 7_200, monday - 60, monday - 60, monday])
        #expect(queue.due.map(\.kind) == ["vignette", "vignette", "vignette", "vignette"])
        #expect(queue.new == [NewItem(item: "item-2", kind: "vignette")])
        #expect(queue.reviewedToday == 0)
        #expect(queue.introducedToday == 0)
    }

    @Test func newItemsAreLimitedByTheDailyLimitMinusThoseIntroducedToday() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let (store, pat) = try makeStore(directory, items: sampleItems(10))
        _ = try store.updateSettings(LearnerSettings(newPerDay: 4), learner: pat.id)
        // 03:30 belongs to yesterday's study day (rollover at 04:00).
        try store.answer("item-0", learner: pat.id, at: date("2026-01-05T03:30:00Z"), giving: reviewCard(due: monday + 86_400))
        try store.answer("item-1", learner: pat.id, at: date("2026-01-05T04:00:00Z"), giving: reviewCard(due: monday + 86_400))
        try store.answer("item-2", learner: pat.id, at: date("2026-01-05T08:00:00Z"), giving: reviewCard(due: monday + 86_400))

        let queue = try store.dueQueue(learner: pat.id, at: monday, dayStart: today)
        #expect(queue.introducedToday == 2)
        #expect(queue.new.map(\.item) == ["item-3", "item-4"])

        _ = try store.updateSettings(LearnerSettings(newPerDay: 1), learner: pat.id)
        #expect(try store.dueQueue(learner: pat.id, at: monday, dayStart: today).new == [])
        let tomorrow = try store.dueQueue(learner: pat.id, at: monday + 86_400, dayStart: today + 86_400)
        #expect(tomorrow.new.map(\.item) == ["item-3"])
        #expect(tomorrow.due.map(\.item) == ["item-0", "item-1", "item-2"])
    }

    @Test func reviewsAreLimitedByReviewsPerDayMinusThoseDoneToday() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let (store, pat) = try makeStore(directory, items: sampleItems(5))
        _ = try store.updateSettings(LearnerSettings(reviewsPerDay: 3), learner: pat.id)
        for index in 0..<5 {
            try store.answer("item-\(index)", learner: pat.id, at: monday - 86_400, giving: reviewCard(due: monday - Double(100 - index)))
        }
        // A second answer today on item-0 is a review (it had a card before).
        try store.answer("item-0", learner: pat.id, at: monday - 10, giving: reviewCard(due: monday + 86_400, reps: 2))
        let queue = try store.dueQueue(learner: pat.id, at: monday, dayStart: today)
        #expect(queue.reviewedToday == 1)
        #expect(queue.due.map(\.item) == ["item-1", "item-2"])
    }

    @Test func retiredItemsAreNeverQueued() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let (store, pat) = try makeStore(directory, items: sampleItems(4))
        try store.answer("item-0", learner: pat.id, at: monday - 86_400, giving: reviewCard(due: monday - 1))
        try store.answer("item-1", learner: pat.id, at: monday - 86_400, giving: reviewCard(due: monday - 1))
        _ = try store.syncItems(Array(sampleItems(4)[1...2]), at: monday)
        let queue = try store.dueQueue(learner: pat.id, at: monday, dayStart: today)
        #expect(queue.due.map(\.item) == ["item-1"])
        #expect(queue.new.map(\.item) == ["item-2"])
    }

    @Test func filtersRestrictByItemIdsAndKinds() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let items = sampleItems(3, kind: "vignette", prefix: "v-") + sampleItems(3, kind: "steps", prefix: "s-")
        let (store, pat) = try makeStore(directory, items: items)
        try store.answer("v-0", learner: pat.id, at: monday - 86_400, giving: reviewCard(due: monday - 5))
        try store.answer("s-0", learner: pat.id, at: monday - 86_400, giving: reviewCard(due: monday - 4))

        let steps = try store.dueQueue(learner: pat.id, at: monday, dayStart: today, filter: ItemFilter(kinds: ["steps"]))
        #expect(steps.due.map(\.item) == ["s-0"])
        #expect(steps.new.map(\.item) == ["s-1", "s-2"])

        let chosen = ItemFilter(items: ["v-0", "v-2", "s-2", "unknown"])
        let picked = try store.dueQueue(learner: pat.id, at: monday, dayStart: today, filter: chosen)
        #expect(picked.due.map(\.item) == ["v-0"])
        #expect(picked.new.map(\.item) == ["v-2", "s-2"])

        let both = try store.dueQueue(
            learner: pat.id, at: monday, dayStart: today, filter: ItemFilter(items: ["v-0", "s-2"], kinds: ["steps"]))
        #expect(both.due == [])
        #expect(both.new.map(\.item) == ["s-2"])
        #expect(try store.dueQueue(learner: pat.id, at: monday, dayStart: today, filter: ItemFilter(items: [])).new == [])
    }

    @Test func unknownLearnerIsAnError() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let (store, _) = try makeStore(directory)
        #expect(throws: StoreError(.dataError, "no learner with id 9")) {
            try store.dueQueue(learner: 9, at: monday, dayStart: today)
        }
    }
}
