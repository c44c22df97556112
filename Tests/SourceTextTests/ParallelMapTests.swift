import SourceText
import Testing

@Suite("Parallel maps")
struct ParallelMapTests {
    @Test(arguments: [0, 1, 2, 7, 20, 1_001])
    func bothMapsKeepTheOrderOfEveryValue(count: Int) {
        let values = Array(0..<count)
        let expected = values.map { $0 * 3 + 1 }
        #expect(values.parallelMap { $0 * 3 + 1 } == expected)
        #expect(values.batchedParallelMap { $0 * 3 + 1 } == expected)
    }
}
