import SourceText

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
    /// The character's Unicode scalar when it has only one (every control character does), so that
    /// control checks compare scalars, not Characters.
    let scalar: Unicode.Scalar?

    /// Creates a cell.
    init(character: Character, isEscaped: Bool, line: Int, column: Int) {
        self.character = character
        self.isEscaped = isEscaped
        self.line = line
        self.column = column
        var scalars = character.unicodeScalars.makeIterator()
        let first = scalars.next()
        scalar = scalars.next() == nil ? first : nil
    }

    /// Whether this is the unescaped control character `control`.
    func isControl(_ control: Unicode.Scalar) -> Bool { !isEscaped && scalar == control }

    /// Whether the character is white space.
    var isWhitespace: Bool {
        if let scalar, scalar.isASCII { return scalar == " " || (0x09...0x0D).contains(scalar.value) }
        return character.isWhitespace
    }

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
        while let first = cells.first, first.isWhitespace { cells = cells.dropFirst() }
        return cells
    }

    /// Without trailing whitespace.
    var trimmingTrailing: GIFTCells {
        var cells = self
        while let last = cells.last, last.isWhitespace { cells = cells.dropLast() }
        return cells
    }

    /// Index of the first unescaped `control`.
    func firstControl(_ control: Unicode.Scalar) -> Int? {
        firstIndex { $0.isControl(control) }
    }

    /// Index of the first unescaped `first` immediately followed by an unescaped `second`.
    func firstControlPair(_ first: Unicode.Scalar, _ second: Unicode.Scalar, from start: Int? = nil) -> Int? {
        var index = start ?? startIndex
        while index < endIndex - 1 {
            if self[index].isControl(first) && self[index + 1].isControl(second) { return index }
            index += 1
        }
        return nil
    }

    /// Whether any cell is the unescaped `control`.
    func containsControl(_ control: Unicode.Scalar) -> Bool { firstControl(control) != nil }

    /// Pieces split at each unescaped `separator`; each piece remembers the separator before it
    /// (`nil` for the first piece).
    func pieces(separatedBy separators: Set<Unicode.Scalar>) -> [GIFTPiece] {
        var pieces: [GIFTPiece] = []
        var start = startIndex
        var marker: GIFTCell?
        for index in indices where !self[index].isEscaped && self[index].scalar.map(separators.contains) == true {
            pieces.append(GIFTPiece(marker: marker, cells: self[start..<index]))
            marker = self[index]
            start = index + 1
        }
        pieces.append(GIFTPiece(marker: marker, cells: self[start..<endIndex]))
        return pieces
    }

    /// Split at the first unescaped `separator`: before it, and after it (`nil` if absent).
    func splitOnce(at separator: Unicode.Scalar) -> (GIFTCells, GIFTCells?) {
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
