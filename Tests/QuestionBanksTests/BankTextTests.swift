import Testing
@testable import QuestionBanks

@Suite("Bank text")
struct BankTextTests {
    @Test func bankLinesSplitAtEveryKindOfLineBreak() {
        #expect(BankText.lines("a\nb\r\nc\rd") == ["a", "b", "c", "d"])
        #expect(BankText.lines("a\n\nb\n") == ["a", "", "b", ""])
        #expect(BankText.lines("") == [""])
        #expect(BankText.lines("caf\u{E9}\r\n\u{2014}") == ["caf\u{E9}", "\u{2014}"])
    }
}
