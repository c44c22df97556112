import Foundation
import SourceText

/// Where a service is performed; decides how a report opens and which code sets make sense.
public enum CareSetting: String, Sendable, Hashable, Codable, CaseIterable {
    /// A physician's office or clinic room.
    case office
    /// A hospital emergency department.
    case emergencyDepartment = "emergency-department"
    /// A hospital or ambulatory endoscopy unit.
    case endoscopySuite = "endoscopy-suite"
    /// Hospital outpatient or ambulatory surgery center operating room.
    case outpatientSurgery = "outpatient-surgery"
    /// An inpatient admission (the setting of ICD-10-PCS coding).
    case inpatient
    /// A hospital outpatient or free-standing imaging department.
    case imagingDepartment = "imaging-department"
    /// A hospital or independent laboratory.
    case laboratory
    /// A hospital labor and delivery unit.
    case laborAndDelivery = "labor-and-delivery"
    /// A hospital outpatient infusion or injection center.
    case infusionCenter = "infusion-center"
    /// At the patient's bedside (a ward or intensive care bed): thoracentesis, central lines, PICC.
    case bedside
    /// An interventional radiology or fluoroscopy suite (image-guided access, spinal injections).
    case interventionalSuite = "interventional-suite"
    /// A cardiac catheterization or electrophysiology laboratory (pacemakers, defibrillators).
    case cathLab = "cath-lab"

    /// Where the report says the patient was taken ("the endoscopy suite").
    public var place: String {
        switch self {
        case .office: "the procedure room of the clinic"
        case .emergencyDepartment: "a treatment room of the emergency department"
        case .endoscopySuite: "the endoscopy suite"
        case .outpatientSurgery: "the operating room of the outpatient surgery center"
        case .inpatient: "the operating room"
        case .imagingDepartment: "the imaging department"
        case .laboratory: "the laboratory"
        case .laborAndDelivery: "the labor and delivery unit"
        case .infusionCenter: "the infusion center"
        case .bedside: "the bedside"
        case .interventionalSuite: "the interventional suite"
        case .cathLab: "the cardiac catheterization laboratory"
        }
    }
}

/// The anesthesia a report names on its ANESTHESIA line.
public enum AnesthesiaType: String, Sendable, Hashable, Codable, CaseIterable {
    /// General anesthesia.
    case general
    /// A regional nerve block.
    case regional
    /// Spinal anesthesia.
    case spinal
    /// Epidural anesthesia.
    case epidural
    /// Monitored anesthesia care (MAC).
    case monitored
    /// Moderate (conscious) sedation.
    case moderateSedation = "moderate-sedation"
    /// Local infiltration by the surgeon.
    case local
    /// Topical anesthetic drops or gel.
    case topical
    /// No anesthesia.
    case none

    /// Whether this anesthesia is given in `setting`: an office uses topical or local anesthetic,
    /// an emergency department the emergency physician's procedural sedation, a block, local or none
    /// (a splint; instructor review 15473 read sedation for one), an
    /// endoscopy suite moderate sedation or MAC; an operating room any kind but none; the bedside
    /// local anesthetic or the proceduralist's sedation; an interventional suite or catheterization
    /// laboratory local, sedation, MAC or general; labor and delivery neuraxial, general or local.
    public func fits(_ setting: CareSetting) -> Bool {
        switch setting {
        case .office: [.topical, .local, .none].contains(self)
        case .emergencyDepartment: [.moderateSedation, .local, .regional, .topical, .none].contains(self)
        case .endoscopySuite: [.moderateSedation, .monitored].contains(self)
        case .outpatientSurgery, .inpatient: self != .none
        case .imagingDepartment: [.none, .local, .moderateSedation, .monitored].contains(self)
        case .laboratory: self == .none
        case .laborAndDelivery: [.epidural, .spinal, .general, .local, .none].contains(self)
        case .infusionCenter: [.none, .local].contains(self)
        case .bedside: [.local, .moderateSedation, .topical, .none].contains(self)
        case .interventionalSuite, .cathLab: [.local, .moderateSedation, .monitored, .general].contains(self)
        }
    }

