import Foundation
import Testing

@testable import Questions

/// Exact questions of every kind for a few (item, seed) pairs of the fixture library (hip files in
/// format v2, gallbladder files and 27130 in format v1). They pin the report layout, the seeded
/// choices and the distractor policy; a deliberate change to any of them updates these.
@Suite struct QuestionExampleTests {
    let generator = TestLibraries.fixtureGenerator

    @Test func aVignetteIsAProcedureReportWithFamilyAndAlternativeDistractorsOfTheSameArea() throws {
        let q = try generator.generate(itemID: "cpt:27284/vignette", seed: 7)
        #expect(
            q.stem
                == "PREOPERATIVE DIAGNOSIS: End-stage right hip arthritis.\nPOSTOPERATIVE DIAGNOSIS: Post-traumatic arthritis of the right hip.\nPROCEDURE: Right hip arthrodesis with iliac crest graft.\nANESTHESIA: General endotracheal anesthesia.\nFINDINGS: Eburnated bone with large osteophytes on both sides of the joint.\nSPECIMENS: None.\nDESCRIPTION OF PROCEDURE: A 30-year-old man was admitted and brought to the operating room, and the planned procedure was confirmed. An anterior approach to the hip was made. Subsequently, the capsule was incised and the femoral head was dislocated. All remaining cartilage was burred off the femoral head and acetabulum down to bleeding bone. Cancellous graft was taken from the iliac crest through a separate incision and packed around the joint. Subsequently, the head was reduced into the socket and a plate was screwed from the pelvis into the proximal femur. Finally, the wound was closed in layers over a drain.\n\nWhich CPT code should be reported for this procedure?"
        )
        #expect(q.options.map(\.text) == ["27130", "27286", "27284"])
        #expect(q.answer == CorrectAnswer(label: "C", text: "27284"))
        #expect(
            q.rationale
                == "27284 (Hip fusion without femoral osteotomy) is correct: what decides in this note is “All remaining cartilage was burred off the femoral head and acetabulum down to bleeding bone”; “The head was reduced into the socket and a plate was screwed from the pelvis into the proximal femur”. It would be 27286 only if the femur is also divided below the lesser trochanter to realign the leg, and 27130 only if the joint is rebuilt with an acetabular cup and a femoral stem so that it keeps moving. Index: Arthrodesis, hip joint. Add RT or LT."
        )
        #expect(
            q.options.first { $0.text == "27286" }?.rationale
                == "27286 (Hip fusion with femoral osteotomy) would be reported instead only if the femur is also divided below the lesser trochanter to realign the leg; this note documents nothing of the kind (a note like this one reads: “Leg alignment was acceptable after fixation, so no cut was made through the femoral shaft”)."
        )
        #expect(
            q.options.first { $0.text == "27130" }?.rationale
                == "27130 (Total hip replacement) would be reported instead only if the joint is rebuilt with an acetabular cup and a femoral stem so that it keeps moving; this note documents nothing of the kind (a note like this one reads: “No implant was used to recreate motion; the goal was bony union of head and socket”)."
        )
    }

    @Test func vignetteEntryExpectsTheModifierOfTheReportedSide() throws {
        let q = try generator.generate(itemID: "cpt:27284/vignette-entry", seed: 2)
        #expect(
            q.stem
                == "PREOPERATIVE DIAGNOSIS: End-stage right hip arthritis.\nPOSTOPERATIVE DIAGNOSIS: Post-traumatic arthritis of the right hip.\nPROCEDURE: Right hip arthrodesis with iliac crest graft.\nANESTHESIA: General endotracheal anesthesia.\nFINDINGS: Eburnated bone with large osteophytes on both sides of the joint.\nSPECIMENS: None.\nDESCRIPTION OF PROCEDURE: The patient, a 23-year-old woman, was admitted and brought to the operating room. An anterior approach to the hip was made. The capsule was incised and the femoral head was dislocated. All remaining cartilage was burred off the femoral head and acetabulum down to bleeding bone. Cancellous graft was taken from the iliac crest through a separate incision and packed around the joint. Then the head was reduced into the socket and a plate was screwed from the pelvis into the proximal femur. Lastly, the wound was closed in layers over a drain.\n\nEnter the CPT code for this procedure, with a laterality modifier if one applies."
        )
        #expect(q.options.map(\.text) == [])
        #expect(q.answer == CorrectAnswer(label: nil, text: "27284-RT"))
        #expect(
            q.rationale
                == "27284 (Hip fusion without femoral osteotomy) is correct: what decides in this note is “All remaining cartilage was burred off the femoral head and acetabulum down to bleeding bone”; “The head was reduced into the socket and a plate was screwed from the pelvis into the proximal femur”. It would be 27286 only if the femur is also divided below the lesser trochanter to realign the leg, and 27130 only if the joint is rebuilt with an acetabular cup and a femoral stem so that it keeps moving. Index: Arthrodesis, hip joint. The operation was on the right side, so report it with modifier RT: 27284-RT. Add RT or LT."
        )
    }

    @Test func contrastAsksOnlyForAnAlternativeAndTellsNoFindings() throws {
        let q = try generator.generate(itemID: "cpt:47562/contrast", seed: 1)
        #expect(
            q.stem
                == "PREOPERATIVE DIAGNOSIS: Gallstones without inflammation of the gallbladder.\nPOSTOPERATIVE DIAGNOSIS: Same.\nPROCEDURE: Cholecystectomy.\nANESTHESIA: General endotracheal anesthesia.\nDESCRIPTION OF PROCEDURE: The patient, a 40-year-old woman, was brought to the operating room. Pneumoperitoneum was established and four laparoscopic ports were placed. Then the fundus of the gallbladder was retracted over the liver. Next, the cystic duct and cystic artery were clipped and divided. After that, the gallbladder was dissected off the liver bed and removed in a bag through the umbilical port. The port sites were closed.\n\nAs documented, this note supports CPT 47562. What would the note have to show for the code to be 47563 instead?"
        )
        #expect(
            q.options.map(\.text) == [
                "Dye is injected into the bile ducts and x-ray pictures are taken during the operation",
                "The gallbladder is removed through an open abdominal incision from the start",
            ])
        #expect(
            q.answer
                == CorrectAnswer(label: "A", text: "Dye is injected into the bile ducts and x-ray pictures are taken during the operation"))
        #expect(
            q.rationale
                == "47563 (Laparoscopic gallbladder removal with cholangiography) is reported instead of 47562 when dye is injected into the bile ducts and x-ray pictures are taken during the operation: the two are alternatives for the same work, and that is the fact a coder looks for. A note of 47562 reads differently, e.g. “No contrast study of the ducts was done”."
        )
        #expect(
            q.options.first { $0.text == "The gallbladder is removed through an open abdominal incision from the start" }?.rationale
                == "That finding would change the code to 47600 (Open gallbladder removal), not to 47563.")
    }

    @Test func codeSetDistractorsEachChangeOneElement() throws {
        let q = try generator.generate(itemID: "cpt:27284/code-set", seed: 2)
        #expect(
            q.stem
                == "PREOPERATIVE DIAGNOSIS: End-stage left hip arthritis.\nPOSTOPERATIVE DIAGNOSIS: Post-traumatic arthritis of the left hip.\nPROCEDURE: Left hip arthrodesis with iliac crest graft.\nANESTHESIA: General endotracheal anesthesia.\nSPECIMENS: None.\nDESCRIPTION OF PROCEDURE: The patient, a 36-year-old man, was admitted and brought to the operating room. The capsule was incised and the femoral head was dislocated. Subsequently, all remaining cartilage was burred off the femoral head and acetabulum down to bleeding bone. Cancellous graft was taken from the iliac crest through a separate incision and packed around the joint. Subsequently, the head was reduced into the socket and a plate was screwed from the pelvis into the proximal femur. Lastly, the wound was closed in layers over a drain.\n\nWhich code set should be reported for this procedure (CPT code with modifiers, then ICD-10-CM)?"
        )
        #expect(q.options.map(\.text) == ["27284-LT, M16.52", "27284-LT, M16.7", "27284-RT, M16.52", "27284-LT, 20902, M16.52"])
        #expect(q.answer == CorrectAnswer(label: "A", text: "27284-LT, M16.52"))
        #expect(
            q.rationale
                == "27284-LT, M16.52 is the complete code set. 27284 (Hip fusion without femoral osteotomy) is correct: what decides in this note is “All remaining cartilage was burred off the femoral head and acetabulum down to bleeding bone”; “The head was reduced into the socket and a plate was screwed from the pelvis into the proximal femur”. It would be 27286 only if the femur is also divided below the lesser trochanter to realign the leg, and 27130 only if the joint is rebuilt with an acetabular cup and a femoral stem so that it keeps moving. Index: Arthrodesis, hip joint. The report names the left side, so the code takes LT. M16.52 is correct: the postoperative diagnosis documents post-traumatic arthritis of the left hip, which is M16.52. Outpatient coders code the confirmed postoperative or pathology diagnosis, not the preoperative impression."
        )
        #expect(
            q.options.first { $0.text == "27284-LT, M16.7" }?.rationale
                == "M16.7 is a code of the same category (M16) for other one-sided secondary arthritis of the hip; the note does not document it."
        )
        #expect(
            q.options.first { $0.text == "27284-RT, M16.52" }?.rationale == "RT names the wrong side: the report documents the left side.")
        #expect(
            q.options.first { $0.text == "27284-LT, 20902, M16.52" }?.rationale
                == "20902 should not be added: harvest of iliac crest graft through a separate incision is included in 27284 because the fusion code already counts obtaining the graft."
        )
    }

    @Test func modifierQuestionTellsTheTwistOnce() throws {
        let q = try generator.generate(itemID: "cpt:27284/modifier", seed: 1)
        #expect(
            q.stem
                == "PREOPERATIVE DIAGNOSIS: End-stage right hip arthritis.\nPOSTOPERATIVE DIAGNOSIS: Post-traumatic arthritis of the right hip.\nPROCEDURE: Right hip arthrodesis with iliac crest graft.\nANESTHESIA: General endotracheal anesthesia.\nSPECIMENS: None.\nDESCRIPTION OF PROCEDURE: A 33-year-old woman was admitted and brought to the operating room, and the planned procedure was confirmed. An anterior approach to the hip was made. Dense scar from an earlier operation had to be released first, adding about an hour. After that, the capsule was incised and the femoral head was dislocated. All remaining cartilage was burred off the femoral head and acetabulum down to bleeding bone. Cancellous graft was taken from the iliac crest through a separate incision and packed around the joint. Finally, the head was reduced into the socket and a plate was screwed from the pelvis into the proximal femur.\n\nWhich modifier should be appended to CPT code 27284 for this procedure?"
        )
        #expect(q.options.map(\.text) == ["52", "59", "22", "51"])
        #expect(q.answer == CorrectAnswer(label: "C", text: "22"))
        #expect(
            q.rationale
                == "Modifier 22 is correct: substantially more work than usual is documented with its reason. The report says so: “Dense scar from an earlier operation had to be released first, adding about an hour”. Rule: modifier 22 (the documented work was substantially greater than the procedure usually takes, with the reason stated)."
        )
        #expect(
            q.options.first { $0.text == "52" }?.rationale
                == "Modifier 52 (the service was reduced or not completed as described, by the physician's choice or because its goal could not be reached, such as a colonoscopy that does not reach the cecum) does not fit: here, substantially more work than usual is documented with its reason."
        )
        #expect(
            q.options.first { $0.text == "51" }?.rationale
                == "Modifier 51 (several procedures were done in one session and this one is not the main one) does not fit: here, substantially more work than usual is documented with its reason."
        )
    }

    @Test func bundlingOffersTheIncludedHarvestAsASeparateCode() throws {
        let q = try generator.generate(itemID: "cpt:27284/bundling", seed: 1)
        #expect(
            q.stem
                == "PREOPERATIVE DIAGNOSIS: End-stage right hip arthritis.\nPOSTOPERATIVE DIAGNOSIS: Post-traumatic arthritis of the right hip.\nPROCEDURE: Right hip arthrodesis with iliac crest graft.\nANESTHESIA: General endotracheal anesthesia.\nFINDINGS: Eburnated bone with large osteophytes on both sides of the joint.\nSPECIMENS: None.\nDESCRIPTION OF PROCEDURE: A 45-year-old man was admitted and brought to the operating room, and the planned procedure was confirmed. An anterior approach to the hip was made. Subsequently, the capsule was incised and the femoral head was dislocated. Then all remaining cartilage was burred off the femoral head and acetabulum down to bleeding bone. Cancellous graft was taken from the iliac crest through a separate incision and packed around the joint. Subsequently, the head was reduced into the socket and a plate was screwed from the pelvis into the proximal femur. Lastly, the wound was closed in layers over a drain.\n\nWhich CPT codes should be reported for the services documented in this note?"
        )
        #expect(q.options.map(\.text) == ["27286", "27284", "27130", "27284, 20902"])
        #expect(q.answer == CorrectAnswer(label: "B", text: "27284"))
        #expect(
            q.rationale
                == "27284 (Hip fusion without femoral osteotomy) is correct: what decides in this note is “All remaining cartilage was burred off the femoral head and acetabulum down to bleeding bone”; “The head was reduced into the socket and a plate was screwed from the pelvis into the proximal femur”. It would be 27286 only if the femur is also divided below the lesser trochanter to realign the leg, and 27130 only if the joint is rebuilt with an acetabular cup and a femoral stem so that it keeps moving. Index: Arthrodesis, hip joint. Harvest of iliac crest graft through a separate incision is not reported separately (20902): the fusion code already counts obtaining the graft. Not 27284, 20902: 20902 should not be added: harvest of iliac crest graft through a separate incision is part of 27284 (the code's own description already covers this work). Not 27286: 27286 (Hip fusion with femoral osteotomy) would be reported instead only if the femur is also divided below the lesser trochanter to realign the leg; this note documents nothing of the kind (a note like this one reads: “Leg alignment was acceptable after fixation, so no cut was made through the femoral shaft”). Not 27130: 27130 (Total hip replacement) would be reported instead only if the joint is rebuilt with an acetabular cup and a femoral stem so that it keeps moving; this note documents nothing of the kind (a note like this one reads: “No implant was used to recreate motion; the goal was bony union of head and socket”)."
        )
        #expect(
            q.options.first { $0.text == "27286" }?.rationale
                == "27286 (Hip fusion with femoral osteotomy) would be reported instead only if the femur is also divided below the lesser trochanter to realign the leg; this note documents nothing of the kind (a note like this one reads: “Leg alignment was acceptable after fixation, so no cut was made through the femoral shaft”)."
        )
        #expect(
            q.options.first { $0.text == "27284, 20902" }?.rationale
                == "20902 should not be added: harvest of iliac crest graft through a separate incision is part of 27284 (the code's own description already covers this work)."
        )
    }

    @Test func pcsIsAnInpatientReportAndOffersTheOtherSidesCode() throws {
        let q = try generator.generate(itemID: "cpt:27130/pcs", seed: 4)
        #expect(
            q.stem
                == "PREOPERATIVE DIAGNOSIS: Primary arthritis of the left hip.\nPOSTOPERATIVE DIAGNOSIS: Same.\nPROCEDURE: Left hip arthroplasty.\nANESTHESIA: General endotracheal anesthesia.\nDESCRIPTION OF PROCEDURE: The patient, a 63-year-old woman, was admitted and brought to the operating room. A posterior approach to the hip was made and the short external rotators were released. The femoral neck was cut and the head removed. After that, the acetabulum was reamed and a metal cup was cemented in place. The femoral canal was broached and a stem with a modular head was cemented.\n\nWhich ICD-10-PCS code should be reported for this inpatient procedure?"
        )
        #expect(q.options.map(\.text) == ["0SRB019", "0SR9019", "0SG904Z", "0SGB04Z"])
        #expect(q.answer == CorrectAnswer(label: "A", text: "0SRB019"))
        #expect(
            q.rationale
                == "0SRB019 is the ICD-10-PCS code for 27130 (Total hip replacement) on the left side. Walk the characters: 0 Medical and Surgical; S Lower Joints; R root operation Replacement, putting in a device that takes the place or function of all or part of a body part; B the body part, left side (the side is part of this character); 0 approach Open; 1 the device value for the implant the note describes; 9 the qualifier the note supports."
        )
        #expect(
            q.options.first { $0.text == "0SR9019" }?.rationale
                == "0SR9019 is the code for the right side; this note documents surgery on the left side, and in ICD-10-PCS the side is part of the body-part character. It differs from the right code in the body part (character 4)."
        )
        #expect(
            q.options.first { $0.text == "0SG904Z" }?.rationale
                == "0SG904Z is the code for 27284 (Hip fusion without femoral osteotomy) for the right side, which would need that the femoral head is fixed to the pelvis so that the joint no longer moves. It differs from the right code in the root operation (Fusion, character 3), body part (character 4), device (character 6) and qualifier (character 7)."
        )
        #expect(
            q.options.first { $0.text == "0SGB04Z" }?.rationale
                == "0SGB04Z is the code for 27284 (Hip fusion without femoral osteotomy) for the left side, which would need that the femoral head is fixed to the pelvis so that the joint no longer moves. It differs from the right code in the root operation (Fusion, character 3), device (character 6) and qualifier (character 7)."
        )
    }

    @Test func diagnosisComesFromThePostoperativeDiagnosisWithTheOtherSideOffered() throws {
        let q = try generator.generate(itemID: "cpt:27284/diagnosis", seed: 3)
        #expect(
            q.stem
                == "PREOPERATIVE DIAGNOSIS: End-stage left hip arthritis.\nPOSTOPERATIVE DIAGNOSIS: Post-traumatic arthritis of the left hip.\nPROCEDURE: Left hip arthrodesis with iliac crest graft.\nANESTHESIA: General endotracheal anesthesia.\nFINDINGS: Eburnated bone with large osteophytes on both sides of the joint.\nSPECIMENS: None.\nDESCRIPTION OF PROCEDURE: The patient, a 31-year-old man, was admitted and brought to the operating room. An anterior approach to the hip was made. Subsequently, the capsule was incised and the femoral head was dislocated. Then all remaining cartilage was burred off the femoral head and acetabulum down to bleeding bone. Cancellous graft was taken from the iliac crest through a separate incision and packed around the joint. Next, the head was reduced into the socket and a plate was screwed from the pelvis into the proximal femur. The wound was closed in layers over a drain.\n\nWhich ICD-10-CM code supports the medical necessity of this procedure?"
        )
        #expect(q.options.map(\.text) == ["M16.12", "M16.52", "M16.7", "M16.51"])
        #expect(q.answer == CorrectAnswer(label: "B", text: "M16.52"))
        #expect(
            q.rationale
                == "M16.52 is correct: the postoperative diagnosis documents post-traumatic arthritis of the left hip, which is M16.52. Outpatient coders code the confirmed postoperative or pathology diagnosis, not the preoperative impression."
        )
        #expect(
            q.options.first { $0.text == "M16.51" }?.rationale
                == "M16.51 is post-traumatic arthritis of the right hip: the other side; this note documents the left side, and the side is part of the code."
        )
        #expect(
            q.options.first { $0.text == "M16.12" }?.rationale
                == "M16.12 is a code of the same category (M16) for primary arthritis of the left hip; the note does not document it.")
    }

    @Test func aFormatV1FileStillGivesAReport() throws {
        let q = try generator.generate(itemID: "cpt:47600/vignette", seed: 1)
        #expect(
            q.stem
                == "PREOPERATIVE DIAGNOSIS: Chronic inflammation of the gallbladder.\nPOSTOPERATIVE DIAGNOSIS: Same.\nPROCEDURE: Cholecystectomy.\nANESTHESIA: General endotracheal anesthesia.\nDESCRIPTION OF PROCEDURE: An 81-year-old man was brought to the operating room, and the planned procedure was confirmed. A right subcostal incision was made and the abdomen entered. The cystic duct and artery were ligated and divided. Lastly, the wound was closed in layers.\n\nWhich CPT code should be reported for this procedure?"
        )
        #expect(q.options.map(\.text) == ["47562", "47563", "47600"])
        #expect(q.answer == CorrectAnswer(label: "C", text: "47600"))
        #expect(
            q.rationale
                == "47600 (Open gallbladder removal) is correct: what decides in this note is “A right subcostal incision was made and the abdomen entered”. It would be 47562 only if the whole operation is done through laparoscopic ports."
        )
        #expect(
            q.options.first { $0.text == "47562" }?.rationale
                == "47562 (Laparoscopic gallbladder removal) would be reported instead only if the whole operation is done through laparoscopic ports; this note documents nothing of the kind."
        )
        #expect(
            q.options.first { $0.text == "47563" }?.rationale
                == "47563 (Laparoscopic gallbladder removal with cholangiography) is a different procedure at the same site: the note documents none of its key steps, such as “Ports were placed after insufflation of the abdomen”."
        )
    }
}
