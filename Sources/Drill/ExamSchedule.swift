import FSRS
import Foundation
import ProgressStore

/// A learner's exam date turned into study days for `ExamPlanner`: the hook `ReviewScheduling` calls
/// after the ordinary FSRS step.
public struct ExamSchedule: Sendable {
    /// The planner, with the learner's weights.
    public var planner: ExamPlanner
    /// The start of the exam's study day.
    public var examDayStart: Date
    /// The learner's study calendar.
    public var calendar: StudyCalendar

    /// The learner's exam schedule, or `nil` when no exam date is set.
    public init?(learner: Learner, calendar: StudyCalendar, planner: ExamPlanner? = nil) {
        guard let goal = learner.exam, let start = Self.dayStart(goal.day, calendar: calendar) else { return nil }
        self.planner = planner ?? ExamPlanner(parameters: LearnerScheduling.parameters(of: learner))
        examDayStart = start
        self.calendar = calendar
    }

    /// The start of the study day `day` (`YYYY-MM-DD`) in `calendar`.
    public static func dayStart(_ day: String, calendar: StudyCalendar) -> Date? {
        guard var components = ExamGoal.components(day) else { return nil }
        var gregorian = Calendar(identifier: .gregorian)
        gregorian.timeZone = calendar.timeZone
        components.hour = 12  // noon is inside the study day whatever the rollover hour
        guard let noon = gregorian.date(from: components) else { return nil }
        return calendar.dayStart(containing: noon)
    }

    /// Whole study days from the day containing `date` to the exam day (negative after it).
    public func daysLeft(at date: Date) -> Int {
        let today = calendar.dayStart(containing: date)
        let seconds = examDayStart.timeIntervalSince(today)
        return Int((seconds / Scheduler.secondsPerDay).rounded())
    }

    /// `card` (just reviewed at `date`) with its due date moved by the planner. Cards still in a
    /// (re)learning step keep their step.
    public func adjust(_ card: Card, reviewedAt date: Date, seed: UInt64) -> Card {
        guard card.phase == .review, let memory = card.memory, let ordinary = card.scheduledDays else { return card }
        let left = daysLeft(at: date)
        let days = planner.interval(memory: memory, ordinary: ordinary, daysLeft: left, seed: seed)
        guard days != ordinary else { return card }
        var adjusted = card
        // Due at the start of the chosen study day, so it is in that day's queue whatever the hour.
        adjusted.due = calendar.dayStart(days, after: calendar.dayStart(containing: date))
        return adjusted
    }
}

/// The scheduler each learner's reviews use: their own weights if fitted, else the defaults.
public enum LearnerScheduling {
    /// The learner's weights (the defaults when none are stored or the stored ones are invalid).
    public static func parameters(of learner: Learner) -> Parameters {
        learner.fsrsParameters.flatMap { try? Parameters($0) } ?? .default
    }

    /// The scheduler for `learner`: their weights and desired retention, default steps and fuzz.
    public static func scheduler(for learner: Learner) throws -> Scheduler {
        try Scheduler(parameters: parameters(of: learner), desiredRetention: learner.settings.desiredRetention)
    }
}
