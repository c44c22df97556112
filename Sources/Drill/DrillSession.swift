import Determinism
import FSRS
import Foundation
import ProgressStore
import Questions

/// What a drill may ask today.
public struct DrillOptions: Sendable {
    /// Which items to study.
    public var selection: ItemSelection
    /// At most this many new items this session (never more than the learner's daily limit allows).
    public var newLimit: Int?
    /// At most this many questions this session, missed items coming back included.
    public var maxQuestions: Int?
    /// When study days start (04:00 local by default).
    public var calendar: StudyCalendar

    /// Creates options; the defaults study everything due plus the daily new items.
    public init(
        selection: ItemSelection = .all, newLimit: Int? = nil, maxQuestions: Int? = nil,
        calendar: StudyCalendar = StudyCalendar()
    ) {
        self.selection = selection
        self.newLimit = newLimit
        self.maxQuestions = maxQuestions
        self.calendar = calendar
    }
}

/// A daily drill as a state machine over a store, a question catalog, a scheduler and a clock:
/// due items first, then new ones; each answer is graded, scheduled with FSRS and committed before
/// the next question; missed items come back later in the same session.
///
/// Driven like `ExamSession`: `opening(createdLearner:)`, then one `handle(_:)` per input line, each
/// returning the events to show, until `isFinished`. Quitting is an ordinary input (`.quit`), which
/// is also what end of input or a signal should send.
public final class DrillSession {
    private struct Entry: Equatable {
        var item: String
        var isNew: Bool
    }

    private struct Recorded {
        var review: Review
        var entry: Entry
        var requeued: Bool
        var correct: Bool
    }

    /// The learner studying.
    public let learner: Learner
    private let store: ProgressStore
    private let catalog: QuestionCatalog
    private let scheduler: Scheduler
    private let clock: SessionClock
    private let options: DrillOptions
    /// When the session started; its `sessions` row is written with the first answer, so that a
    /// sitting in which nothing was answered leaves no row (and start-up writes nothing).
    private let startedAt: Date
    private var session: Session?
    /// `clock.elapsed()` at the start, for the session's length.
    private let started: Duration

    private var queue: [Entry]
    private var shown = 0
    private var current: (entry: Entry, question: Question, shownAt: Duration)?
    private var history: [Recorded] = []

    /// How many questions this session has asked or still plans to ask.
    public var plannedTotal: Int { shown + queue.count }
    /// True once the summary was given: the session takes no more input.
    public private(set) var isFinished = false

    /// Starts a session: reads the learner's queue (due first, then new) restricted to the selection.
    public init(
        store: ProgressStore, catalog: QuestionCatalog, learner: Learner, scheduler: Scheduler,
        options: DrillOptions = DrillOptions(), clock: SessionClock
    ) throws {
        self.store = store
        self.catalog = catalog
        self.learner = learner
        self.scheduler = scheduler
        self.options = options
        self.clock = clock
        let now = clock.now()
        started = clock.elapsed()
        let selected = options.selection == .all ? nil : Set(catalog.items(options.selection).map(\.id))
        let due = try store.dueQueue(
            learner: learner.id, at: now, dayStart: options.calendar.dayStart(containing: now),
            filter: ItemFilter(items: selected))
        var entries = due.due.filter { catalog.item(id: $0.item) != nil }.map { Entry(item: $0.item, isNew: false) }
        var fresh = due.new.filter { catalog.item(id: $0.item) != nil }.map { Entry(item: $0.item, isNew: true) }
        if let limit = options.newLimit { fresh = Array(fresh.prefix(max(0, limit))) }
        entries += fresh
        if let max = options.maxQuestions { entries = Array(entries.prefix(Swift.max(0, max))) }
        queue = entries
        startedAt = now
    }

    /// The first events: the session line, then the first question (or the summary when nothing
    /// is planned). `createdLearner` says whether the learner was created for this session.
    public func opening(createdLearner: Bool) throws -> [DrillEvent] {
        [.started(DrillStart(learner: learner.name, created: createdLearner, planned: plannedTotal))] + (try advance())
    }

    /// Handles one input: an answer is graded and saved, then the next question (or the summary)
    /// follows; `skip`, `undo` and `quit` likewise; help and unusable input leave the question as is.
    /// After the summary (`isFinished`) input is ignored.
    public func handle(_ input: DrillInput) throws -> [DrillEvent] {
        guard !isFinished else { return [] }
        switch input {
        case .empty:
            return [.problem(InputProblem(message: "type an answer, or ? for help"))]
        case .help:
            return [.help]
        case .skip:
            skip()
            return try advance()
        case .quit:
            return [.summary(try finish())]
        case .undo:
            guard let undone = try undo() else { return [.problem(InputProblem(message: "nothing to undo in this session"))] }
            return [.undone(undone)] + (try advance())
        case .answer(let text, let confidence):
            let feedback: Feedback
            do {
                feedback = try answer(text, confidence: confidence)
            } catch let problem as InputProblem {
                return [.problem(problem)]
            }
            return [.feedback(feedback)] + (try advance())
        }
    }

    /// The next question, or the summary when the session is done.
    private func advance() throws -> [DrillEvent] {
        if let question = try next() { return [.question(question)] }
        return [.summary(try finish())]
    }

