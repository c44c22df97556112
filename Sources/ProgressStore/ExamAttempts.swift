import FSRS
import Foundation
import GRDB

/// One question of an exam attempt: which item and seed it shows, and the learner's answer so far.
public struct ExamQuestion: Sendable, Equatable {
    /// 1-based position in the exam.
    public var position: Int
    /// The item the question is generated from.
    public var item: String
    /// The seed that reproduces the question.
    public var seed: UInt64
    /// The learner's current answer; `nil` while unanswered.
    public var answer: String?
    /// Whether the current answer is correct; `nil` while unanswered.
    public var correct: Bool?
    /// Whether the learner flagged the question for review before submitting.
    public var flagged: Bool
    /// When the current answer was given.
    public var answeredAt: Date?

    /// Creates a value from all of its fields.
    public init(position: Int, item: String, seed: UInt64, answer: String?, correct: Bool?, flagged: Bool, answeredAt: Date?) {
        self.position = position
        self.item = item
        self.seed = seed
        self.answer = answer
        self.correct = correct
        self.flagged = flagged
        self.answeredAt = answeredAt
    }
}

/// What an exam question showed, stored with it (schema v4) so that item analysis reads it instead of
/// regenerating the question: the options' texts in display order and the key's text.
public struct PresentedQuestion: Sendable, Equatable {
    /// The options' texts in the order shown; empty for a question answered by typing a code.
    public var options: [String]
    /// The right answer's text.
    public var key: String

    /// Creates a value from all of its fields.
    public init(options: [String], key: String) {
        self.options = options
        self.key = key
    }

    /// The unit separator that joins the options in the `options` column.
    static let separator: UInt8 = 0x1F

    /// The `options` column (docs/database.md): the texts joined with U+001F (`''` for no options);
    /// `nil` when that would not read back as the same list (a text containing U+001F, or one empty
    /// option), so the question is stored as not presented and readers regenerate it.
    public var storedOptions: String? {
        if options == [""] || options.contains(where: { $0.utf8.contains(Self.separator) }) { return nil }
        return options.joined(separator: "\u{1F}")
    }

    /// The option texts of an `options` column value.
    static func options(stored: String) -> [String] {
        if stored.isEmpty { return [] }
        return stored.utf8.split(separator: separator, omittingEmptySubsequences: false).map { String(Substring($0)) }
    }
}

/// A timed mock exam: its blueprint, clock and questions. Answers can change until submission.
public struct ExamAttempt: Sendable, Equatable, Identifiable {
    /// The attempt's identifier.
    public var id: Int64
    /// Who sits the exam.
    public var learner: Learner.ID
    /// The session it runs in, if any.
    public var session: Session.ID?
    /// The blueprint's name (which sections, how many questions, how long).
    public var blueprint: String
    /// When the exam started.
    public var startedAt: Date
    /// When time runs out.
    public var deadline: Date
    /// When it was submitted; `nil` while open.
    public var submittedAt: Date?
    /// Correct answers, set on submission.
    public var score: Int?
    /// The questions, by position.
    public var questions: [ExamQuestion]

    /// Creates a value from all of its fields.
    public init(
        id: Int64, learner: Learner.ID, session: Session.ID?, blueprint: String, startedAt: Date, deadline: Date, submittedAt: Date?,
        score: Int?, questions: [ExamQuestion]
    ) {
        self.id = id
        self.learner = learner
        self.session = session
        self.blueprint = blueprint
        self.startedAt = startedAt
        self.deadline = deadline
        self.submittedAt = submittedAt
        self.score = score
        self.questions = questions
    }
}

extension ProgressStore {
    /// Starts an exam attempt whose questions are `questions` (item and seed) in that order;
    /// `presented[i]`, when given, is what question `i + 1` shows (stored for item analysis).
    public func startExamAttempt(
        learner: Learner.ID, blueprint: String, questions: [(item: String, seed: UInt64)], presented: [PresentedQuestion?] = [],
        startedAt: Date, deadline: Date, session: Session.ID? = nil
    ) throws(StoreError) -> ExamAttempt {
        guard deadline >= startedAt else { throw .data("an exam deadline cannot come before its start") }
        return try write { db in
            guard try Learner.fetch(db, id: learner) != nil else { throw StoreError.unknownLearner(learner) }
            return try Self.insertAttempt(
                db, learner: learner, blueprint: blueprint, questions: questions, presented: presented, startedAt: startedAt,
                deadline: deadline, session: session)
        }
    }

