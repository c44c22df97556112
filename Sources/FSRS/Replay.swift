import Foundation

extension Scheduler {
    /// The scheduler of the `codedrill fsrs replay` contract: no learning or relearning steps and no
    /// fuzz, so every review goes straight to review with interval I(r, S).
    public static func withoutSteps(parameters: Parameters = .default, desiredRetention: Double = 0.9) throws(FSRSError) -> Scheduler {
        try Scheduler(
            parameters: parameters, desiredRetention: desiredRetention, learningSteps: [], relearningSteps: [],
            enableFuzzing: false)
    }

    /// Replays one item's reviews, in order, on a new card; returns the card after each review.
    /// Fuzz, if on, is seeded with the review count. Throws if a review is dated before the one
    /// before it.
    public func replay(_ reviews: [(date: Date, rating: Rating)]) throws(FSRSError) -> [Card] {
        guard let first = reviews.first else { return [] }
        var card = Card.new(at: first.date)
        var states: [Card] = []
        states.reserveCapacity(reviews.count)
        for review in reviews {
            card = try self.review(card, rating: review.rating, at: review.date, fuzzSeed: UInt64(card.reps))
            states.append(card)
        }
        return states
    }
}
