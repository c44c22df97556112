import Foundation
import ProgressStore
import Testing

/// A temporary library for exam tests: the question tests' six fixture procedures (hip and
/// gallbladder families, 48 items) and a 10-question blueprint, with a database beside it.
private struct ExamLibrary {
    let dir: URL

    static let blueprint = """
        name: Mini exam
        questions: 10
        minutes: 30
        pass: 70
        exclude_kinds: [pcs]
        parts:
          - label: Musculoskeletal System
            area: Musculoskeletal System
            share: 40
          - label: Digestive System
            area: Digestive System
            share: 40
          - label: ICD-10-CM diagnosis coding
            kind: diagnosis
            share: 20

        """

    init() throws {
        dir = try CodedrillProcess.temporaryDirectory()
        let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("QuestionsTests/Fixtures/Library/Content")
        try FileManager.default.copyItem(at: fixture, to: dir.appendingPathComponent("Content"))
        try dir.write(Self.blueprint, to: "QuestionBanks/blueprints/mini.yaml")
    }

    func remove() { try? FileManager.default.removeItem(at: dir) }

    /// Runs `codedrill ARGS --library . --db DB` in the library.
    func run(_ arguments: [String], input: String = "", db: String = "progress.sqlite") async throws -> CodedrillProcess.Result {
        try await CodedrillProcess.run(arguments + ["--library", ".", "--db", db], in: dir, input: input)
    }

    /// Runs `codedrill exam ARGS --json` for Pat at `now` and returns its output lines as JSON objects.
    func exam(_ arguments: [String], now: String, input: String, db: String = "progress.sqlite") async throws -> [JSONLine] {
        let result = try await run(["exam", "--learner", "pat", "--json", "--now", now] + arguments, input: input, db: db)
        #expect(result.status == 0, "stderr: \(result.stderr)")
        return result.stdout.split(separator: "\n").map { JSONLine(String($0)) }
    }

    /// The right response and a wrong one to the question of `item` and `seed`, read from what
    /// `codedrill questions --item ITEM --seed SEED --format json` prints (never assumed).
    func responses(item: String, seed: UInt64) async throws -> (right: String, wrong: String) {
        let json = try await questionsJSON(item: item, seed: Int(seed), library: dir.path)
        let question = try #require((try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]])?.first)
        let answer = try #require(question["answer"] as? [String: Any])
        let options = try #require(question["options"] as? [[String: Any]])
        let right = (answer["label"] as? String) ?? (answer["text"] as? String ?? "")
        let wrong = options.first { ($0["correct"] as? Bool) == false }?["label"] as? String ?? "99999"
        return (right, wrong)
    }

    /// The ten questions (item, seed) that `--seed seed` draws, read by paging through an exam in a
    /// scratch database and leaving it.
    func questions(seed: UInt64) async throws -> [(item: String, seed: UInt64)] {
        let lines = try await exam(
            ["--blueprint", "mini", "--seed", String(seed)], now: "2026-01-05T08:00:00Z",
            input: String(repeating: "n\n", count: 9), db: "scratch-\(seed).sqlite")
        return lines.filter { $0.type == "question" }.map { ($0.string("item")!, UInt64($0.int("seed")!)) }
    }
}

/// One line of `--json` output.
struct JSONLine {
    let text: String
    let object: [String: Any]

    init(_ text: String) {
        self.text = text
        object = (try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any]) ?? [:]
    }

    var type: String? { object["type"] as? String }
    func string(_ key: String) -> String? { object[key] as? String }
    func int(_ key: String) -> Int? { (object[key] as? NSNumber)?.intValue }
    func double(_ key: String) -> Double? { (object[key] as? NSNumber)?.doubleValue }
    func bool(_ key: String) -> Bool? { object[key] as? Bool }
    func objects(_ key: String) -> [[String: Any]] { object[key] as? [[String: Any]] ?? [] }
    /// `type` and, for questions and saves, the position: `question 3`, `saved 2`, `list`.
    var step: String { [type ?? "?", int("index").map(String.init)].compactMap { $0 }.joined(separator: " ") }
}

private let start = "2026-01-05T09:00:00Z"

