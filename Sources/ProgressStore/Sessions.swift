import Foundation
import GRDB

/// What a session is for.
public enum SessionKind: String, Sendable, Equatable, CaseIterable {
    /// Spaced-repetition practice on the due queue.
    case drill
    /// A timed mock exam.
    case exam
}

/// One sitting of a learner: when it started and ended, and how many answers it recorded.
public struct Session: Sendable, Equatable, Identifiable {
    /// The session's identifier.
    public var id: Int64
    /// Who studied.
    public var learner: Learner.ID
    /// Drill or exam.
    public var kind: SessionKind
    /// When it started.
    public var startedAt: Date
    /// When it ended; `nil` while running (or if the process died).
    public var endedAt: Date?
    /// Answers recorded with this session (undone ones excluded).
    public var answered: Int
    /// How many of them were correct.
    public var correct: Int

    /// Creates a value from all of its fields.
    public init(id: Int64, learner: Learner.ID, kind: SessionKind, startedAt: Date, endedAt: Date?, answered: Int, correct: Int) {
        self.id = id
        self.learner = learner
        self.kind = kind
        self.startedAt = startedAt
        self.endedAt = endedAt
        self.answered = answered
        self.correct = correct
    }
}

extension ProgressStore {
    /// Starts a session for the learner.
    public func startSession(learner: Learner.ID, kind: SessionKind, at now: Date) throws(StoreError) -> Session {
        try write { db in
            guard try Learner.fetch(db, id: learner) != nil else { throw StoreError.unknownLearner(learner) }
            try db.execute(
                sql: "INSERT INTO sessions (learner_id, kind, started_at) VALUES (?, ?, ?)",
                arguments: [learner, kind.rawValue, Timestamp.milliseconds(now)])
            return try Self.session(db, id: db.lastInsertedRowID)!
        }
    }

    /// Marks the session ended at `now` (the first end wins) and returns its final counts.
    public func endSession(_ id: Session.ID, at now: Date) throws(StoreError) -> Session {
        try write { db in
            try db.execute(
                sql: "UPDATE sessions SET ended_at = coalesce(ended_at, ?) WHERE id = ?",
                arguments: [Timestamp.milliseconds(now), id])
            guard let session = try Self.session(db, id: id) else { throw StoreError.data("no session with id \(id)") }
            return session
        }
    }

    /// The session with identifier `id`, if any.
    public func session(id: Session.ID) throws(StoreError) -> Session? {
        try read { db in try Self.session(db, id: id) }
    }

    static func session(_ db: Database, id: Int64) throws -> Session? {
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM sessions WHERE id = ?", arguments: [id]) else {
            return nil
        }
        guard let kind = SessionKind(rawValue: row["kind"]) else {
            throw StoreError.data("session \(id) has an unknown kind")
        }
        return Session(
            id: row["id"], learner: row["learner_id"], kind: kind,
            startedAt: Timestamp.date(row["started_at"] as Int64),
            endedAt: Timestamp.date(row["ended_at"] as Int64?), answered: row["answered"], correct: row["correct"])
    }
}
