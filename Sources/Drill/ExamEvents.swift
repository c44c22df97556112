import Foundation
import Questions

/// What an exam session tells the learner in reply to one input line.
public enum ExamEvent: Sendable, Equatable {
    /// The exam's header, first of all.
    case exam(ExamHeader)
    /// A question to answer.
    case question(ExamQuestionView)
    /// An answer or flag was saved.
    case saved(ExamSaved)
    /// Every question with its marks.
    case list(ExamList)
    /// `submit` with unanswered questions: asks for `y` or `n`.
    case confirm(ExamConfirm)
    /// The exam was submitted (by the learner or by the clock).
    case report(ExamReport)
    /// A line that could not be used; nothing changed.
    case problem(InputProblem)
    /// The learner asked for the commands.
    case help
    /// The learner left without submitting (`q` or end of input); the answers are saved.
    case paused(ExamPaused)
}

/// The start of an exam (or of a resumed one).
public struct ExamHeader: Sendable, Equatable, Codable {
    /// Always `exam`.
    public var type = "exam"
    /// The attempt's id (`codedrill exam show ID`).
    public var attempt: Int64
    /// The learner.
    public var learner: String
    /// The blueprint's id (its file name).
    public var blueprint: String
    /// The blueprint's display name.
    public var name: String
    /// Number of questions.
    public var questions: Int
    /// Time allowed in minutes.
    public var minutes: Int
    /// The pass mark in percent; `nil` when the blueprint is no longer in the library.
    public var passPercent: Double?
    /// When the exam started.
    public var startedAt: Date
    /// When time runs out.
    public var deadline: Date
    /// Seconds left now.
    public var secondsLeft: Int
    /// The seed that draws the same exam again (`--seed`); `nil` for a resumed exam.
    public var seed: UInt64?
    /// True when an unfinished exam is continued.
    public var resumed: Bool
    /// Questions answered so far.
    public var answered: Int
    /// Shortfalls of the draw (parts the library cannot fill).
    public var notes: [String]
    /// Areas of the real exam the library does not cover yet (from the blueprint).
    public var uncovered: [String]
}

/// A question as shown during an exam: never says which option is correct.
public struct ExamQuestionView: Sendable, Equatable, Codable {
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
    /// The blueprint part (section) it belongs to.
    public var part: String
    /// The scenario and the question.
    public var stem: String
    /// The options; empty when the answer is typed.
    public var options: [ShownQuestion.ShownOption]
    /// Position in the exam, 1-based.
    public var index: Int
    /// Number of questions.
    public var total: Int
    /// The learner's current answer (with its `?`/`!` suffix); absent while unanswered.
    public var given: String?
    /// Whether the learner flagged it.
    public var flagged: Bool
    /// True when the learner types the answer (a code) instead of choosing a letter.
    public var entry: Bool
    /// Seconds left before the exam is submitted automatically.
    public var secondsLeft: Int
}

/// An answer or a flag, saved.
public struct ExamSaved: Sendable, Equatable, Codable {
    /// Always `saved`.
    public var type = "saved"
    /// What changed: `answer` or `flag`.
    public var changed: String
    /// The question's position.
    public var index: Int
    /// Its answer now (with its `?`/`!` suffix); absent while unanswered.
    public var given: String?
    /// Whether it is flagged now.
    public var flagged: Bool
    /// Questions answered in all.
    public var answered: Int
    /// Number of questions.
    public var total: Int
}

/// Every question of the exam with its marks.
public struct ExamList: Sendable, Equatable, Codable {
    /// One question's marks.
    public struct Entry: Sendable, Equatable, Codable {
        /// Position, 1-based.
        public var index: Int
        /// The blueprint part.
        public var part: String
        /// The current answer; absent while unanswered.
        public var given: String?
        /// Whether it is flagged.
        public var flagged: Bool
    }

    /// Always `list`.
    public var type = "list"
    /// The questions in order.
    public var questions: [Entry]
    /// The question on screen.
    public var current: Int
    /// Questions answered.
    public var answered: Int
    /// Questions flagged.
    public var flagged: Int
    /// Seconds left.
    public var secondsLeft: Int
}

/// `submit` while questions are unanswered: the learner answers `y` or `n`.
public struct ExamConfirm: Sendable, Equatable, Codable {
    /// Always `confirm`.
    public var type = "confirm"
    /// Questions without an answer (they count as wrong).
    public var unanswered: Int
    /// Questions flagged.
    public var flagged: Int
    /// The question to put to the learner.
    public var message: String
}

