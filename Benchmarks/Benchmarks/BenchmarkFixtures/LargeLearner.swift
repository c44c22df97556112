// Fixtures shared by benchmark suites (a library target, so that the 100,000-card learner has
// one definition for the store and the stats benchmarks).
import Foundation
import GRDB
import ProgressStore

/// Monday 2026-03-02 09:00 UTC: the benchmarks' fixed "now".
public let now = Date(timeIntervalSince1970: 1_772_442_000)
public let calendar = StudyCalendar(timeZone: TimeZone(identifier: "UTC")!, rolloverHour: 4)

/// A learner with 100,000 cards, 1,000,000 reviews and 1,000 items not yet introduced, built once
/// with set-based SQL (a few seconds) and kept in the temporary directory for later runs.
///
/// Cards are in the review phase with due dates spread evenly from 30 days ago to 60 days ahead,
/// so about a third are due; reviews end before today, so today's limits are untouched and the
/// queue holds 200 due cards and 20 new items.
public enum LargeLearner {
    public static let cards = 100_000
    public static let reviewsPerCard = 10
    public static let newItems = 1_000
    public static let learnerName = "Pat"

    public static var path: String {
        FileManager.default.temporaryDirectory.appendingPathComponent(
            "codedrill-store-benchmark-v\(ProgressStore.schemaVersion)-\(cards)x\(reviewsPerCard)-r2.sqlite"
        ).path
    }

    /// The fixture's path, building it first if missing.
    public static func prepare() throws -> String {
        if FileManager.default.fileExists(atPath: path) { return path }
        let building = path + ".building"
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: building + suffix) }
        let store = try ProgressStore(path: building)
        _ = try store.addLearner(named: learnerName, at: now.addingTimeInterval(-400 * 86_400))
        try store.close()

        let day: Int64 = 86_400_000
        let nowMs = Int64(now.timeIntervalSince1970 * 1000)
        let queue = try DatabaseQueue(path: building)
        try queue.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA synchronous = OFF")
            try db.inTransaction {
                try db.execute(
                    sql: """
                        WITH RECURSIVE n(x) AS (SELECT 0 UNION ALL SELECT x + 1 FROM n WHERE x < :total - 1)
                        INSERT INTO items (id, kind, source, content_hash, position, first_seen_at)
                        SELECT printf('cpt:%05d/%s', x / 5, k.kind), k.kind, printf('Content/%05d.md', x / 5),
                               printf('%08x', x), x + 1, :firstSeen
                        FROM n JOIN (SELECT 0 AS r, 'vignette' AS kind UNION ALL SELECT 1, 'code-selection'
                                     UNION ALL SELECT 2, 'steps' UNION ALL SELECT 3, 'indications'
                                     UNION ALL SELECT 4, 'what-changes') k ON k.r = x % 5;

                        INSERT INTO cards (learner_id, item_id, phase, step, stability, difficulty, due_at,
                                           last_review_at, reps, lapses, introduced_at)
                        SELECT 1, id, 'review', NULL, 5.0 + position % 40, 3.0 + position % 6,
                               :now - 30 * :day + (position * 7919000) % (90 * :day),
                               :now - 2 * :day, :reviews, position % 3, :firstSeen
                        FROM items WHERE position <= :cards;

                        INSERT INTO new_items (learner_id, item_id, position)
                        SELECT 1, id, position FROM items WHERE position > :cards;

                        WITH RECURSIVE r(k) AS (SELECT 0 UNION ALL SELECT k + 1 FROM r WHERE k < :cards * :reviews - 1)
                        INSERT INTO reviews (learner_id, item_id, reviewed_at, seed, answer, correct, rating, response_ms,
                            before_phase, before_step, before_stability, before_difficulty, before_due_at,
                            before_last_review_at, before_reps, before_lapses,
                            after_phase, after_step, after_stability, after_difficulty, after_due_at,
                            after_last_review_at, after_reps, after_lapses)
                        SELECT 1, i.id, :now - :day - (:cards * :reviews - k) * 30000, k, 'b', k % 7 != 0,
                               CASE WHEN k % 7 = 0 THEN 1 ELSE 3 END, 4000 + k % 9000,
                               CASE WHEN k % :reviews = 0 THEN NULL ELSE 'review' END, NULL,
                               CASE WHEN k % :reviews = 0 THEN NULL ELSE 4.0 END,
                               CASE WHEN k % :reviews = 0 THEN NULL ELSE 5.0 END,
                               CASE WHEN k % :reviews = 0 THEN NULL ELSE :now END,
                               CASE WHEN k % :reviews = 0 THEN NULL ELSE :now END,
                               CASE WHEN k % :reviews = 0 THEN NULL ELSE k % :reviews END,
                               CASE WHEN k % :reviews = 0 THEN NULL ELSE 0 END,
                               'review', NULL, 5.0, 5.0, :now, :now, k % :reviews + 1, 0
                        FROM r JOIN items i ON i.position = k / :reviews + 1;
                        """,
                    arguments: [
                        "total": cards + newItems, "cards": cards, "reviews": reviewsPerCard, "now": nowMs, "day": day,
                        "firstSeen": nowMs - 400 * day,
                    ])
                return .commit
            }
            try db.execute(sql: "ANALYZE")
        }
        try queue.close()
        // Validate through the store before publishing the file under its final name.
        let check = try ProgressStore(path: building)
        let sound = try check.check().isSound
        precondition(sound, "benchmark fixture failed its check")
        try check.close()
        try FileManager.default.moveItem(atPath: building, toPath: path)
        return path
    }
}
