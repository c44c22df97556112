import Determinism
import Testing

@testable import FSRS

/// FSRS imports nothing of the project's, so it keeps private copies of SplitMix64 and FNV-1a;
/// these pin them to the public ones, so that the copies can never drift.
@Suite struct PrivateCopiesTests {
    @Test func fuzzSeedsAndTheGeneratorMatchDeterminism() {
        for seed: UInt64 in [0, 1, 42, 0xDEAD_BEEF, .max] {
            var mine = FSRS.SplitMix64(seed: seed)
            var shared = Determinism.SplitMix64(seed: seed)
            #expect((0..<5).map { _ in mine.next() } == (0..<5).map { _ in shared.next() })
        }
        for (item, reps) in [("cpt:27284/vignette", 0), ("gift:modifiers/59-vs-xs", 7), ("", 1)] {
            var shared = Determinism.SplitMix64(seed: Fingerprint.value(of: item) ^ UInt64(reps))
            #expect(Fuzz.seed(item: item, reps: reps) == shared.next())
        }
    }
}
