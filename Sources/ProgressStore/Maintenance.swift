import Foundation
import GRDB

/// The result of `ProgressStore.check()`.
public struct DatabaseCheck: Sendable, Equatable {
    /// The schema version of the file (`PRAGMA user_version`).
    public var schemaVersion: Int
    /// Problems found; empty when the database is sound.
    public var problems: [String]

    /// Creates a check result.
    public init(schemaVersion: Int, problems: [String]) {
        self.schemaVersion = schemaVersion
        self.problems = problems
    }

    /// Whether no problem was found.
    public var isSound: Bool { problems.isEmpty }
}

extension ProgressStore {
    /// Checks the whole file: SQLite's `integrity_check`, foreign keys, and the store's own rule
    /// that every (learner, item) pair has exactly one of a card or a new-item entry, and that each
    /// learner's review count matches their reviews. Reads a
    /// consistent snapshot, so it is safe while others write.
    public func check() throws(StoreError) -> DatabaseCheck {
        try read { db in
            var problems = try String.fetchAll(db, sql: "PRAGMA integrity_check").filter { $0 != "ok" }
            for row in try Row.fetchAll(db, sql: "PRAGMA foreign_key_check") {
                problems.append("table \(row[0] as String) row \(row[1] as Int64? ?? 0) refers to a missing row of \(row[2] as String)")
            }
            let both =
                try Int.fetchOne(
                    db,
                    sql: """
                        SELECT count(*) FROM cards c JOIN new_items n ON n.learner_id = c.learner_id AND n.item_id = c.item_id
                        """) ?? 0
            if both > 0 { problems.append("\(both) cards are also listed as new items") }
            let neither =
                try Int.fetchOne(
                    db,
                    sql: """
                        SELECT count(*) FROM learners l CROSS JOIN items i
                        WHERE NOT EXISTS (SELECT 1 FROM cards c WHERE c.learner_id = l.id AND c.item_id = i.id)
                          AND NOT EXISTS (SELECT 1 FROM new_items n WHERE n.learner_id = l.id AND n.item_id = i.id)
                        """) ?? 0
            if neither > 0 { problems.append("\(neither) learner-item pairs have neither a card nor a new-item entry") }
            let miscounted =
                try Int.fetchOne(
                    db,
                    sql: """
                        SELECT count(*) FROM learners l
                        WHERE l.review_count != (SELECT count(*) FROM reviews r WHERE r.learner_id = l.id)
                        """) ?? 0
            if miscounted > 0 { problems.append("\(miscounted) learners have a review count that differs from their reviews") }
            return DatabaseCheck(
                schemaVersion: try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0, problems: problems)
        }
    }

    /// Copies the database to a new file at `destination` with SQLite's online backup, from one
    /// consistent snapshot: safe while other processes are recording answers. The copy is created
    /// with mode 0600 and is itself a codedrill database. Refuses to overwrite an existing non-empty
    /// file.
    public func backup(to destination: String) throws(StoreError) {
        if let size = try? FileManager.default.attributesOfItem(atPath: destination)[.size] as? Int, size > 0 {
            throw .io("\(destination) already exists; choose a new file name for the backup")
        }
        try DatabaseLocation.createIfMissing(destination)
        do {
            let copy = try DatabaseQueue(path: destination)
            try pool.backup(to: copy)
            try copy.close()
        } catch {
            throw StoreError.translating(error, path: destination)
        }
    }
}
