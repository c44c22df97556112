import CodingContent
import Determinism
import FSRS
import Foundation
import ProgressStore
import Questions
import Testing

@testable import Drill

/// Readiness for an exam date, from the store's cards.
struct ReadinessTests {
    let calendar = StudyCalendar(timeZone: TimeZone(identifier: "UTC")!)

    /// Records one answer on `item` at `date` with the learner's schedule.
    func answer(_ fixture: ExamFixture, _ learner: Learner, _ item: String, _ rating: Rating, at date: Date) throws {
        let answer = LearnerAnswer(
            learner: learner.id, item: item, seed: 1, given: "A", correct: rating != .again, rating: rating,
            responseMilliseconds: 0, answeredAt: date, session: nil)
        let exam = ExamSchedule(learner: learner, calendar: calendar)
        _ = try fixture.store.record(answer) {
            ReviewScheduling.schedule(answer, current: $0, scheduler: try! Scheduler.withoutSteps(), exam: exam)
        }
    }

    @Test func readinessIsTheMeanOfPredictedRecalls() throws {
        let fixture = try ExamFixture()
        defer { fixture.remove() }
        var learner = try fixture.store.setExamGoal(ExamGoal(day: "2026-02-04", blueprint: "mini"), learner: fixture.learner.id)
        let items = fixtureCatalog.items(.all).map(\.id)
        let day = 86_400.0
        for (index, item) in items.prefix(12).enumerated() {
            let rating: Rating = index % 3 == 0 ? .again : .good
            try answer(fixture, learner, item, rating, at: examStart)
            if index % 2 == 0 { try answer(fixture, learner, item, .good, at: examStart + 3 * day) }
        }
        learner = try fixture.store.learner(named: "Pat")!
        let now = examStart + 5 * day
        let readiness = try #require(
            try Readiness(
                store: fixture.store, learner: learner, catalog: fixtureCatalog, blueprints: [miniBlueprint], at: now,
                calendar: calendar))
        #expect(readiness.daysLeft == 25)  // 2026-01-10 → 2026-02-04
        #expect(readiness.started == 12)
        let planner = ExamPlanner(parameters: .default)
        let today = calendar.dayStart(containing: now)
        let cards = try fixture.store.cards(learner: learner.id)
        let recalls = cards.values.map {
            Readiness.predictedRecall($0, planner: planner, today: today, daysLeft: 25, calendar: calendar)
        }
        let mean = recalls.reduce(0, +) / Double(recalls.count)
        #expect(abs(readiness.predictedRecall - mean) < 1e-12)
        #expect(readiness.predictedRecall > 0.9 && readiness.predictedRecall <= 1)
        #expect(readiness.atRisk.first?.predictedRecall == recalls.min())
        // Sections are the blueprint's parts; every started item counts in exactly one.
        #expect(readiness.sections.map(\.name) == miniBlueprint.parts.map(\.label))
        #expect(readiness.sections.reduce(0) { $0 + $1.started } <= 12)
        let covered = readiness.sections.filter { $0.items > 0 }
        let coveredShares = covered.reduce(0.0) { $0 + $1.share! }
        #expect(abs(readiness.sections.reduce(0.0) { $0 + $1.share! } - 1) < 1e-12)
        let expected = covered.reduce(0.0) { total, section in
            total + section.share! / coveredShares * section.predictedRecall * Double(section.started) / Double(section.items)
        }
        #expect(abs(readiness.expectedScore! - expected) < 1e-9)
    }

    @Test func noExamDateMeansNoReadiness() throws {
        let fixture = try ExamFixture()
        defer { fixture.remove() }
        #expect(
            try Readiness(
                store: fixture.store, learner: fixture.learner, catalog: fixtureCatalog, blueprints: [],
                at: examStart, calendar: calendar) == nil)
    }

    @Test func examScheduleBringsALongIntervalBackBeforeTheExam() throws {
        let learner = Learner(
            id: 1, name: "Pat", createdAt: examStart, settings: LearnerSettings(),
            exam: ExamGoal(day: "2026-03-01"))
        let schedule = try #require(ExamSchedule(learner: learner, calendar: calendar))
        let card = Card(
            phase: .review, step: nil, memory: MemoryState(stability: 300, difficulty: 4),
            due: examStart + 300 * 86_400, lastReview: examStart, reps: 5, lapses: 0)
        let adjusted = schedule.adjust(card, reviewedAt: examStart, seed: 3)
        let examDay = try #require(ExamSchedule.dayStart("2026-03-01", calendar: calendar))
        #expect(adjusted.due < examDay)
        #expect(examDay.timeIntervalSince(adjusted.due) <= 30 * 86_400)
        // After the exam the ordinary schedule is back.
        let later = schedule.adjust(card, reviewedAt: examDay + 86_400, seed: 3)
        #expect(later == card)
    }
}

/// A learner's stored weights are the ones their schedules use.
struct LearnerSchedulingTests {
    @Test func storedWeightsScheduleTheLearnersReviews() throws {
        var learner = Learner(id: 1, name: "Pat", createdAt: examStart, settings: LearnerSettings(desiredRetention: 0.85))
        #expect(try LearnerScheduling.scheduler(for: learner).parameters == .default)
        var weights = Parameters.defaultValues
        weights[2] = 5.0  // S0 after Good
        learner.fsrsParameters = weights
        let scheduler = try LearnerScheduling.scheduler(for: learner)
        #expect(scheduler.parameters.w == weights)
        #expect(scheduler.desiredRetention == 0.85)
        let card = try scheduler.review(.new(at: examStart), rating: .good, at: examStart)
        #expect(card.memory?.stability == 5.0)
        // Weights outside the bounds (a damaged row) fall back to the defaults rather than failing.
        learner.fsrsParameters = Array(repeating: -1, count: 21)
        #expect(try LearnerScheduling.scheduler(for: learner).parameters == .default)
    }
}