    /// The anesthesia a report in `setting` names when the file lists none that fits there.
    public static func usual(in setting: CareSetting) -> AnesthesiaType {
        switch setting {
        case .office: .local
        case .emergencyDepartment: .moderateSedation
        case .endoscopySuite: .moderateSedation
        case .outpatientSurgery, .inpatient: .general
        case .imagingDepartment, .laboratory, .infusionCenter: .none
        case .laborAndDelivery: .epidural
        case .bedside, .interventionalSuite, .cathLab: .local
        }
    }

    /// The ANESTHESIA line as a report in `setting` writes it (who gives sedation depends on the place).
    public func reportLine(in setting: CareSetting) -> String {
        guard self == .moderateSedation else { return reportLine }
        switch setting {
        case .emergencyDepartment: return "Procedural sedation administered by the emergency physician"
        case .endoscopySuite: return "Moderate sedation administered under the endoscopist's supervision"
        case .office, .outpatientSurgery, .inpatient, .imagingDepartment, .laboratory, .laborAndDelivery, .infusionCenter, .bedside,
            .interventionalSuite, .cathLab:
            return "Moderate sedation administered under the supervision of the physician performing the procedure"
        }
    }

    /// The ANESTHESIA line as a report writes it.
    public var reportLine: String {
        switch self {
        case .general: "General endotracheal anesthesia"
        case .regional: "Regional nerve block with sedation"
        case .spinal: "Spinal anesthesia"
        case .epidural: "Epidural anesthesia"
        case .monitored: "Monitored anesthesia care"
        case .moderateSedation: "Moderate sedation administered under the endoscopist's supervision"
        // The steps say which drug was infiltrated where (“Lidocaine 1 % was infiltrated around
        // the wound”); the heading line does not say it twice.
        case .local: "Local anesthesia"
        case .topical: "Topical anesthetic"
        case .none: "None"
        }
    }
}

/// How a report names the procedure (format v2 `report`).
public struct ReportWording: Sendable, Hashable, Codable {
    /// PROCEDURE lines in the surgeon's words, one drawn per question; `{side}`/`{Side}` placeholders.
    public var procedure: [String]
    /// The SPECIMENS line, if given.
    public var specimen: String?
    /// The 1-based steps every report tells (format v2 `report.told`): work a PROCEDURE line names or
    /// a decision rests on, besides the key steps, the access step and the closing steps.
    public var told: [Int]

    /// Creates report wording.
    public init(procedure: [String], specimen: String? = nil, told: [Int] = []) {
        self.procedure = procedure
        self.specimen = specimen
        self.told = told
    }

    /// Whether a PROCEDURE `line` is the file's `title` (side placeholders, case and a final period
    /// aside), which generated reports do not use; a line that only contains the title is kept.
    public static func repeatsTitle(_ line: String, title: String) -> Bool {
        func bare(_ text: String) -> String {
            var t = text.replacingOccurrences(of: "{Side}", with: "").replacingOccurrences(of: "{side}", with: "")
            t = t.trimmingCharacters(in: .whitespaces.union(CharacterSet(charactersIn: ".,")))
            return t.lowercased().split(separator: " ").joined(separator: " ")
        }
        return bare(line) == bare(title)
    }
}

/// How an `in_addition` code relates to this one.
public enum AdditionType: String, Sendable, Hashable, Codable, CaseIterable {
    /// A code reported only with a primary code (CPT `+` code).
    case addOn = "add-on"
    /// A second stand-alone service reported in the same session.
    case together
}

