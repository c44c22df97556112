import SourceText

/// The coding system a content file's code belongs to.
public enum CodeSystem: String, Sendable, Codable, CaseIterable {
    /// AMA Current Procedural Terminology (codes named only; descriptors are never copied).
    case cpt = "CPT"
    /// HCPCS Level II.
    case hcpcs = "HCPCS"
    /// ICD-10-PCS (inpatient procedures).
    case icd10pcs = "ICD-10-PCS"
    /// ICD-10-CM (diagnoses): the system of diagnosis-scenario files, never of a procedure.
    case icd10cm = "ICD-10-CM"

    /// The prefix of item ids built from codes of this system (`cpt:27284/vignette`).
    public var itemPrefix: String {
        switch self {
        case .cpt: "cpt"
        case .hcpcs: "hcpcs"
        case .icd10pcs: "pcs"
        case .icd10cm: "icd"
        }
    }
}

/// Body side, for sided crosswalks, diagnoses and vignettes.
public enum Side: String, Sendable, Codable, CaseIterable {
    /// The patient's right.
    case right
    /// The patient's left.
    case left
    /// Both sides.
    case bilateral
}

/// Sex constraint for vignettes' patients.
public enum PatientSex: String, Sendable, Codable, CaseIterable {
    /// Female patients only (e.g. hysterectomy).
    case female
    /// Male patients only.
    case male
    /// Either.
    case any
}

/// Who the vignettes' patient may be.
public struct PatientProfile: Sendable, Hashable, Codable {
    /// Allowed sex.
    public var sex: PatientSex
    /// Youngest age in years.
    public var minimumAge: Int
    /// Oldest age in years.
    public var maximumAge: Int
    /// The age in days or months, when the file gives it so (newborn and infant codes); `minimumAge`
    /// and `maximumAge` then hold the same range in whole years.
    public var youngAge: YoungAge?

    /// The default: any adult from 18 to 85.
    public static let adult = PatientProfile(sex: .any, minimumAge: 18, maximumAge: 85)

    /// Creates a profile.
    public init(sex: PatientSex, minimumAge: Int, maximumAge: Int, youngAge: YoungAge? = nil) {
        self.sex = sex
        self.minimumAge = minimumAge
        self.maximumAge = maximumAge
        self.youngAge = youngAge
    }
}

/// A patient age given in days or months (`age: 1-28 days`, `age: 2-23 months`).
public struct YoungAge: Sendable, Hashable, Codable {
    /// Days or months.
    public enum Unit: String, Sendable, Hashable, Codable {
        /// Days of life (newborn codes).
        case days
        /// Months of life (infant codes).
        case months
    }

    /// The unit of `range`.
    public var unit: Unit
    /// Youngest and oldest age in `unit`.
    public var range: ClosedRange<Int>

    /// Creates an age range in days or months.
    public init(unit: Unit, range: ClosedRange<Int>) {
        self.unit = unit
        self.range = range
    }

    /// Whole years of an age of `value` in `unit` (0 for days, months ÷ 12).
    public func years(_ value: Int) -> Int { unit == .days ? value / 365 : value / 12 }
}

/// An alternative code: what would move a coder from this procedure's code to a neighbouring one
/// (format v2 `instead`; format v1 `contrasts`).
public struct Contrast: Sendable, Hashable, Codable {
    /// The neighbouring code.
    public var code: String
    /// Clause completing "the coder would choose `code` when …".
    public var when: String
    /// A sentence a note of this procedure would contain that shows the neighbour does not apply.
    public var rulesOut: String?
    /// True when no contrast back is required.
    public var oneway: Bool
    /// What the other code is, in the author's words, when it is not in the library (v2 `describe`).
    public var describe: String?
    /// The one side the other code exists for, when it is not in the library (v2 `side`: a
    /// bilobectomy, 32482, is of the right lung, which alone has three lobes).
    public var side: Side?
    /// Where the contrast's `code` value is written.
    public var location: SourceLocation

    /// Creates a contrast.
    public init(
        code: String, when: String, rulesOut: String? = nil, oneway: Bool = false, describe: String? = nil,
        side: Side? = nil, location: SourceLocation
    ) {
        self.code = code
        self.when = when
        self.rulesOut = rulesOut
        self.oneway = oneway
        self.describe = describe
        self.side = side
        self.location = location
    }
}

