import FSRS
import Testing

@testable import Drill

@Suite struct DrillInputTests {
    @Test func answersCarryTheirConfidenceSuffix() {
        #expect(DrillInput(line: "b") == .answer("b", .plain))
        #expect(DrillInput(line: " b? ") == .answer("b", .unsure))
        #expect(DrillInput(line: "27284-RT!") == .answer("27284-RT", .sure))
        #expect(DrillInput(line: "27284 ?") == .answer("27284", .unsure))
    }

    @Test func commandsAreRecognised() {
        #expect(DrillInput(line: "?") == .help)
        #expect(DrillInput(line: "S") == .skip)
        #expect(DrillInput(line: "u") == .undo)
        #expect(DrillInput(line: "q") == .quit)
        #expect(DrillInput(line: "   ") == .empty)
    }

    @Test func ratingFollowsCorrectnessAndConfidence() {
        #expect(GradingPolicy.rating(correct: false, confidence: .sure) == .again)
        #expect(GradingPolicy.rating(correct: false, confidence: .plain) == .again)
        #expect(GradingPolicy.rating(correct: true, confidence: .plain) == .good)
        #expect(GradingPolicy.rating(correct: true, confidence: .unsure) == .hard)
        #expect(GradingPolicy.rating(correct: true, confidence: .sure) == .easy)
    }
}
