import Foundation

/// Drives the built `codedrill` binary line by line, the way a front end does: read a question,
/// send an answer.
final class InteractiveProcess {
    private let process = Process()
    private let input = Pipe()
    private let output = Pipe()
    private var buffer = Data()
    /// Every line read so far.
    private(set) var transcript: [String] = []

    /// Starts `codedrill arguments…` in `directory` with `environment` added to a clean one.
    init(_ arguments: [String], in directory: URL, environment: [String: String] = [:]) throws {
        process.executableURL = CodedrillProcess.binary
        process.arguments = arguments
        process.currentDirectoryURL = directory
        process.environment = CodedrillProcess.environment(home: directory, adding: environment)
        process.standardInput = input
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
    }

    /// The next output line, or `nil` at end of output.
    func readLine() async -> String? {
        while true {
            if let newline = buffer.firstIndex(of: 0x0A) {
                let line = String(decoding: buffer[buffer.startIndex..<newline], as: UTF8.self)
                buffer.removeSubrange(buffer.startIndex...newline)
                transcript.append(line)
                return line
            }
            let handle = output.fileHandleForReading
            let chunk = (try? await offThePool { handle.availableData }) ?? Data()
            if chunk.isEmpty {
                guard !buffer.isEmpty else { return nil }
                let line = String(decoding: buffer, as: UTF8.self)
                buffer.removeAll()
                transcript.append(line)
                return line
            }
            buffer.append(chunk)
        }
    }

    /// The next output line parsed as a JSON object.
    func readJSON() async throws -> [String: Any] {
        guard let line = await readLine() else { throw ProcessEnded(transcript: transcript) }
        guard let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else {
            throw NotAnObject(line: line)
        }
        return object
    }

    /// Sends one input line.
    func send(_ line: String) {
        input.fileHandleForWriting.write(Data((line + "\n").utf8))
    }

    /// Closes standard input (end of input) and waits for the exit status.
    func finish() async -> Int32 {
        try? input.fileHandleForWriting.close()
        while await readLine() != nil {}
        await process.exited()
        return process.terminationStatus
    }

    struct ProcessEnded: Error { var transcript: [String] }
    struct NotAnObject: Error { var line: String }
}
