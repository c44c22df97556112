import FSRS
import Foundation
import GRDB

/// A count of graded answers.
public struct Accuracy: Sendable, Equatable {
    /// Answers counted.
    public var answers: Int
    /// How many were correct.
    public var correct: Int

    /// Creates a count.
    public init(answers: Int, correct: Int) {
        self.answers = answers
        self.correct = correct
    }

    /// `correct / answers`, or `nil` when there are no answers.
    public var fraction: Double? { answers == 0 ? nil : Double(correct) / Double(answers) }
}

/// One study day's activity.
public struct DayActivity: Sendable, Equatable {
    /// When the study day started.
    public var start: Date
    /// Answers recorded that day, and how many were correct.
    public var accuracy: Accuracy

    /// Creates a value from all of its fields.
    public init(start: Date, accuracy: Accuracy) {
        self.start = start
        self.accuracy = accuracy
    }
}

/// How many cards fall due on one future study day.
public struct DayForecast: Sendable, Equatable {
    /// When the study day starts.
    public var start: Date
    /// Cards due that day; the first day also counts everything already overdue.
    public var due: Int

    /// Creates a value from all of its fields.
    public init(start: Date, due: Int) {
        self.start = start
        self.due = due
    }
}

/// Accuracy on one kind of question.
public struct KindAccuracy: Sendable, Equatable {
    /// The item kind.
    public var kind: String
    /// Answers on items of that kind, and how many were correct.
    public var accuracy: Accuracy

    /// Creates a value from all of its fields.
    public init(kind: String, accuracy: Accuracy) {
        self.kind = kind
        self.accuracy = accuracy
    }
}

/// A learner's numbers for `codedrill stats`. Retired items are left out of every card count.
public struct LearnerStats: Sendable, Equatable {
    /// Cards due at or before now.
    public var dueNow: Int
    /// Of those, cards that were due before today started.
    public var overdue: Int
    /// Cards that fall due after now but before the next study day.
    public var dueLaterToday: Int
    /// Items the learner has never answered.
    public var newAvailable: Int
    /// New items the daily limit still allows today (at most `newAvailable`).
    public var newLeftToday: Int
    /// Cards by phase.
    public var cardsByPhase: [CardPhase: Int]
    /// Every answer ever recorded for the learner.
    public var totalReviews: Int
    /// Activity on each of the last days, oldest first, ending with today.
    public var days: [DayActivity]
    /// Cards due on each coming day, starting with today.
    public var forecast: [DayForecast]
    /// True retention over the last days: the fraction correct among answers on cards that were in
    /// the review phase (learning steps excluded).
    public var retention: Accuracy
    /// Accuracy by item kind over the last days, by kind name.
    public var accuracyByKind: [KindAccuracy]
    /// Consecutive study days with at least one answer, up to today (or up to yesterday while
    /// today has none yet).
    public var streak: Int
    /// Whether the learner has answered anything today.
    public var studiedToday: Bool

    /// Creates a value from all of its fields.
    public init(dueNow: Int, overdue: Int, dueLaterToday: Int, newAvailable: Int, newLeftToday: Int, cardsByPhase: [CardPhase: Int], totalReviews: Int, days: [DayActivity], forecast: [DayForecast], retention: Accuracy, accuracyByKind: [KindAccuracy], streak: Int, studiedToday: Bool) {
        self.dueNow = dueNow
        self.overdue = overdue
        self.dueLaterToday = dueLaterToday
        self.newAvailable = newAvailable
        self.newLeftToday = newLeftToday
        self.cardsByPhase = cardsByPhase
        self.totalReviews = totalReviews
        self.days = days
        self.forecast = forecast
        self.retention = retention
        self.accuracyByKind = accuracyByKind
        self.streak = streak
        self.studiedToday = studiedToday
    }
}

