import Foundation

extension MemoryState {
    /// The lowest difficulty.
    public static let minimumDifficulty = 1.0
    /// The highest difficulty.
    public static let maximumDifficulty = 10.0
}

/// Python's `math.e`. py-fsrs writes e^x as `math.e ** x`, which rounds differently from `exp(x)` in
/// about half the cases (by one unit in the last place); raising the same constant to the power
/// keeps the results bit for bit those of py-fsrs.
let eulerNumber = 2.718281828459045

extension Parameters {
    /// D0(G) = w4 − e^(w5·(G − 1)) + 1, the difficulty after the first rating, clamped to [1, 10]
    /// unless `clamped` is false (mean reversion uses the raw D0(Easy)).
    public func initialDifficulty(_ rating: Rating, clamped: Bool = true) -> Double {
        let d0 = w[4] - pow(eulerNumber, w[5] * Double(rating.rawValue - 1)) + 1
        return clamped ? clampDifficulty(d0) : d0
    }

    /// ΔD = −w6 · (G − 3): how far one rating pushes difficulty before damping.
    public func deltaDifficulty(_ rating: Rating) -> Double {
        -(w[6] * Double(rating.rawValue - 3))
    }

    /// (10 − D) · ΔD / 9: the step shrinks as D approaches 10.
    public func linearDamping(deltaDifficulty delta: Double, difficulty d: Double) -> Double {
        (10.0 - d) * delta / 9.0
    }

    /// w7 · D0(Easy) + (1 − w7) · D: a small pull toward the unclamped initial difficulty of Easy.
    public func meanReversion(_ d: Double) -> Double {
        w[7] * easyInitialDifficultyUnclamped + (1 - w[7]) * d
    }

    /// D' = clamp(meanReversion(D + linearDamping(ΔD, D)), 1, 10): difficulty after any review
    /// (also same-day ones).
    @inline(__always)
    public func nextDifficulty(_ d: Double, rating: Rating) -> Double {
        let damped = d + linearDamping(deltaDifficulty: deltaDifficulty(rating), difficulty: d)
        return clampDifficulty(meanReversion(damped))
    }

    /// Clamps to [1, 10].
    func clampDifficulty(_ d: Double) -> Double {
        min(max(d, MemoryState.minimumDifficulty), MemoryState.maximumDifficulty)
    }
}
