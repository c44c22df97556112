import Foundation
import GRDB
import Testing

@testable import ProgressStore

@Suite("Check and backup")
struct MaintenanceTests {
    @Test func checkReportsBrokenNewItemBookkeeping() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let (store, pat) = try makeStore(directory)
        #expect(try store.check() == DatabaseCheck(schemaVersion: 4, problems: []))
        try store.close()
        let raw = try rawDatabase(directory.file("progress.sqlite"))
        try raw.write { db in
            try db.execute(sql: "DELETE FROM new_items WHERE item_id = 'item-4'")
            try db.execute(
                sql: """
                    INSERT INTO cards (learner_id, item_id, phase, due_at, reps, lapses, introduced_at)
                    VALUES (\(pat.id), 'item-3', 'learning', 0, 0, 0, 0)
                    """)
        }
        try raw.close()
        let reopened = try ProgressStore(path: directory.file("progress.sqlite"))
        #expect(
            try reopened.check()
                == DatabaseCheck(
                    schemaVersion: 4,
                    problems: [
                        "1 cards are also listed as new items",
                        "1 learner-item pairs have neither a card nor a new-item entry",
                    ]))
    }

    @Test func backupIsAnOwnerOnlyCodedrillDatabaseWithTheSameData() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let (store, pat) = try makeStore(directory)
        let review = try store.answer("item-2", learner: pat.id, giving: reviewCard(due: monday + 86_400))
        let copyPath = directory.file("backups/copy.sqlite")
        try store.backup(to: copyPath)
        #expect(mode(copyPath) == 0o600)

        let copy = try ProgressStore(path: copyPath)
        #expect(try copy.learners() == [pat])
        #expect(try copy.reviews(learner: pat.id) == [review])
        #expect(try copy.check() == DatabaseCheck(schemaVersion: 4, problems: []))

        #expect(throws: StoreError(.ioError, "\(copyPath) already exists; choose a new file name for the backup")) {
            try store.backup(to: copyPath)
        }
    }
}
