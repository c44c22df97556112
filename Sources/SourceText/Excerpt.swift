/// The start of a text someone typed or a file holds, for quoting it in a one-line message: an
/// answer line, a JSON field or a bank's value is never echoed back whole.
public enum Excerpt {
    /// At most this many characters are quoted.
    public static let maximumCharacters = 60

    /// `text` cut to its first `maximumCharacters` characters, with `…` when it was longer; control
    /// characters (tabs, line breaks, escapes) show as `?` so that the message stays one line.
    public static func of(_ text: String) -> String {
        var excerpt = ""
        var count = 0
        for character in text {
            if count == maximumCharacters {
                excerpt += "…"
                break
            }
            let isControl = character.unicodeScalars.contains { $0.properties.generalCategory == .control }
            excerpt += isControl ? "?" : String(character)
            count += 1
        }
        return excerpt
    }
}
