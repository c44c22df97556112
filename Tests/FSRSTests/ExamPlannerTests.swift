import Foundation
import Testing

@testable import FSRS

/// Scheduling toward an exam day.
struct ExamPlannerTests {
    let planner = ExamPlanner(parameters: .default)
    let scheduler = try! Scheduler.withoutSteps()

    /// Follows one card from its first review on day 0 to the exam on day `examDay`, reviewing on every
    /// due day with recall drawn from the model; returns the days of its reviews.
    func follow(first: Rating, examDay: Int, random: inout SplitMix64) -> [Int] {
        var memory = MemoryState(
            stability: Parameters.default.initialStability(first),
            difficulty: Parameters.default.initialDifficulty(first))
        var day = 0
        var days = [0]
        while true {
            let ordinary = scheduler.nextInterval(stability: memory.stability)
            let wait = planner.interval(memory: memory, ordinary: ordinary, daysLeft: examDay - day, seed: random.next())
            #expect(wait >= 1)
            let next = day + wait
            if next >= examDay { return days }
            let r = Parameters.default.retrievability(elapsedDays: Double(wait), stability: memory.stability)
            let rating: Rating = random.nextUnit() < r ? .good : .again
            memory = scheduler.nextMemory(memory, elapsedDays: wait, rating: rating)
            day = next
            days.append(day)
        }
    }

    @Test func noCardGoesLongerThanTheMaximumGapBeforeTheExam() {
        var random = SplitMix64(seed: 17)
        var gaps: [Int] = []
        for card in 0..<400 {
            let examDay = 5 + Int(random.nextUnit() * 200)
            let first = Rating.allCases[card % 4]
            let days = follow(first: first, examDay: examDay, random: &random)
            let gap = examDay - days.last!
            #expect(gap <= planner.maximumGap, "card \(card): last review \(gap) days before the exam on day \(examDay)")
            gaps.append(gap)
        }
        // Not all piled on the eve: the last reviews spread over many days.
        #expect(Set(gaps).count >= 10)
        #expect(gaps.filter { $0 == 1 }.count < gaps.count / 4)
    }

    @Test func theLastReviewLeavesTargetRecallOnExamDay() {
        // S = 40 days, 100 days to go: the ordinary interval (40) comes before the exam and is kept.
        let memory = MemoryState(stability: 40, difficulty: 5)
        #expect(planner.interval(memory: memory, ordinary: 40, daysLeft: 100, seed: 1) == 40)
        // 30 days to go: the ordinary interval passes the exam, so a last review is placed before it,
        // on a day from which a Good answer gives at least 97 % recall on exam day.
        for seed in 0..<50 as Range<UInt64> {
            let wait = planner.interval(memory: memory, ordinary: 40, daysLeft: 30, seed: seed)
            #expect(wait < 30)
            #expect(planner.recallAfterReview(memory, on: wait, daysLeft: 30) >= 0.97)
        }
        // Already secure and within the gap: left until after the exam.
        let strong = MemoryState(stability: 2000, difficulty: 3)
        #expect(planner.interval(memory: strong, ordinary: 1500, daysLeft: 10, seed: 1) == 1500)
        #expect(planner.interval(memory: strong, ordinary: 5, daysLeft: 10, seed: 1) == 11)
        // Secure but further away than the maximum gap: still reviewed within 30 days of the exam.
        let wait = planner.interval(memory: strong, ordinary: 1500, daysLeft: 100, seed: 1)
        #expect(wait >= 70 && wait < 100)
    }

    @Test func onAndAfterExamDayTheOrdinaryScheduleResumes() {
        let memory = MemoryState(stability: 3, difficulty: 5)
        #expect(planner.interval(memory: memory, ordinary: 3, daysLeft: 0, seed: 9) == 3)
        #expect(planner.interval(memory: memory, ordinary: 3, daysLeft: -4, seed: 9) == 3)
    }

    @Test func predictedRecallOfACardDueAfterTheExamIsItsRetrievabilityThen() {
        let memory = MemoryState(stability: 50, difficulty: 5)
        let expected = Parameters.default.retrievability(elapsedDays: 12 + 8, stability: 50)
        #expect(planner.predictedRecall(memory: memory, sinceReview: 12, dueIn: 30, daysLeft: 8) == expected)
        // Due before the exam: the review is assumed to happen (Good), so recall is higher than without it.
        let weak = MemoryState(stability: 4, difficulty: 6)
        let unreviewed = Parameters.default.retrievability(elapsedDays: 2 + 20, stability: 4)
        #expect(planner.predictedRecall(memory: weak, sinceReview: 2, dueIn: 2, daysLeft: 20) > max(unreviewed, 0.95))
    }
}
