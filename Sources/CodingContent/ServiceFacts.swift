import Foundation

/// How a service that is not an operation is documented: the first part of its `section` decides
/// which document a generated note imitates.
public enum ServiceLayout: String, Sendable, Hashable, Codable, CaseIterable {
    /// An operative report (every `Surgery` file, and anything not listed below).
    case operative
    /// An anesthesia record (`Anesthesia`).
    case anesthesia
    /// A radiology report (`Radiology`).
    case radiology
    /// A surgical pathology report (`Pathology and Laboratory` with `report.specimen`).
    case pathology
    /// A laboratory requisition and result (`Pathology and Laboratory` without a specimen line).
    case laboratory
    /// A clinic or service note (`Medicine`, and HCPCS services that are neither drugs nor supplies).
    case medicine
    /// A medication administration record (`HCPCS Level II` with `unit`).
    case medication
    /// A supply or equipment order (`HCPCS Level II` supplies and DME, `A`, `E`, `K`, `L` codes).
    case supply
}

/// An amount with its unit word (`15 mg`, `1000 cc`, `100000 units`).
public struct DrugAmount: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The number.
    public var value: Double
    /// The unit word, lower-case (`mg`, `cc`, `units`).
    public var word: String

    /// Creates an amount.
    public init(value: Double, word: String) {
        self.value = value
        self.word = word
    }

    /// Reads `NUMBER WORD` (`15 mg`, `0.1 mg`, `100,000 units`); `nil` when the text has another shape
    /// or the number is not greater than zero.
    public init?(parsing text: String) {
        let parts = text.split(separator: " ", omittingEmptySubsequences: true)
        guard parts.count == 2, let number = Double(parts[0].replacingOccurrences(of: ",", with: "")), number > 0, number.isFinite
        else { return nil }
        let word = parts[1].lowercased()
        guard word.allSatisfy({ $0.isLetter }) else { return nil }
        value = number
        self.word = word
    }

    /// `15 mg`, `0.1 mg`, `100000 units` (whole numbers without a decimal point).
    public var description: String {
        let number = value == value.rounded() ? String(Int(value)) : String(value)
        return "\(number) \(word)"
    }
}

/// A code reported once per counted thing (95004: per allergen test) and the count its notes
/// document (format v2 `units`).
public struct CountedUnits: Sendable, Hashable, Codable {
    /// The units the notes document (40 tests).
    public var count: Int
    /// What one unit is, singular, lower-case (`allergen test`).
    public var per: String

    /// Creates a count.
    public init(count: Int, per: String) {
        self.count = count
        self.per = per
    }
}

/// The facts of anesthesia and HCPCS drug files (format v2 `base_units`, `minutes`,
/// `physical_status`, `unit`, `dose`) and of codes reported per counted thing (`units`).
public struct ServiceFacts: Sendable, Hashable, Codable {
    /// Anesthesia base units, when the author is certain of them.
    public var baseUnits: Int?
    /// The anesthesia minutes a scenario draws from.
    public var minutes: ClosedRange<Int> = 30...120
    /// The ASA physical status classes (1…6) a scenario draws from.
    public var physicalStatus: [Int] = [1, 2, 3]
    /// The amount one unit of a HCPCS drug code covers.
    public var unit: DrugAmount?
    /// The doses a scenario may document as given.
    public var doses: [DrugAmount] = []
    /// A code that is not a drug, reported once per counted thing, and the count its notes document.
    public var counted: CountedUnits?

    /// No service facts.
    public init() {}

    /// Units for a physical status class under the convention the questions state: P3 1, P4 2, P5 3, else 0.
    public static func physicalStatusUnits(_ status: Int) -> Int {
        switch status {
        case 3: 1
        case 4: 2
        case 5: 3
        default: 0
        }
    }

    /// Units for a qualifying circumstance code (ASA values), or `nil` when `code` is not one.
    public static func qualifyingCircumstanceUnits(_ code: String) -> Int? {
        ["99100": 1, "99116": 5, "99135": 5, "99140": 2][code]
    }

    /// Anesthesia time units: minutes divided by 15, in tenths, rounded half up (52 → 35 tenths).
    public static func timeUnitTenths(minutes: Int) -> Int {
        (minutes * 10 * 2 + 15) / 30
    }

    /// HCPCS units billed for `dose` of a code whose unit is `unit`: the dose divided by the unit,
    /// a partial unit rounded up.
    public static func drugUnits(dose: DrugAmount, unit: DrugAmount) -> Int {
        let ratio = dose.value / unit.value
        // Amounts are written in decimals; a ratio a hair above a whole number is that whole number.
        let rounded = ratio.rounded()
        return abs(ratio - rounded) < 1e-9 ? Int(rounded) : Int(ratio.rounded(.up))
    }
}

extension Procedure {
    /// Which document a generated note imitates, from the first part of `section`.
    public var layout: ServiceLayout {
        switch section.first?.lowercased() {
        case "anesthesia"?: return .anesthesia
        case "radiology"?: return .radiology
        case "pathology and laboratory"?: return report?.specimen == nil ? .laboratory : .pathology
        case "medicine"?: return .medicine
        case "hcpcs level ii"?:
            if service.unit != nil { return .medication }
            return ["A", "E", "K", "L"].contains(code.prefix(1).uppercased()) ? .supply : .medicine
        default: return .operative
        }
    }
}
