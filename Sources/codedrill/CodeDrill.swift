import ArgumentParser
import Foundation

/// The `codedrill` command: a thin shell over the libraries. Each subcommand lives in `Commands/`.
@main
struct CodeDrill: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "codedrill",
        abstract: "Scenario drills and timed mock exams for medical coders (CPT, ICD-10-PCS, ICD-10-CM).",
        discussion: """
            Start with `codedrill drill`. Every command takes --library DIR, --db PATH and --now ISO8601; \
            `codedrill help COMMAND` shows its options.

            Exit codes: 0 success, 1 a check failed (lint errors), 64 usage, 65 bad input data, \
            74 I/O or database error.
            """,
        subcommands: commandList
    )

    /// Runs a command; every failure ends as one `codedrill: error:` line and a documented exit code.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                Terminal.line(fullMessage(for: error))
                Foundation.exit(0)
            }
            let message = message(for: error).trimmingCharacters(in: .whitespacesAndNewlines)
            if !message.isEmpty {
                let line = message.hasPrefix("Error: ") ? String(message.dropFirst(7)) : message
                Terminal.error(line.replacingOccurrences(of: "\n", with: " ") + " (see `codedrill help`)")
            }
            Foundation.exit(code.rawValue)
        }
    }
}
