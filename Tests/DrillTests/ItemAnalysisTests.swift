import CodingContent
import Determinism
import Foundation
import Questions
import Testing

@testable import Drill

/// Five learners, four questions in the same order, every question worth one mark:
///
///     learner  q1 q2 q3 q4  total
///     A         1  1  1  0   3
///     B         1  1  1  0   3
///     C         1  1  0  0   2
///     D         1  0  0  1   2
///     E         0  0  0  1   1
///
/// q4 is the flawed item: the two strongest learners miss it and the two weakest get it right.
/// q1–q2 and q4 are four-option choice questions, q3 a typed code.
enum ClassFixture {
    static let marks: [(String, [Double])] = [
        ("A", [1, 1, 1, 0]), ("B", [1, 1, 1, 0]), ("C", [1, 1, 0, 0]), ("D", [1, 0, 0, 1]), ("E", [0, 0, 0, 1]),
    ]
    static let choiceOptions = ["27284", "27286", "27280", "27282"]

    /// The chosen option of a learner on a choice item: the key when right; else the first distractor
    /// for q1/q2, and for q4 `27286` (A, B) or `27280` (C). `27282` is never chosen.
    static func response(learner: String, question: Int, mark: Double) -> ScoredResponse {
        if question == 2 {
            return ScoredResponse(
                item: "q3", kind: "vignette-entry", mark: mark, choice: mark > 0 ? "27284-RT" : "27284-LT",
                options: [], key: "27284-RT")
        }
        let wrong = question == 3 ? (learner == "C" ? "27280" : "27286") : "27286"
        return ScoredResponse(
            item: "q\(question + 1)", kind: "vignette", mark: mark, choice: mark > 0 ? "27284" : wrong,
            options: choiceOptions, key: "27284")
    }

    static func attempts(_ learners: Int = 5) -> [ScoredAttempt] {
        marks.prefix(learners).map { learner, marks in
            ScoredAttempt(
                learner: learner, blueprint: "quiz",
                responses: marks.enumerated().map { index, mark in
                    response(learner: learner, question: index, mark: mark)
                })
        }
    }
}

@Suite("Item analysis: Moodle's figures on a hand-computed class")
struct ItemAnalysisTests {
    let analysis = ItemAnalysis(attempts: ClassFixture.attempts())

    func row(_ item: String) -> ItemAnalysis.ItemRow { analysis.items.first { $0.item == item }! }

    @Test func facilityIsTheMeanMarkInPercent() {
        // q1: 4 of 5 right; q2: 3 of 5; q3 and q4: 2 of 5.
        #expect(analysis.items.map(\.facility) == [80, 60, 40, 40])
        #expect(analysis.items.map(\.attempts) == [5, 5, 5, 5])
    }

    @Test func standardDeviationIsTheSampleSDOfTheMarkInPercent() {
        // q1: marks 1,1,1,1,0, mean 0.8: Σd² = 4·0.04 + 0.64 = 0.8, /4 = 0.2, √0.2 = 0.44721.
        #expect(abs(row("q1").standardDeviation! - 44.72136) < 1e-4)
        // q2: mean 0.6: Σd² = 3·0.16 + 2·0.36 = 1.2, /4 = 0.3, √0.3 = 0.54772.
        #expect(abs(row("q2").standardDeviation! - 54.77226) < 1e-4)
        #expect(abs(row("q4").standardDeviation! - 54.77226) < 1e-4)
    }

    @Test func randomGuessScoreIsOneOverTheOptionsAndZeroForTypedAnswers() {
        #expect(row("q1").randomGuessScore == 25)
        #expect(row("q3").randomGuessScore == 0)
    }

    @Test func discriminationIndexCorrelatesTheItemWithTheRestOfTheTest() {
        // q1: marks x = 1,1,1,1,0; rest y = total − x = 2,2,1,1,1 (mean 1.4).
        // cov = Σ(x−0.8)(y−1.4)/4 = (0.2·0.6·2 + 0.2·(−0.4)·2 + (−0.8)(−0.4))/4 = 0.4/4 = 0.1
        // var x = 0.2, var y = (0.36·2 + 0.16·3)/4 = 0.3; DI = 100 · 0.1/√0.06 = 40.8248.
        #expect(abs(row("q1").discriminationIndex! - 40.82483) < 1e-4)
        // q2: x = 1,1,1,0,0; y = 2,2,1,2,1 (mean 1.6): cov = 0.2/4 = 0.05; var y = 0.3; DI = 100·0.05/0.3 = 16.667.
        #expect(abs(row("q2").discriminationIndex! - 16.66667) < 1e-4)
        // q4: x = 0,0,0,1,1; y = 3,3,2,1,0 (mean 1.8): cov = −2.6/4 = −0.65; var y = 6.8/4 = 1.7;
        // DI = 100 · −0.65/√(0.3·1.7) = −91.0182: the strong miss it, the weak get it right.
        #expect(abs(row("q4").discriminationIndex! - -91.01821) < 1e-4)
    }

