import Foundation

extension Parameters {
    /// R(t, S) = (1 + factor · t / S)^decay: the probability of recall `t` days after a review that
    /// left stability `S`. R(0, S) = 1 and R(S, S) = 0.9.
    @inline(__always)
    public func retrievability(elapsedDays t: Double, stability s: Double) -> Double {
        pow(1 + factor * t / s, decay)
    }

    /// I(r, S) = S / factor · (r^(1/decay) − 1) in days, unrounded: the wait after which R falls to
    /// the desired retention `r`. I(0.9, S) = S.
    public func interval(desiredRetention r: Double, stability s: Double) -> Double {
        (s / factor) * (pow(r, 1 / decay) - 1)
    }

    /// The scheduled interval in whole days as py-fsrs rounds it: round half to even, then at least
    /// 1 day, then at most `maximumInterval`.
    public func nextInterval(desiredRetention r: Double, stability s: Double, maximumInterval: Int) -> Int {
        wholeDays(interval(desiredRetention: r, stability: s), maximumInterval: maximumInterval)
    }
}

/// Rounds an interval in days like py-fsrs `_next_interval`: Python `round` (half to even), `max(·, 1)`,
/// `min(·, maximumInterval)`. Clamping before the conversion keeps huge values from trapping.
@inline(__always)
func wholeDays(_ days: Double, maximumInterval: Int) -> Int {
    Int(min(max(days.rounded(.toNearestOrEven), 1), Double(maximumInterval)))
}
