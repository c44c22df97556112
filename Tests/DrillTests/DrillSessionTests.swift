import FSRS
import Foundation
import ProgressStore
import Questions
import Testing

@testable import Drill

/// The drill as a state machine: input in, events out, all time from the injected clock.
@Suite("Drill session")
struct DrillSessionTests {
    /// Six new vignette items (one per fixture code), nothing due.
    static let vignettes = ItemSelection(kinds: ["vignette"])

    func start(_ fixture: ExamFixture, newLimit: Int? = nil, maxQuestions: Int? = nil) throws -> (DrillSession, ShownQuestion) {
        let session = try DrillSession(
            store: fixture.store, catalog: fixtureCatalog, learner: fixture.learner, scheduler: .default,
            options: DrillOptions(selection: Self.vignettes, newLimit: newLimit, maxQuestions: maxQuestions), clock: fixture.clock.session)
        let events = try session.opening(createdLearner: false)
        guard events.count == 2, case .started(let start) = events[0], case .question(let first) = events[1] else {
            Issue.record("unexpected opening \(events)")
            throw CancellationError()
        }
        #expect(start == DrillStart(learner: "Pat", created: false, planned: session.plannedTotal))
        return (session, first)
    }

    /// A wrong option's label (lower case, as typed) for `shown`.
    func wrongLabel(_ shown: ShownQuestion) throws -> String {
        let question = try fixtureCatalog.question(itemID: shown.item, seed: shown.seed)
        return try #require(question.options.first { !$0.correct }).label.lowercased()
    }

    /// The right answer for `shown`, followed by `suffix`.
    func rightLabel(_ shown: ShownQuestion, _ suffix: String = "") throws -> String {
        let question = try fixtureCatalog.question(itemID: shown.item, seed: shown.seed)
        return try #require(question.answer.label).lowercased() + suffix
    }

    /// Answers `line` and returns the feedback and the next question (nil when the summary came).
    func answer(_ session: DrillSession, _ line: String) throws -> (Feedback, ShownQuestion?) {
        let events = try session.handle(DrillInput(line: line))
        guard case .feedback(let feedback) = events.first else {
            Issue.record("no feedback in \(events)")
            throw CancellationError()
        }
        if case .question(let next) = events.last { return (feedback, next) }
        return (feedback, nil)
    }

    @Test func aMissedItemComesBackAfterThreeOtherQuestions() throws {
        let fixture = try ExamFixture()
        defer { fixture.remove() }
        let (session, first) = try start(fixture)
        #expect(session.plannedTotal == 6)
        var (feedback, shown) = try answer(session, try wrongLabel(first))
        #expect(!feedback.correct && feedback.rating == "again" && feedback.again)
        #expect(session.plannedTotal == 7)
        var order = [first.item]
        while let question = shown {
            order.append(question.item)
            #expect(question.total == 7)
            (_, shown) = try answer(session, try rightLabel(question, "!"))
        }
        #expect(order.count == 7)
        #expect(order[4] == first.item)
        #expect(Set(order).count == 6)
        #expect(session.isFinished)
    }

    @Test func undoingARequeuedAnswerRemovesTheRepeatAndAsksTheItemNext() throws {
        let fixture = try ExamFixture()
        defer { fixture.remove() }
        let (session, first) = try start(fixture)
        let (feedback, second) = try answer(session, try wrongLabel(first))
        #expect(feedback.again)
        #expect(second?.index == 2)

        let events = try session.handle(.undo)
        #expect(events.count == 2)
        #expect(events.first == .undone(Undone(item: first.item, given: feedback.given)))
        guard case .question(let again) = events.last else { throw CancellationError() }
        #expect(again.item == first.item && again.index == 1 && again.total == 6)
        #expect(try fixture.store.reviews(learner: fixture.learner.id).isEmpty)
        #expect(try fixture.store.card(learner: fixture.learner.id, item: first.item) == nil)

        // Answered right and sure this time: it leaves the learning steps and is not asked again.
        var (right, shown) = try answer(session, try rightLabel(again, "!"))
        #expect(right.correct && right.rating == "easy" && !right.again)
        var order = [again.item]
        while let question = shown {
            order.append(question.item)
            (_, shown) = try answer(session, try rightLabel(question, "!"))
        }
        #expect(order.count == 6 && Set(order).count == 6)
        #expect(try fixture.store.reviews(learner: fixture.learner.id).count == 6)
    }

    @Test func newCapsTheNewItemsOfTheSession() throws {
        let fixture = try ExamFixture()
        defer { fixture.remove() }
        let (session, _) = try start(fixture, newLimit: 2)
        #expect(session.plannedTotal == 2)
        let none = try DrillSession(
            store: fixture.store, catalog: fixtureCatalog, learner: fixture.learner, scheduler: .default,
            options: DrillOptions(selection: Self.vignettes, newLimit: 0), clock: fixture.clock.session)
        let events = try none.opening(createdLearner: true)
        #expect(events.first == .started(DrillStart(learner: "Pat", created: true, planned: 0)))
        guard case .summary(let summary) = events.last, events.count == 2 else { throw CancellationError() }
        #expect(summary.answered == 0 && summary.remaining == 0 && none.isFinished)
    }

    @Test func maxCapsTheQuestionsMissedItemsIncluded() throws {
        let fixture = try ExamFixture()
        defer { fixture.remove() }
        let (session, first) = try start(fixture, maxQuestions: 3)
        #expect(session.plannedTotal == 3)
        // The session is full, so a miss is not asked again in it.
        let (missed, second) = try answer(session, try wrongLabel(first))
        #expect(!missed.correct && !missed.again)
        let (_, third) = try answer(session, try rightLabel(try #require(second)))
        let events = try session.handle(DrillInput(line: try rightLabel(try #require(third))))
        guard case .summary(let summary) = events.last else { throw CancellationError() }
        #expect(summary.answered == 3 && summary.correct == 2 && summary.remaining == 0)
    }

    @Test func responseTimesAndTheSessionLengthComeFromTheInjectedClock() throws {
        let fixture = try ExamFixture()
        defer { fixture.remove() }
        let (session, first) = try start(fixture)
        fixture.clock.advance(12.5)
        let (feedback, _) = try answer(session, try rightLabel(first))
        let review = try #require(try fixture.store.reviews(learner: fixture.learner.id).first)
        #expect(review.id == feedback.review)
        #expect(review.answer.responseMilliseconds == 12_500)
        #expect(review.answer.answeredAt == examStart + 12.5)
        fixture.clock.advance(60)
        let events = try session.handle(.quit)
        guard case .summary(let summary) = events.first, events.count == 1 else { throw CancellationError() }
        #expect(summary.seconds == 72 && summary.answered == 1 && summary.remaining == 6)
        #expect(session.isFinished)
        #expect(try session.handle(.skip).isEmpty)
    }

    @Test func helpAndUnusableInputLeaveTheQuestionAndRecordNothing() throws {
        let fixture = try ExamFixture()
        defer { fixture.remove() }
        let (session, _) = try start(fixture)
        #expect(try session.handle(.help) == [.help])
        #expect(try session.handle(.empty) == [.problem(InputProblem(message: "type an answer, or ? for help"))])
        #expect(try session.handle(.undo) == [.problem(InputProblem(message: "nothing to undo in this session"))])
        let events = try session.handle(DrillInput(line: "z"))
        guard case .problem = events.first, events.count == 1 else { throw CancellationError() }
        #expect(try fixture.store.reviews(learner: fixture.learner.id).isEmpty)
    }
}
