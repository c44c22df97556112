import Foundation
import GRDB

/// The exam a learner studies toward: a calendar day and, optionally, the blueprint it follows.
public struct ExamGoal: Sendable, Equatable {
    /// The exam's day as `YYYY-MM-DD` (a study day in the learner's calendar).
    public var day: String
    /// The blueprint's name (`codedrill exam` blueprints), if chosen.
    public var blueprint: String?

    /// Creates a goal; `day` must be `YYYY-MM-DD` (see `ExamGoal.isValidDay`).
    public init(day: String, blueprint: String? = nil) {
        self.day = day
        self.blueprint = blueprint
    }

    /// Whether `text` is a real calendar day written `YYYY-MM-DD`.
    public static func isValidDay(_ text: String) -> Bool {
        components(text) != nil
    }

    /// Year, month and day of a `YYYY-MM-DD` text that names a real day.
    public static func components(_ text: String) -> DateComponents? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard text.utf8.count == 10, parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2])
        else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let components = DateComponents(year: year, month: month, day: day)
        guard components.isValidDate(in: calendar) else { return nil }
        return components
    }
}

/// Reading the learner columns added by the `v2-learner-fsrs-parameters-and-exam` migration.
enum LearnerPlanColumns {
    /// The stored weights (a comma-separated list of 21 numbers), or `nil` for NULL or a bad value.
    static func parameters(_ text: String?) -> [Double]? {
        guard let text else { return nil }
        let values = text.split(separator: ",").compactMap { Double($0) }
        return values.count == 21 ? values : nil
    }

    static func text(_ parameters: [Double]) -> String {
        parameters.map { "\($0)" }.joined(separator: ",")
    }

    static func exam(date: String?, blueprint: String?) -> ExamGoal? {
        date.map { ExamGoal(day: $0, blueprint: blueprint) }
    }
}

extension ProgressStore {
    /// Stores the learner's own FSRS weights (21 values), or clears them (`nil`: back to the defaults).
    public func setFSRSParameters(_ parameters: [Double]?, learner id: Learner.ID, at now: Date) throws(StoreError) -> Learner {
        if let parameters, parameters.count != 21 || parameters.contains(where: { !$0.isFinite }) {
            throw .data("FSRS parameters must be 21 finite numbers")
        }
        return try write { db in
            try db.execute(
                sql: "UPDATE learners SET fsrs_parameters = ?, fsrs_parameters_fitted_at = ? WHERE id = ?",
                arguments: [parameters.map(LearnerPlanColumns.text), parameters == nil ? nil : Timestamp.milliseconds(now), id])
            guard let learner = try Learner.fetch(db, id: id) else { throw StoreError.unknownLearner(id) }
            return learner
        }
    }

    /// Sets or clears (`nil`) the exam the learner's schedule aims at.
    public func setExamGoal(_ goal: ExamGoal?, learner id: Learner.ID) throws(StoreError) -> Learner {
        if let goal, !ExamGoal.isValidDay(goal.day) {
            throw .data("'\(goal.day)' is not a date (expected YYYY-MM-DD)")
        }
        return try write { db in
            try db.execute(
                sql: "UPDATE learners SET exam_date = ?, exam_blueprint = ? WHERE id = ?",
                arguments: [goal?.day, goal?.blueprint, id])
            guard let learner = try Learner.fetch(db, id: id) else { throw StoreError.unknownLearner(id) }
            return learner
        }
    }

    /// Every card's reviews in order, as (time, rating) — the optimizer's input. Cards are in item order.
    public func reviewHistories(learner id: Learner.ID) throws(StoreError) -> [[(date: Date, rating: Int)]] {
        try read { db in
            var histories: [[(date: Date, rating: Int)]] = []
            var currentItem: String?
            let rows = try Row.fetchCursor(
                db, sql: "SELECT item_id, reviewed_at, rating FROM reviews WHERE learner_id = ? ORDER BY item_id, reviewed_at, id",
                arguments: [id])
            while let row = try rows.next() {
                let item: String = row[0]
                if item != currentItem {
                    histories.append([])
                    currentItem = item
                }
                histories[histories.count - 1].append((Timestamp.date(row[1] as Int64), row[2]))
            }
            return histories
        }
    }
}
