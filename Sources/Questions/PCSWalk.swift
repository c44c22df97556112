import CodingContent

/// Reads an ICD-10-PCS Medical and Surgical code character by character with the official labels
/// (body system, root operation and approach are the same in every table of the section; body part,
/// device and qualifier come from the code's own table, `PCSLabels`), so a `pcs` rationale teaches
/// how the code is built and where each wrong option departs from it.
enum PCSWalk {
    /// Body systems of the Medical and Surgical section (character 2).
    static let bodySystems: [Character: String] = [
        "0": "Central Nervous System and Cranial Nerves", "1": "Peripheral Nervous System", "2": "Heart and Great Vessels",
        "3": "Upper Arteries", "4": "Lower Arteries", "5": "Upper Veins", "6": "Lower Veins", "7": "Lymphatic and Hemic Systems",
        "8": "Eye", "9": "Ear, Nose, Sinus", "B": "Respiratory System", "C": "Mouth and Throat", "D": "Gastrointestinal System",
        "F": "Hepatobiliary System and Pancreas", "G": "Endocrine System", "H": "Skin and Breast",
        "J": "Subcutaneous Tissue and Fascia", "K": "Muscles", "L": "Tendons", "M": "Bursae and Ligaments",
        "N": "Head and Facial Bones", "P": "Upper Bones", "Q": "Lower Bones", "R": "Upper Joints", "S": "Lower Joints",
        "T": "Urinary System", "U": "Female Reproductive System", "V": "Male Reproductive System",
        "W": "Anatomical Regions, General", "X": "Anatomical Regions, Upper Extremities",
        "Y": "Anatomical Regions, Lower Extremities",
    ]

    /// Root operations (character 3) with what each means, in our words.
    static let rootOperations: [Character: (name: String, meaning: String)] = [
        "0": ("Alteration", "changing a body part's form for appearance only"),
        "1": ("Bypass", "rerouting the contents of a tubular body part"),
        "2": ("Change", "exchanging a device for a like one without cutting or puncturing"),
        "3": ("Control", "stopping bleeding after a procedure"),
        "4": ("Creation", "making a new structure where none was"),
        "5": ("Destruction", "eradicating tissue by heat, cold or chemicals, leaving nothing to take out"),
        "6": ("Detachment", "cutting off all or part of an extremity"),
        "7": (
            "Dilation",
            "widening the lumen of a tubular body part; a stent left to hold a ureter or duct open is Dilation with an intraluminal device, not Insertion"
        ),
        "8": ("Division", "cutting into a body part to separate it, without draining or removing anything"),
        "9": ("Drainage", "taking or letting out fluid or gas"),
        "B": ("Excision", "cutting out or off part of a body part, without replacing it"),
        "C": ("Extirpation", "taking solid matter out of a body part"),
        "D": ("Extraction", "pulling or stripping out all or part of a body part by force"),
        "F": ("Fragmentation", "breaking solid matter into pieces"),
        "G": ("Fusion", "joining the parts of a joint so that it can no longer move"),
        "H": ("Insertion", "putting in a device that does nothing else to the body part"),
        "J": ("Inspection", "looking at a body part without any other root operation"),
        "K": ("Map", "locating the route of electrical impulses"),
        "L": ("Occlusion", "closing off the lumen of a tubular body part completely"),
        "M": ("Reattachment", "putting a detached body part back in place"),
        "N": ("Release", "freeing a body part from an abnormal constraint by cutting or force, without removing the constraint's tissue"),
        "P": ("Removal", "taking a device out of a body part"),
        "Q": ("Repair", "restoring a body part's structure and function when no other root operation applies"),
        "R": ("Replacement", "putting in a device that takes the place or function of all or part of a body part"),
        "S": ("Reposition", "moving a body part, or a fractured bone, back to its normal place"),
        "T": ("Resection", "cutting out or off all of a body part"),
        "U": ("Supplement", "putting in a device that reinforces or augments a body part, such as mesh over a hernia"),
        "V": ("Restriction", "narrowing the lumen of a tubular body part without closing it"),
        "W": ("Revision", "correcting a malfunctioning or displaced device"),
        "X": ("Transfer", "moving a body part to another place without cutting its blood and nerve supply"),
        "Y": ("Transplantation", "putting in a living body part from another person or animal"),
    ]

    /// Approaches (character 5).
    static let approaches: [Character: String] = [
        "0": "Open", "3": "Percutaneous", "4": "Percutaneous Endoscopic", "7": "Via Natural or Artificial Opening",
        "8": "Via Natural or Artificial Opening Endoscopic",
        "F": "Via Natural or Artificial Opening With Percutaneous Endoscopic Assistance",
        "X": "External",
    ]

    /// The names of characters 1–7.
    static let positions = ["section", "body system", "root operation", "body part", "approach", "device", "qualifier"]

    /// The official label of character `k` (0-based) of `code`, when known.
    static func label(_ code: [Character], _ k: Int, labels: PCSLabels = .shipped) -> String? {
        switch k {
        case 1: bodySystems[code[1]]
        case 2: rootOperations[code[2]]?.name
        case 4: approaches[code[4]]
        case 3, 5, 6: labels.label(of: String(code), position: k + 1)
        default: nil
        }
    }

