/// Fast, Foundation-free text helpers for the parsers' hot paths (Foundation's bridged `NSString`
/// operations dominated library loading on Linux).
extension StringProtocol {
    /// The text without leading and trailing whitespace (spaces, tabs, newlines).
    public var trimmed: String {
        // ASCII white space is skipped byte by byte from both ends; a non-ASCII byte at either edge
        // might be Unicode white space (or a combining mark), so Characters decide then.
        func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || (0x09...0x0D).contains(byte) }
        let fast = utf8.withContiguousStorageIfAvailable { bytes -> String? in
            var start = 0
            var end = bytes.count
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

    /// The lines of the text, split at `\n`, `\r\n` or `\r` (Unix, Windows and old Mac files), without
    /// the line breaks: the one line splitter of every reader of library files.
    public var lines: [String] {
        // Bytes, not Characters: a line break is always a grapheme of its own, and splitting bytes
        // avoids grapheme breaking, the slow part of a Character split.
        var lines: [String] = []
        var text = String(self)
        text.withUTF8 { bytes in
            var start = 0
            var i = 0
            while i < bytes.count {
                let byte = bytes[i]
                if byte == 0x0A || byte == 0x0D {
                    lines.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<i]), as: UTF8.self))
                    i += byte == 0x0D && i + 1 < bytes.count && bytes[i + 1] == 0x0A ? 2 : 1
                    start = i
                } else {
                    i += 1
                }
            }
            lines.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<bytes.count]), as: UTF8.self))
        }
        return lines
    }
}
