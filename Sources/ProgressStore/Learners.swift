import Foundation
import GRDB

/// A person studying with codedrill. Each learner has their own cards, reviews and exams.
public struct Learner: Sendable, Equatable, Identifiable {
    /// The store's identifier for the learner (stable; never reused).
    public var id: Int64
    /// The unique display name, exactly as entered.
    public var name: String
    /// When the learner was added.
    public var createdAt: Date
    /// Daily limits and scheduling preferences.
    public var settings: LearnerSettings
    /// The learner's own FSRS-6 weights from `codedrill optimize`; `nil` means the defaults.
    public var fsrsParameters: [Double]?
    /// The exam the schedule aims at, if one is set.
    public var exam: ExamGoal?

    /// Creates a value from all of its fields.
    public init(
        id: Int64, name: String, createdAt: Date, settings: LearnerSettings, fsrsParameters: [Double]? = nil,
        exam: ExamGoal? = nil
    ) {
        self.id = id
        self.name = name
        self.createdAt = createdAt
        self.settings = settings
        self.fsrsParameters = fsrsParameters
        self.exam = exam
    }
}

/// A learner's study preferences.
public struct LearnerSettings: Sendable, Equatable {
    /// At most this many never-seen items are introduced per study day (default 20).
    public var newPerDay: Int
    /// At most this many reviews of already-seen items are scheduled per study day (default 200).
    public var reviewsPerDay: Int
    /// The recall probability FSRS aims for when spacing reviews (default 0.9).
    public var desiredRetention: Double

    /// Creates settings; the defaults are the schema's column defaults.
    public init(newPerDay: Int = 20, reviewsPerDay: Int = 200, desiredRetention: Double = 0.9) {
        self.newPerDay = newPerDay
        self.reviewsPerDay = reviewsPerDay
        self.desiredRetention = desiredRetention
    }
}

/// What deleting a learner removed.
public struct LearnerDeletion: Sendable, Equatable {
    /// The learner as it was.
    public var learner: Learner
    /// Number of cards removed.
    public var cards: Int
    /// Number of reviews removed.
    public var reviews: Int

    /// Creates a value from all of its fields.
    public init(learner: Learner, cards: Int, reviews: Int) {
        self.learner = learner
        self.cards = cards
        self.reviews = reviews
    }
}

