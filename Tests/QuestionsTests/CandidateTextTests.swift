import Testing

@testable import Questions

/// The byte-level checks the code-set and bundling searches run on every candidate option, and the
/// question id written in place: pinned on exact texts, since they replaced string splitting.
@Suite struct CandidateTextTests {
    @Test func aCodeNamedTwiceIsFoundWhateverItsModifierOrSpacing() {
        #expect(QuestionGenerator.repeatsCode("29823, 29823-59"))
        #expect(QuestionGenerator.repeatsCode("29823-RT,29823"))
        #expect(QuestionGenerator.repeatsCode("43251, K63.5, 43251-59, K64.8"))
        #expect(!QuestionGenerator.repeatsCode("27284-RT, M16.51"))
        #expect(!QuestionGenerator.repeatsCode("45378, K57.30, K64.8"))
        // A count is part of the element, not of the code: 17003 × 4 is not 17003.
        #expect(!QuestionGenerator.repeatsCode("17000, 17003 × 4, 17003-59"))
        // Empty elements are skipped, as `split` omits them.
        #expect(!QuestionGenerator.repeatsCode("11042,, 97597"))
        #expect(!QuestionGenerator.repeatsCode(""))
    }

    @Test func theKeyStandsOutWhenItsElementsAreTheMostFrequent() {
        func options(_ texts: [String], key: Int) -> [Choice] {
            texts.enumerated().map { Choice(text: $1, correct: $0 == key, rationale: "") }
        }
        // A and X are each in two options, every other element in one: the key sums 4, the others 3, 3, 2.
        #expect(QuestionGenerator.keyStandsOut(options(["B, X", "A, X", "A, Y", "C, Z"], key: 1)))
        // The 2×2 crossing: every element in two options, every sum 4.
        #expect(!QuestionGenerator.keyStandsOut(options(["B, Y", "A, Y", "B, X", "A, X"], key: 3)))
        #expect(!QuestionGenerator.keyStandsOut(options(["A, X", "B, X"], key: -1)))
    }

    @Test func aQuestionIdIsTheItemAndTheSeed() {
        #expect(QuestionGenerator.questionID("cpt:27284/code-set", 0) == "cpt:27284/code-set#0")
        #expect(QuestionGenerator.questionID("cpt:27284/code-set", 12_345) == "cpt:27284/code-set#12345")
        #expect(QuestionGenerator.questionID("gift:q1", UInt64.max) == "gift:q1#18446744073709551615")
    }
}
