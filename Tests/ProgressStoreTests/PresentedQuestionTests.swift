import FSRS
import Foundation
import GRDB
import Testing

@testable import ProgressStore

@Suite("Exam questions as shown (schema v4)")
struct PresentedQuestionTests {
    @Test func optionsRoundTripThroughTheirColumnOrAreNotStoredAtAll() {
        let cases: [([String], String?)] = [
            (["27130", "27284", "27286"], "27130\u{1F}27284\u{1F}27286"),
            ([], ""),
            (["", "x"], "\u{1F}x"),
            (["café – ünïcode"], "café – ünïcode"),
            // Ambiguous or unrepresentable: not stored, so readers regenerate the question.
            ([""], nil),
            (["a\u{1F}b", "c"], nil),
        ]
        for (options, stored) in cases {
            let presented = PresentedQuestion(options: options, key: "k")
            #expect(presented.storedOptions == stored, "\(options)")
            if let stored { #expect(PresentedQuestion.options(stored: stored) == options) }
        }
    }

    @Test func whatAQuestionShowedAndWhatItsAnswerPickedAreStoredWithIt() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let (store, pat) = try makeStore(directory)
        let choice = PresentedQuestion(options: ["27130", "27284", "27286"], key: "27284")
        let typed = PresentedQuestion(options: [], key: "27284")
        let exam = try store.startExamAttempt(
            learner: pat.id, blueprint: "quiz", questions: [("item-0", 1), ("item-1", 2), ("item-2", 3), ("item-3", 4)],
            presented: [choice, typed, nil, PresentedQuestion(options: ["a\u{1F}b"], key: "a")],
            startedAt: monday, deadline: monday + 1_800)
        try store.answerExamQuestion(
            attempt: exam.id, position: 1, answer: "A", correct: false, at: monday + 60, presented: choice, choice: "27130")
        // Changing an answer replaces its choice; an answer given without one leaves it to be regenerated.
        try store.answerExamQuestion(attempt: exam.id, position: 1, answer: "B!", correct: true, at: monday + 90, choice: "27284")
        try store.answerExamQuestion(
            attempt: exam.id, position: 2, answer: "27284-RT", correct: true, at: monday + 120, presented: typed, choice: "27284-RT")
        try store.answerExamQuestion(attempt: exam.id, position: 3, answer: "C", correct: false, at: monday + 150)
        _ = try store.submitExamAttempt(exam.id, at: monday + 600)

        let responses = try store.recordedResponses()
        #expect(responses.map(\.presented) == [choice, typed, nil, nil])
        #expect(responses.map(\.choice) == ["27284", "27284-RT", nil, nil])
        #expect(responses.map(\.isStoredWhole) == [true, true, false, false])
        #expect(responses.map(\.answer) == ["B!", "27284-RT", "C", nil])

        // An answer given later without a choice clears the stored one (it would describe another answer).
        let second = try store.startExamAttempt(
            learner: pat.id, blueprint: "quiz", questions: [("item-0", 5)], presented: [choice], startedAt: monday + 700,
            deadline: monday + 2_500)
        #expect(try store.recordedResponses().count == 4)
        try store.answerExamQuestion(
            attempt: second.id, position: 1, answer: "A", correct: false, at: monday + 710, presented: choice, choice: "27130")
        try store.answerExamQuestion(attempt: second.id, position: 1, answer: "C", correct: false, at: monday + 720)
        _ = try store.submitExamAttempt(second.id, at: monday + 800)
        let last = try #require(try store.recordedResponses().last)
        #expect(last.presented == choice && last.choice == nil && !last.isStoredWhole)
    }

