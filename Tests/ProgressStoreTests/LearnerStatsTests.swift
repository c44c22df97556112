import FSRS
import Foundation
import Testing

@testable import ProgressStore

@Suite("Learner statistics")
struct LearnerStatsTests {
    /// Three study days of a learner, Saturday to Monday (UTC, rollover 04:00).
    func threeDays(_ directory: TemporaryDirectory) throws -> (ProgressStore, Learner) {
        let items = sampleItems(3, kind: "vignette", prefix: "v-") + sampleItems(3, kind: "steps", prefix: "s-")
        let (store, pat) = try makeStore(directory, items: items)
        func card(_ phase: CardPhase, due: String) -> Card {
            Card(
                phase: phase, step: phase == .review ? nil : 0, memory: MemoryState(stability: 1, difficulty: 5),
                due: date(due), lastReview: nil, reps: 1, lapses: 0)
        }
        try store.answer("v-0", learner: pat.id, at: date("2026-01-03T10:00:00Z"), giving: card(.review, due: "2026-01-04T10:00:00Z"))
        try store.answer(
            "v-1", learner: pat.id, at: date("2026-01-04T10:00:00Z"), correct: false, giving: card(.learning, due: "2026-01-04T11:00:00Z"))
        try store.answer("v-0", learner: pat.id, at: date("2026-01-04T11:00:00Z"), giving: card(.review, due: "2026-01-05T08:00:00Z"))
        try store.answer("s-0", learner: pat.id, at: date("2026-01-05T05:00:00Z"), giving: card(.review, due: "2026-01-05T20:00:00Z"))
        try store.answer(
            "s-1", learner: pat.id, at: date("2026-01-05T06:00:00Z"), correct: false, giving: card(.learning, due: "2026-01-06T10:00:00Z"))
        try store.answer(
            "v-0", learner: pat.id, at: date("2026-01-05T07:00:00Z"), correct: false, giving: card(.relearning, due: "2026-01-05T08:30:00Z")
        )
        return (store, pat)
    }

    @Test func countsActivityForecastRetentionAndStreak() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let (store, pat) = try threeDays(directory)
        let stats = try store.stats(learner: pat.id, at: monday, calendar: utcCalendar, days: 3, forecastDays: 3)
        #expect(
            stats
                == LearnerStats(
                    dueNow: 2, overdue: 1, dueLaterToday: 1, newAvailable: 2, newLeftToday: 2,
                    totalReviews: 6,
                    days: [
                        DayActivity(start: date("2026-01-03T04:00:00Z"), accuracy: Accuracy(answers: 1, correct: 1)),
                        DayActivity(start: date("2026-01-04T04:00:00Z"), accuracy: Accuracy(answers: 2, correct: 1)),
                        DayActivity(start: date("2026-01-05T04:00:00Z"), accuracy: Accuracy(answers: 3, correct: 1)),
                    ],
                    forecast: [
                        DayForecast(start: date("2026-01-05T04:00:00Z"), due: 3),
                        DayForecast(start: date("2026-01-06T04:00:00Z"), due: 1),
                        DayForecast(start: date("2026-01-07T04:00:00Z"), due: 0),
                    ],
                    retention: Accuracy(answers: 2, correct: 1),
                    streak: 3, studiedToday: true))
        #expect(
            try store.accuracyByItem(learner: pat.id) == [
                ItemAccuracy(item: "s-0", accuracy: Accuracy(answers: 1, correct: 1)),
                ItemAccuracy(item: "s-1", accuracy: Accuracy(answers: 1, correct: 0)),
                ItemAccuracy(item: "v-0", accuracy: Accuracy(answers: 3, correct: 2)),
                ItemAccuracy(item: "v-1", accuracy: Accuracy(answers: 1, correct: 0)),
            ])
        #expect(stats.retention.fraction == 0.5)
    }

    @Test func streakSurvivesUntilTheDayEndsThenBreaks() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let (store, pat) = try threeDays(directory)
        let tuesday = try store.stats(learner: pat.id, at: date("2026-01-06T09:00:00Z"), calendar: utcCalendar)
        #expect(tuesday.studiedToday == false)
        #expect(tuesday.streak == 3)
        // Tuesday 03:00 still belongs to Monday's study day.
        #expect(try store.stats(learner: pat.id, at: date("2026-01-06T03:00:00Z"), calendar: utcCalendar).studiedToday)
        #expect(try store.stats(learner: pat.id, at: date("2026-01-07T09:00:00Z"), calendar: utcCalendar).streak == 0)
    }

    @Test func retiredItemsLeaveTheCounts() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let (store, pat) = try threeDays(directory)
        let remaining = (sampleItems(3, kind: "vignette", prefix: "v-") + sampleItems(3, kind: "steps", prefix: "s-"))
            .filter { $0.id != "v-1" && $0.id != "v-2" }
        _ = try store.syncItems(remaining, at: monday)
        let stats = try store.stats(learner: pat.id, at: monday, calendar: utcCalendar, days: 1, forecastDays: 1)
        #expect(stats.dueNow == 1)
        #expect(stats.overdue == 0)
        #expect(stats.newAvailable == 1)
        #expect(stats.totalReviews == 6)
    }
}

@Suite("Learner statistics: long streaks")
struct LongStreakTests {
    @Test func aStreakLongerThanTheFirstChunkIsCountedToItsFirstGap() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let (store, pat) = try makeStore(directory, items: sampleItems(1, kind: "vignette", prefix: "v-"))
        // One answer a day for 50 days up to Monday, with Monday-51 missing before them.
        let card = Card(
            phase: .review, step: nil, memory: MemoryState(stability: 1, difficulty: 5),
            due: monday + 86_400, lastReview: nil, reps: 1, lapses: 0)
        for back in (0..<50).reversed() {
            try store.answer("v-0", learner: pat.id, at: monday - Double(back) * 86_400, giving: card)
        }
        try store.answer("v-0", learner: pat.id, at: monday - 52 * 86_400, giving: card)
        let stats = try store.stats(learner: pat.id, at: monday, calendar: utcCalendar, days: 3, forecastDays: 2)
        #expect(stats.streak == 50)
        #expect(stats.studiedToday)
        #expect(stats.totalReviews == 51)
        #expect(stats.days.map(\.accuracy.answers) == [1, 1, 1])
    }
}