/// A typical ICD-10-CM diagnosis for the procedure's indications.
public struct Diagnosis: Sendable, Hashable, Codable {
    /// The code as written (with or without the dot).
    public var code: String
    /// The side the code encodes, when it is sided.
    public var side: Side?
    /// The condition in the author's words (v2: the postoperative diagnosis as the surgeon writes it).
    public var text: String
    /// The preoperative diagnosis, when it differs from `text`.
    public var preop: String?
    /// The pathology result that decides the code, if any.
    public var pathology: String?
    /// Further conditions the same case documents and codes with this one (v2 `also`), reported after
    /// it in this order (both menisci torn: the medial tear, then the lateral tear).
    public var also: [AdditionalDiagnosis]
    /// Why the codes are reported in this order, when an ICD-10-CM instruction decides it (v2 `order`,
    /// a sentence: "The Tabular List at K60.3- says to code first the Crohn's disease"). Without it
    /// the rationale calls the first code the reason for the procedure.
    public var order: String?
    /// The wrong codes a coder is most likely to choose for this case (v2 `traps`), each with what
    /// the documentation would have to say for it: offered first in `diagnosis` and `code-set` questions.
    public var traps: [DiagnosisTrap]
    /// Where the code is written.
    public var location: SourceLocation

    /// Creates a diagnosis.
    public init(
        code: String, side: Side?, text: String, preop: String? = nil, pathology: String? = nil, also: [AdditionalDiagnosis] = [],
        order: String? = nil, traps: [DiagnosisTrap] = [], location: SourceLocation
    ) {
        self.code = code
        self.side = side
        self.text = text
        self.preop = preop
        self.pathology = pathology
        self.also = also
        self.order = order
        self.traps = traps
        self.location = location
    }

    /// The code without the dot, upper-case (the form of the official tables).
    public var normalizedCode: String { ICD10.normalize(code) }
}

/// A second ICD-10-CM code reported with a diagnosis for the same case (both menisci torn: the medial
/// tear and the lateral tear), with the condition in the surgeon's words.
public struct AdditionalDiagnosis: Sendable, Hashable, Codable {
    /// The code as written (with or without the dot).
    public var code: String
    /// The condition in the author's words, as the postoperative diagnosis names it.
    public var text: String
    /// Where the code is written.
    public var location: SourceLocation

    /// Creates an additional diagnosis.
    public init(code: String, text: String, location: SourceLocation) {
        self.code = code
        self.text = text
        self.location = location
    }

    /// The code without the dot, upper-case.
    public var normalizedCode: String { ICD10.normalize(code) }
}

/// A wrong ICD-10-CM code a coder is likely to choose for a diagnosis (v2 `traps`): a sibling of
/// another specificity, the sign instead of the definitive diagnosis, a related status code.
public struct DiagnosisTrap: Sendable, Hashable, Codable {
    /// The code as written (with or without the dot).
    public var code: String
    /// What the documentation would have to say for this code, a lower-case clause completing
    /// "it would be coded if …" ("the appendix had ruptured and a walled-off abscess had formed").
    public var when: String
    /// Where the code is written.
    public var location: SourceLocation

    /// Creates a trap.
    public init(code: String, when: String, location: SourceLocation) {
        self.code = code
        self.when = when
        self.location = location
    }

    /// The code without the dot, upper-case.
    public var normalizedCode: String { ICD10.normalize(code) }
}

/// An ICD-10-PCS code in a crosswalk, with where it is written.
public struct PCSCode: Sendable, Hashable, Codable {
    /// The seven-character code.
    public var code: String
    /// The side it applies to, or `nil` for an unsided procedure.
    public var side: Side?
    /// Where it is written.
    public var location: SourceLocation

    /// Creates a crosswalk entry.
    public init(code: String, side: Side?, location: SourceLocation) {
        self.code = code
        self.side = side
        self.location = location
    }
}

/// One step of the operation as an operative note narrates it.
public struct Step: Sendable, Hashable, Codable {
    /// The sentence, without list marker or emphasis.
    public var text: String
    /// True when this step decides the code against its neighbours (written in `**…**`).
    public var isKey: Bool
    /// Where the step is written.
    public var location: SourceLocation

    /// Creates a step.
    public init(text: String, isKey: Bool, location: SourceLocation) {
        self.text = text
        self.isKey = isKey
        self.location = location
    }
}

