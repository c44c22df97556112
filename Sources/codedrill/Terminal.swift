import Determinism
import Foundation

/// The one place that writes to standard output and standard error.
enum Terminal {
    /// Writes `text` and a newline to standard output and flushes, so a front end reading the
    /// pipe sees each line as soon as it is written.
    static func line(_ text: String = "") {
        put(STDOUT_FILENO, text + "\n")
    }

    /// Writes `text` exactly as it is (a whole file's contents) to standard output.
    static func output(_ text: String) {
        put(STDOUT_FILENO, text)
    }

    /// Writes `value` as one compact JSON object on one line: the drill's and the exam's `--json`
    /// line protocol.
    static func jsonLine<T: Encodable>(_ value: T) {
        line((try? CodedrillJSON.string(value, pretty: false)) ?? "{\"type\":\"error\",\"message\":\"cannot encode output\"}")
    }

    /// Writes text without a newline (a prompt) to standard output.
    static func prompt(_ text: String) {
        put(STDOUT_FILENO, text)
    }

    /// Writes `codedrill: error: message` to standard error.
    static func error(_ message: String) {
        put(STDERR_FILENO, "codedrill: error: \(message)\n")
    }

    /// Writes one `path:line:column: severity: message` line to standard error, as compilers do.
    static func diagnostic(_ line: String) {
        put(STDERR_FILENO, line + "\n")
    }

    /// Writes a warning or progress note to standard error.
    static func note(_ message: String) {
        put(STDERR_FILENO, "codedrill: \(message)\n")
    }

    /// Writes all of `text` to `descriptor`. A closed terminal or pipe (a hang-up, a front end
    /// that went away) drops the text instead of ending the process with a trap: what matters
    /// then is the database, and it is already written.
    private static func put(_ descriptor: Int32, _ text: String) {
        var text = text
        text.withUTF8 { bytes in
            var offset = 0
            while offset < bytes.count {
                let written = write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return
                }
                offset += written
            }
        }
    }

    /// Whether colour may be used on standard output: a terminal and `NO_COLOR` unset.
    static var colorEnabled: Bool {
        isatty(STDOUT_FILENO) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
    }
}
