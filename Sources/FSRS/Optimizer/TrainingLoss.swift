import Foundation

/// The loss fsrs-rs minimises, with its exact gradient.
///
/// For every review after a card's first one that comes at least one study day after the previous
/// review, the binary cross-entropy of the outcome (recalled = rating above Again) against the
/// retrievability the model predicts from the reviews before it. Same-day reviews are not targets
/// but still move the memory state through the short-term formula, as in fsrs-rs's training.
///
/// The gradient is forward-mode: each card carries dS/dw and dD/dw (21 numbers each) through its
/// reviews, using hand-derived partial derivatives of every FSRS-6 formula. A clamp that binds
/// passes no gradient, as in automatic differentiation.
public enum TrainingLoss {
    /// fsrs-rs's ceiling on stability in days (`S_MAX`).
    public static let maximumStability = 36_500.0
    /// Retrievability is kept this far inside (0, 1) before taking logarithms.
    static let probabilityFloor = 1e-12

    /// Sum of the cross-entropies, their number, and (when asked) the gradient of the sum.
    public struct Value: Sendable, Equatable {
        /// Σ BCE over the target reviews.
        public var sum: Double
        /// The number of target reviews.
        public var count: Int
        /// ∂sum/∂w for the 21 weights; empty when not asked for.
        public var gradient: [Double]

        /// The mean cross-entropy (log loss); 0 when there is nothing to predict.
        public var mean: Double { count > 0 ? sum / Double(count) : 0 }
    }

