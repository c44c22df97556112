import Foundation

/// The one JSON setup for command output and the line protocols: sorted keys, unescaped slashes,
/// dates as `2026-01-05T09:00:00Z`. Every encoder and decoder of the project comes from here, so that
/// the same value gives the same bytes in every command.
public enum CodedrillJSON {
    /// An encoder; `pretty` for human-readable arrays, compact for one-object-per-line streams.
    public static func encoder(pretty: Bool) -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting =
            pretty ? [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(CodedrillJSON.timestamp(date))
        }
        return encoder
    }

    /// A decoder that reads what `encoder(pretty:)` writes (dates in either ISO 8601 form `ISO8601.parse` takes).
    public static func decoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom { decoder in
            let container = try decoder.singleValueContainer()
            let text = try container.decode(String.self)
            guard let date = ISO8601.parse(text) else {
                throw DecodingError.dataCorruptedError(in: container, debugDescription: "'\(text)' is not an ISO 8601 date-time")
            }
            return date
        }
        return decoder
    }

    /// `value` as JSON text.
    public static func string<T: Encodable>(_ value: T, pretty: Bool) throws -> String {
        String(decoding: try encoder(pretty: pretty).encode(value), as: UTF8.self)
    }

    /// A date as `2026-01-05T09:00:00Z` (UTC, whole seconds), the form every JSON output uses.
    public static func timestamp(_ date: Date) -> String { ISO8601.format(date) }
}
