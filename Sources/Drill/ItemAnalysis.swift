import CodingContent
import Determinism
import Foundation
import Questions

/// Classical test theory figures for a set of attempts, with Moodle's definitions
/// (`mod/quiz/report/statistics`, `question/classes/statistics`); every formula is in
/// docs/reports.md. Pure: the same attempts give the same report.
///
/// A figure that cannot be computed (a variance of one attempt, a correlation with a constant) is
/// `nil`, never NaN or infinity: JSON shows `null`, text shows `–`, CSV an empty cell.
public struct ItemAnalysis: Sendable, Equatable {
    /// One item's row.
    public struct ItemRow: Sendable, Equatable {
        /// The item id.
        public var item: String
        /// The question kind.
        public var kind: String
        /// Attempts that contained the item.
        public var attempts: Int
        /// Mean mark as % of the maximum.
        public var facility: Double?
        /// Standard deviation of the mark, % of the maximum (sample, n − 1).
        public var standardDeviation: Double?
        /// Expected score of a blind guess, %: 1/options for one-answer choice and matching
        /// questions, 0 for typed answers, `nil` for multiple-answer questions and retired items.
        public var randomGuessScore: Double?
        /// 100 × Pearson correlation of the item's mark with the rest of the attempt's marks.
        public var discriminationIndex: Double?
        /// 100 × covariance / the largest covariance these marks could have (`covariancemax`).
        public var discriminativeEfficiency: Double?
        /// The answers given, most chosen first, with options shown but never chosen (count 0).
        public var answers: [AnswerCount]
        /// What looks wrong with the item.
        public var flags: [ItemFlag]
    }

    /// How often one answer was given to an item.
    public struct AnswerCount: Sendable, Equatable {
        /// The option text or typed answer; `nil` for no answer.
        public var answer: String?
        /// Whether it is the right answer.
        public var correct: Bool
        /// How many attempts gave it.
        public var count: Int
        /// Attempts it was shown in (for options); `nil` for typed answers and no answer.
        public var shown: Int?
        /// `count` as % of the item's attempts.
        public var percent: Double
    }

    /// Whole-test figures over the attempts' total scores, as % of each attempt's maximum.
    public struct TestStatistics: Sendable, Equatable {
        /// Attempts analysed (first attempts, one per learner and blueprint).
        public var attempts: Int
        /// Distinct learners.
        public var learners: Int
        /// Questions per attempt when all attempts have the same number; `nil` otherwise.
        public var questions: Int?
        /// Mean score, %.
        public var mean: Double?
        /// Median score, %.
        public var median: Double?
        /// Standard deviation of the scores, % points (sample, n − 1).
        public var standardDeviation: Double?
        /// Skewness of the score distribution (Moodle's k3 / k2^1.5; needs 3 attempts).
        public var skewness: Double?
        /// Excess kurtosis (Moodle's k4 / k2²; needs 4 attempts).
        public var kurtosis: Double?
        /// Coefficient of internal consistency (Cronbach's α), %.
        public var internalConsistency: Double?
        /// Error ratio: 100 × √(1 − α), %.
        public var errorRatio: Double?
        /// Standard error of a score: error ratio × SD, % points.
        public var standardError: Double?
    }

    /// The item rows, by item id.
    public var items: [ItemRow]
    /// The whole-test figures.
    public var test: TestStatistics

    /// Where the flags fire. The defaults follow Moodle's guidance (docs/reports.md).
    public struct Thresholds: Sendable, Equatable {
        /// Facility above this (%) is too easy.
        public var tooEasy: Double = 90
        /// Facility below this (%) is too hard.
        public var tooHard: Double = 20
        /// Discriminative efficiency below this (%) is low (Moodle marks such questions to check).
        public var lowEfficiency: Double = 15
        /// An option must have been shown at least this often before "nobody chose it" means something.
        public var unchosenDistractorShown: Int = 5

        /// The defaults.
        public init() {}
    }

