import FSRS
import Foundation
import ProgressStore
import Testing

@testable import Drill

@Suite struct ExamSessionTests {
    @Test func theExamOpensOnQuestionOneWithItsHeader() throws {
        let fixture = try ExamFixture()
        defer { fixture.remove() }
        let exam = try fixture.start()
        let events = try exam.opening()
        #expect(events.count == 2)
        guard case .exam(let header) = events[0], case .question(let view) = events[1] else {
            Issue.record("unexpected opening \(events)")
            return
        }
        #expect(
            header
                == ExamHeader(
                    attempt: exam.attempt.id, learner: "Pat", blueprint: "mini", name: "Mini exam", questions: 10, minutes: 30,
                    passPercent: 70, startedAt: examStart, deadline: examStart + 1800, secondsLeft: 1800, seed: 7, resumed: false,
                    answered: 0, notes: [], uncovered: []))
        let question = exam.question(at: 1)
        #expect(
            view
                == ExamQuestionView(
                    id: question.id, item: question.item, kind: question.kind.rawValue, seed: question.seed,
                    part: "Musculoskeletal System", stem: question.stem,
                    options: question.options.map { ShownQuestion.ShownOption(label: $0.label, text: $0.text) },
                    index: 1, total: 10, given: nil, flagged: false, entry: question.kind.isEntry, secondsLeft: 1800))
        #expect(exam.attempt.deadline == examStart + 1800)
    }

    @Test func navigationStaysInsideTheExam() throws {
        let fixture = try ExamFixture()
        defer { fixture.remove() }
        let exam = try fixture.start()
        _ = try exam.opening()
        #expect(try exam.handle(.previous).map(\.problemMessage) == ["this is the first question: n goes to the next, l lists them all"])
        #expect(try exam.handle(.next).map(\.questionIndex) == [2])
        #expect(try exam.handle(.go(10)).map(\.questionIndex) == [10])
        #expect(
            try exam.handle(.next).map(\.problemMessage) == [
                "this is the last question: g 1 goes to the first, l lists them all, submit hands the exam in"
            ])
        #expect(try exam.handle(.go(11)).map(\.problemMessage) == ["there is no question 11: the exam has questions 1 to 10"])
        #expect(try exam.handle(.go(0)).map(\.problemMessage) == ["there is no question 0: the exam has questions 1 to 10"])
        #expect(try exam.handle(.previous).map(\.questionIndex) == [9])
        #expect(exam.position == 9)
    }

    @Test func anAnswerIsStoredAtOnceWithoutFeedbackOrReviewAndTheNextQuestionFollows() throws {
        let fixture = try ExamFixture()
        defer { fixture.remove() }
        let exam = try fixture.start()
        fixture.clock.advance(60)
        let events = try exam.handle(ExamInput(line: exam.wrong(1) + "!"))
        let given = exam.question(at: 1).judge(response: exam.wrong(1)).response + "!"
        #expect(events.first == .saved(ExamSaved(changed: "answer", index: 1, given: given, flagged: false, answered: 1, total: 10)))
        #expect(events.dropFirst().map(\.questionIndex) == [2])
        let stored = try fixture.store.examAttempt(id: exam.attempt.id)!.questions[0]
        #expect(stored.answer == given)
        #expect(stored.correct == false)
        #expect(stored.answeredAt == examStart + 60)
        #expect(try fixture.store.reviews(learner: fixture.learner.id).isEmpty)
    }

    @Test func somethingThatIsNotAnOptionIsRefusedAndNothingIsSaved() throws {
        let fixture = try ExamFixture()
        defer { fixture.remove() }
        let exam = try fixture.start()
        let position = (1...10).first { !exam.question(at: $0).kind.isEntry }!
        _ = try exam.handle(.go(position))
        #expect(
            try exam.handle(.answer("z", .plain)).map(\.problemMessage) == [
                "'z' is not one of the options: type a letter a–d or the option's code, optionally followed by ? (unsure) or ! (sure)"
            ])
        #expect(try fixture.store.examAttempt(id: exam.attempt.id)!.questions.allSatisfy { $0.answer == nil })
        #expect(exam.position == position)
    }

    @Test func aFlagTogglesAndIsStored() throws {
        let fixture = try ExamFixture()
        defer { fixture.remove() }
        let exam = try fixture.start()
        _ = try exam.handle(.go(4))
        #expect(try exam.handle(.flag) == [.saved(ExamSaved(changed: "flag", index: 4, given: nil, flagged: true, answered: 0, total: 10))])
        #expect(try fixture.store.examAttempt(id: exam.attempt.id)!.questions.map(\.flagged) == (1...10).map { $0 == 4 })
        #expect(
            try exam.handle(.flag) == [.saved(ExamSaved(changed: "flag", index: 4, given: nil, flagged: false, answered: 0, total: 10))])
        #expect(try fixture.store.examAttempt(id: exam.attempt.id)!.questions.allSatisfy { !$0.flagged })
    }

    @Test func afterTheLastQuestionTheFirstUnansweredFollowsThenTheList() throws {
        let fixture = try ExamFixture()
        defer { fixture.remove() }
        let exam = try fixture.start()
        _ = try exam.handle(.go(10))
        #expect(try exam.handle(.answer(exam.right(10), .plain)).dropFirst().map(\.questionIndex) == [1])
        for position in 1...8 { _ = try exam.handle(.answer(exam.right(position), .plain)) }
        let last = try exam.handle(.answer(exam.right(9), .plain))
        guard case .list(let list)? = last.last else {
            Issue.record("expected the list, got \(last)")
            return
        }
        #expect(list.answered == 10)
        #expect(list.current == 9)
        #expect(
            list.questions.map(\.part) == Array(repeating: "Musculoskeletal System", count: 4)
                + Array(repeating: "Digestive System", count: 4) + Array(repeating: "ICD-10-CM diagnosis coding", count: 2))
    }

    @Test func submittingWithUnansweredQuestionsAsksFirst() throws {
        let fixture = try ExamFixture()
        defer { fixture.remove() }
        let exam = try fixture.start()
        _ = try exam.handle(.answer(exam.right(1), .plain))
        _ = try exam.handle(.flag)
        #expect(
            try exam.handle(.submit) == [
                .confirm(
                    ExamConfirm(
                        unanswered: 9, flagged: 1,
                        message: "9 questions are unanswered and will count as wrong (1 flagged). Submit now? (y/n)"))
            ])
        #expect(try exam.handle(.answer("b", .plain)).map(\.problemMessage) == ["type y to submit now, or n to go back to the exam"])
        #expect(try exam.handle(.next).map(\.questionIndex) == [2])
        #expect(try exam.handle(.yes).map(\.problemMessage) == ["there is nothing to confirm; type submit to hand the exam in"])
        _ = try exam.handle(.submit)
        let report = try #require(try exam.handle(.yes).first?.report)
        #expect(report.correct == 1)
        #expect(report.answered == 1)
        #expect(try fixture.store.examAttempt(id: exam.attempt.id)!.submittedAt == examStart)
    }

    @Test func eachAnsweredQuestionIsOneReviewOfItsFinalAnswerAtSubmission() throws {
        let fixture = try ExamFixture()
        defer { fixture.remove() }
        let exam = try fixture.start()
        fixture.clock.advance(60)
        _ = try exam.handle(.answer(exam.wrong(1), .plain))
        fixture.clock.advance(30)
        _ = try exam.handle(.answer(exam.right(2), .sure))
        fixture.clock.advance(30)
        _ = try exam.handle(.answer(exam.wrong(3), .sure))
        _ = try exam.handle(.go(1))
        fixture.clock.advance(30)
        _ = try exam.handle(.answer(exam.right(1), .unsure))
        #expect(try fixture.store.reviews(learner: fixture.learner.id).isEmpty)
        fixture.clock.advance(100)
        _ = try exam.handle(.submit)
        let report = try #require(try exam.handle(.yes).first?.report)
        #expect(report.correct == 2)

        let reviews = try fixture.store.reviews(learner: fixture.learner.id)
        let questions = exam.attempt.questions
        #expect(reviews.map(\.answer.item) == [questions[1].item, questions[2].item, questions[0].item])
        #expect(reviews.map(\.answer.seed) == [questions[1].seed, questions[2].seed, questions[0].seed])
        #expect(reviews.map(\.answer.answeredAt) == [examStart + 90, examStart + 120, examStart + 150])
        #expect(reviews.map(\.answer.rating) == [.easy, .again, .hard])
        #expect(reviews.map(\.answer.correct) == [true, false, true])
        let responses = [(2, exam.right(2)), (3, exam.wrong(3)), (1, exam.right(1))]
        #expect(reviews.map(\.answer.given) == responses.map { exam.question(at: $0.0).judge(response: $0.1).response })
        #expect(reviews.allSatisfy { $0.answer.session == exam.attempt.session && $0.answer.responseMilliseconds == 0 })
        // The scheduler saw exactly these answers, as a drill would have recorded them.
        for review in reviews {
            let expected = try Scheduler.default.review(
                Card.new(at: review.answer.answeredAt), rating: review.answer.rating, at: review.answer.answeredAt,
                fuzzSeed: Fuzz.seed(item: review.answer.item, reps: 0))
            #expect(review.after == expected)
        }
        #expect(try fixture.store.cards(learner: fixture.learner.id).keys.sorted() == questions[0...2].map(\.item).sorted())
        let session = try #require(try fixture.store.session(id: exam.attempt.session!))
        #expect(session.answered == 3)
        #expect(session.correct == 2)
        #expect(session.endedAt == examStart + 250)
    }

    @Test func aMissedQuestionComesBackInDrills() throws {
        let fixture = try ExamFixture()
        defer { fixture.remove() }
        let exam = try fixture.start()
        _ = try exam.handle(.answer(exam.wrong(1), .plain))
        _ = try exam.handle(.submit)
        _ = try exam.handle(.yes)
        let card = try #require(try fixture.store.card(learner: fixture.learner.id, item: exam.attempt.questions[0].item))
        #expect(card.phase == .learning)
        #expect(card.due == examStart + 60)
        let queue = try fixture.store.dueQueue(learner: fixture.learner.id, at: examStart + 3600, dayStart: examStart)
        #expect(queue.due.map(\.item) == [exam.attempt.questions[0].item])
    }

    @Test func theDeadlineSubmitsOnTheNextInputAsOfTheDeadline() throws {
        let fixture = try ExamFixture()
        defer { fixture.remove() }
        let exam = try fixture.start()
        _ = try exam.handle(.answer(exam.right(1), .plain))
        _ = try exam.handle(.answer(exam.wrong(2), .plain))
        fixture.clock.advance(1799)
        #expect(try exam.handle(.list).count == 1)
        fixture.clock.advance(1)
        let report = try #require(try exam.handle(.answer("a", .plain)).first?.report)
        #expect(report.autoSubmitted)
        #expect(report.submittedAt == examStart + 1800)
        #expect(report.secondsUsed == 1800)
        #expect(report.answered == 2)
        #expect(report.correct == 1)
        #expect(try fixture.store.examAttempt(id: exam.attempt.id)!.score == 1)
        #expect(try fixture.store.reviews(learner: fixture.learner.id).count == 2)
        // Once submitted, further input shows the report again and changes nothing.
        #expect(try exam.handle(.answer("a", .plain)) == [.report(report)])
    }

    @Test func aResumedExamContinuesAtTheFirstUnansweredQuestionWithItsDeadline() throws {
        let fixture = try ExamFixture()
        defer { fixture.remove() }
        #expect(try fixture.resume() == nil)
        let first = try fixture.start()
        _ = try first.handle(.answer(first.right(1), .plain))
        _ = try first.handle(.flag)
        _ = try first.handle(.answer(first.right(2), .plain))
        fixture.clock.advance(300)
        let exam = try #require(try fixture.resume())
        let events = try exam.opening()
        guard case .exam(let header) = events.first else {
            Issue.record("expected the header, got \(events)")
            return
        }
        #expect(header.resumed)
        #expect(header.seed == nil)
        #expect(header.answered == 2)
        #expect(header.secondsLeft == 1500)
        #expect(header.deadline == examStart + 1800)
        #expect(events.dropFirst().map(\.questionIndex) == [3])
        #expect(exam.attempt.questions.map(\.flagged) == (1...10).map { $0 == 2 })
        #expect(exam.attempt.questions == first.attempt.questions)
    }

    @Test func aResumePastTheDeadlineSubmitsAtOnce() throws {
        let fixture = try ExamFixture()
        defer { fixture.remove() }
        let first = try fixture.start()
        _ = try first.handle(.answer(first.right(1), .plain))
        fixture.clock.advance(7200)
        let exam = try #require(try fixture.resume())
        let events = try exam.opening()
        #expect(events.count == 2)
        let report = try #require(events.last?.report)
        #expect(report.autoSubmitted)
        #expect(report.submittedAt == examStart + 1800)
        #expect(report.correct == 1)
        #expect(try fixture.resume() == nil)
    }

    @Test func theReportScoresEachPartAndExplainsEachMiss() throws {
        let fixture = try ExamFixture()
        defer { fixture.remove() }
        let exam = try fixture.start()
        // Right: 1 2 3 5 6 8 9; wrong: 4 7; 10 unanswered.
        for position in 1...9 {
            let response = [4, 7].contains(position) ? exam.wrong(position) : exam.right(position)
            _ = try exam.handle(.answer(response, .plain))
        }
        fixture.clock.advance(754)
        _ = try exam.handle(.submit)
        let report = try #require(try exam.handle(.yes).first?.report)
        #expect(
            report.parts == [
                ExamReport.PartScore(part: "Musculoskeletal System", questions: 4, correct: 3, percent: 75),
                ExamReport.PartScore(part: "Digestive System", questions: 4, correct: 3, percent: 75),
                ExamReport.PartScore(part: "ICD-10-CM diagnosis coding", questions: 2, correct: 1, percent: 50),
            ])
        #expect(report.correct == 7)
        #expect(report.percent == 70)
        #expect(report.passed == true)
        #expect(report.passPercent == 70)
        #expect(report.secondsUsed == 754)
        #expect(report.autoSubmitted == false)
        #expect(report.missed.map(\.index) == [4, 7, 10])
        for missed in report.missed {
            let question = exam.question(at: missed.index)
            #expect(missed.answer == question.answer)
            #expect(missed.rationale == question.rationale)
            #expect(missed.stem == question.stem)
        }
        let four = report.missed[0]
        let chosen = exam.question(at: 4).options.first { $0.label == exam.question(at: 4).judge(response: exam.wrong(4)).chosenLabel }
        #expect(four.givenText == chosen?.text)
        #expect(four.givenRationale == chosen?.rationale)
        #expect(report.missed[2].given == nil)
        // `exam show` rebuilds the same report from the database.
        let stored = try #require(try fixture.store.examAttempt(id: exam.attempt.id))
        #expect(ExamReport(attempt: stored, learner: "Pat", blueprint: miniBlueprint, catalog: fixtureCatalog) == report)
    }

    @Test func aPassMarkIsReachedOnlyByEnoughRightAnswers() throws {
        let fixture = try ExamFixture()
        defer { fixture.remove() }
        let exam = try fixture.start()
        for position in 1...6 { _ = try exam.handle(.answer(exam.right(position), .plain)) }
        _ = try exam.handle(.submit)
        let report = try #require(try exam.handle(.yes).first?.report)
        #expect(report.correct == 6)
        #expect(report.percent == 60)
        #expect(report.passed == false)
        let history = ExamHistoryEntry(attempt: exam.attempt, blueprint: miniBlueprint, at: examStart)
        #expect(
            history
                == ExamHistoryEntry(
                    attempt: exam.attempt.id, blueprint: "mini", startedAt: examStart, submittedAt: examStart, status: "submitted",
                    questions: 10, answered: 6, correct: 6, percent: 60, passed: false))
    }
}
