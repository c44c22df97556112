import Foundation

/// The one FNV-1a of codedrill: stable hashes of text and bytes (content hashes, item ranks, word
/// ids, Aiken question ids), the same in every process and on every platform — unlike `Hasher`,
/// which is seeded per process. Not for security.
public enum Fingerprint {
    /// The fingerprint of `data` as 16 hex digits.
    public static func hex(of data: Data) -> String {
        hexDigits(value(of: data), count: 16)
    }

    /// The fingerprint of `data`.
    public static func value(of data: Data) -> UInt64 {
        data.withUnsafeBytes { value(of: $0) }
    }

    /// The fingerprint of a string's UTF-8 bytes.
    public static func value(of text: String) -> UInt64 {
        var text = text
        return text.withUTF8 { value(of: UnsafeRawBufferPointer($0)) }
    }

    /// The 32-bit FNV-1a of a string's UTF-8 bytes as eight hex digits: the short suffix of Aiken
    /// question ids (32 bits, so that ids already stored in progress databases keep their value).
    public static func shortHex(of text: String) -> String {
        var hash: UInt32 = 0x811C_9DC5
        for byte in text.utf8 { hash = step(byte, hash, prime: 0x0100_0193) }
        return hexDigits(hash, count: 8)
    }

    /// FNV-1a over `bytes`.
    private static func value(of bytes: UnsafeRawBufferPointer) -> UInt64 {
        var hash = start
        for byte in bytes { hash = adding(byte, to: hash) }
        return hash
    }

    /// The fingerprint of no bytes: where a fingerprint built byte by byte starts.
    public static let start: UInt64 = 0xcbf2_9ce4_8422_2325

    /// `hash` with one more byte (for callers that hash bytes as they scan them).
    @inlinable @inline(__always)
    public static func adding(_ byte: UInt8, to hash: UInt64) -> UInt64 {
        step(byte, hash, prime: 0x0000_0100_0000_01b3)
    }

    /// One FNV-1a step at any width: xor the byte in, multiply by the width's prime.
    @usableFromInline @inline(__always)
    static func step<Hash: FixedWidthInteger & UnsignedInteger>(_ byte: UInt8, _ hash: Hash, prime: Hash) -> Hash {
        (hash ^ Hash(byte)) &* prime
    }

    /// `value` in lower-case hex, zero-padded to `count` digits.
    private static func hexDigits<Hash: BinaryInteger>(_ value: Hash, count: Int) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: count - digits.count) + digits
    }
}
