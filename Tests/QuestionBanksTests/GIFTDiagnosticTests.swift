import Foundation
import SourceText
import Testing

@testable import QuestionBanks

/// An error in `bank.gift`.
func giftError(_ line: Int, _ column: Int, _ message: String) -> Diagnostic {
    Diagnostic(path: "bank.gift", line: line, column: column, severity: .error, message: message)
}

/// A warning in `bank.gift`.
func giftWarning(_ line: Int, _ column: Int, _ message: String) -> Diagnostic {
    Diagnostic(path: "bank.gift", line: line, column: column, severity: .warning, message: message)
}

@Suite("GIFT reader: diagnostics")
struct GIFTDiagnosticTests {
    @Test func unclosedBraceIsReportedAtTheBrace() {
        let bank = readGIFT("// [id:q]\nWhich modifier? {=50 ~51\n")
        #expect(bank.diagnostics == [giftError(2, 17, "unclosed '{': the answer block has no closing '}'")])
        #expect(bank.questions == [])
    }

    @Test func closingBraceWithoutOpening() {
        let bank = readGIFT("// [id:q]\nWhich modifier? =50}")
        #expect(bank.diagnostics == [giftError(2, 20, "'}' without an opening '{' (write '\\}' for a literal brace)")])
    }

    @Test func closingBraceBeforeOpening() {
        let bank = readGIFT("// [id:q]\nWhich} modifier? {=50 ~51}")
        #expect(bank.diagnostics == [giftError(2, 6, "'}' without an opening '{' (write '\\}' for a literal brace)")])
    }

    @Test func braceInsideAnAnswerBlock() {
        let bank = readGIFT("// [id:q]\nWhich? {=50 {~51}")
        #expect(bank.diagnostics == [giftError(2, 13, "'{' inside an answer block (write '\\{' for a literal brace)")])
    }

    @Test func twoQuestionsWithoutABlankLineBetweenThem() {
        let bank = readGIFT("// [id:q]\nFirst? {T}\nSecond? {F}")
        #expect(bank.diagnostics == [giftError(3, 9, "more than one answer block; separate questions with a blank line")])
    }

