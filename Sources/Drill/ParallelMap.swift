import Dispatch
import Foundation
import Synchronization

/// `map` over every core with checked concurrency: the input is cut into one contiguous chunk per
/// core, each chunk is mapped on its own thread, and the chunks' results are handed back through a
/// `Mutex`, so no unsafe pointer or unchecked type is needed.
@available(macOS 15, *)
enum ParallelMap {
    /// `values.map(transform)`, computed on every core; the order is kept.
    static func map<Value: Sendable, Result: Sendable>(_ values: [Value], _ transform: @Sendable (Value) -> Result) -> [Result] {
        let chunks = min(values.count, max(1, ProcessInfo.processInfo.activeProcessorCount) * 4)
        guard chunks > 1 else { return values.map(transform) }
        let size = (values.count + chunks - 1) / chunks
        let results = Mutex<[[Result]]>(Array(repeating: [], count: chunks))
        DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
            let range = min(values.count, chunk * size)..<min(values.count, (chunk + 1) * size)
            let mapped = range.isEmpty ? [] : values[range].map(transform)
            results.withLock { $0[chunk] = mapped }
        }
        return results.withLock { $0.flatMap { $0 } }
    }
}
