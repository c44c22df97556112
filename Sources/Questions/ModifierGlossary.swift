import CodingContent
import Determinism
import Foundation

/// What each common CPT/HCPCS modifier means, in our own words, and which modifiers students
/// confuse with it (the wrong options of `modifier` questions).
enum ModifierGlossary {
    /// The meaning of a modifier, as a clause ("the service took substantially more work than usual").
    static let meaning: [String: String] = [
        "22": "the documented work was substantially greater than the procedure usually takes, with the reason stated",
        "26": "only the physician's interpretation of a test with a professional and a technical part is reported",
        "TC": "only the equipment, staff and supplies of a test with a professional and a technical part are reported",
        "50": "the same procedure was done on both sides in one session",
        "51": "several procedures were done in one session and this one is not the main one",
        "52":
            "the service was reduced or not completed as described, by the physician's choice or because its goal could not be reached, such as a colonoscopy that does not reach the cecum",
        "53": "the physician stopped the procedure after it began because continuing threatened the patient",
        "58": "a planned or staged procedure, or a more extensive one, was done by the same physician during the global period",
        "59": "a procedure that is normally bundled was distinct here: another site, lesion, incision or session",
        "62": "two surgeons each did a distinct part of one procedure and each reports it as co-surgeon",
        "73": "the facility reports a procedure cancelled after preparation but before anesthesia was given",
        "74": "the facility reports a procedure stopped after anesthesia was given or the procedure began",
        "76": "the same physician repeated the same procedure later the same day",
        "77": "a different physician repeated the same procedure",
        "78": "an unplanned return to the operating room for a complication of the first operation during its global period",
        "79": "an unrelated procedure by the same physician during the global period of an earlier one",
        "XS": "a normally bundled procedure was done on a separate organ or structure",
        "XE": "a normally bundled procedure was done at a separate encounter",
        "XU": "a normally bundled service did not overlap the main one",
        "XP": "a normally bundled service was done by a different practitioner",
        "33": "a preventive service that a commercial payer must cover without cost sharing, such as an average-risk screening colonoscopy",
        "PT": "a Medicare colorectal cancer screening became diagnostic or therapeutic because a finding was biopsied or removed",
        "54": "the physician did the procedure only and handed the postoperative care to another physician",
        "55": "the physician provided only the postoperative care after another physician's procedure",
        "56": "the physician provided only the preoperative evaluation",
        "RT": "the procedure was on the right side",
        "LT": "the procedure was on the left side",
        "AA": "the anesthesiologist personally performed the anesthesia service",
        "AD": "a physician medically supervised more than four concurrent anesthesia cases",
        "QK": "an anesthesiologist medically directed two, three or four concurrent anesthesia cases",
        "QY": "an anesthesiologist medically directed one nurse anesthetist",
        "QX": "a nurse anesthetist gave the anesthesia under a physician's medical direction",
        "QZ": "a nurse anesthetist gave the anesthesia without medical direction by a physician",
        "QS": "the anesthesia service was monitored anesthesia care",
        "G8": "monitored anesthesia care was given for a deep, complex or markedly invasive procedure",
        "G9": "monitored anesthesia care was given for a patient with a history of a severe cardiopulmonary condition",
        "23": "general anesthesia was needed for a procedure usually done under local or no anesthesia",
        "47": "the surgeon gave the regional or general anesthesia for his or her own procedure",
        "JW": "part of a single-dose container was discarded and the discarded amount is reported",
        "JZ": "no part of a single-dose container was discarded",
        "RR": "the equipment is rented",
        "NU": "the equipment is purchased new",
        "UE": "the equipment is purchased used",
        "KX": "the payer's documented coverage requirements for the item or service are met",
        "GA": "a signed advance beneficiary notice is on file for a service expected to be denied",
        "GY": "the item or service is excluded from Medicare by statute or is not a Medicare benefit",
        "GZ": "the item or service is expected to be denied as not reasonable and necessary and no advance notice is on file",
    ]

    /// Modifiers a student might pick instead of `modifier`, none of which means the same thing.
    static func confusable(with modifier: String) -> [String] {
        confusables[modifier] ?? listConfusable(with: modifier)
    }

    /// `confusable(with:)` of every modifier with a meaning, listed once.
    private static let confusables: [String: [String]] = Dictionary(
        uniqueKeysWithValues: meaning.keys.map { ($0, listConfusable(with: $0)) })

    /// Lists the confusable modifiers of `modifier` (builds the table on every call: use `confusable(with:)`).
    private static func listConfusable(with modifier: String) -> [String] {
        let groups: [String: [String]] = [
            "22": ["52", "62", "53", "76"],
            "52": ["53", "74", "22", "73"],
            "53": ["52", "74", "73", "22"],
            "73": ["74", "53", "52"],
            "74": ["73", "53", "52"],
            "58": ["78", "79", "76"],
            "78": ["58", "79", "76"],
            "79": ["58", "78", "76"],
            "76": ["77", "78", "79"],
            "77": ["76", "78", "79"],
            "59": ["51", "76", "79", "58"],
            "XS": ["51", "76", "79", "58"],
            "51": ["59", "76", "22"],
            "50": ["76", "77", "62"],
            "26": ["TC", "52", "53"],
            "TC": ["26", "52", "53"],
            "PT": ["33", "53", "52", "73"],
            "33": ["PT", "53", "52", "74"],
            "54": ["55", "56", "79", "52"],
            "55": ["54", "56", "58"],
            "AA": ["QK", "QY", "QZ", "QX"],
            "QK": ["QY", "AA", "QX"],
            "QY": ["QK", "AA", "QX"],
            "QX": ["QZ", "QK", "AA"],
            "QZ": ["QX", "AA", "QK"],
            "QS": ["G8", "G9", "23"],
            "G8": ["G9", "QS", "23"],
            "G9": ["G8", "QS", "23"],
            "JW": ["JZ", "GA", "KX"],
            "JZ": ["JW", "GA", "KX"],
            "RR": ["NU", "UE", "KX"],
            "NU": ["RR", "UE", "KX"],
            "KX": ["GA", "GY", "GZ"],
        ]
        return (groups[modifier] ?? ["22", "52", "53", "76"]).filter { $0 != modifier }
    }

    /// "modifier 22 (the documented work was …)".
    static func described(_ modifier: String) -> String {
        descriptions[modifier] ?? describe(modifier)
    }

    /// `described(_:)` of every modifier with a meaning, written once.
    private static let descriptions: [String: String] = Dictionary(
        uniqueKeysWithValues: meaning.keys.map { ($0, describe($0)) })

    /// Writes `described(_:)`'s text.
    private static func describe(_ modifier: String) -> String {
        meaning[modifier].map { "modifier \(modifier) (\($0))" } ?? "modifier \(modifier)"
    }
}
