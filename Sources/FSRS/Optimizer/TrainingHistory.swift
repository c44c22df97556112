import Foundation

/// One review as the optimizer sees it: the rating and the whole study days since the card's
/// previous review (0 for the first review and for a repeat on the same study day).
public struct TrainingReview: Sendable, Equatable, Hashable {
    /// The rating given.
    public var rating: Rating
    /// Study days since the previous review of the card (day numbers subtracted, as fsrs-rs counts).
    public var elapsedDays: Int

    /// Creates a review from its rating and elapsed study days.
    public init(rating: Rating, elapsedDays: Int) {
        self.rating = rating
        self.elapsedDays = elapsedDays
    }
}

/// One card's reviews in order, as fsrs-rs trains on them.
public struct TrainingHistory: Sendable, Equatable {
    /// The reviews, first one first.
    public var reviews: [TrainingReview]

    /// Creates a history from reviews already converted to elapsed study days.
    public init(_ reviews: [TrainingReview]) {
        self.reviews = reviews
    }

    /// Converts dated reviews to elapsed study days: a study day starts `rolloverHour` hours after
    /// midnight UTC shifted by `utcOffset` seconds (fsrs-rs and Anki count days after the rollover
    /// hour, not 24-hour periods). The reviews must be in order.
    public init(dated reviews: [(date: Date, rating: Rating)], rolloverHour: Int = 4, utcOffset: TimeInterval = 0) {
        var previousDay: Int?
        self.reviews = reviews.map { review in
            let day = Self.studyDay(review.date, rolloverHour: rolloverHour, utcOffset: utcOffset)
            defer { previousDay = day }
            return TrainingReview(rating: review.rating, elapsedDays: previousDay.map { max(0, day - $0) } ?? 0)
        }
    }

    /// The study day number (days since 1970-01-01's study day) that contains `date`.
    public static func studyDay(_ date: Date, rolloverHour: Int = 4, utcOffset: TimeInterval = 0) -> Int {
        let seconds = date.timeIntervalSince1970 + utcOffset - Double(rolloverHour) * 3600
        return Int((seconds / Scheduler.secondsPerDay).rounded(.down))
    }

    /// The reviews that are prediction targets: every review after the first that comes at least one
    /// study day after the previous one.
    public var targetCount: Int {
        reviews.dropFirst().reduce(0) { $0 + ($1.elapsedDays > 0 ? 1 : 0) }
    }
}
