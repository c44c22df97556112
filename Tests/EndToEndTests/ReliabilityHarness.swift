import CodingContent
import Dispatch
import Foundation
import GRDB
import ProgressStore
import Questions

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs blocking work (waiting for child processes, reading their pipes) on a Dispatch thread and
/// awaits its result, so that a test never blocks a thread of the cooperative pool.
func offPool<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        DispatchQueue.global().async { continuation.resume(with: Result(catching: work)) }
    }
}

/// A finished `codedrill` child: exit status and everything it printed.
struct Finished: Sendable {
    var status: Int32
    var stdout: String
    var stderr: String

    /// Standard output as JSON objects, one per line (lines that are not objects are left out).
    var jsonLines: [[String: any Sendable]] {
        stdout.split(separator: "\n").compactMap {
            (try? JSONSerialization.jsonObject(with: Data($0.utf8))) as? [String: any Sendable]
        }
    }
}

/// One `codedrill` child process driven from a test thread (never the cooperative pool): lines
/// in, lines out, signals, exit status. Standard error goes to a file so that no pipe can fill.
final class Child {
    private let process = Process()
    private let input = Pipe()
    private let output = Pipe()
    private let errorFile: URL
    private var buffer = Data()

    /// Starts `codedrill arguments…` in `directory`; `unprivileged` runs it as user `nobody` when
    /// the tests run as root (see `Unprivileged`).
    init(_ arguments: [String], in directory: URL, environment: [String: String] = [:], unprivileged: Bool = false) throws {
        let binary = CodedrillProcess.binary.path
        if unprivileged && getuid() == 0 {
            process.executableURL = URL(fileURLWithPath: Unprivileged.setpriv)
            process.arguments = Unprivileged.arguments + [binary] + arguments
        } else {
            process.executableURL = URL(fileURLWithPath: binary)
            process.arguments = arguments
        }
        process.currentDirectoryURL = directory
        process.environment = CodedrillProcess.environment(home: directory, adding: environment)
        errorFile = FileManager.default.temporaryDirectory.appendingPathComponent("codedrill-stderr-\(UUID().uuidString)")
        _ = FileManager.default.createFile(atPath: errorFile.path, contents: nil)
        let errors = try FileHandle(forWritingTo: errorFile)
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        try errors.close()
    }

    /// The next line of standard output, or `nil` at its end.
    func readLine() -> String? {
        while true {
            if let newline = buffer.firstIndex(of: 0x0A) {
                let line = String(decoding: buffer[buffer.startIndex..<newline], as: UTF8.self)
                buffer.removeSubrange(buffer.startIndex...newline)
                return line
            }
            let chunk = readChunk()
            if chunk.isEmpty {
                guard !buffer.isEmpty else { return nil }
                defer { buffer.removeAll() }
                return String(decoding: buffer, as: UTF8.self)
            }
            buffer.append(chunk)
        }
    }

    /// What the child has written since the last read (waiting for it), or nothing at its end.
    /// POSIX `read`, retried on EINTR: Foundation's `availableData` traps when the SIGCHLD of
    /// another child interrupts it.
    private func readChunk() -> Data {
        var bytes = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = systemRead(output.fileHandleForReading.fileDescriptor, &bytes, bytes.count)
            if count >= 0 { return Data(bytes[..<count]) }
            if errno != EINTR { return Data() }
        }
    }

    /// Reads lines until one is a JSON object whose `type` is `type`, and returns it; `nil` at the
    /// end of output or at an `error` object (the child then waits for other input: the test
    /// fails instead of hanging).
    func read(type: String) -> [String: any Sendable]? {
        while let line = readLine() {
            guard let object = (try? JSONSerialization.jsonObject(with: Data(line.utf8))) as? [String: any Sendable] else {
                continue
            }
            if object["type"] as? String == type { return object }
            if object["type"] as? String == "error" { return nil }
        }
        return nil
    }

    /// Sends `text` as it is (add the line break yourself).
    func send(_ text: String) {
        try? input.fileHandleForWriting.write(contentsOf: Data(text.utf8))
    }

    /// Sends `signal` to the child.
    func signal(_ number: Int32) {
        kill(process.processIdentifier, number)
    }

    /// Closes standard input (unless `closingInput` is false: the child is expected to end on its
    /// own, and an end of input must not race with what ends it), reads the rest of the output and
    /// waits for the exit status.
    func finish(closingInput: Bool = true) -> Finished {
        if closingInput { try? input.fileHandleForWriting.close() }
        var rest: [String] = []
        while let line = readLine() { rest.append(line) }
        try? input.fileHandleForWriting.close()
        process.waitUntilExit()
        let errors = (try? String(contentsOf: errorFile, encoding: .utf8)) ?? ""
        try? FileManager.default.removeItem(at: errorFile)
        return Finished(status: process.terminationStatus, stdout: rest.map { $0 + "\n" }.joined(), stderr: errors)
    }
}

