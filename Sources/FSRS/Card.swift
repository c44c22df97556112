import Foundation

/// Where a card is in py-fsrs's state machine.
public enum CardPhase: String, Sendable, Codable, CaseIterable {
    /// New or still inside its learning steps.
    case learning
    /// Graduated: scheduled in whole days.
    case review
    /// Lapsed from review and inside its relearning steps.
    case relearning
}

// Fields are ordered widest first (dates and counts, then the optionals, then the phase) so that a
// card is 74 bytes of whole words rather than 88 with padding; copying it is most of the review's
// non-arithmetic cost.
/// One learner's scheduling state for one item: everything the scheduler needs to compute the next
/// review, and nothing else.
public struct Card: Sendable, Equatable, Codable {
    /// When the card is next due.
    public var due: Date
    /// Number of reviews so far.
    public var reps: Int
    /// Number of times the card lapsed (Again while in review).
    public var lapses: Int
    /// Stability and difficulty; `nil` until the first review.
    public var memory: MemoryState?
    /// When the card was last reviewed; `nil` for a new card.
    public var lastReview: Date?
    /// Index of the current (re)learning step; `nil` in the review phase.
    public var step: Int?
    /// The card's phase in the learning / review / relearning state machine.
    public var phase: CardPhase

    /// A never-reviewed card, due at `now`.
    public static func new(at now: Date) -> Card {
        Card(phase: .learning, step: 0, memory: nil, due: now, lastReview: nil, reps: 0, lapses: 0)
    }

    /// Creates a card from all its fields.
    public init(
        phase: CardPhase, step: Int?, memory: MemoryState?, due: Date, lastReview: Date?, reps: Int,
        lapses: Int
    ) {
        self.phase = phase
        self.step = step
        self.memory = memory
        self.due = due
        self.lastReview = lastReview
        self.reps = reps
        self.lapses = lapses
    }
}
