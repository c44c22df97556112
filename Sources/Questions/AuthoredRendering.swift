import Determinism
import QuestionBanks

/// Renders an authored (question-bank) question as a `Question` for a seed, so that drills, exams and
/// `codedrill questions` treat it like a generated one.
///
/// Multiple-choice and multiple-answer options are shuffled by a `SplitMix64` seeded from the seed
/// and the item id (the same pair always gives the same order); true/false is always `A` True,
/// `B` False; matching prompts keep the author's order and their answers are shuffled.
enum AuthoredRendering {
    /// Why `question` cannot be drilled, or `nil` when it can.
    static func problem(_ question: AuthoredQuestion) -> String? {
        let answers = question.answers
        switch question.kind {
        case .essay:
            return "it is an essay question, graded by a person"
        case .description:
            return "it is a description, with no answer"
        case .multipleChoice:
            if !answers.contains(where: \.isFullCredit) { return "no option gives full credit" }
        case .trueFalse:
            if !answers.contains(where: { $0.isFullCredit && ($0.text == "True" || $0.text == "False") }) {
                return "neither True nor False gives full credit"
            }
        case .multipleAnswer:
            if !answers.contains(where: { $0.weight > 0 }) { return "no option has a positive weight" }
        case .shortAnswer, .numerical:
            if !answers.contains(where: \.isFullCredit) { return "no answer gives full credit" }
        case .matching:
            if !question.pairs.contains(where: { !$0.prompt.isEmpty }) { return "it has no prompt" }
        }
        let texts = optionTexts(question)
        let matched = question.kind == .matching ? texts + question.pairs.map(\.prompt) : []
        if Question.labels(count: texts.count, avoiding: matched) == nil {
            return "it has more options than there are letters"
        }
        return nil
    }

    /// The texts shown as options, before shuffling (answers; for matching, distinct answers).
    private static func optionTexts(_ question: AuthoredQuestion) -> [String] {
        guard question.kind == .matching else { return question.answers.map(\.text) }
        var seen: Set<String> = []
        return question.pairs.map(\.answer).filter { seen.insert($0).inserted }
    }