/// Runs several `codedrill` children at the same moment (all started before any is read) and
/// returns how each ended, in order.
func runTogether(
    _ runs: [(arguments: [String], input: String)], in directory: URL,
    environment: [String: String] = [:]
) async throws -> [Finished] {
    let specs = runs.map { SendableRun(arguments: $0.arguments, input: $0.input) }
    return try await offPool {
        let children = try specs.map { try Child($0.arguments, in: directory, environment: environment) }
        for (child, spec) in zip(children, specs) { child.send(spec.input) }
        // One after the other: the outputs are small, and a child waiting for its pipe to be read
        // holds no database lock (output is written after each commit).
        return children.map { $0.finish() }
    }
}

private struct SendableRun: Sendable {
    var arguments: [String]
    var input: String
}

/// Running a child as an ordinary user, for file-permission tests: root may write any file, so
/// as root the child runs as `nobody` through setpriv(1); as anyone else it runs as it is.
enum Unprivileged {
    static let setpriv = "/usr/bin/setpriv"
    static let arguments = ["--reuid=65534", "--regid=65534", "--clear-groups"]
    /// Whether permission tests can run here.
    static var available: Bool { getuid() != 0 || FileManager.default.isExecutableFile(atPath: setpriv) }

    /// Gives `path` to the user the child runs as (only needed as root).
    static func own(_ path: String) {
        if getuid() == 0 { _ = chown(path, 65534, 65534) }
    }
}

/// Row counts and SQLite's own integrity verdict, read straight from the file.
struct DatabaseRows: Equatable, Sendable {
    var learners: Int
    var reviews: Int
    var sessions: Int
    var examAttempts: Int
    var integrity: String

    init(path: String) throws {
        let queue = try DatabaseQueue(path: path)
        (learners, reviews, sessions, examAttempts, integrity) = try queue.read { db in
            (
                try Int.fetchOne(db, sql: "SELECT count(*) FROM learners")!,
                try Int.fetchOne(db, sql: "SELECT count(*) FROM reviews")!,
                try Int.fetchOne(db, sql: "SELECT count(*) FROM sessions")!,
                try Int.fetchOne(db, sql: "SELECT count(*) FROM exam_attempts")!,
                try String.fetchAll(db, sql: "PRAGMA integrity_check").joined(separator: "; ")
            )
        }
        try queue.close()
    }

    /// The first column of the first row of `sql` on the file at `path`.
    static func scalar(_ sql: String, path: String) throws -> Int? {
        let queue = try DatabaseQueue(path: path)
        defer { try? queue.close() }
        return try queue.read { try Int.fetchOne($0, sql: sql) }
    }

    /// The first column of every row of `sql` on the file at `path`.
    static func strings(_ sql: String, path: String) throws -> [String] {
        let queue = try DatabaseQueue(path: path)
        defer { try? queue.close() }
        return try queue.read { try String.fetchAll($0, sql: sql) }
    }

    init(learners: Int, reviews: Int, sessions: Int, examAttempts: Int, integrity: String = "ok") {
        self.learners = learners
        self.reviews = reviews
        self.sessions = sessions
        self.examAttempts = examAttempts
        self.integrity = integrity
    }
}

/// A small library (the question tests' six procedures) and a 4-question blueprint in a fresh
/// temporary directory.
struct SmallLibrary {
    let dir: URL

    init() throws {
        dir = try CodedrillProcess.temporaryDirectory()
        let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("QuestionsTests/Fixtures/Library/Content")
        try FileManager.default.copyItem(at: fixture, to: dir.appendingPathComponent("Content"))
        try dir.write(
            """
            name: Quick exam
            questions: 4
            minutes: 10
            pass: 50
            exclude_kinds: [pcs]
            parts:
              - label: All
                area: Musculoskeletal System
                share: 100

            """, to: "QuestionBanks/blueprints/quick.yaml")
        _ = chmod(dir.path, 0o755)
    }

    /// `codedrill drill` for lee on `db`, JSON, multiple-choice questions only, on a fixed day.
    func drill(db: String) -> [String] {
        [
            "drill", "--learner", "lee", "--json", "--kind", "vignette", "--library", dir.path, "--db", db,
            "--now", "2026-01-05T10:00:00Z",
        ]
    }

    /// How many items the library offers (what a first drill syncs into the `items` table).
    var itemCount: Int {
        get throws { try QuestionCatalog(library: Library.load(root: dir)).items.count }
    }

    /// A path in the library's directory.
    func file(_ name: String) -> String { dir.appendingPathComponent(name).path }

    func remove() { try? FileManager.default.removeItem(at: dir) }
}

/// Another writer on a database: holds SQLite's write lock (an open IMMEDIATE transaction) until released.
struct WriteLock: Sendable {
    private let queue: DatabaseQueue

    init(path: String) throws {
        var configuration = Configuration()
        configuration.allowsUnsafeTransactions = true  // the transaction stays open between calls
        queue = try DatabaseQueue(path: path, configuration: configuration)
    }

    /// Takes the write lock.
    func take() throws { try queue.writeWithoutTransaction { try $0.execute(sql: "BEGIN IMMEDIATE") } }

    /// Gives it back, writing nothing, and closes the connection.
    func release() throws {
        try queue.writeWithoutTransaction { try $0.execute(sql: "ROLLBACK") }
        try queue.close()
    }
}

/// read(2), named apart from `Child.readLine`'s neighbours.
private func systemRead(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
    read(descriptor, buffer, count)
}
