import Foundation

@testable import FSRS

/// Parses `2026-01-01T09:00:00Z` (optionally with milliseconds) as the fixtures write it.
func date(_ text: String) -> Date {
    let formatter = ISO8601DateFormatter()
    formatter.formatOptions = text.contains(".") ? [.withInternetDateTime, .withFractionalSeconds] : [.withInternetDateTime]
    guard let parsed = formatter.date(from: text) else { fatalError("bad date \(text)") }
    return parsed
}

/// Whether `actual` is within `relative` of `expected`, relative to `expected`.
func isClose(_ actual: Double, _ expected: Double, relative: Double) -> Bool {
    abs(actual - expected) <= relative * abs(expected)
}

/// The default weights with some of them replaced.
func parameters(replacing changes: [Int: Double]) throws(FSRSError) -> Parameters {
    var values = Parameters.defaultValues
    for (index, value) in changes { values[index] = value }
    return try Parameters(values)
}

/// The scheduler of the replay contract with default weights.
let stepless = try! Scheduler.withoutSteps()
