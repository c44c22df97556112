import Foundation

/// Where study days begin: a time zone and the local hour at which one day rolls over to the next
/// (04:00 by default, so that a late-night session counts for the evening it started in).
public struct StudyCalendar: Sendable, Equatable {
    /// The learner's time zone.
    public var timeZone: TimeZone
    /// Local hour (0–23) at which a new study day starts.
    public var rolloverHour: Int

    /// Creates a calendar; `rolloverHour` is clamped to 0...23.
    public init(timeZone: TimeZone = .current, rolloverHour: Int = 4) {
        self.timeZone = timeZone
        self.rolloverHour = min(max(rolloverHour, 0), 23)
    }

    private var calendar: Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        return calendar
    }

    /// The start of the study day that contains `date`.
    public func dayStart(containing date: Date) -> Date {
        let calendar = self.calendar
        var midnight = calendar.startOfDay(for: date)
        if calendar.component(.hour, from: date) < rolloverHour {
            midnight = calendar.date(byAdding: .day, value: -1, to: midnight) ?? midnight
        }
        return rollover(onDayOf: midnight, calendar: calendar)
    }

    /// The start of the study day `days` days after the one starting at `dayStart` (negative for
    /// earlier days). Days are calendar days, so a day across a DST change lasts 23 or 25 hours.
    public func dayStart(_ days: Int, after dayStart: Date) -> Date {
        let calendar = self.calendar
        let midnight = calendar.startOfDay(for: dayStart)
        let shifted = calendar.date(byAdding: .day, value: days, to: midnight) ?? midnight
        return rollover(onDayOf: shifted, calendar: calendar)
    }

    private func rollover(onDayOf midnight: Date, calendar: Calendar) -> Date {
        calendar.date(bySettingHour: rolloverHour, minute: 0, second: 0, of: midnight)
            ?? midnight.addingTimeInterval(Double(rolloverHour) * 3600)
    }
}
