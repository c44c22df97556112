import CodingContent
import Determinism
import FSRS
import Foundation
import ProgressStore
import Questions
import Testing

@testable import Drill

/// A class's database: each learner sits the 4-question exam `quiz` over four vignette items of the
/// fixture library, right or wrong as `ClassFixture.marks` says.
struct ClassDatabase {
    static let items = Array(fixtureCatalog.items.filter { $0.kind == .vignette }.map(\.id).sorted().prefix(4))

    let directory: URL
    let store: ProgressStore
    /// Whether answers are stored as `codedrill exam` stores them since schema v4 (with the options
    /// shown, the key and the choice), or as before (item and seed only, regenerated when read).
    let storing: Bool

    /// `learners` by name; `index` offsets start times and seeds so that every database draws the same.
    init(_ learners: [(name: String, marks: [Double])], storing: Bool = false) throws {
        self.storing = storing
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("codedrill-results-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        store = try ProgressStore(path: directory.appendingPathComponent("progress.sqlite").path)
        try LibrarySync.sync(store: store, catalog: fixtureCatalog, library: fixtureLibrary, at: examStart)
        for (name, marks) in learners {
            let index = ClassFixture.marks.firstIndex { $0.0 == name }!
            let learner = try store.addLearner(named: name, at: examStart.addingTimeInterval(Double(index)))
            try sit(learner, marks: marks, at: examStart.addingTimeInterval(3600 * Double(index + 1)), seedBase: UInt64(index * 10))
        }
    }

    /// Submits one `quiz` attempt for `learner`: the right option where the mark is 1, the first wrong
    /// one where it is 0, and no answer at all for a mark of -1.
    @discardableResult
    func sit(_ learner: Learner, marks: [Double], at start: Date, seedBase: UInt64, submit: Bool = true) throws -> ExamAttempt {
        let questions = Self.items.enumerated().map { (item: $1, seed: seedBase + UInt64($0)) }
        let shown = try questions.map { try fixtureCatalog.question(itemID: $0.item, seed: $0.seed) }
        let attempt = try store.startExamAttempt(
            learner: learner.id, blueprint: "quiz", questions: questions, presented: storing ? shown.map(PresentedQuestion.init) : [],
            startedAt: start, deadline: start.addingTimeInterval(1800))
        for (index, question) in shown.enumerated() where marks[index] >= 0 {
            let option = question.options.first { $0.correct == (marks[index] > 0) }!
            let answer = option.label.lowercased()
            try store.answerExamQuestion(
                attempt: attempt.id, position: index + 1, answer: answer, correct: option.correct,
                at: start.addingTimeInterval(Double(60 * (index + 1))), presented: storing ? PresentedQuestion(question) : nil,
                choice: storing ? ResultRecord.choice(answer: answer, question: question) : nil)
        }
        return submit ? try store.submitExamAttempt(attempt.id, at: start.addingTimeInterval(600)) : attempt
    }

    /// Every stored response as export records.
    func records(anonymize: Bool = false, includeDrills: Bool = false) throws -> [ResultRecord] {
        try store.recordedResponses(includeDrills: includeDrills).map { ResultRecord($0, catalog: fixtureCatalog, anonymize: anonymize) }
    }

    func remove() { try? FileManager.default.removeItem(at: directory) }
}

@Suite("Results: one database and many exports give the same figures")
struct ResultsTests {
    @Test func twoExportedDatabasesMatchOneDatabaseHoldingEveryone() throws {
        let everyone = try ClassDatabase(ClassFixture.marks.map { ($0.0, $0.1) })
        let first = try ClassDatabase(ClassFixture.marks.prefix(3).map { ($0.0, $0.1) })
        let second = try ClassDatabase(ClassFixture.marks.suffix(2).map { ($0.0, $0.1) })
        defer {
            everyone.remove()
            first.remove()
            second.remove()
        }

        let direct = ItemAnalysis(attempts: try ResultSelection.attempts(try everyone.records()))
        let fromFiles =
            try ResultLines.parse(try ResultLines.text(try first.records()), file: "a.jsonl")
            + ResultLines.parse(try ResultLines.text(try second.records()), file: "b.jsonl")
        let combined = ItemAnalysis(attempts: try ResultSelection.attempts(fromFiles))
        #expect(combined == direct)
        #expect(try CodedrillJSON.string(combined, pretty: false) == CodedrillJSON.string(direct, pretty: false))

        // The stored class is the hand-computed one: same facility, the reversed item's discrimination.
        #expect(direct.test.attempts == 5)
        #expect(abs(direct.test.mean! - 55) < 1e-9)
        #expect(abs(direct.test.internalConsistency! - -76.190476) < 1e-4)
        let reversed = direct.items.first { $0.item == ClassDatabase.items[3] }!
        #expect(reversed.facility == 40)
        #expect(abs(reversed.discriminationIndex! - -91.01821) < 1e-4)
        // Four options (the key, its first alternative and two more of its family and alternatives): 1/4.
        #expect(abs(reversed.randomGuessScore! - 100.0 / 4) < 1e-9)
        #expect(reversed.answers.first { $0.correct }?.count == 2)
        #expect(reversed.answers.reduce(0) { $0 + $1.count } == 5)
    }

