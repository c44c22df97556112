import Determinism
import FSRS
import Foundation
import ProgressStore
import Questions

/// A learner's progress for `codedrill stats`: the store's counts joined with the library's
/// sections and families.
public struct StudyReport: Sendable, Equatable, Codable {
    /// Right answers out of all answers in one group.
    public struct Score: Sendable, Equatable, Codable {
        /// The group (a section area, a question kind or a family).
        public var name: String
        /// Answers given.
        public var answers: Int
        /// Right answers.
        public var correct: Int
        /// Percentage right, one decimal.
        public var percent: Double

        init(name: String, answers: Int, correct: Int) {
            self.name = name
            self.answers = answers
            self.correct = correct
            percent = answers == 0 ? 0 : (Double(correct) / Double(answers) * 1000).rounded() / 10
        }
    }

    /// A count on one study day.
    public struct DayCount: Sendable, Equatable, Codable {
        /// The study day's date (`2026-11-25`).
        public var day: String
        /// Reviews done that day, or cards due that day for the forecast.
        public var count: Int
    }

    /// Always `stats`.
    public var type = "stats"
    /// The learner.
    public var learner: String
    /// Cards due now (overdue included).
    public var dueNow: Int
    /// Cards that become due later in today's study day.
    public var dueLaterToday: Int
    /// Cards that were due before today's study day began.
    public var overdue: Int
    /// Items never studied that are available.
    public var newAvailable: Int
    /// New items left under today's limit.
    public var newLeftToday: Int
    /// Reviews recorded in all.
    public var totalReviews: Int
    /// Reviews per day, oldest first (last 30 study days).
    public var reviewsPerDay: [DayCount]
    /// Cards due per day, today first (next 14 study days).
    public var forecast: [DayCount]
    /// Fraction of reviews of graduated cards answered right in the last 30 days, or nil without any.
    public var retention: Double?
    /// The retention FSRS aims at.
    public var targetRetention: Double
    /// Accuracy by section area.
    public var bySection: [Score]
    /// Accuracy by question kind.
    public var byKind: [Score]
    /// Families with the lowest accuracy (at least 3 answers), weakest first, at most 5.
    public var weakestFamilies: [Score]
    /// Consecutive study days up to today (or yesterday).
    public var streak: Int

    /// Builds the report at `now`.
    public init(store: ProgressStore, learner: Learner, catalog: QuestionCatalog, at now: Date, calendar: StudyCalendar) throws {
        let stats = try store.stats(learner: learner.id, at: now, calendar: calendar, days: 30, forecastDays: 14)
        func day(_ date: Date) -> String { ISO8601.day(date, in: calendar.timeZone) }
        self.learner = learner.name
        dueNow = stats.dueNow
        dueLaterToday = stats.dueLaterToday
        overdue = stats.overdue
        newAvailable = stats.newAvailable
        newLeftToday = stats.newLeftToday
        totalReviews = stats.totalReviews
        reviewsPerDay = stats.days.map { DayCount(day: day($0.start), count: $0.accuracy.answers) }
        forecast = stats.forecast.map { DayCount(day: day($0.start), count: $0.due) }
        retention = stats.retention.fraction.map { ($0 * 10000).rounded() / 10000 }
        targetRetention = learner.settings.desiredRetention
        streak = stats.streak

        var sections: [String: (Int, Int)] = [:]
        var kinds: [String: (Int, Int)] = [:]
        var families: [String: (Int, Int)] = [:]
        // One grouped query per item; the catalog says which section, kind and family it is in.
        for counted in try store.accuracyByItem(learner: learner.id) {
            let (answers, correct) = (counted.accuracy.answers, counted.accuracy.correct)
            let add = { (table: inout [String: (Int, Int)], key: String) in
                let old = table[key] ?? (0, 0)
                table[key] = (old.0 + answers, old.1 + correct)
            }
            let item = catalog.item(id: counted.item)
            add(&sections, item?.area ?? "Retired items")
            add(&kinds, item?.kind.rawValue ?? counted.item.split(separator: "/").last.map(String.init) ?? "unknown")
            if let family = item?.family { add(&families, family) }
        }
        func scores(_ table: [String: (Int, Int)]) -> [Score] {
            table.map { Score(name: $0.key, answers: $0.value.0, correct: $0.value.1) }.sorted { $0.name < $1.name }
        }
        bySection = scores(sections)
        byKind = scores(kinds)
        weakestFamilies = Array(
            scores(families).filter { $0.answers >= 3 }
                .sorted { ($0.percent, -$0.answers, $0.name) < ($1.percent, -$1.answers, $1.name) }.prefix(5))
    }
}
