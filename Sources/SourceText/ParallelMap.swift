import Dispatch
import Synchronization

extension Collection where Self: Sendable, Index == Int, Element: Sendable {
    /// `map` on every core, results in order: the one parallel map of the library readers and the
    /// question index (parsing files, reading procedures, ranking neighbours).
    ///
    /// Structured: it returns when every element is done, and nothing it starts outlives it. Each
    /// element is one unit of work (files and procedures differ a lot in cost, so units are not
    /// batched); its result is stored under a lock, which costs well under a microsecond per element
    /// next to the milliseconds of work. `transform` is `@Sendable`, which the compiler checks.
    public func parallelMap<T: Sendable>(_ transform: @Sendable (Element) -> T) -> [T] {
        let total = count
        if total == 0 { return [] }
        let first = startIndex
        let results = Mutex<[T?]>(Array(repeating: nil, count: total))
        DispatchQueue.concurrentPerform(iterations: total) { offset in
            let value = transform(self[first + offset])
            results.withLock { $0[offset] = value }
        }
        return results.withLock { $0.map { $0! } }
    }
}
