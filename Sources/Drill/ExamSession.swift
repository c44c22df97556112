import CodingContent
import FSRS
import Foundation
import ProgressStore
import Questions

/// What the learner asked of a new exam, beyond the blueprint.
public struct ExamSettings: Sendable, Equatable {
    /// Number of questions; the blueprint's when `nil`.
    public var questions: Int?
    /// Time allowed in minutes; the blueprint's when `nil`.
    public var minutes: Int?
    /// The seed of the draw; derived from the clock when `nil`.
    public var seed: UInt64?

    /// Creates settings; the defaults take everything from the blueprint and the clock.
    public init(questions: Int? = nil, minutes: Int? = nil, seed: UInt64? = nil) {
        self.questions = questions
        self.minutes = minutes
        self.seed = seed
    }
}

/// Why an exam cannot start or resume.
public struct ExamProblem: Error, Sendable, Equatable, CustomStringConvertible {
    /// One line saying what is wrong and what to do.
    public var message: String
    /// Creates a problem.
    public init(_ message: String) { self.message = message }
    /// The message.
    public var description: String { message }
}

/// An exam cannot start because the learner has one that is not submitted (possibly started a
/// moment ago by another process): it must be resumed, or submitted once its time is up.
public struct UnfinishedExam: Error, Sendable, Equatable {
    /// The unsubmitted attempt.
    public var attempt: ExamAttempt
    /// Creates the error for `attempt`.
    public init(attempt: ExamAttempt) { self.attempt = attempt }
}

/// A timed mock exam as a state machine over a store, a question catalog, a scheduler and a clock.
///
/// One question is on screen at a time; answers and flags are committed as they are given and
/// nothing says right or wrong until the exam is submitted. Every input first checks the clock:
/// at or past the deadline the exam is submitted with what was answered. On submission the
/// final answer to each answered question is recorded as one review for the scheduler (see
/// `submit`), so changing an answer during the exam never creates two reviews.
public final class ExamSession {
    /// The learner sitting the exam.
    public let learner: Learner
    /// The blueprint, or `nil` when a resumed attempt's blueprint is no longer in the library.
    public let blueprint: Blueprint?
    /// The attempt as stored, with the answers and flags given so far.
    public private(set) var attempt: ExamAttempt
    /// The question on screen, 1-based.
    public private(set) var position: Int
    /// The report, once the exam is submitted.
    public private(set) var report: ExamReport?

    private let store: ProgressStore
    private let catalog: QuestionCatalog
    private let scheduler: Scheduler
    private let clock: () -> Date
    private let header: ExamHeader
    private let parts: [String]
    private var confirming = false

    private init(
        store: ProgressStore, catalog: QuestionCatalog, learner: Learner, blueprint: Blueprint?,
        attempt: ExamAttempt, scheduler: Scheduler, clock: @escaping () -> Date, seed: UInt64?, resumed: Bool, notes: [String]
    ) {
        self.store = store
        self.catalog = catalog
        self.learner = learner
        self.blueprint = blueprint
        self.attempt = attempt
        self.scheduler = scheduler
        self.clock = clock
        parts = attempt.questions.map { ExamParts.label(item: $0.item, blueprint: blueprint, catalog: catalog) }
        position = attempt.questions.first { $0.answer == nil }?.position ?? 1
        let now = clock()
        header = ExamHeader(
            attempt: attempt.id, learner: learner.name, blueprint: attempt.blueprint, name: blueprint?.name ?? attempt.blueprint,
            questions: attempt.questions.count,
            minutes: Int((attempt.deadline.timeIntervalSince(attempt.startedAt) / 60).rounded()),
            passPercent: blueprint?.passPercent, startedAt: attempt.startedAt, deadline: attempt.deadline,
            secondsLeft: ExamSession.seconds(from: now, to: attempt.deadline), seed: seed, resumed: resumed,
            answered: attempt.questions.filter { $0.answer != nil }.count, notes: notes,
            uncovered: blueprint?.uncovered ?? [])
    }

