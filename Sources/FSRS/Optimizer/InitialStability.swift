import Foundation

/// fsrs-rs's pre-training of the four initial stabilities w0…w3 from the first ratings.
///
/// Every card whose first review at least a study day later is known contributes one point: its first
/// rating, that review's elapsed days and whether it was recalled. For each first rating the points
/// are grouped by elapsed days, each group's recall rate is smoothed toward the overall recall
/// ((recalled + average) / (count + 1)), and S0 is the value in [0.001, 100] minimising the
/// count-weighted cross-entropy against the forgetting curve with the default decay, plus
/// |S0 − default| / 16. Ratings with no data are filled from the others by fsrs-rs's fixed
/// log-linear relations, and the four are made non-decreasing.
public enum InitialStability {
    /// fsrs-rs's upper bound for a pretrained initial stability (`INIT_S_MAX`).
    public static let maximum = 100.0

    /// The four pretrained stabilities, or `nil` when no card has a review a day or more after its first.
    public static func pretrain(_ histories: [TrainingHistory], averageRecall: Double) -> [Double]? {
        // first rating → elapsed days → (recalled, count)
        var groups: [Int: [Int: (recalled: Double, count: Double)]] = [:]
        for history in histories {
            guard let first = history.reviews.first,
                let target = history.reviews.dropFirst().first(where: { $0.elapsedDays > 0 })
            else { continue }
            var byDays = groups[first.rating.rawValue, default: [:]]
            var point = byDays[target.elapsedDays, default: (0, 0)]
            point.recalled += target.rating == .again ? 0 : 1
            point.count += 1
            byDays[target.elapsedDays] = point
            groups[first.rating.rawValue] = byDays
        }
        guard !groups.isEmpty else { return nil }
        var fitted: [Int: Double] = [:]
        var counts: [Int: Double] = [:]
        for (rating, byDays) in groups {
            let points = byDays.sorted { $0.key < $1.key }.map { entry in
                (
                    days: Double(entry.key), recall: (entry.value.recalled + averageRecall) / (entry.value.count + 1),
                    count: entry.value.count
                )
            }
            counts[rating] = points.reduce(0) { $0 + $1.count }
            fitted[rating] = search(points, defaultStability: Parameters.defaultValues[rating - 1])
        }
        return smoothAndFill(fitted, counts: counts)
    }

    /// Ternary search of S0 on [0.001, 100], as fsrs-rs does (at most 1000 rounds).
    static func search(_ points: [(days: Double, recall: Double, count: Double)], defaultStability: Double) -> Double {
        let decay = -Parameters.defaultValues[20]
        let factor = pow(0.9, 1 / decay) - 1
        func loss(_ s: Double) -> Double {
            var total = 0.0
            for point in points {
                let r = pow(1 + factor * point.days / s, decay)
                total -= (point.recall * log(r) + (1 - point.recall) * log(1 - r)) * point.count
            }
            return total + abs(s - defaultStability) / 16
        }
        var low = MemoryState.minimumStability
        var high = maximum
        var best = defaultStability
        var rounds = 0
        while high - low > Double.ulpOfOne && rounds < 1000 {
            rounds += 1
            let third1 = low + (high - low) / 3
            let third2 = high - (high - low) / 3
            if loss(third1) < loss(third2) { high = third2 } else { low = third1 }
            best = (high + low) / 2
        }
        return best
    }

    /// fsrs-rs `smooth_and_fill`: order the fitted stabilities, fill missing ratings, clamp to [0.001, 100].
    static func smoothAndFill(_ fitted: [Int: Double], counts: [Int: Double]) -> [Double] {
        var s = fitted
        for (small, big) in [(1, 2), (2, 3), (3, 4), (1, 3), (2, 4), (1, 4)] {
            if let a = s[small], let b = s[big], a > b {
                if counts[small, default: 0] > counts[big, default: 0] { s[big] = a } else { s[small] = b }
            }
        }
        let w1 = 0.41
        let w2 = 0.54
        var r: [Double?] = [nil, s[1], s[2], s[3], s[4]]
        switch s.count {
        case 1:
            let (rating, value) = s.first!
            let scale = value / Parameters.defaultValues[rating - 1]
            return (0..<4).map { clamp(Parameters.defaultValues[$0] * scale) }
        case 2:
            switch (r[1], r[2], r[3], r[4]) {
            case (nil, nil, let r3?, let r4?):
                let r2 = pow(r3, 1 / (1 - w2)) * pow(r4, 1 - 1 / (1 - w2))
                r[2] = r2
                r[1] = pow(r2, 1 / w1) * pow(r3, 1 - 1 / w1)
            case (nil, let r2?, nil, let r4?):
                let r3 = pow(r2, 1 - w2) * pow(r4, w2)
                r[3] = r3
                r[1] = pow(r2, 1 / w1) * pow(r3, 1 - 1 / w1)
            case (nil, let r2?, let r3?, nil):
                r[4] = pow(r2, 1 - 1 / w2) * pow(r3, 1 / w2)
                r[1] = pow(r2, 1 / w1) * pow(r3, 1 - 1 / w1)
            case (let r1?, nil, nil, let r4?):
                let k = w1 / (w1 + w2 - w1 * w2)
                let m = w2 / (w1 + w2 - w1 * w2)
                r[2] = pow(r1, k) * pow(r4, 1 - k)
                r[3] = pow(r1, 1 - m) * pow(r4, m)
            case (let r1?, nil, let r3?, nil):
                let r2 = pow(r1, w1) * pow(r3, 1 - w1)
                r[2] = r2
                r[4] = pow(r2, 1 - 1 / w2) * pow(r3, 1 / w2)
            case (let r1?, let r2?, nil, nil):
                let r3 = pow(r1, 1 - 1 / (1 - w1)) * pow(r2, 1 / (1 - w1))
                r[3] = r3
                r[4] = pow(r2, 1 - 1 / w2) * pow(r3, 1 / w2)
            default: break
            }
        case 3:
            if r[1] == nil, let r2 = r[2], let r3 = r[3] {
                r[1] = pow(r2, 1 / w1) * pow(r3, 1 - 1 / w1)
            } else if r[2] == nil, let r1 = r[1], let r3 = r[3] {
                r[2] = pow(r1, w1) * pow(r3, 1 - w1)
            } else if r[3] == nil, let r2 = r[2], let r4 = r[4] {
                r[3] = pow(r2, 1 - w2) * pow(r4, w2)
            } else if r[4] == nil, let r2 = r[2], let r3 = r[3] {
                r[4] = pow(r2, 1 - 1 / w2) * pow(r3, 1 / w2)
            }
        default: break
        }
        return (1...4).map { clamp(r[$0] ?? Parameters.defaultValues[$0 - 1]) }
    }

    private static func clamp(_ s: Double) -> Double { min(max(s, MemoryState.minimumStability), maximum) }
}
