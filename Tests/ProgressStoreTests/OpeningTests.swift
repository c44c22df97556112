import Foundation
import GRDB
import Synchronization
import Testing

@testable import ProgressStore

@Suite("Opening a database file")
struct OpeningTests {
    @Test func missingFileIsCreatedWithSchemaIdentityAndOwnerOnlyModes() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.file("deep/er/progress.sqlite")
        let store = try ProgressStore(path: path)
        try store.close()

        #expect(mode(path) == 0o600)
        #expect(mode(directory.file("deep/er")) == 0o700)
        let db = try rawDatabase(path, readonly: true)
        try db.read { db in
            #expect(try Int.fetchOne(db, sql: "PRAGMA application_id") == 0x4344_524C)
            #expect(try Int.fetchOne(db, sql: "PRAGMA user_version") == 4)
            #expect(ProgressStore.schemaVersion == 4)
            #expect(try String.fetchOne(db, sql: "PRAGMA journal_mode") == "wal")
            #expect(
                try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations") == [
                    "v1-initial-schema", "v2-learner-fsrs-parameters-and-exam", "v3-review-counts-and-outcome-index",
                    "v4-exam-questions-as-shown",
                ])
            let tables = try String.fetchSet(
                db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
            #expect(tables == Schema.tableNames)
            func columns(_ table: String) throws -> [String] { try db.columns(in: table).map(\.name) }
            #expect(
                try columns("learners") == [
                    "id", "name", "created_at", "new_per_day", "reviews_per_day", "desired_retention", "fsrs_parameters",
                    "fsrs_parameters_fitted_at", "exam_date", "exam_blueprint", "review_count",
                ])
            #expect(
                try columns("items") == [
                    "id", "kind", "source", "content_hash", "position", "first_seen_at", "retired_at",
                ])
            #expect(
                try columns("cards") == [
                    "learner_id", "item_id", "phase", "step", "stability", "difficulty", "due_at", "last_review_at",
                    "reps", "lapses", "introduced_at",
                ])
            #expect(try columns("new_items") == ["learner_id", "item_id", "position"])
            #expect(
                try columns("sessions") == [
                    "id", "learner_id", "kind", "started_at", "ended_at", "answered", "correct",
                ])
            let card = ["phase", "step", "stability", "difficulty", "due_at", "last_review_at", "reps", "lapses"]
            #expect(
                try columns("reviews") == [
                    "id", "learner_id", "item_id", "session_id", "reviewed_at", "seed", "answer", "correct", "rating",
                    "response_ms",
                ] + card.map { "before_" + $0 } + card.map { "after_" + $0 })
            #expect(
                try columns("exam_attempts") == [
                    "id", "learner_id", "session_id", "blueprint", "started_at", "deadline_at", "submitted_at", "score",
                ])
            #expect(
                try columns("exam_questions") == [
                    "attempt_id", "position", "item_id", "seed", "answer", "correct", "flagged", "answered_at", "options",
                    "answer_key", "choice",
                ])
            let indexes = try String.fetchSet(
                db, sql: "SELECT name FROM sqlite_master WHERE type = 'index' AND name NOT LIKE 'sqlite_%'")
            #expect(
                indexes == [
                    "items_retired", "cards_by_due", "cards_by_introduction", "new_items_in_order", "sessions_by_learner",
                    "reviews_by_learner_time_outcome", "reviews_by_card", "reviews_by_session", "exam_attempts_by_learner",
                    "exam_attempts_by_session",
                ])
        }
    }

    @Test func emptyFileIsInitialised() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.file("progress.sqlite")
        #expect(FileManager.default.createFile(atPath: path, contents: Data()))
        let store = try ProgressStore(path: path)
        #expect(try store.check() == DatabaseCheck(schemaVersion: 4, problems: []))
    }

    /// A process killed inside a transaction before the file is switched to WAL leaves a hot
    /// rollback journal. A read-only look at the file used to fail with "attempt to write a readonly
    /// database" (seen in the kill test on CI) or, when page 1 was not written yet, call the file
    /// foreign. `pageOneOnDisk`: the file already held a committed empty schema, so the interrupted
    /// transaction's page 1 reaches the disk with a valid header; otherwise the file was empty.
    @Test(arguments: [false, true])
    func aHotJournalLeftByAKilledProcessIsRolledBackAndTheFileInitialised(pageOneOnDisk: Bool) throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let writing = directory.file("writing.sqlite")
        let path = directory.file("progress.sqlite")
        try rawDatabase(writing).inDatabase { db in
            if pageOneOnDisk {
                try db.execute(sql: "CREATE TABLE scratch (x); DROP TABLE scratch")
            }
            // A tiny cache makes SQLite spill modified pages to the file mid-transaction, after
            // writing their committed state to the journal.
            try db.execute(sql: "PRAGMA cache_size = 2")
            try db.execute(sql: "BEGIN IMMEDIATE")
            try db.execute(sql: "CREATE TABLE half_done (body BLOB)")
            for _ in 0..<200 {
                try db.execute(sql: "INSERT INTO half_done VALUES (zeroblob(1000))")
            }
            // Copies taken now are what a SIGKILL leaves behind: pages on disk, a hot journal.
            try FileManager.default.copyItem(atPath: writing, toPath: path)
            try FileManager.default.copyItem(atPath: writing + "-journal", toPath: path + "-journal")
            try db.execute(sql: "ROLLBACK")
        }
        #expect(bytes(path).count > 100_000)
        #expect(bytes(path + "-journal").count > 0)
        #expect((SQLiteHeader(Array(bytes(path).prefix(100))) != nil) == pageOneOnDisk)

        let store = try ProgressStore(path: path)
        #expect(try store.check() == DatabaseCheck(schemaVersion: 4, problems: []))
        try store.close()
        #expect(!FileManager.default.fileExists(atPath: path + "-journal"))
        try rawDatabase(path, readonly: true).read { db in
            let interrupted = try db.tableExists("half_done")
            #expect(!interrupted)
        }
    }

    @Test func reopeningKeepsEverything() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let (store, pat) = try makeStore(directory)
        let review = try store.answer("item-1", learner: pat.id, giving: reviewCard(due: monday + 86_400))
        try store.close()
        let again = try ProgressStore(path: directory.file("progress.sqlite"))
        #expect(try again.learners() == [pat])
        #expect(try again.reviews(learner: pat.id) == [review])
    }

    @Test func plainTextFileNamedLikeADatabaseIsRefusedAndLeftUntouched() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.file("progress.sqlite")
        let text = Data("my shopping list\neggs\n".utf8)
        #expect(FileManager.default.createFile(atPath: path, contents: text))

        #expect(throws: StoreError(.dataError, "\(path) is not a codedrill database (not an SQLite file); it was left untouched")) {
            try ProgressStore(path: path)
        }
        #expect(bytes(path) == text)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["progress.sqlite"])
    }

    @Test func sqliteDatabaseWithOtherTablesIsRefusedAndLeftUntouched() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.file("progress.sqlite")
        try rawDatabase(path).write { db in
            try db.execute(sql: "CREATE TABLE tags (name TEXT); CREATE TABLE notes (body TEXT); INSERT INTO notes VALUES ('x')")
        }
        let before = bytes(path)

        #expect(
            throws: StoreError(
                .dataError,
                "\(path) is not a codedrill database (it holds tables codedrill does not use: notes, tags); it was left untouched")
        ) {
            try ProgressStore(path: path)
        }
        #expect(bytes(path) == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["progress.sqlite"])
    }

    @Test func anotherApplicationsDatabaseIsRefusedAndLeftUntouched() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.file("progress.sqlite")
        try rawDatabase(path).write { db in try db.execute(sql: "PRAGMA application_id = 305419896") }
        let before = bytes(path)

        #expect(
            throws: StoreError(
                .dataError,
                "\(path) is not a codedrill database (it belongs to another application: application id 0x12345678); it was left untouched")
        ) {
            try ProgressStore(path: path)
        }
        #expect(bytes(path) == before)
    }

    @Test func newerSchemaIsRefusedAndLeftUntouched() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.file("progress.sqlite")
        try ProgressStore(path: path).close()
        let raw = try rawDatabase(path)
        try raw.write { db in
            try db.execute(sql: "PRAGMA user_version = 5; CREATE TABLE cohorts (id INTEGER PRIMARY KEY)")
        }
        try raw.close()
        let before = bytes(path)

        #expect(
            throws: StoreError(
                .dataError,
                "\(path) was written by a newer codedrill (schema version 5; this one knows up to 4); it was left untouched, update codedrill to open it"
            )
        ) {
            try ProgressStore(path: path)
        }
        #expect(bytes(path) == before)
    }

    @Test func unknownMigrationIsRefusedAsNewer() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.file("progress.sqlite")
        try ProgressStore(path: path).close()
        let raw = try rawDatabase(path)
        try raw.write { db in try db.execute(sql: "INSERT INTO grdb_migrations VALUES ('v2-cohorts')") }
        try raw.close()
        let before = bytes(path)

        #expect(
            throws: StoreError(
                .dataError,
                "\(path) was written by a newer codedrill (it has migrations this one does not know: v2-cohorts); it was left untouched, update codedrill to open it"
            )
        ) {
            try ProgressStore(path: path)
        }
        #expect(bytes(path) == before)
    }

    @Test func directoryInPlaceOfTheFileIsAnIOError() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        #expect(throws: StoreError(.ioError, "\(directory.path) is a directory, not a database file")) {
            try ProgressStore(path: directory.path)
        }
    }

    @Test func identityVerdictsAreExact() {
        func verdict(_ id: Int32, _ version: Int32, _ tables: Set<String>, _ migrations: Set<String> = []) -> StoreError? {
            let identity = DatabaseIdentity(applicationID: id, userVersion: version, tables: tables, appliedMigrations: migrations)
            if case .failure(let error) = identity.verdict(path: "p") { return error }
            return nil
        }
        // A file another process is initialising right now: only GRDB's bookkeeping table exists.
        #expect(verdict(0, 0, ["grdb_migrations"]) == nil)
        #expect(verdict(0, 0, ["sqlite_sequence"]) == nil)
        #expect(verdict(Schema.applicationID, 1, Schema.tableNames, ["v1-initial-schema"]) == nil)
        #expect(
            verdict(0, 3, [])?.message
                == "p is not a codedrill database (it has user_version 3 but no codedrill application id); it was left untouched")
        #expect(
            verdict(-1, 0, [])?.message
                == "p is not a codedrill database (it belongs to another application: application id 0xFFFFFFFF); it was left untouched")
    }

    @Test func processesOpeningTheSameNewFileTogetherAllSucceed() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        for round in 0..<8 {
            let path = directory.file("race-\(round).sqlite")
            let failures = Mutex<[String]>([])
            DispatchQueue.concurrentPerform(iterations: 4) { index in
                do {
                    let store = try ProgressStore(path: path)
                    _ = try store.ensureLearner(named: "Pat", at: monday)
                    _ = try store.syncItems(sampleItems(3), at: monday, retireMissing: false)
                    try store.close()
                } catch {
                    failures.withLock { $0.append("\(index): \(error)") }
                }
            }
            #expect(failures.withLock { $0 } == [])
            let store = try ProgressStore(path: path)
            #expect(try store.learners().map(\.name) == ["Pat"])
            #expect(try store.items().map(\.id) == ["item-0", "item-1", "item-2"])
            #expect(try store.check().isSound)
        }
    }
}

