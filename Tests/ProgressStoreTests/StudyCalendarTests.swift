import Foundation
import Testing

@testable import ProgressStore

@Suite("Study calendar")
struct StudyCalendarTests {
    @Test func dayRollsOverAtFourInTheMorningLocalTime() {
        let paris = StudyCalendar(timeZone: TimeZone(identifier: "Europe/Paris")!, rolloverHour: 4)
        // 02:59 UTC is 03:59 in Paris (UTC+1 in January): still the previous study day.
        #expect(paris.dayStart(containing: date("2026-01-05T02:59:00Z")) == date("2026-01-04T03:00:00Z"))
        #expect(paris.dayStart(containing: date("2026-01-05T03:00:00Z")) == date("2026-01-05T03:00:00Z"))
        #expect(paris.dayStart(containing: date("2026-01-05T22:30:00Z")) == date("2026-01-05T03:00:00Z"))
    }

    @Test func daysAcrossDaylightSavingChangesAreCalendarDays() {
        let newYork = StudyCalendar(timeZone: TimeZone(identifier: "America/New_York")!, rolloverHour: 4)
        // DST starts at 02:00 on Sunday 2026-03-08, so the study day from Saturday 04:00 EST to
        // Sunday 04:00 EDT lasts 23 hours.
        let saturday = newYork.dayStart(containing: date("2026-03-07T12:00:00Z"))
        #expect(saturday == date("2026-03-07T09:00:00Z"))
        #expect(newYork.dayStart(1, after: saturday) == date("2026-03-08T08:00:00Z"))
        #expect(newYork.dayStart(2, after: saturday) == date("2026-03-09T08:00:00Z"))
        #expect(newYork.dayStart(-1, after: saturday) == date("2026-03-06T09:00:00Z"))
    }

    @Test func rolloverHourIsClamped() {
        #expect(StudyCalendar(timeZone: .gmt, rolloverHour: 30).rolloverHour == 23)
        #expect(
            StudyCalendar(timeZone: .gmt, rolloverHour: 0).dayStart(containing: date("2026-01-05T00:00:00Z"))
                == date("2026-01-05T00:00:00Z"))
    }
}