    /// Analyses `attempts`; `kinds` keeps only item rows of those kinds (all when empty): the
    /// whole-test figures and each item's "rest of the test" always use every question of the attempts.
    public init(attempts: [ScoredAttempt], kinds: Set<String> = [], thresholds: Thresholds = Thresholds()) {
        // Where each item was answered, as (attempt, position) pairs: no copies of the responses.
        var perItem: [String: [Entry]] = [:]
        for (attemptIndex, attempt) in attempts.enumerated() {
            let total = attempt.total
            for (position, response) in attempt.responses.enumerated() where kinds.isEmpty || kinds.contains(response.kind) {
                perItem[response.item, default: []].append(
                    Entry(mark: response.mark, rest: total - response.mark, attempt: attemptIndex, position: position))
            }
        }
        items = perItem.keys.sorted().map { item in
            Self.row(item: item, entries: perItem[item]!, attempts: attempts, thresholds: thresholds)
        }
        test = Self.testStatistics(attempts)
    }

    // MARK: Items

    /// One answer to an item: its mark, the rest of its attempt's total, and where it is.
    private struct Entry {
        var mark: Double
        var rest: Double
        var attempt: Int
        var position: Int
    }

    private static func row(item: String, entries: [Entry], attempts: [ScoredAttempt], thresholds: Thresholds) -> ItemRow {
        // Sums run over the pairs in sorted order, so that the same responses give bit-identical
        // figures whatever order the attempts arrive in (one database, or many exports in any order).
        let pairs = entries.map { ($0.mark, $0.rest) }.sorted { $0 < $1 }
        let marks = pairs.map(\.0)
        let rests = pairs.map(\.1)
        let n = entries.count
        let facility = Moments.mean(marks).map { $0 * 100 }
        let varianceX = Moments.sampleVariance(marks)
        let varianceY = Moments.sampleVariance(rests)
        let covariance = Moments.sampleCovariance(marks, rests)
        // Moodle pairs the sorted marks with the sorted rest scores: the covariance the item would have
        // if the learners who did best on the rest of the test were also the ones who got it right.
        let covarianceMax = Moments.sampleCovariance(marks.sorted(), rests.sorted())
        var discrimination: Double?
        if let covariance, let varianceX, let varianceY, varianceX * varianceY > 0 {
            discrimination = 100 * covariance / (varianceX * varianceY).squareRoot()
        }
        var efficiency: Double?
        if let covariance, let covarianceMax, covarianceMax != 0 {
            efficiency = 100 * covariance / covarianceMax
        }
        let guesses = entries.map { guessScore(attempts[$0.attempt].responses[$0.position]) }.sorted { ($0 ?? -1) < ($1 ?? -1) }
        let randomGuess: Double? =
            guesses.contains(where: { $0 == nil })
            ? nil
            : Moments.mean(guesses.compactMap { $0 }).map { $0 * 100 }

        // Distractor analysis: what was chosen, and how often each option was on screen.
        var chosen: [String?: (count: Int, correct: Bool)] = [:]
        var shown: [String: Int] = [:]
        var keys: Set<String> = []
        for entry in entries {
            let response = attempts[entry.attempt].responses[entry.position]
            let old = chosen[response.choice] ?? (0, false)
            chosen[response.choice] = (old.count + 1, old.correct || (response.choice != nil && response.mark > 0))
            // A question never shows the same option twice (docs: every option distinct).
            for option in response.options ?? [] { shown[option, default: 0] += 1 }
            if let key = response.key { keys.insert(key) }
        }
        var answers: [AnswerCount] = chosen.map { answer, value in
            AnswerCount(
                answer: answer, correct: value.correct || answer.map(keys.contains) == true, count: value.count,
                shown: answer.flatMap { shown[$0] }, percent: 100 * Double(value.count) / Double(n))
        }
        for (option, times) in shown where chosen[option] == nil {
            answers.append(AnswerCount(answer: option, correct: keys.contains(option), count: 0, shown: times, percent: 0))
        }
        answers.sort { a, b in
            if a.count != b.count { return a.count > b.count }
            if (a.answer == nil) != (b.answer == nil) { return b.answer == nil }
            return (a.answer ?? "") < (b.answer ?? "")
        }

        var flags: [ItemFlag] = []
        if let facility, facility > thresholds.tooEasy { flags.append(.tooEasy) }
        if let facility, facility < thresholds.tooHard { flags.append(.tooHard) }
        if let discrimination, discrimination < 0 { flags.append(.negativeDiscrimination) }
        if let efficiency, efficiency < thresholds.lowEfficiency { flags.append(.lowEfficiency) }
        if answers.contains(where: { $0.count == 0 && !$0.correct && ($0.shown ?? 0) >= thresholds.unchosenDistractorShown }) {
            flags.append(.unchosenDistractor)
        }
        return ItemRow(
            item: item, kind: entries.first.map { attempts[$0.attempt].responses[$0.position].kind } ?? "", attempts: n, facility: facility,
            standardDeviation: varianceX.map { $0.squareRoot() * 100 }, randomGuessScore: randomGuess,
            discriminationIndex: discrimination, discriminativeEfficiency: efficiency, answers: answers, flags: flags)
    }