/// A code reported as well as this one when the documentation shows its trigger (format v2 `in_addition`).
public struct Addition: Sendable, Hashable, Codable {
    /// The other code.
    public var code: String
    /// What in the documentation triggers it (lower-case clause).
    public var when: String
    /// Add-on or a second service.
    public var type: AdditionType
    /// The modifier the other code needs in this pairing, if any.
    public var modifier: String?
    /// What the code is, in the author's words, when it is not in the library.
    public var describe: String?
    /// A sentence a report would contain when the extra service is done.
    public var note: String?
    /// The 1-based step the `note` is told instead of (`step`), when the extra service changes it.
    public var replacesStep: Int?
    /// The 1-based step the `note` is told right after (`after`); by default it comes before the closing step.
    public var afterStep: Int?
    /// How the PROCEDURE line names the extra service when the `note` is told (`{side}` placeholders),
    /// listed after the file's own line.
    public var procedure: String?
    /// What the extra service sends for examination, listed on the SPECIMENS line when the `note` is told.
    public var specimen: String?
    /// The condition the extra service treats when it is not the file's own diagnosis (v2
    /// `in_addition.diagnosis`): one unsided entry, or one per side.
    public var diagnoses: [AddedDiagnosis]
    /// The units the code's line carries where the `note` is told (v2 `units`; 1 unless given): 4 for
    /// 17003 beside four further keratoses.
    public var units: Int
    /// Whether the code is done on the main code's side and carries its side modifier (v2 `side:
    /// same`): 64480-LT beside 64479-LT, a second level of the same left-sided injection. A code
    /// outside the library is otherwise written without one (69990, the microscope, has no side).
    public var sameSide: Bool
    /// Whether every report of the main code documents it (v2 `always: true`): a vaccine product
    /// and its administration are one claim, so a code set always keys both (coder review of 90715:
    /// "90715, Z23" without 90471 on half the seeds).
    public var always: Bool
    /// Where `code` is written.
    public var location: SourceLocation

    /// Creates an addition.
    public init(
        code: String, when: String, type: AdditionType, modifier: String? = nil, describe: String? = nil, note: String? = nil,
        replacesStep: Int? = nil, afterStep: Int? = nil, procedure: String? = nil, specimen: String? = nil,
        diagnoses: [AddedDiagnosis] = [], units: Int = 1, sameSide: Bool = false, always: Bool = false, location: SourceLocation
    ) {
        self.units = units
        self.sameSide = sameSide
        self.always = always
        self.code = code
        self.when = when
        self.type = type
        self.modifier = modifier
        self.describe = describe
        self.note = note
        self.replacesStep = replacesStep
        self.afterStep = afterStep
        self.procedure = procedure
        self.specimen = specimen
        self.diagnoses = diagnoses
        self.location = location
    }

    /// The diagnosis the extra service supports in a scenario on `side`: the entry of that side, else
    /// an unsided one; `nil` when the entry gives none (the file's own diagnosis supports it).
    public func diagnosis(for side: Side?) -> AddedDiagnosis? {
        diagnoses.first { $0.side != nil && $0.side == side } ?? diagnoses.first { $0.side == nil }
    }

    /// Whether the `note` sends tissue or fluid for examination ("sent in its own jar", "a second punch
    /// biopsy", "sampled with six cores"), other than the file's own specimen ("the specimen was
    /// sent", "the biopsied segment"): such a service has a specimen of its own for the SPECIMENS line.
    public var noteSendsSpecimen: Bool {
        guard let note else { return false }
        let lowered = note.lowercased()
        if lowered.contains("the specimen") { return false }
        // "The biopsied segment", "the biopsy site": the file's own work, named with "the".
        let words = lowered.split { !$0.isLetter }.map(String.init)
        let takes: Set<String> = ["sent", "jar", "container", "biopsy", "biopsies", "biopsied", "sampled", "cores"]
        return words.indices.contains { k in takes.contains(words[k]) && (k == 0 || words[k - 1] != "the") }
    }
}

