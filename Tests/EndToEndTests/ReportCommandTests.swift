import Foundation
import GRDB
import Testing

/// The fixture library (six procedures, 48 items) with a 10-question blueprint, and a class that sits
/// it in several databases through the real `codedrill exam`.
private struct ClassroomLibrary {
    let dir: URL

    init() throws {
        dir = try CodedrillProcess.temporaryDirectory()
        let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("QuestionsTests/Fixtures/Library/Content")
        try FileManager.default.copyItem(at: fixture, to: dir.appendingPathComponent("Content"))
        try dir.write(
            """
            questions: 10
            minutes: 30
            pass: 70
            exclude_kinds: [pcs]
            parts:
              - area: Musculoskeletal System
                share: 50
              - area: Digestive System
                share: 50

            """, to: "QuestionBanks/blueprints/mini.yaml")
    }

    func remove() { try? FileManager.default.removeItem(at: dir) }

    func run(_ arguments: [String], db: String, input: String = "") async throws -> CodedrillProcess.Result {
        try await CodedrillProcess.run(arguments + ["--library", ".", "--db", db, "--now", "2026-01-05T09:00:00Z"], in: dir, input: input)
    }

    /// `learner` sits the exam drawn by `seed`, answering the options in `letters` in turn (a letter
    /// is no answer to a typed-code question, which stays unanswered), and submits.
    func sit(_ learner: String, seed: Int, letters: String, db: String) async throws {
        let answers = letters.map { String($0) }.joined(separator: "\n")
        let result = try await run(
            ["exam", "--learner", learner, "--blueprint", "mini", "--seed", String(seed), "--json"],
            db: db, input: answers + "\nsubmit\ny\n")
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(result.stdout.contains(#""type":"report""#))
    }
}

@Suite struct ReportCommandTests {
    static let sittings = [("ana", 1, "abcdabcdab"), ("bo", 2, "aaaabbbbcc"), ("cy", 7, "baabbaabba"), ("di", 1, "bbbbbbbbbb")]

    @Test func exportsOfTwoDatabasesGiveTheSameReportAsOneDatabase() async throws {
        let library = try ClassroomLibrary()
        defer { library.remove() }
        for (index, (learner, seed, letters)) in Self.sittings.enumerated() {
            try await library.sit(learner, seed: seed, letters: letters, db: "all.sqlite")
            try await library.sit(learner, seed: seed, letters: letters, db: index < 2 ? "a.sqlite" : "b.sqlite")
        }
        let exportA = try await library.run(["results", "export", "-o", "a.jsonl"], db: "a.sqlite")
        #expect(exportA.status == 0, "stderr: \(exportA.stderr)")
        #expect(exportA.stderr == "codedrill: wrote 20 answers from 2 exam attempts to a.jsonl\n")
        #expect(try await library.run(["results", "export", "--output", "b.jsonl"], db: "b.sqlite").status == 0)
        let lines = try String(contentsOf: library.dir.appendingPathComponent("a.jsonl"), encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 20)
        #expect(lines[0].hasPrefix(#"{"answer":"A","answeredAt":"2026-01-05T09:00:00Z","attempt":1,"blueprint":"mini","#))

        let direct = try await library.run(["report", "items", "--format", "json"], db: "all.sqlite")
        let combined = try await library.run(
            ["report", "items", "--format", "json", "--from", "a.jsonl", "--from", "b.jsonl"], db: "none.sqlite")
        #expect(direct.status == 0 && combined.status == 0, "stderr: \(direct.stderr) \(combined.stderr)")
        #expect(combined.stdout == direct.stdout)
        let report = try #require(try JSONSerialization.jsonObject(with: Data(direct.stdout.utf8)) as? [String: Any])
        let test = try #require(report["test"] as? [String: Any])
        #expect(test["attempts"] as? Int == 4)
        #expect(test["questions"] as? Int == 10)
        let items = try #require(report["items"] as? [[String: Any]])
        #expect(!items.isEmpty)
        #expect(items.allSatisfy { ($0["facility"] as? Double).map { (0...100).contains($0) } == true })
        #expect(items.reduce(0) { $0 + ($1["attempts"] as? Int ?? 0) } == 40)
        #expect(!FileManager.default.fileExists(atPath: library.dir.appendingPathComponent("none.sqlite").path))

        // Anonymized: no name in the file, the same figures.
        #expect(try await library.run(["results", "export", "--anonymize", "-o", "anon.jsonl"], db: "all.sqlite").status == 0)
        let anonymous = try String(contentsOf: library.dir.appendingPathComponent("anon.jsonl"), encoding: .utf8)
        #expect(!anonymous.contains(#""learner":"ana""#) && anonymous.contains(#""learner":"learner-"#))
        #expect(
            try await library.run(["report", "items", "--format", "json", "--from", "anon.jsonl"], db: "none.sqlite").stdout
                == direct.stdout)

        // Text: the whole test, a table and the legend; CSV: a header and one row per item.
        let text = try await library.run(["report", "items"], db: "all.sqlite")
        #expect(text.stdout.hasPrefix("Item analysis: 4 first attempts by 4 learners\nTest: mean "))
        #expect(text.stdout.contains("\nLegend\n  facility "))
        let csv = try await library.run(["report", "items", "--format", "csv", "--kind", "vignette"], db: "all.sqlite")
        #expect(csv.stdout.hasPrefix("item,kind,attempts,facility,sd,random_guess,discrimination,efficiency,flags,answers\r\n"))
        let rows = csv.stdout.components(separatedBy: "\r\n").dropFirst().prefix { !$0.isEmpty }
        #expect(!rows.isEmpty)
        #expect(rows.allSatisfy { $0.components(separatedBy: ",")[1] == "vignette" }, "\(csv.stdout)")

        // The roster.
        let roster = try await library.run(["report", "learners", "--format", "json"], db: "all.sqlite")
        let learners = try #require(
            (try JSONSerialization.jsonObject(with: Data(roster.stdout.utf8)) as? [String: Any])?["learners"] as? [[String: Any]])
        #expect(learners.map { $0["learner"] as? String } == ["ana", "bo", "cy", "di"])
        #expect(learners.allSatisfy { ($0["reviews"] as? Int ?? 0) > 0 && ($0["exams"] as? [Any])?.count == 1 })
        let rosterText = try await library.run(["report", "learners"], db: "all.sqlite")
        #expect(rosterText.stdout.hasPrefix("learner                 reviews  retention  due  overdue  streak  exams  mean exam\nana "))
    }

