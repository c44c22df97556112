/// SplitMix64 (Steele, Lea & Flood 2014): a tiny, fast, seedable generator, so that fuzz depends
/// only on the seed the caller passes (the scheduler never reads a global random source).
///
/// FSRS's own internal copy: the module imports nothing of the project's (the public generator is
/// `Determinism.SplitMix64`; the tests of both pin the same reference outputs).
struct SplitMix64: RandomNumberGenerator, Sendable, Equatable {
    /// The generator's whole state.
    private(set) var state: UInt64

    /// A generator whose output is fixed by `seed`.
    init(seed: UInt64) {
        state = seed
    }

    /// The next 64 random bits.
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A uniform draw in [0, 1) with 53 random bits, like Python's `random()`.
    mutating func nextUnit() -> Double {
        Double(next() >> 11) * 0x1p-53
    }
}