    /// A blind guess's expected mark (Moodle's `get_random_guess_score`): 1/options for one right
    /// option among several (or a matching question, per prompt), 0 for a typed answer, `nil` when
    /// unknown (a multiple-answer question, or an item no longer in the library).
    static func guessScore(_ response: ScoredResponse) -> Double? {
        guard let options = response.options else { return nil }
        if options.isEmpty { return 0 }
        if QuestionKind(rawValue: response.kind) == .multipleAnswer { return nil }
        return 1 / Double(options.count)
    }

    // MARK: Whole test

    private static func testStatistics(_ attempts: [ScoredAttempt]) -> TestStatistics {
        let n = attempts.count
        let lengths = Set(attempts.map(\.responses.count))
        let questions = lengths.count == 1 ? lengths.first : nil
        // Sorted, like the item figures, so that the order of the attempts never changes a bit.
        let percents = attempts.map { $0.responses.isEmpty ? 0 : 100 * $0.total / Double($0.responses.count) }.sorted()
        var statistics = TestStatistics(
            attempts: n, learners: Set(attempts.map(\.learner)).count, questions: questions,
            mean: Moments.mean(percents), median: Moments.median(percents),
            standardDeviation: Moments.sampleVariance(percents).map { $0.squareRoot() })
        guard n > 2, let mean = statistics.mean else { return statistics }
        // Moodle's unbiased cumulants k2, k3, k4 from the central moments m2, m3, m4.
        let s = Double(n)
        let m2 = percents.reduce(0) { $0 + pow($1 - mean, 2) } / s
        let m3 = percents.reduce(0) { $0 + pow($1 - mean, 3) } / s
        let m4 = percents.reduce(0) { $0 + pow($1 - mean, 4) } / s
        let k2 = s * m2 / (s - 1)
        let k3 = s * s * m3 / ((s - 1) * (s - 2))
        guard k2 > 0 else { return statistics }
        statistics.skewness = k3 / pow(k2, 1.5)
        if n > 3 {
            let k4 = s * s * ((s + 1) * m4 - 3 * (s - 1) * m2 * m2) / ((s - 1) * (s - 2) * (s - 3))
            statistics.kurtosis = k4 / (k2 * k2)
        }
        // Cronbach's α over positions (Moodle's slots): only when every attempt has the same questions count.
        guard let p = questions, p > 1 else { return statistics }
        let totals = attempts.map(\.total).sorted()
        guard let totalVariance = Moments.sampleVariance(totals), totalVariance > 0 else { return statistics }
        var sumOfMarkVariance = 0.0
        for position in 0..<p {
            sumOfMarkVariance += Moments.sampleVariance(attempts.map { $0.responses[position].mark }.sorted()) ?? 0
        }
        let alpha = 100 * Double(p) / Double(p - 1) * (1 - sumOfMarkVariance / totalVariance)
        statistics.internalConsistency = alpha
        if alpha <= 100 {
            statistics.errorRatio = 100 * (1 - alpha / 100).squareRoot()
            statistics.standardError = statistics.errorRatio.flatMap { ratio in statistics.standardDeviation.map { ratio * $0 / 100 } }
        }
        return statistics
    }
}

/// What item analysis can find wrong with an item.
public enum ItemFlag: String, Sendable, Equatable, Codable, CaseIterable {
    /// Nearly everyone gets it right: it tells learners apart little.
    case tooEasy
    /// Nearly everyone gets it wrong: check the key and the stem.
    case tooHard
    /// Learners who did worse on the rest of the test did better on this item: often a wrong key or
    /// an ambiguous stem.
    case negativeDiscrimination
    /// Discriminative efficiency below 15 %, the mark Moodle uses for questions to check.
    case lowEfficiency
    /// A wrong option shown often enough that nobody chose: it does no work as a distractor.
    case unchosenDistractor
}