    /// The summed loss of `w` over `histories`, with its gradient when `withGradient` is true.
    /// `w` must hold 21 weights within fsrs-rs's bounds (see `ParameterBounds`).
    public static func evaluate(_ w: [Double], histories: [TrainingHistory], withGradient: Bool = true) -> Value {
        precondition(w.count == Parameters.count, "expected 21 weights")
        var total = Value(sum: 0, count: 0, gradient: withGradient ? Array(repeating: 0, count: Parameters.count) : [])
        let constants = Constants(w)
        var state = CardGradient()
        // One set of raw buffers for the whole pass: no reference counting or bounds checks per review.
        total.gradient.withUnsafeMutableBufferPointer { grad in
            state.stability.withUnsafeMutableBufferPointer { gS in
                state.difficulty.withUnsafeMutableBufferPointer { gD in
                    state.retrievability.withUnsafeMutableBufferPointer { gR in
                        state.direct.withUnsafeMutableBufferPointer { gW in
                            w.withUnsafeBufferPointer { weights in
                                let buffers = Buffers(gradient: grad, stability: gS, difficulty: gD, retrievability: gR, direct: gW)
                                for index in histories.indices {
                                    histories[index].reviews.withUnsafeBufferPointer { reviews in
                                        accumulate(
                                            reviews, w: weights, constants: constants, withGradient: withGradient, buffers: buffers,
                                            sum: &total.sum, count: &total.count)
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        return total
    }

    /// Calls `body` with the prediction for every target review: the retrievability before it, whether it was
    /// recalled, and the card's reviews up to and including it (for binning).
    public static func forEachPrediction(
        _ w: [Double], histories: [TrainingHistory],
        _ body: (_ retrievability: Double, _ recalled: Bool, _ prefix: ArraySlice<TrainingReview>) -> Void
    ) {
        let c = Constants(w)
        for history in histories {
            let reviews = history.reviews
            guard let first = reviews.first else { continue }
            var s = max(w[first.rating.rawValue - 1], MemoryState.minimumStability)
            var d = clampDifficulty(initialDifficulty(w, first.rating))
            for index in reviews.indices.dropFirst() {
                let review = reviews[index]
                let t = Double(review.elapsedDays)
                let r = t > 0 ? retrievabilityValue(w, c, t: t, s: s) : 1
                if review.elapsedDays > 0 { body(r, review.rating != .again, reviews[...index]) }
                s = nextStability(w, c, s: s, d: d, r: r, t: t, rating: review.rating)
                d = nextDifficulty(w, c, d: d, rating: review.rating)
            }
        }
    }

    // MARK: - Forward values

    /// Weight-only terms, computed once per evaluation.
    struct Constants {
        /// 0.9^(−1/w20) − 1.
        let factor: Double
        /// ∂factor/∂w20 = (factor + 1) · ln 0.9 / w20².
        let factorDerivative: Double
        /// e^w8.
        let eToW8: Double
        /// e^(−w17·w18), the lapse cap's multiplier.
        let capScale: Double
        /// D0(Easy) unclamped.
        let easyInitialDifficulty: Double
        /// e^(3·w5).
        let eToThreeW5: Double

        init(_ w: [Double]) {
            factor = pow(0.9, -1 / w[20]) - 1
            factorDerivative = (factor + 1) * log(0.9) / (w[20] * w[20])
            eToW8 = exp(w[8])
            capScale = exp(-w[17] * w[18])
            eToThreeW5 = exp(3 * w[5])
            easyInitialDifficulty = w[4] - eToThreeW5 + 1
        }
    }

    static func initialDifficulty(_ w: [Double], _ rating: Rating) -> Double {
        w[4] - exp(w[5] * Double(rating.rawValue - 1)) + 1
    }

    static func retrievabilityValue(_ w: [Double], _ c: Constants, t: Double, s: Double) -> Double {
        pow(1 + c.factor * t / s, -w[20])
    }

    static func clampDifficulty(_ d: Double) -> Double { min(max(d, 1), 10) }

    static func clampStability(_ s: Double) -> Double { min(max(s, MemoryState.minimumStability), maximumStability) }

    static func nextStability(_ w: [Double], _ c: Constants, s: Double, d: Double, r: Double, t: Double, rating: Rating) -> Double {
        let g = Double(rating.rawValue)
        if t == 0 {
            var increase = exp(w[17] * (g - 3 + w[18])) * pow(s, -w[19])
            if rating != .again { increase = max(increase, 1) }
            return clampStability(s * increase)
        }
        if rating == .again {
            let longTerm = w[11] * pow(d, -w[12]) * (pow(s + 1, w[13]) - 1) * exp(w[14] * (1 - r))
            return clampStability(min(longTerm, s * c.capScale))
        }
        let hard = rating == .hard ? w[15] : 1
        let easy = rating == .easy ? w[16] : 1
        return clampStability(s * (1 + c.eToW8 * (11 - d) * pow(s, -w[9]) * (exp(w[10] * (1 - r)) - 1) * hard * easy))
    }

    static func nextDifficulty(_ w: [Double], _ c: Constants, d: Double, rating: Rating) -> Double {
        let delta = -w[6] * (Double(rating.rawValue) - 3)
        let damped = d + delta * (10 - d) / 9
        return clampDifficulty(w[7] * c.easyInitialDifficulty + (1 - w[7]) * damped)
    }

    // MARK: - Forward values with derivatives

    /// Per-card scratch: dS/dw, dD/dw and dR/dw, reused across cards.
    struct CardGradient {
        var stability = [Double](repeating: 0, count: Parameters.count)
        var difficulty = [Double](repeating: 0, count: Parameters.count)
        var retrievability = [Double](repeating: 0, count: Parameters.count)
        /// Direct partials ∂S'/∂w of the current review's formula; all zero between reviews.
        var direct = [Double](repeating: 0, count: Parameters.count)
    }

    /// The scratch vectors of one pass, as raw buffers.
    struct Buffers {
        let gradient: UnsafeMutableBufferPointer<Double>
        let stability: UnsafeMutableBufferPointer<Double>
        let difficulty: UnsafeMutableBufferPointer<Double>
        let retrievability: UnsafeMutableBufferPointer<Double>
        let direct: UnsafeMutableBufferPointer<Double>
    }

    // One card: forward pass carrying derivatives, adding its loss terms to `sum`, `count`, `gradient`.
    @inline(__always)
    static func accumulate(
        _ reviews: UnsafeBufferPointer<TrainingReview>, w: UnsafeBufferPointer<Double>, constants c: Constants,
        withGradient: Bool, buffers: Buffers, sum: inout Double, count: inout Int
    ) {
        guard let first = reviews.first, reviews.count > 1 else { return }
        let n = Parameters.count
        let gradient = buffers.gradient
        let gS = buffers.stability
        let gD = buffers.difficulty
        let gR = buffers.retrievability
        let gW = buffers.direct
        do {
            for k in 0..<n {
                gS[k] = 0
                gD[k] = 0
            }
            let g0 = first.rating.rawValue
            var s = w[g0 - 1]
            if s < MemoryState.minimumStability { s = MemoryState.minimumStability } else { gS[g0 - 1] = 1 }
            var d = w[4] - exp(w[5] * Double(g0 - 1)) + 1
            if d < 1 || d > 10 {
                d = clampDifficulty(d)
            } else {
                gD[4] = 1
                gD[5] = -Double(g0 - 1) * exp(w[5] * Double(g0 - 1))
            }
            for review in reviews.dropFirst() {
                let t = Double(review.elapsedDays)
                let rating = review.rating
                let g = Double(rating.rawValue)
                // Retrievability and its derivative (only for reviews a study day or more later).
                var r = 1.0
                var pR = 0.0  // ∂S'/∂R, used below
                // ln S, shared by the formulas below (pow(S, x) = e^(x·ln S) costs one exp instead of a pow).
                let lnS = log(s)
                if t > 0 {
                    let u = 1 + c.factor * t / s
                    let lnU = log(u)
                    r = exp(-w[20] * lnU)
                    let dRdS = r * w[20] * c.factor * t / (u * s * s)
                    let dRdW20 = r * (-lnU - w[20] * (t / s) * c.factorDerivative / u)
                    let recalled = rating != .again
                    let clamped = min(max(r, probabilityFloor), 1 - probabilityFloor)
                    // −ln R = w20 · ln u exactly, without another logarithm.
                    sum += recalled ? (clamped == r ? w[20] * lnU : -log(clamped)) : -log(1 - clamped)
                    count += 1
                    if withGradient {
                        for k in 0..<n { gR[k] = dRdS * gS[k] }
                        gR[20] += dRdW20
                        if clamped == r {
                            let dLdR = recalled ? -1 / r : 1 / (1 - r)
                            for k in 0..<n { gradient[k] += dLdR * gR[k] }
                        }
                    }
                }
                // Stability: value and partials ∂S'/∂S (R held fixed), ∂S'/∂D, ∂S'/∂R, and the direct ∂S'/∂w.
                var newS: Double
                var pS = 0.0
                var pD = 0.0
                var touched = false  // whether gW holds direct partials to add
                if t == 0 {
                    let raw = exp(w[17] * (g - 3 + w[18]) - w[19] * lnS)
                    if rating != .again && raw < 1 {
                        newS = s
                        pS = 1
                    } else {
                        newS = s * raw
                        pS = raw * (1 - w[19])
                        if withGradient {
                            touched = true
                            gW[17] = newS * (g - 3 + w[18])
                            gW[18] = newS * w[17]
                            gW[19] = -newS * lnS
                        }
                    }
                } else if rating == .again {
                    let lnD = log(d)
                    let lnS1 = log(s + 1)
                    let dPow = exp(-w[12] * lnD)
                    let sPow = exp(w[13] * lnS1)
                    let e14 = exp(w[14] * (1 - r))
                    let longTerm = w[11] * dPow * (sPow - 1) * e14
                    let cap = s * c.capScale
                    if longTerm < cap {
                        newS = longTerm
                        if withGradient {
                            pS = w[11] * dPow * w[13] * sPow / (s + 1) * e14
                            pD = -w[12] * longTerm / d
                            pR = -w[14] * longTerm
                            touched = true
                            gW[11] = dPow * (sPow - 1) * e14
                            gW[12] = -lnD * longTerm
                            gW[13] = w[11] * dPow * sPow * lnS1 * e14
                            gW[14] = (1 - r) * longTerm
                        }
                    } else {
                        newS = cap
                        pS = c.capScale
                        if withGradient {
                            touched = true
                            gW[17] = -w[18] * cap
                            gW[18] = -w[17] * cap
                        }
                    }
                } else {
                    let hard = rating == .hard ? w[15] : 1
                    let easy = rating == .easy ? w[16] : 1
                    let sPow = exp(-w[9] * lnS)
                    let e10 = exp(w[10] * (1 - r))
                    let base = c.eToW8 * (11 - d) * sPow  // a without (e^(w10·(1 − R)) − 1), h, b
                    let a = base * (e10 - 1) * hard * easy
                    newS = s * (1 + a)
                    if withGradient {
                        pS = 1 + a * (1 - w[9])
                        pD = -s * c.eToW8 * sPow * (e10 - 1) * hard * easy
                        pR = -s * base * hard * easy * w[10] * e10
                        touched = true
                        gW[8] = s * a
                        gW[9] = -s * a * lnS
                        gW[10] = s * base * hard * easy * (1 - r) * e10
                        if rating == .hard { gW[15] = s * base * (e10 - 1) * easy }
                        if rating == .easy { gW[16] = s * base * (e10 - 1) * hard }
                    }
                }
                let stabilityClamped = newS < MemoryState.minimumStability || newS > maximumStability
                newS = clampStability(newS)
                // Difficulty: D' = w7·D0(Easy) + (1 − w7)·(D + ΔD·(10 − D)/9), clamped.
                let delta = -w[6] * (g - 3)
                let damped = d + delta * (10 - d) / 9
                let rawD = w[7] * c.easyInitialDifficulty + (1 - w[7]) * damped
                let newD = clampDifficulty(rawD)
                if withGradient {
                    defer { if touched { for k in 0..<n { gW[k] = 0 } } }
                    if stabilityClamped {
                        for k in 0..<n { gS[k] = 0 }
                    } else {
                        // Uses the old gD, so it is updated before gD.
                        for k in 0..<n { gS[k] = pS * gS[k] + pD * gD[k] + pR * gR[k] }
                        if touched { for k in 0..<n { gS[k] += gW[k] } }
                    }
                    if rawD != newD {
                        for k in 0..<n { gD[k] = 0 }
                    } else {
                        let qD = (1 - w[7]) * (1 - delta / 9)
                        for k in 0..<n { gD[k] *= qD }
                        gD[4] += w[7]
                        gD[5] -= w[7] * 3 * c.eToThreeW5
                        gD[6] += (1 - w[7]) * (-(g - 3) * (10 - d) / 9)
                        gD[7] += c.easyInitialDifficulty - damped
                    }
                }
                s = newS
                d = newD
            }
        }
    }
}
