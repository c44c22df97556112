import CodingContent
import Foundation
import ProgressStore
import Questions

/// The blueprint part each question of an attempt counts for, rebuilt from the item and the
/// blueprint (`Blueprint.part(area:tags:kind:)`), so that a report can be printed again at any time.
enum ExamParts {
    /// The label used when the blueprint or the item is gone, or no part admits the item.
    static let other = "Other"

    /// The part label of `item`.
    static func label(item: String, blueprint: Blueprint?, catalog: QuestionCatalog) -> String {
        guard let blueprint, let found = catalog.item(id: item),
            let index = blueprint.part(area: found.area, tags: found.tags, kind: found.kind.rawValue)
        else { return other }
        return blueprint.parts[index].label
    }

    /// Labels in report order: the blueprint's parts, then `Other`.
    static func order(_ blueprint: Blueprint?) -> [String] {
        var labels: [String] = []
        for part in blueprint?.parts ?? [] where !labels.contains(part.label) { labels.append(part.label) }
        return labels + [other]
    }
}

extension ExamReport {
    /// The report of a submitted attempt. Questions are regenerated from their item and seed; the
    /// score and each answer's correctness are the stored ones. `blueprint` gives the part labels and
    /// the pass mark; without it (removed from the library) every question is under `Other` and there
    /// is no pass mark.
    public init(attempt: ExamAttempt, learner: String, blueprint: Blueprint?, catalog: QuestionCatalog) {
        let submittedAt = attempt.submittedAt ?? attempt.deadline
        let labels = attempt.questions.map { ExamParts.label(item: $0.item, blueprint: blueprint, catalog: catalog) }
        let correct = attempt.score ?? attempt.questions.filter { $0.correct == true }.count
        let total = attempt.questions.count
        var parts: [PartScore] = []
        for label in ExamParts.order(blueprint) {
            let members = attempt.questions.indices.filter { labels[$0] == label }
            guard !members.isEmpty else { continue }
            let right = members.filter { attempt.questions[$0].correct == true }.count
            parts.append(PartScore(part: label, questions: members.count, correct: right, percent: Percent.of(right, members.count)))
        }
        var missed: [Missed] = []
        for (index, stored) in attempt.questions.enumerated() where stored.correct != true {
            let question = try? catalog.question(itemID: stored.item, seed: stored.seed)
            var entry = Missed(
                index: stored.position, part: labels[index], id: "\(stored.item)#\(stored.seed)", item: stored.item,
                seed: stored.seed, stem: question?.stem, given: stored.answer, givenText: nil, givenRationale: nil,
                answer: question?.answer, rationale: question?.rationale)
            if let question, let given = stored.answer {
                let judgement = question.judge(response: Confidence.split(given).answer)
                if let chosen = question.options.first(where: { $0.label == judgement.chosenLabel }) {
                    entry.givenText = chosen.text
                    entry.givenRationale = chosen.rationale
                } else if let note = judgement.modifierNote {
                    entry.givenRationale = note
                }
            }
            missed.append(entry)
        }
        let passPercent = blueprint?.passPercent
        self.init(
            attempt: attempt.id, learner: learner, blueprint: attempt.blueprint, name: blueprint?.name ?? attempt.blueprint,
            questions: total, answered: attempt.questions.filter { $0.answer != nil }.count, correct: correct,
            percent: Percent.of(correct, total), passPercent: passPercent,
            passed: passPercent.map { Percent.reaches(correct, of: total, mark: $0) },
            startedAt: attempt.startedAt, submittedAt: submittedAt, deadline: attempt.deadline,
            minutes: Int((attempt.deadline.timeIntervalSince(attempt.startedAt) / 60).rounded()),
            secondsUsed: Int(min(submittedAt, attempt.deadline).timeIntervalSince(attempt.startedAt).rounded(.down)),
            autoSubmitted: submittedAt >= attempt.deadline, parts: parts, missed: missed)
    }
}

extension ExamHistoryEntry {
    /// The history line of `attempt` at `now`; `blueprint` gives the pass mark.
    public init(attempt: ExamAttempt, blueprint: Blueprint?, at now: Date) {
        let total = attempt.questions.count
        let status = attempt.submittedAt != nil ? "submitted" : (now >= attempt.deadline ? "expired" : "open")
        let passed: Bool? = attempt.score.flatMap { score in
            blueprint.map { Percent.reaches(score, of: total, mark: $0.passPercent) }
        }
        self.init(
            attempt: attempt.id, blueprint: attempt.blueprint, startedAt: attempt.startedAt, submittedAt: attempt.submittedAt,
            status: status, questions: total, answered: attempt.questions.filter { $0.answer != nil }.count,
            correct: attempt.score, percent: attempt.score.map { Percent.of($0, total) }, passed: passed)
    }
}
