import Determinism
import Foundation
import ProgressStore

/// A strict reader of one results line in the shape `ResultLines.text` writes, about 20 times faster
/// than `JSONDecoder` (which made reading a class's 100,000 lines take seconds).
///
/// It accepts only a subset of JSON: one object holding each of the record's keys exactly once,
/// strings without escapes, integers without fraction or exponent. Anything else — escapes, an
/// unknown or missing key, a wrong type, invalid UTF-8 — returns `nil`, and the caller decodes the
/// line with `JSONDecoder`, so every line it accepts decodes to the same record there, and every
/// error message is `JSONDecoder`'s.
struct ResultLineReader {
    private let bytes: UnsafeBufferPointer<UInt8>
    private var index = 0

    private init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    /// The record on `line`, or `nil` when the line is outside the subset this reader takes.
    static func record(_ line: Substring) -> ResultRecord? {
        if let record = line.utf8.withContiguousStorageIfAvailable({ buffer in
            var reader = ResultLineReader(buffer)
            return reader.object()
        }) {
            return record
        }
        let copy = Array(line.utf8)
        return copy.withUnsafeBufferPointer { buffer in
            var reader = ResultLineReader(buffer)
            return reader.object()
        }
    }

    // The keys, in `ResultRecord.CodingKeys` order; `seen` marks each one read.
    private static let keys = [
        "format", "source", "learner", "attempt", "blueprint", "startedAt", "questions", "position", "item", "kind",
        "seed", "answer", "choice", "correct", "answeredAt", "options", "key",
    ].map { Array($0.utf8) }

    private mutating func object() -> ResultRecord? {
        var format: Int?
        var source: ResponseSource?
        var learner: String?
        var attempt: Int64??
        var blueprint: String??
        var startedAt: Date??
        var questions: Int??
        var position: Int??
        var item: String?
        var kind: String?
        var seed: UInt64?
        var answer: String??
        var choice: String??
        var correct: Bool?
        var answeredAt: Date??
        var options: [String]??
        var key: String??
        var seen = [Bool](repeating: false, count: Self.keys.count)
        skipSpace()
        guard take(UInt8(ascii: "{")) else { return nil }
        while true {
            skipSpace()
            guard let name = rawString() else { return nil }
            guard let k = Self.keys.firstIndex(where: { $0.elementsEqual(name) }), !seen[k] else { return nil }
            seen[k] = true
            skipSpace()
            guard take(UInt8(ascii: ":")) else { return nil }
            skipSpace()
            switch k {
            case 0:
                guard let value = integer().flatMap({ Int(exactly: $0) }) else { return nil }
                format = value
            case 1:
                guard let value = string().flatMap(ResponseSource.init(rawValue:)) else { return nil }
                source = value
            case 2:
                guard let value = string() else { return nil }
                learner = value
            case 3:
                guard let value = nullable({ $0.integer() }) else { return nil }
                attempt = value
            case 4:
                guard let value = nullable({ $0.string() }) else { return nil }
                blueprint = value
            case 5:
                guard let value = nullable({ $0.date() }) else { return nil }
                startedAt = value
            case 6:
                guard let value = nullable({ $0.integer().flatMap { Int(exactly: $0) } }) else { return nil }
                questions = value
            case 7:
                guard let value = nullable({ $0.integer().flatMap { Int(exactly: $0) } }) else { return nil }
                position = value
            case 8:
                guard let value = string() else { return nil }
                item = value
            case 9:
                guard let value = string() else { return nil }
                kind = value
            case 10:
                guard let value = unsigned() else { return nil }
                seed = value
            case 11:
                guard let value = nullable({ $0.string() }) else { return nil }
                answer = value
            case 12:
                guard let value = nullable({ $0.string() }) else { return nil }
                choice = value
            case 13:
                guard let value = boolean() else { return nil }
                correct = value
            case 14:
                guard let value = nullable({ $0.date() }) else { return nil }
                answeredAt = value
            case 15:
                guard let value = nullable({ $0.strings() }) else { return nil }
                options = value
            default:
                guard let value = nullable({ $0.string() }) else { return nil }
                key = value
            }
            skipSpace()
            if take(UInt8(ascii: ",")) { continue }
            guard take(UInt8(ascii: "}")) else { return nil }
            break
        }
        skipSpace()
        guard index == bytes.count, let format, let source, let learner, let attempt, let blueprint, let startedAt,
            let questions, let position, let item, let kind, let seed, let answer, let choice, let correct,
            let answeredAt, let options, let key
        else { return nil }
        return ResultRecord(
            format: format, source: source, learner: learner, attempt: attempt, blueprint: blueprint,
            startedAt: startedAt, questions: questions, position: position, item: item, kind: kind, seed: seed,
            answer: answer, choice: choice, correct: correct, answeredAt: answeredAt, options: options, key: key)
    }

