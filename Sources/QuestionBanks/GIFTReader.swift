import Foundation
import SourceText

/// Reads Moodle GIFT question files into `AuthoredQuestion`s, following Moodle's own importer
/// (`question/format/gift/format.php`) so that what codedrill accepts, Moodle imports the same way.
///
/// A question with an error is left out; warnings keep the question.
public enum GIFTReader {
    /// Reads one GIFT file's bytes; a file that is not UTF-8 gives one error and no questions.
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
                        message: "file is not valid UTF-8"
                    )
                ])
        }
    }

    /// Reads one GIFT file's text; `path` is used in diagnostics and source locations.
    /// Questions come in file order; diagnostics are sorted by line and column.
    public static func parse(text: String, path: String) -> QuestionBank {
        let reading = read(text: text, path: path)
        let checked = QuestionBank.rejectingDuplicateIDs(reading.questions, diagnostics: reading.diagnostics)
        return QuestionBank(
            questions: checked.questions.map(\.question),
            diagnostics: checked.diagnostics.sorted(by: Diagnostic.ordered)
        )
    }

    /// Reads a file keeping where each id was declared, for duplicate checks across files.
    static func read(text: String, path: String) -> FileReading {
        var parser = GIFTFileParser(path: path)
        parser.parse(text.lines)
        return FileReading(questions: parser.questions, diagnostics: parser.diagnostics)
    }
}

/// A question and where its id was declared.
struct LocatedQuestion {
    /// The question.
    var question: AuthoredQuestion
    /// The `[id:` token, or the title or question start when the id was derived.
    var idLocation: SourceLocation
}

/// What one file gave.
struct FileReading {
    /// Questions in file order.
    var questions: [LocatedQuestion]
    /// Problems found.
    var diagnostics: [Diagnostic]
}

/// The reading state for one GIFT file.
private struct GIFTFileParser {
    let path: String
    var category: [String] = []
    var questions: [LocatedQuestion] = []
    /// Where this file's problems go.
    var sink: DiagnosticSink
    var diagnostics: [Diagnostic] { sink.diagnostics }

    init(path: String) {
        self.path = path
        sink = DiagnosticSink(path: path)
    }

    /// One line of a block, with its 1-based number.
    struct Line {
        var number: Int
        var text: String
    }

    /// Splits the file into blocks separated by blank lines, as Moodle does, and reads each.
    mutating func parse(_ lines: [String]) {
        var block: [Line] = []
        for (offset, text) in lines.enumerated() {
            if BankText.trimmed(text).isEmpty {
                if !block.isEmpty { readBlock(block) }
                block = []
            } else {
                block.append(Line(number: offset + 1, text: text))
            }
        }
        if !block.isEmpty { readBlock(block) }
    }

    // MARK: Blocks

    mutating func readBlock(_ block: [Line]) {
        let errorsBefore = errorCount
        let comments = block.filter { BankText.trimmed($0.text).hasPrefix("//") }
        let content = block.filter { !BankText.trimmed($0.text).hasPrefix("//") }
        let metadata = readMetadata(comments)

        guard let first = content.first else {
            if let id = metadata.id {
                warn(id.location, "[id:…] comment is not followed by a question (a blank line separates them)")
            }
            return
        }
        if BankText.trimmed(first.text).hasPrefix("$CATEGORY:") {
            readCategory(first, rest: Array(content.dropFirst()))
            return
        }
        if let stray = content.dropFirst().first(where: { BankText.trimmed($0.text).hasPrefix("$CATEGORY:") }) {
            error(start(of: stray), "$CATEGORY line inside a question; separate it with a blank line")
            return
        }
        readQuestion(content, metadata: metadata, errorsBefore: errorsBefore)
    }

    mutating func readCategory(_ line: Line, rest: [Line]) {
        let value = BankText.trimmed(BankText.trimmed(line.text).dropFirst("$CATEGORY:".count))
        category = value.split(separator: "/").map { BankText.trimmed($0) }.filter { !$0.isEmpty }
        if let next = rest.first {
            error(start(of: next), "a $CATEGORY line must be followed by a blank line")
        }
    }

