import Testing
@testable import CodingContent

@Suite("Text scanning")
struct TextScanTests {
    @Test func trimmedDropsOnlyWhiteSpaceAtTheEnds() {
        #expect("  a b \t\r\n".trimmed == "a b")
        #expect("\u{00A0}code\u{2003}".trimmed == "code")  // Unicode white space takes the Character path
        #expect(" \u{301}x ".trimmed == "x")  // a space with a combining mark is one Character, white space
        #expect("   ".trimmed == "")
        #expect("".trimmed == "")
        #expect("— caf\u{E9} —".trimmed == "— caf\u{E9} —")
        #expect("  line  ".dropFirst().trimmed == "line")
    }

    @Test func bankLinesSplitAtEveryKindOfLineBreak() {
        #expect(BankText.lines("a\nb\r\nc\rd") == ["a", "b", "c", "d"])
        #expect(BankText.lines("a\n\nb\n") == ["a", "", "b", ""])
        #expect(BankText.lines("") == [""])
        #expect(BankText.lines("caf\u{E9}\r\n\u{2014}") == ["caf\u{E9}", "\u{2014}"])
    }
}
