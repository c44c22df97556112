import Foundation
import GRDB

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What an existing database file says about itself, read without writing a byte.
///
/// codedrill decides whether it may touch a file before it opens it for writing: switching a file to
/// WAL mode, or running a migration, would modify a stranger's file.
struct DatabaseIdentity: Equatable, Sendable {
    /// `PRAGMA application_id`.
    var applicationID: Int32
    /// `PRAGMA user_version`.
    var userVersion: Int32
    /// Names of the tables in the schema.
    var tables: Set<String>
    /// Identifiers recorded in `grdb_migrations`, if that table exists.
    var appliedMigrations: Set<String>

    /// Whether codedrill may open (and migrate) a database with this identity; the error says why
    /// not. Pure, so that every refusal is tested without files.
    func verdict(path: String) -> Result<Void, StoreError> {
        if applicationID != 0 && applicationID != Schema.applicationID {
            return .failure(Self.foreign(path, "it belongs to another application: application id \(Self.hex(applicationID))"))
        }
        if applicationID == Schema.applicationID {
            if userVersion > Schema.version {
                return .failure(Self.newer(path, version: userVersion))
            }
            let unknownMigrations = appliedMigrations.subtracting(Schema.migrationIdentifiers)
            if !unknownMigrations.isEmpty {
                let names = unknownMigrations.sorted().joined(separator: ", ")
                return .failure(Self.newer(path, reason: "it has migrations this one does not know: \(names)"))
            }
            return .success(())
        }
        // application_id 0: a fresh file, or one that another program made.
        let strangers = tables.filter { !$0.hasPrefix("sqlite_") && !Schema.tableNames.contains($0) }
        if !strangers.isEmpty {
            let names = strangers.sorted().joined(separator: ", ")
            return .failure(Self.foreign(path, "it holds tables codedrill does not use: \(names)"))
        }
        if userVersion != 0 {
            return .failure(Self.foreign(path, "it has user_version \(userVersion) but no codedrill application id"))
        }
        return .success(())
    }

    static func foreign(_ path: String, _ reason: String) -> StoreError {
        .data("\(path) is not a codedrill database (\(reason)); it was left untouched")
    }

    static func newer(_ path: String, version: Int32) -> StoreError {
        newer(path, reason: "schema version \(version); this one knows up to \(Schema.version)")
    }

    static func newer(_ path: String, reason: String) -> StoreError {
        .data("\(path) was written by a newer codedrill (\(reason)); it was left untouched, update codedrill to open it")
    }

    static func hex(_ value: Int32) -> String {
        "0x" + String(UInt32(bitPattern: value), radix: 16, uppercase: true)
    }
}

/// The first 100 bytes of an SQLite file, as far as codedrill cares.
struct SQLiteHeader: Equatable, Sendable {
    /// `PRAGMA user_version` as of the last checkpoint (bytes 60–63).
    var userVersion: Int32
    /// `PRAGMA application_id` as of the last checkpoint (bytes 68–71).
    var applicationID: Int32

    /// The magic string every SQLite 3 database starts with.
    static let magic = Array("SQLite format 3\u{0}".utf8)

    /// Parses `bytes`, or returns `nil` when they are not the start of an SQLite 3 database.
    init?(_ bytes: [UInt8]) {
        guard bytes.count >= 100, Array(bytes[0..<16]) == Self.magic else { return nil }
        func int32(at offset: Int) -> Int32 {
            let value = bytes[offset..<offset + 4].reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
            return Int32(bitPattern: value)
        }
        userVersion = int32(at: 60)
        applicationID = int32(at: 68)
    }
}

/// The state of the file at a database path before codedrill opens it for writing.
enum DatabaseFile {
    /// No file, or a 0-byte file: codedrill initialises it.
    case empty
    /// An SQLite database that codedrill may open.
    case codedrill

    /// Looks at `path` without writing to it, and throws a `StoreError` if codedrill must leave it
    /// alone. The header is checked first so that most strangers are never even opened by SQLite;
    /// the rest is read through a read-only connection, because in WAL mode the header on disk may
    /// lag behind the last commit.
    static func inspect(_ path: String, busyTimeout: TimeInterval) throws(StoreError) -> DatabaseFile {
        try inspect(path, busyTimeout: busyTimeout, rolledBack: false)
    }

