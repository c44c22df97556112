import Foundation

/// Word-level text helpers for building stems and checking them: tokens, overlap, leak phrases,
/// and the small grammar needed to join an author's sentences.
enum Wording {
    /// Words that carry no clinical meaning; ignored for overlap and for "distinctive" phrases.
    static let stopWords: Set<String> = [
        "a", "an", "the", "and", "or", "but", "of", "to", "in", "on", "at", "by", "for", "from", "with", "without",
        "into", "onto", "over", "under", "through", "across", "after", "before", "during", "while", "once", "then",
        "is", "are", "was", "were", "be", "been", "being", "it", "its", "this", "that", "these", "those", "as",
        "so", "no", "not", "any", "all", "both", "each", "also", "only", "there", "which", "who", "whose", "than",
        "has", "have", "had", "does", "do", "did", "can", "may", "will", "would", "one", "two", "his", "her",
        "their", "them", "they", "he", "she", "up", "out", "off", "about", "until", "when", "where", "more", "less",
    ]

    /// Sentence openers that may be lower-cased after a connective ("Next, the capsule…"). Any other
    /// first word might be a name or an abbreviation, so it keeps its capital and gets no connective.
    static let lowerableOpeners: Set<String> = [
        "a", "an", "the", "with", "using", "through", "after", "once", "both", "all", "its", "this", "these",
        "under", "via", "while", "each", "two", "three", "four", "several", "any", "at", "in", "on", "from",
        "over", "remaining", "an", "when", "its", "if", "another", "one", "further", "additional", "multiple",
    ]

    /// Lower-case words of letters and digits, in order.
    static func tokens(_ text: String) -> [String] {
        var result: [String] = []
        var word = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            let v = scalar.value
            if v < 0x80 {
                // ASCII fast path: letters and digits, upper case folded.
                if (0x61...0x7A).contains(v) || (0x30...0x39).contains(v) {
                    word.append(scalar)
                } else if (0x41...0x5A).contains(v) {
                    word.append(Unicode.Scalar(v + 0x20)!)
                } else if !word.isEmpty {
                    result.append(String(word))
                    word = String.UnicodeScalarView()
                }
            } else if scalar.properties.isAlphabetic {
                word.append(contentsOf: scalar.properties.lowercaseMapping.unicodeScalars)
            } else if !word.isEmpty {
                result.append(String(word))
                word = String.UnicodeScalarView()
            }
        }
        if !word.isEmpty { result.append(String(word)) }
        return result
    }

    /// Whether a token is a content word (not a stop word, at least three characters).
    static func isContent(_ token: String) -> Bool { token.count >= 3 && !stopWords.contains(token) }

    /// How many consecutive words make a phrase for `distinctivePhrases`.
    static let phraseLength = 4

    /// The distinctive phrases of a text: every run of four consecutive words with at least two
    /// content words, each kept as a hash of its words. A stem containing one of a contrast's phrases
    /// quotes that contrast.
    static func distinctivePhrases(_ text: String) -> Set<Int> {
        let words = tokens(text)
        guard words.count >= phraseLength else { return [] }
        let content = words.map(isContent)
        var result: Set<Int> = []
        for start in 0...(words.count - phraseLength) {
            var count = 0
            for k in start..<(start + phraseLength) where content[k] { count += 1 }
            guard count >= 2 else { continue }
            // A phrase is kept as the hash of its words: only ever compared within one process.
            var hasher = Hasher()
            for k in start..<(start + phraseLength) { hasher.combine(words[k]) }
            result.insert(hasher.finalize())
        }
        return result
    }

    /// `sentence` with its first letter lower-cased, when its first word may be (see
    /// `lowerableOpeners`); otherwise `nil`.
    static func lowercasedOpening(_ sentence: String) -> String? {
        guard let first = tokens(String(sentence.prefix(24))).first, lowerableOpeners.contains(first),
              let head = sentence.first else { return nil }
        return head.lowercased() + sentence.dropFirst()
    }

    /// `text` with its first letter upper-cased.
    static func capitalized(_ text: String) -> String {
        guard let head = text.first else { return text }
        return head.uppercased() + text.dropFirst()
    }

    /// `text` ending in a full stop (unless it already ends in punctuation).
    static func sentence(_ text: String) -> String {
        let trimmed = trimmed(text)
        guard let last = trimmed.last else { return trimmed }
        return last == "." || last == "!" || last == "?" ? trimmed : trimmed + "."
    }

    /// `text` without a final full stop, for embedding in a longer sentence.
    static func clause(_ text: String) -> String {
        var trimmed = trimmed(text)
        while trimmed.last == "." { trimmed.removeLast() }
        return trimmed
    }

    /// `text` without leading and trailing white space.
    static func trimmed(_ text: String) -> String {
        guard let first = text.firstIndex(where: { !$0.isWhitespace }), let last = text.lastIndex(where: { !$0.isWhitespace }) else {
            return ""
        }
        return String(text[first...last])
    }

    /// Jaccard similarity of two sorted, duplicate-free id arrays.
    static func jaccard(_ a: [Int], _ b: [Int]) -> Double {
        let shared = overlap(a, b)
        let union = a.count + b.count - shared
        return union == 0 ? 1 : Double(shared) / Double(union)
    }

    /// How many ids two sorted, duplicate-free arrays share.
    static func overlap(_ a: [Int], _ b: [Int]) -> Int {
        var i = 0, j = 0, shared = 0
        while i < a.count, j < b.count {
            if a[i] == b[j] {
                shared += 1
                i += 1
                j += 1
            } else if a[i] < b[j] {
                i += 1
            } else {
                j += 1
            }
        }
        return shared
    }
}

/// Interns content words as small integers so overlap is a merge of sorted arrays.
struct Vocabulary {
    private var ids: [String: Int] = [:]

    /// The sorted, duplicate-free ids of the content words of `texts`.
    mutating func contentIDs<S: Sequence>(_ texts: S) -> [Int] where S.Element == String {
        var result: Set<Int> = []
        for text in texts {
            for token in Wording.tokens(text) where Wording.isContent(token) {
                if let id = ids[token] {
                    result.insert(id)
                } else {
                    let id = ids.count
                    ids[token] = id
                    result.insert(id)
                }
            }
        }
        return result.sorted()
    }
}