    @Test func answersStoredAsShownGiveTheSameRecordsAndReportAsRegeneratingTheirQuestions() throws {
        let regenerated = try ClassDatabase(ClassFixture.marks.map { ($0.0, $0.1) })
        let stored = try ClassDatabase(ClassFixture.marks.map { ($0.0, $0.1) }, storing: true)
        defer {
            regenerated.remove()
            stored.remove()
        }
        // One more learner leaves a question blank in both.
        for database in [regenerated, stored] {
            let pat = try database.store.addLearner(named: "Pat", at: examStart)
            try database.sit(pat, marks: [1, -1, 0, 1], at: examStart.addingTimeInterval(36_000), seedBase: 70)
        }
        let old = try regenerated.store.recordedResponses()
        let new = try stored.store.recordedResponses()
        #expect(old.count == 24 && new.count == 24)
        #expect(old.allSatisfy { !$0.isStoredWhole })
        #expect(new.allSatisfy { $0.isStoredWhole })

        // Stored records need no library at all: an empty catalog gives the same records.
        let noLibrary = QuestionCatalog(generator: QuestionGenerator(procedures: []), authored: [])
        let fromStore = ResultRecord.records(new, catalog: noLibrary, anonymize: false)
        let fromLibrary = ResultRecord.records(old, catalog: fixtureCatalog, anonymize: false)
        #expect(fromStore == fromLibrary)
        #expect(try ResultLines.text(fromStore) == ResultLines.text(fromLibrary))
        #expect(fromStore[1].options?.count == 4 && fromStore[1].choice == fromStore[1].key)
        let direct = ItemAnalysis(attempts: try ResultSelection.attempts(fromLibrary))
        #expect(
            try CodedrillJSON.string(ItemAnalysis(attempts: try ResultSelection.attempts(fromStore)), pretty: false)
                == CodedrillJSON.string(direct, pretty: false))
        // Without stored columns, an empty catalog knows neither the options nor the key.
        #expect(ResultRecord.records(old, catalog: noLibrary, anonymize: false).allSatisfy { $0.options == nil && $0.key == nil })
    }

