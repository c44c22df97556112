/// Shape checks for codes of each system (not existence: see `ICD10Tables`).
public enum CodeShape {
    /// Whether `code` has the shape of a code of `system`, and if not, what was expected.
    public static func problem(code: String, system: CodeSystem) -> String? {
        let chars = Array(code.utf8)
        func isDigit(_ c: UInt8) -> Bool { c >= 48 && c <= 57 }
        func isUpper(_ c: UInt8) -> Bool { c >= 65 && c <= 90 }
        switch system {
        case .cpt:
            // Category I: five digits; II: four digits + F; III: four digits + T; PLA: four digits + U.
            let ok =
                chars.count == 5 && chars.prefix(4).allSatisfy(isDigit)
                && (isDigit(chars[4]) || chars[4] == UInt8(ascii: "F") || chars[4] == UInt8(ascii: "T") || chars[4] == UInt8(ascii: "U"))
            return ok ? nil : "CPT code '\(code)' should be five digits, or four digits and F, T or U"
        case .hcpcs:
            let ok = chars.count == 5 && isUpper(chars[0]) && chars[0] <= UInt8(ascii: "V") && chars.dropFirst().allSatisfy(isDigit)
            return ok ? nil : "HCPCS code '\(code)' should be a letter A-V and four digits"
        case .icd10pcs:
            let ok =
                chars.count == 7 && chars.allSatisfy { (isDigit($0) || isUpper($0)) && $0 != UInt8(ascii: "I") && $0 != UInt8(ascii: "O") }
            return ok ? nil : "ICD-10-PCS code '\(code)' should be seven characters 0-9 or A-Z (no I or O)"
        case .icd10cm:
            // A letter, a digit, a digit or letter, then optionally a dot and one to four more.
            let plain = Array(ICD10.normalize(code).utf8)
            let dots = chars.filter { $0 == UInt8(ascii: ".") }.count
            let ok =
                (3...7).contains(plain.count) && isUpper(plain[0]) && isDigit(plain[1]) && (isDigit(plain[2]) || isUpper(plain[2]))
                && plain.dropFirst(3).allSatisfy { isDigit($0) || isUpper($0) }
                && (dots == 0 ? plain.count == 3 : dots == 1 && chars.count > 3 && chars[3] == UInt8(ascii: ".") && plain.count > 3)
            return ok ? nil : "ICD-10-CM code '\(code)' should be a letter, two characters, a dot and up to four more (E11.22)"
        }
    }
}

/// Helpers for writing ICD-10 codes.
public enum ICD10 {
    /// Removes the dot and upper-cases (`m16.11` → `M1611`).
    public static func normalize(_ code: String) -> String {
        String(code.unicodeScalars.filter { $0 != "." }).uppercased()
    }

    /// Writes an ICD-10-CM code with its dot after the third character (`M1611` → `M16.11`).
    public static func dotted(_ code: String) -> String {
        let plain = normalize(code)
        guard plain.count > 3 else { return plain }
        return String(plain.prefix(3)) + "." + String(plain.dropFirst(3))
    }
}
