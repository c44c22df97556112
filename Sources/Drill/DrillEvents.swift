import Foundation
import Questions

/// A question as shown to the learner: never says which option is correct.
public struct ShownQuestion: Sendable, Equatable, Codable {
    /// One option as shown: label and text only.
    public struct ShownOption: Sendable, Equatable, Codable {
        /// `A`, `B`, …
        public var label: String
        /// The option's text.
        public var text: String
    }

    /// Always `question`.
    public var type = "question"
    /// The question id (`cpt:27284/vignette#123`).
    public var id: String
    /// The item id.
    public var item: String
    /// The question kind.
    public var kind: String
    /// The seed that reproduces it (`codedrill questions --item … --seed …`).
    public var seed: UInt64
    /// The scenario and the question.
    public var stem: String
    /// The options; empty when the answer is typed.
    public var options: [ShownOption]
    /// Position in the session, 1-based.
    public var index: Int
    /// Questions in the session so far (grows when a missed item comes back).
    public var total: Int
    /// True when the learner has never seen this item.
    public var new: Bool
    /// True when the learner types the answer (a code) instead of choosing a letter.
    public var entry: Bool

    /// Shows `question` at `index` of `total`.
    public init(question: Question, index: Int, total: Int, isNew: Bool) {
        id = question.id
        item = question.item
        kind = question.kind.rawValue
        seed = question.seed
        stem = question.stem
        options = question.options.map { ShownOption(label: $0.label, text: $0.text) }
        self.index = index
        self.total = total
        new = isNew
        entry = question.kind.isEntry
    }
}

/// What the learner learns after answering.
public struct Feedback: Sendable, Equatable, Codable {
    /// Always `feedback`.
    public var type = "feedback"
    /// The question id.
    public var id: String
    /// The item id.
    public var item: String
    /// Whether the answer was right.
    public var correct: Bool
    /// The FSRS rating the answer produced (`again`, `hard`, `good`, `easy`).
    public var rating: String
    /// The answer as understood (an option label, or the normalised code).
    public var given: String
    /// The right answer: its label (for choices) and text.
    public var answer: CorrectAnswer
    /// Why the right answer is right.
    public var rationale: String
    /// Why the chosen option is wrong, when a wrong option was chosen.
    public var chosenRationale: String?
    /// A note on the modifier typed with a code, if any.
    public var modifierNote: String?
    /// When the item is due next.
    public var due: Date
    /// The wait until then, in words ("10 minutes", "4 days").
    public var dueIn: String
    /// True when the item comes back later in this session (a learning or relearning step).
    public var again: Bool
    /// The review's row id in the database.
    public var review: Int64
}

/// The end of a session.
public struct DrillSummary: Sendable, Equatable, Codable {
    /// Always `summary`.
    public var type = "summary"
    /// The learner.
    public var learner: String
    /// Answers recorded in this session.
    public var answered: Int
    /// Right answers among them.
    public var correct: Int
    /// Percentage right (0 when nothing was answered), one decimal.
    public var accuracy: Double
    /// Wall-clock length of the session in seconds.
    public var seconds: Int
    /// Items new to the learner that were answered.
    public var newItems: Int
    /// Questions left unanswered in the queue (the session was quit or input ended).
    public var remaining: Int
    /// Cards due by the end of tomorrow's study day that are not due today.
    public var dueTomorrow: Int
    /// Consecutive study days up to today.
    public var streak: Int
}

/// A line the session could not use as an answer; nothing was recorded.
public struct InputProblem: Sendable, Equatable, Codable, Error {
    /// Always `error`.
    public var type = "error"
    /// What was wrong and what to type instead.
    public var message: String

    /// Creates a problem report.
    public init(message: String) { self.message = message }
}

/// What `undo` did.
public struct Undone: Sendable, Equatable, Codable {
    /// Always `undone`.
    public var type = "undone"
    /// The item whose answer was removed; it is asked again next.
    public var item: String
    /// The answer that was removed.
    public var given: String
}

/// The first line of a drill: who studies and how many questions are planned.
public struct DrillStart: Sendable, Equatable, Codable {
    /// Always `session`.
    public var type = "session"
    /// The learner.
    public var learner: String
    /// True when the learner was created for this session.
    public var created: Bool
    /// Questions planned (due first, then new).
    public var planned: Int
}

/// What a drill session says in reply to an input, in order; the command line renders each.
public enum DrillEvent: Sendable, Equatable {
    /// The session started.
    case started(DrillStart)
    /// A question to answer.
    case question(ShownQuestion)
    /// The verdict on an answer, which is already saved.
    case feedback(Feedback)
    /// The last answer was removed; its item is asked again next.
    case undone(Undone)
    /// The input was not usable; nothing was recorded.
    case problem(InputProblem)
    /// The learner asked for the commands.
    case help
    /// The session is over (done, quit or end of input).
    case summary(DrillSummary)
}

/// The time a drill reads, injected so that tests pin it: the date stored with answers (`--now`
/// fixes it) and a monotonic reading for durations (response times, the session's length).
public struct SessionClock: Sendable {
    /// The current date.
    public var now: @Sendable () -> Date
    /// Time since some fixed origin; only differences are used.
    public var elapsed: @Sendable () -> Duration

    /// A clock from its two readings.
    public init(now: @escaping @Sendable () -> Date, elapsed: @escaping @Sendable () -> Duration) {
        self.now = now
        self.elapsed = elapsed
    }

    /// The system's clocks: `Date()` (or `fixedDate`) and `ContinuousClock` for durations.
    public static func system(fixedDate: Date? = nil) -> SessionClock {
        let origin = ContinuousClock.now
        return SessionClock(now: { fixedDate ?? Date() }, elapsed: { ContinuousClock.now - origin })
    }
}
