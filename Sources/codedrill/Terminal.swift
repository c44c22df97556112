import Determinism
import Foundation

/// The one place that writes to standard output and standard error.
enum Terminal {
    /// Writes `text` and a newline to standard output and flushes, so a front end reading the
    /// pipe sees each line as soon as it is written.
    static func line(_ text: String = "") {
        FileHandle.standardOutput.write(Data((text + "\n").utf8))
    }

    /// Writes `text` exactly as it is (a whole file's contents) to standard output.
    static func output(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    /// Writes `value` as one compact JSON object on one line: the drill's and the exam's `--json`
    /// line protocol.
    static func jsonLine<T: Encodable>(_ value: T) {
        line((try? CodedrillJSON.string(value, pretty: false)) ?? "{\"type\":\"error\",\"message\":\"cannot encode output\"}")
    }

    /// Writes text without a newline (a prompt) to standard output.
    static func prompt(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    /// Writes `codedrill: error: message` to standard error.
    static func error(_ message: String) {
        FileHandle.standardError.write(Data("codedrill: error: \(message)\n".utf8))
    }

    /// Writes one `path:line:column: severity: message` line to standard error, as compilers do.
    static func diagnostic(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }

    /// Writes a warning or progress note to standard error.
    static func note(_ message: String) {
        FileHandle.standardError.write(Data("codedrill: \(message)\n".utf8))
    }

    /// Whether colour may be used on standard output: a terminal and `NO_COLOR` unset.
    static var colorEnabled: Bool {
        isatty(STDOUT_FILENO) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
    }
}
