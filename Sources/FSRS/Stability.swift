import Foundation

extension MemoryState {
    /// The lowest stability py-fsrs allows (`STABILITY_MIN`), in days.
    public static let minimumStability = 0.001
}

extension Parameters {
    /// S0(G) = w[G − 1], at least 0.001: the stability after the first rating.
    public func initialStability(_ rating: Rating) -> Double {
        max(w[rating.rawValue - 1], MemoryState.minimumStability)
    }

    /// S'r = S · (1 + e^w8 · (11 − D) · S^−w9 · (e^(w10·(1 − R)) − 1) · h · b), with h = w15 for Hard
    /// and b = w16 for Easy: stability after a successful review at least a day later, from the
    /// state before it and the retrievability R at the review.
    @inline(__always)
    public func stabilityAfterSuccess(stability s: Double, difficulty d: Double, retrievability r: Double, rating: Rating) -> Double {
        let hardPenalty = rating == .hard ? w[15] : 1
        let easyBonus = rating == .easy ? w[16] : 1
        return s * (1 + eToW8 * (11 - d) * pow(s, -w[9]) * (pow(eulerNumber, (1 - r) * w[10]) - 1) * hardPenalty * easyBonus)
    }

    /// S'f = min(w11 · D^−w12 · ((S + 1)^w13 − 1) · e^(w14·(1 − R)), S / e^(w17·w18)): stability after
    /// a lapse at least a day later; the second term keeps a lapse from raising stability.
    public func stabilityAfterFailure(stability s: Double, difficulty d: Double, retrievability r: Double) -> Double {
        let longTerm = w[11] * pow(d, -w[12]) * (pow(s + 1, w[13]) - 1) * pow(eulerNumber, (1 - r) * w[14])
        let cap = s / eToW17W18
        return min(longTerm, cap)
    }

    /// S'_s = S · SInc with SInc = e^(w17·(G − 3 + w18)) · S^−w19, and SInc ≥ 1 for Hard, Good and Easy
    /// (py-fsrs 6.3.2, fsrs-rs): stability after a review less than a day after the previous one.
    public func shortTermStability(stability s: Double, rating: Rating) -> Double {
        var increase = shortTermRatingFactor[rating.rawValue - 1] * pow(s, -w[19])
        if rating != .again { increase = max(increase, 1.0) }
        return max(s * increase, MemoryState.minimumStability)
    }

    /// The stability after a review at least a day later: success or failure by rating, at least 0.001.
    @inline(__always)
    public func nextStability(stability s: Double, difficulty d: Double, retrievability r: Double, rating: Rating) -> Double {
        let next =
            rating == .again
            ? stabilityAfterFailure(stability: s, difficulty: d, retrievability: r)
            : stabilityAfterSuccess(stability: s, difficulty: d, retrievability: r, rating: rating)
        return max(next, MemoryState.minimumStability)
    }
}
