/// One character of a GIFT question after escapes are resolved, with where it came from.
///
/// Moodle resolves `\~ \= \# \{ \} \: \\ \n` before it looks for structure, so an escaped
/// character is always text; only unescaped ones can be control characters.
struct GIFTCell {
    /// The character (for `\n`, a line break).
    var character: Character
    /// Whether it was written with a backslash, which makes it plain text.
    var isEscaped: Bool
    /// 1-based line in the file.
    var line: Int
    /// 1-based column in the line.
    var column: Int

    /// Whether this is the unescaped control character `control`.
    func isControl(_ control: Character) -> Bool { !isEscaped && character == control }

    /// The cell's position.
    var location: SourceLocation { SourceLocation(line: line, column: column) }
}

/// A run of cells: part of one question.
typealias GIFTCells = ArraySlice<GIFTCell>

extension ArraySlice where Element == GIFTCell {
    /// The characters as a string.
    var text: String { String(map(\.character)) }

    /// Without leading and trailing whitespace (escaped or not; Moodle trims after unescaping).
    var trimmed: GIFTCells { trimmingLeading.trimmingTrailing }

    /// Without leading whitespace.
    var trimmingLeading: GIFTCells {
        var cells = self
        while let first = cells.first, first.character.isWhitespace { cells = cells.dropFirst() }
        return cells
    }

    /// Without trailing whitespace.
    var trimmingTrailing: GIFTCells {
        var cells = self
        while let last = cells.last, last.character.isWhitespace { cells = cells.dropLast() }
        return cells
    }

    /// Index of the first unescaped `control`.
    func firstControl(_ control: Character) -> Int? {
        firstIndex { $0.isControl(control) }
    }

    /// Index of the first unescaped `first` immediately followed by an unescaped `second`.
    func firstControlPair(_ first: Character, _ second: Character, from start: Int? = nil) -> Int? {
        var index = start ?? startIndex
        while index < endIndex - 1 {
            if self[index].isControl(first) && self[index + 1].isControl(second) { return index }
            index += 1
        }
        return nil
    }

    /// Whether any cell is the unescaped `control`.
    func containsControl(_ control: Character) -> Bool { firstControl(control) != nil }

    /// Pieces split at each unescaped `separator`; each piece remembers the separator before it
    /// (`nil` for the first piece).
    func pieces(separatedBy separators: Set<Character>) -> [GIFTPiece] {
        var pieces: [GIFTPiece] = []
        var start = startIndex
        var marker: GIFTCell?
        for index in indices where !self[index].isEscaped && separators.contains(self[index].character) {
            pieces.append(GIFTPiece(marker: marker, cells: self[start..<index]))
            marker = self[index]
            start = index + 1
        }
        pieces.append(GIFTPiece(marker: marker, cells: self[start..<endIndex]))
        return pieces
    }

    /// Split at the first unescaped `separator`: before it, and after it (`nil` if absent).
    func splitOnce(at separator: Character) -> (GIFTCells, GIFTCells?) {
        guard let index = firstControl(separator) else { return (self, nil) }
        return (self[startIndex..<index], self[(index + 1)..<endIndex])
    }
}

/// One answer's cells inside an answer block and the `~`/`=` that introduced it.
struct GIFTPiece {
    /// The separator before the piece; `nil` for text before the first separator.
    var marker: GIFTCell?
    /// The piece, separator excluded.
    var cells: GIFTCells
}
