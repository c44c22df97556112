import Foundation
import GRDB

/// A failure of the progress store, as one line a person can act on.
///
/// `kind` says whether the problem is the data (a foreign, damaged or newer file, or a request the
/// data cannot satisfy) or the machine (permissions, disk, locks held too long).
public struct StoreError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The two families of store failure; the command line maps them to exit codes 65 and 74.
    public enum Kind: Sendable, Equatable {
        /// The file or the request is wrong: not a codedrill database, a newer schema, a damaged
        /// file, an unknown learner or item.
        case dataError
        /// The file could not be read or written: permissions, a full disk, a lock held too long.
        case ioError
    }

    /// Whether this is a data or an I/O problem.
    public var kind: Kind
    /// One line, without a trailing period, naming the file where there is one.
    public var message: String

    /// Creates an error of `kind` with a one-line `message`.
    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    /// The message.
    public var description: String { message }

    static func data(_ message: String) -> StoreError { StoreError(.dataError, message) }
    static func io(_ message: String) -> StoreError { StoreError(.ioError, message) }

    /// Translates any error thrown while working on the database at `path` into a `StoreError`.
    static func translating(_ error: any Error, path: String) -> StoreError {
        if let error = error as? StoreError { return error }
        guard let error = error as? DatabaseError else {
            return .io("\(path): \(error)")
        }
        let detail = error.message ?? "SQLite error \(error.extendedResultCode.rawValue)"
        switch error.resultCode {
        case .SQLITE_CORRUPT, .SQLITE_NOTADB, .SQLITE_FORMAT:
            return .data("\(path) is damaged: \(detail); restore it from a backup")
        case .SQLITE_CONSTRAINT, .SQLITE_MISMATCH, .SQLITE_TOOBIG:
            return .data("\(path): \(detail)")
        case .SQLITE_BUSY, .SQLITE_LOCKED:
            return .io(StorageTrouble.locked(path, seconds: Int(ProgressStore.busyTimeout)))
        case .SQLITE_FULL:
            return .io(StorageTrouble.diskFull(path))
        case _ where StorageTrouble.isDiskFull(path):
            // A full disk also shows as "disk I/O error" (a -shm or -wal file that cannot grow).
            return .io(StorageTrouble.diskFull(path))
        case .SQLITE_READONLY, .SQLITE_PERM, .SQLITE_AUTH:
            return .io(StorageTrouble.unwritable(path, detail: detail))
        case .SQLITE_CANTOPEN:
            let unwritable = StorageTrouble.unwritable(path, detail: detail)
            return .io(unwritable.hasSuffix(": \(detail)") ? "\(path) cannot be opened: \(detail)" : unwritable)
        default:
            return .io("\(path): \(detail)")
        }
    }
}