    @Test func upgradingAVersion3FileKeepsEveryRowAndLeavesTheNewColumnsEmpty() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.file("progress.sqlite")
        let raw = try rawDatabase(path)
        try Schema.migrator.migrate(raw, upTo: "v3-review-counts-and-outcome-index")
        try raw.write { db in
            try db.execute(
                sql: """
                    INSERT INTO learners (name, created_at) VALUES ('Pat', 1767603600000);
                    INSERT INTO items (id, kind, source, content_hash, position, first_seen_at)
                    VALUES ('a', 'vignette', 'a.md', 'h', 1, 0), ('b', 'vignette-entry', 'b.md', 'h', 2, 0);
                    INSERT INTO sessions (learner_id, kind, started_at, ended_at, answered, correct)
                    VALUES (1, 'exam', 1767603600000, 1767604200000, 1, 1);
                    INSERT INTO exam_attempts (learner_id, session_id, blueprint, started_at, deadline_at, submitted_at, score)
                    VALUES (1, 1, 'quiz', 1767603600000, 1767605400000, 1767604200000, 1);
                    INSERT INTO exam_questions (attempt_id, position, item_id, seed, answer, correct, flagged, answered_at)
                    VALUES (1, 1, 'a', 11, 'B?', 1, 1, 1767603660000), (1, 2, 'b', -5, NULL, NULL, 0, NULL);
                    INSERT INTO reviews (learner_id, item_id, session_id, reviewed_at, seed, answer, correct, rating, response_ms,
                                         after_phase, after_due_at, after_reps, after_lapses)
                    VALUES (1, 'a', 1, 1767603660000, 11, 'B', 1, 2, 0, 'learning', 1767604260000, 1, 0);
                    INSERT INTO cards (learner_id, item_id, phase, step, due_at, last_review_at, reps, lapses, introduced_at)
                    VALUES (1, 'a', 'learning', 1, 1767604260000, 1767603660000, 1, 0, 1767603660000);
                    INSERT INTO new_items (learner_id, item_id, position) VALUES (1, 'b', 1);
                    """)
        }
        func snapshot(_ db: Database) throws -> [String: [Row]] {
            var tables: [String: [Row]] = [:]
            for table in ["learners", "items", "sessions", "exam_attempts", "reviews", "cards", "new_items"] {
                tables[table] = try Row.fetchAll(db, sql: "SELECT * FROM \(table) ORDER BY 1")
            }
            tables["exam_questions"] = try Row.fetchAll(
                db,
                sql: """
                    SELECT attempt_id, position, item_id, seed, answer, correct, flagged, answered_at
                    FROM exam_questions ORDER BY attempt_id, position
                    """)
            return tables
        }
        let before = try raw.read(snapshot)
        #expect(try raw.read { try Int.fetchOne($0, sql: "PRAGMA user_version") } == 3)
        try raw.close()

        let store = try ProgressStore(path: path)
        let check = try store.check()
        #expect(check == DatabaseCheck(schemaVersion: 4, problems: []), "\(check)")
        try store.close()
        let upgraded = try rawDatabase(path, readonly: true)
        try upgraded.read { (db: Database) throws in
            #expect(try snapshot(db) == before)
            #expect(before["exam_questions"]?.count == 2 && before["reviews"]?.count == 1 && before["cards"]?.count == 1)
            #expect(
                try Int.fetchOne(
                    db, sql: "SELECT count(*) FROM exam_questions WHERE options IS NULL AND answer_key IS NULL AND choice IS NULL")
                    == 2)
            #expect(
                try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations").last == "v4-exam-questions-as-shown")
        }
        try upgraded.close()

        // The old rows read as before, marked as needing their question regenerated.
        let reopened = try ProgressStore(path: path)
        let responses = try reopened.recordedResponses()
        #expect(
            responses == [
                RecordedResponse(
                    source: .exam, learner: "Pat", learnerAddedAt: monday, attempt: 1, blueprint: "quiz",
                    attemptStartedAt: monday, attemptQuestions: 2, position: 1, item: "a", kind: "vignette", seed: 11,
                    answer: "B?", correct: true, answeredAt: monday + 60),
                RecordedResponse(
                    source: .exam, learner: "Pat", learnerAddedAt: monday, attempt: 1, blueprint: "quiz",
                    attemptStartedAt: monday, attemptQuestions: 2, position: 2, item: "b", kind: "vignette-entry",
                    seed: UInt64(bitPattern: -5), answer: nil, correct: false, answeredAt: nil),
            ])
        #expect(responses.allSatisfy { !$0.isStoredWhole })
    }
}
