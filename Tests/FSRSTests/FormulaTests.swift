import Foundation
import Testing

@testable import FSRS

/// Published fsrs-rs `src/model.rs` / `src/inference.rs` vectors (fsrs6-vectors.md C1–C4, C8, C10).
/// fsrs-rs computes in f32, so these compare to 1e-6 relative.
struct FormulaTests {
    let w = Parameters.default

    @Test func defaultParametersAreTheFSRS6Defaults() {
        #expect(w.w.count == 21)
        #expect(w.w[0] == 0.212 && w.w[19] == 0.0658 && w.w[20] == 0.1542)
        #expect(w.decay == -0.1542)
        #expect(isClose(w.factor, 0.980346494, relative: 1e-9))
    }

    @Test func forgettingCurveMatchesFsrsRs() {  // C1
        let cases: [(Double, Double, Double)] = [
            (0, 1, 1.0), (1, 2, 0.9403443), (2, 3, 0.9253786), (3, 4, 0.9185229), (4, 4, 0.9), (5, 2, 0.8261359),
        ]
        for (t, s, expected) in cases {
            #expect(isClose(w.retrievability(elapsedDays: t, stability: s), expected, relative: 1e-6))
        }
        #expect(w.retrievability(elapsedDays: 0, stability: 1) == 1.0)
    }

    @Test func retrievabilityWithDecayPointTwo() throws {  // C10
        let p = try parameters(replacing: [20: 0.2])
        let r = (0...3).map { p.retrievability(elapsedDays: Double($0), stability: 1) }
        #expect(r[0] == 1.0)
        #expect(isClose(r[1], 0.9, relative: 1e-12))
        #expect(isClose(r[2], 0.84028935, relative: 1e-6))
        #expect(isClose(r[3], 0.7985001, relative: 1e-6))
    }

    @Test func difficultyUpdateDampsThenRevertsTowardUnclampedEasy() {  // C2
        let damped = Rating.allCases.map { 5.0 + w.linearDamping(deltaDifficulty: w.deltaDifficulty($0), difficulty: 5.0) }
        for (actual, expected) in zip(damped, [8.354889, 6.6774445, 5.0, 3.3225555]) {
            #expect(isClose(actual, expected, relative: 1e-6))
        }
        let next = Rating.allCases.map { w.nextDifficulty(5.0, rating: $0) }
        for (actual, expected) in zip(next, [8.341763, 6.6659956, 4.990228, 3.3144615]) {
            #expect(isClose(actual, expected, relative: 1e-6))
        }
        // The reversion target is D0(Easy) unclamped: negative with the defaults.
        #expect(isClose(w.initialDifficulty(.easy, clamped: false), -4.7716, relative: 1e-4))
        #expect(w.initialDifficulty(.easy) == 1.0)
    }

    @Test func stabilityAfterSuccessMatchesFsrsRs() {  // C3 (the test passes D = G)
        let cases: [(Rating, Double, Double)] = [
            (.again, 0.9, 25.602541), (.hard, 0.8, 28.226582), (.good, 0.7, 58.656002), (.easy, 0.6, 127.226685),
        ]
        for (g, r, expected) in cases {
            let s = w.stabilityAfterSuccess(stability: 5, difficulty: Double(g.rawValue), retrievability: r, rating: g)
            #expect(isClose(s, expected, relative: 1e-6))
        }
    }

    @Test func stabilityAfterFailureMatchesFsrsRs() {  // C3
        let cases: [(Double, Double, Double)] = [(1, 0.9, 1.0525396), (2, 0.8, 1.1894329), (3, 0.7, 1.3680838), (4, 0.6, 1.584989)]
        for (d, r, expected) in cases {
            #expect(isClose(w.stabilityAfterFailure(stability: 5, difficulty: d, retrievability: r), expected, relative: 1e-6))
        }
    }

    @Test func lapseShrinksStabilityButNeverAboveTheShortTermCap() {
        // A lapse with R = 1 on a huge stability would otherwise not shrink it.
        let s = 1000.0
        let capped = w.stabilityAfterFailure(stability: s, difficulty: 1, retrievability: 0)
        #expect(capped <= s / pow(eulerNumber, w.w[17] * w.w[18]))
        #expect(w.nextStability(stability: 0.001, difficulty: 10, retrievability: 0, rating: .again) == 0.001)
    }

    @Test func shortTermStabilityNeverShrinksOnAPass() {  // C3, py-fsrs 6.3.2 clamp for Hard
        let s = Rating.allCases.map { w.shortTermStability(stability: 5, rating: $0) }
        #expect(isClose(s[0], 1.596818, relative: 1e-6))
        #expect(s[1] == 5.0)
        #expect(s[2] == 5.0)
        #expect(isClose(s[3], 8.12961, relative: 1e-6))
    }

    @Test func initialStateIsTheFirstFourWeightsAndD0() {  // C4
        for g in Rating.allCases {
            #expect(w.initialStability(g) == w.w[g.rawValue - 1])
            let d0 = w.w[4] - pow(eulerNumber, w.w[5] * Double(g.rawValue - 1)) + 1
            #expect(w.initialDifficulty(g) == min(max(d0, 1), 10))
        }
        #expect(w.initialDifficulty(.again) == 6.4133)
    }

