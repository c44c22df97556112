import Foundation
@testable import Questions
import Testing

/// Exact questions for a few (item, seed) pairs of the fixture library. They pin the wording, the
/// seeded choices and the distractor policy; a deliberate change to any of them updates these.
@Suite struct QuestionExampleTests {
    let generator = TestLibraries.fixtureGenerator

    @Test func vignetteNarratesKeyStepsAndRulesOutSentencesWithFamilyAndLinkedDistractors() throws {
        let q = try generator.generate(itemID: "cpt:27284/vignette", seed: 7)
        #expect(q.id == "cpt:27284/vignette#7")
        #expect(q.stem == "The patient, a 30-year-old man, has consented to surgery on his right side. Indication: Painful post-traumatic hip arthritis in a young heavy labourer. An anterior approach to the hip was made. The capsule was incised and the femoral head was dislocated. Then all remaining cartilage was burred off the femoral head and acetabulum down to bleeding bone. Subsequently, the head was reduced into the socket and a plate was screwed from the pelvis into the proximal femur. Leg alignment was acceptable after fixation, so no cut was made through the femoral shaft. No implant was used to recreate motion; the goal was bony union of head and socket. The wound was closed in layers over a drain.\n\nWhich CPT code should be reported?")
        #expect(q.options.map(\.text) == ["27130", "47562", "27284", "27286"])
        #expect(q.answer == CorrectAnswer(label: "C", text: "27284"))
        #expect(q.options[0].rationale == "27130 (Total hip replacement) would be reported only if the joint is rebuilt with an acetabular cup and a femoral stem so that it keeps moving; the note says: “No implant was used to recreate motion; the goal was bony union of head and socket”.")
        #expect(q.rationale == "27284 (Hip fusion without femoral osteotomy) is correct: the note documents the steps that decide it: “All remaining cartilage was burred off the femoral head and acetabulum down to bleeding bone”; “The head was reduced into the socket and a plate was screwed from the pelvis into the proximal femur”. Add RT or LT.")
    }

    @Test func vignetteEntryExpectsTheModifierOfTheScenarioSide() throws {
        let q = try generator.generate(itemID: "cpt:27284/vignette-entry", seed: 2)
        #expect(q.id == "cpt:27284/vignette-entry#2")
        #expect(q.stem == "The patient, a 23-year-old woman, has consented to surgery on her right side. Indication: Painful post-traumatic hip arthritis in a young heavy labourer. An anterior approach to the hip was made. All remaining cartilage was burred off the femoral head and acetabulum down to bleeding bone. After that, the head was reduced into the socket and a plate was screwed from the pelvis into the proximal femur. Leg alignment was acceptable after fixation, so no cut was made through the femoral shaft. No implant was used to recreate motion; the goal was bony union of head and socket. The wound was closed in layers over a drain.\n\nEnter the CPT code for this procedure, with a laterality modifier if one applies.")
        #expect(q.options.isEmpty)
        #expect(q.answer == CorrectAnswer(label: nil, text: "27284-RT"))
        #expect(q.rationale == "27284 (Hip fusion without femoral osteotomy) is correct: the note documents the steps that decide it: “All remaining cartilage was burred off the femoral head and acetabulum down to bleeding bone”; “The head was reduced into the socket and a plate was screwed from the pelvis into the proximal femur”. The operation was on the right side, so report it with modifier RT: 27284-RT. Add RT or LT.")
    }

    @Test func contrastOffersOtherFindingsAndHidesTheRulesOutSentence() throws {
        let q = try generator.generate(itemID: "cpt:47562/contrast", seed: 1)
        #expect(q.id == "cpt:47562/contrast#1")
        #expect(q.stem == "The patient, a 40-year-old woman, has consented to surgery. Indication: Recurrent biliary colic from gallstones. Pneumoperitoneum was established and four laparoscopic ports were placed. Then the fundus of the gallbladder was retracted over the liver. The cystic duct and cystic artery were clipped and divided. Finally, the port sites were closed.\n\nAs documented, this note supports CPT 47562. What would the note have to show for the code to be 47563 instead?")
        #expect(q.options.map(\.text) == ["Dye is injected into the bile ducts and x-ray pictures are taken during the operation", "The gallbladder is removed through an open abdominal incision from the start", "The bile ducts are not imaged during the operation", "The whole operation is done through laparoscopic ports"])
        #expect(q.answer == CorrectAnswer(label: "A", text: "Dye is injected into the bile ducts and x-ray pictures are taken during the operation"))
        #expect(q.options[1].rationale == "That finding would change the code to 47600 (Open gallbladder removal), not to 47563.")
        #expect(q.rationale == "47563 (Laparoscopic gallbladder removal with cholangiography) is reported instead of 47562 when dye is injected into the bile ducts and x-ray pictures are taken during the operation. A note of 47562 rules it out, e.g. “No contrast study of the ducts was done”.")
    }

