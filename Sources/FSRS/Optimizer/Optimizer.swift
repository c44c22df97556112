import Foundation

/// How well a set of weights predicts a set of histories.
public struct FitQuality: Sendable, Equatable {
    /// Mean binary cross-entropy over the target reviews.
    public var logLoss: Double
    /// fsrs-rs's RMSE(bins): predictions grouped by (elapsed days, review count, lapse count) bins.
    public var rmseBins: Double
}

/// The result of fitting FSRS-6 weights to one learner's histories.
public struct OptimizerResult: Sendable, Equatable {
    /// How the weights were obtained.
    public enum Method: String, Sendable {
        /// Too few target reviews (under 8): the defaults, as fsrs-rs returns them.
        case defaults
        /// Under 64 target reviews: the pretrained w0…w3 with the other defaults, as fsrs-rs does.
        case pretrainedOnly = "pretrained-only"
        /// Full fit by gradient descent.
        case fitted
    }

    /// The 21 weights.
    public var parameters: [Double]
    /// How they were obtained.
    public var method: Method
    /// The defaults' quality on the same histories.
    public var defaultQuality: FitQuality
    /// The result's quality.
    public var fittedQuality: FitQuality
    /// Cards with at least one review.
    public var cards: Int
    /// All reviews read.
    public var reviews: Int
    /// Reviews the loss is computed on (a study day or more after the previous review).
    public var targets: Int
    /// Optimizer iterations run.
    public var iterations: Int
}

/// fsrs-rs's parameter clamps for training with short-term memory on: the published bounds, except
/// w19 ≥ 0.01 (`clip_parameters` with `enable_short_term`; w17 and w18 keep their ceiling of 2 for
/// one relearning step).
public enum ParameterBounds {
    /// Lower bounds.
    public static let lower: [Double] = {
        var bounds = Parameters.lowerBounds
        bounds[19] = 0.01
        return bounds
    }()
    /// Upper bounds.
    public static let upper = Parameters.upperBounds

    /// `values` with every weight moved into its bounds.
    public static func clip(_ values: [Double]) -> [Double] {
        values.indices.map { min(max(values[$0], lower[$0]), upper[$0]) }
    }
}

/// Fits FSRS-6 weights to review histories by minimising fsrs-rs's loss: the mean cross-entropy of
/// `TrainingLoss` plus fsrs-rs's L2 pull toward the starting weights, γ/N · Σ((w − w₀)/σ)², with
/// fsrs-rs's per-weight σ and γ = 1. It starts from the pretrained w0…w3 and the other defaults,
/// like fsrs-rs, but minimises over all the data at once with a projected limited-memory BFGS
/// method instead of five epochs of Adam on mini-batches.
public enum Optimizer {
    /// fsrs-rs's `PARAMS_STDDEV`: how far each weight usually strays from the defaults.
    public static let standardDeviations: [Double] = [
        6.43, 9.66, 17.58, 27.85, 0.57, 0.28, 0.6, 0.12, 0.39, 0.18, 0.33, 0.3, 0.09, 0.16, 0.57, 0.25,
        1.03, 0.31, 0.32, 0.14, 0.27,
    ]
    /// Below this many target reviews fsrs-rs keeps the defaults.
    public static let minimumTargets = 8
    /// Below this many target reviews fsrs-rs only pretrains w0…w3.
    public static let minimumTargetsForFullFit = 64

