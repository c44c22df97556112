import FSRS
import Foundation
import ProgressStore
import Questions
import Testing

@testable import Drill

/// A problem a test's library loader or check reports.
private struct LibraryProblem: Error, Equatable {}

@Suite("Study start")
struct StudyStartTests {
    private func temporaryDirectory() throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("codedrill-start-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory
    }

    @Test func aNewDatabaseIsCreatedOnlyOnceTheLibraryHasLoaded() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("progress.sqlite").path

        #expect(throws: LibraryProblem()) {
            try StudyStart(storePath: path, learnerName: "Pat", at: examStart, loadLibrary: { throw LibraryProblem() })
        }
        #expect(throws: LibraryProblem()) {
            try StudyStart(
                storePath: path, learnerName: "Pat", at: examStart, loadLibrary: { fixtureLibrary },
                check: { _ in throw LibraryProblem() })
        }
        #expect(!FileManager.default.fileExists(atPath: path))

        let start = try StudyStart(storePath: path, learnerName: "Pat", at: examStart, loadLibrary: { fixtureLibrary })
        defer { try? start.store.close() }
        #expect(start.learner == nil)
        #expect(start.catalog.items.count == 36)
        #expect(start.sync == ItemSyncReport(added: 36))
        #expect(try start.store.items().count == 36)
    }

    @Test func anExistingDatabaseOpensWhileTheLibraryLoads() throws {
        let fixture = try ExamFixture()
        defer { fixture.remove() }
        try fixture.store.close()
        let path = fixture.directory.appendingPathComponent("progress.sqlite").path

        let start = try StudyStart(storePath: path, learnerName: "Pat", at: examStart + 60, loadLibrary: { fixtureLibrary })
        defer { try? start.store.close() }
        #expect(start.learner == fixture.learner)
        #expect(start.sync == ItemSyncReport(unchanged: 36))
        let unknown = try StudyStart(storePath: path, learnerName: "Nobody", at: examStart + 60, loadLibrary: { fixtureLibrary })
        #expect(unknown.learner == nil)
        try unknown.store.close()
    }

    @Test func libraryErrorsComeBeforeStoreErrors() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("notes.sqlite").path
        try Data("not a database, just notes\n".utf8).write(to: URL(fileURLWithPath: path))

        // The store is opened beside the library and fails, but the library's problem is reported.
        #expect(throws: LibraryProblem()) {
            try StudyStart(storePath: path, learnerName: "Pat", at: examStart, loadLibrary: { throw LibraryProblem() })
        }
        let error = #expect(throws: StoreError.self) {
            try StudyStart(storePath: path, learnerName: "Pat", at: examStart, loadLibrary: { fixtureLibrary })
        }
        #expect(error?.kind == .dataError)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "not a database, just notes\n")
    }

    @Test func aDrillWritesItsSessionRowWithItsFirstAnswer() throws {
        let fixture = try ExamFixture()
        defer { fixture.remove() }
        let clock = fixture.clock
        func drill() throws -> DrillSession {
            try DrillSession(
                store: fixture.store, catalog: fixtureCatalog, learner: fixture.learner, scheduler: .default,
                options: DrillOptions(selection: ItemSelection(kinds: ["vignette"]), maxQuestions: 2),
                clock: clock.session)
        }

        // Nothing answered: no row.
        let idle = try drill()
        _ = try idle.next()
        _ = try idle.finish()

        clock.advance(600)
        let sessionStart = clock.now
        let busy = try drill()
        _ = try #require(try busy.next())
        clock.advance(30)
        _ = try busy.answer("A", confidence: .plain)
        clock.advance(30)
        _ = try busy.finish()

        let review = try #require(try fixture.store.reviews(learner: fixture.learner.id).first)
        // The first sessions row ever written (ids are never reused), so the idle sitting wrote none.
        #expect(review.answer.session == 1)
        let session = try #require(try fixture.store.session(id: 1))
        #expect(session.startedAt == sessionStart)
        #expect(session.endedAt == sessionStart + 60)
        #expect(session.answered == 1)
        #expect(session.kind == .drill)
    }
}
