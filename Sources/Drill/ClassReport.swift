import CodingContent
import Determinism
import Foundation
import ProgressStore
import Questions

/// `codedrill report learners`: one row per learner of a database, for an instructor's roster.
public struct ClassReport: Sendable, Equatable, Codable {
    /// One learner's row.
    public struct LearnerRow: Sendable, Equatable, Codable {
        /// The learner's name.
        public var learner: String
        /// Answers recorded in all (drills and submitted exams).
        public var reviews: Int
        /// True retention over the last 30 study days, % (right answers on cards in the review
        /// phase); `null` without such answers.
        public var retention: Double?
        /// The retention the learner's schedule aims at, %.
        public var targetRetention: Double
        /// Backlog: cards due now, overdue ones included.
        public var due: Int
        /// Of those, cards due before today's study day began.
        public var overdue: Int
        /// Consecutive study days up to today (or yesterday).
        public var streak: Int
        /// Exam attempts, newest first, with their scores.
        public var exams: [ExamHistoryEntry]
        /// Mean score of the submitted attempts, %; `null` without any.
        public var meanExamScore: Double?
        /// Families with the lowest accuracy (at least 3 answers), weakest first, at most 5.
        public var weakestFamilies: [StudyReport.Score]
    }

    /// The rows, by learner name.
    public var learners: [LearnerRow]

    /// Builds the report at `now` for every learner in `store`.
    public init(store: ProgressStore, catalog: QuestionCatalog, blueprints: [Blueprint], at now: Date, calendar: StudyCalendar) throws {
        learners = try store.learners().map { learner in
            let study = try StudyReport(store: store, learner: learner, catalog: catalog, at: now, calendar: calendar)
            let exams = try store.examAttempts(learner: learner.id).map { attempt in
                ExamHistoryEntry(attempt: attempt, blueprint: blueprints.first { $0.id == attempt.blueprint }, at: now)
            }
            let scores = exams.compactMap(\.percent)
            return LearnerRow(
                learner: learner.name, reviews: study.totalReviews, retention: study.retention.map { ($0 * 1000).rounded() / 10 },
                targetRetention: (learner.settings.desiredRetention * 1000).rounded() / 10, due: study.dueNow,
                overdue: study.overdue, streak: study.streak, exams: exams,
                meanExamScore: scores.isEmpty ? nil : (scores.reduce(0, +) / Double(scores.count) * 10).rounded() / 10,
                weakestFamilies: study.weakestFamilies)
        }
    }
}
