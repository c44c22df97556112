import FSRS
import Foundation
import GRDB

/// One answer a learner gave to one question, as the drill records it.
public struct LearnerAnswer: Sendable, Equatable {
    /// Who answered.
    public var learner: Learner.ID
    /// Which item the question was generated from.
    public var item: String
    /// The seed the question was generated with (reproduces it exactly).
    public var seed: UInt64
    /// What the learner entered, verbatim (`b`, `b?`, `27284`, …).
    public var given: String
    /// Whether the answer was right.
    public var correct: Bool
    /// The FSRS rating derived from the answer.
    public var rating: Rating
    /// How long the learner took, in milliseconds.
    public var responseMilliseconds: Int
    /// When the answer was given; stored to the millisecond.
    public var answeredAt: Date
    /// The drill or exam session it belongs to, if any.
    public var session: Session.ID?

    /// Creates an answer.
    public init(
        learner: Learner.ID, item: String, seed: UInt64, given: String, correct: Bool, rating: Rating,
        responseMilliseconds: Int, answeredAt: Date, session: Session.ID? = nil
    ) {
        self.learner = learner
        self.item = item
        self.seed = seed
        self.given = given
        self.correct = correct
        self.rating = rating
        self.responseMilliseconds = responseMilliseconds
        self.answeredAt = answeredAt
        self.session = session
    }
}

/// A recorded answer with the card state it moved from and to.
public struct Review: Sendable, Equatable, Identifiable {
    /// The review's identifier: increasing in recording order, never reused (not even after undo).
    public var id: Int64
    /// The answer.
    public var answer: LearnerAnswer
    /// The card before the answer; `nil` when the item was new to the learner.
    public var before: Card?
    /// The card after the answer, as stored.
    public var after: Card

    /// Creates a value from all of its fields.
    public init(id: Int64, answer: LearnerAnswer, before: Card?, after: Card) {
        self.id = id
        self.answer = answer
        self.before = before
        self.after = after
    }
}

extension ProgressStore {
    /// Records `answer` and the card it produces, in one transaction: reads the learner's current
    /// card for the item (`nil` if the item is new to them), asks `schedule` for the next card, then
    /// appends the review and stores the card. Because the read and the write are one transaction,
    /// two processes answering the same item never lose an update.
    ///
    /// `schedule` runs inside the write transaction: keep it a pure computation. Returns the review,
    /// with dates as stored (to the millisecond). When this returns, the review is on disk.
    public func record(_ answer: LearnerAnswer, schedule: (_ current: Card?) -> Card) throws(StoreError) -> Review {
        guard answer.responseMilliseconds >= 0 else { throw .data("a response time cannot be negative") }
        return try write { db in try Self.record(db, answer, schedule: schedule) }
    }