    /// Position of a line's first non-blank character.
    func start(of line: Line) -> SourceLocation {
        let indent = line.text.prefix { $0.isWhitespace }.count
        return SourceLocation(line: line.number, column: indent + 1)
    }

    // MARK: Comments: [id:…] and [tag:…]

    struct Metadata {
        var id: (value: String, location: SourceLocation)?
        var tags: [String] = []
    }

    mutating func readMetadata(_ comments: [Line]) -> Metadata {
        var metadata = Metadata()
        for line in comments {
            let characters = Array(line.text)
            var index = 0
            while index < characters.count {
                guard characters[index] == "[" else {
                    index += 1
                    continue
                }
                let location = SourceLocation(line: line.number, column: index + 1)
                let rest = String(characters[index...])
                let key: String
                if rest.hasPrefix("[id:") {
                    key = "id"
                } else if rest.hasPrefix("[tag:") {
                    key = "tag"
                } else {
                    index += 1
                    continue
                }
                guard let (value, end) = tokenValue(characters, from: index + key.count + 2) else {
                    error(location, "unclosed '[\(key):'")
                    break
                }
                index = end + 1
                let trimmed = BankText.trimmed(value)
                if trimmed.isEmpty {
                    error(location, "empty [\(key):]")
                } else if key == "tag" {
                    if !metadata.tags.contains(trimmed) { metadata.tags.append(trimmed) }
                } else if metadata.id != nil {
                    error(location, "more than one [id:…] for one question")
                } else if let bad = trimmed.first(where: { !Self.isIDCharacter($0) }) {
                    error(location, "id '\(Excerpt.of(trimmed))' contains '\(bad)'; use only letters, digits and - _ . / :")
                } else {
                    metadata.id = (trimmed, location)
                }
            }
        }
        return metadata
    }

    /// The value of a `[key:value]` token starting at `start`, with `\]` read as `]`, and the
    /// index of the closing bracket.
    func tokenValue(_ characters: [Character], from start: Int) -> (String, Int)? {
        var value = ""
        var index = start
        while index < characters.count {
            let character = characters[index]
            if character == "\\", index + 1 < characters.count, characters[index + 1] == "]" {
                value.append("]")
                index += 2
            } else if character == "]" {
                return (value, index)
            } else {
                value.append(character)
                index += 1
            }
        }
        return nil
    }

    static func isIDCharacter(_ character: Character) -> Bool {
        character.isASCII && (character.isLetter || character.isNumber || "-_./:".contains(character))
    }

    // MARK: Escapes

    /// The question's cells: each line trimmed (as Moodle does), lines joined by line breaks,
    /// escapes resolved.
    mutating func cells(of content: [Line]) -> [GIFTCell] {
        var cells: [GIFTCell] = []
        for (position, line) in content.enumerated() {
            let indent = line.text.prefix { $0.isWhitespace }.count
            let characters = Array(BankText.trimmed(line.text))
            if position > 0, let last = cells.last {
                cells.append(GIFTCell(character: "\n", isEscaped: false, line: last.line, column: last.column + 1))
            }
            var index = 0
            while index < characters.count {
                let column = indent + index + 1
                let character = characters[index]
                guard character == "\\" else {
                    cells.append(GIFTCell(character: character, isEscaped: false, line: line.number, column: column))
                    index += 1
                    continue
                }
                if index + 1 < characters.count {
                    let next = characters[index + 1]
                    if "\\:#={}~".contains(next) || next == "n" {
                        let resolved: Character = next == "n" ? "\n" : next
                        cells.append(GIFTCell(character: resolved, isEscaped: true, line: line.number, column: column))
                        index += 2
                        continue
                    }
                    warn(
                        SourceLocation(line: line.number, column: column),
                        "unknown escape '\\\(next)'; write '\\\\' for a literal backslash")
                } else {
                    warn(
                        SourceLocation(line: line.number, column: column),
                        "backslash at the end of a line; write '\\\\' for a literal backslash")
                }
                // Moodle keeps an unknown escape as it is: a literal backslash.
                cells.append(GIFTCell(character: "\\", isEscaped: true, line: line.number, column: column))
                index += 1
            }
        }
        return cells
    }