    /// Fits weights to `histories`. `maximumIterations` bounds the quasi-Newton steps.
    public static func fit(_ histories: [TrainingHistory], gamma: Double = 1, maximumIterations: Int = 200) -> OptimizerResult {
        let used = histories.filter { !$0.reviews.isEmpty }
        let targets = used.reduce(0) { $0 + $1.targetCount }
        let reviews = used.reduce(0) { $0 + $1.reviews.count }
        let defaults = Parameters.defaultValues
        let defaultQuality = quality(defaults, histories: used)
        func result(_ w: [Double], _ method: OptimizerResult.Method, iterations: Int) -> OptimizerResult {
            OptimizerResult(
                parameters: w, method: method, defaultQuality: defaultQuality,
                fittedQuality: w == defaults ? defaultQuality : quality(w, histories: used), cards: used.count,
                reviews: reviews, targets: targets, iterations: iterations)
        }
        guard targets >= minimumTargets else { return result(defaults, .defaults, iterations: 0) }
        var recalled = 0
        for history in used {
            for review in history.reviews.dropFirst() where review.elapsedDays > 0 && review.rating != .again { recalled += 1 }
        }
        guard let initial = InitialStability.pretrain(used, averageRecall: Double(recalled) / Double(targets)) else {
            return result(defaults, .defaults, iterations: 0)
        }
        let start = ParameterBounds.clip(initial + defaults[4...])
        guard targets >= minimumTargetsForFullFit else { return result(start, .pretrainedOnly, iterations: 0) }

        let n = Double(targets)
        let precision = standardDeviations.map { gamma / n / ($0 * $0) }
        let objective = { (w: [Double]) -> (Double, [Double]) in
            let value = TrainingLoss.evaluate(w, histories: used)
            var f = value.sum / n
            var g = value.gradient.map { $0 / n }
            for k in 0..<Parameters.count {
                let delta = w[k] - start[k]
                f += precision[k] * delta * delta
                g[k] += 2 * precision[k] * delta
            }
            return (f, g)
        }
        let (w, iterations) = BoxLBFGS.minimize(
            objective, start: start, lower: ParameterBounds.lower, upper: ParameterBounds.upper,
            maximumIterations: maximumIterations)
        return result(w, .fitted, iterations: iterations)
    }

    /// Log loss and RMSE(bins) of `w` on `histories`.
    public static func quality(_ w: [Double], histories: [TrainingHistory]) -> FitQuality {
        struct Bin { var predicted = 0.0, actual = 0.0, count = 0.0 }
        var bins: [BinKey: Bin] = [:]
        var loss = 0.0
        var count = 0
        TrainingLoss.forEachPrediction(w, histories: histories) { r, recalled, prefix in
            let p = min(max(r, TrainingLoss.probabilityFloor), 1 - TrainingLoss.probabilityFloor)
            loss -= recalled ? log(p) : log(1 - p)
            count += 1
            let key = BinKey(prefix)
            var bin = bins[key, default: Bin()]
            bin.predicted += r
            bin.actual += recalled ? 1 : 0
            bin.count += 1
            bins[key] = bin
        }
        guard count > 0 else { return FitQuality(logLoss: 0, rmseBins: 0) }
        var squares = 0.0
        var weights = 0.0
        // In key order, so the sum (and its last digit) does not depend on the dictionary's hash seed.
        for (_, bin) in bins.sorted(by: { ($0.key.days, $0.key.length, $0.key.lapses) < ($1.key.days, $1.key.length, $1.key.lapses) }) {
            let gap = bin.predicted / bin.count - bin.actual / bin.count
            squares += gap * gap * bin.count
            weights += bin.count
        }
        return FitQuality(logLoss: loss / Double(count), rmseBins: (squares / weights).squareRoot())
    }

    /// fsrs-rs `r_matrix_index`: the bins of elapsed days, number of long-term reviews and lapses.
    struct BinKey: Hashable {
        var days: Int, length: Int, lapses: Int

        init(_ prefix: ArraySlice<TrainingReview>) {
            let current = prefix.last!
            let t = Double(current.elapsedDays)
            days = Int((2.48 * pow(3.62, (log(t) / log(3.62)).rounded(.down)) * 100).rounded())
            let longTerm = prefix.reduce(0) { $0 + ($1.elapsedDays > 0 ? 1 : 0) }
            let length = Double(longTerm) + 1
            self.length = Int((1.99 * pow(1.89, (log(length) / log(1.89)).rounded(.down))).rounded())
            let lapseCount = prefix.dropLast().reduce(0) { $0 + ($1.rating == .again && $1.elapsedDays > 0 ? 1 : 0) }
            lapses =
                lapseCount == 0
                ? 0 : Int((1.65 * pow(1.73, (log(Double(lapseCount)) / log(1.73)).rounded(.down))).rounded())
        }
    }
}

