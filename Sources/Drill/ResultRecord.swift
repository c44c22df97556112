import CodingContent
import Determinism
import Foundation
import ProgressStore
import Questions
import SourceText

/// One line of `codedrill results export`: one learner's response to one question, with what item
/// analysis needs to be computed anywhere without the learner's database (docs/reports.md).
///
/// Every key is always written; absent values are `null`. The options and the answer key are
/// written into the file (as the database stored them when the question was shown, or, for answers
/// stored before schema v4, regenerated from the library), so `report items --from` gives the same
/// figures on a machine whose library has changed since.
public struct ResultRecord: Sendable, Equatable, Codable {
    /// The line format's version; this build reads and writes 1.
    public var format: Int
    /// `exam`, or `drill` (a learner's first drill answer on an item).
    public var source: ResponseSource
    /// The learner's name, or a stable pseudonym (`--anonymize`).
    public var learner: String
    /// The exam attempt's id in its database; `null` for drill answers.
    public var attempt: Int64?
    /// The exam's blueprint; `null` for drill answers.
    public var blueprint: String?
    /// When the attempt started; `null` for drill answers.
    public var startedAt: Date?
    /// Number of questions in the attempt; `null` for drill answers.
    public var questions: Int?
    /// 1-based question number in the attempt; `null` for drill answers.
    public var position: Int?
    /// The item id.
    public var item: String
    /// The question kind.
    public var kind: String
    /// The seed that reproduces the question (`codedrill questions --item ITEM --seed N`).
    public var seed: UInt64
    /// The answer as the learner gave it (with a `?`/`!` suffix); `null` when unanswered.
    public var answer: String?
    /// What the answer picked: the chosen option's text (options joined with `; ` for several), or
    /// the typed entry as judged (`27284-RT`); `null` when unanswered.
    public var choice: String?
    /// Whether the answer was right.
    public var correct: Bool
    /// When it was answered; `null` when unanswered.
    public var answeredAt: Date?
    /// The options' texts in the order shown, `[]` for a typed answer, `null` when the item is no
    /// longer in the library.
    public var options: [String]?
    /// The right answer's text; `null` when the item is no longer in the library.
    public var key: String?

    /// The format version this build writes.
    public static let currentFormat = 1

    /// Creates a value from all of its fields.
    public init(
        format: Int = ResultRecord.currentFormat, source: ResponseSource, learner: String, attempt: Int64?,
        blueprint: String?, startedAt: Date?, questions: Int?, position: Int?, item: String, kind: String,
        seed: UInt64, answer: String?, choice: String?, correct: Bool, answeredAt: Date?, options: [String]?,
        key: String?
    ) {
        self.format = format
        self.source = source
        self.learner = learner
        self.attempt = attempt
        self.blueprint = blueprint
        self.startedAt = startedAt
        self.questions = questions
        self.position = position
        self.item = item
        self.kind = kind
        self.seed = seed
        self.answer = answer
        self.choice = choice
        self.correct = correct
        self.answeredAt = answeredAt
        self.options = options
        self.key = key
    }

    /// The record of a stored response. What the question showed and what the answer picked are
    /// read from the response when the store holds them (exam questions recorded by schema v4);
    /// otherwise the question is regenerated from `catalog` to name them. `anonymize` replaces the
    /// name by `pseudonym(for:)`.
    public init(_ response: RecordedResponse, catalog: QuestionCatalog, anonymize: Bool) {
        let learner = anonymize ? Self.pseudonym(for: response.learner, addedAt: response.learnerAddedAt) : response.learner
        if response.isStoredWhole, let presented = response.presented {
            self.init(
                source: response.source, learner: learner, attempt: response.attempt, blueprint: response.blueprint,
                startedAt: response.attemptStartedAt, questions: response.attemptQuestions, position: response.position,
                item: response.item, kind: response.kind, seed: response.seed, answer: response.answer,
                choice: response.answer == nil ? nil : response.choice, correct: response.correct,
                answeredAt: response.answeredAt, options: presented.options, key: presented.key)
            return
        }
        let question = try? catalog.question(itemID: response.item, seed: response.seed)
        self.init(
            source: response.source, learner: learner, attempt: response.attempt, blueprint: response.blueprint,
            startedAt: response.attemptStartedAt, questions: response.attemptQuestions, position: response.position,
            item: response.item, kind: question?.kind.rawValue ?? response.kind, seed: response.seed, answer: response.answer,
            choice: response.answer.map { Self.choice(answer: $0, question: question) }, correct: response.correct,
            answeredAt: response.answeredAt, options: question.map { $0.options.map(\.text) }, key: question?.answer.text)
    }

