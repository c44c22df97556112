import Determinism
import Foundation
import SourceText

/// Reads the Aiken format (Moodle's simplest import format): a question on one line, options
/// `A.` or `A)` one per line, then `ANSWER: B`.
///
/// Aiken has no ids, titles, categories, tags or feedback. Each question's id is derived from the
/// file name and the question text (`gift:<file>/<text-slug>-<hash>`), so editing the text
/// changes the id: convert Aiken files to GIFT (`GIFTWriter`) and keep the written `[id:…]`.
public enum AikenReader {
    /// Reads one Aiken file's bytes; a file that is not UTF-8 gives one error and no questions.
    public static func parse(data: Data, path: String) -> QuestionBank {
        switch UTF8Text.decode(data) {
        case .success(let text):
            return parse(text: text, path: path)
        case .failure(let invalid):
            return QuestionBank(
                questions: [],
                diagnostics: [
                    Diagnostic(
                        path: path, line: invalid.line, column: invalid.column, severity: .error,
                        message: "file is not valid UTF-8")
                ])
        }
    }

    /// Reads one Aiken file's text; `path` is used in diagnostics, source locations and ids.
    public static func parse(text: String, path: String) -> QuestionBank {
        var parser = AikenFileParser(path: path)
        for (offset, line) in text.lines.enumerated() {
            parser.read(line, number: offset + 1)
        }
        parser.finish()
        let checked = QuestionBank.rejectingDuplicateIDs(parser.questions, diagnostics: parser.diagnostics)
        return QuestionBank(
            questions: checked.questions.map(\.question),
            diagnostics: checked.diagnostics.sorted(by: Diagnostic.ordered)
        )
    }

    /// The id Aiken questions get: the file's name and the start of the text, plus a hash of the
    /// whole text so that questions starting alike stay apart.
    static func id(text: String, path: String) -> String {
        let file = BankText.slug(URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent)
        var words = BankText.slug(text)
        if words.count > 48 {
            words = String(words.prefix(48))
            if let lastHyphen = words.lastIndex(of: "-") { words = String(words[..<lastHyphen]) }
        }
        let name = (words.isEmpty ? "" : words + "-") + Fingerprint.shortHex(of: text)
        return "gift:" + (file.isEmpty ? name : file + "/" + name)
    }
}

/// The reading state for one Aiken file, following Moodle's importer line by line.
private struct AikenFileParser {
    let path: String
    var questions: [LocatedQuestion] = []
    /// Where this file's problems go.
    var sink: DiagnosticSink
    var diagnostics: [Diagnostic] { sink.diagnostics }

    init(path: String) {
        self.path = path
        sink = DiagnosticSink(path: path)
    }

    struct Option {
        var letter: Character
        var text: String
        var location: SourceLocation
    }

    struct OpenQuestion {
        var text: String
        var location: SourceLocation
        var options: [Option] = []
    }

    var open: OpenQuestion?

    mutating func read(_ line: String, number: Int) {
        let indent = line.prefix { $0.isWhitespace }.count
        let location = SourceLocation(line: number, column: indent + 1)
        let trimmed = BankText.trimmed(line)
        // Moodle skips lines shorter than two characters.
        guard trimmed.count >= 2 else { return }
        let characters = Array(trimmed)

        if characters[0].isASCII, characters[0].isUppercase, characters[1] == "." || characters[1] == ")" {
            guard open != nil else {
                error(location, "option line outside a question")
                return
            }
            let text = BankText.trimmed(trimmed.dropFirst(2))
            open?.options.append(Option(letter: characters[0], text: text, location: location))
        } else if trimmed.hasPrefix("ANSWER:") {
            guard let question = open else {
                error(location, "ANSWER line outside a question")
                return
            }
            open = nil
            let afterColon = trimmed.dropFirst("ANSWER:".count)
            let gap = afterColon.prefix { $0.isWhitespace }.count
            let letterLocation = SourceLocation(line: number, column: location.column + "ANSWER:".count + gap)
            finishQuestion(question, answer: BankText.trimmed(afterColon), at: letterLocation)
        } else {
            if let unfinished = open {
                error(unfinished.location, "question has no ANSWER line (Aiken question text must fit on one line)")
            }
            open = OpenQuestion(text: trimmed, location: location)
        }
    }

    mutating func finish() {
        if let unfinished = open {
            error(unfinished.location, "question has no ANSWER line (Aiken question text must fit on one line)")
        }
        open = nil
    }

    /// Checks and keeps a question whose `ANSWER:` letter sits at `location`.
    mutating func finishQuestion(_ question: OpenQuestion, answer: String, at location: SourceLocation) {
        let errorsBefore = diagnostics.count
        for (index, option) in question.options.enumerated() {
            let expected = Character(UnicodeScalar(UInt8(ascii: "A") + UInt8(min(index, 25))))
            if option.letter != expected {
                error(
                    option.location,
                    "option '\(option.letter)' is out of sequence (expected '\(expected)'); Moodle numbers options by position")
            }
            if option.text.isEmpty { error(option.location, "empty option") }
        }
        if question.options.count < 2 {
            error(question.location, "a question needs at least two options")
        }
        if answer.count != 1 || !(answer.first!.isASCII && answer.first!.isUppercase) {
            error(
                location,
                "ANSWER must be one capital letter, e.g. 'ANSWER: B'")
        } else if !question.options.contains(where: { String($0.letter) == answer }) {
            error(location, "answer '\(Excerpt.of(answer))' names no option")
        }
        guard diagnostics.count == errorsBefore else { return }

        let answers = question.options.map {
            AuthoredQuestion.WeightedAnswer(text: $0.text, weight: String($0.letter) == answer ? 100 : 0)
        }
        let authored = AuthoredQuestion(
            id: AikenReader.id(text: question.text, path: path),
            source: AuthoredQuestion.Location(path: path, line: question.location.line),
            text: question.text, textFormat: .plain, kind: .multipleChoice, answers: answers
        )
        questions.append(LocatedQuestion(question: authored, idLocation: question.location))
    }

    mutating func error(_ location: SourceLocation, _ message: String) {
        sink.error(location, message)
    }
}
