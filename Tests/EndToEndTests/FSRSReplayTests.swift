import Foundation
import Testing

/// `codedrill fsrs replay` run as a child process, against the py-fsrs 6.3.2 fixture.
struct FSRSReplayTests {
    /// What the child wrote and how it ended.
    struct Run {
        var stdout: String
        var stderr: String
        var status: Int32
        var lines: [String] { stdout.split(separator: "\n").map(String.init) }
    }

    /// The built `codedrill`, beside this test bundle (the directory of `/proc/self/exe`'s resolved path).
    static let binary: URL = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        .deletingLastPathComponent().appendingPathComponent("codedrill")

    /// Runs `codedrill fsrs replay` with `arguments`, `input` on standard input (from a file, so a
    /// large input cannot dead-lock against a full output pipe).
    func replay(_ input: String, _ arguments: [String] = []) async throws -> Run {
        try await offThePool { try Self.replayBlocking(input, arguments) }
    }

    private static func replayBlocking(_ input: String, _ arguments: [String]) throws -> Run {
        let inputFile = FileManager.default.temporaryDirectory.appendingPathComponent("fsrs-replay-\(UUID().uuidString).jsonl")
        try Data(input.utf8).write(to: inputFile)
        defer { try? FileManager.default.removeItem(at: inputFile) }
        let process = Process()
        process.executableURL = Self.binary
        process.arguments = ["fsrs", "replay"] + arguments
        process.standardInput = try FileHandle(forReadingFrom: inputFile)
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(
            stdout: String(decoding: stdout, as: UTF8.self), stderr: String(decoding: stderr, as: UTF8.self),
            status: process.terminationStatus)
    }

    @Test func writesOneSortedKeyLinePerInputLineSkippingBlankLines() async throws {
        let run = try await replay(
            """
            {"reviews": [["2022-11-29T12:30:00Z", 3], ["2022-12-01T12:30:00Z", 3]]}

            {"reviews": []}
            """)
        #expect(run.status == 0)
        #expect(run.stderr.isEmpty)
        #expect(
            run.lines == [
                #"{"states":[{"difficulty":2.118103970459016,"due":"2022-12-01T12:30:00Z","interval_days":2,"stability":2.3065},{"difficulty":2.111214235785395,"due":"2022-12-12T12:30:00Z","interval_days":11,"stability":10.964332335820698}]}"#,
                #"{"states":[]}"#,
            ])
    }

    @Test func matchesPyFsrsOnTheFixtureHistories() async throws {
        let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../FSRSTests/Fixtures/pyfsrs-replay.jsonl")
        let lines = try String(contentsOf: fixture, encoding: .utf8).split(separator: "\n").prefix(300)
        // The fixture lines carry an extra "states" key, which replay ignores.
        let run = try await replay(lines.joined(separator: "\n") + "\n")
        #expect(run.status == 0)
        #expect(run.lines.count == lines.count)
        for (input, output) in zip(lines, run.lines) {
            let expected = try #require(try JSONSerialization.jsonObject(with: Data(input.utf8)) as? [String: Any])
            let rows = try #require(expected["states"] as? [[Any]])
            let actual = try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: [[String: Any]]])
            let states = try #require(actual["states"])
            #expect(states.count == rows.count)
            for (state, row) in zip(states, rows) {
                let (s, d) = (row[0] as! Double, row[1] as! Double)
                #expect(abs(state["stability"] as! Double - s) <= 1e-4 * s)
                #expect(abs(state["difficulty"] as! Double - d) <= 1e-4 * d)
                #expect(state["interval_days"] as! Int == row[2] as! Int)
            }
        }
    }

    @Test func optionsChangeTheSchedule() async throws {
        let line = #"{"reviews": [["2026-01-01T09:00:00Z", 3]]}"#
        #expect(
            try await replay(line, ["--desired-retention", "0.8"]).lines == [
                #"{"states":[{"difficulty":2.118103970459016,"due":"2026-01-09T09:00:00Z","interval_days":8,"stability":2.3065}]}"#
            ])
        var weights = ["0.212", "1.2931", "5.0", "8.2956", "6.4133", "0.8334", "3.0194", "0.001", "1.8722", "0.1666", "0.796"]
        weights += ["1.4835", "0.0614", "0.2629", "1.6483", "0.6014", "1.8729", "0.5425", "0.0912", "0.0658", "0.1542"]
        #expect(
            try await replay(line, ["--params", weights.joined(separator: ",")]).lines == [
                #"{"states":[{"difficulty":2.118103970459016,"due":"2026-01-06T09:00:00Z","interval_days":5,"stability":5}]}"#
            ])
    }

    @Test func badLinesNameTheLineAndExitWithDataError() async throws {
        let good = #"{"reviews": [["2026-01-01T09:00:00Z", 3]]}"#
        let cases: [(String, String)] = [
            (
                #"{"reviews": [["2026-01-02T09:00:00Z", 3], ["2026-01-01T09:00:00Z", 1]]}"#,
                "stdin:3: reviews out of order: review 2 at 2026-01-01T09:00:00Z is before review 1 at 2026-01-02T09:00:00Z"
            ),
            (
                #"{"reviews": [["2026-01-01T09:00:00Z", 5]]}"#,
                "stdin:3: review 1: rating 5 is not 1–4 (1 again, 2 hard, 3 good, 4 easy)"
            ),
            (
                #"{"reviews": [["next tuesday", 3]]}"#,
                "stdin:3: review 1: 'next tuesday' is not an ISO 8601 date-time (example: 2026-01-01T09:00:00Z)"
            ),
            (
                #"{"reviews": [["2026-01-01T09:00:00Z"]]}"#,
                #"stdin:3: review 1: expected ["2026-01-01T09:00:00Z", 3], a date-time and a rating 1–4"#
            ),
            (#"{"reviews": ["#, #"stdin:3: not valid JSON; expected {"reviews": [["2026-01-01T09:00:00Z", 3], …]}"#),
        ]
        for (bad, message) in cases {
            let run = try await replay([good, "", bad, good].joined(separator: "\n"))
            #expect(run.status == 65)
            #expect(run.stderr == "codedrill: error: \(message)\n")
            #expect(run.lines.count == 1)  // the good line before was written; nothing after
        }
    }

    @Test func badParametersAreUsageErrors() async throws {
        let run = try await replay("", ["--params", "1,2,3"])
        #expect(run.status == 64)
        #expect(run.stderr == "codedrill: error: --params: expected 21 parameters (w0…w20), got 3\n")
        let high = try await replay(
            "",
            [
                "--params",
                (["0.212", "1.2931", "2.3065", "8.2956", "6.4133", "7.0"] + Array(repeating: "1", count: 15)).joined(separator: ","),
            ])
        #expect(high.status == 64)
        #expect(high.stderr == "codedrill: error: --params: parameter w5 = 7.0 is above its upper bound 4.0\n")
        let retention = try await replay("", ["--desired-retention", "1.5"])
        #expect(retention.status == 64)
        #expect(retention.stderr == "codedrill: error: --desired-retention: desired retention 1.5 is outside (0, 1]\n")
    }
}
