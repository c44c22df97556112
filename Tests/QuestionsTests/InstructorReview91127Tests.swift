import CodingContent
import Foundation
import Testing

@testable import Questions

/// The generator defects the CPC instructor's review of seed 91127 named, one property each, over
/// every item of each test library for several seeds.
@Suite struct InstructorReview91127Tests {
    /// Every generated question of a library for two seeds, with its procedure (fewer seeds than the
    /// other property suites: these properties hold or fail per procedure, not per draw).
    static func questions(_ named: NamedLibrary) async throws -> [(Question, Procedure)] {
        let generator = await named.questions()
        let byPrefix = Dictionary(named.library.procedures.map { ($0.itemPrefix, $0) }, uniquingKeysWith: { first, _ in first })
        var result: [(Question, Procedure)] = []
        for item in generator.items {
            let procedure = try #require(byPrefix[String(item.id.prefix { $0 != "/" })])
            for seed: UInt64 in 1...2 { result.append((try generator.generate(item: item, seed: seed), procedure)) }
        }
        return result
    }

    /// All the per-question properties in one pass over each library.
    @Test(arguments: TestLibraries.all)
    func theReviewedDefectsAreGone(_ named: NamedLibrary) async throws {
        let all = try await Self.questions(named)
        try wrongDiagnosesAreDescribedByTheirOfficialTitle(named, all)
        rationalesMakeNoBlanketOrOutsideClaims(all)
        bundlingOffersTheUnbundledPairNotTheComponentAlone(all)
        modifierDistractorsFitASingleProcedure(all)
    }

    /// A wrong diagnosis is described by its official title, never by another case's wording, and is
    /// never called "a related condition at this site".
    func wrongDiagnosesAreDescribedByTheirOfficialTitle(_ named: NamedLibrary, _ all: [(Question, Procedure)]) throws {
        var checked = 0
        for (q, _) in all where q.kind == .diagnosis || q.kind == .codeSet {
            for option in q.options where !option.correct {
                #expect(!option.rationale.contains("related condition at this site"), "\(q.id) \(option.label)")
                // "X99.9 (title) is in the same category" / "is a different condition": the title is official.
                for marker in [") is in the same category", ") is a different condition"] {
                    // A distractor wrong on two decisions names the diagnosis part after "Diagnosis: ".
                    let start = option.rationale.range(of: "Diagnosis: ")?.upperBound ?? option.rationale.startIndex
                    guard let end = option.rationale.range(of: marker, range: start..<option.rationale.endIndex) else { continue }
                    let head = option.rationale[start..<end.lowerBound]
                    guard let space = head.firstIndex(of: " ") else { continue }
                    let code = String(head[..<space])
                    let title = String(head[head.index(after: space)...].dropFirst())
                    #expect(title == ICD10Titles.shipped.title(of: code), "\(q.id) \(option.label): \(code) (\(title))")
                    checked += 1
                }
            }
        }
        if named.name == "shipped" { #expect(checked > 0) }
    }

    /// No rationale claims a "complete code set", quotes a sentence of "a note like this one", or
    /// tells the student not to code a preoperative impression that the key's title itself names.
    func rationalesMakeNoBlanketOrOutsideClaims(_ all: [(Question, Procedure)]) {
        for (q, _) in all {
            let texts = [q.rationale] + q.options.map(\.rationale)
            for text in texts {
                #expect(!text.contains("is the complete code set"), "\(q.id)")
                #expect(!text.contains("a note like this one reads"), "\(q.id)")
            }
        }
    }

    @Test func thePreopSentenceOnlyWhenTheImpressionNamesAnotherCondition() {
        // Same condition, more detail after the operation: no sentence.
        #expect(!LibraryIndex.preopNamesAnotherCondition("Umbilical hernia", postop: "Reducible umbilical hernia", code: "K429"))
        #expect(
            !LibraryIndex.preopNamesAnotherCondition(
                "Newly diagnosed acute lymphoblastic leukemia", postop: "Acute lymphoblastic leukemia, starting induction chemotherapy",
                code: "C9100"))
        // The title's abbreviation is the impression itself.
        #expect(
            !LibraryIndex.preopNamesAnotherCondition(
                "ASC-US Pap smear with positive high-risk HPV", postop: "Atypical squamous cells on cervical cytology", code: "R87610"))
        // Arthritis of unstated type before, post-traumatic arthritis after: another code.
        #expect(
            LibraryIndex.preopNamesAnotherCondition(
                "End-stage left hip arthritis", postop: "Post-traumatic arthritis of the left hip", code: "M1652"))
        // A symptom before, a confirmed injury after: the sentence teaches.
        #expect(
            LibraryIndex.preopNamesAnotherCondition(
                "Right knee locking after a twisting injury", postop: "Acute tear of the medial meniscus of the right knee",
                code: "S83241A"))
    }

    @Test func theDifferingAttributeIsReadFromTheTitles() {
        #expect(DiagnosisTitles.difference("M1652", from: "M1651") == "laterality")
        #expect(DiagnosisTitles.difference("K420", from: "K429") == "a “with” or “without” element of its title")
        #expect(DiagnosisTitles.difference("C9000", from: "C9100") == "remission status")
        #expect(DiagnosisTitles.parenthetical("C9100") == " (Acute lymphoblastic leukemia not having achieved remission)")
        // Instructor review 40213: "vertebra(e)" is one word, and "age-related" is in both titles.
        #expect(DiagnosisTitles.difference("M80051A", from: "M8008XA") == "type or specificity (“right femur”, not “vertebra”)")
        // Instructor review 52719: words scattered over two unrelated titles are not quoted
        // (“paralysis vocal cords unilateral”, not “stenosis”); one run inside a shared title is.
        #expect(DiagnosisTitles.difference("J3801", from: "J386") == "type or specificity")
        #expect(DiagnosisTitles.difference("I4821", from: "I480") == "type or specificity (“permanent”, not “paroxysmal”)")
        #expect(DiagnosisTitles.difference("M167", from: "M1652") == "type or specificity")
    }

    /// A bundling option is never a code the key's work includes, offered alone, and the key with
    /// one of the documented included codes added is always offered. (Not always the first: an
    /// included code crosses an alternative only when the alternative includes it too, so another
    /// included code may be the one crossed.)
    func bundlingOffersTheUnbundledPairNotTheComponentAlone(_ all: [(Question, Procedure)]) {
        for (q, p) in all where q.kind == .bundling {
            let included = p.inclusions.compactMap(\.code)
            for option in q.options { #expect(!included.contains(option.text), "\(q.id): \(option.text) alone") }
            if let first = p.inclusions.first(where: { $0.code != nil && $0.step != nil }),
                q.stem.contains(Wording.sentence(p.steps[first.step! - 1].text).prefix(30))
            {
                #expect(
                    q.options.contains { o in included.contains { o.text.hasSuffix(", " + $0) } }, "\(q.id): no option adds \(included)")
            }
        }
    }

    /// A modifier question about a single operation never offers 51 or 59, except where they are
    /// the classic wrong choice: 59 for a repeated laboratory test (91), 51 or 59 for the other side (50).
    func modifierDistractorsFitASingleProcedure(_ all: [(Question, Procedure)]) {
        for (q, _) in all where q.kind == .modifier {
            guard !["59", "XS", "XE", "XU", "XP", "51", "91", "50"].contains(q.answer.text) else { continue }
            for option in q.options where !option.correct {
                #expect(!["51", "59"].contains(option.text), "\(q.id): \(option.text) for \(q.answer.text)")
            }
        }
    }
}
