import Foundation
import Testing

@testable import Questions

/// Whole service notes of every layout and both numeric kinds on the services fixture
/// (`Fixtures/Services`): they pin the headings, the seeded draws and the unit arithmetic.
@Suite struct ServiceQuestionExampleTests {
    let generator = TestLibraries.servicesGenerator

    @Test func aRadiologyReportHasExamIndicationTechniqueComparisonFindingsAndImpression() throws {
        let q = try generator.generate(itemID: "cpt:71046/vignette-entry", seed: 2)
        #expect(
            q.stem
                == "EXAM: Chest radiographs: PA and lateral.\nCLINICAL INDICATION: Cough and fever.\nTECHNIQUE: A 32-year-old woman was seen in the imaging department. A frontal posteroanterior view and a left lateral view of the chest were obtained. The images were obtained at full inspiration with the patient standing.\nCOMPARISON: None available.\nFINDINGS: There is a dense consolidation in the right lower lobe with air bronchograms. The heart size is normal and there is no pleural effusion.\nIMPRESSION: Right lower lobe pneumonia.\n\nEnter the CPT code for this service."
        )
        #expect(q.options.map(\.text) == [])
        #expect(q.answer == CorrectAnswer(label: nil, text: "71046"))
    }

    @Test func aSurgicalPathologyReportHasSpecimenHistoryGrossMicroscopicAndDiagnosis() throws {
        let q = try generator.generate(itemID: "cpt:88305/vignette-entry", seed: 1)
        #expect(
            q.stem
                == "SPECIMEN: Colon, sigmoid, polyp, snare removal.\nCLINICAL HISTORY: 52-year-old man. Sigmoid colon polyp.\nGROSS DESCRIPTION: Received in formalin labeled with the patient's name and \"sigmoid polyp\" is a single tan polypoid fragment, 1.2 cm across, with a short stalk. The stalk margin was inked, the polyp was bisected through the stalk and entirely submitted in one cassette.\nMICROSCOPIC DESCRIPTION: Sections show colonic mucosa with crowded tubular glands lined by elongated, hyperchromatic nuclei, without invasion of the stalk.\nDIAGNOSIS: Tubular adenoma of the sigmoid colon.\n\nEnter the CPT code for this service."
        )
        #expect(q.options.map(\.text) == [])
        #expect(q.answer == CorrectAnswer(label: nil, text: "88305"))
    }

    @Test func aLabTestIsARequisitionWithItsResults() throws {
        let q = try generator.generate(itemID: "cpt:80053/vignette-entry", seed: 3)
        #expect(
            q.stem
                == "TEST ORDERED: CMP, fasting.\nPATIENT: 37-year-old man.\nREASON FOR TEST: Type 2 diabetes mellitus without complications.\nCOLLECTION AND TESTING: Blood was drawn from the left antecubital vein into a gold-top tube. The serum was run on the chemistry analyzer for the electrolytes, kidney tests, glucose and calcium together with albumin, total protein, bilirubin, alkaline phosphatase and both transaminases.\nRESULTS: Glucose 182 mg/dL; sodium, potassium, chloride, carbon dioxide, calcium, urea nitrogen and creatinine within normal limits; albumin, total protein, total bilirubin, alkaline phosphatase, AST and ALT within normal limits.\n\nEnter the CPT code for this service."
        )
        #expect(q.options.map(\.text) == [])
        #expect(q.answer == CorrectAnswer(label: nil, text: "80053"))
    }

    @Test func aMedicineServiceIsAClinicNote() throws {
        let q = try generator.generate(itemID: "cpt:93000/vignette-entry", seed: 1)
        #expect(
            q.stem
                == "SERVICE: 12-lead electrocardiogram with interpretation.\nREASON FOR VISIT: Dizziness.\nPROCEDURE NOTE: An 81-year-old man was seen in the office. A resting 12-lead tracing was recorded in the office by the medical assistant. The physician reviewed the tracing and wrote a signed interpretation.\nRESULTS: Sinus rhythm at 72 beats per minute with a first-degree AV block, PR interval 240 ms.\nASSESSMENT: First-degree atrioventricular block.\n\nEnter the CPT code for this service."
        )
        #expect(q.options.map(\.text) == [])
        #expect(q.answer == CorrectAnswer(label: nil, text: "93000"))
    }

    @Test func anAnesthesiaRecordHasStatusTypeAndTimes() throws {
        let q = try generator.generate(itemID: "cpt:00790/vignette-entry", seed: 3)
        #expect(
            q.stem
                == "ANESTHESIA RECORD\nPROCEDURE: Laparoscopic cholecystectomy.\nPREOPERATIVE DIAGNOSIS: Recurrent biliary colic with a thick-walled gallbladder.\nASA PHYSICAL STATUS: 2\nANESTHESIA TYPE: General endotracheal anesthesia.\nANESTHESIA START: 09:02. ANESTHESIA END: 10:37 (95 minutes).\nANESTHESIA COURSE: A 26-year-old woman was brought to the operating room. The patient was identified in the holding area, and the anesthesia plan and consent were reviewed. Anesthesia was induced intravenously and the trachea was intubated for the laparoscopic upper abdominal case. Anesthesia was maintained with sevoflurane in oxygen and air, with muscle relaxation during the pneumoperitoneum. Finally, at the end of the case the relaxant was reversed, the patient was extubated awake and handed over to the recovery nurse.\n\nEnter the CPT anesthesia code for this service, with its physical status modifier."
        )
        #expect(q.options.map(\.text) == [])
        #expect(q.answer == CorrectAnswer(label: nil, text: "00790-P2"))
    }

    @Test func aDrugIsAMedicationAdministrationRecord() throws {
        let q = try generator.generate(itemID: "hcpcs:J2405/vignette-entry", seed: 1)
        #expect(
            q.stem
                == "MEDICATION ADMINISTRATION RECORD\nORDER: Ondansetron 4 mg intravenous, single dose.\nDIAGNOSIS: Nausea with vomiting.\nDOSE GIVEN: 4 mg.\nADMINISTRATION: A 40-year-old man was seen in the emergency department. The order, allergies and the patient's identity were checked. The drug was given by slow push through the intravenous line. The patient's nausea was reassessed after 30 minutes.\n\nEnter the HCPCS Level II code for this service."
        )
        #expect(q.options.map(\.text) == [])
        #expect(q.answer == CorrectAnswer(label: nil, text: "J2405"))
        // The rationale counts the units of the dose given, as the claim line needs them.
        #expect(q.rationale.contains("On the claim the line carries 4 units: J2405 covers 1 mg per unit and 4 mg was given (J2405 × 4)."))
    }

    @Test func equipmentIsASupplyOrderAndItsModifierQuestionSaysHCPCS() throws {
        let q = try generator.generate(itemID: "hcpcs:E0143/modifier", seed: 2)
        #expect(
            q.stem
                == "SUPPLY AND EQUIPMENT ORDER\nITEM: Folding two-wheeled walker, height adjustable.\nDIAGNOSIS: Unsteadiness on feet.\nNOTE: The patient, a 78-year-old woman, was seen in the office. The walker was sold to the patient as new equipment. A folding walker with two front wheels was adjusted to wrist height. The patient practiced walking and turning with it under supervision.\n\nWhich modifier should be appended to HCPCS code E0143 for this service?"
        )
        #expect(q.options.map(\.text) == ["UE", "RR", "NU", "No modifier is needed"])
        #expect(q.answer == CorrectAnswer(label: "C", text: "NU"))
    }

    @Test func anesthesiaUnitsAddBaseTimeStatusAndCircumstance() throws {
        let q = try generator.generate(itemID: "cpt:00790/anesthesia-units", seed: 2)
        #expect(
            q.stem
                == "ANESTHESIA RECORD\nPROCEDURE: Laparoscopic cholecystectomy.\nPREOPERATIVE DIAGNOSIS: Recurrent biliary colic with a thick-walled gallbladder.\nASA PHYSICAL STATUS: 4\nANESTHESIA TYPE: General endotracheal anesthesia.\nANESTHESIA START: 12:45. ANESTHESIA END: 14:58 (133 minutes).\nANESTHESIA COURSE: A 74-year-old woman was brought to the operating room. The patient is older than seventy, which the anesthesiologist recorded as a qualifying circumstance. The patient was identified in the holding area, and the anesthesia plan and consent were reviewed. Standard monitors were applied in the operating room and oxygen was given by mask. Anesthesia was induced intravenously and the trachea was intubated for the laparoscopic upper abdominal case. Anesthesia was maintained with sevoflurane in oxygen and air, with muscle relaxation during the pneumoperitoneum. At the end of the case the relaxant was reversed, the patient was extubated awake and handed over to the recovery nurse.\n\nThis anesthesia code carries 7 base units. Counting time units in 15-minute increments to one decimal place and adding the ASA values for physical status and any qualifying circumstance (as many commercial payers do; Medicare pays neither), what is the total number of anesthesia units?"
        )
        #expect(q.options.map(\.text) == [])
        #expect(q.answer == CorrectAnswer(label: nil, text: "18.9"))
        #expect(q.judge(response: "18.90").correct)
        #expect(q.judge(response: " 18.9 ").correct)
        #expect(q.judge(response: "17.9").feedback == "The qualifying circumstance units are missing: 99100 adds 1.")
        #expect(q.judge(response: "16.9").feedback == "The physical status units are missing: P4 adds 2.")
        #expect(q.judge(response: "19").feedback == "Time units are counted to one decimal here, not rounded up to whole 15-minute units.")
        #expect(!q.judge(response: "18").correct)
        #expect(
            q.rationale
                == "18.9 units: 7 base units + 8.9 time units (133 minutes ÷ 15, to one decimal) + 2 for physical status P4 + 1 for the qualifying circumstance 99100 = 18.9. Anesthesia time runs from the start to the end time on the record: it begins when the anesthesia provider starts preparing the patient for anesthesia and ends when the patient is handed over to postoperative care, and the minutes spent on a service reported separately, such as a nerve block placed for postoperative pain at the surgeon's request, are left out of it. Physical status P1, P2 and P6 add no units, P3 adds 1, P4 2 and P5 3; the class is reported as modifier P4 on the anesthesia code. The record documents a qualifying circumstance (the patient is younger than one year or older than seventy), reported with add-on code 99100, which adds 1 under the ASA values (99100 1, 99140 2, 99116 and 99135 5). Convention of this question: time units to one decimal, ASA physical status and qualifying-circumstance values; Medicare pays neither, and payers differ on time rounding."
        )
    }

    /// An anesthesia code set: the key carries the P modifier of the record's ASA PHYSICAL STATUS
    /// line; the told emergency brings 99140 and marks the class (3E), and the question asks for the
    /// physical status modifier by name. Three decisions (the code 00790, 99140 left out, the diagnosis
    /// K57.33, an official sibling with bleeding) in the balanced design: each distractor gets two of
    /// them wrong, and 00840, 99140 and K57.32 each vary.
    @Test func anAnesthesiaCodeSetCarriesTheRecordsPhysicalStatus() throws {
        let q = try generator.generate(itemID: "cpt:00840/code-set", seed: 4)
        #expect(
            q.stem
                == "ANESTHESIA RECORD\nPROCEDURE: Laparoscopic sigmoid colectomy.\nPREOPERATIVE DIAGNOSIS: Recurrent sigmoid diverticulitis.\nASA PHYSICAL STATUS: 3E\nANESTHESIA TYPE: General endotracheal anesthesia.\nANESTHESIA START: 14:21. ANESTHESIA END: 16:15 (114 minutes).\nANESTHESIA COURSE: A 22-year-old man was brought to the operating room. The patient was identified, and the anesthesia plan, fasting status and consent were reviewed. Standard monitors were applied and the patient was preoxygenated. A rapid-sequence intravenous induction was performed and the trachea was intubated for the lower abdominal laparoscopy. Anesthesia was maintained with desflurane in oxygen and air, and intravenous antibiotics were given before incision. The case was booked as an emergency because a delay threatened the patient, and the record marks it as such. Lastly, the patient was extubated awake at the end of the operation and handed over to the recovery nurse.\n\nWhich code set should be reported for this service (CPT anesthesia code with its physical status modifier and any add-on code, then ICD-10-CM)?"
        )
        #expect(
            q.options == [
                QuestionOption(
                    label: "A", text: "00840-P3, 99140, K57.32", correct: true,
                    rationale:
                        "00840-P3, 99140, K57.32 is the code set this note supports. 00840 (Anesthesia for an intraperitoneal procedure of the lower abdomen, laparoscopic or open) is correct: the surgeon worked in the right lower quadrant and the pelvis. It would be 00790 only if the intraperitoneal operation is in the upper abdomen, such as a gallbladder or stomach operation. Index: Anesthesia, abdomen, intraperitoneal. The record documents ASA physical status 3, reported as modifier P3 on the anesthesia code: every anesthesia code carries its P1–P6 class. The same class sets the physical status units when the anesthesia units are counted (P3 adds 1, P4 2, P5 3; P1, P2 and P6 none). Also report 99140: an emergency makes any delay in treatment a serious threat to life or body part, and the note documents it (“The case was booked as an emergency because a delay threatened the patient, and the record marks it as such”). K57.32 is correct: the diagnosis on the anesthesia record here is “recurrent sigmoid diverticulitis”, and ICD-10-CM codes it K57.32 (Diverticulitis of large intestine without perforation or abscess without bleeding; category K57, Diverticular disease of intestine)."
                ),
                QuestionOption(
                    label: "B", text: "00790-P3, K57.32", correct: false,
                    rationale:
                        "Two decisions are wrong. Code: 00790 (Anesthesia for an intraperitoneal procedure of the upper abdomen, laparoscopic or open) would be reported instead only if the intraperitoneal operation is in the upper abdomen, such as a gallbladder or stomach operation. This note shows instead: The surgeon worked in the right lower quadrant and the pelvis. Additional service: 99140 is missing: it is reported in addition when an emergency makes any delay in treatment a serious threat to life or body part, and the note documents that."
                ),
                QuestionOption(
                    label: "C", text: "00840-P3, K57.33", correct: false,
                    rationale:
                        "Two decisions are wrong. Additional service: 99140 is missing: it is reported in addition when an emergency makes any delay in treatment a serious threat to life or body part, and the note documents that. Diagnosis: K57.33 (Diverticulitis of large intestine without perforation or abscess with bleeding) is in the same category, K57, but differs in a “with” or “without” element of its title: the diagnosis on the anesthesia record here is “recurrent sigmoid diverticulitis”."
                ),
                QuestionOption(
                    label: "D", text: "00790-P3, 99140, K57.33", correct: false,
                    rationale:
                        "Two decisions are wrong. Code: 00790 (Anesthesia for an intraperitoneal procedure of the upper abdomen, laparoscopic or open) would be reported instead only if the intraperitoneal operation is in the upper abdomen, such as a gallbladder or stomach operation. This note shows instead: The surgeon worked in the right lower quadrant and the pelvis. Diagnosis: K57.33 (Diverticulitis of large intestine without perforation or abscess with bleeding) is in the same category, K57, but differs in a “with” or “without” element of its title: the diagnosis on the anesthesia record here is “recurrent sigmoid diverticulitis”."
                ),
            ])
        #expect(q.answer == CorrectAnswer(label: "A", text: "00840-P3, 99140, K57.32"))
    }

    @Test func drugUnitsRoundAPartialUnitUp() throws {
        let q = try generator.generate(itemID: "hcpcs:J2550/drug-units", seed: 4)
        #expect(
            q.stem
                == "MEDICATION ADMINISTRATION RECORD\nORDER: Promethazine 12.5 mg IM once.\nDIAGNOSIS: Nausea with vomiting.\nDOSE GIVEN: 12.5 mg.\nADMINISTRATION: A 65-year-old woman was seen in the emergency department. The order, allergies and the patient's identity were checked. The drug was injected deep into the right gluteal muscle. The patient was observed for drowsiness for 30 minutes.\n\nHow many units of HCPCS code J2550 should be reported for the dose given?"
        )
        #expect(q.options.map(\.text) == [])
        #expect(q.answer == CorrectAnswer(label: nil, text: "1"))
        #expect(q.judge(response: "1").correct)
        #expect(q.judge(response: "0.25").feedback == "Units are whole numbers: round a partial unit up.")
        #expect(q.judge(response: "12.5").feedback == "The units are the dose divided by the 50 mg the code covers, not the dose itself.")
        #expect(
            q.rationale
                == "1 unit: J2550 covers 50 mg per unit and 12.5 mg was given, so 12.5 mg ÷ 50 mg = 0.25, rounded up to 1: a partial unit is billed as a whole unit. Divide the dose given by the amount the code names; report the result as the units of the line (J2550 × 1)."
        )
    }

}
