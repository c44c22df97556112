import CodingContent

/// Reads an ICD-10-PCS Medical and Surgical code character by character, in our own words, so a
/// `pcs` rationale teaches how the code is built and where each wrong option departs from it.
enum PCSWalk {
    /// Body systems of the Medical and Surgical section (character 2).
    static let bodySystems: [Character: String] = [
        "0": "Central Nervous System", "1": "Peripheral Nervous System", "8": "Eye", "9": "Ear, Nose, Sinus",
        "C": "Mouth and Throat", "D": "Gastrointestinal System", "F": "Hepatobiliary System and Pancreas",
        "H": "Skin and Breast", "J": "Subcutaneous Tissue and Fascia", "L": "Tendons", "N": "Head and Facial Bones",
        "P": "Upper Bones", "Q": "Lower Bones", "R": "Upper Joints", "S": "Lower Joints", "T": "Urinary System",
        "U": "Female Reproductive System", "W": "Anatomical Regions, General", "X": "Anatomical Regions, Upper Extremities",
        "Y": "Anatomical Regions, Lower Extremities",
    ]

    /// Root operations (character 3) with what each means, in our words.
    static let rootOperations: [Character: (name: String, meaning: String)] = [
        "7": (
            "Dilation",
            "widening the lumen of a tubular body part; a stent left to hold a ureter or duct open is Dilation with an intraluminal device, not Insertion"
        ),
        "B": ("Excision", "cutting out or off part of a body part, without replacing it"),
        "C": ("Extirpation", "taking solid matter out of a body part"),
        "D": ("Extraction", "pulling or stripping out all or part of a body part by force"),
        "G": ("Fusion", "joining the parts of a joint so that it can no longer move"),
        "H": ("Insertion", "putting in a device that does nothing else to the body part"),
        "J": ("Inspection", "looking at a body part without any other root operation"),
        "N": ("Release", "freeing a body part from an abnormal constraint by cutting or force, without removing the constraint's tissue"),
        "P": ("Removal", "taking a device out of a body part"),
        "Q": ("Repair", "restoring a body part's structure and function when no other root operation applies"),
        "R": ("Replacement", "putting in a device that takes the place or function of all or part of a body part"),
        "S": ("Reposition", "moving a body part, or a fractured bone, back to its normal place"),
        "T": ("Resection", "cutting out or off all of a body part"),
        "U": ("Supplement", "putting in a device that reinforces or augments a body part, such as mesh over a hernia"),
    ]

    /// Approaches (character 5).
    static let approaches: [Character: String] = [
        "0": "Open", "3": "Percutaneous", "4": "Percutaneous Endoscopic", "7": "Via Natural or Artificial Opening",
        "8": "Via Natural or Artificial Opening Endoscopic", "X": "External",
    ]

    /// Device values (character 6) that mean the same in every table that uses them here.
    static let devices: [Character: String] = [
        "Z": "No Device", "J": "Synthetic Substitute", "4": "Internal Fixation Device", "D": "Intraluminal Device",
    ]

    /// The names of characters 1–7.
    static let positions = ["section", "body system", "root operation", "body part", "approach", "device", "qualifier"]

    /// "Walk the characters: …" for `code`, or empty when it is not a Medical and Surgical code.
    static func walk(_ code: String, side: Side?) -> String {
        let c = Array(code)
        guard c.count == 7, c[0] == "0" else { return "" }
        var text = "Walk the characters: 0 Medical and Surgical; \(c[1]) \(bodySystems[c[1]] ?? "body system")"
        if let root = rootOperations[c[2]] {
            text += "; \(c[2]) root operation \(root.name), \(root.meaning)"
        }
        let sideText = side.map { $0 == .bilateral ? ", both sides" : ", \($0.rawValue) side (the side is part of this character)" } ?? ""
        text += "; \(c[3]) the body part\(sideText)"
        text += "; \(c[4]) approach \(approaches[c[4]] ?? "as documented")"
        text += "; \(c[5]) " + (devices[c[5]].map { "device \($0)" } ?? "the device value for the implant the note describes")
        switch c[6] {
        case "Z": text += "; Z no qualifier."
        case "X": text += "; X qualifier Diagnostic: the tissue was taken for examination only."
        default: text += "; \(c[6]) the qualifier the note supports."
        }
        return text
    }

    /// Where `wrong` departs from `right`: "it differs in the root operation (character 3) and the approach (character 5)".
    static func difference(_ wrong: String, from right: String) -> String {
        let places = zip(Array(wrong), Array(right)).enumerated().filter { $0.element.0 != $0.element.1 }.map { k, pair -> String in
            var value = "character \(k + 1)"
            if k == 2, let root = rootOperations[pair.0] { value = root.name + ", " + value }
            if k == 4, let approach = approaches[pair.0] { value = approach + ", " + value }
            if k == 6, pair.0 == "X" { value = "Diagnostic, " + value }
            return "\(positions[k]) (\(value))"
        }
        guard let last = places.last else { return "" }
        let list = places.count == 1 ? last : places.dropLast().joined(separator: ", ") + " and " + last
        return " It differs from the right code in the " + list + "."
    }
}