@Suite struct ExamCommandTests {
    @Test func aTenQuestionExamWithNavigationAndFlagsIsScoredBySection() async throws {
        let library = try ExamLibrary()
        defer { library.remove() }
        let drawn = try await library.questions(seed: 11)
        #expect(drawn.count == 10)
        // Parts in blueprint order: four hip questions, four gallbladder ones, then two diagnosis ones.
        #expect(drawn[0..<4].allSatisfy { $0.item.hasPrefix("cpt:27") })
        #expect(drawn[4..<8].allSatisfy { $0.item.hasPrefix("cpt:47") })
        #expect(drawn.map { $0.item.hasSuffix("/diagnosis") } == (1...10).map { $0 > 8 })
        #expect(!drawn.contains { $0.item.hasSuffix("/pcs") })
        var answers: [(right: String, wrong: String)] = []
        for question in drawn { answers.append(try await library.responses(item: question.item, seed: question.seed)) }
        func right(_ p: Int) -> String { answers[p - 1].right }
        func wrong(_ p: Int) -> String { answers[p - 1].wrong }

        let script = [
            right(1), "f", right(2) + "?", "g 5", right(5) + "!", "p", "p", wrong(4), "g 3", wrong(3), "p", right(3),
            "g 6", right(6), wrong(7), right(8), right(9), "f", "l", "submit", "n", "submit", "y",
        ]
        let lines = try await library.exam(
            ["--blueprint", "mini", "--seed", "11"], now: start, input: script.joined(separator: "\n") + "\n")
        #expect(
            lines.map(\.step) == [
                "exam", "question 1", "saved 1", "question 2", "saved 2", "saved 2", "question 3", "question 5", "saved 5",
                "question 6", "question 5", "question 4", "saved 4", "question 5", "question 3", "saved 3", "question 4",
                "question 3", "saved 3", "question 4", "question 6", "saved 6", "question 7", "saved 7", "question 8",
                "saved 8", "question 9", "saved 9", "question 10", "saved 10", "list", "confirm", "question 10", "confirm", "report",
            ])
        // The same seed drew the same exam, and no question line says which option is right.
        let shown = lines.filter { $0.type == "question" }
        for line in shown {
            let index = line.int("index")!
            #expect(line.string("item") == drawn[index - 1].item)
            #expect(line.int("seed") == Int(drawn[index - 1].seed))
            #expect(!line.text.contains("correct") && !line.text.contains("rationale") && !line.text.contains("\"answer\""))
        }
        #expect(lines[0].int("questions") == 10)
        #expect(lines[0].int("minutes") == 30)
        #expect(lines[0].string("deadline") == "2026-01-05T09:30:00Z")
        let confirm = lines.first { $0.type == "confirm" }!
        #expect(confirm.int("unanswered") == 1)
        #expect(confirm.int("flagged") == 2)
        let list = lines.first { $0.type == "list" }!
        #expect(list.objects("questions").map { $0["given"] as? String ?? "-" }.map { $0 == "-" } == (1...10).map { $0 == 10 })
        #expect(list.objects("questions").map { $0["flagged"] as? Bool } == (1...10).map { $0 == 2 || $0 == 10 })

