import QuestionBanks

/// What `codedrill bank export` writes: the library's authored questions and one rendering of each
/// generated item, as `AuthoredQuestion`s that `GIFTWriter` (or `AikenWriter`) writes so that Moodle
/// imports them and `GIFTReader` reads them back equal.
public enum BankExport {
    /// The selected bank questions (in bank order, essays and descriptions included, their kind being
    /// `essay` or `description` for `selection.kinds`), then the selected generated items (in catalog
    /// order), each rendered with `seed`.
    public static func questions(_ catalog: QuestionCatalog, selection: ItemSelection, seed: UInt64) -> [AuthoredQuestion] {
        let authored = catalog.authored.filter { question in
            let kind = QuestionKind(authored: question.kind)?.rawValue ?? question.kind.rawValue
            return selection.matches(kind: kind, tags: question.tags, family: nil, category: question.category)
        }
        let generated = catalog.items(selection).filter { !$0.kind.isAuthored }.compactMap { item in
            (try? catalog.question(itemID: item.id, seed: seed)).map { authoredQuestion($0, item: item) }
        }
        return authored + generated
    }

    /// A generated question as a bank question: choice kinds become multiple choice (options in display
    /// order, per-option feedback = option rationale), entry kinds short answer; general feedback = the
    /// rationale. The id is `gift:` + the item id (written `// [id:cpt:27284/vignette]`), the category
    /// is the item's area and family, the title names the code and kind (Moodle shows it to teachers,
    /// not to students), the tags are the item's.
    public static func authoredQuestion(_ question: Question, item: Item) -> AuthoredQuestion {
        let answers: [AuthoredQuestion.WeightedAnswer]
        let kind: AuthoredQuestion.Kind
        if question.kind.isEntry {
            kind = .shortAnswer
            answers = [AuthoredQuestion.WeightedAnswer(text: question.answer.text, weight: 100)]
        } else {
            kind = .multipleChoice
            answers = question.options.map {
                AuthoredQuestion.WeightedAnswer(text: $0.text, weight: $0.correct ? 100 : 0, feedback: $0.rationale)
            }
        }
        let system = item.system.map { $0.rawValue + " " } ?? ""
        return AuthoredQuestion(
            id: "gift:" + item.id,
            title: "\(system)\(item.code) \(item.kind.rawValue)",
            category: [item.area.isEmpty ? "Procedures" : item.area] + (item.family.map { [$0] } ?? []),
            tags: item.tags, text: question.stem, textFormat: .plain, kind: kind, answers: answers,
            generalFeedback: question.rationale)
    }
}
