import CodingContent
import Determinism
import Foundation
import SourceText

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
        var word: [UInt8] = []
        word.reserveCapacity(32)
        scanWords(
            text, letter: { word.append(contentsOf: $0) },
            wordEnd: {
                result.append(String(decoding: word, as: UTF8.self))
                word.removeAll(keepingCapacity: true)
            })
        return result
    }

    /// The one definition of a word: a run of letters and digits, lower-cased. `letter` gets the
    /// UTF-8 bytes of each lower-cased letter or digit, `wordEnd` is called after each word.
    @inline(__always)
    static func scanWords(_ text: String, letter: (UnsafeBufferPointer<UInt8>) -> Void, wordEnd: () -> Void) {
        var inWord = false
        for scalar in text.unicodeScalars {
            let v = scalar.value
            if v < 0x80 {
                // ASCII fast path: letters and digits, upper case folded.
                var byte = UInt8(v)
                if (0x41...0x5A).contains(byte) { byte += 0x20 }
                if (0x61...0x7A).contains(byte) || (0x30...0x39).contains(byte) {
                    withUnsafePointer(to: byte) { letter(UnsafeBufferPointer(start: $0, count: 1)) }
                    inWord = true
                    continue
                }
            } else if scalar.properties.isAlphabetic {
                var lower = scalar.properties.lowercaseMapping
                lower.withUTF8 { letter($0) }
                inWord = true
                continue
            }
            if inWord {
                wordEnd()
                inWord = false
            }
        }
        if inWord { wordEnd() }
    }

    /// Whether a token is a content word (not a stop word, at least three characters).
    static func isContent(_ token: String) -> Bool { token.count >= 3 && !stopWords.contains(token) }

    /// How many consecutive words make a phrase for `distinctivePhrases`.
    static let phraseLength = 4

    /// The distinctive phrases of a text: every run of four consecutive words with at least two
    /// content words, each kept as a hash of its words. A stem containing one of a contrast's phrases
    /// quotes that contrast.
    static func distinctivePhrases(_ text: String) -> Set<Int> { TextWords(text).phrases }

    /// Whether `text`, lower-cased, contains `needle` (already lower-case).
    static func lowercasedContains(_ text: String, _ needle: String) -> Bool {
        bytesContain(text.lowercased(), needle)
    }

    /// Whether `haystack`'s UTF-8 bytes contain `needle`'s (no Foundation bridging, no copies); with
    /// `atWordStart`, only where no ASCII letter precedes the match ("pedicle" in "pedicles", not
    /// "stead" in "instead").
    static func bytesContain(_ haystack: String, _ needle: String, atWordStart: Bool = false) -> Bool {
        var haystack = haystack
        var needle = needle
        return haystack.withUTF8 { haystack in
            needle.withUTF8 { pattern in
                guard !pattern.isEmpty else { return true }
                guard haystack.count >= pattern.count else { return false }
                let first = pattern[0]
                for start in 0...(haystack.count - pattern.count) where haystack[start] == first {
                    if atWordStart, start > 0, (haystack[start - 1] | 0x20) >= 0x61, (haystack[start - 1] | 0x20) <= 0x7A { continue }
                    var k = 1
                    while k < pattern.count, haystack[start + k] == pattern[k] { k += 1 }
                    if k == pattern.count { return true }
                }
                return false
            }
        }
    }

    /// `template` with every `{name}` of `values` replaced by its value (other braces kept as
    /// written), in one pass over the UTF-8 bytes. Foundation's `replacingOccurrences`, three per
    /// wrong option of a modifier question, was a quarter of generation time in the generator
    /// benchmark.
    static func filled(_ template: String, _ values: [(name: String, value: String)]) -> String {
        var template = template
        return template.withUTF8 { bytes in
            let open = UInt8(ascii: "{")
            let close = UInt8(ascii: "}")
            var out = ""
            out.reserveCapacity(bytes.count + 64)
            var start = 0
            var i = 0
            while i < bytes.count {
                if bytes[i] == open, let end = bytes[(i + 1)...].firstIndex(of: close),
                    let value = values.first(where: { $0.name.utf8.elementsEqual(bytes[(i + 1)..<end]) })?.value
                {
                    out += String(decoding: bytes[start..<i], as: UTF8.self)
                    out += value
                    i = end + 1
                    start = i
                } else {
                    i += 1
                }
            }
            out += String(decoding: bytes[start...], as: UTF8.self)
            return out
        }
    }

    /// `sentence` with its first letter lower-cased, when its first word may be (see
    /// `lowerableOpeners`); otherwise `nil`.
    static func lowercasedOpening(_ sentence: String) -> String? {
        guard let first = tokens(String(sentence.prefix(24))).first, lowerableOpeners.contains(first),
            let head = sentence.first
        else { return nil }
        return head.lowercased() + sentence.dropFirst()
    }

    /// `text` with its first letter upper-cased.
    static func capitalized(_ text: String) -> String {
        guard let head = text.first else { return text }
        return head.uppercased() + text.dropFirst()
    }

    /// `text` ending in a full stop (unless it already ends in punctuation).
    static func sentence(_ text: String) -> String {
        let trimmed = text.trimmed
        guard let last = trimmed.utf8.last else { return trimmed }
        return last == UInt8(ascii: ".") || last == UInt8(ascii: "!") || last == UInt8(ascii: "?") ? trimmed : trimmed + "."
    }

    /// `text` without a final full stop, for embedding in a longer sentence.
    static func clause(_ text: String) -> String {
        var trimmed = text.trimmed
        while trimmed.utf8.last == UInt8(ascii: ".") { trimmed.removeLast() }
        return trimmed
    }

    /// Jaccard similarity of two sorted, duplicate-free id arrays.
    static func jaccard(_ a: [Int], _ b: [Int]) -> Double {
        jaccard(shared: overlap(a, b), a.count, b.count)
    }

    /// Jaccard similarity of two sets of sizes `a` and `b` that share `shared` ids.
    static func jaccard(shared: Int, _ a: Int, _ b: Int) -> Double {
        let union = a + b - shared
        return union == 0 ? 1 : Double(shared) / Double(union)
    }

    /// How many ids two sorted, duplicate-free arrays share.
    static func overlap(_ a: [Int], _ b: [Int]) -> Int {
        var i = 0
        var j = 0
        var shared = 0
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

/// The words of a text as ids, for comparing texts without comparing strings: each id is the
/// `Fingerprint` (64-bit FNV-1a) of the lower-cased word (`Wording.tokens`), the same in every
/// process, so texts can be read on any thread with no shared table.
struct TextWords: Sendable {
    /// The word ids, in order.
    var ids: [Int]
    /// Per word: whether it is a content word (`Wording.isContent`).
    var content: [Bool]

    /// The words of `text` (as `Wording.scanWords` finds them).
    init(_ text: String) {
        var ids: [Int] = []
        var content: [Bool] = []
        var hash = Fingerprint.start
        var letters = 0
        Wording.scanWords(
            text,
            letter: { bytes in
                for byte in bytes { hash = Fingerprint.adding(byte, to: hash) }
                letters += 1
            },
            wordEnd: {
                let id = Int(bitPattern: UInt(hash))
                ids.append(id)
                content.append(letters >= 3 && !TextWords.stopWords.contains(id))
                hash = Fingerprint.start
                letters = 0
            })
        self.ids = ids
        self.content = content
    }

    /// The id of one lower-case word.
    static func id(of word: String) -> Int {
        Int(bitPattern: UInt(Fingerprint.value(of: word)))
    }

    private static let stopWords = Set(Wording.stopWords.map(id(of:)))

    /// The sorted, duplicate-free ids of the content words.
    var contentIDs: [Int] { TextWords.contentIDs(of: [self]) }

    /// The sorted, duplicate-free ids of the content words of several texts.
    static func contentIDs(of texts: [TextWords]) -> [Int] {
        var result: [Int] = []
        for text in texts {
            for (id, isContent) in zip(text.ids, text.content) where isContent { result.append(id) }
        }
        result.sort()
        var unique = 0
        for id in result where unique == 0 || result[unique - 1] != id {
            result[unique] = id
            unique += 1
        }
        result.removeLast(result.count - unique)
        return result
    }

    /// The distinctive phrases: every run of four consecutive words with at least two content
    /// words, each kept as a hash of its word ids.
    var phrases: Set<Int> {
        let length = Wording.phraseLength
        guard ids.count >= length else { return [] }
        var result: Set<Int> = []
        for start in 0...(ids.count - length) {
            var count = 0
            for k in start..<(start + length) where content[k] { count += 1 }
            guard count >= 2 else { continue }
            var hasher = Hasher()
            for k in start..<(start + length) { hasher.combine(ids[k]) }
            result.insert(hasher.finalize())
        }
        return result
    }

    /// One id for the whole word sequence (texts that differ only in case and punctuation share it).
    var key: Int {
        var hash = Fingerprint.start
        for id in ids {
            var word = UInt64(UInt(bitPattern: id))
            for _ in 0..<8 {
                hash = Fingerprint.adding(UInt8(word & 0xff), to: hash)
                word >>= 8
            }
        }
        return Int(bitPattern: UInt(hash))
    }
}

extension ServiceLayout {
    /// The rationale sentence naming the side a sided service was done on, in the words of its
    /// document: "The operation was on the right side", "The right side was examined".
    func sideSentence(_ side: Side) -> String {
        let both = side == .bilateral
        let which = "the \(side.rawValue) side"
        switch self {
        case .operative, .anesthesia: return both ? "Both sides were operated on" : "The operation was on \(which)"
        case .radiology: return both ? "Both sides were examined" : "The exam was of \(which)"
        case .medication: return both ? "Both sides were injected" : "The injection was on \(which)"
        case .pathology, .laboratory: return both ? "The specimens are from both sides" : "The specimen is from \(which)"
        case .medicine, .supply: return both ? "The service was on both sides" : "The service was on \(which)"
        }
    }

    /// What a diagnosis rationale calls the line that documents the diagnosis to code: "the
    /// postoperative diagnosis" of an operative report, "the impression" of a radiology report.
    var diagnosisSource: String {
        switch self {
        case .operative: "the postoperative diagnosis"
        case .anesthesia: "the diagnosis on the anesthesia record"
        case .radiology: "the impression"
        case .pathology: "the pathology diagnosis"
        case .laboratory: "the reason for the test"
        case .medicine: "the assessment"
        case .medication, .supply: "the documented diagnosis"
        }
    }

    /// The rule a diagnosis rationale states when the reason given before the service names another
    /// condition than the one confirmed (`preop` quoted as written).
    func confirmedDiagnosisRule(preop: String) -> String {
        switch self {
        case .operative:
            " Code the diagnosis the procedure confirmed, the postoperative diagnosis, not the preoperative one (“\(preop)”)."
        case .anesthesia: " Code the diagnosis on the anesthesia record (“\(preop)”)."
        case .radiology: " Code the diagnosis the exam confirmed, the impression, not the reason for the exam (“\(preop)”)."
        case .pathology: " Code the pathology diagnosis, not the clinical history (“\(preop)”)."
        case .laboratory:
            " Code the documented reason for the test (“\(preop)”); a result the ordering clinician has not interpreted is not a diagnosis."
        case .medicine: " Code the diagnosis the assessment documents, not the reason for the visit (“\(preop)”)."
        case .medication, .supply: " Code the documented diagnosis, not the reason first given (“\(preop)”)."
        }
    }
}

extension Diagnosis {
    /// The conditions a diagnosis line lists, as the surgeon would number them: the diagnosis, then
    /// each further (`also`) condition that its text does not already name. "Class 2 obesity with
    /// hypertension" is one line, though hypertension is coded too (I10 beside E66.812).
    var listedConditions: [String] {
        let named = text.lowercased()
        return [text] + also.map(\.text).filter { !Wording.bytesContain(named, Wording.clause($0).lowercased()) }
    }
}