    @Test func aVersion3DatabaseIsUpgradedInPlaceAndReportsTheSameBytes() async throws {
        let library = try ClassroomLibrary()
        defer { library.remove() }
        for (learner, seed, letters) in Self.sittings {
            try await library.sit(learner, seed: seed, letters: letters, db: "v4.sqlite")
        }
        // What this build writes: every question stored as shown, every answer with its choice.
        let v4 = library.dir.appendingPathComponent("v4.sqlite").path
        #expect(
            try Self.rows(
                v4,
                """
                SELECT count(*) FROM exam_questions
                UNION ALL SELECT count(*) FROM exam_questions WHERE options IS NOT NULL AND answer_key IS NOT NULL
                UNION ALL SELECT count(*) FROM exam_questions WHERE answer IS NOT NULL AND choice IS NULL
                """) == ["[count(*):40]", "[count(*):40]", "[count(*):0]"])
        let json = try await library.run(["report", "items", "--format", "json"], db: "v4.sqlite")
        let text = try await library.run(["report", "items"], db: "v4.sqlite")
        #expect(try await library.run(["results", "export", "-o", "v4.jsonl"], db: "v4.sqlite").status == 0)

        // The same class in a version 3 file (an online copy with the v4 columns and migration removed),
        // as a database written before this build holds it.
        #expect(try await library.run(["db", "backup", "v3.sqlite"], db: "v4.sqlite").status == 0)
        let v3 = library.dir.appendingPathComponent("v3.sqlite").path
        try Self.execute(
            v3,
            """
            ALTER TABLE exam_questions DROP COLUMN choice;
            ALTER TABLE exam_questions DROP COLUMN answer_key;
            ALTER TABLE exam_questions DROP COLUMN options;
            DELETE FROM grdb_migrations WHERE identifier = 'v4-exam-questions-as-shown';
            PRAGMA user_version = 3;
            """)
        let oldColumns = "attempt_id, position, item_id, seed, answer, correct, flagged, answered_at"
        let rowsBefore = try Self.rows(v3, "SELECT * FROM exam_questions ORDER BY attempt_id, position")
        #expect(rowsBefore.count == 40)
        #expect(try Self.rows(v3, "PRAGMA user_version") == ["[user_version:3]"])

