/// Fast, Foundation-free text helpers for the parsers' hot paths (Foundation's bridged `NSString`
/// operations dominated library loading on Linux).
extension StringProtocol {
    /// The text without leading and trailing whitespace (spaces, tabs, newlines).
    var trimmed: String {
        // ASCII white space is skipped byte by byte; a non-ASCII byte at either edge might be
        // Unicode white space (or a combining mark), so Characters decide then.
        func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || (0x09...0x0D).contains(byte) }
        let bytes = utf8
        var start: UTF8View.Index?, end = bytes.startIndex
        var firstByte: UInt8 = 0, lastByte: UInt8 = 0
        var i = bytes.startIndex
        while i < bytes.endIndex {
            let byte = bytes[i]
            i = bytes.index(after: i)
            guard !isSpace(byte) else { continue }
            if start == nil {
                start = bytes.index(i, offsetBy: -1, limitedBy: bytes.startIndex) ?? bytes.startIndex
                firstByte = byte
            }
            lastByte = byte
            end = i
        }
        guard let start else { return "" }
        if firstByte < 0x80, lastByte < 0x80 { return String(self[start..<end]) }
        guard let first = firstIndex(where: { !$0.isWhitespace }) else { return "" }
        let last = lastIndex(where: { !$0.isWhitespace })!
        return String(self[first...last])
    }

    /// The lines of the text, split at `\n` with a trailing `\r` removed from each (CRLF files).
    var lines: [String] {
        // Splitting bytes, not Characters: grapheme breaking is the slow part of a Character split.
        let bytes = Array(utf8)
        var result: [String] = []
        var start = 0
        for (i, byte) in bytes.enumerated() where byte == 0x0A {
            let end = i > start && bytes[i - 1] == 0x0D ? i - 1 : i
            result.append(String(decoding: bytes[start..<end], as: UTF8.self))
            start = i + 1
        }
        let end = bytes.count > start && bytes[bytes.count - 1] == 0x0D ? bytes.count - 1 : bytes.count
        result.append(String(decoding: bytes[start..<end], as: UTF8.self))
        return result
    }
}