    /// "Walk the characters: …" for `code`, or empty when it is not a Medical and Surgical code.
    static func walk(_ code: String, side: Side?) -> String {
        let c = Array(code.uppercased())
        guard c.count == 7, c[0] == "0" else { return "" }
        var text = "Walk the characters: 0 Medical and Surgical; \(c[1]) \(label(c, 1) ?? "body system")"
        if let root = rootOperations[c[2]] {
            text += "; \(c[2]) root operation \(root.name), \(root.meaning)"
        } else {
            text += "; \(c[2]) root operation"
        }
        let sideText = side.map { $0 == .bilateral ? " (both sides)" : " (the side is part of this character)" } ?? ""
        text += "; \(c[3]) body part " + (label(c, 3) ?? "value \(c[3])") + sideText
        text += "; \(c[4]) approach \(label(c, 4) ?? "value \(c[4])")"
        text += "; \(c[5]) device " + (label(c, 5) ?? "value \(c[5])")
        if c[6] == "X" {
            text += "; X qualifier Diagnostic: the tissue was taken for examination only."
        } else {
            text += "; \(c[6]) qualifier " + (label(c, 6) ?? "value \(c[6])") + "."
        }
        return text
    }

    /// What `code` is, from its labels: "Excision of the Sigmoid Colon, Via Natural or Artificial
    /// Opening Endoscopic", or `nil` when a label is missing.
    static func describe(_ code: String) -> String? {
        let c = Array(code.uppercased())
        guard c.count == 7, c[0] == "0", let root = label(c, 2), let part = label(c, 3), let approach = label(c, 4) else { return nil }
        var text = root + ", " + part
        if c[5] != "Z", let device = label(c, 5) { text += ", with " + device }
        if c[6] != "Z", let qualifier = label(c, 6) { text += ", " + qualifier }
        return text + ", " + approach + " approach"
    }

    /// Where `wrong` departs from `right`, with the official labels of both values: "It differs from
    /// the right code in the body part (character 4: N Sigmoid Colon instead of L Transverse Colon)".
    static func difference(_ wrong: String, from right: String) -> String {
        let w = Array(wrong.uppercased())
        let r = Array(right.uppercased())
        guard w.count == 7, r.count == 7 else { return "" }
        let places = (0..<7).filter { w[$0] != r[$0] }.map { k -> String in
            let mine = label(w, k).map { "\(w[k]) \($0)" } ?? "\(w[k])"
            let theirs = label(r, k).map { "\(r[k]) \($0)" } ?? "\(r[k])"
            return "\(positions[k]) (character \(k + 1): \(mine) instead of \(theirs))"
        }
        guard let last = places.last else { return "" }
        let list = places.count == 1 ? last : places.dropLast().joined(separator: ", ") + " and " + last
        return " It differs from the right code in the " + list + "."
    }

    /// Root operations a coder confuses with each other (character 3).
    static let confusableRoots: [Character: [Character]] = [
        "B": ["T", "D", "J"], "T": ["B", "D"], "D": ["B", "T"], "J": ["B"], "C": ["F", "B"], "F": ["C"], "7": ["H", "C"],
        "H": ["7", "U"], "P": ["W", "2"], "W": ["P"], "R": ["U", "Q"], "U": ["R", "Q"], "Q": ["U", "S"], "S": ["Q"],
        "N": ["8", "B"], "8": ["N"], "G": ["R", "S"], "5": ["B"], "9": ["C"], "L": ["V"], "V": ["L"],
    ]

    /// Valid codes one character away from `code` in the official table (valid as late as `code` is),
    /// the axes a coder gets wrong first: the root operation, the approach, the qualifier (Diagnostic or
    /// not), the device, then a body part of the same kind ("Transverse Colon" for "Sigmoid Colon").
    static func variants(of code: String, tables: ICD10Tables = .shipped, labels: PCSLabels = .shipped) -> [String] {
        let c = Array(code.uppercased())
        guard c.count == 7, c[0] == "0", let entry = tables.procedures[code.uppercased()] else { return [] }
        let horizon = entry.ranges.map(\.upperBound).max() ?? 0
        func valid(_ k: Int, _ value: Character) -> String? {
            guard value != c[k] else { return nil }
            var v = c
            v[k] = value
            let candidate = String(v)
            guard let e = tables.procedures[candidate], (e.ranges.map(\.upperBound).max() ?? 0) >= horizon else { return nil }
            return candidate
        }
        let values = Array("0123456789ABCDEFGHJKLMNPQRSTUVWXYZ")
        var axes: [[String]] = []
        axes.append((confusableRoots[c[2]] ?? []).compactMap { valid(2, $0) })
        axes.append(["0", "3", "4", "7", "8", "X"].compactMap { valid(4, Character($0)) })
        // Body parts of the same kind: the labels differ in one word ("Transverse Colon" for "Sigmoid
        // Colon", "Ulnar Nerve" for "Median Nerve"), the nearest values of the table first (it lists
        // neighbouring parts together); never "Lumbar Vertebral Joint" for "Left Knee Joint".
        if let own = label(c, 3), let position = values.firstIndex(of: c[3]) {
            let mine = own.split(separator: " ")
            let near = values.indices.sorted { abs($0 - position) < abs($1 - position) }.map { values[$0] }
            axes.append(
                near.compactMap { value -> String? in
                    guard let candidate = valid(3, value), let other = label(Array(candidate), 3) else { return nil }
                    let theirs = other.split(separator: " ")
                    guard theirs.count == mine.count, theirs.last == mine.last else { return nil }
                    return zip(theirs, mine).filter { $0 != $1 }.count == 1 ? candidate : nil
                })
        }
        axes.append(["X", "Z"].compactMap { valid(6, Character($0)) } + values.compactMap { valid(5, $0) }.prefix(2))
        // One of each axis in turn, so the first few options err in different characters.
        var result: [String] = []
        var round = 0
        while axes.contains(where: { $0.count > round }) {
            for axis in axes where axis.count > round { result.append(axis[round]) }
            round += 1
        }
        return result
    }
}
