import Foundation

/// The FSRS-6 scheduler with py-fsrs 6.3.2's behaviour: learning and relearning steps, review
/// intervals from the desired retention, optional fuzz. A value type with no clock and no global
/// randomness: the review time and the fuzz seed are arguments.
public struct Scheduler: Sendable, Equatable {
    /// Seconds in one day: py-fsrs counts elapsed time in whole 24-hour periods.
    public static let secondsPerDay: TimeInterval = 86_400

    /// The model weights.
    public let parameters: Parameters
    /// The probability of recall a review interval aims for, in (0, 1].
    public let desiredRetention: Double
    /// Waits of a new card's learning steps, in seconds; empty sends every new card straight to review.
    public let learningSteps: [TimeInterval]
    /// Waits of a lapsed card's relearning steps, in seconds; empty keeps a lapsed card in review.
    public let relearningSteps: [TimeInterval]
    /// The longest review interval, in days.
    public let maximumInterval: Int
    /// Whether review intervals are fuzzed.
    public let enableFuzzing: Bool

    /// Precomputed r^(1/decay) − 1 for `desiredRetention`: the part of I(r, S) that does not depend on S.
    let intervalScale: Double

    /// py-fsrs's `Scheduler()`: default weights, retention 0.9, steps 1 min, 10 min / 10 min,
    /// maximum 36500 days, fuzz on.
    public static let `default` = Scheduler(
        checked: .default, desiredRetention: 0.9, learningSteps: [60, 600], relearningSteps: [600],
        maximumInterval: 36_500, enableFuzzing: true)

    /// A scheduler; throws if the retention is outside (0, 1], the maximum interval is under a day,
    /// or a step is negative or not finite.
    public init(
        parameters: Parameters = .default, desiredRetention: Double = 0.9,
        learningSteps: [TimeInterval] = [60, 600], relearningSteps: [TimeInterval] = [600],
        maximumInterval: Int = 36_500, enableFuzzing: Bool = true
    ) throws(FSRSError) {
        guard desiredRetention > 0, desiredRetention <= 1 else {
            throw .desiredRetentionOutOfRange(desiredRetention)
        }
        guard maximumInterval >= 1 else { throw .maximumIntervalTooSmall(maximumInterval) }
        for (kind, steps) in [("learning", learningSteps), ("relearning", relearningSteps)] {
            for (index, seconds) in steps.enumerated() where !(seconds.isFinite && seconds >= 0) {
                throw .invalidStep(kind: kind, index: index, seconds: seconds)
            }
        }
        self.init(
            checked: parameters, desiredRetention: desiredRetention, learningSteps: learningSteps,
            relearningSteps: relearningSteps, maximumInterval: maximumInterval, enableFuzzing: enableFuzzing)
    }

    private init(
        checked parameters: Parameters, desiredRetention: Double, learningSteps: [TimeInterval],
        relearningSteps: [TimeInterval], maximumInterval: Int, enableFuzzing: Bool
    ) {
        self.parameters = parameters
        self.desiredRetention = desiredRetention
        self.learningSteps = learningSteps
        self.relearningSteps = relearningSteps
        self.maximumInterval = maximumInterval
        self.enableFuzzing = enableFuzzing
        intervalScale = pow(desiredRetention, 1 / parameters.decay) - 1
    }

    /// Whole 24-hour periods from `start` to `end`, rounded down (Python `timedelta.days`).
    ///
    /// Python subtracts exact microseconds; a `Date` is a binary floating-point number of seconds,
    /// so `start + N days` can come back a few microseconds short when the dates are centuries
    /// away. A slack of a few units in the last place of the larger date keeps that exactly N days.
    @inline(__always)
    public static func elapsedDays(from start: Date, to end: Date) -> Int {
        let a = start.timeIntervalSinceReferenceDate
        let b = end.timeIntervalSinceReferenceDate
        let slack = max(abs(a), abs(b)) * 0x1p-50  // about 4 units in the last place
        let elapsed = b - a + slack
        // Whole seconds (truncation is the floor when non-negative), then integer floor division:
        // exact, and cheaper than dividing doubles.
        let seconds = elapsed >= 0 ? Int(elapsed) : Int(elapsed.rounded(.down))
        let day = Int(secondsPerDay)
        return seconds >= 0 ? seconds / day : -((day - 1 - seconds) / day)
    }

    /// The probability that the card is recalled at `date`, as py-fsrs `get_card_retrievability`
    /// computes it: 0 for a never-reviewed card, else R(t, S) with t the whole days since the last
    /// review (so exactly 1 for anything under 24 hours).
    public func retrievability(of card: Card, at date: Date) -> Double {
        guard let memory = card.memory, let last = card.lastReview else { return 0 }
        let days = max(0, Self.elapsedDays(from: last, to: date))
        return parameters.retrievability(elapsedDays: Double(days), stability: memory.stability)
    }

    /// The review interval in whole days for stability `s` (rounded half to even, 1…maximum).
    @inline(__always)
    public func nextInterval(stability s: Double) -> Int {
        // Same operations as `Parameters.interval`, with r^(1/decay) − 1 computed once.
        wholeDays((s / parameters.factor) * intervalScale, maximumInterval: maximumInterval)
    }

