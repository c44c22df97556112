import Foundation
import ProgressStore

/// Opening the progress database for a command: one place that resolves `--db` and reports store
/// failures with the documented exit codes.
extension GlobalOptions {
    /// The database path: `--db`, else `$CODEDRILL_DB`, else the XDG data directory.
    func databasePath() throws -> String {
        guard let path = DatabaseLocation.resolve(explicitPath: db, environment: environment) else {
            throw CommandFailure(
                "cannot find a place for the progress database: pass --db PATH or set CODEDRILL_DB or HOME",
                status: .usage)
        }
        return path
    }

    /// Opens (creating or migrating when needed) the progress database.
    func openStore() throws -> ProgressStore {
        try ProgressStore(path: databasePath())
    }

    /// Opens the progress database only if its file exists, for commands that inspect or copy it.
    func openExistingStore() throws -> ProgressStore {
        let path = try databasePath()
        guard FileManager.default.fileExists(atPath: path) else {
            throw CommandFailure("no progress database at \(path)", status: .ioError)
        }
        return try ProgressStore(path: path)
    }
}

extension StoreError: ReportableError {
    /// 65 for foreign, damaged or newer files and impossible requests; 74 for I/O failures.
    var exitStatus: ExitStatus {
        switch kind {
        case .dataError: .dataError
        case .ioError: .ioError
        }
    }
}