    @Test func anExamStoresWhatEachQuestionShowedAndWhatEachAnswerPicked() throws {
        let fixture = try ExamFixture()
        defer { fixture.remove() }
        let exam = try fixture.start()
        fixture.clock.advance(60)
        _ = try exam.handle(.answer(exam.wrong(1), .plain))
        _ = try exam.handle(.answer(exam.right(2), .sure))
        _ = try exam.handle(.answer(exam.wrong(3), .unsure))
        _ = try exam.handle(.go(1))
        _ = try exam.handle(.answer(exam.right(1), .unsure))
        _ = try exam.handle(.submit)
        #expect(try exam.handle(.yes).first?.report?.correct == 2)

        let responses = try fixture.store.recordedResponses()
        #expect(responses.count == 10)
        #expect(responses.allSatisfy { $0.isStoredWhole })
        #expect(responses.map(\.presented) == (1...10).map { PresentedQuestion(exam.question(at: $0)) })
        #expect(responses.map { $0.answer == nil } == [false, false, false] + Array(repeating: true, count: 7))
        // The changed answer's choice is the final one: the key, like question 2's.
        #expect(responses[0].choice == exam.question(at: 1).answer.text)
        #expect(responses[1].choice == exam.question(at: 2).answer.text)
        #expect(responses[2].choice != nil && responses[2].choice != responses[2].presented?.key)
        // Read as stored, or regenerated as an answer stored before schema v4 is: the same records.
        var older = responses
        for index in older.indices {
            older[index].presented = nil
            older[index].choice = nil
        }
        #expect(
            ResultRecord.records(responses, catalog: fixtureCatalog, anonymize: false)
                == ResultRecord.records(older, catalog: fixtureCatalog, anonymize: false))
    }

    @Test func anonymizedExportsKeepTheFiguresAndHideTheNames() throws {
        let database = try ClassDatabase(ClassFixture.marks.map { ($0.0, $0.1) })
        defer { database.remove() }
        let named = try database.records()
        let hidden = try database.records(anonymize: true)
        #expect(Set(hidden.map(\.learner)).count == 5)
        #expect(hidden.allSatisfy { $0.learner.hasPrefix("learner-") && $0.learner.count == 20 })
        #expect(try database.records(anonymize: true) == hidden)
        let plain = ItemAnalysis(attempts: try ResultSelection.attempts(named))
        let anonymous = ItemAnalysis(attempts: try ResultSelection.attempts(hidden))
        #expect(plain.items == anonymous.items)
        #expect(plain.test == anonymous.test)
        // Another database's learner of the same name gets another pseudonym.
        #expect(
            ResultRecord.pseudonym(for: "A", addedAt: examStart)
                != ResultRecord.pseudonym(for: "A", addedAt: examStart.addingTimeInterval(0.001)))
    }

    @Test func onlyTheFirstSubmittedAttemptOfEachLearnerCounts() throws {
        let database = try ClassDatabase(ClassFixture.marks.map { ($0.0, $0.1) })
        defer { database.remove() }
        let a = try database.store.learner(named: "A")!
        // A's second attempt (all right) and an open one are ignored; E leaves a question blank later.
        try database.sit(a, marks: [1, 1, 1, 1], at: examStart.addingTimeInterval(86_400), seedBase: 500)
        try database.sit(a, marks: [0, 0, 0, 0], at: examStart.addingTimeInterval(90_000), seedBase: 600, submit: false)
        let records = try database.records()
        #expect(Set(records.compactMap(\.attempt)).count == 6)
        let attempts = try ResultSelection.attempts(records)
        #expect(attempts.map(\.learner) == ["A", "B", "C", "D", "E"])
        #expect(attempts[0].total == 3)
        // --since after the first attempts: A's second attempt is now A's first in the window.
        let later = try ResultSelection.attempts(records, filter: ResultFilter(since: examStart.addingTimeInterval(80_000)))
        #expect(later.map(\.learner) == ["A"])
        #expect(later[0].total == 4)
        #expect(try ResultSelection.attempts(records, filter: ResultFilter(blueprint: "cpc-mock")).isEmpty)
    }

    @Test func anUnansweredQuestionScoresZeroAndIsCountedAsNoAnswer() throws {
        let database = try ClassDatabase([])
        defer { database.remove() }
        let pat = try database.store.addLearner(named: "Pat", at: examStart)
        try database.sit(pat, marks: [1, -1, 0, 1], at: examStart, seedBase: 1)
        let records = try database.records()
        #expect(records.map(\.answer).map { $0 == nil } == [false, true, false, false])
        #expect(records[1].choice == nil && records[1].correct == false)
        #expect(records.allSatisfy { $0.options?.count == 4 && $0.key != nil })
        #expect(records[0].choice == records[0].key)
        let analysis = ItemAnalysis(attempts: try ResultSelection.attempts(records))
        #expect(analysis.test.mean == 50)
        let blank = analysis.items.first { $0.item == ClassDatabase.items[1] }!
        #expect(blank.answers.first { $0.count == 1 }?.answer == nil)
    }

    @Test func drillsAddEachLearnersFirstDrillAnswerPerItem() throws {
        let database = try ClassDatabase([("A", [1, 1, 1, 0])])
        defer { database.remove() }
        let a = try database.store.learner(named: "A")!
        let item = ClassDatabase.items[0]
        for (minute, correct) in [(0, false), (5, true)] {
            _ = try database.store.record(
                LearnerAnswer(
                    learner: a.id, item: item, seed: 9, given: "a", correct: correct, rating: correct ? .good : .again,
                    responseMilliseconds: 1000, answeredAt: examStart.addingTimeInterval(Double(minute * 60))),
                schedule: { _ in Card.new(at: examStart) })
        }
        let records = try database.records(includeDrills: true)
        let drills = records.filter { $0.source == .drill }
        #expect(drills.count == 1)
        #expect(drills[0].correct == false)
        #expect(drills[0].attempt == nil && drills[0].position == nil)
        #expect(try ResultSelection.attempts(records).count == 1)
        let withDrills = try ResultSelection.attempts(records, filter: ResultFilter(includeDrills: true))
        #expect(withDrills.map(\.blueprint) == ["drill", "quiz"])
        #expect(withDrills[0].responses.map(\.item) == [item])
    }

    @Test func theSameFileReadTwiceCountsOnceAndDisagreeingLinesAreRefused() throws {
        let database = try ClassDatabase(ClassFixture.marks.map { ($0.0, $0.1) })
        defer { database.remove() }
        let records = try database.records()
        #expect(try ResultSelection.attempts(records + records) == ResultSelection.attempts(records))
        var changed = records[0]
        changed.correct.toggle()
        #expect(throws: ResultConflict(message: "learner 'A', attempt 1, question 1 appears twice with different contents")) {
            try ResultSelection.attempts(records + [changed])
        }
        #expect(throws: ResultConflict(message: "learner 'A', attempt 1: 3 of its 4 questions are in the results")) {
            try ResultSelection.attempts(Array(records.dropFirst()))
        }
    }
}

