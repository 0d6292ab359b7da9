import Yams

/// What a YAML text says, apart from how it is laid out: comments, blank lines and indentation
/// do not change it; any value, key, order or quoting (`"46"` is a string, `46` a number) does.
enum YAMLContent {
    /// SHA-256 of the document re-serialised from its node tree (its comments dropped); of the
    /// text itself when it does not parse (such a sweep never gets as far as a store).
    static func fingerprint(_ text: String) -> String {
        guard let node = try? Yams.compose(yaml: text), let canonical = try? Yams.serialize(node: node) else {
            return SHA256.hex(text)
        }
        return SHA256.hex(canonical)
    }
}
