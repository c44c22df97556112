import Foundation
import SourceText

/// Text helpers shared by the GIFT and Aiken readers and writers.
public enum BankText {
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
