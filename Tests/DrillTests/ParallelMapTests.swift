import Testing

@testable import Drill

@Suite("ParallelMap")
struct ParallelMapTests {
    @Test(arguments: [0, 1, 2, 7, 20, 1_001])
    func keepsTheOrderOfEveryValue(count: Int) {
        guard #available(macOS 15, *) else { return }
        let values = Array(0..<count)
        #expect(ParallelMap.map(values) { $0 * 3 + 1 } == values.map { $0 * 3 + 1 })
    }
}