/// Sample moments that are `nil` instead of NaN when too few values exist.
enum Moments {
    /// The arithmetic mean; `nil` for no values.
    static func mean(_ values: [Double]) -> Double? {
        values.isEmpty ? nil : values.reduce(0, +) / Double(values.count)
    }

    /// The middle value (mean of the two middle ones for an even count); `nil` for no values.
    static func median(_ values: [Double]) -> Double? {
        guard !values.isEmpty else { return nil }
        let sorted = values.sorted()
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }

    /// Σ(x − x̄)² / (n − 1); `nil` for fewer than two values.
    static func sampleVariance(_ values: [Double]) -> Double? {
        sampleCovariance(values, values)
    }

    /// Σ(x − x̄)(y − ȳ) / (n − 1) over paired values; `nil` for fewer than two pairs.
    static func sampleCovariance(_ x: [Double], _ y: [Double]) -> Double? {
        guard x.count == y.count, x.count > 1, let meanX = mean(x), let meanY = mean(y) else { return nil }
        var sum = 0.0
        for index in x.indices { sum += (x[index] - meanX) * (y[index] - meanY) }
        return sum / Double(x.count - 1)
    }
}

extension ItemAnalysis: Encodable {
    private enum Keys: String, CodingKey {
        case items, test, item, kind, attempts, facility, sd, randomGuess, discrimination, efficiency, flags, answers
        case answer, correct, count, shown, percent
        case learners, questions, mean, median, skewness, kurtosis, cic, errorRatio, standardError
    }

    /// `{"items": [...], "test": {...}}`: percentages 0–100 and other figures rounded to two
    /// decimals, `null` where a figure cannot be computed; every key always present.
    public func encode(to encoder: any Encoder) throws {
        var root = encoder.container(keyedBy: Keys.self)
        var rows = root.nestedUnkeyedContainer(forKey: .items)
        for row in items {
            var container = rows.nestedContainer(keyedBy: Keys.self)
            try container.encode(row.item, forKey: .item)
            try container.encode(row.kind, forKey: .kind)
            try container.encode(row.attempts, forKey: .attempts)
            try container.encode(Self.rounded(row.facility), forKey: .facility)
            try container.encode(Self.rounded(row.standardDeviation), forKey: .sd)
            try container.encode(Self.rounded(row.randomGuessScore), forKey: .randomGuess)
            try container.encode(Self.rounded(row.discriminationIndex), forKey: .discrimination)
            try container.encode(Self.rounded(row.discriminativeEfficiency), forKey: .efficiency)
            try container.encode(row.flags, forKey: .flags)
            var answers = container.nestedUnkeyedContainer(forKey: .answers)
            for answer in row.answers {
                var entry = answers.nestedContainer(keyedBy: Keys.self)
                try entry.encode(answer.answer, forKey: .answer)
                try entry.encode(answer.correct, forKey: .correct)
                try entry.encode(answer.count, forKey: .count)
                try entry.encode(answer.shown, forKey: .shown)
                try entry.encode(Self.rounded(answer.percent), forKey: .percent)
            }
        }
        var test = root.nestedContainer(keyedBy: Keys.self, forKey: .test)
        try test.encode(self.test.attempts, forKey: .attempts)
        try test.encode(self.test.learners, forKey: .learners)
        try test.encode(self.test.questions, forKey: .questions)
        try test.encode(Self.rounded(self.test.mean), forKey: .mean)
        try test.encode(Self.rounded(self.test.median), forKey: .median)
        try test.encode(Self.rounded(self.test.standardDeviation), forKey: .sd)
        try test.encode(Self.rounded(self.test.skewness), forKey: .skewness)
        try test.encode(Self.rounded(self.test.kurtosis), forKey: .kurtosis)
        try test.encode(Self.rounded(self.test.internalConsistency), forKey: .cic)
        try test.encode(Self.rounded(self.test.errorRatio), forKey: .errorRatio)
        try test.encode(Self.rounded(self.test.standardError), forKey: .standardError)
    }

    /// `value` to two decimals, as reports show it; `nil` stays `nil` (and a non-finite value, which
    /// the computations never produce, becomes `nil` rather than invalid JSON).
    public static func rounded(_ value: Double?) -> Double? {
        guard let value, value.isFinite else { return nil }
        return (value * 100).rounded() / 100
    }
}
