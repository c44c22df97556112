import Foundation

/// Scheduling toward an exam day: instead of 90 % recall at every review, high recall on one day.
///
/// Works in whole study days. After a review that leaves a card with memory (S, D), the ordinary
/// FSRS interval is kept while the next review still comes before the exam. When it would reach or
/// pass the exam, the planner places one last review before it: on a day from which — after a
/// successful review — the predicted recall on exam day is at least `targetRecall`, never more than
/// `maximumGap` days before the exam, chosen (by the review's fuzz seed) among the first
/// `spreadDays` such days so that the last reviews spread over a week instead of piling on the eve.
/// A card whose recall on exam day is already at least `targetRecall` with no review, and whose
/// last review is within `maximumGap` days of the exam, is left until after the exam. On and after
/// the exam day the ordinary interval is used.
public struct ExamPlanner: Sendable, Equatable {
    /// The model weights.
    public var parameters: Parameters
    /// The recall on exam day each card's last review before it aims for.
    public var targetRecall: Double
    /// The longest time, in days, between a card's last review and the exam.
    public var maximumGap: Int
    /// How many candidate days the last review is spread over.
    public var spreadDays: Int
    /// The retention of the ordinary intervals (for forecasts).
    public var desiredRetention: Double

    /// Creates a planner.
    public init(
        parameters: Parameters, desiredRetention: Double = 0.9, targetRecall: Double = 0.97, maximumGap: Int = 30,
        spreadDays: Int = 7
    ) {
        self.parameters = parameters
        self.desiredRetention = desiredRetention
        self.targetRecall = targetRecall
        self.maximumGap = max(1, maximumGap)
        self.spreadDays = max(1, spreadDays)
    }

    /// The interval in days to use after a review that left `memory`, `daysLeft` days before the exam
    /// (0 = the review is on exam day), when the ordinary interval is `ordinary` days.
    public func interval(memory: MemoryState, ordinary: Int, daysLeft: Int, seed: UInt64) -> Int {
        guard daysLeft > 0 else { return ordinary }
        let secure = recallOnExam(stability: memory.stability, gap: daysLeft) >= targetRecall && daysLeft <= maximumGap
        if ordinary < daysLeft {
            // A review before the exam comes anyway; if the card is already secure, skip to after it.
            return secure ? daysLeft + 1 : ordinary
        }
        if secure { return ordinary }
        // Days (counted from this review) on which a last successful review makes the exam safe.
        let earliest = max(1, daysLeft - maximumGap)
        var first: Int?
        if daysLeft >= 2 {
            for day in earliest...(daysLeft - 1) where recallAfterReview(memory, on: day, daysLeft: daysLeft) >= targetRecall {
                first = day
                break
            }
        }
        guard let first else { return max(1, daysLeft - 1) }
        let last = min(daysLeft - 1, first + spreadDays - 1)
        var random = SplitMix64(seed: seed)
        return first + Int(random.nextUnit() * Double(last - first + 1))
    }

    /// Predicted recall `gap` days after a review that left stability `stability`.
    public func recallOnExam(stability: Double, gap: Int) -> Double {
        parameters.retrievability(elapsedDays: Double(gap), stability: stability)
    }

    /// Predicted exam-day recall if the card (state `memory` now) is next reviewed successfully (Good)
    /// `day` days from now, `daysLeft` days before the exam.
    public func recallAfterReview(_ memory: MemoryState, on day: Int, daysLeft: Int) -> Double {
        let r = parameters.retrievability(elapsedDays: Double(day), stability: memory.stability)
        let s = parameters.nextStability(stability: memory.stability, difficulty: memory.difficulty, retrievability: r, rating: .good)
        return recallOnExam(stability: s, gap: daysLeft - day)
    }

    /// The predicted recall on exam day of a card with `memory`, last reviewed `sinceReview` days ago
    /// and due in `dueIn` days (≤ 0: due now), `daysLeft` days before the exam, assuming the schedule
    /// is followed: every review before the exam happens on its day and is answered Good, each next
    /// review placed by this planner (without fuzz or spreading).
    public func predictedRecall(memory: MemoryState, sinceReview: Int, dueIn: Int, daysLeft: Int) -> Double {
        var memory = memory
        var lastReview = -max(0, sinceReview)  // day numbers relative to today
        var due = max(0, dueIn)
        var guardRounds = 0
        while due < daysLeft && guardRounds < 100 {
            guardRounds += 1
            let r = parameters.retrievability(elapsedDays: Double(due - lastReview), stability: memory.stability)
            memory = MemoryState(
                stability: max(
                    parameters.nextStability(
                        stability: memory.stability, difficulty: memory.difficulty,
                        retrievability: r, rating: .good), MemoryState.minimumStability),
                difficulty: parameters.nextDifficulty(memory.difficulty, rating: .good))
            lastReview = due
            let ordinary = parameters.nextInterval(
                desiredRetention: desiredRetention, stability: memory.stability,
                maximumInterval: 36_500)
            var plain = self
            plain.spreadDays = 1
            due += plain.interval(memory: memory, ordinary: ordinary, daysLeft: daysLeft - due, seed: 0)
        }
        return recallOnExam(stability: memory.stability, gap: max(0, daysLeft - lastReview))
    }
}
