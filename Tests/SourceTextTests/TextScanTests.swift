import Testing

@testable import SourceText

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
}
