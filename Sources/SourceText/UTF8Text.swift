import Foundation

/// Where a file stops being UTF-8: the 1-based line and column (in Unicode scalars) of the first
/// offending byte, and that byte.
public struct InvalidUTF8: Error, Equatable, Sendable {
    /// 1-based line.
    public var line: Int
    /// 1-based column, counted in Unicode scalars.
    public var column: Int
    /// The first byte that is not valid UTF-8 (0 for a rejected NUL).
    public var byte: UInt8

    /// Creates a position.
    public init(line: Int, column: Int, byte: UInt8) {
        self.line = line
        self.column = column
        self.byte = byte
    }
}

/// The one UTF-8 decoder of every reader of library files.
public enum UTF8Text {
    /// `data` as text without a leading byte-order mark, or where it stops being UTF-8. With
    /// `rejectingNUL`, a NUL byte counts as invalid too (content files are text, never binary).
    public static func decode(_ data: Data, rejectingNUL: Bool = false) -> Result<String, InvalidUTF8> {
        let hasNUL = rejectingNUL && data.withUnsafeBytes { $0.contains(0) }
        if !hasNUL, let text = String(validating: data, as: UTF8.self) {
            return .success(text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text)
        }
        return .failure(firstInvalid(data, rejectingNUL: rejectingNUL))
    }

    /// The position of the first byte that breaks UTF-8 (or of a NUL, when rejected).
    private static func firstInvalid(_ data: Data, rejectingNUL: Bool) -> InvalidUTF8 {
        let bytes = [UInt8](data)
        var line = 1
        var column = 1
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            var length = 0
            if b == 0, rejectingNUL { return InvalidUTF8(line: line, column: column, byte: b) }
            if b < 0x80 {
                length = 1
            } else if b & 0xE0 == 0xC0, b >= 0xC2 {
                length = 2
            } else if b & 0xF0 == 0xE0 {
                length = 3
            } else if b & 0xF8 == 0xF0, b <= 0xF4 {
                length = 4
            }
            if length == 0 || i + length > bytes.count { return InvalidUTF8(line: line, column: column, byte: b) }
            for k in 1..<length where bytes[i + k] & 0xC0 != 0x80 { return InvalidUTF8(line: line, column: column, byte: b) }
            if b == 0x0A {
                line += 1
                column = 1
            } else {
                column += 1
            }
            i += length
        }
        return InvalidUTF8(line: line, column: column, byte: 0)
    }
}
