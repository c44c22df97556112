/// py-fsrs's interval fuzz: review intervals of 2.5 days or more are spread a little so that cards
/// learned together do not stay due together.
public enum Fuzz {
    /// Bands of the interval and how much of each band's width the spread grows by
    /// (py-fsrs `FUZZ_RANGES`, Anki `fuzz.rs`).
    static let bands: [(start: Double, end: Double, factor: Double)] = [
        (2.5, 7.0, 0.15), (7.0, 20.0, 0.10), (20.0, .infinity, 0.05),
    ]

    /// The spread of an interval: 1 + Σ factor · max(min(days, end) − start, 0).
    public static func delta(intervalDays days: Int) -> Double {
        var delta = 1.0
        for band in bands {
            delta += band.factor * max(min(Double(days), band.end) - band.start, 0.0)
        }
        return delta
    }

    /// py-fsrs's `(min_ivl, max_ivl)`: round(days ∓ delta) (half to even), at least 2, at most
    /// `maximumInterval`, and min ≤ max.
    public static func range(intervalDays days: Int, maximumInterval: Int) -> ClosedRange<Int> {
        let spread = delta(intervalDays: days)
        var low = Int((Double(days) - spread).rounded(.toNearestOrEven))
        var high = Int((Double(days) + spread).rounded(.toNearestOrEven))
        low = max(2, low)
        high = min(high, maximumInterval)
        low = min(low, high)
        return low...high
    }

    /// The fuzzed interval for a uniform draw `unit` in [0, 1), as py-fsrs computes it:
    /// min(round(unit · (high − low + 1) + low), maximumInterval). Intervals under 2.5 days are
    /// returned unchanged. Because of the rounding the result lies in low…high + 1 (capped at the
    /// maximum), with half weight on the two ends.
    public static func interval(_ days: Int, maximumInterval: Int, unit: Double) -> Int {
        guard Double(days) >= 2.5 else { return days }
        let bounds = range(intervalDays: days, maximumInterval: maximumInterval)
        let width = Double(bounds.upperBound - bounds.lowerBound + 1)
        let fuzzed = Int((unit * width + Double(bounds.lowerBound)).rounded(.toNearestOrEven))
        return min(fuzzed, maximumInterval)
    }

    /// A stable seed for one review of one item (FNV-1a of the id's UTF-8, mixed with the review
    /// count), for `Scheduler.review(_:rating:at:fuzzSeed:)`. Unlike `Hasher` it is the same in every
    /// process, so a replayed history gets the same fuzz. FNV-1a is written out here because FSRS
    /// imports nothing of the project's; it equals `Determinism.Fingerprint.value(of:)`.
    public static func seed(item: String, reps: Int) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in item.utf8 {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
        }
        var mixer = SplitMix64(seed: hash ^ UInt64(truncatingIfNeeded: reps))
        return mixer.next()
    }
}