/// The exam was left without submitting; the answers are saved and the clock keeps running.
public struct ExamPaused: Sendable, Equatable, Codable {
    /// Always `paused`.
    public var type = "paused"
    /// The attempt's id.
    public var attempt: Int64
    /// Questions answered.
    public var answered: Int
    /// Number of questions.
    public var total: Int
    /// When time runs out.
    public var deadline: Date
    /// Seconds left.
    public var secondsLeft: Int
}

/// The score report of a submitted exam.
public struct ExamReport: Sendable, Equatable, Codable {
    /// Right answers out of the questions of one blueprint part.
    public struct PartScore: Sendable, Equatable, Codable {
        /// The part's label (`Musculoskeletal System`).
        public var part: String
        /// Questions from this part.
        public var questions: Int
        /// Right answers among them.
        public var correct: Int
        /// Percentage right, one decimal.
        public var percent: Double
    }

    /// A question answered wrongly or not at all, with the right answer and why.
    public struct Missed: Sendable, Equatable, Codable {
        /// Position in the exam.
        public var index: Int
        /// The blueprint part.
        public var part: String
        /// The question id (`item#seed`).
        public var id: String
        /// The item id.
        public var item: String
        /// The seed.
        public var seed: UInt64
        /// The scenario and question; absent when the item is no longer in the library.
        public var stem: String?
        /// The answer given, as stored (`C`, `C?`, `27285-RT`); absent when unanswered.
        public var given: String?
        /// The chosen option's text, for a multiple-choice answer.
        public var givenText: String?
        /// Why the chosen option is wrong.
        public var givenRationale: String?
        /// The right answer; absent when the item is no longer in the library.
        public var answer: CorrectAnswer?
        /// Why the right answer is right.
        public var rationale: String?
    }

    /// Always `report`.
    public var type = "report"
    /// The attempt's id.
    public var attempt: Int64
    /// The learner.
    public var learner: String
    /// The blueprint's id.
    public var blueprint: String
    /// The blueprint's display name (its id when it is no longer in the library).
    public var name: String
    /// Number of questions.
    public var questions: Int
    /// Questions answered.
    public var answered: Int
    /// Right answers: the score.
    public var correct: Int
    /// The score in percent of all questions, one decimal.
    public var percent: Double
    /// The pass mark in percent; `nil` when the blueprint is no longer in the library.
    public var passPercent: Double?
    /// Whether the score reaches the pass mark; `nil` without a pass mark.
    public var passed: Bool?
    /// When the exam started.
    public var startedAt: Date
    /// When it was submitted (the deadline when the clock submitted it).
    public var submittedAt: Date
    /// When time ran out.
    public var deadline: Date
    /// Time allowed, in minutes.
    public var minutes: Int
    /// Time used, in whole seconds.
    public var secondsUsed: Int
    /// True when the clock submitted the exam.
    public var autoSubmitted: Bool
    /// Scores by blueprint part, in blueprint order.
    public var parts: [PartScore]
    /// Wrong and unanswered questions, in exam order.
    public var missed: [Missed]
}

/// One exam attempt in `codedrill exam history`.
public struct ExamHistoryEntry: Sendable, Equatable, Codable {
    /// Always `attempt`.
    public var type = "attempt"
    /// The attempt's id.
    public var attempt: Int64
    /// The blueprint's id.
    public var blueprint: String
    /// When it started.
    public var startedAt: Date
    /// When it was submitted; absent while open.
    public var submittedAt: Date?
    /// `submitted`, `open` (time left: `--resume` continues it) or `expired` (time ran out; the next
    /// `codedrill exam` submits it).
    public var status: String
    /// Number of questions.
    public var questions: Int
    /// Questions answered.
    public var answered: Int
    /// Right answers; absent until submitted.
    public var correct: Int?
    /// The score in percent, one decimal; absent until submitted.
    public var percent: Double?
    /// Whether it passed; absent until submitted or without a pass mark.
    public var passed: Bool?
}

/// Percentages with one decimal, the one rounding of every exam percentage.
enum Percent {
    /// `part` of `whole` in percent, one decimal; 0 when `whole` is 0.
    static func of(_ part: Int, _ whole: Int) -> Double {
        whole == 0 ? 0 : (Double(part) / Double(whole) * 1000).rounded() / 10
    }

    /// Whether `correct` of `total` reaches `mark` percent, compared without rounding (7 of 10
    /// passes a 70 % mark).
    static func reaches(_ correct: Int, of total: Int, mark: Double) -> Bool {
        Double(correct) * 100 >= mark * Double(total)
    }
}