    /// What `answer` (as stored, with the learner's `?`/`!` suffix) picked in `question`: the chosen
    /// options' texts joined with `; `, or the typed entry as judged (`27284-RT`); the typed text
    /// itself when the question is unknown. The one definition of `choice`, used when an exam
    /// answer is stored and when an older one is read.
    public static func choice(answer: String, question: Question?) -> String {
        let typed = Confidence.split(answer).answer
        guard let question else { return typed }
        let judgement = question.judge(response: typed)
        guard let labels = judgement.chosenLabel else { return judgement.response }
        return labels.split(separator: ",").map { label in
            question.options.first { $0.label == label }?.text ?? String(label)
        }.joined(separator: "; ")
    }

    /// A stable pseudonym for a learner: `learner-` and 12 hex digits of the FNV-1a fingerprint of the
    /// name and the millisecond the learner was added. The same learner gets the same pseudonym in
    /// every export of the same database, and two learners of the same name in different databases
    /// get different ones. It hides names from a casual reader; it is not encryption.
    public static func pseudonym(for name: String, addedAt: Date) -> String {
        let milliseconds = Int64((addedAt.timeIntervalSince1970 * 1000).rounded())
        return "learner-" + Fingerprint.hex(of: Data("\(name)\u{0}\(milliseconds)".utf8)).prefix(12)
    }

    private enum CodingKeys: String, CodingKey {
        case format, source, learner, attempt, blueprint, startedAt, questions, position, item, kind, seed, answer,
            choice, correct, answeredAt, options, key
    }

    /// Writes every key, `null` for absent values, so the documented shape is the same on every line.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(format, forKey: .format)
        try container.encode(source, forKey: .source)
        try container.encode(learner, forKey: .learner)
        try container.encode(attempt, forKey: .attempt)
        try container.encode(blueprint, forKey: .blueprint)
        try container.encode(startedAt, forKey: .startedAt)
        try container.encode(questions, forKey: .questions)
        try container.encode(position, forKey: .position)
        try container.encode(item, forKey: .item)
        try container.encode(kind, forKey: .kind)
        try container.encode(seed, forKey: .seed)
        try container.encode(answer, forKey: .answer)
        try container.encode(choice, forKey: .choice)
        try container.encode(correct, forKey: .correct)
        try container.encode(answeredAt, forKey: .answeredAt)
        try container.encode(options, forKey: .options)
        try container.encode(key, forKey: .key)
    }
}

/// A line of a results file that cannot be used.
public struct ResultLineError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The file as named on the command line.
    public var file: String
    /// 1-based line number.
    public var line: Int
    /// What is wrong, in a few words.
    public var problem: String

    /// `file:line: problem`.
    public var description: String { "\(file):\(line): \(problem)" }
}

/// Reading and writing results files: JSON lines of `ResultRecord`.
public enum ResultLines {
    /// The records as JSON lines, each ending in a newline.
    public static func text(_ records: [ResultRecord]) throws -> String {
        let encoder = CodedrillJSON.encoder(pretty: false)
        var text = ""
        for record in records {
            text += String(decoding: try encoder.encode(record), as: UTF8.self)
            text += "\n"
        }
        return text
    }

