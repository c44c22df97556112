import Yams

/// The one way this module reads YAML: into a node tree, without Yams' per-call costs.
enum YAMLDocument {
    /// The node tree of `yaml` (nil when empty). The basic resolver keeps every plain scalar a string
    /// (`01234` stays text); numbers and booleans are read from the text where they are expected.
    ///
    /// The encoding is given (Yams' default reads the process environment on every call), the
    /// constructor has no maps (only `Node`s are wanted, never Swift values) and Yams' default
    /// resolver, whose regular expressions take milliseconds to compile, is never built.
    static func compose(_ yaml: String, resolver: Resolver = .basic) throws -> Node? {
        try Parser(yaml: yaml, resolver: resolver, constructor: Constructor([:], [:], [:]), encoding: .utf8).singleRoot()
    }
}