    // MARK: Questions

    /// What one question gave before its id is settled.
    struct Draft {
        var text = ""
        var textAfterBlank: String?
        var format = AuthoredQuestion.TextFormat.moodle
        var kind = AuthoredQuestion.Kind.description
        var answers: [AuthoredQuestion.WeightedAnswer] = []
        var pairs: [AuthoredQuestion.MatchPair] = []
        var generalFeedback = ""
    }

    /// Reads one question; it is kept only if no error was reported since `errorsBefore`.
    mutating func readQuestion(_ content: [Line], metadata: Metadata, errorsBefore: Int) {
        let all = cells(of: content)[...].trimmed
        guard let firstCell = all.first else { return }
        let questionStart = firstCell.location

        // ::title::
        var title = ""
        var titleLocation: SourceLocation?
        var rest = all
        if all.count >= 2, all[all.startIndex].isControl(":"), all[all.startIndex + 1].isControl(":") {
            guard let close = all.firstControlPair(":", ":", from: all.startIndex + 2) else {
                error(questionStart, "unclosed title: '::' has no closing '::'")
                return
            }
            title = BankText.trimmed(all[(all.startIndex + 2)..<close].text)
            titleLocation = questionStart
            rest = all[(close + 2)...].trimmed
        }

        guard let draft = readBody(rest, questionStart: questionStart) else { return }
        if draft.text.isEmpty && draft.textAfterBlank == nil {
            error(questionStart, "question has no text")
        }

        guard errorCount == errorsBefore else { return }

        let id: String
        let idLocation: SourceLocation
        if let declared = metadata.id {
            id = declared.value.hasPrefix("gift:") ? declared.value : "gift:" + declared.value
            idLocation = declared.location
        } else if !BankText.slug(title).isEmpty, let titleLocation {
            let categoryPath = category.map(BankText.slug).filter { !$0.isEmpty }
            id = "gift:" + (categoryPath + [BankText.slug(title)]).joined(separator: "/")
            idLocation = titleLocation
        } else {
            warn(
                questionStart,
                "question has no id: add a '// [id:…]' comment line or a '::title::' (the question is skipped)")
            return
        }

        let question = AuthoredQuestion(
            id: id, title: title, category: category, tags: metadata.tags,
            source: AuthoredQuestion.Location(path: path, line: questionStart.line),
            text: draft.text, textAfterBlank: draft.textAfterBlank, textFormat: draft.format,
            kind: draft.kind, answers: draft.answers, pairs: draft.pairs,
            generalFeedback: draft.generalFeedback
        )
        questions.append(LocatedQuestion(question: question, idLocation: idLocation))
    }

    /// Reads the question text and answer block (everything after the title).
    mutating func readBody(_ cells: GIFTCells, questionStart: SourceLocation) -> Draft? {
        var draft = Draft()
        let open = cells.firstControl("{")
        let close = cells.firstControl("}")

        guard let open, let close else {
            if let open {
                error(cells[open].location, "unclosed '{': the answer block has no closing '}'")
                return nil
            }
            if let close {
                error(cells[close].location, "'}' without an opening '{' (write '\\}' for a literal brace)")
                return nil
            }
            // No braces: a description.
            (draft.format, draft.text) = formatted(cells.text)
            return draft
        }
        if close < open {
            error(cells[close].location, "'}' without an opening '{' (write '\\}' for a literal brace)")
            return nil
        }
        let inner = cells[(open + 1)..<close]
        if let nested = inner.firstControl("{") {
            error(cells[nested].location, "'{' inside an answer block (write '\\{' for a literal brace)")
            return nil
        }
        let after = cells[(close + 1)...]
        if let extra = after.firstIndex(where: { $0.isControl("{") || $0.isControl("}") }) {
            error(cells[extra].location, "more than one answer block; separate questions with a blank line")
            return nil
        }

        // Missing word: text continues after the block, whose place becomes a blank.
        let before = cells[..<open].text
        let afterText = after.trimmingTrailing.text
        if afterText.isEmpty {
            (draft.format, draft.text) = formatted(before)
        } else {
            let (format, text) = BankText.formatMarker(at: Substring(before)) ?? (.moodle, Substring(before))
            draft.format = format
            draft.text = String(text.drop { $0.isWhitespace })
            draft.textAfterBlank = afterText
        }

        readAnswers(inner, blockStart: cells[open].location, into: &draft)
        return draft
    }