    /// Draws a new exam per `blueprint` and saves it: the questions, a deadline `minutes` from now,
    /// and an exam session. Throws `ExamProblem` when the library has no item the blueprint admits.
    public static func start(
        store: ProgressStore, catalog: QuestionCatalog, learner: Learner, blueprint: Blueprint,
        settings: ExamSettings = ExamSettings(), scheduler: Scheduler,
        clock: @escaping () -> Date
    ) throws -> ExamSession {
        let now = clock()
        let seed = settings.seed ?? defaultSeed(at: now)
        let draw = ExamDraw.draw(
            blueprint: blueprint, items: catalog.items, count: settings.questions ?? blueprint.questionCount, seed: seed)
        guard !draw.questions.isEmpty else {
            throw ExamProblem("the library has no questions for blueprint '\(blueprint.id)' (its parts match no item)")
        }
        let minutes = settings.minutes ?? blueprint.minutes
        // What each question shows is stored with it, so item analysis never regenerates it.
        let presented = draw.questions.map { drawn in
            (try? catalog.question(itemID: drawn.item, seed: drawn.seed)).map(PresentedQuestion.init)
        }
        let started = try store.startExam(
            learner: learner.id, blueprint: blueprint.id, questions: draw.questions.map { ($0.item, $0.seed) },
            presented: presented, startedAt: now, deadline: now.addingTimeInterval(TimeInterval(minutes * 60)))
        switch started {
        case .unfinished(let open):
            throw UnfinishedExam(attempt: open)
        case .started(let attempt):
            return ExamSession(
                store: store, catalog: catalog, learner: learner, blueprint: blueprint, attempt: attempt,
                scheduler: scheduler, clock: clock, seed: seed, resumed: false, notes: draw.notes)
        }
    }

    /// Continues the learner's unfinished attempt (the latest one), with its deadline unchanged, or
    /// returns `nil` when there is none. `blueprints` are the library's, to find the attempt's one.
    public static func resume(
        store: ProgressStore, catalog: QuestionCatalog, learner: Learner, blueprints: [Blueprint],
        scheduler: Scheduler, clock: @escaping () -> Date
    ) throws -> ExamSession? {
        guard let open = try unfinishedAttempt(store: store, learner: learner) else { return nil }
        let blueprint = blueprints.first { $0.id == open.blueprint }
        let notes = blueprint == nil ? ["blueprint '\(open.blueprint)' is no longer in the library: the report will have no pass mark"] : []
        return ExamSession(
            store: store, catalog: catalog, learner: learner, blueprint: blueprint, attempt: open,
            scheduler: scheduler, clock: clock, seed: nil, resumed: true, notes: notes)
    }

    /// The learner's latest attempt that has not been submitted, if any.
    public static func unfinishedAttempt(store: ProgressStore, learner: Learner) throws -> ExamAttempt? {
        try store.examAttempts(learner: learner.id).first { $0.submittedAt == nil }
    }

    /// The default seed: the clock's milliseconds, below 2^31 so that it is easy to type back.
    public static func defaultSeed(at now: Date) -> UInt64 {
        UInt64(max(0, (now.timeIntervalSince1970 * 1000).rounded(.down))) & 0x7fff_ffff
    }

    /// Whole seconds from `now` to `deadline`, never negative.
    static func seconds(from now: Date, to deadline: Date) -> Int {
        max(0, Int(deadline.timeIntervalSince(now).rounded(.up)))
    }

    /// What the learner sees first: the header, then the question on screen, or the report when
    /// time ran out while the exam was away.
    public func opening() throws -> [ExamEvent] {
        var header = self.header
        header.secondsLeft = Self.seconds(from: clock(), to: attempt.deadline)
        if clock() >= attempt.deadline { return [.exam(header), .report(try submit())] }
        return [.exam(header), .question(view())]
    }