        let fromV3 = try await library.run(["report", "items", "--format", "json"], db: "v3.sqlite")
        #expect(fromV3.status == 0, "stderr: \(fromV3.stderr)")
        #expect(fromV3.stdout == json.stdout)
        #expect(try await library.run(["report", "items"], db: "v3.sqlite").stdout == text.stdout)
        #expect(try await library.run(["results", "export", "-o", "v3.jsonl"], db: "v3.sqlite").status == 0)
        #expect(
            try String(contentsOf: library.dir.appendingPathComponent("v3.jsonl"), encoding: .utf8)
                == String(contentsOf: library.dir.appendingPathComponent("v4.jsonl"), encoding: .utf8))
        #expect(try await library.run(["db", "check"], db: "v3.sqlite").stdout.hasSuffix(": ok (schema version 4)\n"))
        // Upgraded in place: every old row as it was, the new columns empty (regenerated when read).
        #expect(try Self.rows(v3, "SELECT \(oldColumns) FROM exam_questions ORDER BY attempt_id, position") == rowsBefore)
        #expect(
            try Self.rows(v3, "SELECT count(*) FROM exam_questions WHERE options IS NULL AND answer_key IS NULL AND choice IS NULL")
                == ["[count(*):40]"])
    }

    /// The rows `sql` reads from the database at `path`, as text.
    private static func rows(_ path: String, _ sql: String) throws -> [String] {
        let queue = try DatabaseQueue(path: path)
        defer { try? queue.close() }
        return try queue.read { db in try Row.fetchAll(db, sql: sql).map(\.description) }
    }

    /// Runs `sql` on the database at `path`, outside any transaction.
    private static func execute(_ path: String, _ sql: String) throws {
        let queue = try DatabaseQueue(path: path)
        defer { try? queue.close() }
        try queue.writeWithoutTransaction { db in try db.execute(sql: sql) }
    }

    @Test func aBadLineInAResultsFileIsOneClearErrorWithItsLine() async throws {
        let library = try ClassroomLibrary()
        defer { library.remove() }
        try library.dir.write("\n{\"format\":1,\n", to: "bad.jsonl")
        let result = try await library.run(["report", "items", "--from", "bad.jsonl"], db: "none.sqlite")
        #expect(result.status == 65)
        #expect(result.stderr == "codedrill: error: bad.jsonl:2: not valid JSON\n")
        #expect(result.stdout.isEmpty)
        let missing = try await library.run(["report", "items", "--from", "missing.jsonl"], db: "none.sqlite")
        #expect(missing.status == 74)
        #expect(missing.stderr.hasPrefix("codedrill: error: cannot read missing.jsonl"))
        let since = try await library.run(["report", "items", "--since", "last week", "--from", "bad.jsonl"], db: "none.sqlite")
        #expect(since.status == 64)
        #expect(since.stderr == "codedrill: error: --since: 'last week' is not a date (YYYY-MM-DD) or an ISO 8601 date-time\n")
    }

    @Test func anEmptyClassReportsNothingToAnalyse() async throws {
        let library = try ClassroomLibrary()
        defer { library.remove() }
        #expect(try await library.run(["learner", "add", "ana"], db: "p.sqlite").status == 0)
        let json = try await library.run(["report", "items", "--format", "json"], db: "p.sqlite")
        #expect(json.status == 0)
        #expect(
            json.stdout
                == #"{"items":[],"test":{"attempts":0,"cic":null,"errorRatio":null,"kurtosis":null,"learners":0,"mean":null,"median":null,"questions":null,"sd":null,"skewness":null,"standardError":null}}"#
                + "\n")
        let text = try await library.run(["report", "items"], db: "p.sqlite")
        #expect(text.stdout == "Item analysis: 0 first attempts by 0 learners\nNo submitted exam attempts match: nothing to analyse.\n")
        let export = try await library.run(["results", "export", "--learner", "zed", "-o", "x.jsonl"], db: "p.sqlite")
        #expect(export.status == 64)
        #expect(export.stderr.hasPrefix("codedrill: error: no learner named 'zed' in "))
        #expect(!FileManager.default.fileExists(atPath: library.dir.appendingPathComponent("x.jsonl").path))
        #expect(try await library.run(["report", "items"], db: "absent.sqlite").status == 74)
    }
}
