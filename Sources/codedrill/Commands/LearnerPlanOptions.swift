import Foundation
import ProgressStore

/// The exam date and FSRS weights part of `codedrill learner set`.
struct LearnerPlanOptions {
    var examDate: String?
    var examBlueprint: String?
    var params: String?

    /// Stores what was asked for and returns the learner as stored.
    func apply(to learner: Learner, store: ProgressStore) throws -> Learner {
        var learner = learner
        if params == "default", learner.fsrsParameters != nil {
            learner = try store.setFSRSParameters(nil, learner: learner.id, at: Date())
        }
        if let examDate {
            let goal = examDate == "none" ? nil : ExamGoal(day: examDate, blueprint: examBlueprint ?? learner.exam?.blueprint)
            learner = try store.setExamGoal(goal, learner: learner.id)
        } else if let examBlueprint {
            guard let exam = learner.exam else {
                throw CommandFailure("--exam-blueprint needs an exam date; add --exam-date YYYY-MM-DD", status: .usage)
            }
            learner = try store.setExamGoal(ExamGoal(day: exam.day, blueprint: examBlueprint), learner: learner.id)
        }
        return learner
    }
}

extension Learner {
    /// One line: which weights schedule this learner and the exam, if any.
    var summary: String {
        let weights = fsrsParameters == nil ? "default FSRS-6 weights" : "own FSRS-6 weights (codedrill optimize)"
        guard let exam else { return "\(weights), no exam date" }
        return "\(weights), exam on \(exam.day)\(exam.blueprint.map { " (blueprint \($0))" } ?? "")"
    }
}
