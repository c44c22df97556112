/// The two FSRS memory variables of one learner for one item.
public struct MemoryState: Sendable, Equatable, Hashable, Codable {
    /// S: the interval in days at which the probability of recall falls to 90 %.
    public var stability: Double
    /// D: how hard the item is for this learner, in [1, 10].
    public var difficulty: Double

    /// Creates a memory state from its stability (days) and difficulty.
    public init(stability: Double, difficulty: Double) {
        self.stability = stability
        self.difficulty = difficulty
    }
}