    private static func insertAttempt(
        _ db: Database, learner: Learner.ID, blueprint: String, questions: [(item: String, seed: UInt64)],
        presented: [PresentedQuestion?], startedAt: Date, deadline: Date, session: Session.ID?
    ) throws -> ExamAttempt {
        try db.execute(
            sql: "INSERT INTO exam_attempts (learner_id, session_id, blueprint, started_at, deadline_at) VALUES (?, ?, ?, ?, ?)",
            arguments: [learner, session, blueprint, Timestamp.milliseconds(startedAt), Timestamp.milliseconds(deadline)])
        let id = db.lastInsertedRowID
        let insert = try db.cachedStatement(
            sql: "INSERT INTO exam_questions (attempt_id, position, item_id, seed, options, answer_key) VALUES (?, ?, ?, ?, ?, ?)")
        for (index, question) in questions.enumerated() {
            guard try Bool.fetchOne(db, sql: "SELECT 1 FROM items WHERE id = ?", arguments: [question.item]) != nil else {
                throw StoreError.unknownItem(question.item)
            }
            let shown = index < presented.count ? presented[index] : nil
            let options = shown?.storedOptions
            try insert.execute(arguments: [
                id, index + 1, question.item, Int64(bitPattern: question.seed), options, options == nil ? nil : shown?.key,
            ])
        }
        return try examAttempt(db, id: id)!
    }

    /// What `startExam` did: started a new attempt, or found one the learner has not submitted.
    public enum ExamStart: Sendable, Equatable {
        /// A new attempt, with its exam session, was written.
        case started(ExamAttempt)
        /// Nothing was written: the learner's latest unsubmitted attempt (time may have run out).
        case unfinished(ExamAttempt)
    }

    /// Starts an exam: an exam session and its attempt with `questions` (item and seed) in that
    /// order, in one transaction — unless the learner has an unsubmitted attempt, which is returned
    /// instead and nothing is written. The check and the inserts share the transaction, so two
    /// processes starting an exam for one learner at once get one attempt between them.
    /// `presented[i]`, when given, is what question `i + 1` shows (stored for item analysis).
    public func startExam(
        learner: Learner.ID, blueprint: String, questions: [(item: String, seed: UInt64)], presented: [PresentedQuestion?] = [],
        startedAt: Date, deadline: Date
    ) throws(StoreError) -> ExamStart {
        guard deadline >= startedAt else { throw .data("an exam deadline cannot come before its start") }
        return try write { db in
            guard try Learner.fetch(db, id: learner) != nil else { throw StoreError.unknownLearner(learner) }
            if let open = try Int64.fetchOne(
                db,
                sql: """
                    SELECT id FROM exam_attempts WHERE learner_id = ? AND submitted_at IS NULL
                    ORDER BY started_at DESC, id DESC LIMIT 1
                    """, arguments: [learner])
            {
                return .unfinished(try Self.examAttempt(db, id: open)!)
            }
            try db.execute(
                sql: "INSERT INTO sessions (learner_id, kind, started_at) VALUES (?, ?, ?)",
                arguments: [learner, SessionKind.exam.rawValue, Timestamp.milliseconds(startedAt)])
            let session = db.lastInsertedRowID
            return .started(
                try Self.insertAttempt(
                    db, learner: learner, blueprint: blueprint, questions: questions, presented: presented,
                    startedAt: startedAt, deadline: deadline, session: session))
        }
    }

    /// Records (or changes) the answer to question `position` of an open attempt. `choice` is what
    /// the answer picked (the chosen options' texts, or the typed code as judged) and `presented`
    /// the question it was judged on; both are stored with the answer, in the same statement, for
    /// item analysis (a `nil` choice leaves readers to regenerate the question).
    public func answerExamQuestion(
        attempt: ExamAttempt.ID, position: Int, answer: String, correct: Bool, at now: Date,
        presented: PresentedQuestion? = nil, choice: String? = nil
    ) throws(StoreError) {
        try write { db in
            try Self.requireOpen(db, attempt: attempt)
            if let presented {
                let options = presented.storedOptions
                try db.execute(
                    sql: """
                        UPDATE exam_questions SET answer = ?, correct = ?, answered_at = ?, choice = ?, options = ?, answer_key = ?
                        WHERE attempt_id = ? AND position = ?
                        """,
                    arguments: [
                        answer, correct, Timestamp.milliseconds(now), choice, options, options == nil ? nil : presented.key, attempt,
                        position,
                    ])
            } else {
                try db.execute(
                    sql: """
                        UPDATE exam_questions SET answer = ?, correct = ?, answered_at = ?, choice = ?
                        WHERE attempt_id = ? AND position = ?
                        """,
                    arguments: [answer, correct, Timestamp.milliseconds(now), choice, attempt, position])
            }
            if db.changesCount != 1 { throw StoreError.data("exam attempt \(attempt) has no question \(position)") }
        }
    }