    /// A text's format (from its marker, else Moodle's default) and its trimmed text.
    func formatted(_ text: String) -> (AuthoredQuestion.TextFormat, String) {
        let trimmed = Substring(BankText.trimmed(text))
        guard let (format, rest) = BankText.formatMarker(at: trimmed) else { return (.moodle, String(trimmed)) }
        return (format, BankText.trimmed(rest))
    }

    /// An answer or feedback text: trimmed, with any format marker dropped (codedrill keeps one
    /// format per question).
    func plain(_ cells: GIFTCells?) -> String {
        guard let cells else { return "" }
        return formatted(cells.text).1
    }

    // MARK: Answer blocks

    mutating func readAnswers(_ inner: GIFTCells, blockStart: SourceLocation, into draft: inout Draft) {
        var answerCells = inner
        // General feedback: after the last "####".
        var index = inner.endIndex - 4
        while index >= inner.startIndex {
            if (index..<(index + 4)).allSatisfy({ inner[$0].isControl("#") }) {
                draft.generalFeedback = plain(inner[(index + 4)...])
                answerCells = inner[..<index]
                break
            }
            index -= 1
        }
        answerCells = answerCells.trimmed

        // The type, decided as Moodle decides it.
        guard let first = answerCells.first else {
            draft.kind = .essay
            return
        }
        if first.isControl("#") {
            draft.kind = .numerical
            readNumerical(answerCells.dropFirst(), blockStart: blockStart, into: &draft)
        } else if answerCells.containsControl("~") {
            readChoices(answerCells, blockStart: blockStart, into: &draft)
        } else if answerCells.containsControl("="), answerCells.firstControlPair("-", ">") != nil {
            draft.kind = .matching
            readMatching(answerCells, blockStart: blockStart, into: &draft)
        } else if let truth = trueFalseValue(answerCells) {
            draft.kind = .trueFalse
            readTrueFalse(answerCells, truth: truth, into: &draft)
        } else {
            draft.kind = .shortAnswer
            readShortAnswers(answerCells, blockStart: blockStart, into: &draft)
        }
    }

    func trueFalseValue(_ cells: GIFTCells) -> Bool? {
        let (answer, _) = cells.splitOnce(at: "#")
        switch BankText.trimmed(answer.text) {
        case "T", "TRUE": return true
        case "F", "FALSE": return false
        default: return nil
        }
    }

    func readTrueFalse(_ cells: GIFTCells, truth: Bool, into draft: inout Draft) {
        let (_, feedbacks) = cells.splitOnce(at: "#")
        var wrongFeedback = ""
        var rightFeedback = ""
        if let feedbacks {
            let (wrong, right) = feedbacks.splitOnce(at: "#")
            wrongFeedback = plain(wrong)
            rightFeedback = plain(right)
        }
        draft.answers = [
            AuthoredQuestion.WeightedAnswer(text: "True", weight: truth ? 100 : 0, feedback: truth ? rightFeedback : wrongFeedback),
            AuthoredQuestion.WeightedAnswer(text: "False", weight: truth ? 0 : 100, feedback: truth ? wrongFeedback : rightFeedback),
        ]
    }

