/// Review histories drawn from a known FSRS-6 memory, for checking and timing the optimizer: a
/// learner whose recall follows `parameters` exactly, reviewing each card after 0.5–2.5 times its
/// stability (at least a day), with an occasional same-day repeat after a lapse.
public enum SimulatedHistories {
    /// `cards` histories of up to `reviewsPerCard` reviews each, fixed by `seed`.
    public static func generate(parameters: [Double], cards: Int, reviewsPerCard: Int, seed: UInt64) -> [TrainingHistory] {
        var random = SplitMix64(seed: seed)
        let c = TrainingLoss.Constants(parameters)
        let w = parameters
        return (0..<cards).map { _ in
            let draw = random.nextUnit()
            let first: Rating = draw < 0.2 ? .again : draw < 0.3 ? .hard : draw < 0.9 ? .good : .easy
            var reviews = [TrainingReview(rating: first, elapsedDays: 0)]
            var s = max(w[first.rawValue - 1], MemoryState.minimumStability)
            var d = TrainingLoss.clampDifficulty(TrainingLoss.initialDifficulty(w, first))
            while reviews.count < reviewsPerCard {
                let t: Int
                if reviews.last?.rating == .again, random.nextUnit() < 0.5 {
                    t = 0
                } else {
                    t = max(1, Int((s * (0.5 + 2 * random.nextUnit())).rounded()))
                }
                let r = t > 0 ? TrainingLoss.retrievabilityValue(w, c, t: Double(t), s: s) : 1
                let rating: Rating
                if random.nextUnit() >= r {
                    rating = .again
                } else {
                    let u = random.nextUnit()
                    rating = u < 0.15 ? .hard : u < 0.9 ? .good : .easy
                }
                reviews.append(TrainingReview(rating: rating, elapsedDays: t))
                s = TrainingLoss.nextStability(w, c, s: s, d: d, r: r, t: Double(t), rating: rating)
                d = TrainingLoss.nextDifficulty(w, c, d: d, rating: rating)
            }
            return TrainingHistory(reviews)
        }
    }
}