    /// Sets or clears the flag on question `position` of an open attempt.
    public func flagExamQuestion(attempt: ExamAttempt.ID, position: Int, flagged: Bool) throws(StoreError) {
        try write { db in
            try Self.requireOpen(db, attempt: attempt)
            try db.execute(
                sql: "UPDATE exam_questions SET flagged = ? WHERE attempt_id = ? AND position = ?",
                arguments: [flagged, attempt, position])
            if db.changesCount != 1 { throw StoreError.data("exam attempt \(attempt) has no question \(position)") }
        }
    }

    /// Submits an open attempt at `now`; the score is the number of correct answers.
    public func submitExamAttempt(_ id: ExamAttempt.ID, at now: Date) throws(StoreError) -> ExamAttempt {
        try submitExamAttempt(id, at: now, reviews: []) { _, card in card ?? Card.new(at: now) }.attempt
    }

    /// Submits an open attempt at `now` and records `reviews` (one per answered question) in the same
    /// transaction, so that a crash leaves either an open attempt and no reviews, or a submitted
    /// attempt and all of them. `schedule` gives each review's card from the learner's current one,
    /// as in `record(_:schedule:)`; keep it a pure computation. Reviews are recorded in the given order.
    ///
    /// An attempt another process has already submitted is returned as stored, with no reviews
    /// recorded by this call: two terminals handing in (or timing out) the same exam at once both
    /// get its report, and its answers are recorded once.
    public func submitExamAttempt(
        _ id: ExamAttempt.ID, at now: Date, reviews: [LearnerAnswer], schedule: (_ answer: LearnerAnswer, _ current: Card?) -> Card
    ) throws(StoreError) -> (attempt: ExamAttempt, reviews: [Review]) {
        try write { db in
            if let stored = try Self.examAttempt(db, id: id), stored.submittedAt != nil { return (stored, []) }
            try Self.requireOpen(db, attempt: id)
            var recorded: [Review] = []
            for answer in reviews {
                recorded.append(try Self.record(db, answer) { schedule(answer, $0) })
            }
            try db.execute(
                sql: """
                    UPDATE exam_attempts SET submitted_at = ?,
                        score = (SELECT count(*) FROM exam_questions WHERE attempt_id = ? AND correct = 1)
                    WHERE id = ?
                    """,
                arguments: [Timestamp.milliseconds(now), id, id])
            return (try Self.examAttempt(db, id: id)!, recorded)
        }
    }

    /// The attempt with identifier `id`, with its questions.
    public func examAttempt(id: ExamAttempt.ID) throws(StoreError) -> ExamAttempt? {
        try read { db in try Self.examAttempt(db, id: id) }
    }

    /// The learner's attempts, newest first, with their questions.
    public func examAttempts(learner: Learner.ID) throws(StoreError) -> [ExamAttempt] {
        try read { db in
            try Int64.fetchAll(
                db, sql: "SELECT id FROM exam_attempts WHERE learner_id = ? ORDER BY started_at DESC, id DESC",
                arguments: [learner]
            ).compactMap { try Self.examAttempt(db, id: $0) }
        }
    }

    private static func requireOpen(_ db: Database, attempt: Int64) throws {
        guard let row = try Row.fetchOne(db, sql: "SELECT submitted_at FROM exam_attempts WHERE id = ?", arguments: [attempt]) else {
            throw StoreError.data("no exam attempt with id \(attempt)")
        }
        if (row[0] as Int64?) != nil { throw StoreError.data("exam attempt \(attempt) was already submitted") }
    }

    static func examAttempt(_ db: Database, id: Int64) throws -> ExamAttempt? {
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM exam_attempts WHERE id = ?", arguments: [id]) else {
            return nil
        }
        let questions = try Row.fetchAll(
            db, sql: "SELECT * FROM exam_questions WHERE attempt_id = ? ORDER BY position", arguments: [id]
        ).map { question in
            ExamQuestion(
                position: question["position"], item: question["item_id"],
                seed: UInt64(bitPattern: question["seed"] as Int64), answer: question["answer"],
                correct: question["correct"], flagged: question["flagged"],
                answeredAt: Timestamp.date(question["answered_at"] as Int64?))
        }
        return ExamAttempt(
            id: row["id"], learner: row["learner_id"], session: row["session_id"], blueprint: row["blueprint"],
            startedAt: Timestamp.date(row["started_at"] as Int64), deadline: Timestamp.date(row["deadline_at"] as Int64),
            submittedAt: Timestamp.date(row["submitted_at"] as Int64?), score: row["score"], questions: questions)
    }
}