    @Test func pcsAlwaysOffersTheOtherSidesCode() throws {
        let q = try generator.generate(itemID: "cpt:27130/pcs", seed: 4)
        #expect(q.id == "cpt:27130/pcs#4")
        #expect(q.stem == "The patient, a 63-year-old woman, has consented to surgery on her left side. Indication: Disabling primary hip arthritis in an older adult after failed medical treatment. A posterior approach to the hip was made and the short external rotators were released. Next, the femoral neck was cut and the head removed. The acetabulum was reamed and a metal cup was cemented in place. The femoral canal was broached and a stem with a modular head was cemented.\n\nThe patient is an inpatient. Which ICD-10-PCS code should be reported for the procedure?")
        #expect(q.options.map(\.text) == ["0SR9019", "0SRB019", "0FT44ZZ", "0SGB04Z"])
        #expect(q.answer == CorrectAnswer(label: "B", text: "0SRB019"))
        #expect(q.options[0].rationale == "0SR9019 is the code for the right side; this note documents surgery on the left side.")
        #expect(q.rationale == "0SRB019 is the ICD-10-PCS crosswalk for 27130 (Total hip replacement) on the left side.")
    }

    @Test func diagnosisOffersTheSameConditionOnTheOtherSide() throws {
        let q = try generator.generate(itemID: "cpt:27284/diagnosis", seed: 3)
        #expect(q.id == "cpt:27284/diagnosis#3")
        #expect(q.stem == "A 31-year-old male patient is taken to the operating room for surgery on the left side. Preoperative diagnosis: Post-traumatic arthritis of the left hip. An anterior approach to the hip was made. Then all remaining cartilage was burred off the femoral head and acetabulum down to bleeding bone. Next, the head was reduced into the socket and a plate was screwed from the pelvis into the proximal femur. Finally, the wound was closed in layers over a drain.\n\nWhich ICD-10-CM code should be reported for the preoperative diagnosis?")
        #expect(q.options.map(\.text) == ["M16.7", "M16.51", "M16.52", "M16.11"])
        #expect(q.answer == CorrectAnswer(label: "C", text: "M16.52"))
        #expect(q.options[0].rationale == "M16.7 is other one-sided secondary arthritis of the hip, typical for 27286 (Hip fusion with femoral osteotomy), not the condition documented.")
        #expect(q.rationale == "M16.52 is post-traumatic arthritis of the left hip: the documented preoperative diagnosis.")
    }

    @Test func nextStepMixesOwnStepsWithAnotherProceduresStep() throws {
        let q = try generator.generate(itemID: "cpt:47600/next-step", seed: 1)
        #expect(q.id == "cpt:47600/next-step#1")
        #expect(q.stem == "In CPT 47600 (Open gallbladder removal), the operative note has just described this step:\n“A right subcostal incision was made and the abdomen entered.”\nWhich step comes next?")
        #expect(q.options.map(\.text) == ["The fundus of the gallbladder was retracted over the liver.", "The gallbladder was dissected from the fundus down toward the cystic duct.", "The wound was closed in layers.", "The cystic duct and artery were ligated and divided."])
        #expect(q.answer == CorrectAnswer(label: "B", text: "The gallbladder was dissected from the fundus down toward the cystic duct."))
        #expect(q.options[0].rationale == "Not part of 47600: it is a step of 47562 (Laparoscopic gallbladder removal).")
        #expect(q.rationale == "In 47600, step 2 comes right after step 1.")
    }

    @Test func notIncludedTakesAKeyStepOfAnotherFamily() throws {
        let q = try generator.generate(itemID: "cpt:27130/not-included", seed: 1)
        #expect(q.id == "cpt:27130/not-included#1")
        #expect(q.stem == "Which of these steps is NOT part of CPT 27130 (Total hip replacement)?")
        #expect(q.options.map(\.text) == ["The femoral neck was cut and the head removed.", "A posterior approach to the hip was made and the short external rotators were released.", "The femur was divided just below the lesser trochanter and the limb was rotated into a neutral position.", "The hip was reduced and the rotators repaired before closure."])
        #expect(q.answer == CorrectAnswer(label: "C", text: "The femur was divided just below the lesser trochanter and the limb was rotated into a neutral position."))
        #expect(q.options[0].rationale == "Step 2 of 27130, a key step that decides the code.")
        #expect(q.rationale == "This step belongs to 27286 (Hip fusion with femoral osteotomy), not to 27130.")
    }

    @Test func indicationDistractorsComeFromOtherFamiliesOnly() throws {
        let q = try generator.generate(itemID: "cpt:47563/indication", seed: 1)
        #expect(q.id == "cpt:47563/indication#1")
        #expect(q.stem == "Which of these patients is a typical candidate for CPT 47563 (Laparoscopic gallbladder removal with cholangiography)?")
        #expect(q.options.map(\.text) == ["Painful post-traumatic hip arthritis in a young heavy labourer.", "Disabling primary hip arthritis in an older adult after failed medical treatment.", "Hip destroyed by childhood infection with a healthy opposite hip.", "Gallstones with a dilated common bile duct on ultrasound."])
        #expect(q.answer == CorrectAnswer(label: "D", text: "Gallstones with a dilated common bile duct on ultrasound."))
        #expect(q.options[0].rationale == "A typical candidate for 27284 (Hip fusion without femoral osteotomy), a procedure of another family; it is not an indication for 47563.")
        #expect(q.rationale == "A typical candidate for 47563 (Laparoscopic gallbladder removal with cholangiography): it is one of the procedure's indications.")
    }
}
