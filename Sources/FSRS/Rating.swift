/// How well a learner recalled an item, as FSRS grades it (G in the formulas).
public enum Rating: Int, Sendable, Codable, CaseIterable, Comparable {
    /// Forgot: the answer was wrong.
    case again = 1
    /// Recalled with difficulty: right, but marked unsure.
    case hard = 2
    /// Recalled: right.
    case good = 3
    /// Recalled easily: right, and marked sure.
    case easy = 4

    /// Orders ratings from Again to Easy.
    public static func < (lhs: Rating, rhs: Rating) -> Bool { lhs.rawValue < rhs.rawValue }
}