/// The ICD-10-CM code of the condition an `in_addition` service treats, when it is not the file's
/// own diagnosis (a deviated septum straightened beside a turbinate reduction), with the surgeon's
/// words for it (format v2 `in_addition.diagnosis`).
public struct AddedDiagnosis: Sendable, Hashable, Codable {
    /// The code as written (with or without the dot).
    public var code: String
    /// The side the code encodes, when it is sided.
    public var side: Side?
    /// The condition as the postoperative diagnosis names it.
    public var text: String
    /// The condition as the preoperative diagnosis names it, when it was known before the operation.
    public var preop: String?
    /// Where the code is written.
    public var location: SourceLocation

    /// Creates an added diagnosis.
    public init(code: String, side: Side? = nil, text: String, preop: String? = nil, location: SourceLocation) {
        self.code = code
        self.side = side
        self.text = text
        self.preop = preop
        self.location = location
    }

    /// The code without the dot, upper-case.
    public var normalizedCode: String { ICD10.normalize(code) }
}

/// What a documentation note (an `in_addition` or `modifiers` `note`) may say: what happened, never
/// how it is billed.
public enum NoteWording {
    /// Words that state a coding or billing conclusion rather than a fact of the encounter.
    static let conclusions: Set<String> = [
        "billing", "billed", "bill", "bills", "global", "package", "claim", "claims", "reimbursed", "reimbursement", "payable",
        "modifier", "reportable", "coded",
    ]
    /// Phrases that state a coding or billing conclusion.
    static let conclusionPhrases = [
        "interpretation and report only", "professional component", "technical component", "reported separately",
        "separately reported",
    ]

    /// The word or phrase of `note` that states a coding conclusion ("billing", "professional
    /// component", "global"), or `nil` when the note only documents what happened.
    public static func codingConclusion(in note: String) -> String? {
        let lowered = note.lowercased()
        if let phrase = conclusionPhrases.first(where: { lowered.contains($0) }) { return phrase }
        return lowered.split { !$0.isLetter }.map(String.init).first { conclusions.contains($0) }
    }
}

/// Why work is part of a code and not reported separately.
public enum InclusionReason: String, Sendable, Hashable, Codable, CaseIterable {
    /// The code's own description covers the work.
    case descriptor
    /// CPT's global surgical package.
    case surgicalPackage = "surgical-package"
    /// A surgical endoscopy includes the diagnostic endoscopy.
    case endoscopy
    /// A "separate procedure" code done as part of a larger procedure at the same site.
    case separateProcedure = "separate-procedure"
    /// An NCCI procedure-to-procedure edit or NCCI policy manual rule.
    case ncci

    /// The rule, in our words, for rationales.
    public var rule: String {
        switch self {
        case .descriptor: "the code's own description already covers this work"
        case .surgicalPackage: "it belongs to the surgical package that every surgical code carries"
        case .endoscopy: "a surgical endoscopy always includes the diagnostic endoscopy of the same session"
        case .separateProcedure:
            "a code marked as a separate procedure is not reported when it is done as part of a larger procedure at the same site"
        case .ncci: "the National Correct Coding Initiative bundles it into the main procedure"
        }
    }
}

/// Work that is part of this code and never reported separately (format v2 `included`).
public struct Inclusion: Sendable, Hashable, Codable {
    /// The work, in the author's words.
    public var service: String
    /// The code a coder might wrongly add for it.
    public var code: String?
    /// Why it is included.
    public var reason: InclusionReason
    /// The rule in the author's words, one clause.
    public var why: String?
    /// The 1-based number of the step documenting it.
    public var step: Int?
    /// Where the entry starts.
    public var location: SourceLocation

    /// Creates an inclusion.
    public init(
        service: String, code: String? = nil, reason: InclusionReason, why: String? = nil, step: Int? = nil,
        location: SourceLocation
    ) {
        self.service = service
        self.code = code
        self.reason = reason
        self.why = why
        self.step = step
        self.location = location
    }
}