    /// The question for `seed`; `kind` is `QuestionKind(authored: question.kind)` and
    /// `problem(question)` is `nil`.
    static func render(_ question: AuthoredQuestion, kind: QuestionKind, seed: UInt64) -> Question {
        var rng = SplitMix64(seed: seed ^ Fingerprint.value(of: question.id))
        var stem = question.displayText
        var options: [QuestionOption] = []
        var answer = CorrectAnswer(label: nil, text: "")
        var grading: [GradedAnswer]?

        switch question.kind {
        case .multipleChoice, .multipleAnswer:
            var answers = question.answers
            rng.shuffle(&answers)
            let single = question.kind == .multipleChoice
            options = answers.enumerated().map { index, answer in
                QuestionOption(
                    label: Question.label(index), text: answer.text,
                    correct: single ? answer.isFullCredit : answer.weight > 0, rationale: answer.feedback)
            }
            let right = options.filter(\.correct)
            if single {
                answer = CorrectAnswer(label: right[0].label, text: right[0].text)
            } else {
                answer = CorrectAnswer(label: right.map(\.label).joined(separator: ","), text: right.map(\.text).joined(separator: "; "))
                stem += "\n\nType the letters of all the right options."
            }

        case .trueFalse:
            options = ["True", "False"].enumerated().map { index, word in
                let authored = question.answers.first { $0.text == word }
                return QuestionOption(
                    label: Question.label(index), text: word, correct: authored?.isFullCredit ?? false,
                    rationale: authored?.feedback ?? "")
            }
            let right = options.first(where: \.correct)!
            answer = CorrectAnswer(label: right.label, text: right.text)

        case .matching:
            let prompts = question.pairs.filter { !$0.prompt.isEmpty }
            var texts = optionTexts(question)
            rng.shuffle(&texts)
            let letters = Question.labels(count: texts.count, avoiding: texts + prompts.map(\.prompt))!
            let labels = Dictionary(uniqueKeysWithValues: texts.enumerated().map { ($1, letters[$0]) })
            options = texts.enumerated().map { index, text in
                let goesWith = prompts.indices.filter { prompts[$0].answer == text }
                let rationale =
                    goesWith.isEmpty
                    ? "Goes with none of the items."
                    : "Goes with " + goesWith.map { "\($0 + 1) (\(prompts[$0].prompt))" }.joined(separator: " and ") + "."
                return QuestionOption(label: letters[index], text: text, correct: !goesWith.isEmpty, rationale: rationale)
            }
            stem += "\n" + prompts.enumerated().map { "\n\($0 + 1). \($1.prompt)" }.joined()
            stem += "\n\nType the letter that goes with each numbered item, in order (\(prompts.count) letters)."
            answer = CorrectAnswer(
                label: prompts.map { labels[$0.answer]! }.joined(separator: ","),
                text: prompts.map { "\($0.prompt) → \($0.answer)" }.joined(separator: "; "))

        case .shortAnswer:
            answer = CorrectAnswer(label: nil, text: question.answers.first(where: \.isFullCredit)!.text)
            grading = question.answers.map { GradedAnswer(text: $0.text, credit: $0.weight, feedback: $0.feedback) }

        case .numerical:
            answer = CorrectAnswer(label: nil, text: display(question.answers.first(where: \.isFullCredit)!.numeric))
            grading = question.answers.map { answer in
                switch answer.numeric {
                case .value(let value, let tolerance)?:
                    GradedAnswer(min: value - abs(tolerance), max: value + abs(tolerance), credit: answer.weight, feedback: answer.feedback)
                case .range(let min, let max)?:
                    GradedAnswer(min: min, max: max, credit: answer.weight, feedback: answer.feedback)
                case .anyOther?, nil:
                    GradedAnswer(credit: answer.weight, feedback: answer.feedback)
                }
            }

        case .essay, .description:
            preconditionFailure("\(question.id): \(question.kind) questions are not rendered")
        }

        let keyFeedback = question.answers.first(where: \.isFullCredit)?.feedback ?? ""
        let rationale: String
        if question.generalFeedback.isEmpty {
            rationale = keyFeedback
        } else if question.kind == .shortAnswer || question.kind == .numerical, !keyFeedback.isEmpty {
            // A typed answer has no options to explain it: a learner whose answer matches no graded
            // entry would otherwise see only the general feedback, never why the key is right.
            rationale = Self.withoutVerdict(keyFeedback) + " " + question.generalFeedback
        } else {
            rationale = question.generalFeedback
        }
        var rendered = Question(
            id: question.id + "#" + String(seed), item: question.id, kind: kind, code: "", stem: stem,
            options: options, answer: answer, rationale: rationale, seed: seed, grading: grading)
        if question.kind == .matching { rendered.prompts = question.pairs.filter { !$0.prompt.isEmpty }.map(\.prompt) }
        if question.kind == .multipleAnswer { rendered.multipleAnswers = true }
        return rendered
    }

    /// A numerical target as the learner reads it: `92`, `5 ± 0.5`, `1 to 10`.
    /// `feedback` without an author's leading verdict ("Right: 93010 is…" reads "93010 is…"), for
    /// use in the rationale every learner sees.
    static func withoutVerdict(_ feedback: String) -> String {
        for verdict in ["Right:", "Correct:"] where feedback.hasPrefix(verdict) {
            let rest = feedback.dropFirst(verdict.count).drop(while: \.isWhitespace)
            guard let first = rest.first else { return feedback }
            return first.uppercased() + rest.dropFirst()
        }
        return feedback
    }

    static func display(_ target: AuthoredQuestion.NumericTarget?) -> String {
        switch target {
        case .value(let value, let tolerance)?:
            tolerance == 0 ? BankText.number(value) : "\(BankText.number(value)) ± \(BankText.number(abs(tolerance)))"
        case .range(let min, let max)?:
            "\(BankText.number(min)) to \(BankText.number(max))"
        case .anyOther?, nil:
            ""
        }
    }
}
