import Foundation
import SourceText
import Testing

@Suite("Line splitting")
struct LineTests {
    @Test func linesSplitAtEveryKindOfLineBreak() {
        #expect("a\nb\r\nc\rd".lines == ["a", "b", "c", "d"])
        #expect("a\n\nb\n".lines == ["a", "", "b", ""])
        #expect("".lines == [""])
        #expect("caf\u{E9}\r\n\u{2014}".lines == ["caf\u{E9}", "\u{2014}"])
    }
}

@Suite("UTF-8 decoding")
struct UTF8TextTests {
    @Test func aByteOrderMarkIsDroppedAndBadBytesAreLocated() throws {
        #expect(try UTF8Text.decode(Data([0xEF, 0xBB, 0xBF, 0x61])).get() == "a")
        #expect(UTF8Text.decode(Data("ab\ncé".utf8) + Data([0xFF])) == .failure(InvalidUTF8(line: 2, column: 3, byte: 0xFF)))
        #expect(try UTF8Text.decode(Data([0x61, 0x00])).get() == "a\u{0}")
        #expect(UTF8Text.decode(Data([0x61, 0x00]), rejectingNUL: true) == .failure(InvalidUTF8(line: 1, column: 2, byte: 0)))
    }
}

@Suite("Diagnostic sink")
struct DiagnosticSinkTests {
    @Test func errorsAndWarningsKeepTheirOrderAndOnlyErrorsFail() {
        var sink = DiagnosticSink(path: "Content/a.md")
        sink.warning(SourceLocation(line: 3, column: 1), "odd")
        #expect(!sink.hasError)
        sink.error(SourceLocation(line: 1, column: 2), "bad")
        #expect(sink.hasError)
        #expect(sink.diagnostics.map(\.description) == ["Content/a.md:3:1: warning: odd", "Content/a.md:1:2: error: bad"])
    }
}