    @Test func discriminativeEfficiencyDividesByTheCovarianceOfTheSortedMarks() {
        // q1: sorted x = 0,1,1,1,1 with sorted y = 1,1,1,2,2: covmax = 0.4/4 = 0.1 = cov → 100.
        #expect(abs(row("q1").discriminativeEfficiency! - 100) < 1e-9)
        // q2: sorted x = 0,0,1,1,1, sorted y = 1,1,2,2,2: covmax = 1.2/4 = 0.3; 0.05/0.3 = 16.667.
        #expect(abs(row("q2").discriminativeEfficiency! - 16.66667) < 1e-4)
        // q4: sorted y = 0,1,2,3,3: covmax = 2.4/4 = 0.6; −0.65/0.6 = −108.333.
        #expect(abs(row("q4").discriminativeEfficiency! - -108.33333) < 1e-4)
    }

    @Test func flagsTheReversedItemLowEfficiencyAndUnchosenDistractors() {
        #expect(row("q4").flags == [.negativeDiscrimination, .lowEfficiency, .unchosenDistractor])
        // 16.7 % efficiency is above Moodle's 15 % mark; 27282 (and 27280 on q1 and q2) were shown to
        // all five learners and chosen by none.
        #expect(row("q1").flags == [.unchosenDistractor])
        #expect(row("q2").flags == [.unchosenDistractor])
        #expect(row("q3").flags == [])
    }

    @Test func tooEasyAndTooHardFollowTheFacilityThresholds() {
        var thresholds = ItemAnalysis.Thresholds()
        thresholds.tooEasy = 70
        thresholds.tooHard = 50
        thresholds.unchosenDistractorShown = 6
        let flagged = ItemAnalysis(attempts: ClassFixture.attempts(), thresholds: thresholds)
        #expect(flagged.items.map(\.flags) == [[.tooEasy], [], [.tooHard], [.tooHard, .negativeDiscrimination, .lowEfficiency]])
    }

    @Test func answersCountEveryChoiceAndTheDistractorNobodyChose() {
        // q4: E and D right (27284), A and B chose 27286, C chose 27280; 27282 shown 5 times, never chosen.
        let answers = row("q4").answers
        #expect(answers.map(\.answer) == ["27284", "27286", "27280", "27282"])
        #expect(answers.map(\.count) == [2, 2, 1, 0])
        #expect(answers.map(\.correct) == [true, false, false, false])
        #expect(answers.map(\.percent) == [40, 40, 20, 0])
        #expect(answers.map(\.shown) == [5, 5, 5, 5])
        // Below the number of showings that makes "nobody chose it" meaningful, no flag.
        var thresholds = ItemAnalysis.Thresholds()
        thresholds.unchosenDistractorShown = 6
        #expect(
            ItemAnalysis(attempts: ClassFixture.attempts(), thresholds: thresholds).items.allSatisfy {
                !$0.flags.contains(.unchosenDistractor)
            })
        // Typed answers: grouped by the entry as judged, never "shown".
        #expect(row("q3").answers.map(\.answer) == ["27284-LT", "27284-RT"])
        #expect(row("q3").answers.map(\.count) == [3, 2])
        #expect(row("q3").answers.map(\.shown) == [nil, nil])
    }

    @Test func wholeTestFiguresFollowMoodlesFormulas() {
        let test = analysis.test
        #expect(test.attempts == 5)
        #expect(test.learners == 5)
        #expect(test.questions == 4)
        // Totals 3,3,2,2,1 of 4: 75,75,50,50,25 %; mean 55, median 50.
        #expect(abs(test.mean! - 55) < 1e-9)
        #expect(test.median == 50)
        // Deviations 20,20,−5,−5,−30: Σd² = 1750, /4 = 437.5, SD = 20.9165.
        #expect(abs(test.standardDeviation! - 20.91650) < 1e-4)
        // m2 = 350, m3 = (8000·2 − 125·2 − 27000)/5 = −2250, k2 = 437.5, k3 = 25·(−2250)/12 = −4687.5;
        // skewness = −4687.5 / 437.5^1.5 = −0.51224.
        #expect(abs(test.skewness! - -0.512241) < 1e-5)
        // m4 = (160000·2 + 625·2 + 810000)/5 = 226250; k4 = 25·(6·226250 − 12·350²)/24 = −117187.5;
        // kurtosis = k4 / k2² = −0.61224.
        #expect(abs(test.kurtosis! - -0.612245) < 1e-5)
        // Σ item variances = 0.2 + 0.3 + 0.3 + 0.3 = 1.1; variance of totals = 2.8/4 = 0.7;
        // α = 100 · 4/3 · (1 − 1.1/0.7) = −76.19 (q4 pulls against the rest).
        #expect(abs(test.internalConsistency! - -76.190476) < 1e-4)
        // Error ratio = 100 · √(1 + 0.7619) = 132.737; SE = 1.32737 · 20.9165 = 27.7639.
        #expect(abs(test.errorRatio! - 132.736761) < 1e-4)
        #expect(abs(test.standardError! - 27.763885) < 1e-4)
    }

    @Test func withoutTheFlawedItemTheTestIsConsistent() {
        // Drop q4 from every attempt: totals 3,3,2,1,0 of 3.
        let attempts = ClassFixture.attempts().map { attempt in
            ScoredAttempt(learner: attempt.learner, blueprint: attempt.blueprint, responses: Array(attempt.responses.prefix(3)))
        }
        let test = ItemAnalysis(attempts: attempts).test
        // Σ item variances = 0.2 + 0.3 + 0.3 = 0.8; totals 3,3,2,1,0 (mean 1.8): Σd² = 6.8, var 1.7;
        // α = 100 · 3/2 · (1 − 0.8/1.7) = 79.41.
        #expect(abs(test.internalConsistency! - 79.411765) < 1e-4)
    }

    @Test func theOrderOfTheAttemptsNeverChangesABit() {
        let attempts = ClassFixture.attempts()
        #expect(ItemAnalysis(attempts: attempts.reversed()) == analysis)
        #expect(ItemAnalysis(attempts: [attempts[2], attempts[4], attempts[0], attempts[3], attempts[1]]) == analysis)
    }

    @Test func kindFilterKeepsRowsButNotTheRestOfTheTest() {
        let filtered = ItemAnalysis(attempts: ClassFixture.attempts(), kinds: ["vignette-entry"])
        #expect(filtered.items.map(\.item) == ["q3"])
        #expect(filtered.items[0].discriminationIndex == row("q3").discriminationIndex)
        #expect(filtered.test == analysis.test)
    }

    @Test func aMultipleAnswerQuestionHasNoRandomGuessScore() {
        let response = ScoredResponse(item: "m", kind: "multiple-answer", mark: 1, choice: "A", options: ["A", "B", "C"], key: "A")
        #expect(ItemAnalysis.guessScore(response) == nil)
        #expect(ItemAnalysis.guessScore(ScoredResponse(item: "r", kind: "vignette", mark: 0, choice: nil, options: nil, key: nil)) == nil)
    }
}

