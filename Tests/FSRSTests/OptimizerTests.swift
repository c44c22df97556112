import Foundation
import Testing

@testable import FSRS

/// The optimizer's loss, gradient, pre-training and fit.
struct OptimizerTests {
    /// A learner whose memory differs from the defaults in most weights.
    static let truth: [Double] = [
        0.4, 1.6, 3.1, 10.5, 6.0, 0.7, 2.4, 0.02, 1.6, 0.25, 1.1, 1.8, 0.1, 0.35, 1.4, 0.5, 2.2, 0.4, 0.2, 0.1, 0.25,
    ]

    @Test func gradientMatchesFiniteDifferences() {
        let histories = SimulatedHistories.generate(parameters: Self.truth, cards: 60, reviewsPerCard: 8, seed: 7)
        // Away from the truth so no component is near zero by accident; all weights strictly inside bounds.
        let w = Parameters.defaultValues
        let analytic = TrainingLoss.evaluate(w, histories: histories)
        #expect(analytic.count == histories.reduce(0) { $0 + $1.targetCount })
        for k in 0..<Parameters.count {
            let h = 1e-6 * max(1, abs(w[k]))
            var up = w
            var down = w
            up[k] += h
            down[k] -= h
            let numeric =
                (TrainingLoss.evaluate(up, histories: histories, withGradient: false).sum
                    - TrainingLoss.evaluate(down, histories: histories, withGradient: false).sum) / (2 * h)
            let tolerance = 1e-5 * max(1, abs(numeric))
            #expect(abs(analytic.gradient[k] - numeric) <= tolerance, "w\(k): analytic \(analytic.gradient[k]) numeric \(numeric)")
        }
    }

    @Test func lossIsTheMeanCrossEntropyOfPredictions() {
        let histories = [
            TrainingHistory([TrainingReview(rating: .good, elapsedDays: 0), TrainingReview(rating: .good, elapsedDays: 3)]),
            TrainingHistory([
                TrainingReview(rating: .again, elapsedDays: 0), TrainingReview(rating: .good, elapsedDays: 0),
                TrainingReview(rating: .again, elapsedDays: 2),
            ]),
        ]
        let w = Parameters.default
        // Card 1: S = w2 after Good, R(3, w2). Card 2: S = w0 after Again, same-day Good keeps S·max(SInc, 1).
        let r1 = w.retrievability(elapsedDays: 3, stability: 2.3065)
        let s2 = w.shortTermStability(stability: 0.212, rating: .good)
        let r2 = w.retrievability(elapsedDays: 2, stability: s2)
        let expected = -(log(r1) + log(1 - r2)) / 2
        let value = TrainingLoss.evaluate(w.w, histories: histories)
        #expect(value.count == 2)
        #expect(abs(value.mean - expected) < 1e-12)
    }

    @Test func studyDaysStartAtFourInTheMorning() {
        let base = Date(timeIntervalSince1970: 1_767_225_600)  // 2026-01-01T00:00:00Z
        let history = TrainingHistory(dated: [
            (base.addingTimeInterval(22 * 3600), .good),  // 22:00 → day of Jan 1
            (base.addingTimeInterval(27 * 3600), .good),  // 03:00 Jan 2 → still Jan 1's study day
            (base.addingTimeInterval(29 * 3600), .good),  // 05:00 Jan 2 → next study day
        ])
        #expect(history.reviews.map(\.elapsedDays) == [0, 0, 1])
    }

    @Test func pretrainingRecoversInitialStabilities() {
        let histories = SimulatedHistories.generate(parameters: Self.truth, cards: 4000, reviewsPerCard: 2, seed: 11)
        let s0 = InitialStability.pretrain(histories, averageRecall: 0.85)!
        // The smoothing toward the average and the pull toward the defaults bias a little; the order
        // and size must come out.
        for (fitted, true0) in zip(s0, Self.truth[0..<4]) {
            #expect(abs(fitted - true0) / true0 < 0.35, "\(s0) vs \(Self.truth[0..<4])")
        }
    }

    @Test func optimizerRecoversKnownParameters() {
        let histories = SimulatedHistories.generate(parameters: Self.truth, cards: 1200, reviewsPerCard: 8, seed: 3)
        let result = Optimizer.fit(histories)
        #expect(result.method == .fitted)
        #expect(result.targets == histories.reduce(0) { $0 + $1.targetCount })
        let truthLoss = Optimizer.quality(Self.truth, histories: histories).logLoss
        // The fit is as good as the truth on the data (it may be a hair better: it fits noise) and
        // clearly better than the defaults.
        #expect(result.fittedQuality.logLoss <= truthLoss * 1.002)
        #expect(result.fittedQuality.logLoss < result.defaultQuality.logLoss * 0.99)
        // The weights that shape most predictions come back close to the truth.
        for k in [0, 1, 2, 8, 9, 10, 11, 20] {
            let gap = abs(result.parameters[k] - Self.truth[k]) / Self.truth[k]
            #expect(gap < 0.3, "w\(k) fitted \(result.parameters[k]) true \(Self.truth[k])")
        }
        for k in 0..<Parameters.count {
            #expect(result.parameters[k] >= ParameterBounds.lower[k] && result.parameters[k] <= ParameterBounds.upper[k])
        }
    }

    @Test func tooFewReviewsKeepTheDefaults() {
        let histories = SimulatedHistories.generate(parameters: Self.truth, cards: 3, reviewsPerCard: 2, seed: 1)
        let result = Optimizer.fit(histories)
        #expect(result.method == .defaults)
        #expect(result.parameters == Parameters.defaultValues)
        #expect(result.targets == 3)
    }
}
