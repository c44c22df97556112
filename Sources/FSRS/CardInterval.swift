import Foundation

extension Card {
    /// Whole days from the last review to `due` (py-fsrs `(due - last_review).days`): the review
    /// interval, 0 while in a (re)learning step, `nil` for a new card.
    public var scheduledDays: Int? {
        lastReview.map { Scheduler.elapsedDays(from: $0, to: due) }
    }
}
