import CodingContent
import Determinism
import FSRS
import Foundation
import ProgressStore
import Questions

/// How ready a learner is for their exam: the predicted recall on exam day of every item they have
/// started, assuming the schedule is followed (see `ExamPlanner.predictedRecall`), overall, per
/// section and as an expected score on the exam's blueprint.
public struct Readiness: Sendable, Equatable, Codable {
    /// One section's forecast.
    public struct Section: Sendable, Equatable, Codable {
        /// The blueprint part's label, or the item area without a blueprint.
        public var name: String
        /// Started items in the section.
        public var started: Int
        /// Items in the section in the library.
        public var items: Int
        /// Mean predicted recall of the started items (0–1).
        public var predictedRecall: Double
        /// The blueprint's share of questions for this part (0–1, the shares summing to 1), when a blueprint is set.
        public var share: Double?
    }

    /// An item with low predicted recall.
    public struct AtRisk: Sendable, Equatable, Codable {
        /// The item id.
        public var item: String
        /// Its predicted recall on exam day (0–1).
        public var predictedRecall: Double
        /// When it is next due (ISO 8601).
        public var due: String
    }

    /// The exam day (`YYYY-MM-DD`).
    public var examDate: String
    /// Study days until the exam (0 on exam day).
    public var daysLeft: Int
    /// Mean predicted recall on exam day over every started item (0–1).
    public var predictedRecall: Double
    /// Items started (with a card).
    public var started: Int
    /// Per section.
    public var sections: [Section]
    /// The blueprint the expected score is for, if one is set and found.
    public var blueprint: String?
    /// Σ share × (predicted recall summed over the part's started items ÷ the part's items in the library):
    /// never-started items count as not recalled. `nil` without a blueprint.
    public var expectedScore: Double?
    /// The started items with the lowest predicted recall, at most 10, lowest first.
    public var atRisk: [AtRisk]

    /// The learner's readiness at `now`, or `nil` when no exam date is set or it has passed.
    public init?(
        store: ProgressStore, learner: Learner, catalog: QuestionCatalog, blueprints: [Blueprint],
        at now: Date, calendar: StudyCalendar
    ) throws {
        guard let goal = learner.exam, let exam = ExamSchedule(learner: learner, calendar: calendar) else { return nil }
        let left = exam.daysLeft(at: now)
        guard left >= 0 else { return nil }
        var planner = exam.planner
        planner.desiredRetention = learner.settings.desiredRetention
        let cards = try store.cards(learner: learner.id)
        let today = calendar.dayStart(containing: now)
        let blueprint = goal.blueprint.flatMap { name in blueprints.first { $0.id == name || $0.name == name } }
        func section(of item: Item) -> String? {
            guard let blueprint else { return item.area }
            return blueprint.part(area: item.area, tags: item.tags, kind: item.kind.rawValue).map { blueprint.parts[$0].label }
        }
        var recalls: [(item: String, recall: Double, due: Date)] = []
        var sums: [String: (recall: Double, started: Int, items: Int)] = [:]
        for item in catalog.items(.all) {
            guard let name = section(of: item) else { continue }
            sums[name, default: (0, 0, 0)].items += 1
        }
        for (id, card) in cards.sorted(by: { $0.key < $1.key }) {
            let recall = Self.predictedRecall(card, planner: planner, today: today, daysLeft: left, calendar: calendar)
            recalls.append((id, recall, card.due))
            if let item = catalog.item(id: id), let name = section(of: item) {
                sums[name, default: (0, 0, 0)].recall += recall
                sums[name, default: (0, 0, 0)].started += 1
            }
        }
        examDate = goal.day
        daysLeft = left
        started = recalls.count
        predictedRecall = recalls.isEmpty ? 0 : recalls.reduce(0) { $0 + $1.recall } / Double(recalls.count)
        self.blueprint = blueprint?.id
        if let blueprint {
            let allShares = blueprint.parts.reduce(0) { $0 + $1.share }
            sections = blueprint.parts.map { part in
                let sum = sums[part.label] ?? (0, 0, 0)
                return Section(
                    name: part.label, started: sum.started, items: sum.items,
                    predictedRecall: sum.started == 0 ? 0 : sum.recall / Double(sum.started),
                    share: allShares > 0 ? part.share / allShares : 0)
            }
            let covered = sections.filter { $0.items > 0 }
            let shares = covered.reduce(0) { $0 + ($1.share ?? 0) }
            expectedScore =
                shares == 0
                ? 0
                : covered.reduce(0) { total, section in
                    let sum = sums[section.name] ?? (0, 0, 0)
                    return total + (section.share ?? 0) / shares * sum.recall / Double(section.items)
                }
        } else {
            sections = sums.filter { $0.value.started > 0 }.sorted { $0.key < $1.key }.map {
                Section(
                    name: $0.key, started: $0.value.started, items: $0.value.items,
                    predictedRecall: $0.value.recall / Double($0.value.started), share: nil)
            }
            expectedScore = nil
        }
        atRisk = recalls.sorted { ($0.recall, $0.item) < ($1.recall, $1.item) }.prefix(10).map {
            AtRisk(item: $0.item, predictedRecall: $0.recall, due: CodedrillJSON.timestamp($0.due))
        }
    }

    /// One card's predicted recall on exam day; a card still in a (re)learning step counts as due today.
    public static func predictedRecall(
        _ card: Card, planner: ExamPlanner, today: Date, daysLeft: Int,
        calendar: StudyCalendar
    ) -> Double {
        guard let memory = card.memory, let last = card.lastReview else { return 0 }
        let since = max(0, days(from: calendar.dayStart(containing: last), to: today))
        let dueIn = card.phase == .review ? days(from: today, to: calendar.dayStart(containing: card.due)) : 0
        return planner.predictedRecall(memory: memory, sinceReview: since, dueIn: dueIn, daysLeft: daysLeft)
    }

    private static func days(from start: Date, to end: Date) -> Int {
        Int((end.timeIntervalSince(start) / Scheduler.secondsPerDay).rounded())
    }
}
