import Foundation
import GRDB

/// One learner-progress database: learners, items, cards, reviews, sessions and exam attempts in
/// one SQLite file, opened in WAL mode so that several codedrill processes can share it.
///
/// Opening never modifies a file that is not a codedrill database (or is a newer one); a new or
/// empty file is initialised, an older schema is migrated in place. Every operation is one
/// transaction: it either happens completely and durably or not at all. All methods are safe to
/// call from several threads and several processes at once.
public final class ProgressStore: Sendable {
    /// How long an operation waits for another process's write lock before failing.
    public static let busyTimeout: TimeInterval = 5

    /// The schema version this build reads and writes (`PRAGMA user_version`).
    public static var schemaVersion: Int { Int(Schema.version) }

    /// The database file.
    public let path: String
    let pool: DatabasePool

    /// Opens the database at `path`, creating it (mode 0600, with its directory) when missing or
    /// empty, and migrating an older schema forward.
    ///
    /// Throws a `.dataError` without touching the file when it is not a codedrill database (not
    /// SQLite, another application's id, tables codedrill does not use) or has a newer schema; an
    /// `.ioError` when it cannot be read, created or locked.
    public init(path: String) throws(StoreError) {
        self.path = path
        try DatabaseLocation.createIfMissing(path)
        _ = try DatabaseFile.inspect(path, busyTimeout: Self.busyTimeout)
        pool = try Self.openPool(path)
        do {
            // GRDB sets synchronous=NORMAL with WAL: a commit could then be lost to a power cut.
            // A learner answers every few seconds, so pay for one fsync per answer instead.
            try pool.writeWithoutTransaction { try $0.execute(sql: "PRAGMA synchronous = FULL") }
        } catch {
            throw StoreError.translating(error, path: path)
        }
        try migrate()
    }

    /// Opens a pool, retrying while another process holds the lock needed to switch a new file to
    /// WAL mode: `PRAGMA journal_mode = WAL` fails at once with "database is locked" instead of
    /// waiting on the busy timeout.
    private static func openPool(_ path: String) throws(StoreError) -> DatabasePool {
        var configuration = Configuration()
        configuration.busyMode = .callback(pollingBusyHandler)
        configuration.label = "codedrill"
        configuration.maximumReaderCount = 4
        let deadline = Date().addingTimeInterval(busyTimeout)
        var pause: UInt32 = 2_000
        while true {
            do {
                return try DatabasePool(path: path, configuration: configuration)
            } catch let error as DatabaseError where isLockContention(error) && Date() < deadline {
                usleep(pause + UInt32.random(in: 0...pause))
                pause = min(pause * 2, 50_000)
            } catch {
                throw StoreError.translating(error, path: path)
            }
        }
    }

    /// Waits for another writer by polling every millisecond, for at least `busyTimeout`.
    ///
    /// SQLite's own timeout handler backs off to sleeps of 100 ms, so a process that commits answers
    /// back to back holds the lock at nearly every wake-up of a waiting one and can starve it for the
    /// whole timeout (seen as exit 74 in the two-writer process test on a loaded machine). Polling
    /// each millisecond lets the waiter in between the other's transactions. Each try sleeps at least
    /// 1 ms, so giving up after `busyTimeout` × 1,000 tries waits at least the timeout.
    private static let pollingBusyHandler: Database.BusyCallback = { tries in
        usleep(1_000)
        return tries < Int(busyTimeout * 1_000)
    }

    private static func isLockContention(_ error: DatabaseError) -> Bool {
        switch error.resultCode {
        case .SQLITE_BUSY, .SQLITE_LOCKED: return true
        default: return error.message?.contains("could not activate WAL Mode") ?? false
        }
    }

    /// Runs the migrations that have not run yet. GRDB reads the list of applied migrations before
    /// it takes the write lock, so a process racing another one to initialise the same new file can
    /// try to apply a migration the other has just committed; it then fails inside its own
    /// transaction (nothing is written) and simply looks again.
    private func migrate() throws(StoreError) {
        let migrator = Schema.migrator
        var attempt = 1
        while true {
            do {
                try migrator.migrate(pool)
                return
            } catch {
                if attempt >= 3 { throw StoreError.translating(error, path: path) }
                attempt += 1
            }
        }
    }

    /// Closes the database connections; later calls fail with an I/O error.
    public func close() throws(StoreError) {
        do { try pool.close() } catch { throw StoreError.translating(error, path: path) }
    }

    /// Runs `updates` in one write transaction (IMMEDIATE: it waits for other writers, up to the busy
    /// timeout, before reading anything).
    func write<T>(_ updates: (Database) throws -> T) throws(StoreError) -> T {
        do { return try pool.write(updates) } catch { throw StoreError.translating(error, path: path) }
    }

    /// Runs `value` in one read transaction: a consistent snapshot, never blocked by writers.
    func read<T>(_ value: (Database) throws -> T) throws(StoreError) -> T {
        do { return try pool.read(value) } catch { throw StoreError.translating(error, path: path) }
    }
}
