/// Fast, Foundation-free text helpers for the parsers' hot paths (Foundation's bridged `NSString`
/// operations dominated library loading on Linux).
extension StringProtocol {
    /// The text without leading and trailing whitespace (spaces, tabs, newlines).
    public var trimmed: String {
        // ASCII white space is skipped byte by byte from both ends; a non-ASCII byte at either edge
        // might be Unicode white space (or a combining mark), so Characters decide then.
        func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || (0x09...0x0D).contains(byte) }
        let fast = utf8.withContiguousStorageIfAvailable { bytes -> String? in
            var start = 0, end = bytes.count
            while start < end, isSpace(bytes[start]) { start += 1 }
            while end > start, isSpace(bytes[end - 1]) { end -= 1 }
            if start == end { return "" }
            guard bytes[start] < 0x80, bytes[end - 1] < 0x80 else { return nil }
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
        }
        if let fast, let fast { return fast }
        guard let first = firstIndex(where: { !$0.isWhitespace }) else { return "" }
        let last = lastIndex(where: { !$0.isWhitespace })!
        return String(self[first...last])
    }

    /// The lines of the text, split at `\n` with a trailing `\r` removed from each (CRLF files).
    public var lines: [String] {
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
