import Foundation
import Testing

/// `codedrill questions` run as a process: the JSON contract, reproduction by item and seed, and
/// the exit codes of bad requests.
@Suite struct QuestionsCommandTests {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let fixture = packageRoot.appendingPathComponent("Tests/QuestionsTests/Fixtures/Library").path

    /// The built `codedrill` next to the test bundle.
    static var binary: URL {
        let beside = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for directory in [beside, beside.deletingLastPathComponent()] {
            let candidate = directory.appendingPathComponent("codedrill")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return packageRoot.appendingPathComponent(".build/debug/codedrill")
    }

    struct Run {
        var status: Int32
        var stdout: Data
        var stderr: String
    }

    static func run(_ arguments: [String]) async throws -> Run {
        try await offThePool { try runBlocking(arguments) }
    }

    private static func runBlocking(_ arguments: [String]) throws -> Run {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        environment["CODEDRILL_LIBRARY"] = nil
        process.environment = environment
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, stdout: stdout, stderr: String(decoding: stderr, as: UTF8.self))
    }

    @Test func itemAndSeedReproduceTheSameJSONEveryRun() async throws {
        let arguments = ["questions", "--library", Self.fixture, "--item", "cpt:27284/vignette", "--seed", "5", "--format", "json"]
        let first = try await Self.run(arguments)
        let second = try await Self.run(arguments)
        #expect(first.status == 0 && first.stderr.isEmpty)
        #expect(first.stdout == second.stdout)
        let questions = try JSONSerialization.jsonObject(with: first.stdout) as! [[String: Any]]
        #expect(questions.count == 1)
        let q = questions[0]
        #expect(q["id"] as? String == "cpt:27284/vignette#5")
        #expect(q["item"] as? String == "cpt:27284/vignette" && q["kind"] as? String == "vignette" && q["code"] as? String == "27284")
        #expect(q["seed"] as? Int == 5)
        #expect((q["answer"] as! [String: Any])["text"] as? String == "27284")
        #expect((q["options"] as! [[String: Any]]).map { $0["text"] as! String }.sorted() == ["27130", "27165", "27284", "27286"])
    }

    @Test func countGivesConsecutiveSeedsPerItem() async throws {
        let run = try await Self.run([
            "questions", "--library", Self.fixture, "--code", "27130", "--kind", "pcs", "--seed", "5", "--count", "3", "--format", "json",
        ])
        #expect(run.status == 0)
        let questions = try JSONSerialization.jsonObject(with: run.stdout) as! [[String: Any]]
        #expect(questions.map { $0["id"] as! String } == ["cpt:27130/pcs#5", "cpt:27130/pcs#6", "cpt:27130/pcs#7"])
    }

    @Test func entryQuestionsHaveANullLabel() async throws {
        let run = try await Self.run(["questions", "--library", Self.fixture, "--item", "cpt:47562/vignette-entry", "--format", "json"])
        let text = String(decoding: run.stdout, as: UTF8.self)
        #expect(text.contains("\"label\" : null"))
        #expect(text.contains("\"options\" : [\n\n    ]"))
    }

    @Test func textFormatShowsStemOptionsAnswerAndRationales() async throws {
        let run = try await Self.run(["questions", "--library", Self.fixture, "--item", "cpt:27284/vignette", "--seed", "7"])
        let text = String(decoding: run.stdout, as: UTF8.self)
        #expect(run.status == 0)
        #expect(text.hasPrefix("== cpt:27284/vignette#7\n"))
        #expect(
            text.contains("Which CPT code should be reported for this procedure?") && text.contains("\nAnswer: ")
                && text.contains("\nWhy: 27284"))
    }

    @Test func badOptionValuesExitWithUsageAndOneLine() async throws {
        let cases: [([String], String)] = [
            (
                ["--kind", "essay"],
                "codedrill: error: unknown kind 'essay'; expected one of vignette, vignette-entry, contrast, code-set, modifier, bundling, pcs, diagnosis, diagnosis-sequence, em-level, anesthesia-units, drug-units, choice, multiple-answer, true-false, short-answer, numerical, matching\n"
            ),
            (["--code", "99999"], "codedrill: error: unknown code '99999': it is not in the library\n"),
            (
                ["--item", "cpt:27284"],
                "codedrill: error: 'cpt:27284' is not an item id like cpt:27284/vignette or gift:modifiers/59-vs-xs\n"
            ),
            (
                ["--item", "cpt:27284/vignette", "--kind", "pcs"],
                "codedrill: error: --item cannot be combined with --code, --kind, --tag or --category (the item names one question)\n"
            ),
            (["--count", "0"], "codedrill: error: --count must be at least 1, got 0\n"),
        ]
        for (arguments, message) in cases {
            let run = try await Self.run(["questions", "--library", Self.fixture] + arguments)
            #expect(run.status == 64, "\(arguments)")
            #expect(run.stderr == message, "\(arguments)")
        }
    }

    @Test func aCodeHiddenByBrokenContentExitsWithDataError() async throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("codedrill-questions-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let content = root.appendingPathComponent("Content")
        try FileManager.default.createDirectory(at: content, withIntermediateDirectories: true)
        try "---\ncode: [oops\n---\n".write(to: content.appendingPathComponent("broken.md"), atomically: true, encoding: .utf8)
        let run = try await Self.run(["questions", "--library", root.path, "--code", "27284"])
        #expect(run.status == 65)
        #expect(
            run.stderr.hasPrefix(
                "codedrill: error: unknown code '27284': it is not in the library; 1 error(s) in the library may hide it (first: "))
        #expect(run.stderr.hasSuffix("run 'codedrill lint'\n") && run.stderr.split(separator: "\n").count == 1)
    }
}
