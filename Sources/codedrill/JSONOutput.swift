import Foundation

/// The one JSON encoder setup for machine-readable output: sorted keys, compact, slashes unescaped.
enum JSONOutput {
    /// A fresh encoder with the shared settings (encoders are not `Sendable`, so none is kept globally).
    static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }
}