@Suite("Item analysis: tiny classes never divide by zero")
struct TinyClassTests {
    func json(_ analysis: ItemAnalysis) throws -> String { try CodedrillJSON.string(analysis, pretty: false) }

    @Test func noLearnersGiveAnEmptyReportWithNulls() throws {
        let analysis = ItemAnalysis(attempts: [])
        #expect(analysis.items.isEmpty)
        #expect(analysis.test.attempts == 0)
        #expect(analysis.test.mean == nil)
        #expect(analysis.test.median == nil)
        let text = try json(analysis)
        #expect(
            text
                == #"{"items":[],"test":{"attempts":0,"cic":null,"errorRatio":null,"kurtosis":null,"learners":0,"mean":null,"median":null,"questions":null,"sd":null,"skewness":null,"standardError":null}}"#
        )
    }

    @Test func oneLearnerHasFacilityButNoSpreadOrCorrelation() throws {
        let analysis = ItemAnalysis(attempts: ClassFixture.attempts(1))
        #expect(analysis.items.map(\.facility) == [100, 100, 100, 0])
        #expect(
            analysis.items.allSatisfy { $0.standardDeviation == nil && $0.discriminationIndex == nil && $0.discriminativeEfficiency == nil }
        )
        #expect(analysis.test.mean == 75)
        #expect(analysis.test.median == 75)
        #expect(analysis.test.standardDeviation == nil)
        #expect(analysis.test.skewness == nil)
        #expect(analysis.test.internalConsistency == nil)
        // Facility alone still flags: 100 % is too easy, 0 % too hard.
        #expect(analysis.items.map(\.flags) == [[.tooEasy], [.tooEasy], [.tooEasy], [.tooHard]])
        let text = try json(analysis)
        #expect(!text.contains("nan") && !text.contains("inf"))
        #expect(text.contains(#""discrimination":null"#))
    }

    @Test func twoLearnersHaveSpreadButNoSkewnessOrAlpha() throws {
        // A: 1,1,1,0 (3); B: 1,1,1,0 (3): every mark the same, so no variance anywhere.
        let same = ItemAnalysis(attempts: ClassFixture.attempts(2))
        #expect(same.test.standardDeviation == 0)
        #expect(same.items.allSatisfy { $0.standardDeviation == 0 && $0.discriminationIndex == nil && $0.discriminativeEfficiency == nil })
        // A (3 of 4) and E (1 of 4): 75 and 25 %, mean 50, SD √(2·625/1) = 35.355.
        let apart = ItemAnalysis(attempts: [ClassFixture.attempts()[0], ClassFixture.attempts()[4]])
        #expect(apart.test.mean == 50)
        #expect(apart.test.median == 50)
        #expect(abs(apart.test.standardDeviation! - 35.355339) < 1e-5)
        #expect(apart.test.skewness == nil)
        #expect(apart.test.kurtosis == nil)
        #expect(apart.test.internalConsistency == nil)
        // q1: A right, E wrong; rest 2 and 1: a perfect correlation.
        #expect(abs(apart.items[0].discriminationIndex! - 100) < 1e-9)
        #expect(abs(apart.items[0].discriminativeEfficiency! - 100) < 1e-9)
        let text = try json(apart)
        #expect(!text.contains("nan") && !text.contains("inf"))
    }
}
