import Foundation

/// The 21 FSRS-6 model weights w0…w20, validated against the published bounds.
///
/// Roles: w0–w3 initial stability per rating; w4, w5 initial difficulty; w6 difficulty step;
/// w7 mean reversion; w8–w10 growth of stability on success; w11–w14 stability after a lapse;
/// w15 Hard penalty; w16 Easy bonus; w17, w18 same-day update and lapse cap; w19 same-day
/// dependence on stability; w20 decay of the forgetting curve.
public struct Parameters: Sendable, Equatable, Hashable {
    /// How many weights FSRS-6 has.
    public static let count = 21

    /// The FSRS-6 default weights (py-fsrs 6.2.0+ `DEFAULT_PARAMETERS`, fsrs-rs `DEFAULT_PARAMETERS`).
    public static let defaultValues: [Double] = [
        0.212, 1.2931, 2.3065, 8.2956, 6.4133, 0.8334, 3.0194, 0.001, 1.8722, 0.1666, 0.796,
        1.4835, 0.0614, 0.2629, 1.6483, 0.6014, 1.8729, 0.5425, 0.0912, 0.0658, 0.1542,
    ]

    /// Lowest allowed value of each weight (py-fsrs `LOWER_BOUNDS_PARAMETERS`).
    public static let lowerBounds: [Double] = [
        0.001, 0.001, 0.001, 0.001, 1.0, 0.001, 0.001, 0.001, 0.0, 0.0, 0.001,
        0.001, 0.001, 0.001, 0.0, 0.0, 1.0, 0.0, 0.0, 0.0, 0.1,
    ]

    /// Highest allowed value of each weight (py-fsrs `UPPER_BOUNDS_PARAMETERS`).
    public static let upperBounds: [Double] = [
        100, 100, 100, 100, 10.0, 4.0, 4.0, 0.75, 4.5, 0.8, 3.5,
        5.0, 0.25, 0.9, 4.0, 1.0, 6.0, 2.0, 2.0, 0.8, 0.8,
    ]

    /// The FSRS-6 defaults.
    public static let `default` = Parameters(unchecked: defaultValues)

    /// The weights, indexed as in the paper: `w[0]` … `w[20]`.
    public let w: [Double]
    /// The forgetting curve's exponent, −w20.
    public let decay: Double
    /// The forgetting curve's scale, 0.9^(1/decay) − 1, so that R(S, S) = 0.9.
    public let factor: Double

    /// Validates and wraps 21 weights; throws naming the first bad index and the bound it breaks.
    public init(_ values: [Double]) throws(FSRSError) {
        guard values.count == Self.count else { throw .wrongParameterCount(values.count) }
        for (index, value) in values.enumerated() {
            guard value.isFinite else { throw .parameterNotFinite(index: index, value: value) }
            if value < Self.lowerBounds[index] {
                throw .parameterBelowLowerBound(index: index, value: value, bound: Self.lowerBounds[index])
            }
            if value > Self.upperBounds[index] {
                throw .parameterAboveUpperBound(index: index, value: value, bound: Self.upperBounds[index])
            }
        }
        self.init(unchecked: values)
    }

    // Terms of the formulas that depend on the weights alone, computed once with the very same
    // operations the formulas spell out (so the results are bit for bit the same), because the
    // scheduler's cost is dominated by `pow` and `exp`.

    /// e^w8, the growth scale in S'r.
    let eToW8: Double
    /// D0(Easy) unclamped, the mean-reversion target.
    let easyInitialDifficultyUnclamped: Double
    /// e^(w17·w18), the divisor of the lapse cap S / e^(w17·w18).
    let eToW17W18: Double
    /// e^(w17·(G − 3 + w18)) for G = 1…4, the rating part of the same-day increase.
    let shortTermRatingFactor: [Double]

    private init(unchecked values: [Double]) {
        w = values
        decay = -values[20]
        factor = pow(0.9, 1 / decay) - 1
        eToW8 = pow(eulerNumber, values[8])
        easyInitialDifficultyUnclamped = values[4] - pow(eulerNumber, values[5] * Double(Rating.easy.rawValue - 1)) + 1
        eToW17W18 = pow(eulerNumber, values[17] * values[18])
        shortTermRatingFactor = Rating.allCases.map { pow(eulerNumber, values[17] * (Double($0.rawValue - 3) + values[18])) }
    }
}