    /// `rolledBack`: a hot journal beside the file was already rolled back once.
    private static func inspect(
        _ path: String, busyTimeout: TimeInterval, rolledBack: Bool
    ) throws(StoreError)
        -> DatabaseFile
    {
        var status = stat()
        if stat(path, &status) != 0 {
            let code = errno
            if code == ENOENT { return .empty }
            throw .io("cannot read \(path): \(String(cString: strerror(code)))")
        }
        if (status.st_mode & S_IFMT) == S_IFDIR {
            throw .io("\(path) is a directory, not a database file")
        }
        if status.st_size == 0 { return .empty }
        let bytes = try readPrefix(path, count: 100)
        guard let header = SQLiteHeader(bytes) else {
            // A process killed inside the first transaction on a new file may have written later
            // pages but not page 1 yet; its rollback journal undoes that.
            if !rolledBack && hasRollbackJournal(path) {
                do {
                    _ = try readIdentity(path, busyTimeout: busyTimeout, readonly: false)
                } catch {
                    throw translating(error, path: path)
                }
                return try inspect(path, busyTimeout: busyTimeout, rolledBack: true)
            }
            throw DatabaseIdentity.foreign(path, "not an SQLite file")
        }
        if header.applicationID != 0 && header.applicationID != Schema.applicationID {
            throw DatabaseIdentity.foreign(
                path, "it belongs to another application: application id \(DatabaseIdentity.hex(header.applicationID))")
        }
        if header.applicationID == Schema.applicationID && header.userVersion > Schema.version {
            throw DatabaseIdentity.newer(path, version: header.userVersion)
        }
        let identity = try readIdentity(path, busyTimeout: busyTimeout)
        try identity.verdict(path: path).get()
        return .codedrill
    }

    /// Whether an SQLite rollback journal (it starts with SQLite's journal magic) lies beside `path`.
    private static func hasRollbackJournal(_ path: String) -> Bool {
        (try? readPrefix(path + "-journal", count: 8)) == journalMagic
    }

    /// The first eight bytes of every SQLite rollback journal header.
    private static let journalMagic: [UInt8] = [0xD9, 0xD5, 0x05, 0xF9, 0x20, 0xA1, 0x63, 0xD7]

    private static func readPrefix(_ path: String, count: Int) throws(StoreError) -> [UInt8] {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        if descriptor < 0 {
            throw .io("cannot read \(path): \(String(cString: strerror(errno)))")
        }
        defer { close(descriptor) }
        var bytes = [UInt8](repeating: 0, count: count)
        var filled = 0
        while filled < count {
            let got = bytes.withUnsafeMutableBytes { buffer in
                read(descriptor, buffer.baseAddress! + filled, count - filled)
            }
            if got < 0 {
                if errno == EINTR { continue }
                throw .io("cannot read \(path): \(String(cString: strerror(errno)))")
            }
            if got == 0 { break }
            filled += got
        }
        return Array(bytes[0..<filled])
    }

    /// Reads the identity through a read-only connection. A process killed in the middle of a
    /// transaction in rollback-journal mode (a new file is in that mode until it is switched to WAL)
    /// leaves a hot `-journal` beside the file, and a read-only connection refuses to read it
    /// (`SQLITE_READONLY_ROLLBACK`, "attempt to write a readonly database"); the identity is then
    /// read through a writable connection, whose first read rolls the journal back and restores the
    /// last committed state, as any SQLite client would. Only an SQLite file with an SQLite journal
    /// is ever rolled back, so a stranger's file keeps its committed content.
    private static func readIdentity(_ path: String, busyTimeout: TimeInterval) throws(StoreError) -> DatabaseIdentity {
        do {
            return try readIdentity(path, busyTimeout: busyTimeout, readonly: true)
        } catch let error as DatabaseError where error.extendedResultCode == .SQLITE_READONLY_ROLLBACK {
            do {
                return try readIdentity(path, busyTimeout: busyTimeout, readonly: false)
            } catch {
                throw translating(error, path: path)
            }
        } catch {
            throw translating(error, path: path)
        }
    }

    private static func translating(_ error: any Error, path: String) -> StoreError {
        if let error = error as? DatabaseError, error.resultCode == .SQLITE_NOTADB {
            return DatabaseIdentity.foreign(path, "not an SQLite file")
        }
        return StoreError.translating(error, path: path)
    }

    private static func readIdentity(_ path: String, busyTimeout: TimeInterval, readonly: Bool) throws -> DatabaseIdentity {
        var configuration = Configuration()
        configuration.readonly = readonly
        configuration.busyMode = .timeout(busyTimeout)
        configuration.label = "codedrill.inspect"
        let queue = try DatabaseQueue(path: path, configuration: configuration)
        defer { try? queue.close() }
        return try queue.read { db in
            let tables = try String.fetchSet(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table'")
            let applied =
                tables.contains("grdb_migrations")
                ? try String.fetchSet(db, sql: "SELECT identifier FROM grdb_migrations")
                : []
            return DatabaseIdentity(
                applicationID: try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0,
                userVersion: try Int32.fetchOne(db, sql: "PRAGMA user_version") ?? 0,
                tables: tables,
                appliedMigrations: applied)
        }
    }
}
