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

/// Answers on one item, for grouping by the library's sections, kinds and families.
public struct ItemAccuracy: Sendable, Equatable {
    /// The item id.
    public var item: String
    /// Answers on it, and how many were correct.
    public var accuracy: Accuracy

    /// Creates a value from all of its fields.
    public init(item: String, accuracy: Accuracy) {
        self.item = item
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
    /// Every answer ever recorded for the learner.
    public var totalReviews: Int
    /// Activity on each of the last days, oldest first, ending with today.
    public var days: [DayActivity]
    /// Cards due on each coming day, starting with today.
    public var forecast: [DayForecast]
    /// True retention over the last days: the fraction correct among answers on cards that were in
    /// the review phase (learning steps excluded).
    public var retention: Accuracy
    /// Consecutive study days with at least one answer, up to today (or up to yesterday while
    /// today has none yet).
    public var streak: Int
    /// Whether the learner has answered anything today.
    public var studiedToday: Bool

    /// Creates a value from all of its fields.
    public init(
        dueNow: Int, overdue: Int, dueLaterToday: Int, newAvailable: Int, newLeftToday: Int, totalReviews: Int, days: [DayActivity],
        forecast: [DayForecast], retention: Accuracy, streak: Int, studiedToday: Bool
    ) {
        self.dueNow = dueNow
        self.overdue = overdue
        self.dueLaterToday = dueLaterToday
        self.newAvailable = newAvailable
        self.newLeftToday = newLeftToday
        self.totalReviews = totalReviews
        self.days = days
        self.forecast = forecast
        self.retention = retention
        self.streak = streak
        self.studiedToday = studiedToday
    }
}

extension ProgressStore {
    /// The learner's statistics at `now`: activity over the last `days` study days (today
    /// included) and a due forecast for the next `forecastDays`, with days cut by `calendar`.
    ///
    /// A fixed handful of statements whatever the window and the streak: the forecast is one
    /// statement counting each day's range through the due index, the activity chart and retention
    /// one grouped read of the window's day ranges from the covering time index (study days are
    /// calendar days, so their bounds are computed here and handed to SQL), the total the learner's
    /// trigger-kept review count, and the streak one statement that finds the first day without a
    /// review. Card counts leave retired items out by subtracting the few cards on retired items.
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
            // Due counts: three index-only range counts in one statement. The forecast: one statement
            // counting each day's range through the due index (day 0 includes everything overdue).
            let forecastStarts = (0...max(forecastDays, 1)).map { calendar.dayStart($0, after: today) }
            let forecastBounds = forecastStarts.map(ms)
            let (nowMs, todayMs, tomorrowMs) = (ms(now), ms(today), ms(tomorrow))
            let dueRow = try Row.fetchOne(
                db,
                sql: """
                    SELECT (SELECT count(*) FROM cards WHERE learner_id = :learner AND due_at <= :now),
                           (SELECT count(*) FROM cards WHERE learner_id = :learner AND due_at < :today),
                           (SELECT count(*) FROM cards WHERE learner_id = :learner AND due_at > :now AND due_at < :tomorrow)
                    """,
                arguments: ["learner": learner, "now": nowMs, "today": todayMs, "tomorrow": tomorrowMs])
            var (dueNow, overdue, dueLaterToday): (Int, Int, Int) = (dueRow?[0] ?? 0, dueRow?[1] ?? 0, dueRow?[2] ?? 0)
            let dayRanges = (0..<(forecastBounds.count - 1)).map { d in
                "(\(d), \(d == 0 ? Int64.min : forecastBounds[d]), \(forecastBounds[d + 1]))"
            }.joined(separator: ", ")
            var dueByDay = [Int](repeating: 0, count: forecastBounds.count - 1)
            for row in try Row.fetchAll(
                db,
                sql: """
                    WITH day(i, lo, hi) AS (VALUES \(dayRanges))
                    SELECT i, (SELECT count(*) FROM cards WHERE learner_id = ? AND due_at >= day.lo AND due_at < day.hi) FROM day
                    """,
                arguments: [learner])
            {
                dueByDay[row[0]] = row[1]
            }
            // The same counts for cards on retired items (few; found through their partial index).
            let retiredDue = try Int64.fetchAll(
                db,
                sql: """
                    SELECT cards.due_at FROM items i INDEXED BY items_retired CROSS JOIN cards ON cards.learner_id = ? AND cards.item_id = i.id
                    WHERE i.retired_at IS NOT NULL
                    """,
                arguments: [learner])
            for due in retiredDue {
                if due <= nowMs { dueNow -= 1 }
                if due < todayMs { overdue -= 1 }
                if due > nowMs && due < tomorrowMs { dueLaterToday -= 1 }
                if let d = forecastBounds.dropFirst().firstIndex(where: { due < $0 }) { dueByDay[d - 1] -= 1 }
            }
            let forecast = (0..<max(forecastDays, 0)).map { DayForecast(start: forecastStarts[$0], due: dueByDay[$0]) }