    /// The card after a review rated `rating` at `date`. `fuzzSeed` (for example
    /// `Fuzz.seed(item:reps:)`) fixes the fuzz when it is on. Throws if `date` is before the card's
    /// previous review.
    public func review(_ card: Card, rating: Rating, at date: Date, fuzzSeed: UInt64 = 0) throws(FSRSError) -> Card {
        var elapsed: Int?
        if let last = card.lastReview {
            guard date >= last else { throw .reviewBeforePreviousReview(review: date, previous: last) }
            elapsed = Self.elapsedDays(from: last, to: date)
        }
        let memory = nextMemory(card.memory, elapsedDays: elapsed, rating: rating)

        var phase: CardPhase
        var step: Int?
        var wait: Wait
        switch card.phase {
        case .learning:
            (phase, step, wait) = stepOutcome(steps: learningSteps, phase: .learning, step: card.step ?? 0, rating: rating)
        case .relearning:
            (phase, step, wait) = stepOutcome(steps: relearningSteps, phase: .relearning, step: card.step ?? 0, rating: rating)
        case .review:
            if rating == .again, let first = relearningSteps.first {
                (phase, step, wait) = (.relearning, 0, .seconds(first))
            } else {
                (phase, step, wait) = (.review, nil, .days(0))
            }
        }
        if phase == .review {
            var days = nextInterval(stability: memory.stability)
            if enableFuzzing {
                var generator = SplitMix64(seed: fuzzSeed)
                days = Fuzz.interval(days, maximumInterval: maximumInterval, unit: generator.nextUnit())
            }
            wait = .days(days)
        }
        let due: Date
        switch wait {
        case .seconds(let seconds): due = date.addingTimeInterval(seconds)
        case .days(let days): due = date.addingTimeInterval(Double(days) * Self.secondsPerDay)
        }
        let lapsed = card.phase == .review && rating == .again
        return Card(
            phase: phase, step: step, memory: memory, due: due, lastReview: date, reps: card.reps + 1,
            lapses: lapsed ? card.lapses + 1 : card.lapses)
    }

    /// The card after each possible rating at `date` (same fuzz seed for all four).
    public func preview(_ card: Card, at date: Date, fuzzSeed: UInt64 = 0) throws(FSRSError) -> [Rating: Card] {
        var outcomes: [Rating: Card] = [:]
        for rating in Rating.allCases {
            outcomes[rating] = try review(card, rating: rating, at: date, fuzzSeed: fuzzSeed)
        }
        return outcomes
    }

    /// Stability and difficulty after a review: initial values for a new card; the same-day
    /// formula under 24 hours; otherwise the long-term formulas with R at the whole days elapsed.
    @inline(__always)
    public func nextMemory(_ memory: MemoryState?, elapsedDays: Int?, rating: Rating) -> MemoryState {
        let w = parameters
        guard let memory else {
            return MemoryState(stability: w.initialStability(rating), difficulty: w.initialDifficulty(rating))
        }
        let stability: Double
        if let days = elapsedDays, days < 1 {
            stability = w.shortTermStability(stability: memory.stability, rating: rating)
        } else {
            // py-fsrs's retrievability is 0 when there is no previous review date.
            let r = elapsedDays.map { w.retrievability(elapsedDays: Double($0), stability: memory.stability) } ?? 0
            stability = w.nextStability(stability: memory.stability, difficulty: memory.difficulty, retrievability: r, rating: rating)
        }
        return MemoryState(stability: stability, difficulty: w.nextDifficulty(memory.difficulty, rating: rating))
    }

    /// How long until the card is due: a (re)learning step in seconds, or a review interval in days.
    enum Wait {
        case seconds(TimeInterval)
        case days(Int)
    }

    /// py-fsrs's (re)learning step logic. Again restarts the steps; Hard repeats the step (1.5 × the
    /// only step, or the mean of the first two on step 0); Good advances or graduates after the last
    /// step; Easy graduates. No steps, or a step index past the end (the steps were shortened), graduates
    /// on anything but Again. Graduation returns `.review` with a placeholder wait.
    func stepOutcome(steps: [TimeInterval], phase: CardPhase, step: Int, rating: Rating) -> (CardPhase, Int?, Wait) {
        let graduate: (CardPhase, Int?, Wait) = (.review, nil, .days(0))
        if steps.isEmpty || (step >= steps.count && rating != .again) { return graduate }
        switch rating {
        case .again:
            return (phase, 0, .seconds(steps[0]))
        case .hard:
            if step == 0 && steps.count == 1 { return (phase, 0, .seconds(steps[0] * 1.5)) }
            if step == 0 { return (phase, 0, .seconds((steps[0] + steps[1]) / 2.0)) }
            return (phase, step, .seconds(steps[step]))
        case .good:
            if step + 1 == steps.count { return graduate }
            return (phase, step + 1, .seconds(steps[step + 1]))
        case .easy:
            return graduate
        }
    }
}
