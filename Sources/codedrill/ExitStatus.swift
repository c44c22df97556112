import ArgumentParser
import Foundation

/// The documented exit codes of the command-line contract.
enum ExitStatus: Int32 {
    /// Success.
    case success = 0
    /// A check failed (lint found errors).
    case checkFailed = 1
    /// Bad usage (sysexits EX_USAGE).
    case usage = 64
    /// Bad input data: malformed content, answers or database contents (EX_DATAERR).
    case dataError = 65
    /// I/O or database error (EX_IOERR).
    case ioError = 74
}

/// An error a command reports as one line on standard error, exiting with `status`.
struct CommandFailure: Error, CustomStringConvertible {
    /// The one-line message, without the `codedrill: error:` prefix.
    var message: String
    /// The exit status.
    var status: ExitStatus

    var description: String { message }

    init(_ message: String, status: ExitStatus) {
        self.message = message
        self.status = status
    }
}

/// A subcommand whose failures are reported as one clear line and a documented exit code.
protocol CodeDrillCommand: ParsableCommand {
    /// The command's work; throw `CommandFailure` (or a library error) to fail.
    func execute() throws
}

extension CodeDrillCommand {
    func run() throws {
        do {
            try execute()
        } catch let exit as ExitCode {
            throw exit
        } catch let failure as CommandFailure {
            Terminal.error(failure.message)
            throw ExitCode(failure.status.rawValue)
        } catch let error as ReportableError {
            Terminal.error(error.message)
            throw ExitCode(error.exitStatus.rawValue)
        } catch {
            Terminal.error(String(describing: error))
            throw ExitCode(ExitStatus.ioError.rawValue)
        }
    }
}

/// Library errors that know which documented exit status they map to.
protocol ReportableError: Error {
    /// One line, naming the file/line where there is one.
    var message: String { get }
    /// The exit status for this error.
    var exitStatus: ExitStatus { get }
}