/// One procedure as described by one content file.
public struct Procedure: Sendable, Hashable, Codable {
    /// The code (`27284`).
    public var code: String
    /// The code's system.
    public var system: CodeSystem
    /// Short title, in the author's words.
    public var title: String
    /// Section path components (`["Surgery", "Musculoskeletal System", "Pelvis and Hip Joint"]`).
    public var section: [String]
    /// Family of confusable codes, if any.
    public var family: String?
    /// Who the vignettes' patient may be.
    public var patient: PatientProfile
    /// The content format the file is written in: 1 or 2.
    public var format: Int
    /// Alternatives (`instead`, or v1 `contrasts`): neighbouring codes and what moves the coder there.
    public var contrasts: [Contrast]
    /// Codes reported as well, with their triggers (v2 `in_addition`).
    public var additions: [Addition]
    /// Work included in this code (v2 `included`).
    public var inclusions: [Inclusion]
    /// Modifiers that apply and when (v2 `modifiers`).
    public var modifiers: [ModifierUse]
    /// Where the service happens, usual first (v2 `setting`; empty when not given).
    public var settings: [CareSetting]
    /// Usual anesthesia, usual first (v2 `anesthesia`; empty when not given).
    public var anesthesia: [AnesthesiaType]
    /// How a report names the procedure (v2 `report`).
    public var report: ReportWording?
    /// What the surgeon saw, each a sentence (v2 `findings`).
    public var findings: [String]
    /// The CPT index path a coder follows to this code (`Arthrodesis, hip joint`; v2 `index`).
    public var indexPath: String?
    /// Inpatient ICD-10-PCS crosswalk, by side or unsided.
    public var pcs: [PCSCode]
    /// Whether one `icd10pcs` code is the whole inpatient coding of a case (v2 `icd10pcs_complete`,
    /// default true); false when the case needs more codes (an osteotomy, a separately harvested graft),
    /// so a question asking for one code would be wrong.
    public var pcsComplete = true
    /// Anesthesia and HCPCS drug facts (v2 `base_units`, `minutes`, `physical_status`, `unit`, `dose`).
    public var service = ServiceFacts()
    /// Typical ICD-10-CM diagnoses.
    public var diagnoses: [Diagnosis]
    /// What decides an E/M code and its authored visit cases (front-matter `visit`); `nil` for procedures.
    public var visit: VisitFacts?
    /// Exam-topic and section tags.
    public var tags: [String]
    /// Lay summary paragraphs.
    public var summary: [String]
    /// Typical candidates, one per bullet.
    public var indications: [String]
    /// Steps in operative order.
    public var steps: [Step]
    /// Free notes shown in rationales.
    public var notes: [String]
    /// The file's path as displayed in diagnostics.
    public var path: String
    /// Where the `code` value is written.
    public var codeLocation: SourceLocation
    /// A hash of the file's text, to notice edits (does not change item ids).
    public var contentHash: String

    /// Creates a procedure.
    public init(
        code: String, system: CodeSystem, title: String, section: [String], family: String? = nil,
        patient: PatientProfile = .adult, format: Int = 1, contrasts: [Contrast] = [], additions: [Addition] = [],
        inclusions: [Inclusion] = [], modifiers: [ModifierUse] = [], settings: [CareSetting] = [], anesthesia: [AnesthesiaType] = [],
        report: ReportWording? = nil, findings: [String] = [], indexPath: String? = nil, pcs: [PCSCode] = [],
        diagnoses: [Diagnosis] = [], tags: [String] = [], summary: [String] = [], indications: [String],
        steps: [Step], notes: [String] = [], path: String, codeLocation: SourceLocation = .init(line: 2, column: 7),
        contentHash: String = ""
    ) {
        self.format = format
        self.additions = additions
        self.inclusions = inclusions
        self.modifiers = modifiers
        self.settings = settings
        self.anesthesia = anesthesia
        self.report = report
        self.findings = findings
        self.indexPath = indexPath
        self.code = code
        self.system = system
        self.title = title
        self.section = section
        self.family = family
        self.patient = patient
        self.contrasts = contrasts
        self.pcs = pcs
        self.diagnoses = diagnoses
        self.tags = tags
        self.summary = summary
        self.indications = indications
        self.steps = steps
        self.notes = notes
        self.path = path
        self.codeLocation = codeLocation
        self.contentHash = contentHash
    }

    /// The area: for surgery the second part of the section (`Musculoskeletal System`); for other
    /// sections, and a one-part section, the first (`Evaluation and Management`).
    public var area: String { section.count > 1 && section[0] == "Surgery" ? section[1] : (section.first ?? "") }

    /// The stable item-id prefix for this procedure (`cpt:27284`).
    public var itemPrefix: String { "\(system.itemPrefix):\(code)" }
}