/// Limited-memory BFGS restricted to a box: weights at a bound whose gradient points outward are held
/// fixed for the step, steps are projected back into the box, and an Armijo backtracking line search
/// keeps every step a descent.
enum BoxLBFGS {
    static func minimize(
        _ objective: ([Double]) -> (Double, [Double]), start: [Double], lower: [Double], upper: [Double],
        maximumIterations: Int, memory: Int = 10, tolerance: Double = 1e-5
    ) -> ([Double], Int) {
        let n = start.count
        func project(_ x: [Double]) -> [Double] { (0..<n).map { min(max(x[$0], lower[$0]), upper[$0]) } }
        var x = project(start)
        var (f, g) = objective(x)
        var history: [(s: [Double], y: [Double], rho: Double)] = []
        var iteration = 0
        var quietRounds = 0
        while iteration < maximumIterations {
            iteration += 1
            // Free variables: not pinned at a bound by a gradient pointing out of the box.
            let free = (0..<n).map { k in
                !((x[k] <= lower[k] && g[k] > 0) || (x[k] >= upper[k] && g[k] < 0))
            }
            var projectedNorm = 0.0
            for k in 0..<n where free[k] { projectedNorm = max(projectedNorm, abs(g[k])) }
            if projectedNorm < 1e-9 { break }
            // Two-loop recursion on the free variables.
            var q = (0..<n).map { free[$0] ? g[$0] : 0 }
            var alphas = [Double](repeating: 0, count: history.count)
            for i in stride(from: history.count - 1, through: 0, by: -1) {
                let (s, y, rho) = history[i]
                var a = 0.0
                for k in 0..<n where free[k] { a += s[k] * q[k] }
                a *= rho
                alphas[i] = a
                for k in 0..<n where free[k] { q[k] -= a * y[k] }
            }
            if let last = history.last {
                var sy = 0.0
                var yy = 0.0
                for k in 0..<n where free[k] {
                    sy += last.s[k] * last.y[k]
                    yy += last.y[k] * last.y[k]
                }
                let scale = yy > 0 && sy > 0 ? sy / yy : 1
                for k in 0..<n { q[k] *= scale }
            } else {
                // First step: a small move along the gradient, scaled to the weights' spread.
                var norm = 0.0
                for k in 0..<n where free[k] { norm += g[k] * g[k] }
                let scale = 0.1 / max(norm.squareRoot(), 1e-12)
                for k in 0..<n { q[k] *= scale }
            }
            for i in 0..<history.count {
                let (s, y, rho) = history[i]
                var b = 0.0
                for k in 0..<n where free[k] { b += y[k] * q[k] }
                b *= rho
                for k in 0..<n where free[k] { q[k] += s[k] * (alphas[i] - b) }
            }
            var direction = (0..<n).map { free[$0] ? -q[$0] : 0 }
            var slope = 0.0
            for k in 0..<n { slope += g[k] * direction[k] }
            if slope >= 0 {
                // Not a descent direction (curvature information went stale): restart along −g.
                history.removeAll()
                direction = (0..<n).map { free[$0] ? -g[$0] : 0 }
                var norm = 0.0
                for k in 0..<n { norm += direction[k] * direction[k] }
                let scale = 0.1 / max(norm.squareRoot(), 1e-12)
                direction = direction.map { $0 * scale }
            }
            // Armijo backtracking on the projected path.
            var step = 1.0
            var accepted: ([Double], Double, [Double])?
            for _ in 0..<30 {
                let candidate = project((0..<n).map { x[$0] + step * direction[$0] })
                var decrease = 0.0
                for k in 0..<n { decrease += g[k] * (candidate[k] - x[k]) }
                if decrease >= 0 {
                    step *= 0.5
                    continue
                }
                let (fc, gc) = objective(candidate)
                if fc <= f + 1e-4 * decrease {
                    accepted = (candidate, fc, gc)
                    break
                }
                step *= 0.5
            }
            guard let (xNew, fNew, gNew) = accepted else { break }
            let s = (0..<n).map { xNew[$0] - x[$0] }
            let y = (0..<n).map { gNew[$0] - g[$0] }
            var sy = 0.0
            for k in 0..<n { sy += s[k] * y[k] }
            if sy > 1e-12 {
                history.append((s, y, 1 / sy))
                if history.count > memory { history.removeFirst() }
            }
            let improvement = f - fNew
            x = xNew
            f = fNew
            g = gNew
            quietRounds = improvement <= tolerance * max(1, abs(f)) ? quietRounds + 1 : 0
            if quietRounds >= 2 { break }
        }
        return (x, iteration)
    }
}