    /// `record(_:schedule:)` inside an open write transaction, so that other operations (submitting
    /// an exam) can record reviews atomically with their own changes.
    static func record(_ db: Database, _ answer: LearnerAnswer, schedule: (_ current: Card?) -> Card) throws -> Review {
        guard answer.responseMilliseconds >= 0 else { throw StoreError.data("a response time cannot be negative") }
        var stored = answer
        stored.answeredAt = Timestamp.date(Timestamp.milliseconds(answer.answeredAt))
        guard try Learner.fetch(db, id: stored.learner) != nil else {
            throw StoreError.unknownLearner(stored.learner)
        }
        guard try Bool.fetchOne(db, sql: "SELECT 1 FROM items WHERE id = ?", arguments: [stored.item]) != nil else {
            throw StoreError.unknownItem(stored.item)
        }
        let before = try Self.card(db, learner: stored.learner, item: stored.item)
        let after = schedule(before).roundedToMilliseconds
        var arguments: [(any DatabaseValueConvertible)?] = [
            stored.learner, stored.item, stored.session, Timestamp.milliseconds(stored.answeredAt),
            Int64(bitPattern: stored.seed), stored.given, stored.correct, stored.rating.rawValue,
            stored.responseMilliseconds,
        ]
        arguments += CardColumns.values(before) + CardColumns.values(after)
        try db.execute(
            sql: """
                INSERT INTO reviews (learner_id, item_id, session_id, reviewed_at, seed, answer, correct,
                    rating, response_ms, \(CardColumns.list(prefix: "before_")), \(CardColumns.list(prefix: "after_")))
                VALUES (\(Array(repeating: "?", count: 9 + 2 * CardColumns.names.count).joined(separator: ", ")))
                """,
            arguments: StatementArguments(arguments))
        let id = db.lastInsertedRowID
        if before == nil {
            try db.execute(
                sql:
                    "INSERT INTO cards (learner_id, item_id, introduced_at, \(CardColumns.list())) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                arguments: StatementArguments(
                    [stored.learner, stored.item, Timestamp.milliseconds(stored.answeredAt)] + CardColumns.values(after)))
            try db.execute(
                sql: "DELETE FROM new_items WHERE learner_id = ? AND item_id = ?",
                arguments: [stored.learner, stored.item])
        } else {
            try Self.updateCard(db, learner: stored.learner, item: stored.item, to: after)
        }
        if let session = stored.session {
            try db.execute(
                sql: "UPDATE sessions SET answered = answered + 1, correct = correct + ? WHERE id = ? AND learner_id = ?",
                arguments: [stored.correct ? 1 : 0, session, stored.learner])
            if db.changesCount != 1 {
                throw StoreError.data("session \(session) does not belong to learner \(stored.learner)")
            }
        }
        return Review(id: id, answer: stored, before: before, after: after)
    }

    /// Undoes the learner's most recent review (latest answer time, then latest recorded): see
    /// `undoReview(id:)`. Returns the removed review, or `nil` when the learner has none.
    public func undoLastReview(learner: Learner.ID) throws(StoreError) -> Review? {
        try write { db in
            guard
                let id = try Int64.fetchOne(
                    db,
                    sql: "SELECT id FROM reviews WHERE learner_id = ? ORDER BY reviewed_at DESC, id DESC LIMIT 1",
                    arguments: [learner])
            else { return nil }
            return try Self.undo(db, review: id)
        }
    }

    /// Removes review `id` and restores the card exactly as it was before it (deleting the card,
    /// so that the item is new again, when the review was the first), in one transaction. Only the
    /// latest review of a card can be undone, since later ones were computed from it.
    public func undoReview(id: Int64) throws(StoreError) -> Review {
        try write { db in try Self.undo(db, review: id) }
    }

    private static func undo(_ db: Database, review id: Int64) throws -> Review {
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM reviews WHERE id = ?", arguments: [id]) else {
            throw StoreError.data("no review with id \(id)")
        }
        let review = try Review(row: row)
        let latest = try Int64.fetchOne(
            db, sql: "SELECT max(id) FROM reviews WHERE learner_id = ? AND item_id = ?",
            arguments: [review.answer.learner, review.answer.item])
        guard latest == id else {
            throw StoreError.data("review \(id) cannot be undone: item '\(review.answer.item)' was reviewed again after it")
        }
        if let before = review.before {
            try updateCard(db, learner: review.answer.learner, item: review.answer.item, to: before)
        } else {
            try db.execute(
                sql: "DELETE FROM cards WHERE learner_id = ? AND item_id = ?",
                arguments: [review.answer.learner, review.answer.item])
            try db.execute(
                sql: "INSERT OR IGNORE INTO new_items (learner_id, item_id, position) SELECT ?, id, position FROM items WHERE id = ?",
                arguments: [review.answer.learner, review.answer.item])
        }
        try db.execute(sql: "DELETE FROM reviews WHERE id = ?", arguments: [id])
        if let session = review.answer.session {
            try db.execute(
                sql: "UPDATE sessions SET answered = answered - 1, correct = correct - ? WHERE id = ?",
                arguments: [review.answer.correct ? 1 : 0, session])
        }
        return review
    }

    /// The learner's card for `item`, or `nil` if they have never answered it.
    public func card(learner: Learner.ID, item: String) throws(StoreError) -> Card? {
        try read { db in try Self.card(db, learner: learner, item: item) }
    }

    /// Every card of the learner, by item id.
    public func cards(learner: Learner.ID) throws(StoreError) -> [String: Card] {
        try read { db in
            var cards: [String: Card] = [:]
            let rows = try Row.fetchCursor(db, sql: "SELECT * FROM cards WHERE learner_id = ?", arguments: [learner])
            while let row = try rows.next() {
                cards[row["item_id"]] = try CardColumns.card(row)
            }
            return cards
        }
    }

    /// The learner's reviews, oldest first; only those of `item` when given; the latest `limit` when
    /// given.
    public func reviews(learner: Learner.ID, item: String? = nil, limit: Int? = nil) throws(StoreError) -> [Review] {
        try read { db in
            var sql = "SELECT * FROM reviews WHERE learner_id = ?"
            var arguments: StatementArguments = [learner]
            if let item {
                sql += " AND item_id = ?"
                arguments += [item]
            }
            sql += " ORDER BY id DESC"
            if let limit {
                sql += " LIMIT ?"
                arguments += [limit]
            }
            return try Row.fetchAll(db, sql: sql, arguments: arguments).map(Review.init(row:)).reversed()
        }
    }

    static func card(_ db: Database, learner: Learner.ID, item: String) throws -> Card? {
        try Row.fetchOne(
            db, sql: "SELECT * FROM cards WHERE learner_id = ? AND item_id = ?", arguments: [learner, item]
        ).flatMap { try CardColumns.card($0) }
    }

    private static func updateCard(_ db: Database, learner: Learner.ID, item: String, to card: Card) throws {
        let assignments = CardColumns.names.map { "\($0) = ?" }.joined(separator: ", ")
        try db.execute(
            sql: "UPDATE cards SET \(assignments) WHERE learner_id = ? AND item_id = ?",
            arguments: StatementArguments(CardColumns.values(card) + [learner, item]))
        guard db.changesCount == 1 else {
            throw StoreError.data("learner \(learner) has no card for item '\(item)'")
        }
    }
}

extension StoreError {
    static func unknownItem(_ id: String) -> StoreError { .data("no item with id '\(id)'; sync the library first") }
}

extension Review {
    init(row: Row) throws {
        guard let rating = Rating(rawValue: row["rating"]) else {
            throw StoreError.data("review \(row["id"] as Int64) has an unknown rating")
        }
        guard let after = try CardColumns.card(row, prefix: "after_") else {
            throw StoreError.data("review \(row["id"] as Int64) has no card state after it")
        }
        self.init(
            id: row["id"],
            answer: LearnerAnswer(
                learner: row["learner_id"], item: row["item_id"],
                seed: UInt64(bitPattern: row["seed"] as Int64), given: row["answer"], correct: row["correct"],
                rating: rating, responseMilliseconds: row["response_ms"],
                answeredAt: Timestamp.date(row["reviewed_at"] as Int64), session: row["session_id"]),
            before: try CardColumns.card(row, prefix: "before_"),
            after: after)
    }
}