extension ProgressStore {
    /// Checks a learner name: 1–100 characters, no leading or trailing white space, no control
    /// characters (names are printed on one line). Returns the error message, or `nil` when valid.
    public static func problem(withLearnerName name: String) -> String? {
        if name.isEmpty { return "a learner name cannot be empty" }
        if name.unicodeScalars.count > 100 { return "a learner name has at most 100 characters" }
        if name.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
            return "a learner name cannot contain control characters such as tabs or line breaks"
        }
        if name.first!.isWhitespace || name.last!.isWhitespace {
            return "a learner name cannot start or end with a space"
        }
        return nil
    }

    private static func validate(_ name: String) throws(StoreError) {
        if let problem = problem(withLearnerName: name) { throw .data(problem) }
    }

    /// Every learner, by name.
    public func learners() throws(StoreError) -> [Learner] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM learners ORDER BY name").map(Learner.init(row:))
        }
    }

    /// The learner called exactly `name`, if any.
    public func learner(named name: String) throws(StoreError) -> Learner? {
        try read { db in try Learner.fetch(db, name: name) }
    }

    /// Adds a learner called `name`; fails if the name is invalid or taken.
    public func addLearner(named name: String, at now: Date) throws(StoreError) -> Learner {
        try Self.validate(name)
        return try write { db in
            if try Learner.fetch(db, name: name) != nil {
                throw StoreError.data("a learner named '\(name)' already exists")
            }
            return try Learner.insert(db, name: name, at: now)
        }
    }

    /// The learner called `name`, added first if missing. Safe when two processes do it at once.
    public func ensureLearner(named name: String, at now: Date) throws(StoreError) -> Learner {
        try addLearnerIfMissing(named: name, at: now).learner
    }

    /// The learner called `name`, and whether this call added them. One write transaction whose
    /// insert is an upsert on the unique name, so that when several processes start with the same
    /// new name at once exactly one of them reports `created` and all of them get the same learner.
    public func addLearnerIfMissing(named name: String, at now: Date) throws(StoreError) -> (learner: Learner, created: Bool) {
        try Self.validate(name)
        return try write { db in
            try db.execute(
                sql: "INSERT INTO learners (name, created_at) VALUES (?, ?) ON CONFLICT (name) DO NOTHING",
                arguments: [name, Timestamp.milliseconds(now)])
            if db.changesCount == 1 {
                return (try Learner.introduceItems(db, learner: db.lastInsertedRowID), true)
            }
            guard let learner = try Learner.fetch(db, name: name) else {
                throw StoreError.data("the learner '\(name)' could not be added")
            }
            return (learner, false)
        }
    }

    /// Renames the learner called `oldName` to `newName`; their progress is unchanged.
    public func renameLearner(_ oldName: String, to newName: String) throws(StoreError) -> Learner {
        try Self.validate(newName)
        return try write { db in
            guard var learner = try Learner.fetch(db, name: oldName) else {
                throw StoreError.data("no learner named '\(oldName)'")
            }
            if oldName == newName { return learner }
            if try Learner.fetch(db, name: newName) != nil {
                throw StoreError.data("a learner named '\(newName)' already exists")
            }
            try db.execute(sql: "UPDATE learners SET name = ? WHERE id = ?", arguments: [newName, learner.id])
            learner.name = newName
            return learner
        }
    }

    /// Changes a learner's settings.
    public func updateSettings(_ settings: LearnerSettings, learner id: Learner.ID) throws(StoreError) -> Learner {
        guard settings.newPerDay >= 0, settings.reviewsPerDay >= 0 else {
            throw .data("daily limits cannot be negative")
        }
        guard settings.desiredRetention > 0, settings.desiredRetention < 1 else {
            throw .data("desired retention must be between 0 and 1 (exclusive), not \(settings.desiredRetention)")
        }
        return try write { db in
            try db.execute(
                sql: "UPDATE learners SET new_per_day = ?, reviews_per_day = ?, desired_retention = ? WHERE id = ?",
                arguments: [settings.newPerDay, settings.reviewsPerDay, settings.desiredRetention, id])
            guard let learner = try Learner.fetch(db, id: id) else { throw StoreError.unknownLearner(id) }
            return learner
        }
    }

    /// Deletes the learner called `name` with all of their cards, reviews, sessions and exams.
    /// Other learners and the items are untouched.
    public func deleteLearner(named name: String) throws(StoreError) -> LearnerDeletion {
        try write { db in
            guard let learner = try Learner.fetch(db, name: name) else {
                throw StoreError.data("no learner named '\(name)'")
            }
            let cards = try Int.fetchOne(db, sql: "SELECT count(*) FROM cards WHERE learner_id = ?", arguments: [learner.id]) ?? 0
            let reviews = try Int.fetchOne(db, sql: "SELECT count(*) FROM reviews WHERE learner_id = ?", arguments: [learner.id]) ?? 0
            // Foreign keys cascade to cards, new_items, reviews, sessions and exam attempts.
            try db.execute(sql: "DELETE FROM learners WHERE id = ?", arguments: [learner.id])
            return LearnerDeletion(learner: learner, cards: cards, reviews: reviews)
        }
    }
}

extension StoreError {
    static func unknownLearner(_ id: Int64) -> StoreError { .data("no learner with id \(id)") }
}

extension Learner {
    init(row: Row) {
        self.init(
            id: row["id"], name: row["name"], createdAt: Timestamp.date(row["created_at"] as Int64),
            settings: LearnerSettings(
                newPerDay: row["new_per_day"], reviewsPerDay: row["reviews_per_day"],
                desiredRetention: row["desired_retention"]),
            fsrsParameters: LearnerPlanColumns.parameters(row["fsrs_parameters"]),
            exam: LearnerPlanColumns.exam(date: row["exam_date"], blueprint: row["exam_blueprint"]))
    }

    static func fetch(_ db: Database, name: String) throws -> Learner? {
        try Row.fetchOne(db, sql: "SELECT * FROM learners WHERE name = ?", arguments: [name]).map(Learner.init(row:))
    }

    static func fetch(_ db: Database, id: Int64) throws -> Learner? {
        try Row.fetchOne(db, sql: "SELECT * FROM learners WHERE id = ?", arguments: [id]).map(Learner.init(row:))
    }

    /// Inserts a learner; every current item becomes one of their new items.
    static func insert(_ db: Database, name: String, at now: Date) throws -> Learner {
        try db.execute(
            sql: "INSERT INTO learners (name, created_at) VALUES (?, ?)",
            arguments: [name, Timestamp.milliseconds(now)])
        return try introduceItems(db, learner: db.lastInsertedRowID)
    }

    /// Makes every current item one of a just-inserted learner's new items, and returns the learner.
    static func introduceItems(_ db: Database, learner id: Int64) throws -> Learner {
        try db.execute(
            sql: "INSERT INTO new_items (learner_id, item_id, position) SELECT ?, id, position FROM items",
            arguments: [id])
        return try fetch(db, id: id)!
    }
}