    @Test func multipleChoiceWithNoCorrectAnswer() {
        let bank = readGIFT("// [id:q]\nWhich modifier? {~RT ~LT ~50}")
        #expect(
            bank.diagnostics == [
                giftError(2, 17, "no correct answer: mark one answer with '=' or give answers a positive '%weight%'")
            ])
        #expect(bank.questions == [])
    }

    /// The longest-option cue: warned when the one right answer is a quarter and 15 characters longer
    /// than every wrong one, not when it is merely the longest.
    @Test func aRightAnswerLongestByFarIsWarnedOf() {
        let bank = readGIFT(
            "// [id:q]\nWhen is modifier 51 appended? {=To the second and later procedures of one session by one surgeon ~To every procedure ~To the first procedure ~To add-on codes}"
        )
        #expect(
            bank.diagnostics == [
                giftWarning(
                    2, 31,
                    "the right answer is the longest option by far (64 characters; the longest wrong one has 22): shorten it, move its reasons into its feedback, or make the wrong answers as specific"
                )
            ])
        #expect(bank.questions.count == 1)
        let balanced = readGIFT(
            "// [id:q]\nWhen is modifier 51 appended? {=To later procedures by one surgeon ~To the first procedure of every session ~To add-on codes ~To every code}"
        )
        #expect(balanced.diagnostics == [])
    }

    @Test func multipleAnswerWeightsMustAddUpToOneHundred() {
        let bank = readGIFT("// [id:q]\nWhich? {~%50%A ~%40%B ~%-100%C}")
        #expect(bank.diagnostics == [giftError(2, 8, "positive weights add up to 90%, not 100%")])
        let close = readGIFT("// [id:q]\nWhich? {~%33.333%A ~%33.333%B ~%33.333%C}")
        #expect(close.diagnostics == [])
        #expect(close.questions.count == 1)
    }

    @Test func unknownEscapeIsAWarningAndKeepsTheBackslash() {
        let bank = readGIFT("// [id:q]\nIs C:\\x a path? {T}\n\n// [id:r]\nEnds with a backslash\\\n{T}")
        #expect(
            bank.diagnostics == [
                giftWarning(2, 6, "unknown escape '\\x'; write '\\\\' for a literal backslash"),
                giftWarning(5, 22, "backslash at the end of a line; write '\\\\' for a literal backslash"),
            ])
        #expect(bank.questions.map(\.text) == ["Is C:\\x a path?", "Ends with a backslash\\"])
    }

    @Test func fileThatIsNotUTF8() {
        var data = Data("// [id:q]\nCafé".utf8)
        data.append(0xFF)
        data.append(contentsOf: Array(" {T}\n".utf8))
        let bank = GIFTReader.parse(data: data, path: "bank.gift")
        #expect(bank.diagnostics == [giftError(2, 5, "file is not valid UTF-8")])
        #expect(bank.questions == [])
    }

    @Test func emptyAnswerSets() {
        let bank = readGIFT(
            """
            // [id:a]
            Numerical with no answer? {#}

            // [id:b]
            Choices with no answer? {~ ~}

            // [id:c]
            Short answer with no answer? {= =}
            """)
        #expect(
            bank.diagnostics == [
                giftError(2, 27, "empty answer set"),
                giftError(5, 25, "empty answer set"),
                giftError(8, 30, "empty answer set"),
            ])
    }

    @Test func emptyAnswerAmongOthers() {
        let bank = readGIFT("// [id:q]\nWhich? {=A ~ ~B}")
        #expect(bank.diagnostics == [giftError(2, 12, "empty answer")])
    }

    @Test func multipleChoiceNeedsTwoAnswers() {
        let bank = readGIFT("// [id:q]\nWhich? {~%100%A}")
        #expect(bank.diagnostics == [giftError(2, 8, "a multiple-choice question needs at least two answers")])
    }

    @Test func questionWithoutIDOrTitleIsSkippedWithAWarning() {
        let bank = readGIFT("// just a remark\nWhich modifier? {=50 ~51}\n\n::Title::Kept? {T}")
        #expect(
            bank.diagnostics == [
                giftWarning(2, 1, "question has no id: add a '// [id:…]' comment line or a '::title::' (the question is skipped)")
            ])
        #expect(bank.questions.map(\.id) == ["gift:title"])
    }

    @Test func weightsMoodleCannotRead() {
        let bank = readGIFT(
            """
            // [id:a]
            Which? {~%150%A ~%100.0%B ~%50%C ~%50%D}

            // [id:b]
            Which? {~%35%A ~%65%B ~C}

            // [id:c]
            Which? {=%50%A ~B}
            """)
        #expect(
            bank.diagnostics == [
                giftError(2, 10, "weight '%150%' is not a number from -100 to 100 (write it like 50, -25 or 33.33333)"),
                giftError(2, 18, "weight '%100.0%' is not a number from -100 to 100 (write it like 50, -25 or 33.33333)"),
                giftWarning(5, 10, "weight 35% is not a Moodle grade; Moodle refuses it unless imported with 'nearest grade'"),
                giftWarning(5, 17, "weight 65% is not a Moodle grade; Moodle refuses it unless imported with 'nearest grade'"),
                giftWarning(8, 9, "'=' gives full credit, so '%50%' is read as answer text; write '~%50%' for a partial weight"),
            ])
        #expect(bank.questions.map(\.id) == ["gift:b", "gift:c"])
        #expect(bank.questions.last?.answers.first == BankAnswer(text: "%50%A", weight: 100))
    }

    @Test func lowerCaseTrueIsAShortAnswer() {
        let bank = readGIFT("// [id:q]\nAdd-on codes stand alone. {false}")
        #expect(
            bank.diagnostics == [
                giftWarning(2, 27, "'false' is read as a short answer; write T, TRUE, F or FALSE for a true/false question")
            ])
        #expect(bank.questions.first?.kind == .shortAnswer)
    }

    @Test func textBeforeTheFirstChoiceMarker() {
        let bank = readGIFT("// [id:q]\nWhich? {A ~B =C}")
        #expect(bank.diagnostics == [giftWarning(2, 9, "answer text before the first '~' or '=' is read as a wrong answer")])
        #expect(bank.questions.first?.answers.map(\.text) == ["A", "B", "C"])
    }

    @Test func shortAnswerWithoutFullCredit() {
        let bank = readGIFT("// [id:q]\nCode it. {=%50%27284}")
        #expect(bank.diagnostics == [giftError(2, 10, "no answer gives full credit (100%)")])
    }

    @Test func matchingProblems() {
        let bank = readGIFT(
            """
            // [id:a]
            Match. {=A -> one =B two =C -> three}

            // [id:b]
            Match. {=A -> one#why =B -> two =C -> three}

            // [id:c]
            Match. {=A -> one = -> two = -> three}

            // [id:d]
            Match. {=A -> one =B -> two}
            """)
        #expect(
            bank.diagnostics == [
                giftError(2, 19, "matching pair has no '->'"),
                giftError(5, 18, "matching pairs cannot have feedback (write '\\#' for a literal '#')"),
                giftError(8, 8, "a matching question needs at least two prompts and three answers"),
                giftError(11, 8, "a matching question needs at least two prompts and three answers"),
            ])
    }

    @Test func numericalProblems() {
        let bank = readGIFT(
            """
            // [id:a]
            Days? {#ninety}

            // [id:b]
            Days? {#10..1}

            // [id:c]
            Days? {#=90 ~oops#feedback}

            // [id:d]
            Days? {#=%50%89 =%50%91}
            """)
        #expect(
            bank.diagnostics == [
                giftError(2, 9, "'ninety' is not a number"),
                giftError(5, 9, "range minimum 10 is above its maximum 1"),
                giftError(8, 14, "'~' in a numerical question only introduces feedback for other answers ('~#…'); put it last"),
                giftError(11, 7, "no answer gives full credit (100%)"),
            ])
    }

    @Test func titleProblemsAndMissingText() {
        let bank = readGIFT(
            """
            // [id:a]
            ::Unclosed title: Which? {T}

            // [id:b]
            ::Only a title::{T}
            """)
        #expect(
            bank.diagnostics == [
                giftError(2, 1, "unclosed title: '::' has no closing '::'"),
                giftError(5, 1, "question has no text"),
            ])
    }

    @Test func categoryLineMustStandAlone() {
        let bank = readGIFT(
            """
            $CATEGORY: modifiers
            // [id:a]
            Which? {T}

            // [id:b]
            Which? {T}
              $CATEGORY: other
            """)
        #expect(
            bank.diagnostics == [
                giftError(3, 1, "a $CATEGORY line must be followed by a blank line"),
                giftError(7, 3, "$CATEGORY line inside a question; separate it with a blank line"),
            ])
        #expect(bank.questions == [])
    }

    @Test func idCommentProblems() {
        let bank = readGIFT(
            """
            // [id:lost]

            Which? {T}

            // [id:two words]
            Which? {T}

            // [id:a] [id:b]
            Which? {T}

            // [id:open
            Which? {T}

            //[tag:] [id:c]
            Which? {T}
            """)
        #expect(
            bank.diagnostics == [
                giftWarning(1, 4, "[id:…] comment is not followed by a question (a blank line separates them)"),
                giftWarning(3, 1, "question has no id: add a '// [id:…]' comment line or a '::title::' (the question is skipped)"),
                giftError(5, 4, "id 'two words' contains ' '; use only letters, digits and - _ . / :"),
                giftError(8, 11, "more than one [id:…] for one question"),
                giftError(11, 4, "unclosed '[id:'"),
                giftError(14, 3, "empty [tag:]"),
            ])
        #expect(bank.questions == [])
    }

    @Test func duplicateIDsInOneFile() {
        let bank = readGIFT("// [id:q]\nOne? {T}\n\n// [id:q]\nTwo? {T}")
        #expect(bank.diagnostics == [giftError(4, 4, "duplicate id 'gift:q' (first used at bank.gift:2)")])
        #expect(bank.questions.map(\.text) == ["One?"])
    }

    @Test func duplicateIDsAcrossFilesAreReportedOnTheLaterFile() {
        let files = [
            QuestionBank.File(path: "b/second.gift", data: Data("::Same::Two? {T}\n".utf8)),
            QuestionBank.File(path: "a/first.gift", data: Data("\n// [id:same]\nOne? {T}\n".utf8)),
        ]
        let bank = QuestionBank.read(files: files)
        #expect(
            bank.diagnostics == [
                Diagnostic(
                    path: "b/second.gift", line: 1, column: 1, severity: .error,
                    message: "duplicate id 'gift:same' (first used at a/first.gift:3)")
            ])
        #expect(bank.questions.map(\.source) == [AuthoredQuestion.Location(path: "a/first.gift", line: 3)])
    }

    @Test func loadingADirectoryReadsEveryGIFTFileRecursivelyInPathOrder() throws {
        let root = FileManager.default.temporaryDirectory
            .appendingPathComponent("codedrill-gift-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let nested = root.appendingPathComponent("modifiers/advanced")
        try FileManager.default.createDirectory(at: nested, withIntermediateDirectories: true)
        try Data("// [id:z]\nZ? {T}\n\n// [id:broken]\nBroken? {=A\n".utf8)
            .write(to: root.appendingPathComponent("z.gift"))
        try Data("// [id:deep]\nDeep? {F}\n".utf8).write(to: nested.appendingPathComponent("deep.gift"))
        try Data("A. not a gift file\n".utf8).write(to: root.appendingPathComponent("notes.txt"))
        try Data([0x2F, 0x2F, 0xC3]).write(to: root.appendingPathComponent("bad.gift"))

        let bank = QuestionBank.load(directory: root.path)
        #expect(bank.questions.map(\.id) == ["gift:deep", "gift:z"])
        #expect(
            bank.questions.map(\.source?.path) == [
                root.path + "/modifiers/advanced/deep.gift", root.path + "/z.gift",
            ])
        #expect(
            bank.diagnostics == [
                Diagnostic(path: root.path + "/bad.gift", line: 1, column: 3, severity: .error, message: "file is not valid UTF-8"),
                Diagnostic(
                    path: root.path + "/z.gift", line: 5, column: 9, severity: .error,
                    message: "unclosed '{': the answer block has no closing '}'"),
            ])
        #expect(bank.hasErrors)
        #expect(QuestionBank.load(directory: root.path + "/missing") == QuestionBank(questions: [], diagnostics: []))
    }
}