    @Test func cachedTermsEqualTheFormulas() throws {
        for p in [w, try parameters(replacing: [5: 1.7, 8: 0.3, 17: 1.2, 18: 0.7])] {
            #expect(p.eToW8 == pow(eulerNumber, p.w[8]))
            #expect(p.easyInitialDifficultyUnclamped == p.w[4] - pow(eulerNumber, p.w[5] * 3) + 1)
            #expect(p.eToW17W18 == pow(eulerNumber, p.w[17] * p.w[18]))
            #expect(p.shortTermRatingFactor == Rating.allCases.map { pow(eulerNumber, p.w[17] * (Double($0.rawValue) - 3 + p.w[18])) })
        }
    }

    @Test func nextIntervalRoundsLikeFsrsRs() {  // C8
        let intervals = (1...10).map {
            w.nextInterval(desiredRetention: Double($0) / 10, stability: 1, maximumInterval: .max)
        }
        // fsrs-rs's f32 gives 3116766 at r = 0.1; py-fsrs's float64 gives 3116768.63 → 3116769, as here.
        #expect(intervals == [3_116_769, 34_793, 2508, 387, 90, 27, 9, 3, 1, 1])
        #expect(isClose(w.interval(desiredRetention: 0.1, stability: 1), 3_116_766, relative: 1e-6))
    }

    @Test func nextIntervalRoundsHalfToEvenThenClamps() {
        #expect(wholeDays(2.5, maximumInterval: 36500) == 2)
        #expect(wholeDays(3.5, maximumInterval: 36500) == 4)
        #expect(wholeDays(0.212, maximumInterval: 36500) == 1)
        #expect(wholeDays(1e300, maximumInterval: 36500) == 36500)
        #expect(w.nextInterval(desiredRetention: 0.9, stability: 53.62690291, maximumInterval: 36500) == 54)
        #expect(w.nextInterval(desiredRetention: 0.9, stability: 99_999, maximumInterval: 36500) == 36500)
    }
}

/// Parameter validation: exact messages naming the index and bound.
struct ParameterValidationTests {
    @Test func wrongCountIsRefused() {
        #expect(throws: FSRSError.wrongParameterCount(19)) { try Parameters(Array(Parameters.defaultValues.prefix(19))) }
        #expect(FSRSError.wrongParameterCount(19).description == "expected 21 parameters (w0…w20), got 19")
    }

    @Test func valueAboveUpperBoundNamesIndexAndBound() {
        #expect(throws: FSRSError.parameterAboveUpperBound(index: 5, value: 7.0, bound: 4.0)) {
            try parameters(replacing: [5: 7.0])
        }
        #expect(
            FSRSError.parameterAboveUpperBound(index: 5, value: 7.0, bound: 4.0).description
                == "parameter w5 = 7.0 is above its upper bound 4.0")
    }

    @Test func valueBelowLowerBoundNamesIndexAndBound() throws {
        do {
            _ = try parameters(replacing: [20: 0.05])
            Issue.record("expected an error")
        } catch {
            #expect(error.description == "parameter w20 = 0.05 is below its lower bound 0.1")
        }
    }

    @Test func nonFiniteValuesAreRefused() {
        for bad in [Double.nan, .infinity, -.infinity] {
            do {
                _ = try parameters(replacing: [3: bad])
                Issue.record("expected an error for \(bad)")
            } catch {
                #expect(error.description == "parameter w3 = \(bad) is not a finite number")
            }
        }
        #expect(FSRSError.parameterNotFinite(index: 3, value: .nan).description == "parameter w3 = nan is not a finite number")
    }

    @Test func boundsThemselvesAreAccepted() throws {
        _ = try Parameters(Parameters.lowerBounds)
        _ = try Parameters(Parameters.upperBounds)
        #expect(try Parameters(Parameters.defaultValues) == .default)
    }

    @Test func schedulerSettingsAreValidated() {
        #expect(throws: FSRSError.desiredRetentionOutOfRange(0)) { try Scheduler(desiredRetention: 0) }
        #expect(throws: FSRSError.desiredRetentionOutOfRange(1.5)) { try Scheduler(desiredRetention: 1.5) }
        #expect(FSRSError.desiredRetentionOutOfRange(1.5).description == "desired retention 1.5 is outside (0, 1]")
        #expect(throws: FSRSError.maximumIntervalTooSmall(0)) { try Scheduler(maximumInterval: 0) }
        #expect(throws: FSRSError.invalidStep(kind: "relearning", index: 0, seconds: -600)) {
            try Scheduler(relearningSteps: [-600])
        }
        #expect(
            FSRSError.invalidStep(kind: "learning", index: 1, seconds: .nan).description
                == "learning step 1 = nan s is not a finite, non-negative duration")
        #expect((try? Scheduler(desiredRetention: 1.0)) != nil)
    }
}
