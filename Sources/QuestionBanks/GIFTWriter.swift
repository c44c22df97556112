/// Writes `AuthoredQuestion`s as GIFT that Moodle imports and `GIFTReader` reads back to equal
/// questions (apart from source locations).
///
/// Ids and tags are kept as `// [id:…]` and `// [tag:…]` comments (Moodle reads them too); a
/// `$CATEGORY:` line is written whenever the category changes. Limits of GIFT itself: a matching
/// prompt cannot contain `->`, a short answer or its feedback cannot contain `->`, and a category
/// name cannot contain `/`.
public enum GIFTWriter {
    /// The GIFT text for `questions`, in order, separated by blank lines.
    public static func write(_ questions: [AuthoredQuestion]) -> String {
        var blocks: [String] = []
        var category: [String] = []
        for question in questions {
            if question.category != category {
                // An empty path (back to no category) is written as a bare "$CATEGORY:".
                let path = question.category.joined(separator: "/")
                blocks.append("$CATEGORY:" + (path.isEmpty ? "" : " " + path) + "\n")
                category = question.category
            }
            blocks.append(write(question))
        }
        return blocks.joined(separator: "\n")
    }

    /// One question's GIFT lines (comments, title, text and answer block), ending in a line break.
    public static func write(_ question: AuthoredQuestion) -> String {
        var output = ""
        let id = question.id.hasPrefix("gift:") ? String(question.id.dropFirst("gift:".count)) : question.id
        output += "// [id:\(id)]\n"
        if !question.tags.isEmpty {
            let tags = question.tags.map { "[tag:\($0.replacingOccurrences(of: "]", with: "\\]"))]" }
            output += "// " + tags.joined(separator: " ") + "\n"
        }
        if !question.title.isEmpty {
            output += "::\(escape(question.title))::"
        }
        output += questionText(question)
        guard question.kind != .description else { return output + "\n" }

        let block = answerBlock(question)
        if let after = question.textAfterBlank {
            output += block.inline + escape(after)
        } else {
            output += (question.text.isEmpty ? "" : " ") + block.multiline
        }
        return output + "\n"
    }

    // MARK: Text

    /// GIFT's escapes for every character the reader treats as structure; line breaks become `\n`.
    static func escape(_ text: String) -> String {
        var escaped = ""
        for character in text {
            switch character {
            case "\\", "~", "=", "#", "{", "}", ":": escaped += "\\\(character)"
            case "\n", "\r\n": escaped += "\\n"
            case "\r": break
            default: escaped.append(character)
            }
        }
        return escaped
    }

    /// The question text with its format marker: written when the format is not Moodle's default,
    /// or when the text itself starts like a marker, a comment or a category line.
    static func questionText(_ question: AuthoredQuestion) -> String {
        let text = question.text
        let looksLikeStructure =
            BankText.formatMarker(at: Substring(text)) != nil
            || (question.title.isEmpty && (text.hasPrefix("//") || text.hasPrefix("$CATEGORY:")))
        let marker = question.textFormat != .moodle || looksLikeStructure ? "[\(question.textFormat.rawValue)]" : ""
        return marker + escape(text)
    }

    /// An answer, feedback or prompt text; a text that starts like a format marker gets the
    /// question's marker first so that the reader keeps it as text.
    static func inner(_ text: String, format: AuthoredQuestion.TextFormat) -> String {
        let marker = BankText.formatMarker(at: Substring(text)) != nil ? "[\(format.rawValue)]" : ""
        return marker + escape(text)
    }

    // MARK: Answer blocks

    /// The answer block as one line (for missing-word questions) and as indented lines.
    struct Block {
        var entries: [String]
        var generalFeedback: String
        var prefix: String = ""

        var inline: String {
            let parts = entries + (generalFeedback.isEmpty ? [] : ["####" + generalFeedback])
            return "{" + prefix + parts.joined(separator: " ") + "}"
        }

        var multiline: String {
            if entries.count <= 1 { return inline }
            let parts = entries + (generalFeedback.isEmpty ? [] : ["####" + generalFeedback])
            return "{" + prefix + "\n" + parts.map { "\t" + $0 + "\n" }.joined() + "}"
        }
    }

    static func answerBlock(_ question: AuthoredQuestion) -> Block {
        let format = question.textFormat
        let general = question.generalFeedback.isEmpty ? "" : inner(question.generalFeedback, format: format)
        func feedback(_ answer: AuthoredQuestion.WeightedAnswer) -> String {
            answer.feedback.isEmpty ? "" : "#" + inner(answer.feedback, format: format)
        }
        func weight(_ answer: AuthoredQuestion.WeightedAnswer, omitting omitted: Double?) -> String {
            // A text starting with "%" always gets an explicit weight so it is not read as one.
            if let omitted, answer.weight == omitted, !answer.text.hasPrefix("%") { return "" }
            return "%\(BankText.number(answer.weight))%"
        }

        switch question.kind {
        case .description, .essay:
            return Block(entries: [], generalFeedback: general)

        case .trueFalse:
            let truth = question.answers.first { $0.text == "True" }?.isFullCredit ?? true
            let right = question.answers.first { $0.isFullCredit }?.feedback ?? ""
            let wrong = question.answers.first { !$0.isFullCredit }?.feedback ?? ""
            var entry = truth ? "TRUE" : "FALSE"
            if !wrong.isEmpty || !right.isEmpty { entry += "#" + inner(wrong, format: format) }
            if !right.isEmpty { entry += "#" + inner(right, format: format) }
            return Block(entries: [entry], generalFeedback: general)

        case .multipleChoice, .multipleAnswer:
            let single = question.kind == .multipleChoice
            let entries = question.answers.map { answer -> String in
                let marker = single && answer.isFullCredit ? "=" : "~" + weight(answer, omitting: 0)
                return marker + inner(answer.text, format: format) + feedback(answer)
            }
            return Block(entries: entries, generalFeedback: general)

        case .shortAnswer:
            let entries = question.answers.map { answer in
                "=" + weight(answer, omitting: 100) + inner(answer.text, format: format) + feedback(answer)
            }
            return Block(entries: entries, generalFeedback: general)

        case .numerical:
            let regular = question.answers.filter { $0.numeric != .anyOther }
            let otherwise = question.answers.filter { $0.numeric == .anyOther }
            var entries = regular.map { answer -> String in
                "=" + weight(answer, omitting: 100) + numeric(answer.numeric) + feedback(answer)
            }
            entries += otherwise.prefix(1).map { "~" + (feedback($0).isEmpty ? "" : feedback($0)) }
            return Block(entries: entries, generalFeedback: general, prefix: "#")

        case .matching:
            let entries = question.pairs.map { "=" + inner($0.prompt, format: format) + " -> " + escape($0.answer) }
            return Block(entries: entries, generalFeedback: general)
        }
    }

    static func numeric(_ target: AuthoredQuestion.NumericTarget?) -> String {
        switch target {
        case .value(let value, let tolerance)?:
            tolerance == 0 ? BankText.number(value) : "\(BankText.number(value)):\(BankText.number(tolerance))"
        case .range(let min, let max)?:
            "\(BankText.number(min))..\(BankText.number(max))"
        case .anyOther?, nil:
            ""
        }
    }
}