            let newAvailable = try count(
                "SELECT count(*) FROM new_items n JOIN items i ON i.id = n.item_id WHERE n.learner_id = ? AND i.retired_at IS NULL",
                [learner])
            let introducedToday = try count(
                "SELECT count(*) FROM cards WHERE learner_id = ? AND introduced_at >= ?", [learner, todayMs])

            // Activity per day and retention in one range scan of the window's reviews.
            let windowDays = max(days, 1)
            let windowStart = calendar.dayStart(-(windowDays - 1), after: today)
            let dayStarts = (0...windowDays).map { calendar.dayStart($0, after: windowStart) }
            let dayBounds = dayStarts.map(ms)
            var activity = dayStarts.dropLast().map { DayActivity(start: $0, accuracy: Accuracy(answers: 0, correct: 0)) }
            var retention = Accuracy(answers: 0, correct: 0)
            // Each day is a range of the covering index (learner, time, correct, phase): no table rows
            // are read. The last range is open-ended, so retention still counts any review after the
            // window (activity ignores it).
            let ranges = (0...windowDays).map { i in
                "(\(i), \(dayBounds[i]), \(i < windowDays ? dayBounds[i + 1] : Int64.max))"
            }.joined(separator: ", ")
            let activitySQL = """
                WITH day(i, lo, hi) AS (VALUES \(ranges))
                SELECT day.i, count(*), coalesce(sum(r.correct), 0),
                       coalesce(sum(r.before_phase = 'review'), 0), coalesce(sum(r.correct AND r.before_phase = 'review'), 0)
                FROM day JOIN reviews r INDEXED BY reviews_by_learner_time_outcome
                  ON r.learner_id = ? AND r.reviewed_at >= day.lo AND r.reviewed_at < day.hi
                GROUP BY day.i
                """
            for row in try Row.fetchAll(db, sql: activitySQL, arguments: [learner]) {
                let d: Int = row[0]
                if d >= 0 && d < windowDays { activity[d].accuracy = Accuracy(answers: row[1], correct: row[2]) }
                retention.answers += row[3]
                retention.correct += row[4]
            }

            // The streak: the first study day, counting back from today, with no review. Days are
            // checked a year at a time (a longer streak takes another statement per year).
            let studiedToday =
                try Bool.fetchOne(
                    db, sql: "SELECT 1 FROM reviews WHERE learner_id = ? AND reviewed_at >= ? AND reviewed_at < ? LIMIT 1",
                    arguments: [learner, todayMs, tomorrowMs]) != nil
            var streak = 0
            var newest = studiedToday ? today : calendar.dayStart(-1, after: today)
            var chunk = 35
            while true {
                // Day i of the chunk is `starts[i + 1] ..< starts[i]`, counting back from `newest`.
                let starts = [calendar.dayStart(1, after: newest)] + (0..<chunk).map { calendar.dayStart(-$0, after: newest) }
                let values = (0..<chunk).map { "(\($0), \(ms(starts[$0 + 1])), \(ms(starts[$0])))" }.joined(separator: ", ")
                let gap = try Int.fetchOne(
                    db,
                    sql: """
                        WITH day(i, lo, hi) AS (VALUES \(values))
                        SELECT min(i) FROM day
                        WHERE NOT EXISTS (SELECT 1 FROM reviews WHERE learner_id = ? AND reviewed_at >= day.lo AND reviewed_at < day.hi)
                        """,
                    arguments: [learner])
                if let gap {
                    streak += gap
                    break
                }
                streak += chunk
                newest = calendar.dayStart(-1, after: starts.last!)
                chunk = 366
            }

            return LearnerStats(
                dueNow: dueNow, overdue: overdue, dueLaterToday: dueLaterToday, newAvailable: newAvailable,
                newLeftToday: min(newAvailable, max(0, settings.newPerDay - introducedToday)),
                // Kept by triggers on `reviews` (schema v3): counting a long history costs a scan.
                totalReviews: try count("SELECT review_count FROM learners WHERE id = ?", [learner]),
                days: activity, forecast: forecast, retention: retention, streak: streak, studiedToday: studiedToday)
        }
    }

    /// Answers and right answers per item, over all of the learner's reviews: one grouped query,
    /// for reports that group items by what the library knows of them (section, kind, family).
    public func accuracyByItem(learner: Learner.ID) throws(StoreError) -> [ItemAccuracy] {
        try read { db in
            try Row.fetchAll(
                db,
                sql:
                    "SELECT item_id, count(*), coalesce(sum(correct), 0) FROM reviews WHERE learner_id = ? GROUP BY item_id ORDER BY item_id",
                arguments: [learner]
            ).map { ItemAccuracy(item: $0[0], accuracy: Accuracy(answers: $0[1], correct: $0[2])) }
        }
    }
}
