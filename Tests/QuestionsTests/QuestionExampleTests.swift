import Foundation
import Testing

@testable import Questions

/// Exact questions of every kind for a few (item, seed) pairs of the fixture library (hip files in
/// format v2, gallbladder files and 27130 in format v1). They pin the report layout, the seeded
/// choices and the distractor policy; a deliberate change to any of them updates these.
@Suite struct QuestionExampleTests {
    let generator = TestLibraries.fixtureGenerator

    @Test func aVignetteIsAProcedureReportWithFamilyAndAlternativeDistractorsOfTheSameArea() throws {
        let q = try generator.generate(itemID: "cpt:27284/vignette", seed: 5)
        #expect(
            q.stem
                == "PREOPERATIVE DIAGNOSIS: End-stage right hip arthritis.\nPOSTOPERATIVE DIAGNOSIS: Post-traumatic arthritis of the right hip.\nPROCEDURE: Right hip arthrodesis with iliac crest graft.\nANESTHESIA: General endotracheal anesthesia.\nFINDINGS: Eburnated bone with large osteophytes on both sides of the joint.\nSPECIMENS: None.\nDESCRIPTION OF PROCEDURE: A 38-year-old woman was admitted and brought to the operating room, and the patient's identity and consent were checked. An anterior approach to the hip was made. Then all remaining cartilage was burred off the femoral head and acetabulum down to bleeding bone. Cancellous graft was taken from the iliac crest through a separate incision and packed around the joint. Then the head was reduced into the socket and a plate was screwed from the pelvis into the proximal femur. Finally, the wound was closed in layers over a drain.\n\nWhich CPT code should be reported for this procedure?"
        )
        #expect(q.options.map(\.text) == ["27284", "27286", "27165", "27130"])
        #expect(q.answer == CorrectAnswer(label: "A", text: "27284"))
        #expect(
            q.rationale
                == "27284 (Hip fusion without femoral osteotomy) is correct. Leg alignment was acceptable after fixation, so no cut was made through the femoral shaft. No implant was used to recreate motion; the goal was bony union of head and socket. It would be 27286 only if the femur is also divided below the lesser trochanter to realign the leg, and 27130 only if the joint is rebuilt with an acetabular cup and a femoral stem so that it keeps moving. Index: Arthrodesis, hip joint. Add RT or LT."
        )
        #expect(
            q.options.first { $0.text == "27165" }?.rationale
                == "27165 (cutting and realigning the upper femur with fixation, without fusing the hip) would be reported instead only if the femur is cut below the trochanters to realign the leg and the hip joint itself is left mobile; this note documents nothing of the kind."
        )
        #expect(
            q.options.first { $0.text == "27130" }?.rationale
                == "27130 (Total hip replacement) would be reported instead only if the joint is rebuilt with an acetabular cup and a femoral stem so that it keeps moving. This note shows instead: No implant was used to recreate motion; the goal was bony union of head and socket."
        )
        #expect(
            q.options.first { $0.text == "27286" }?.rationale
                == "27286 (Hip fusion with femoral osteotomy) would be reported instead only if the femur is also divided below the lesser trochanter to realign the leg. This note shows instead: Leg alignment was acceptable after fixation, so no cut was made through the femoral shaft."
        )
    }

    @Test func vignetteEntryExpectsTheModifierOfTheReportedSide() throws {
        let q = try generator.generate(itemID: "cpt:27284/vignette-entry", seed: 2)
        #expect(
            q.stem
                == "PREOPERATIVE DIAGNOSIS: End-stage right hip arthritis.\nPOSTOPERATIVE DIAGNOSIS: Post-traumatic arthritis of the right hip.\nPROCEDURE: Right hip arthrodesis with iliac crest graft.\nANESTHESIA: General endotracheal anesthesia.\nFINDINGS: Eburnated bone with large osteophytes on both sides of the joint.\nSPECIMENS: None.\nDESCRIPTION OF PROCEDURE: The patient, a 23-year-old woman, was admitted and brought to the operating room. An anterior approach to the hip was made. After that, the capsule was incised and the femoral head was dislocated. All remaining cartilage was burred off the femoral head and acetabulum down to bleeding bone. Cancellous graft was taken from the iliac crest through a separate incision and packed around the joint. Then the head was reduced into the socket and a plate was screwed from the pelvis into the proximal femur. The wound was closed in layers over a drain.\n\nEnter the CPT code for this procedure, with any modifier it needs."
        )
        #expect(q.options.map(\.text) == [])
        #expect(q.answer == CorrectAnswer(label: nil, text: "27284-RT"))
        #expect(
            q.rationale
                == "27284 (Hip fusion without femoral osteotomy) is correct. Leg alignment was acceptable after fixation, so no cut was made through the femoral shaft. No implant was used to recreate motion; the goal was bony union of head and socket. It would be 27286 only if the femur is also divided below the lesser trochanter to realign the leg, and 27130 only if the joint is rebuilt with an acetabular cup and a femoral stem so that it keeps moving. Index: Arthrodesis, hip joint. The operation was on the right side, so report it with modifier RT: 27284-RT. Add RT or LT."
        )
    }

    @Test func contrastAsksOnlyForAnAlternativeAndTellsNoFindings() throws {
        let q = try generator.generate(itemID: "cpt:47562/contrast", seed: 1)
        #expect(
            q.stem
                == "PREOPERATIVE DIAGNOSIS: Gallstones without inflammation of the gallbladder.\nPOSTOPERATIVE DIAGNOSIS: Same.\nPROCEDURE: Cholecystectomy.\nANESTHESIA: General endotracheal anesthesia.\nDESCRIPTION OF PROCEDURE: The patient, a 40-year-old woman, was brought to the operating room. Pneumoperitoneum was established and four laparoscopic ports were placed. Then the fundus of the gallbladder was retracted over the liver. Next, the cystic duct and cystic artery were clipped and divided. After that, the gallbladder was dissected off the liver bed and removed in a bag through the umbilical port. Finally, the port sites were closed.\n\nAs documented, this note supports CPT 47562. What would the note have to show for the code to be 47563 instead?"
        )
        #expect(
            q.options.map(\.text) == [
                "Dye is injected into the bile ducts and x-ray pictures are taken during the operation",
                "The common bile duct is opened through the laparoscope to search for and clear stones",
                "The gallbladder is removed through an open incision and the ducts are imaged with dye",
                "The gallbladder is removed through an open abdominal incision from the start",
            ])
        #expect(
            q.answer
                == CorrectAnswer(label: "A", text: "Dye is injected into the bile ducts and x-ray pictures are taken during the operation"))
        #expect(
            q.rationale
                == "47563 (Laparoscopic gallbladder removal with cholangiography) is reported instead of 47562 when dye is injected into the bile ducts and x-ray pictures are taken during the operation. Nothing in this note documents that. One wrong option, “The gallbladder is removed through an open abdominal incision from the start”, would make the note 47600 (Open gallbladder removal)."
        )
        #expect(
            q.options.first { $0.text == "The gallbladder is removed through an open abdominal incision from the start" }?.rationale
                == "That finding would change the code to 47600 (Open gallbladder removal), not to 47563."
        )
        #expect(
            q.options.first { $0.text == "The common bile duct is opened through the laparoscope to search for and clear stones" }?
                .rationale
                == "That finding would change the code to 47564 (laparoscopic gallbladder removal with exploration of the common bile duct), not to 47563."
        )
        #expect(
            q.options.first { $0.text == "The gallbladder is removed through an open incision and the ducts are imaged with dye" }?
                .rationale
                == "That finding would change the code to 47605 (open gallbladder removal with a cholangiogram during the operation), not to 47563."
        )
    }

    /// Two substantive decisions, the code and the diagnosis, in the 2×2 crossing: the side, which
    /// the report names, is not a third decision beside them (instructor reviews 29411 and 70577:
    /// an RT/LT flip ruled out two options at once). 27286 is not reported by side.
    @Test func codeSetOptionsCrossTheCodeAndTheDiagnosisNotTheSide() throws {
        let q = try generator.generate(itemID: "cpt:27284/code-set", seed: 1)
        #expect(
            q.stem
                == "PREOPERATIVE DIAGNOSIS: End-stage left hip arthritis.\nPOSTOPERATIVE DIAGNOSIS: Post-traumatic arthritis of the left hip.\nPROCEDURE: Left hip arthrodesis with iliac crest graft.\nANESTHESIA: General endotracheal anesthesia.\nSPECIMENS: None.\nDESCRIPTION OF PROCEDURE: The patient, a 25-year-old man, was admitted and brought to the operating room. An anterior approach to the hip was made. The capsule was incised and the femoral head was dislocated. Then all remaining cartilage was burred off the femoral head and acetabulum down to bleeding bone. Cancellous graft was taken from the iliac crest through a separate incision and packed around the joint. The head was reduced into the socket and a plate was screwed from the pelvis into the proximal femur. Finally, the wound was closed in layers over a drain.\n\nWhich code set should be reported for this procedure (CPT code(s) with any modifiers, then ICD-10-CM)?"
        )
        #expect(q.options.map(\.text) == ["27286, M16.12", "27286, M16.52", "27284-LT, M16.12", "27284-LT, M16.52"])
        #expect(q.answer == CorrectAnswer(label: "D", text: "27284-LT, M16.52"))
        #expect(
            q.rationale
                == "27284-LT, M16.52 is the code set this note supports. 27284 (Hip fusion without femoral osteotomy) is correct. Leg alignment was acceptable after fixation, so no cut was made through the femoral shaft. No implant was used to recreate motion; the goal was bony union of head and socket. It would be 27286 only if the femur is also divided below the lesser trochanter to realign the leg, and 27130 only if the joint is rebuilt with an acetabular cup and a femoral stem so that it keeps moving. Index: Arthrodesis, hip joint. The report names the left side, so the code takes LT. M16.52 is correct: the postoperative diagnosis here is “post-traumatic arthritis of the left hip”, and ICD-10-CM codes it M16.52 (Unilateral post-traumatic osteoarthritis, left hip; category M16, Osteoarthritis of hip). Code the diagnosis the procedure confirmed, the postoperative diagnosis, not the preoperative one (“end-stage left hip arthritis”)."
        )
        #expect(
            q.options.first { $0.text == "27286, M16.12" }?.rationale
                == "Two decisions are wrong. Code: 27286 (Hip fusion with femoral osteotomy) would be reported instead only if the femur is also divided below the lesser trochanter to realign the leg. This note shows instead: Leg alignment was acceptable after fixation, so no cut was made through the femoral shaft. Diagnosis: M16.12 (Unilateral primary osteoarthritis, left hip) is in the same category, M16, but differs in type or specificity (“primary”, not “post-traumatic”)."
        )
        #expect(
            q.options.first { $0.text == "27286, M16.52" }?.rationale
                == "27286 (Hip fusion with femoral osteotomy) would be reported instead only if the femur is also divided below the lesser trochanter to realign the leg. This note shows instead: Leg alignment was acceptable after fixation, so no cut was made through the femoral shaft."
        )
        #expect(
            q.options.first { $0.text == "27284-LT, M16.12" }?.rationale
                == "M16.12 (Unilateral primary osteoarthritis, left hip) is in the same category, M16, but differs in type or specificity (“primary”, not “post-traumatic”)."
        )
        #expect(!q.options.contains { $0.text.contains("-RT") })
    }

    @Test func modifierQuestionTellsTheTwistOnce() throws {
        let q = try generator.generate(itemID: "cpt:27284/modifier", seed: 4)
        #expect(
            q.stem
                == "PREOPERATIVE DIAGNOSIS: End-stage left hip arthritis.\nPOSTOPERATIVE DIAGNOSIS: Post-traumatic arthritis of the left hip.\nPROCEDURE: Left hip arthrodesis with iliac crest graft.\nANESTHESIA: General endotracheal anesthesia.\nSPECIMENS: None.\nDESCRIPTION OF PROCEDURE: The patient, a 38-year-old woman, was admitted and brought to the operating room. An anterior approach to the hip was made. Dense scar from an earlier operation had to be released first, adding about an hour. After that, the capsule was incised and the femoral head was dislocated. Subsequently, all remaining cartilage was burred off the femoral head and acetabulum down to bleeding bone. Cancellous graft was taken from the iliac crest through a separate incision and packed around the joint. Subsequently, the head was reduced into the socket and a plate was screwed from the pelvis into the proximal femur. Lastly, the wound was closed in layers over a drain.\n\nWhich modifier, besides any side modifier, should be appended to CPT code 27284 for this procedure?"
        )
        // The traps a student weighs for extra work: no modifier, 52 (the number's twin), 62.
        #expect(q.options.map(\.text) == ["52", "62", "No modifier is needed", "22"])
        #expect(q.answer == CorrectAnswer(label: "D", text: "22"))
        #expect(
            q.rationale
                == "Modifier 22 is correct: substantially more work than usual is documented with its reason. The report says so: “Dense scar from an earlier operation had to be released first, adding about an hour”. Rule: modifier 22 (the documented work was substantially greater than the procedure usually takes, with the reason stated)."
        )
        #expect(
            q.options.first { $0.text == "52" }?.rationale
                == "Modifier 52 does not fit: it is for less work than the procedure usually takes; here it took more: substantially more work than usual is documented with its reason."
        )
        #expect(
            q.options.first { $0.text == "62" }?.rationale
                == "Modifier 62 does not fit: it is for two surgeons sharing one procedure; here one surgeon did all of it, the extra work included."
        )
        #expect(
            q.options.first { $0.text == "No modifier is needed" }?.rationale
                == "Without a modifier, 27284 is paid for its usual work; here substantially more work than usual is documented with its reason."
        )
    }

    /// The included graft harvest reported separately, beside two wrong main codes: the fixture's
    /// 27286 does not list the harvest as included, so "27286, 20902" would not be wrong on bundling
    /// and is not crossed. 27130 (filed for ages 55–85, disjoint from 27284's 20–45) comes after
    /// the alternatives whose ages overlap the key's.
    @Test func bundlingOffersTheIncludedHarvestAsASeparateCode() throws {
        let q = try generator.generate(itemID: "cpt:27284/bundling", seed: 10)
        #expect(
            q.stem
                == "PREOPERATIVE DIAGNOSIS: End-stage right hip arthritis.\nPOSTOPERATIVE DIAGNOSIS: Post-traumatic arthritis of the right hip.\nPROCEDURE: Right hip arthrodesis with iliac crest graft.\nANESTHESIA: General endotracheal anesthesia.\nFINDINGS: Eburnated bone with large osteophytes on both sides of the joint.\nSPECIMENS: None.\nDESCRIPTION OF PROCEDURE: The patient, a 37-year-old man, was admitted and brought to the operating room. An anterior approach to the hip was made. Then the capsule was incised and the femoral head was dislocated. After that, all remaining cartilage was burred off the femoral head and acetabulum down to bleeding bone. Cancellous graft was taken from the iliac crest through a separate incision and packed around the joint. Next, the head was reduced into the socket and a plate was screwed from the pelvis into the proximal femur. The wound was closed in layers over a drain.\n\nWhich CPT codes should be reported for the services documented in this note?"
        )
        #expect(q.options.map(\.text) == ["27286", "27284-RT", "27125-RT", "27284-RT, 20902"])
        #expect(q.answer == CorrectAnswer(label: "B", text: "27284-RT"))
        #expect(
            q.rationale
                == "27284 (Hip fusion without femoral osteotomy) is correct. Leg alignment was acceptable after fixation, so no cut was made through the femoral shaft. No implant was used to recreate motion; the goal was bony union of head and socket. It would be 27286 only if the femur is also divided below the lesser trochanter to realign the leg, and 27130 only if the joint is rebuilt with an acetabular cup and a femoral stem so that it keeps moving. Index: Arthrodesis, hip joint. Harvest of iliac crest graft through a separate incision is not reported separately (20902): the fusion code already counts obtaining the graft."
        )
        #expect(
            q.options.first { $0.text == "27284-RT, 20902" }?.rationale
                == "20902 should not be added: harvest of iliac crest graft through a separate incision is part of 27284 (the fusion code already counts obtaining the graft)."
        )
        #expect(
            q.options.first { $0.text == "27286" }?.rationale
                == "27286 (Hip fusion with femoral osteotomy) would be reported instead only if the femur is also divided below the lesser trochanter to realign the leg. This note shows instead: Leg alignment was acceptable after fixation, so no cut was made through the femoral shaft."
        )
        #expect(
            q.options.first { $0.text == "27125-RT" }?.rationale
                == "27125 (replacement of the femoral head only, leaving the socket) would be reported instead only if only the femoral head is replaced with a prosthetic head and the socket is left alone; this note documents nothing of the kind."
        )
    }

    @Test func pcsIsAnInpatientReportAndOffersTheOtherSidesCode() throws {
        let q = try generator.generate(itemID: "cpt:27130/pcs", seed: 4)
        #expect(
            q.stem
                == "PREOPERATIVE DIAGNOSIS: Primary arthritis of the left hip.\nPOSTOPERATIVE DIAGNOSIS: Same.\nPROCEDURE: Left hip arthroplasty.\nANESTHESIA: General endotracheal anesthesia.\nDESCRIPTION OF PROCEDURE: The patient, a 63-year-old woman, was admitted and brought to the operating room. A posterior approach to the hip was made and the short external rotators were released. Next, the femoral neck was cut and the head removed. The acetabulum was reamed and a metal cup was cemented in place. After that, the femoral canal was broached and a stem with a modular head was cemented. The hip was reduced and the rotators repaired before closure.\n\nWhich ICD-10-PCS code should be reported for this inpatient procedure?"
        )
        #expect(q.options.map(\.text) == ["0SR9019", "0SRB029", "0SRB039", "0SRB019"])
        #expect(q.answer == CorrectAnswer(label: "D", text: "0SRB019"))
        #expect(
            q.rationale
                == "0SRB019 (Replacement, Left Hip Joint, with Metal Synthetic Substitute, Cemented, Open approach) is the ICD-10-PCS code for this report. Walk the characters: 0 Medical and Surgical; S Lower Joints; R root operation Replacement, putting in a device that takes the place or function of all or part of a body part; B body part Left Hip Joint (the side is part of this character); 0 approach Open; 1 device Metal Synthetic Substitute; 9 qualifier Cemented."
        )
        #expect(
            q.options.first { $0.text == "0SR9019" }?.rationale
                == "0SR9019 is the code for the right side; this note documents surgery on the left side, and in ICD-10-PCS the side is part of the body-part character. It differs from the right code in the body part (character 4: 9 Right Hip Joint instead of B Left Hip Joint)."
        )
        #expect(
            q.options.first { $0.text == "0SRB029" }?.rationale
                == "0SRB029 is Replacement, Left Hip Joint, with Metal on Polyethylene Synthetic Substitute, Cemented, Open approach. It differs from the right code in the device (character 6: 2 Metal on Polyethylene Synthetic Substitute instead of 1 Metal Synthetic Substitute)."
        )
        #expect(
            q.options.first { $0.text == "0SRB039" }?.rationale
                == "0SRB039 is Replacement, Left Hip Joint, with Ceramic Synthetic Substitute, Cemented, Open approach. It differs from the right code in the device (character 6: 3 Ceramic Synthetic Substitute instead of 1 Metal Synthetic Substitute)."
        )
    }

    @Test func diagnosisComesFromThePostoperativeDiagnosisWithTheUnspecifiedSideOffered() throws {
        let q = try generator.generate(itemID: "cpt:27284/diagnosis", seed: 3)
        #expect(
            q.stem
                == "PREOPERATIVE DIAGNOSIS: End-stage left hip arthritis.\nPOSTOPERATIVE DIAGNOSIS: Post-traumatic arthritis of the left hip.\nPROCEDURE: Left hip arthrodesis with iliac crest graft.\nANESTHESIA: General endotracheal anesthesia.\nSPECIMENS: None.\nDESCRIPTION OF PROCEDURE: The patient, a 31-year-old man, was admitted and brought to the operating room. An anterior approach to the hip was made. Next, the capsule was incised and the femoral head was dislocated. Subsequently, all remaining cartilage was burred off the femoral head and acetabulum down to bleeding bone. Cancellous graft was taken from the iliac crest through a separate incision and packed around the joint. Next, the head was reduced into the socket and a plate was screwed from the pelvis into the proximal femur. Lastly, the wound was closed in layers over a drain.\n\nWhich ICD-10-CM code(s) should be reported to support the medical necessity of this procedure?"
        )
        #expect(q.options.map(\.text) == ["M16.50", "M16.52", "M16.7", "M16.12"])
        #expect(q.answer == CorrectAnswer(label: "B", text: "M16.52"))
        #expect(
            q.rationale
                == "M16.52 is correct: the postoperative diagnosis here is “post-traumatic arthritis of the left hip”, and ICD-10-CM codes it M16.52 (Unilateral post-traumatic osteoarthritis, left hip; category M16, Osteoarthritis of hip). Code the diagnosis the procedure confirmed, the postoperative diagnosis, not the preoperative one (“end-stage left hip arthritis”). The nearest wrong codes: M16.50 leaves out the side this note documents; M16.12 is for “primary”, where this note documents “post-traumatic”."
        )
        #expect(
            q.options.first { $0.text == "M16.50" }?.rationale
                == "M16.50 (Unilateral post-traumatic osteoarthritis, unspecified hip) leaves the side unspecified; this report documents the left side, and a side the record documents is always coded."
        )
        #expect(
            q.options.first { $0.text == "M16.12" }?.rationale
                == "M16.12 (Unilateral primary osteoarthritis, left hip) is in the same category, M16, but differs in type or specificity (“primary”, not “post-traumatic”)."
        )
        #expect(
            q.options.first { $0.text == "M16.7" }?.rationale
                == "M16.7 (Other unilateral secondary osteoarthritis of hip) is in the same category, M16, but differs in type or specificity: the postoperative diagnosis here is “post-traumatic arthritis of the left hip”."
        )
    }

    @Test func aFormatV1FileStillGivesAReport() throws {
        let q = try generator.generate(itemID: "cpt:47600/vignette", seed: 2)
        #expect(
            q.stem
                == "PREOPERATIVE DIAGNOSIS: Chronic inflammation of the gallbladder.\nPOSTOPERATIVE DIAGNOSIS: Same.\nPROCEDURE: Cholecystectomy.\nANESTHESIA: General endotracheal anesthesia.\nDESCRIPTION OF PROCEDURE: A 37-year-old man was brought to the operating room, and the patient's identity and consent were checked. A right subcostal incision was made and the abdomen entered. The gallbladder was dissected from the fundus down toward the cystic duct. Subsequently, the cystic duct and artery were ligated and divided. Finally, the wound was closed in layers.\n\nWhich CPT code should be reported for this procedure?"
        )
        #expect(q.options.map(\.text) == ["47600", "47605", "47610", "47562"])
        #expect(q.answer == CorrectAnswer(label: "A", text: "47600"))
        #expect(
            q.rationale
                == "47600 (Open gallbladder removal) is correct: the note documents “A right subcostal incision was made and the abdomen entered”. It would be 47562 only if the whole operation is done through laparoscopic ports, and 47605 only if dye is injected into the ducts and x-ray pictures are taken during the open operation."
        )
        #expect(
            q.options.first { $0.text == "47562" }?.rationale
                == "47562 (Laparoscopic gallbladder removal) would be reported instead only if the whole operation is done through laparoscopic ports; here, the gallbladder is removed through an open abdominal incision from the start."
        )
        #expect(
            q.options.first { $0.text == "47610" }?.rationale
                == "47610 (open gallbladder removal with exploration of the common bile duct) would be reported instead only if the common bile duct is opened during the open operation to clear stones; this note documents nothing of the kind."
        )
        #expect(
            q.options.first { $0.text == "47605" }?.rationale
                == "47605 (open gallbladder removal with a cholangiogram during the operation) would be reported instead only if dye is injected into the ducts and x-ray pictures are taken during the open operation; this note documents nothing of the kind."
        )
    }
}
