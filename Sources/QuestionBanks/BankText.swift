import Foundation
import SourceText

/// Text helpers shared by the GIFT and Aiken readers and writers.
public enum BankText {
    /// Decodes UTF-8 (dropping a byte-order mark), or returns the 1-based line and column of the
    /// first byte that is not valid UTF-8.
    static func decodeUTF8(_ data: Data) -> Result<String, InvalidUTF8> {
        if let text = String(validating: data, as: UTF8.self) {
            return .success(text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text)
        }
        var iterator = data.makeIterator()
        var parser = Unicode.UTF8.ForwardParser()
        var line = 1
        var column = 1
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded):
                if Unicode.UTF8.decode(encoded) == "\n" {
                    line += 1
                    column = 1
                } else {
                    column += 1
                }
            case .emptyInput:
                // Unreachable: String(validating:) accepted nothing, so some scalar is invalid.
                return .failure(InvalidUTF8(line: line, column: column))
            case .error:
                return .failure(InvalidUTF8(line: line, column: column))
            }
        }
    }

    /// Where a file stops being UTF-8.
    struct InvalidUTF8: Error, Equatable {
        var line: Int
        var column: Int
    }

    /// Splits text into lines on `\n`, `\r\n` or `\r`, without the line breaks.
    static func lines(_ text: String) -> [String] {
        // Bytes, not Characters: a line break is always a grapheme of its own, and splitting bytes
        // avoids grapheme breaking.
        var lines: [String] = []
        var text = text
        text.withUTF8 { bytes in
            var start = 0, i = 0
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

    /// Lower-case ASCII letters and digits joined by single hyphens: `59 vs XS` → `59-vs-xs`.
    static func slug(_ text: String) -> String {
        let folded = text.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil).lowercased()
        var slug = ""
        var pendingHyphen = false
        for scalar in folded.unicodeScalars {
            let isWordCharacter = (scalar >= "a" && scalar <= "z") || (scalar >= "0" && scalar <= "9")
            if isWordCharacter {
                if pendingHyphen && !slug.isEmpty { slug.append("-") }
                slug.unicodeScalars.append(scalar)
                pendingHyphen = false
            } else {
                pendingHyphen = true
            }
        }
        return slug
    }

    /// The text format named by a `[name]` marker at the very start of `text`, and the text after
    /// it; `nil` when the text does not start with a known marker (Moodle then keeps the text as is).
    static func formatMarker(at text: Substring) -> (AuthoredQuestion.TextFormat, Substring)? {
        guard text.first == "[", let close = text.firstIndex(of: "]") else { return nil }
        let name = text[text.index(after: text.startIndex)..<close]
        guard let format = AuthoredQuestion.TextFormat(rawValue: String(name)) else { return nil }
        return (format, text[text.index(after: close)...])
    }

    /// Moodle's standard grades in percent; an import with "match grades: error" (Moodle's default)
    /// refuses any other answer weight.
    static let moodleGrades: [Double] = {
        let positive: [Double] = [
            100, 90, 83.33333, 80, 75, 70, 66.66667, 60, 50, 40, 33.33333, 30, 25, 20, 16.66667,
            14.28571, 12.5, 11.11111, 10, 5,
        ]
        return positive + [0] + positive.map { -$0 }
    }()

    /// Whether Moodle accepts `weight` (percent) as a grade; Moodle compares fractions to 1e-5.
    static func isMoodleGrade(_ weight: Double) -> Bool {
        moodleGrades.contains { abs($0 - weight) < 0.001 }
    }

    /// A number written the shortest way that reads back to the same `Double`: `50`, `33.33333`.
    public static func number(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 {
            return String(Int64(value))
        }
        return "\(value)"
    }

    /// Removes leading and trailing whitespace and line breaks.
    static func trimmed<S: StringProtocol>(_ text: S) -> String {
        text.trimmed
    }
}