    /// Handles one input line. At or past the deadline the exam is submitted first, whatever the line.
    public func handle(_ input: ExamInput) throws -> [ExamEvent] {
        if let report { return [.report(report)] }
        if clock() >= attempt.deadline { return [.report(try submit())] }
        if confirming {
            switch input {
            case .yes: return [.report(try submit())]
            case .no, .next:
                confirming = false
                return [.question(view())]
            case .quit:
                confirming = false
                return [.paused(pause())]
            default:
                return [.problem(InputProblem(message: "type y to submit now, or n to go back to the exam"))]
            }
        }
        switch input {
        case .answer(let text, let confidence):
            return try answer(text, confidence: confidence)
        case .next:
            guard position < attempt.questions.count else {
                return [
                    .problem(
                        InputProblem(
                            message: "this is the last question: g 1 goes to the first, l lists them all, submit hands the exam in"))
                ]
            }
            position += 1
            return [.question(view())]
        case .previous:
            guard position > 1 else {
                return [.problem(InputProblem(message: "this is the first question: n goes to the next, l lists them all"))]
            }
            position -= 1
            return [.question(view())]
        case .go(let target):
            guard (1...attempt.questions.count).contains(target) else {
                return [
                    .problem(
                        InputProblem(message: "there is no question \(target): the exam has questions 1 to \(attempt.questions.count)"))
                ]
            }
            position = target
            return [.question(view())]
        case .flag:
            let flagged = !attempt.questions[position - 1].flagged
            try store.flagExamQuestion(attempt: attempt.id, position: position, flagged: flagged)
            attempt.questions[position - 1].flagged = flagged
            return [.saved(saved("flag"))]
        case .list:
            return [.list(list())]
        case .submit:
            let unanswered = attempt.questions.filter { $0.answer == nil }.count
            guard unanswered == 0 else {
                confirming = true
                let flagged = attempt.questions.filter(\.flagged).count
                let message =
                    "\(unanswered) question\(unanswered == 1 ? " is" : "s are") unanswered and will count as wrong"
                    + (flagged > 0 ? " (\(flagged) flagged)" : "") + ". Submit now? (y/n)"
                return [.confirm(ExamConfirm(unanswered: unanswered, flagged: flagged, message: message))]
            }
            return [.report(try submit())]
        case .yes, .no:
            return [.problem(InputProblem(message: "there is nothing to confirm; type submit to hand the exam in"))]
        case .help:
            return [.help]
        case .quit:
            return [.paused(pause())]
        case .empty:
            return [.problem(InputProblem(message: "type an answer, or ? for help"))]
        case .invalid(let message):
            return [.problem(InputProblem(message: message))]
        }
    }

    /// Leaves the exam without submitting (end of input or `q`): everything is already saved.
    public func pause() -> ExamPaused {
        ExamPaused(
            attempt: attempt.id, answered: attempt.questions.filter { $0.answer != nil }.count,
            total: attempt.questions.count, deadline: attempt.deadline,
            secondsLeft: Self.seconds(from: clock(), to: attempt.deadline))
    }

    /// The question on screen.
    public func view() -> ExamQuestionView {
        let stored = attempt.questions[position - 1]
        // The catalog made these questions when the attempt was drawn; one whose item left the
        // library since (an edited file during a resumed exam) is shown as such and can be skipped.
        let question = try? catalog.question(itemID: stored.item, seed: stored.seed)
        return ExamQuestionView(
            id: question?.id ?? "\(stored.item)#\(stored.seed)", item: stored.item,
            kind: question?.kind.rawValue ?? String(stored.item.split(separator: "/").last ?? ""), seed: stored.seed,
            part: parts[position - 1],
            stem: question?.stem ?? "This question's item (\(stored.item)) is no longer in the library; it cannot be answered.",
            options: question?.options.map { ShownQuestion.ShownOption(label: $0.label, text: $0.text) } ?? [],
            index: position, total: attempt.questions.count, given: stored.answer, flagged: stored.flagged,
            entry: question?.kind.isEntry ?? false, secondsLeft: Self.seconds(from: clock(), to: attempt.deadline))
    }

    private func saved(_ changed: String) -> ExamSaved {
        let stored = attempt.questions[position - 1]
        return ExamSaved(
            changed: changed, index: position, given: stored.answer, flagged: stored.flagged,
            answered: attempt.questions.filter { $0.answer != nil }.count, total: attempt.questions.count)
    }

