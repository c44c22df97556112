import Foundation
import Testing

@testable import Determinism

@Suite("ISO 8601 dates")
struct ISO8601Tests {
    @Test("parses date-times, fractions, offsets and plain dates to exact instants")
    func parsesTheAcceptedForms() {
        #expect(ISO8601.parse("2026-01-05T09:00:00Z") == Date(timeIntervalSince1970: 1_767_603_600))
        #expect(ISO8601.parse("2026-01-05t09:00:00z") == Date(timeIntervalSince1970: 1_767_603_600))
        #expect(ISO8601.parse("2026-01-05") == Date(timeIntervalSince1970: 1_767_571_200))
        #expect(ISO8601.parse("2024-02-29T23:59:59.250+01:00") == Date(timeIntervalSince1970: 1_709_247_599.25))
        #expect(ISO8601.parse("2000-03-01T00:00:00-0530") == Date(timeIntervalSince1970: 951_888_600))
        #expect(ISO8601.parse("1969-12-31T23:59:59Z") == Date(timeIntervalSince1970: -1))
    }

    @Test(
        "rejects impossible dates, missing zones and stray text",
        arguments: [
            "2026-02-30", "2025-02-29T00:00:00Z", "2026-13-01", "2026-01-05T24:00:00Z", "2026-01-05T09:60:00Z",
            "2026-01-05T09:00:00", "2026-01-05T09:00:00.Z", "2026-01-05T09:00:00Z ", "2026-1-5", "yesterday", "",
        ])
    func rejects(_ text: String) {
        #expect(ISO8601.parse(text) == nil)
    }

    @Test("formats UTC whole seconds, and milliseconds only when asked and present")
    func formats() {
        #expect(ISO8601.format(Date(timeIntervalSince1970: 1_767_603_600)) == "2026-01-05T09:00:00Z")
        #expect(ISO8601.format(Date(timeIntervalSince1970: 1_709_247_599.75)) == "2024-02-29T22:59:59Z")
        #expect(ISO8601.format(Date(timeIntervalSince1970: -1)) == "1969-12-31T23:59:59Z")
        #expect(ISO8601.formatKeepingFraction(Date(timeIntervalSince1970: 1_709_247_599.25)) == "2024-02-29T22:59:59.250Z")
        #expect(ISO8601.formatKeepingFraction(Date(timeIntervalSince1970: 1_767_603_600)) == "2026-01-05T09:00:00Z")
    }

    @Test("agrees with Foundation's formatter and round-trips, every day across leap years and centuries")
    func agreesWithFoundation() {
        let foundation = ISO8601DateFormatter()
        foundation.formatOptions = [.withInternetDateTime]
        var mismatches: [String] = []
        // 1899-12-31 … 2101-01-01, one instant a day at 13:37:05.
        for day in -25_568...47_482 {
            let date = Date(timeIntervalSince1970: Double(day) * 86_400 + 49_025)
            let text = ISO8601.format(date)
            if text != foundation.string(from: date) || ISO8601.parse(text) != date { mismatches.append(text) }
        }
        #expect(mismatches.isEmpty)
    }
}

@Suite("ISO 8601 calendar days")
struct ISO8601DayTests {
    @Test func theDayDependsOnTheTimeZone() {
        let date = ISO8601.parse("2026-01-05T02:30:00Z")!
        #expect(ISO8601.day(date, in: TimeZone(identifier: "UTC")!) == "2026-01-05")
        #expect(ISO8601.day(date, in: TimeZone(identifier: "America/New_York")!) == "2026-01-04")
        #expect(ISO8601.day(date, in: TimeZone(identifier: "Asia/Tokyo")!) == "2026-01-05")
        #expect(ISO8601.day(ISO8601.parse("1969-12-31T23:59:59Z")!, in: TimeZone(identifier: "UTC")!) == "1969-12-31")
    }
}