    /// The next question, or `nil` when the session is done. Asking again without answering returns
    /// the same question.
    public func next() throws -> ShownQuestion? {
        if let current { return ShownQuestion(question: current.question, index: shown, total: plannedTotal, isNew: current.entry.isNew) }
        if let max = options.maxQuestions, shown >= max { return nil }
        while !queue.isEmpty {
            let entry = queue.removeFirst()
            let reps = try store.card(learner: learner.id, item: entry.item)?.reps ?? 0
            let seed = ReviewSeed.question(learner: learner.id, item: entry.item, reps: reps)
            guard let question = try? catalog.question(itemID: entry.item, seed: seed) else { continue }
            shown += 1
            current = (entry, question, clock.elapsed())
            return ShownQuestion(question: question, index: shown, total: plannedTotal, isNew: entry.isNew)
        }
        return nil
    }

    /// Grades `response` to the current question, records it and reschedules the item in one
    /// transaction. A response that is not an answer (an unknown letter, an empty code) throws
    /// `InputProblem` and records nothing.
    public func answer(_ response: String, confidence: Confidence) throws -> Feedback {
        guard let current else { throw InputProblem(message: "there is no question to answer") }
        let question = current.question
        let judgement = question.judge(response: response)
        if let problem = AnswerCheck.problem(question: question, judgement: judgement, response: response) { throw problem }
        let rating = GradingPolicy.rating(correct: judgement.correct, confidence: confidence)
        let now = clock.now()
        let item = current.entry.item
        let elapsed = clock.elapsed() - current.shownAt
        let milliseconds = Int(elapsed.components.seconds * 1000 + elapsed.components.attoseconds / 1_000_000_000_000_000)
        let existing = try store.card(learner: learner.id, item: item)
        if let last = existing?.lastReview, now < last {
            throw InputProblem(
                message:
                    "the clock (\(CodedrillJSON.timestamp(now))) is before this item's last review (\(CodedrillJSON.timestamp(last))); check --now"
            )
        }
        let scheduler = self.scheduler
        let exam = ExamSchedule(learner: learner, calendar: options.calendar)
        let answer = LearnerAnswer(
            learner: learner.id, item: item, seed: question.seed, given: judgement.response,
            correct: judgement.correct, rating: rating, responseMilliseconds: milliseconds, answeredAt: now,
            session: try sessionID())
        let review = try store.record(answer) { ReviewScheduling.schedule(answer, current: $0, scheduler: scheduler, exam: exam) }
        self.current = nil
        let after = review.after
        // A card still inside its (re)learning steps comes back after a few other questions.
        let requeue = after.phase != .review && (options.maxQuestions.map { shown + queue.count < $0 } ?? true)
        if requeue {
            queue.insert(Entry(item: item, isNew: false), at: min(3, queue.count))
        }
        history.append(Recorded(review: review, entry: current.entry, requeued: requeue, correct: judgement.correct))
        let chosen = judgement.chosenLabel.flatMap { label in question.options.first { $0.label == label } }
        return Feedback(
            id: question.id, item: item, correct: judgement.correct, rating: "\(rating)", given: judgement.response,
            answer: question.answer, rationale: question.rationale,
            chosenRationale: judgement.correct ? nil : (chosen?.rationale ?? judgement.feedback), modifierNote: judgement.modifierNote,
            due: after.due, dueIn: Wait.describe(from: now, to: after.due), again: requeue, review: review.id)
    }

    /// Skips the current question without recording anything; it is not asked again this session.
    public func skip() {
        current = nil
    }

    /// Removes the last answer of this session from the database (restoring the card exactly) and
    /// asks that item again next. Returns `nil` when nothing in this session can be undone.
    public func undo() throws -> Undone? {
        guard let last = history.last else { return nil }
        _ = try store.undoReview(id: last.review.id)
        history.removeLast()
        if last.requeued, let i = queue.firstIndex(of: Entry(item: last.entry.item, isNew: false)) { queue.remove(at: i) }
        if let current {
            // Put the question on screen back in the queue, after the undone one.
            queue.insert(current.entry, at: 0)
            shown -= 1
            self.current = nil
        }
        queue.insert(last.entry, at: 0)
        shown -= 1
        return Undone(item: last.entry.item, given: last.review.answer.given)
    }

    /// The id of this session's row, written now if this is its first answer.
    private func sessionID() throws -> Session.ID {
        if let session { return session.id }
        let started = try store.startSession(learner: learner.id, kind: .drill, at: startedAt)
        session = started
        return started.id
    }

    /// Ends the session: closes it in the database and reports what was done.
    public func finish() throws -> DrillSummary {
        let now = clock.now()
        if let session { _ = try store.endSession(session.id, at: now) }
        let calendar = options.calendar
        let today = calendar.dayStart(containing: now)
        let stats = try store.stats(learner: learner.id, at: now, calendar: calendar, days: 1, forecastDays: 2)
        let tomorrowStart = calendar.dayStart(1, after: today)
        let dueTomorrow = stats.forecast.first { $0.start == tomorrowStart }?.due ?? 0
        let answered = history.count
        let correct = history.filter(\.correct).count
        let accuracy = answered == 0 ? 0 : (Double(correct) / Double(answered) * 1000).rounded() / 10
        let seconds = Int((clock.elapsed() - started).components.seconds)
        let remaining = queue.count + (current == nil ? 0 : 1)
        isFinished = true
        return DrillSummary(
            learner: learner.name, answered: answered, correct: correct, accuracy: accuracy, seconds: seconds,
            newItems: Set(history.filter(\.entry.isNew).map(\.entry.item)).count, remaining: remaining,
            dueTomorrow: dueTomorrow, streak: stats.streak)
    }
}
