import Foundation
import GRDB

/// Where a recorded response comes from: a submitted exam, or a drill.
public enum ResponseSource: String, Sendable, Equatable, Codable {
    /// A question of a submitted exam attempt (answered or not).
    case exam
    /// A learner's first drill answer on an item.
    case drill
}

/// One learner's response to one question, as item analysis and `results export` read it.
///
/// For `exam`, every question of every submitted attempt (unanswered ones too: they score 0); for
/// `drill`, only each learner's first drill answer on each item, the one made before any drill
/// feedback on that item could teach the answer.
public struct RecordedResponse: Sendable, Equatable {
    /// Exam or drill.
    public var source: ResponseSource
    /// The learner's name.
    public var learner: String
    /// When the learner was added (with the name, it tells apart learners of different databases).
    public var learnerAddedAt: Date
    /// The exam attempt's id; `nil` for drill answers.
    public var attempt: Int64?
    /// The exam's blueprint; `nil` for drill answers.
    public var blueprint: String?
    /// When the exam attempt started; `nil` for drill answers.
    public var attemptStartedAt: Date?
    /// Number of questions in the attempt; `nil` for drill answers.
    public var attemptQuestions: Int?
    /// 1-based question number in the attempt; `nil` for drill answers.
    public var position: Int?
    /// The item id.
    public var item: String
    /// The item's kind as the store knows it.
    public var kind: String
    /// The seed that reproduces the question.
    public var seed: UInt64
    /// The answer as stored (with the learner's `?`/`!` suffix); `nil` when unanswered.
    public var answer: String?
    /// Whether it was right (`false` when unanswered).
    public var correct: Bool
    /// When it was answered; `nil` when unanswered.
    public var answeredAt: Date?
    /// What the question showed, as stored with an exam question (schema v4); `nil` for drill
    /// answers and for questions stored without it (before v4).
    public var presented: PresentedQuestion?
    /// What the answer picked, as stored with it (schema v4: the chosen options' texts joined with
    /// `; `, or the typed code as judged); `nil` when unanswered or not stored.
    public var choice: String?

    /// Creates a value from all of its fields.
    public init(
        source: ResponseSource, learner: String, learnerAddedAt: Date, attempt: Int64?, blueprint: String?,
        attemptStartedAt: Date?, attemptQuestions: Int?, position: Int?, item: String, kind: String, seed: UInt64,
        answer: String?, correct: Bool, answeredAt: Date?, presented: PresentedQuestion? = nil, choice: String? = nil
    ) {
        self.source = source
        self.learner = learner
        self.learnerAddedAt = learnerAddedAt
        self.attempt = attempt
        self.blueprint = blueprint
        self.attemptStartedAt = attemptStartedAt
        self.attemptQuestions = attemptQuestions
        self.position = position
        self.item = item
        self.kind = kind
        self.seed = seed
        self.answer = answer
        self.correct = correct
        self.answeredAt = answeredAt
        self.presented = presented
        self.choice = choice
    }

    /// Whether the stored columns hold everything item analysis needs — what the question showed and,
    /// when answered, what the answer picked — so the question need not be regenerated.
    public var isStoredWhole: Bool { presented != nil && (answer == nil || choice != nil) }
}

