import Foundation
import SourceText
import Testing

@testable import QuestionBanks

@Suite("Shipped question banks: QuestionBanks/")
struct GIFTBankTests {
    let bank = QuestionBank.load(directory: shippedBankDirectory)

    @Test func lintsCleanAndHasAtLeastFortyQuestionsOfMixedKinds() {
        #expect(bank.diagnostics == [])
        #expect(bank.questions.count >= 40)
        let kinds = Set(bank.questions.map(\.kind))
        #expect(kinds.isSuperset(of: [.multipleChoice, .multipleAnswer, .trueFalse, .shortAnswer, .matching, .numerical]))
    }

    @Test func everyQuestionHasADeclaredIDTagsAndGeneralFeedback() throws {
        var declared = 0
        for path in QuestionBank.giftFiles(in: shippedBankDirectory) {
            let text = try String(contentsOfFile: path, encoding: .utf8)
            declared += text.lines.filter { $0.hasPrefix("// [id:") }.count
        }
        #expect(declared == bank.questions.count)
        for question in bank.questions {
            #expect(question.tags.contains("cpc"), "\(question.id)")
            #expect(question.tags.count >= 2, "\(question.id)")
            #expect(!question.generalFeedback.isEmpty, "\(question.id)")
            #expect(!question.title.isEmpty, "\(question.id)")
            #expect(["coding-rules", "terminology-and-anatomy", "compliance"].contains(question.category.first ?? ""), "\(question.id)")
        }
    }

    @Test func everyAnswerExplainsWhyItIsRightOrWrong() {
        for question in bank.questions where question.kind != .matching {
            for answer in question.answers {
                #expect(!answer.feedback.isEmpty, "\(question.id): \(answer.text)")
            }
        }
    }

    @Test func everyICD10CMCodeNamedExistsInTheOfficialTable() throws {
        let tablePath = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Sources/CodingContent/Resources/icd10cm.txt").path
        let table = Set(try String(contentsOfFile: tablePath, encoding: .utf8).split(separator: "\n").map(String.init))
        let pattern = try Regex(#"\b[A-Z][0-9][0-9A-Z](?:\.?[0-9A-Z]{1,4})?\b"#)
        var named: Set<String> = []
        for question in bank.questions {
            let texts =
                [question.text, question.textAfterBlank ?? "", question.generalFeedback]
                + question.answers.flatMap { [$0.text, $0.feedback] }
                + question.pairs.flatMap { [$0.prompt, $0.answer] }
            for text in texts {
                for match in text.matches(of: pattern) {
                    named.insert(String(text[match.range]).replacingOccurrences(of: ".", with: ""))
                }
            }
        }
        #expect(named.count >= 15)
        #expect(named.filter { !table.contains($0) }.sorted() == [])
    }
}