@Suite("Database location")
struct DatabaseLocationTests {
    @Test func explicitPathWinsOverEverything() {
        let environment = ["CODEDRILL_DB": "/env.sqlite", "XDG_DATA_HOME": "/xdg", "HOME": "/home/pat"]
        #expect(DatabaseLocation.resolve(explicitPath: "/cli.sqlite", environment: environment) == "/cli.sqlite")
        #expect(DatabaseLocation.resolve(explicitPath: nil, environment: environment) == "/env.sqlite")
    }

    @Test func xdgDataHomeThenHome() {
        #expect(
            DatabaseLocation.resolve(explicitPath: nil, environment: ["XDG_DATA_HOME": "/xdg/", "HOME": "/home/pat"])
                == "/xdg/codedrill/progress.sqlite")
        #expect(
            DatabaseLocation.resolve(explicitPath: nil, environment: ["HOME": "/home/pat"])
                == "/home/pat/.local/share/codedrill/progress.sqlite")
    }

    @Test func emptyAndRelativeValuesAreIgnored() {
        let environment = ["CODEDRILL_DB": "", "XDG_DATA_HOME": "relative/data", "HOME": "/home/pat"]
        #expect(
            DatabaseLocation.resolve(explicitPath: "", environment: environment)
                == "/home/pat/.local/share/codedrill/progress.sqlite")
        #expect(DatabaseLocation.resolve(explicitPath: nil, environment: [:]) == nil)
    }
}
