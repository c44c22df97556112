import Foundation

/// How the store writes instants: whole milliseconds since 1970-01-01T00:00:00Z, as SQLite INTEGER.
///
/// Integers keep the due-date index small and compare exactly; dates read back from the store are
/// therefore rounded to the millisecond.
enum Timestamp {
    /// Milliseconds since the Unix epoch, rounded to the nearest millisecond.
    static func milliseconds(_ date: Date) -> Int64 {
        Int64((date.timeIntervalSince1970 * 1000).rounded())
    }

    /// The instant `milliseconds` after the Unix epoch.
    static func date(_ milliseconds: Int64) -> Date {
        Date(timeIntervalSince1970: Double(milliseconds) / 1000)
    }

    /// `date(milliseconds)`, or `nil` for `nil`.
    static func date(_ milliseconds: Int64?) -> Date? {
        milliseconds.map { date($0) }
    }
}
