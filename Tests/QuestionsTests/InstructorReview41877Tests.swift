import CodingContent
import Foundation
import Testing

@testable import Questions

/// Instructor reviews 41877 and 66029: a rationale says only what the note says. A contrast's stem
/// leaves out the steps that say what its answer says, so the file's `here` may be missing from it;
/// an anesthesia code follows the operation, not the anesthetic's steps; a diagnosis question whose
/// options are all single codes asks for no sequence.
@Suite struct InstructorReview41877Tests {
    private static let shipped: QuestionGenerator? = TestLibraries.all.first { $0.name == "shipped" }?.shared.generator

    /// The content words (four letters or more, not a linking word, a plural's "s" dropped) of
    /// `text`, lower-cased: a tokenisation of its own, not the generator's.
    private static func words(_ text: String) -> Set<Substring> {
        let linking: Set<Substring> = [
            "through", "only", "with", "without", "from", "into", "were", "that", "this", "each", "both", "then", "them", "they",
        ]
        return Set(
            text.lowercased().split { !$0.isLetter }.filter { $0.count >= 4 && !linking.contains($0) }.map {
                $0.hasSuffix("s") && !$0.hasSuffix("ss") ? $0.dropLast() : $0
            })
    }

    /// 55840's contrast for 55845 (both pelvic node groups cleared): where the stem leaves out the
    /// step with the lymph nodes, the rationale no longer claims "This note shows instead: The pelvic
    /// lymph nodes were left in place"; where the stem tells it, the rationale still quotes it.
    @Test func aContrastQuotesTheFilesHereOnlyWhenTheStemTellsIt() throws {
        let generator = try #require(Self.shipped)
        var told = 0
        var untold = 0
        for seed: UInt64 in 1...40 {
            let q = try generator.generate(itemID: "cpt:55840/contrast", seed: seed)
            guard q.stem.hasSuffix("for the code to be 55845 instead?") else { continue }
            let quote = " This note shows instead: The pelvic lymph nodes were left in place; they looked and felt normal."
            if q.stem.contains("lymph nodes") {
                told += 1
                #expect(q.rationale.contains(quote), "\(q.id): \(q.rationale)")
            } else {
                untold += 1
                #expect(!q.rationale.contains("lymph nodes were left"), "\(q.id): \(q.rationale)")
                #expect(q.rationale.contains(" Nothing in this note documents that. "), "\(q.id): \(q.rationale)")
            }
        }
        #expect(untold >= 1)
    }

    /// Over the shipped library, every contrast rationale that says "This note shows instead: …"
    /// quotes a sentence most of whose content words (counted here by a tokenisation of the test's
    /// own) are in the stem.
    @Test func everyQuotedHereIsMostlyInTheStem() throws {
        let generator = try #require(Self.shipped)
        var quoted = 0
        for item in generator.items where item.kind == .contrast {
            for seed: UInt64 in 1...2 {
                let q = try generator.generate(item: item, seed: seed)
                guard let start = q.rationale.range(of: "This note shows instead: ") else { continue }
                quoted += 1
                let rest = q.rationale[start.upperBound...]
                let quote = rest[..<(rest.range(of: ". ")?.lowerBound ?? rest.endIndex)]
                let wanted = Self.words(String(quote))
                let said = Self.words(q.stem)
                #expect(wanted.filter(said.contains).count * 2 >= wanted.count, "\(q.id): \(quote)")
            }
        }
        #expect(quoted >= 100)
    }

    /// 00790's anesthesia code is decided by the operation on the record, a laparoscopic
    /// cholecystectomy; its rationale does not quote the induction as what decides. No anesthesia
    /// record's rationale says "what decides in this note is".
    @Test func anAnesthesiaCodeIsExplainedByTheOperationItSupports() throws {
        let generator = try #require(Self.shipped)
        let q = try generator.generate(itemID: "cpt:00790/code-set", seed: 41877)
        #expect(
            q.rationale.contains(
                "00790 (Anesthesia for an intraperitoneal procedure of the upper abdomen, laparoscopic or open) is correct: an anesthesia code follows the procedure on the record, here laparoscopic cholecystectomy. It would be 00840 only if"
            ), "\(q.rationale)")
        var records = 0
        for item in generator.items where [.vignette, .vignetteEntry, .codeSet].contains(item.kind) {
            let q = try generator.generate(item: item, seed: 3)
            guard q.stem.hasPrefix("ANESTHESIA RECORD") else { continue }
            records += 1
            #expect(!q.rationale.contains("what decides in this note is"), "\(q.id): \(q.rationale)")
        }
        #expect(records >= 30)
    }

    /// The sickle-cell scenario's key and wrong options are one code each: its question asks for a
    /// code, not for "code or codes … in sequence".
    @Test func aSequenceQuestionOfSingleCodesAsksForACode() throws {
        let catalog = try #require(TestLibraries.shipped).catalog
        for seed: UInt64 in 1...4 {
            let q = try catalog.question(itemID: "icd:sickle-cell-pain-crisis/diagnosis-sequence", seed: seed)
            #expect(q.options.allSatisfy { !$0.text.contains(",") })
            #expect(q.stem.hasSuffix("\n\nWhich ICD-10-CM code should be reported for this admission?"), "\(q.stem)")
        }
        #expect(
            DiagnosisSequenceGenerator.question(.inpatient)
                == "Which ICD-10-CM code or codes should be reported for this admission, in sequence?")
    }
}
