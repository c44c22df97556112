import CodingContent
import Dispatch
import Foundation
import ProgressStore
import Questions
import Synchronization

/// What every study command needs before its first question: the library and its question
/// catalog, and the progress store with its items in line with the library.
///
/// When the database file already exists, it is opened (and the learner looked up) on another
/// thread while the library is read and indexed: the two do not depend on each other, and
/// start-up is what a student waits for. A new database is only created once the library has
/// loaded and passed `check`, so that a bad library or a bad request leaves no file behind.
public struct StudyStart: Sendable {
    /// The library.
    public let library: Library
    /// Its questions.
    public let catalog: QuestionCatalog
    /// The open store, its items synced with `catalog`.
    public let store: ProgressStore
    /// What the item sync changed.
    public let sync: ItemSyncReport
    /// The learner named in the request, if the store has one by that name.
    public let learner: Learner?

    /// Loads the library (`loadLibrary`, then `check`), builds its catalog, opens the store at
    /// `storePath`, syncs its items at `now` and looks up `learnerName`.
    ///
    /// Errors come in the order a sequential start would meet them: the library's (or `check`'s)
    /// first, then the store's.
    public init(
        storePath: String, learnerName: String, at now: Date, loadLibrary: () throws -> Library,
        check: (Library) throws -> Void = { _ in }
    ) throws {
        let opening =
            FileManager.default.fileExists(atPath: storePath)
            ? BackgroundWork { () throws -> (ProgressStore, Learner?) in
                let store = try ProgressStore(path: storePath)
                // The lookup is the store's first read: it also opens the reader connection.
                return (store, try store.learner(named: learnerName))
            }
            : nil
        let library: Library
        let catalog: QuestionCatalog
        do {
            library = try loadLibrary()
            try check(library)
            catalog = QuestionCatalog(library: library)
        } catch {
            if case .success(let (store, _)) = opening?.wait() { try? store.close() }
            throw error
        }
        let store: ProgressStore
        if let opening {
            (store, learner) = try opening.wait().get()
        } else {
            store = try ProgressStore(path: storePath)
            learner = try store.learner(named: learnerName)
        }
        self.library = library
        self.catalog = catalog
        self.store = store
        sync = try LibrarySync.sync(store: store, catalog: catalog, library: library, at: now)
    }
}

/// Work started on another thread whose result is collected later.
private final class BackgroundWork<Value: Sendable>: Sendable {
    // Set once by the worker before `done` is signalled, read after waiting on it.
    private let result = Mutex<Result<Value, any Error>?>(nil)
    private let done = DispatchSemaphore(value: 0)

    /// Starts `work` on a global queue.
    init(_ work: @escaping @Sendable () throws -> Value) {
        DispatchQueue.global(qos: .userInitiated).async {
            let outcome = Result(catching: work)
            self.result.withLock { $0 = outcome }
            self.done.signal()
        }
    }

    /// Waits for the work to finish and returns its result; call once.
    func wait() -> Result<Value, any Error> {
        done.wait()
        return result.withLock { $0! }
    }
}