    mutating func readChoices(_ cells: GIFTCells, blockStart: SourceLocation, into draft: inout Draft) {
        // Moodle: any unescaped "=" makes it single-answer, and every "=" starts an answer.
        draft.kind = cells.containsControl("=") ? .multipleChoice : .multipleAnswer
        var pieces = cells.pieces(separatedBy: ["~", "="])
        if let first = pieces.first, first.cells.trimmed.isEmpty { pieces.removeFirst() }
        if pieces.allSatisfy({ $0.cells.trimmed.isEmpty }) {
            error(blockStart, "empty answer set")
            return
        }
        if let first = pieces.first, first.marker == nil {
            warn(first.cells.trimmed.first!.location, "answer text before the first '~' or '=' is read as a wrong answer")
        }
        let errorsBefore = errorCount
        var answers: [AuthoredQuestion.WeightedAnswer] = []
        for piece in pieces {
            let cells = piece.cells.trimmed
            let location = piece.marker?.location ?? cells.first?.location ?? blockStart
            var weight: Double = 0
            var body = cells
            if piece.marker?.scalar == "=" {
                weight = 100
                if let (inner, _) = Self.weightToken(cells) {
                    warn(
                        location, "'=' gives full credit, so '%\(inner)%' is read as answer text; write '~%\(inner)%' for a partial weight")
                }
            } else {
                switch readWeight(cells) {
                case .weight(let value, let rest):
                    weight = value
                    body = rest
                case .invalid:
                    continue
                case .none:
                    break
                }
            }
            guard let answer = textAnswer(body, weight: weight, location: location) else { continue }
            answers.append(answer)
        }
        draft.answers = answers
        guard errorCount == errorsBefore else { return }
        if answers.count < 2 {
            error(blockStart, "a multiple-choice question needs at least two answers")
        } else if draft.kind == .multipleChoice {
            warnOfLongestKey(answers, at: blockStart)
        } else if draft.kind == .multipleAnswer {
            let positive = answers.map(\.weight).filter { $0 > 0 }.reduce(0, +)
            if positive == 0 {
                error(blockStart, "no correct answer: mark one answer with '=' or give answers a positive '%weight%'")
            } else if abs(positive - 100) > 0.1 {
                error(blockStart, "positive weights add up to \(BankText.number(positive))%, not 100%")
            }
        }
    }

    /// Warns of a single right answer that stands out by its length (`OptionLengths.keyStandsOut`).
    mutating func warnOfLongestKey(_ answers: [AuthoredQuestion.WeightedAnswer], at location: SourceLocation) {
        let right = answers.filter { $0.weight >= 100 }
        let wrong = answers.filter { $0.weight <= 0 }
        guard answers.count >= 3, right.count == 1, wrong.count == answers.count - 1,
            let longest = wrong.map(\.text.count).max()
        else { return }
        let key = right[0].text.count
        guard OptionLengths.keyStandsOut(key: key, longestWrong: longest) else { return }
        warn(
            location,
            "the right answer is the longest option by far (\(key) characters; the longest wrong one has \(longest)): shorten it, move its reasons into its feedback, or make the wrong answers as specific"
        )
    }

    mutating func readShortAnswers(_ cells: GIFTCells, blockStart: SourceLocation, into draft: inout Draft) {
        let errorsBefore = errorCount
        guard let pieces = weightedAnswers(cells, blockStart: blockStart) else { return }
        var answers: [AuthoredQuestion.WeightedAnswer] = []
        for (body, weight, location) in pieces {
            guard let answer = textAnswer(body, weight: weight, location: location) else { continue }
            answers.append(answer)
        }
        draft.answers = answers
        if answers.count == 1, Self.looksLikeTrueFalse(answers[0].text) {
            warn(
                blockStart,
                "'\(Excerpt.of(answers[0].text))' is read as a short answer; write T, TRUE, F or FALSE for a true/false question")
        }
        if errorCount == errorsBefore { requireFullCredit(answers, at: blockStart) }
    }