    /// `null` as `.some(nil)`, a value read by `read` as `.some(value)`, anything else as `nil`.
    private mutating func nullable<T>(_ read: (inout ResultLineReader) -> T?) -> T?? {
        if literal("null") { return .some(nil) }
        guard let value = read(&self) else { return nil }
        return .some(value)
    }

    private mutating func skipSpace() {
        while index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r"): index += 1
            default: return
            }
        }
    }

    private mutating func take(_ byte: UInt8) -> Bool {
        guard index < bytes.count, bytes[index] == byte else { return false }
        index += 1
        return true
    }

    private mutating func literal(_ word: StaticString) -> Bool {
        let count = word.utf8CodeUnitCount
        guard bytes.count - index >= count else { return false }
        for offset in 0..<count where bytes[index + offset] != word.utf8Start[offset] { return false }
        index += count
        return true
    }

    private mutating func boolean() -> Bool? {
        if literal("true") { return true }
        if literal("false") { return false }
        return nil
    }

    /// A string's bytes, without escapes or control characters (those go to `JSONDecoder`).
    private mutating func rawString() -> UnsafeBufferPointer<UInt8>? {
        guard take(UInt8(ascii: "\"")) else { return nil }
        let start = index
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                index += 1
                return UnsafeBufferPointer(rebasing: bytes[start..<index - 1])
            }
            if byte == UInt8(ascii: "\\") || byte < 0x20 { return nil }
            index += 1
        }
        return nil
    }

    private mutating func string() -> String? {
        guard let raw = rawString() else { return nil }
        return String(validating: raw, as: UTF8.self)
    }

    private mutating func date() -> Date? {
        string().flatMap(ISO8601.parse)
    }

    private mutating func strings() -> [String]? {
        guard take(UInt8(ascii: "[")) else { return nil }
        var values: [String] = []
        skipSpace()
        if take(UInt8(ascii: "]")) { return values }
        while true {
            skipSpace()
            guard let value = string() else { return nil }
            values.append(value)
            skipSpace()
            if take(UInt8(ascii: ",")) { continue }
            return take(UInt8(ascii: "]")) ? values : nil
        }
    }

    /// A JSON integer: an optional minus, then `0` or digits without a leading zero, and no fraction
    /// or exponent (those go to `JSONDecoder`).
    private mutating func integer() -> Int64? {
        let negative = take(UInt8(ascii: "-"))
        guard let magnitude = unsigned() else { return nil }
        if negative {
            return magnitude <= UInt64(Int64.max) + 1 ? Int64(truncatingIfNeeded: 0 &- magnitude) : nil
        }
        return Int64(exactly: magnitude)
    }

    private mutating func unsigned() -> UInt64? {
        let start = index
        var value: UInt64 = 0
        while index < bytes.count, bytes[index] >= UInt8(ascii: "0"), bytes[index] <= UInt8(ascii: "9") {
            let (times, overflow1) = value.multipliedReportingOverflow(by: 10)
            let (sum, overflow2) = times.addingReportingOverflow(UInt64(bytes[index] - UInt8(ascii: "0")))
            guard !overflow1, !overflow2 else { return nil }
            value = sum
            index += 1
        }
        let digits = index - start
        guard digits > 0, digits == 1 || bytes[start] != UInt8(ascii: "0") else { return nil }
        if index < bytes.count, [UInt8(ascii: "."), UInt8(ascii: "e"), UInt8(ascii: "E")].contains(bytes[index]) { return nil }
        return value
    }
}
