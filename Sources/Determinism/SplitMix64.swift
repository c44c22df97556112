/// The one public random source of codedrill: a SplitMix64 generator (Steele, Lea & Flood 2014).
///
/// Written here rather than taken from the standard library so that a (item, seed) pair gives the
/// same question on every platform and Swift version: the standard library's `shuffle(using:)` and
/// `random(in:using:)` algorithms are not a stability promise. All draws go through the helpers below.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    @usableFromInline var state: UInt64

    /// Creates a generator whose first output is SplitMix64's first output for `seed`.
    @inlinable
    public init(seed: UInt64) { state = seed }

    /// The next 64 random bits.
    @inlinable
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A uniform draw in [0, 1) with 53 random bits, like Python's `random()`.
    public mutating func nextUnit() -> Double {
        Double(next() >> 11) * 0x1p-53
    }

    /// A uniform integer in `0..<bound` (`bound` > 0), without modulo bias (Lemire's method).
    @inlinable
    public mutating func below(_ bound: Int) -> Int {
        precondition(bound > 0, "bound must be positive")
        let n = UInt64(bound)
        var product = next().multipliedFullWidth(by: n)
        if product.low < n {
            let threshold = (0 &- n) % n
            while product.low < threshold { product = next().multipliedFullWidth(by: n) }
        }
        return Int(product.high)
    }

    /// A uniform integer in `range`.
    @inlinable
    public mutating func int(in range: ClosedRange<Int>) -> Int {
        range.lowerBound + below(range.upperBound - range.lowerBound + 1)
    }

    /// A uniform element of a non-empty array.
    @inlinable
    public mutating func element<T>(of array: [T]) -> T { array[below(array.count)] }

    /// Shuffles `array` in place (Fisher–Yates, from the back).
    @inlinable
    public mutating func shuffle<T>(_ array: inout [T]) {
        var i = array.count - 1
        while i > 0 {
            let j = below(i + 1)
            if i != j { array.swapAt(i, j) }
            i -= 1
        }
    }

    /// `count` distinct indices of `0..<population`, in increasing order (all of them when
    /// `count` ≥ `population`).
    @inlinable
    public mutating func sortedSample(_ count: Int, of population: Int) -> [Int] {
        if count >= population { return Array(0..<max(population, 0)) }
        // Selection sampling (Knuth's algorithm S): one pass, already in order.
        var result: [Int] = []
        result.reserveCapacity(count)
        var needed = count
        for index in 0..<population where needed > 0 {
            if below(population - index) < needed {
                result.append(index)
                needed -= 1
            }
        }
        return result
    }

    /// `count` distinct elements of `array` in random order (all of them, shuffled, when fewer).
    @inlinable
    public mutating func sample<T>(_ count: Int, from array: [T]) -> [T] {
        var picked = sortedSample(count, of: array.count).map { array[$0] }
        shuffle(&picked)
        return picked
    }
}