extension ProgressStore {
    /// The learner's statistics at `now`: activity over the last `days` study days (today
    /// included) and a due forecast for the next `forecastDays`, with days cut by `calendar`.
    public func stats(
        learner: Learner.ID, at now: Date, calendar: StudyCalendar, days: Int = 30, forecastDays: Int = 30
    ) throws(StoreError) -> LearnerStats {
        let today = calendar.dayStart(containing: now)
        let tomorrow = calendar.dayStart(1, after: today)
        let ms = Timestamp.milliseconds
        return try read { db in
            guard let settings = try Learner.fetch(db, id: learner)?.settings else {
                throw StoreError.unknownLearner(learner)
            }
            func count(_ sql: String, _ arguments: StatementArguments) throws -> Int {
                try Int.fetchOne(db, sql: sql, arguments: arguments) ?? 0
            }
            func accuracy(_ sql: String, _ arguments: StatementArguments) throws -> Accuracy {
                let row = try Row.fetchOne(db, sql: sql, arguments: arguments)
                return Accuracy(answers: row?[0] ?? 0, correct: row?[1] ?? 0)
            }
            // Count all of the learner's cards through the due index, then subtract the few on
            // retired items, found through the partial index on retired items (forced: without
            // ANALYZE statistics SQLite would rather walk the learner's cards): no join per card.
            func activeCards(_ condition: String, _ arguments: StatementArguments) throws -> Int {
                let all = try count("SELECT count(*) FROM cards WHERE learner_id = ? AND \(condition)", [learner] + arguments)
                let retired = try count(
                    """
                    SELECT count(*) FROM items i INDEXED BY items_retired CROSS JOIN cards ON cards.learner_id = ? AND cards.item_id = i.id
                    WHERE i.retired_at IS NOT NULL AND \(condition)
                    """,
                    [learner] + arguments)
                return all - retired
            }
            let dueNow = try activeCards("due_at <= ?", [ms(now)])
            let overdue = try activeCards("due_at < ?", [ms(today)])
            let dueLaterToday = try activeCards("due_at > ? AND due_at < ?", [ms(now), ms(tomorrow)])
            let newAvailable = try count(
                "SELECT count(*) FROM new_items n JOIN items i ON i.id = n.item_id WHERE n.learner_id = ? AND i.retired_at IS NULL",
                [learner])
            let introducedToday = try count(
                "SELECT count(*) FROM cards WHERE learner_id = ? AND introduced_at >= ?", [learner, ms(today)])

            var cardsByPhase: [CardPhase: Int] = [:]
            let phaseCounts = [
                ("SELECT phase, count(*) FROM cards WHERE learner_id = ? GROUP BY phase", 1),
                ("""
                SELECT cards.phase, count(*) FROM items i INDEXED BY items_retired CROSS JOIN cards ON cards.learner_id = ? AND cards.item_id = i.id
                WHERE i.retired_at IS NOT NULL GROUP BY cards.phase
                """, -1),
            ]
            for (sql, sign) in phaseCounts {
                for row in try Row.fetchAll(db, sql: sql, arguments: [learner]) {
                    if let phase = CardPhase(rawValue: row[0]) { cardsByPhase[phase, default: 0] += sign * (row[1] as Int) }
                }
            }
            cardsByPhase = cardsByPhase.filter { $0.value != 0 }

            let windowStart = calendar.dayStart(-(max(days, 1) - 1), after: today)
            var activity: [DayActivity] = []
            var start = windowStart
            for _ in 0..<max(days, 1) {
                let end = calendar.dayStart(1, after: start)
                activity.append(DayActivity(start: start, accuracy: try accuracy(
                    "SELECT count(*), coalesce(sum(correct), 0) FROM reviews WHERE learner_id = ? AND reviewed_at >= ? AND reviewed_at < ?",
                    [learner, ms(start), ms(end)])))
                start = end
            }

            var forecast: [DayForecast] = []
            start = today
            for index in 0..<max(forecastDays, 0) {
                let end = calendar.dayStart(1, after: start)
                let due = index == 0
                    ? try activeCards("due_at < ?", [ms(end)])
                    : try activeCards("due_at >= ? AND due_at < ?", [ms(start), ms(end)])
                forecast.append(DayForecast(start: start, due: due))
                start = end
            }

            let retention = try accuracy(
                "SELECT count(*), coalesce(sum(correct), 0) FROM reviews WHERE learner_id = ? AND reviewed_at >= ? AND before_phase = 'review'",
                [learner, ms(windowStart)])
            let byKind = try Row.fetchAll(
                db,
                sql: """
                    SELECT i.kind, count(*), coalesce(sum(r.correct), 0)
                    FROM reviews r JOIN items i ON i.id = r.item_id
                    WHERE r.learner_id = ? AND r.reviewed_at >= ?
                    GROUP BY i.kind ORDER BY i.kind
                    """,
                arguments: [learner, ms(windowStart)]
            ).map { KindAccuracy(kind: $0[0], accuracy: Accuracy(answers: $0[1], correct: $0[2])) }

            func studied(from start: Date) throws -> Bool {
                try Bool.fetchOne(
                    db,
                    sql: "SELECT 1 FROM reviews WHERE learner_id = ? AND reviewed_at >= ? AND reviewed_at < ? LIMIT 1",
                    arguments: [learner, ms(start), ms(calendar.dayStart(1, after: start))]) != nil
            }
            let studiedToday = try studied(from: today)
            var streak = 0
            var day = studiedToday ? today : calendar.dayStart(-1, after: today)
            while try studied(from: day) {
                streak += 1
                day = calendar.dayStart(-1, after: day)
            }

            return LearnerStats(
                dueNow: dueNow, overdue: overdue, dueLaterToday: dueLaterToday, newAvailable: newAvailable,
                newLeftToday: min(newAvailable, max(0, settings.newPerDay - introducedToday)),
                cardsByPhase: cardsByPhase,
                totalReviews: try count("SELECT count(*) FROM reviews WHERE learner_id = ?", [learner]),
                days: activity, forecast: forecast, retention: retention, accuracyByKind: byKind,
                streak: streak, studiedToday: studiedToday)
        }
    }
}