@Suite("Results files: documented lines, one clear error per bad line")
struct ResultLinesTests {
    static let line =
        #"{"answer":"b?","answeredAt":"2026-01-05T09:01:00Z","attempt":3,"blueprint":"quiz","choice":"27284","correct":true,"format":1,"item":"cpt:27284/vignette","key":"27284","kind":"vignette","learner":"ana","options":["27130","27284","27286","27282"],"position":1,"questions":4,"seed":183,"source":"exam","startedAt":"2026-01-05T09:00:00Z"}"#

    @Test func aLineRoundTripsWithEveryKey() throws {
        let records = try ResultLines.parse(Self.line + "\n", file: "a.jsonl")
        #expect(records.count == 1)
        #expect(records[0].learner == "ana" && records[0].seed == 183 && records[0].choice == "27284")
        #expect(try ResultLines.text(records) == Self.line + "\n")
        var drill = records[0]
        drill.source = .drill
        drill.attempt = nil
        drill.blueprint = nil
        drill.startedAt = nil
        drill.questions = nil
        drill.position = nil
        #expect(try ResultLines.text([drill]).contains(#""attempt":null"#))
    }

    @Test(arguments: [
        ("{\"format\":1", "a.jsonl:2: not valid JSON"),
        (#"{"format":1}"#, "a.jsonl:2: missing field 'source'"),
        (line.replacingOccurrences(of: #""seed":183"#, with: #""seed":"x""#), "a.jsonl:2: field 'seed' has the wrong type"),
        (
            line.replacingOccurrences(of: #""format":1"#, with: #""format":2"#),
            "a.jsonl:2: format 2 is not one this codedrill reads (it reads 1)"
        ),
        (
            line.replacingOccurrences(of: #""position":1"#, with: #""position":5"#),
            "a.jsonl:2: 'position' must be between 1 and 'questions' (4)"
        ),
        (line.replacingOccurrences(of: #""attempt":3"#, with: #""attempt":null"#), "a.jsonl:2: an exam line needs 'attempt'"),
        (
            line.replacingOccurrences(of: #""source":"exam""#, with: #""source":"quiz""#),
            "a.jsonl:2: field 'source': Cannot initialize ResponseSource from invalid String value quiz"
        ),
        (line.replacingOccurrences(of: #""answer":"b?""#, with: #""answer":null"#), "a.jsonl:2: an unanswered question cannot be correct"),
        (
            line.replacingOccurrences(of: "2026-01-05T09:00:00Z", with: "yesterday"),
            "a.jsonl:2: field 'startedAt': 'yesterday' is not an ISO 8601 date-time"
        ),
    ])
    func aBadLineIsNamedWithItsProblem(bad: String, message: String) {
        #expect(throws: ResultLineError.self) { try ResultLines.parse(Self.line + "\n" + bad + "\n", file: "a.jsonl") }
        do {
            _ = try ResultLines.parse(Self.line + "\n" + bad + "\n", file: "a.jsonl")
        } catch {
            #expect(error.description == message)
        }
    }

    @Test func theFirstBadLineInFileOrderIsNamedWhateverChunkDecodesFirst() throws {
        var lines = Array(repeating: Self.line, count: 5_000)
        lines[2_999] = "oops"
        lines[4_499] = "{}"
        #expect(throws: ResultLineError(file: "big.jsonl", line: 3_000, problem: "not valid JSON")) {
            try ResultLines.parse(lines.joined(separator: "\n"), file: "big.jsonl")
        }
        lines[2_999] = Self.line
        lines[4_499] = Self.line
        #expect(try ResultLines.parse(lines.joined(separator: "\n"), file: "big.jsonl").count == 5_000)
    }

    @Test func blankLinesAreSkipped() throws {
        #expect(try ResultLines.parse("\n" + Self.line + "\n\n", file: "a.jsonl").count == 1)
        #expect(try ResultLines.parse("", file: "a.jsonl").isEmpty)
    }
}
