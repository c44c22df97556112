import Foundation
import GRDB
import Testing

@testable import ProgressStore

@Suite("Per-learner review counts (schema v3)")
struct ReviewCountTests {
    @Test func answersUndoAndOtherLearnersKeepTheCountEqualToTheReviews() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let (store, pat) = try makeStore(directory)
        let sam = try store.addLearner(named: "Sam", at: monday)
        try store.answer("item-0", learner: pat.id, giving: reviewCard(due: monday + 86_400))
        try store.answer("item-1", learner: pat.id, at: monday + 60, correct: false, giving: reviewCard(due: monday + 600))
        try store.answer("item-2", learner: pat.id, at: monday + 120, giving: reviewCard(due: monday + 86_400))
        try store.answer("item-0", learner: sam.id, giving: reviewCard(due: monday + 86_400))
        #expect(try store.stats(learner: pat.id, at: monday + 200, calendar: utcCalendar).totalReviews == 3)
        #expect(try store.stats(learner: sam.id, at: monday + 200, calendar: utcCalendar).totalReviews == 1)

        _ = try store.undoLastReview(learner: pat.id)
        #expect(try store.stats(learner: pat.id, at: monday + 200, calendar: utcCalendar).totalReviews == 2)
        #expect(try store.check() == DatabaseCheck(schemaVersion: 4, problems: []))
        _ = try store.deleteLearner(named: "Sam")
        #expect(try store.check() == DatabaseCheck(schemaVersion: 4, problems: []))
    }

    @Test func upgradingAVersion2FileCountsItsExistingReviews() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.file("progress.sqlite")
        let raw = try rawDatabase(path)
        try Schema.migrator.migrate(raw, upTo: "v2-learner-fsrs-parameters-and-exam")
        try raw.write { db in
            try db.execute(
                sql: """
                    INSERT INTO learners (name, created_at) VALUES ('Pat', 0), ('Sam', 0);
                    INSERT INTO items (id, kind, source, content_hash, position, first_seen_at) VALUES ('a', 'vignette', 'a.md', 'h', 1, 0);
                    INSERT INTO cards (learner_id, item_id, phase, due_at, reps, lapses, introduced_at) VALUES (1, 'a', 'learning', 0, 2, 0, 0);
                    INSERT INTO new_items (learner_id, item_id, position) VALUES (2, 'a', 1);
                    INSERT INTO reviews (learner_id, item_id, reviewed_at, seed, answer, correct, rating, response_ms,
                                         after_phase, after_due_at, after_reps, after_lapses)
                    VALUES (1, 'a', 0, 1, 'b', 1, 3, 10, 'learning', 0, 1, 0), (1, 'a', 5, 1, 'b', 0, 1, 10, 'learning', 0, 2, 0);
                    PRAGMA application_id = 1128550988;
                    """)
        }
        try raw.close()

        let store = try ProgressStore(path: path)
        #expect(try store.check() == DatabaseCheck(schemaVersion: 4, problems: []))
        #expect(try store.stats(learner: 1, at: monday, calendar: utcCalendar).totalReviews == 2)
        #expect(try store.stats(learner: 2, at: monday, calendar: utcCalendar).totalReviews == 0)
    }

    @Test func checkReportsACountThatDisagreesWithTheReviews() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let (store, pat) = try makeStore(directory)
        try store.answer("item-0", learner: pat.id, giving: reviewCard(due: monday + 86_400))
        try store.close()
        let raw = try rawDatabase(directory.file("progress.sqlite"))
        try raw.write { db in try db.execute(sql: "UPDATE learners SET review_count = 5") }
        try raw.close()
        let reopened = try ProgressStore(path: directory.file("progress.sqlite"))
        #expect(
            try reopened.check()
                == DatabaseCheck(
                    schemaVersion: 4,
                    problems: [
                        "1 learners have a review count that differs from their reviews"
                    ]))
    }

    @Test func theWindowIsReadFromTheCoveringIndexAlone() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let (store, _) = try makeStore(directory)
        try store.close()
        let raw = try rawDatabase(directory.file("progress.sqlite"), readonly: true)
        let plan = try raw.read { db in
            try String.fetchAll(
                db,
                sql: """
                    EXPLAIN QUERY PLAN
                    SELECT count(*), sum(correct), sum(before_phase = 'review') FROM reviews
                    WHERE learner_id = 1 AND reviewed_at >= 0 AND reviewed_at < 10
                    """, adapter: SuffixRowAdapter(fromIndex: 3))
        }
        #expect(
            plan == [
                "SEARCH reviews USING COVERING INDEX reviews_by_learner_time_outcome (learner_id=? AND reviewed_at>? AND reviewed_at<?)"
            ])
    }
}