    /// The records in `text` (the contents of `file`). Blank lines are skipped; the first line that
    /// is not a valid record throws `ResultLineError` naming its line.
    public static func parse(_ text: String, file: String) throws(ResultLineError) -> [ResultRecord] {
        var lines: [(number: Int, text: Substring)] = []
        var number = 0
        // Split on bytes: walking a 40 MB text by Characters (grapheme breaking) costs seconds.
        for line in text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            number += 1
            if !line.allSatisfy({ $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") || $0 == UInt8(ascii: "\r") }) {
                lines.append((number, Substring(line)))
            }
        }
        // Chunks of lines are decoded on every core (a fast reader for the lines codedrill writes,
        // JSONDecoder for anything else), each with its own decoder; the first bad line in file order is reported.
        let chunkSize = 2_048
        let chunks = stride(from: 0, to: lines.count, by: chunkSize).map { Array(lines[$0..<min(lines.count, $0 + chunkSize)]) }
        let decode: @Sendable ([(number: Int, text: Substring)]) -> [Result<ResultRecord, ResultLineError>] = { chunk in
            let decoder = makeDecoder()
            return chunk.map { line in
                Result { () throws(ResultLineError) in try record(line.text, number: line.number, file: file, decoder: decoder) }
            }
        }
        let decoded = chunks.batchedParallelMap(decode)
        var records: [ResultRecord] = []
        records.reserveCapacity(lines.count)
        for result in decoded.joined() { records.append(try result.get()) }
        return records
    }

    private static func makeDecoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom { decoder in
            let container = try decoder.singleValueContainer()
            let text = try container.decode(String.self)
            guard let date = ISO8601.parse(text) else {
                throw DecodingError.dataCorruptedError(in: container, debugDescription: "'\(text)' is not an ISO 8601 date-time")
            }
            return date
        }
        return decoder
    }

    /// The record on line `number`, or the error naming that line.
    private static func record(_ line: Substring, number: Int, file: String, decoder: JSONDecoder) throws(ResultLineError) -> ResultRecord {
        let record: ResultRecord
        do {
            // The fast reader takes the lines codedrill writes; anything else, and every error, is
            // JSONDecoder's.
            record = try ResultLineReader.record(line) ?? decoder.decode(ResultRecord.self, from: Data(line.utf8))
        } catch let error as DecodingError {
            throw ResultLineError(file: file, line: number, problem: problem(error))
        } catch {
            throw ResultLineError(file: file, line: number, problem: "not a results record")
        }
        if let problem = problem(record) { throw ResultLineError(file: file, line: number, problem: problem) }
        return record
    }

    /// What is wrong with a decoded record, or `nil`.
    static func problem(_ record: ResultRecord) -> String? {
        if record.format != ResultRecord.currentFormat {
            return "format \(record.format) is not one this codedrill reads (it reads \(ResultRecord.currentFormat))"
        }
        if record.learner.isEmpty { return "'learner' is empty" }
        if record.item.isEmpty { return "'item' is empty" }
        if record.answer == nil && record.correct { return "an unanswered question cannot be correct" }
        guard record.source == .exam else { return nil }
        guard record.attempt != nil else { return "an exam line needs 'attempt'" }
        guard record.blueprint != nil else { return "an exam line needs 'blueprint'" }
        guard record.startedAt != nil else { return "an exam line needs 'startedAt'" }
        guard let questions = record.questions, questions >= 1 else { return "an exam line needs 'questions' of at least 1" }
        guard let position = record.position, (1...questions).contains(position) else {
            return "'position' must be between 1 and 'questions' (\(questions))"
        }
        return nil
    }

    private static func problem(_ error: DecodingError) -> String {
        func path(_ context: DecodingError.Context) -> String {
            context.codingPath.map(\.stringValue).joined(separator: ".")
        }
        switch error {
        case .keyNotFound(let key, _): return "missing field '\(key.stringValue)'"
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            return "field '\(path(context))' has the wrong type"
        case .dataCorrupted(let context):
            return context.codingPath.isEmpty ? "not valid JSON" : "field '\(path(context))': \(context.debugDescription)"
        @unknown default: return "not a results record"
        }
    }
}

extension ResultRecord {
    /// The records of `responses`, in order, made on every core: a response stored whole (schema v4)
    /// is copied; an older one has its question regenerated (about 18 µs each, so a class's 100,000
    /// exam answers stored before v4 take seconds on one core).
    public static func records(_ responses: [RecordedResponse], catalog: QuestionCatalog, anonymize: Bool) -> [ResultRecord] {
        guard #available(macOS 15, *) else { return responses.map { ResultRecord($0, catalog: catalog, anonymize: anonymize) } }
        return responses.batchedParallelMap { ResultRecord($0, catalog: catalog, anonymize: anonymize) }
    }
}

extension PresentedQuestion {
    /// What `question` shows: its options' texts in order and its key's text.
    public init(_ question: Question) {
        self.init(options: question.options.map(\.text), key: question.answer.text)
    }
}
