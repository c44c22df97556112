import FSRS
import Foundation
import ProgressStore

/// How an answer becomes a review for the scheduler, the same in drills and exams.
enum ReviewScheduling {
    /// The review of one exam answer. The exam does not time single questions, so the response
    /// time is 0.
    static func answer(
        learner: Learner.ID, item: String, seed: UInt64, given: String, correct: Bool, rating: Rating,
        at time: Date, session: Session.ID?
    ) -> LearnerAnswer {
        LearnerAnswer(
            learner: learner, item: item, seed: seed, given: given, correct: correct, rating: rating,
            responseMilliseconds: 0, answeredAt: time, session: session)
    }

    /// The card after `answer`, as the drill schedules it: FSRS from the learner's current card (a new
    /// one when the item is new to them), never before the card's last review, fuzz seeded per review;
    /// with an exam date set, the due date is then placed by `ExamSchedule`.
    static func schedule(_ answer: LearnerAnswer, current: Card?, scheduler: Scheduler, exam: ExamSchedule? = nil) -> Card {
        let card = current ?? Card.new(at: answer.answeredAt)
        let at = max(answer.answeredAt, card.lastReview ?? answer.answeredAt)
        let seed = Fuzz.seed(item: answer.item, reps: card.reps)
        guard let next = try? scheduler.review(card, rating: answer.rating, at: at, fuzzSeed: seed) else { return card }
        return exam?.adjust(next, reviewedAt: at, seed: seed) ?? next
    }
}
