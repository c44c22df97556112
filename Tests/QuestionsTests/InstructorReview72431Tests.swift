import CodingContent
import Foundation
import SourceText
import Testing

@testable import Questions

/// The generator fixes for instructor review 72431 (defects 2 and 3: distractors a CPC student would
/// not pick, boilerplate wording), each pinned by exact values.
@Suite struct InstructorReview72431Tests {
    /// A modifier's wrong options are the ones students pick in its situation, "no modifier" among them.
    @Test func modifierTrapsAreTheSituationsConfusions() {
        #expect(ModifierGlossary.traps(for: "59") == [ModifierGlossary.noModifier, "51", "XE", "25"])
        #expect(ModifierGlossary.traps(for: "JZ") == ["JW", ModifierGlossary.noModifier, "JW on a second line for 0 units"])
        #expect(ModifierGlossary.traps(for: "58") == ["78", "79", ModifierGlossary.noModifier, "76"])
        // 59 and XS may both be right: neither is ever offered as wrong beside the other.
        #expect(!ModifierGlossary.traps(for: "59").contains("XS"))
        #expect(!ModifierGlossary.traps(for: "XS").contains("59"))
        // A modifier the file lists elsewhere is offered only when it can never share the key's line.
        #expect(ModifierGlossary.excludes("AA", "QZ"))
        #expect(ModifierGlossary.excludes("26", "TC"))
        #expect(!ModifierGlossary.excludes("59", "XS"))
        #expect(!ModifierGlossary.excludes("79", "RT"))
    }

    /// 26 on a radiologist's reading: TC, no modifier and 52, each wrong for this report's reason.
    @Test func aProfessionalComponentQuestionOffersItsRealTraps() throws {
        let q = try TestLibraries.servicesGenerator.generate(itemID: "cpt:71046/modifier", seed: 1)
        #expect(q.options.map(\.text) == ["26", "TC", "No modifier is needed", "52"])
        #expect(
            q.options[1].rationale
                == "Modifier TC does not fit: it claims the equipment, staff and supplies; here the radiologist only reads the images taken on the hospital's equipment, so that part is the facility's, and this physician reports only the professional part."
        )
        #expect(
            q.options[2].rationale
                == "Without a modifier, 71046 claims both the professional and the technical part; here the radiologist only reads the images taken on the hospital's equipment."
        )
    }

    /// An anesthesia modifier question names the claim, and a modifier of the other claim says so.
    @Test func anAnesthesiaModifierQuestionNamesTheClaim() throws {
        let q = try TestLibraries.servicesGenerator.generate(itemID: "cpt:00840/modifier", seed: 1)
        #expect(
            q.stem.hasSuffix(
                "Which modifier, besides the physical status modifier, should be appended to CPT code 00840 on the nurse anesthetist's claim for this service?"
            ))
        #expect(q.options.map(\.text) == ["QK", "QX", "QZ", "AA"])
        #expect(q.answer == CorrectAnswer(label: "B", text: "QX"))
        #expect(
            q.options[0].rationale
                == "Modifier QK (an anesthesiologist medically directed two, three or four concurrent anesthesia cases) does not fit: here, a nurse anesthetist gives the anesthetic under a physician's medical direction; QK goes on the anesthesiologist's claim, not the nurse anesthetist's."
        )
    }

    /// The "code the postoperative diagnosis, not the preoperative impression" sentence only where the
    /// preoperative line names another condition (cases read in the shipped library).
    @Test func thePreopSentenceOnlyForAnotherCondition() {
        // The same condition with less detail, or the same code: no sentence.
        #expect(!LibraryIndex.preopNamesAnotherCondition("Reducible inguinal hernia", postop: "Indirect inguinal hernia", code: "K4090"))
        #expect(
            !LibraryIndex.preopNamesAnotherCondition(
                "Morbid obesity", postop: "Morbid obesity due to excess calories, with type 2 diabetes", code: "E6601"))
        #expect(
            !LibraryIndex.preopNamesAnotherCondition(
                "Anembryonic pregnancy, with a 25 mm gestational sac and no yolk sac or embryo on two ultrasounds a week apart",
                postop: "Anembryonic pregnancy (blighted ovum)", code: "O020"))
        #expect(
            !LibraryIndex.preopNamesAnotherCondition(
                "Left keratoconus intolerant of contact lenses", postop: "Advanced keratoconus of the left eye with central scarring",
                code: "H18602"))
        // A symptom, or a condition the title's detail separates: the sentence teaches.
        #expect(
            LibraryIndex.preopNamesAnotherCondition("Right ankle pain", postop: "Primary osteoarthritis of the right ankle", code: "M19071")
        )
        #expect(
            LibraryIndex.preopNamesAnotherCondition(
                "Prolapsing hemorrhoid", postop: "Third-degree hemorrhoid, right anterior group", code: "K642"))
        #expect(
            LibraryIndex.preopNamesAnotherCondition(
                "Chronic nasal obstruction and facial pressure for more than three months", postop: "Chronic pansinusitis", code: "J324"))
    }

    /// A contrast foil's rationale says plainly which code the finding points to, never of a move
    /// from a code this note does not support (review 50321, Q28).
    @Test func contrastFoilsAreWordedFromTheAskedCode() throws {
        let q = try TestLibraries.fixtureGenerator.generate(itemID: "cpt:47563/contrast", seed: 1)
        #expect(q.options[0].text == "The gallbladder is removed through an open abdominal incision from the start")
        #expect(
            q.options[0].rationale
                == "That finding does not make this note 47562: 47562 is reported when the bile ducts are not imaged during the operation."
        )
        for item in TestLibraries.fixtureGenerator.items where item.kind == .contrast {
            let q = try TestLibraries.fixtureGenerator.generate(item: item, seed: 1)
            for option in q.options { #expect(!option.rationale.contains("moves a coder from"), "\(q.id)") }
        }
    }

    /// A further condition that the diagnosis already names is not listed again.
    @Test func aSecondaryTheDiagnosisNamesIsNotListedTwice() {
        let here = SourceLocation(line: 1, column: 1)
        let folded = Diagnosis(
            code: "E66.812", side: nil, text: "class 2 obesity with hypertension",
            also: [AdditionalDiagnosis(code: "I10", text: "hypertension", location: here)], location: here)
        #expect(folded.listedConditions == ["class 2 obesity with hypertension"])
        let separate = Diagnosis(
            code: "S83.241A", side: .right, text: "tear of the medial meniscus of the right knee",
            also: [AdditionalDiagnosis(code: "M22.41", text: "chondromalacia of the right patella", location: here)], location: here)
        #expect(separate.listedConditions == ["tear of the medial meniscus of the right knee", "chondromalacia of the right patella"])
    }
}
