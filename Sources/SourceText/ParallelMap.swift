import Dispatch
import Foundation
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

    /// `map` on every core for many cheap elements, results in order: the elements are cut into a few
    /// contiguous batches per core and each batch is mapped on its own thread, so the lock is taken
    /// once per batch, not once per element (100,000 result records: one lock per element made the
    /// map slower than a plain `map` on two cores).
    public func batchedParallelMap<T: Sendable>(_ transform: @Sendable (Element) -> T) -> [T] {
        let total = count
        let batches = Swift.min(total, Swift.max(1, ProcessInfo.processInfo.activeProcessorCount) * 4)
        guard batches > 1 else { return map(transform) }
        let size = (total + batches - 1) / batches
        let first = startIndex
        let results = Mutex<[[T]]>(Array(repeating: [], count: batches))
        DispatchQueue.concurrentPerform(iterations: batches) { batch in
            let lower = Swift.min(total, batch * size)
            let upper = Swift.min(total, (batch + 1) * size)
            let mapped = (lower..<upper).map { transform(self[first + $0]) }
            results.withLock { $0[batch] = mapped }
        }
        return results.withLock { $0.flatMap { $0 } }
    }
}