    /// The `=` answers of a short-answer or numerical block: each one's cells after its `%weight%`
    /// (100 when none is given), the weight and where it starts. Answers with an invalid weight are
    /// reported and left out; an empty answer set is reported and gives `nil`.
    mutating func weightedAnswers(
        _ cells: GIFTCells, blockStart: SourceLocation
    )
        -> [(body: GIFTCells, weight: Double, location: SourceLocation)]?
    {
        var pieces = cells.pieces(separatedBy: ["="])
        if let first = pieces.first, first.cells.trimmed.isEmpty { pieces.removeFirst() }
        if pieces.allSatisfy({ $0.cells.trimmed.isEmpty }) {
            error(blockStart, "empty answer set")
            return nil
        }
        var result: [(body: GIFTCells, weight: Double, location: SourceLocation)] = []
        for piece in pieces {
            let cells = piece.cells.trimmed
            let location = piece.marker?.location ?? cells.first?.location ?? blockStart
            switch readWeight(cells) {
            case .weight(let value, let rest): result.append((rest, value, location))
            case .invalid: continue
            case .none: result.append((cells, 100, location))
            }
        }
        return result
    }

    /// `true`, `f` and the like: true/false spelled in a way Moodle does not recognise.
    static func looksLikeTrueFalse(_ text: String) -> Bool {
        ["T", "TRUE", "F", "FALSE"].contains(text.uppercased())
    }

    mutating func requireFullCredit(_ answers: [AuthoredQuestion.WeightedAnswer], at location: SourceLocation) {
        if !answers.isEmpty, !answers.contains(where: \.isFullCredit) {
            error(location, "no answer gives full credit (100%)")
        }
    }

    mutating func readMatching(_ cells: GIFTCells, blockStart: SourceLocation, into draft: inout Draft) {
        let errorsBefore = errorCount
        var pieces = cells.pieces(separatedBy: ["="])
        if let first = pieces.first, first.cells.trimmed.isEmpty { pieces.removeFirst() }
        var pairs: [AuthoredQuestion.MatchPair] = []
        for piece in pieces {
            let cells = piece.cells.trimmed
            let location = piece.marker?.location ?? cells.first?.location ?? blockStart
            if let hash = cells.firstControl("#") {
                error(cells[hash].location, "matching pairs cannot have feedback (write '\\#' for a literal '#')")
                continue
            }
            guard let arrow = cells.firstControlPair("-", ">") else {
                error(location, "matching pair has no '->'")
                continue
            }
            let prompt = plain(cells[..<arrow])
            let answer = BankText.trimmed(cells[(arrow + 2)...].text)
            if answer.isEmpty {
                error(location, "empty answer")
                continue
            }
            pairs.append(AuthoredQuestion.MatchPair(prompt: prompt, answer: answer))
        }
        draft.pairs = pairs
        guard errorCount == errorsBefore else { return }
        if pairs.filter({ !$0.prompt.isEmpty }).count < 2 || pairs.count < 3 {
            error(blockStart, "a matching question needs at least two prompts and three answers")
        }
    }

    mutating func readNumerical(_ cells: GIFTCells, blockStart: SourceLocation, into draft: inout Draft) {
        let (main, otherwise) = cells.splitOnce(at: "~")
        let errorsBefore = errorCount
        guard let pieces = weightedAnswers(main, blockStart: blockStart) else { return }
        var answers: [AuthoredQuestion.WeightedAnswer] = []
        for (body, weight, location) in pieces {
            let (valueCells, feedbackCells) = body.splitOnce(at: "#")
            guard let target = numericTarget(BankText.trimmed(valueCells.text), at: location) else { continue }
            answers.append(AuthoredQuestion.WeightedAnswer(text: "", weight: weight, feedback: plain(feedbackCells), numeric: target))
        }
        if let otherwise {
            let (text, feedback) = otherwise.splitOnce(at: "#")
            if !text.trimmed.isEmpty {
                error(
                    text.trimmed.first!.location,
                    "'~' in a numerical question only introduces feedback for other answers ('~#…'); put it last")
            } else {
                answers.append(AuthoredQuestion.WeightedAnswer(text: "", weight: 0, feedback: plain(feedback), numeric: .anyOther))
            }
        }
        draft.answers = answers
        if errorCount == errorsBefore { requireFullCredit(answers, at: blockStart) }
    }