    private func list() -> ExamList {
        ExamList(
            questions: attempt.questions.enumerated().map { index, question in
                ExamList.Entry(index: question.position, part: parts[index], given: question.answer, flagged: question.flagged)
            },
            current: position, answered: attempt.questions.filter { $0.answer != nil }.count,
            flagged: attempt.questions.filter(\.flagged).count,
            secondsLeft: Self.seconds(from: clock(), to: attempt.deadline))
    }

    /// Judges and saves an answer to the question on screen (no verdict is shown), then moves on:
    /// to the list when every question is answered, else to the next question, else (after the
    /// last) to the first unanswered one.
    private func answer(_ text: String, confidence: Confidence) throws -> [ExamEvent] {
        let stored = attempt.questions[position - 1]
        guard let question = try? catalog.question(itemID: stored.item, seed: stored.seed) else {
            return [
                .problem(InputProblem(message: "this question is no longer in the library and cannot be answered; type n for the next one"))
            ]
        }
        let judgement = question.judge(response: text)
        if let problem = AnswerCheck.problem(question: question, judgement: judgement, response: text) { return [.problem(problem)] }
        let now = clock()
        // Stored with its confidence suffix: the rating is derived from it on submission.
        let given = judgement.response + confidence.suffix
        // With it, what the question showed and what the answer picked, for item analysis.
        try store.answerExamQuestion(
            attempt: attempt.id, position: position, answer: given, correct: judgement.correct, at: now,
            presented: PresentedQuestion(question), choice: ResultRecord.choice(answer: given, question: question))
        attempt.questions[position - 1].answer = given
        attempt.questions[position - 1].correct = judgement.correct
        attempt.questions[position - 1].answeredAt = now
        var events: [ExamEvent] = [.saved(saved("answer"))]
        if let open = attempt.questions.first(where: { $0.answer == nil }) {
            position = position < attempt.questions.count ? position + 1 : open.position
            events.append(.question(view()))
        } else {
            events.append(.list(list()))
        }
        return events
    }

    /// Submits the attempt and records the reviews, in one transaction; returns the report.
    ///
    /// Reviews are recorded here, not as answers are typed: an exam answer may change until the
    /// exam is handed in, and the scheduler must see one answer per question, the final one, at
    /// the time it was given. Recording at submission also keeps the exam free of feedback (a
    /// drill running beside it sees no new cards until the exam ends) and makes the whole
    /// submission atomic. Unanswered questions are not reviews. When the clock submits the exam,
    /// it is submitted as of the deadline.
    @discardableResult
    public func submit() throws -> ExamReport {
        if let report { return report }
        let now = clock()
        let submittedAt = min(now, attempt.deadline)
        let answered = attempt.questions.filter { $0.answer != nil && $0.answeredAt != nil }
            .sorted { ($0.answeredAt!, $0.position) < ($1.answeredAt!, $1.position) }
        let reviews = answered.map { question in
            let (given, confidence) = Confidence.split(question.answer!)
            let correct = question.correct ?? false
            return ReviewScheduling.answer(
                learner: learner.id, item: question.item, seed: question.seed, given: given, correct: correct,
                rating: GradingPolicy.rating(correct: correct, confidence: confidence), at: question.answeredAt!,
                session: attempt.session)
        }
        let scheduler = self.scheduler
        let exam = ExamSchedule(learner: learner, calendar: StudyCalendar())
        let (submitted, _) = try store.submitExamAttempt(attempt.id, at: submittedAt, reviews: reviews) { answer, stored in
            ReviewScheduling.schedule(answer, current: stored, scheduler: scheduler, exam: exam)
        }
        if let session = attempt.session { _ = try store.endSession(session, at: now) }
        attempt = submitted
        confirming = false
        let report = ExamReport(attempt: submitted, learner: learner.name, blueprint: blueprint, catalog: catalog)
        self.report = report
        return report
    }
}