        let report = lines.last!
        #expect(report.int("correct") == 7)
        #expect(report.int("answered") == 9)
        #expect(report.double("percent") == 70)
        #expect(report.bool("passed") == true)
        #expect(report.bool("autoSubmitted") == false)
        #expect(
            report.objects("parts").map { "\($0["part"]!) \($0["questions"]!) \($0["correct"]!) \($0["percent"]!)" } == [
                "Musculoskeletal System 4 3 75", "Digestive System 4 3 75", "ICD-10-CM diagnosis coding 2 1 50",
            ])
        let missed = report.objects("missed")
        #expect(missed.map { $0["index"] as? Int } == [4, 7, 10])
        #expect(missed.map { $0["given"] as? String } == [wrong(4), wrong(7), nil])
        #expect(
            missed.map { (($0["answer"] as? [String: Any])?["label"] as? String) ?? (($0["answer"] as? [String: Any])?["text"] as? String) }
                == [right(4), right(7), right(10)])

        // The database holds the attempt, and one review per answered question (the final answer).
        let store = try ProgressStore(path: library.dir.appendingPathComponent("progress.sqlite").path)
        let pat = try #require(try store.learner(named: "pat"))
        let attempt = try #require(try store.examAttempts(learner: pat.id).first)
        #expect(attempt.score == 7)
        #expect(attempt.submittedAt == ISO8601DateFormatter().date(from: start))
        #expect(attempt.questions.map(\.flagged) == (1...10).map { $0 == 2 || $0 == 10 })
        #expect(attempt.questions.map(\.correct) == [true, true, true, false, true, true, false, true, true, nil])
        let reviews = try store.reviews(learner: pat.id)
        #expect(reviews.map(\.answer.item) == drawn[0..<9].map(\.item))
        #expect(reviews.map(\.answer.rating.rawValue) == [3, 2, 3, 1, 4, 3, 1, 3, 3])

        let history = try await library.run(["exam", "history", "--learner", "pat", "--now", start])
        #expect(
            history.stdout == """
                ID    Started               Blueprint  Score           Result
                1     2026-01-05T09:00:00Z  mini       7/10 (70%)      pass

                """)
        let show = try await library.run(["exam", "show", "1"])
        #expect(show.status == 0)
        #expect(
            show.stdout.contains(
                """
                Exam report: Mini exam (attempt 1, pat)
                Score: 7 of 10 (70%): PASS (pass mark 70%)
                Answered 9 of 10; time used 0:00 of 30:00; submitted 2026-01-05T09:00:00Z.

                Part                        Questions  Correct       %
                Musculoskeletal System              4        3    75.0
                Digestive System                    4        3    75.0
                ICD-10-CM diagnosis coding          2        1    50.0
                Total                              10        7    70.0

                Missed questions (3):
                """))
        let showJSON = try await library.run(["exam", "show", "1", "--json"])
        #expect(showJSON.stdout == report.text + "\n")
    }

    @Test func anInterruptedExamResumesWhereItStoppedWithItsDeadline() async throws {
        let library = try ExamLibrary()
        defer { library.remove() }
        let drawn = try await library.questions(seed: 5)
        var answers: [(right: String, wrong: String)] = []
        for question in drawn { answers.append(try await library.responses(item: question.item, seed: question.seed)) }

        let first = try await library.exam(
            ["--blueprint", "mini", "--seed", "5"], now: start,
            input: (1...4).map { answers[$0 - 1].right + "\n" }.joined())
        #expect(
            first.map(\.step) == [
                "exam", "question 1", "saved 1", "question 2", "saved 2", "question 3", "saved 3",
                "question 4", "saved 4", "question 5", "paused",
            ])
        #expect(first.last?.int("answered") == 4)

        let busy = try await library.run(["exam", "--learner", "pat", "--blueprint", "mini", "--now", "2026-01-05T09:05:00Z"])
        #expect(busy.status == 64)
        #expect(
            busy.stderr
                == "codedrill: error: pat has an unfinished exam (attempt 1: 4 of 10 answered, 25:00 left); continue it with `codedrill exam --resume`\n"
        )

        let input = [answers[4].wrong] + (6...10).map { answers[$0 - 1].right }
        let second = try await library.exam(["--resume"], now: "2026-01-05T09:20:00Z", input: input.joined(separator: "\n") + "\n")
        #expect(
            second.map(\.step) == [
                "exam", "question 5", "saved 5", "question 6", "saved 6", "question 7", "saved 7",
                "question 8", "saved 8", "question 9", "saved 9", "question 10", "saved 10", "list", "paused",
            ])
        #expect(second[0].bool("resumed") == true)
        #expect(second[0].int("answered") == 4)
        #expect(second[0].int("secondsLeft") == 600)
        #expect(second[0].string("deadline") == "2026-01-05T09:30:00Z")

        let third = try await library.exam(["--resume"], now: "2026-01-05T09:21:00Z", input: "submit\n")
        #expect(third.map(\.step) == ["exam", "question 1", "report"])
        let report = third.last!
        #expect(report.int("correct") == 9)
        #expect(report.int("secondsUsed") == 1260)
        #expect(report.string("submittedAt") == "2026-01-05T09:21:00Z")
        #expect(report.objects("missed").map { $0["index"] as? Int } == [5])

        let none = try await library.run(["exam", "--learner", "pat", "--resume", "--now", "2026-01-05T09:22:00Z"])
        #expect(none.status == 64)
        #expect(none.stderr == "codedrill: error: pat has no unfinished exam; start one with `codedrill exam`\n")
    }

    @Test func anExamWhoseDeadlinePassedIsSubmittedOnResume() async throws {
        let library = try ExamLibrary()
        defer { library.remove() }
        let drawn = try await library.questions(seed: 3)
        var answers: [(right: String, wrong: String)] = []
        for question in drawn { answers.append(try await library.responses(item: question.item, seed: question.seed)) }

        _ = try await library.exam(
            ["--blueprint", "mini", "--seed", "3"], now: start,
            input: "\(answers[0].right)\n\(answers[1].wrong)\nf\n")
        let history = try await library.run(["exam", "history", "--learner", "pat", "--now", "2026-01-05T09:45:00Z"])
        #expect(
            history.stdout == """
                ID    Started               Blueprint  Score           Result
                1     2026-01-05T09:00:00Z  mini       2/10 answered   time ran out: codedrill exam --resume submits it

                """)

        let late = try await library.exam(["--resume"], now: "2026-01-05T09:45:00Z", input: "")
        #expect(late.map(\.step) == ["exam", "report"])
        let report = late[1]
        #expect(report.bool("autoSubmitted") == true)
        #expect(report.string("submittedAt") == "2026-01-05T09:30:00Z")
        #expect(report.int("secondsUsed") == 1800)
        #expect(report.int("answered") == 2)
        #expect(report.int("correct") == 1)
        #expect(report.bool("passed") == false)

        let store = try ProgressStore(path: library.dir.appendingPathComponent("progress.sqlite").path)
        let pat = try #require(try store.learner(named: "pat"))
        let attempt = try #require(try store.examAttempts(learner: pat.id).first)
        #expect(attempt.submittedAt == ISO8601DateFormatter().date(from: "2026-01-05T09:30:00Z"))
        #expect(attempt.score == 1)
        #expect(try store.reviews(learner: pat.id).map(\.answer.correct) == [true, false])

        let json = try await library.run(["exam", "history", "--learner", "pat", "--json", "--now", "2026-01-05T10:00:00Z"])
        #expect(
            json.stdout == """
                {"answered":2,"attempt":1,"blueprint":"mini","correct":1,"passed":false,"percent":10,"questions":10,"startedAt":"2026-01-05T09:00:00Z","status":"submitted","submittedAt":"2026-01-05T09:30:00Z","type":"attempt"}

                """)
    }

    @Test func aNewExamFirstSubmitsOneWhoseTimeRanOut() async throws {
        let library = try ExamLibrary()
        defer { library.remove() }
        _ = try await library.exam(["--blueprint", "mini", "--seed", "3", "--minutes", "5"], now: start, input: "")
        let result = try await library.run([
            "exam", "--learner", "pat", "--blueprint", "mini", "--questions", "4", "--json", "--now", "2026-01-05T09:06:00Z",
        ])
        #expect(result.status == 0)
        #expect(
            result.stderr
                == "codedrill: exam attempt 1 ran out of time and was submitted: 0 of 10 right; `codedrill exam show 1` prints its report\n"
        )
        let header = JSONLine(String(result.stdout.split(separator: "\n")[0]))
        #expect(header.int("attempt") == 2)
        #expect(header.int("questions") == 4)
        #expect(header.int("minutes") == 30)
        #expect(header.int("seed") == Int(1_767_603_960_000 & 0x7fff_ffff))
    }

    @Test func badRequestsFailWithOneLineAndExit64() async throws {
        let library = try ExamLibrary()
        defer { library.remove() }
        let unknown = try await library.run(["exam", "--learner", "pat", "--blueprint", "nope", "--now", start])
        #expect(unknown.status == 64)
        #expect(unknown.stderr == "codedrill: error: unknown blueprint 'nope'; the library has mini\n")
        let mixed = try await library.run(["exam", "--learner", "pat", "--resume", "--seed", "3"])
        #expect(mixed.status == 64)
        // Nothing was written by the failed requests.
        let noDatabase = try await library.run(["exam", "show", "9", "--now", start])
        #expect(noDatabase.status == 74)
        #expect(noDatabase.stderr == "codedrill: error: no progress database at progress.sqlite\n")
        _ = try await library.exam(["--blueprint", "mini"], now: start, input: "")
        let missing = try await library.run(["exam", "show", "9", "--now", start])
        #expect(missing.status == 64)
        #expect(missing.stderr == "codedrill: error: no exam attempt with id 9 in progress.sqlite\n")
        let open = try await library.run(["exam", "show", "1", "--now", start])
        #expect(open.status == 64)
        #expect(open.stderr == "codedrill: error: exam attempt 1 is not submitted yet; `codedrill exam --resume` continues it\n")
    }
}