    mutating func numericTarget(_ text: String, at location: SourceLocation) -> AuthoredQuestion.NumericTarget? {
        if text.isEmpty {
            error(location, "empty answer")
            return nil
        }
        if let range = text.range(of: ".."), range.lowerBound > text.startIndex {
            guard let min = number(text[..<range.lowerBound], at: location),
                let max = number(text[range.upperBound...], at: location)
            else { return nil }
            if min > max {
                error(location, "range minimum \(BankText.number(min)) is above its maximum \(BankText.number(max))")
                return nil
            }
            return .range(min: min, max: max)
        }
        if let colon = text.firstIndex(of: ":"), colon > text.startIndex {
            guard let value = number(text[..<colon], at: location),
                let tolerance = number(text[text.index(after: colon)...], at: location)
            else { return nil }
            return .value(value, tolerance: tolerance)
        }
        guard let value = number(Substring(text), at: location) else { return nil }
        return .value(value, tolerance: 0)
    }

    mutating func number(_ text: Substring, at location: SourceLocation) -> Double? {
        let trimmed = BankText.trimmed(text)
        guard let value = Double(trimmed), value.isFinite else {
            error(location, "'\(Excerpt.of(trimmed))' is not a number")
            return nil
        }
        return value
    }

    /// A text answer with its `#feedback`; `nil` (and an error) when the text is empty.
    mutating func textAnswer(_ cells: GIFTCells, weight: Double, location: SourceLocation) -> AuthoredQuestion.WeightedAnswer? {
        let (textCells, feedbackCells) = cells.splitOnce(at: "#")
        let text = plain(textCells)
        if text.isEmpty {
            error(location, "empty answer")
            return nil
        }
        return AuthoredQuestion.WeightedAnswer(text: text, weight: weight, feedback: plain(feedbackCells))
    }

    // MARK: Weights

    enum WeightReading {
        case none
        case invalid
        case weight(Double, rest: GIFTCells)
    }

    /// A leading `%…%` that is meant as a weight (only digits, signs, dots and spaces inside):
    /// what is inside and the cells after it. Text that merely starts with `%` is not a weight.
    static func weightToken(_ cells: GIFTCells) -> (inner: String, rest: GIFTCells)? {
        guard let first = cells.first, first.isControl("%") else { return nil }
        guard let close = cells.dropFirst().firstControl("%") else { return nil }
        let inner = cells[(cells.startIndex + 1)..<close].text
        guard !inner.isEmpty, inner.allSatisfy({ "0123456789.-+ ".contains($0) }) else { return nil }
        return (inner, cells[(close + 1)...])
    }

    /// Reads a leading `%weight%`; a weight Moodle would misread, or outside -100…100, is an error.
    mutating func readWeight(_ cells: GIFTCells) -> WeightReading {
        guard let (inner, rest) = Self.weightToken(cells), let location = cells.first?.location else { return .none }
        guard Self.moodleReadsWeight(inner), let value = Double(inner), (-100...100).contains(value) else {
            error(location, "weight '%\(inner)%' is not a number from -100 to 100 (write it like 50, -25 or 33.33333)")
            return .invalid
        }
        if !BankText.isMoodleGrade(value) {
            warn(
                location,
                "weight \(BankText.number(value))% is not a Moodle grade; Moodle refuses it unless imported with 'nearest grade'")
        }
        return .weight(value, rest: rest)
    }

    /// Moodle's weight pattern `-?[0-9]{1,2}.?[0-9]*` (one leading minus at most).
    static func moodleReadsWeight(_ text: String) -> Bool {
        let unsigned = text.hasPrefix("-") ? text.dropFirst() : Substring(text)
        let parts = unsigned.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        let integer = parts[0]
        guard !integer.isEmpty, integer.allSatisfy(\.isASCIIDigit) else { return false }
        guard parts.count == 2 else { return true }
        return integer.count <= 2 && parts[1].allSatisfy(\.isASCIIDigit)
    }

    // MARK: Diagnostics

    var errorCount: Int { diagnostics.filter { $0.severity == .error }.count }

    mutating func error(_ location: SourceLocation, _ message: String) { sink.error(location, message) }

    mutating func warn(_ location: SourceLocation, _ message: String) { sink.warning(location, message) }
}

extension Character {
    /// Whether this is one of the ASCII digits 0–9.
    fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}
