import Foundation

/// Everything the FSRS module can refuse: bad parameters, bad scheduler settings, reviews out of order.
public enum FSRSError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The parameter list does not have exactly 21 values.
    case wrongParameterCount(Int)
    /// Parameter `w[index]` is NaN or infinite.
    case parameterNotFinite(index: Int, value: Double)
    /// Parameter `w[index]` is below its published lower bound.
    case parameterBelowLowerBound(index: Int, value: Double, bound: Double)
    /// Parameter `w[index]` is above its published upper bound.
    case parameterAboveUpperBound(index: Int, value: Double, bound: Double)
    /// The desired retention is not in (0, 1].
    case desiredRetentionOutOfRange(Double)
    /// The maximum interval is below one day.
    case maximumIntervalTooSmall(Int)
    /// A (re)learning step is negative or not finite.
    case invalidStep(kind: String, index: Int, seconds: TimeInterval)
    /// A review is dated before the card's previous review.
    case reviewBeforePreviousReview(review: Date, previous: Date)

    /// One line saying what is wrong, naming the bad value and the rule it breaks.
    public var description: String {
        switch self {
        case .wrongParameterCount(let count):
            return "expected \(Parameters.count) parameters (w0…w20), got \(count)"
        case .parameterNotFinite(let index, let value):
            return "parameter w\(index) = \(value) is not a finite number"
        case .parameterBelowLowerBound(let index, let value, let bound):
            return "parameter w\(index) = \(value) is below its lower bound \(bound)"
        case .parameterAboveUpperBound(let index, let value, let bound):
            return "parameter w\(index) = \(value) is above its upper bound \(bound)"
        case .desiredRetentionOutOfRange(let value):
            return "desired retention \(value) is outside (0, 1]"
        case .maximumIntervalTooSmall(let days):
            return "maximum interval \(days) days is below 1 day"
        case .invalidStep(let kind, let index, let seconds):
            return "\(kind) step \(index) = \(seconds) s is not a finite, non-negative duration"
        case .reviewBeforePreviousReview(let review, let previous):
            return "review at \(Self.timestamp(review)) is before the previous review at \(Self.timestamp(previous))"
        }
    }

    /// ISO 8601 in UTC, with fractional seconds only when the date has them.
    static func timestamp(_ date: Date) -> String {
        let seconds = date.timeIntervalSince1970
        let whole = seconds.rounded(.down) == seconds
        return date.formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: !whole))
    }
}