/// A modifier that applies to this code, and when (format v2 `modifiers`).
public struct ModifierUse: Sendable, Hashable, Codable {
    /// The two-character modifier (`RT`, `50`, `59`, `XS`…).
    public var modifier: String
    /// The situation, lower-case clause.
    public var when: String
    /// A sentence a report would contain in that situation.
    public var note: String?
    /// The 1-based step the `note` is told instead of (a step the situation contradicts).
    public var replacesStep: Int?
    /// The 1-based step the `note` is told right after (`after`), which every such report then tells.
    public var afterStep: Int?
    /// Where `modifier` is written.
    public var location: SourceLocation

    /// Creates a modifier use.
    public init(
        modifier: String, when: String, note: String? = nil, replacesStep: Int? = nil, afterStep: Int? = nil, location: SourceLocation
    ) {
        self.modifier = modifier
        self.when = when
        self.note = note
        self.replacesStep = replacesStep
        self.afterStep = afterStep
        self.location = location
    }

    /// Whether the modifier states laterality: `RT`, `LT`, `50`, or an anatomic modifier (`F6`).
    public var isLaterality: Bool { ["RT", "LT", "50"].contains(modifier) || AnatomicModifier.named[modifier] != nil }

    /// The side the modifier reports (`RT`, `LT`, `50`, an anatomic modifier), or `nil`.
    public var side: Side? { AnatomicModifier.side(of: modifier) }
}

/// An anatomic HCPCS modifier: one finger, toe or eyelid on one side (`F6`, the right index finger),
/// reported instead of RT or LT.
public struct AnatomicModifier: Sendable, Hashable {
    /// The side of the body.
    public var side: Side
    /// The structure with its side, as a clause names it ("the right index finger").
    public var site: String
    /// The kind of structure with an article ("a finger", "a toe", "an eyelid").
    public var structure: String

    /// The anatomic modifiers by name: FA and F1–F9 (fingers), TA and T1–T9 (toes), E1–E4 (eyelids).
    public static let named: [String: AnatomicModifier] = {
        var table: [String: AnatomicModifier] = [:]
        let fingers = ["thumb", "index finger", "middle finger", "ring finger", "little finger"]
        let toes = ["great toe", "second toe", "third toe", "fourth toe", "fifth toe"]
        for (k, name) in fingers.enumerated() {
            table[k == 0 ? "FA" : "F\(k)"] = AnatomicModifier(side: .left, site: "the left " + name, structure: "a finger")
            table["F\(k + 5)"] = AnatomicModifier(side: .right, site: "the right " + name, structure: "a finger")
        }
        for (k, name) in toes.enumerated() {
            table[k == 0 ? "TA" : "T\(k)"] = AnatomicModifier(side: .left, site: "the left " + name, structure: "a toe")
            table["T\(k + 5)"] = AnatomicModifier(side: .right, site: "the right " + name, structure: "a toe")
        }
        table["E1"] = AnatomicModifier(side: .left, site: "the left upper eyelid", structure: "an eyelid")
        table["E2"] = AnatomicModifier(side: .left, site: "the left lower eyelid", structure: "an eyelid")
        table["E3"] = AnatomicModifier(side: .right, site: "the right upper eyelid", structure: "an eyelid")
        table["E4"] = AnatomicModifier(side: .right, site: "the right lower eyelid", structure: "an eyelid")
        return table
    }()

    /// The side `modifier` reports: RT right, LT left, 50 both, an anatomic modifier its side; else `nil`.
    public static func side(of modifier: String) -> Side? {
        switch modifier {
        case "RT": .right
        case "LT": .left
        case "50": .bilateral
        default: named[modifier]?.side
        }
    }
}

extension Procedure {
    /// The modifier that reports this procedure on `side`: the anatomic modifier the file lists for
    /// that side (`F6`), else RT, LT or 50.
    public func sideModifier(for side: Side) -> String {
        if side != .bilateral, let use = modifiers.first(where: { AnatomicModifier.named[$0.modifier]?.side == side }) {
            return use.modifier
        }
        switch side {
        case .right: return "RT"
        case .left: return "LT"
        case .bilateral: return "50"
        }
    }
}
