import Foundation

/// Text written into YAML by ccsim (a fitted fragment, a program from the workbench's form).
public enum YAMLText {
    /// `text` as a YAML double-quoted scalar: a JSON string is one, with every quote, backslash
    /// and control character escaped, so a name from a log or a form cannot change the structure.
    public static func doubleQuoted(_ text: String) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .withoutEscapingSlashes
        return String(decoding: (try? encoder.encode(text)) ?? Data("\"\"".utf8), as: UTF8.self)
    }
}
