import Foundation
import Testing

@testable import Drill

@Suite("Results files: the fast line reader agrees with JSONDecoder")
struct ResultLineReaderTests {
    static let line = ResultLinesTests.line

    /// The record JSONDecoder makes of `line` (the reference the fast reader must match).
    static func decoded(_ line: String) throws -> ResultRecord {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return try decoder.decode(ResultRecord.self, from: Data(line.utf8))
    }

    @Test func theLinesCodedrillWritesAreReadWithoutJSONDecoder() throws {
        let record = try #require(ResultLineReader.record(Substring(Self.line)))
        #expect(record == (try Self.decoded(Self.line)))
        #expect(record.options == ["27130", "27284", "27286", "27282"])
        #expect(record.startedAt == Date(timeIntervalSince1970: 1_767_603_600))
        #expect(try ResultLines.text([record]) == Self.line + "\n")
        // Spaces between tokens and another key order are still plain JSON lines.
        let spaced =
            #"{ "source" : "drill", "format":1,"learner":"é ü","attempt":null,"blueprint":null,"startedAt":null,"questions":null,"position":null,"item":"x","kind":"gift","seed":18446744073709551615,"answer":null,"choice":null,"correct":false,"answeredAt":null,"options":[ ],"key":null }"#
        let drill = try #require(ResultLineReader.record(Substring(spaced)))
        #expect(drill == (try Self.decoded(spaced)))
        #expect(drill.seed == UInt64.max && drill.learner == "é ü" && drill.options == [])
    }

    @Test(arguments: [
        // Escapes, unknown keys, missing keys, fractions, leading zeros, a repeated key: JSONDecoder's business.
        line.replacingOccurrences(of: #""learner":"ana""#, with: #""learner":"a\"na""#),
        line.replacingOccurrences(of: #""learner":"ana""#, with: #""learner":"ana","extra":1"#),
        line.replacingOccurrences(of: #""key":"27284","#, with: ""),
        line.replacingOccurrences(of: #""seed":183"#, with: #""seed":183.0"#),
        line.replacingOccurrences(of: #""seed":183"#, with: #""seed":0183"#),
        line.replacingOccurrences(of: #""seed":183"#, with: #""seed":-1"#),
        line.replacingOccurrences(of: #""seed":183"#, with: #""seed":183,"seed":184"#),
        line + " x",
    ])
    func anythingElseIsLeftToJSONDecoder(_ line: String) throws {
        #expect(ResultLineReader.record(Substring(line)) == nil)
    }

    @Test func linesOutsideTheFastSubsetStillParseThroughJSONDecoder() throws {
        let escaped = Self.line.replacingOccurrences(of: #""learner":"ana""#, with: #""learner":"a\u006ea""#)
        let extra = Self.line.replacingOccurrences(of: #""learner":"ana""#, with: #""learner":"ana","extra":1"#)
        let records = try ResultLines.parse(escaped + "\n" + extra + "\n", file: "a.jsonl")
        #expect(records.count == 2)
        #expect(records[0] == (try Self.decoded(Self.line)))
        #expect(records[1] == records[0])
    }
}
