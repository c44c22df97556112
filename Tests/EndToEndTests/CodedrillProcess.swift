import Foundation

/// Runs the built `codedrill` binary, the one beside this test bundle in the build folder.
struct CodedrillProcess {
    /// What a finished run printed and returned.
    struct Result {
        var stdout: String
        var stderr: String
        var status: Int32
    }

    /// The binary's URL: `/proc/self/exe` is the test runner inside the build folder.
    static var binary: URL {
        let exe = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        var directory = exe.deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = directory.appendingPathComponent("codedrill")
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isDirectory), !isDirectory.boolValue {
                return candidate
            }
            directory = directory.deletingLastPathComponent()
        }
        return exe.deletingLastPathComponent().appendingPathComponent("codedrill")
    }

    /// A child's clean environment: `HOME` is `directory`, no colour, UTF-8, UTC, plus `extra`.
    static func environment(home directory: URL, adding extra: [String: String]) -> [String: String] {
        var environment = ["HOME": directory.path, "PATH": "/usr/bin:/bin", "NO_COLOR": "1", "LANG": "C.UTF-8", "TZ": "UTC"]
        environment.merge(extra) { _, new in new }
        return environment
    }

    /// A fresh temporary directory, removed by the caller when done.
    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("codedrill-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Runs `codedrill arguments…` in `directory` with `input` on standard input and a clean environment
    /// (HOME and the database pointed into `directory` unless `environment` says otherwise).
    ///
    /// Async, and blocking only a thread of its own: waiting for a child on one of the cooperative
    /// pool's few threads would stall unrelated tests.
    static func run(
        _ arguments: [String], in directory: URL, input: String = "", environment: [String: String] = [:]
    ) async throws -> Result {
        try await offThePool { try runBlocking(arguments, in: directory, input: input, environment: environment) }
    }

    private static func runBlocking(_ arguments: [String], in directory: URL, input: String, environment: [String: String]) throws -> Result
    {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.currentDirectoryURL = directory
        process.environment = Self.environment(home: directory, adding: environment)
        let stdin = Pipe()
        let stdout = Pipe()
        // Standard error goes to a file, so reading standard output to its end can never deadlock.
        let errURL = FileManager.default.temporaryDirectory.appendingPathComponent("codedrill-stderr-\(UUID().uuidString)")
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: errURL) }
        let stderr = try FileHandle(forWritingTo: errURL)
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        try stderr.close()
        stdin.fileHandleForWriting.write(Data(input.utf8))
        try stdin.fileHandleForWriting.close()
        let outData = stdout.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let errData = (try? Data(contentsOf: errURL)) ?? Data()
        return Result(
            stdout: String(decoding: outData, as: UTF8.self), stderr: String(decoding: errData, as: UTF8.self),
            status: process.terminationStatus)
    }
}

extension URL {
    /// Writes `text` to `relativePath` under this directory, creating folders.
    func write(_ text: String, to relativePath: String) throws {
        let url = appendingPathComponent(relativePath)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }
}

/// Runs blocking work (waiting for a child process, reading a pipe) on a thread of its own and
/// resumes when it is done, so that it never holds one of the cooperative pool's threads.
func offThePool<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        Thread.detachNewThread { continuation.resume(with: Swift.Result { try work() }) }
    }
}

extension Process {
    /// Waits for the process to exit without blocking the cooperative pool.
    func exited() async {
        _ = try? await offThePool { [self] in waitUntilExit() }
    }
}
