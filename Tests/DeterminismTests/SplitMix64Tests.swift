import Testing

@testable import Determinism

@Suite struct SplitMix64Tests {
    @Test func matchesTheReferenceOutputsOfSplitMix64() {
        var zero = SplitMix64(seed: 0)
        #expect([zero.next(), zero.next(), zero.next()] == [0xE220_A839_7B1D_CDAF, 0x6E78_9E6A_A1B9_65F4, 0x06C4_5D18_8009_454F])
        var other = SplitMix64(seed: 1_234_567)
        #expect(
            [other.next(), other.next(), other.next()] == [6_457_827_717_110_365_317, 3_203_168_211_198_807_973, 9_817_491_932_198_370_423])
    }

    @Test func belowStaysInRangeAndReachesEveryValue() {
        var rng = SplitMix64(seed: 42)
        var seen = Set<Int>()
        for _ in 0..<1000 {
            let value = rng.below(7)
            #expect((0..<7).contains(value))
            seen.insert(value)
        }
        #expect(seen.count == 7)
    }

    @Test func sortedSampleIsDistinctOrderedAndOfTheRequestedSize() {
        var rng = SplitMix64(seed: 9)
        for count in 0...6 {
            let sample = rng.sortedSample(count, of: 6)
            #expect(sample.count == count)
            #expect(sample == sample.sorted() && Set(sample).count == count)
        }
        #expect(rng.sortedSample(9, of: 4) == [0, 1, 2, 3])
    }

    @Test func shuffleIsAPermutationAndDeterministic() {
        var a = SplitMix64(seed: 5)
        var b = SplitMix64(seed: 5)
        var x = Array(0..<10)
        var y = Array(0..<10)
        a.shuffle(&x)
        b.shuffle(&y)
        #expect(x == y)
        #expect(x.sorted() == Array(0..<10))
        #expect(x != Array(0..<10))
    }
}
