import ArgumentParser
import Determinism
import Foundation

/// Options every command takes (the command-line contract): library, database and clock.
struct GlobalOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "Library directory holding Content/ and/or QuestionBanks/.",
            discussion:
                "Default: $CODEDRILL_LIBRARY, else the nearest enclosing directory with Content/ or QuestionBanks/, else the installed library ($XDG_DATA_HOME/codedrill/library or ~/.local/share/codedrill/library, then ../share/codedrill/library beside the binary), else the checkout the binary was built from.",
            valueName: "dir"))
    var library: String?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Progress database file.",
            discussion:
                "Default: $CODEDRILL_DB, else $XDG_DATA_HOME/codedrill/progress.sqlite, else ~/.local/share/codedrill/progress.sqlite.",
            valueName: "path"))
    var db: String?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Fix the clock (ISO 8601, e.g. 2026-01-05T09:00:00Z); also $CODEDRILL_NOW.",
            valueName: "iso8601"))
    var now: String?

    /// The environment, read once.
    var environment: [String: String] { ProcessInfo.processInfo.environment }

    /// The current time: `--now`, else `$CODEDRILL_NOW`, else the system clock.
    func currentDate() throws -> Date {
        guard let text = now ?? environment["CODEDRILL_NOW"] else { return Date() }
        guard let date = ISO8601.parse(text) else {
            throw CommandFailure("--now: '\(text)' is not an ISO 8601 date-time (example: 2026-01-05T09:00:00Z)", status: .usage)
        }
        return date
    }
}