extension ProgressStore {
    /// Every question of every submitted exam attempt, by learner name, attempt and position; with
    /// `includeDrills`, also each learner's first drill answer on each item (a review outside any exam
    /// session), by learner and time. `learners` keeps only those names (all when empty). Open
    /// attempts are left out: their answers may still change. One read transaction, so the result is
    /// one consistent snapshot even while others are answering.
    public func recordedResponses(learners: [String] = [], includeDrills: Bool = false) throws(StoreError) -> [RecordedResponse] {
        try read { db in
            var nameFilter = ""
            var arguments = StatementArguments()
            if !learners.isEmpty {
                nameFilter = " AND l.name IN (\(Array(repeating: "?", count: learners.count).joined(separator: ", ")))"
                arguments = StatementArguments(learners)
            }
            var responses: [RecordedResponse] = []
            // The attempts first (one row each), then each attempt's questions through the primary
            // key: the learner's name and the blueprint are read once per attempt, not per answer.
            let kinds = Dictionary(
                try Row.fetchAll(db, sql: "SELECT id, kind FROM items").map { ($0[0] as String, $0[1] as String) },
                uniquingKeysWith: { first, _ in first })
            let attempts = try Row.fetchAll(
                db,
                sql: """
                    SELECT a.id, l.name, l.created_at, a.blueprint, a.started_at,
                        (SELECT count(*) FROM exam_questions c WHERE c.attempt_id = a.id)
                    FROM exam_attempts a JOIN learners l ON l.id = a.learner_id
                    WHERE a.submitted_at IS NOT NULL\(nameFilter)
                    ORDER BY l.name, a.started_at, a.id
                    """,
                arguments: arguments)
            let questions = try db.cachedStatement(
                sql:
                    """
                    SELECT position, item_id, seed, answer, coalesce(correct, 0), answered_at, options, answer_key, choice
                    FROM exam_questions WHERE attempt_id = ? ORDER BY position
                    """
            )
            for attempt in attempts {
                let id: Int64 = attempt[0]
                let learner: String = attempt[1]
                let addedAt = Timestamp.date(attempt[2] as Int64) as Date
                let blueprint: String = attempt[3]
                let startedAt = Timestamp.date(attempt[4] as Int64) as Date
                let count: Int = attempt[5]
                let rows = try Row.fetchCursor(questions, arguments: [id])
                while let row = try rows.next() {
                    let item: String = row[1]
                    var presented: PresentedQuestion?
                    if let options = row[6] as String?, let key = row[7] as String? {
                        presented = PresentedQuestion(options: PresentedQuestion.options(stored: options), key: key)
                    }
                    responses.append(
                        RecordedResponse(
                            source: .exam, learner: learner, learnerAddedAt: addedAt, attempt: id, blueprint: blueprint,
                            attemptStartedAt: startedAt, attemptQuestions: count, position: row[0], item: item,
                            kind: kinds[item] ?? "", seed: UInt64(bitPattern: row[2] as Int64), answer: row[3], correct: row[4],
                            answeredAt: Timestamp.date(row[5] as Int64?) as Date?, presented: presented, choice: row[8]))
                }
            }
            guard includeDrills else { return responses }
            // The first review of each card that no exam recorded: exam reviews carry their exam's session.
            let drill = try Row.fetchCursor(
                db,
                sql: """
                    SELECT l.name, l.created_at, r.item_id, coalesce(i.kind, ''), r.seed, r.answer, r.correct, r.reviewed_at
                    FROM reviews r
                    JOIN learners l ON l.id = r.learner_id
                    LEFT JOIN items i ON i.id = r.item_id
                    WHERE r.id IN (
                        SELECT min(f.id) FROM reviews f LEFT JOIN sessions s ON s.id = f.session_id
                        WHERE s.kind IS NULL OR s.kind = 'drill'
                        GROUP BY f.learner_id, f.item_id)\(nameFilter)
                    ORDER BY l.name, r.reviewed_at, r.id
                    """,
                arguments: arguments)
            while let row = try drill.next() {
                responses.append(
                    RecordedResponse(
                        source: .drill, learner: row[0], learnerAddedAt: Timestamp.date(row[1] as Int64), attempt: nil, blueprint: nil,
                        attemptStartedAt: nil, attemptQuestions: nil, position: nil, item: row[2], kind: row[3],
                        seed: UInt64(bitPattern: row[4] as Int64), answer: row[5], correct: row[6],
                        answeredAt: Timestamp.date(row[7] as Int64) as Date))
            }
            return responses
        }
    }
}
