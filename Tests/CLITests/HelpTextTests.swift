import ArgumentParser
import CCSimCommandLine
import Foundation
import XCTest
import ccsim

/// `ccsim <command> --help` reads well on an 80-column terminal (and when stdout is not a
/// terminal, where the argument parser also wraps at 80). The parser wraps every line of a
/// command's discussion at the terminal width and keeps the newlines it finds, so:
///
/// - A prose paragraph must be ONE line of the `discussion` string (in the source, `\` line
///   continuations of the `"""` literal), or it comes out ragged: a full line, then the few
///   words before the hand-made break, then a full line again.
/// - An indented line (an example command line, its ` \` continuation, a `# remark` or a row of
///   a table) must fit in 78 columns, or its tail is wrapped to column 0
///   (`--answer-within 20s` under `  ccsim erlang …`).
///
/// The rules, checked for the root command and every subcommand
/// (`CCSim.configuration.subcommands`, recursively):
///
/// In the source (`configuration.discussion` and `abstract`):
/// 1. Every line that starts with whitespace — `  ccsim …` examples, their continuations,
///    remarks and table rows — is at most 78 characters, and the line after one that ends in ` \`
///    (a shell continuation) starts with whitespace too.
/// 2. No prose paragraph is split across lines: two consecutive non-blank lines that both start
///    at column 0 are flagged unless the first ends with `:` (it introduces what follows) or the
///    second is a list item (`- `, `• `, `* ` or `1. `). A bullet is one line too.
/// 3. The abstract is one line.
///
/// In the help rendered at 80 columns (`CCSim.helpMessage(for:columns:)`):
/// 4. A non-blank line at column 0 never directly follows an indented line: an indented block
///    (examples, tables, options, subcommands) ends with a blank line, so a column-0 line right
///    after one is the parser's wrap of a line too long for the screen. In particular, every
///    line of an `Examples:` block (up to the next blank line) starts with two spaces.
/// 5. No ragged prose: of two consecutive column-0 lines A, B (A not ending with `:`, B not a
///    list item), B's first word did not fit on A, i.e. `A.count + 1 + firstWord(B).count >= 80`
///    (the parser's greedy wrap); a shorter A was broken by a newline in the text.
/// 6. The `USAGE:` line is at most 80 characters (`[<options>]` for a command with many).
///
/// And in the built binary's `--experimental-dump-help`: no abstract or discussion of a command,
/// option, flag or argument holds a newline other than a command's discussion (rule 2 covers it).
final class HelpTextTests: XCTestCase {
    static let columns = 80
    static let indentedLineLimit = 78

    /// The root command and every subcommand, depth first, each with its command line.
    static var commands: [(name: String, type: ParsableCommand.Type)] {
        var result: [(name: String, type: ParsableCommand.Type)] = []
        func walk(_ type: ParsableCommand.Type, _ name: String) {
            result.append((name, type))
            for sub in type.configuration.subcommands {
                walk(sub, name + " " + sub._commandName)
            }
        }
        walk(CCSim.self, "ccsim")
        return result
    }

    static func help(_ type: ParsableCommand.Type) -> String {
        ObjectIdentifier(type) == ObjectIdentifier(CCSim.self)
            ? CCSim.helpMessage(includeHidden: false, columns: columns)
            : CCSim.helpMessage(for: type, includeHidden: false, columns: columns)
    }

    static func isIndented<S: StringProtocol>(_ line: S) -> Bool {
        line.first?.isWhitespace ?? false
    }

    static func isBlank<S: StringProtocol>(_ line: S) -> Bool {
        line.allSatisfy(\.isWhitespace)
    }

    /// `- item`, `• item`, `* item`, `1. item` (not `--flag`).
    static func isListItem<S: StringProtocol>(_ line: S) -> Bool {
        if line.hasPrefix("- ") || line.hasPrefix("• ") || line.hasPrefix("* ") { return true }
        let digits = line.prefix(while: \.isNumber)
        return !digits.isEmpty && line.dropFirst(digits.count).hasPrefix(". ")
    }

    static func lines(_ text: String) -> [Substring] {
        text.split(separator: "\n", omittingEmptySubsequences: false)
    }

    func testTheCommandTreeIsWalked() {
        let names = Self.commands.map(\.name)
        for expected in ["ccsim", "ccsim erlang", "ccsim run", "ccsim sweep", "ccsim sweep slurm", "ccsim serve"] {
            XCTAssertTrue(names.contains(expected), "\(expected) missing from \(names)")
        }
        XCTAssertGreaterThanOrEqual(names.count, 17)
    }

    /// Rule 1.
    func testIndentedDiscussionLinesFitIn78Columns() {
        var examples = 0
        for (name, type) in Self.commands {
            let lines = Self.lines(type.configuration.discussion)
            for (index, line) in lines.enumerated() {
                if line.drop(while: \.isWhitespace).hasPrefix("ccsim ") && Self.isIndented(line) { examples += 1 }
                if index > 0, lines[index - 1].hasSuffix(" \\"), !Self.isIndented(line) {
                    XCTFail("\(name): the continuation of `\(lines[index - 1])` must be indented: `\(line)`")
                }
                if Self.isIndented(line), line.count > Self.indentedLineLimit {
                    XCTFail("\(name): \(line.count) > \(Self.indentedLineLimit) columns (split it with ` \\` and an indented continuation): `\(line)`")
                }
            }
        }
        XCTAssertGreaterThan(examples, 20, "the examples were not found")
    }

    /// Rules 2 and 3.
    func testProseParagraphsAreOneLineInTheSource() {
        for (name, type) in Self.commands {
            XCTAssertFalse(type.configuration.abstract.contains("\n"), "\(name): the abstract holds a newline")
            let lines = Self.lines(type.configuration.discussion)
            for (first, second) in zip(lines, lines.dropFirst()) {
                guard !Self.isBlank(first), !Self.isBlank(second),
                      !Self.isIndented(first), !Self.isIndented(second),
                      !first.hasSuffix(":"), !Self.isListItem(second)
                else { continue }
                XCTFail("\(name): a paragraph is broken by hand (make it one line, with `\\` continuations in the source): `\(first)` / `\(second)`")
            }
        }
    }

    /// Rule 4.
    func testNoRenderedLineIsAWrappedExampleOrTableRow() {
        for (name, type) in Self.commands {
            let lines = Self.lines(Self.help(type))
            var inExamples = false
            for (index, line) in lines.enumerated() {
                if index > 0, !Self.isBlank(line), !Self.isIndented(line),
                   Self.isIndented(lines[index - 1]), !Self.isBlank(lines[index - 1]) {
                    XCTFail("\(name) --help at \(Self.columns) columns: `\(line)` is at column 0 right after the indented `\(lines[index - 1])`")
                }
                if Self.isBlank(line) {
                    inExamples = false
                } else if inExamples, !line.hasPrefix("  ") {
                    XCTFail("\(name) --help at \(Self.columns) columns: a wrapped example line in Examples: `\(line)`")
                }
                if line == "Examples:" { inExamples = true }
            }
        }
    }

    /// Rule 6: the USAGE line fits the screen; a command with many options says `[<options>]`
    /// rather than listing them all on a line the terminal would break mid-word.
    func testUsageLineFitsTheScreen() {
        for (name, type) in Self.commands {
            let text = Self.help(type)
            let lines = Self.lines(text)
            guard let at = lines.firstIndex(where: { $0.hasPrefix("USAGE:") }) else { continue }
            // Rendered at 80 columns a long usage is wrapped: then the next line continues it.
            let wrapped = at + 1 < lines.count && !Self.isBlank(lines[at + 1])
            XCTAssertFalse(wrapped, "\(name) --help: the usage runs over \(Self.columns) columns: \(lines[at]) / \(at + 1 < lines.count ? lines[at + 1] : "")")
            XCTAssertLessThanOrEqual(lines[at].count, Self.columns, "\(name) --help: \(lines[at])")
        }
    }

    /// Rule 5.
    func testRenderedProseIsNotRagged() {
        for (name, type) in Self.commands {
            let text = Self.help(type)
            let overview = text.components(separatedBy: "\nUSAGE:").first ?? text
            let lines = Self.lines(overview)
            for (first, second) in zip(lines, lines.dropFirst()) {
                guard !Self.isBlank(first), !Self.isBlank(second),
                      !Self.isIndented(first), !Self.isIndented(second),
                      !first.hasSuffix(":"), !Self.isListItem(second)
                else { continue }
                let word = second.prefix { $0 != " " }
                if first.count + 1 + word.count < Self.columns {
                    XCTFail("\(name) --help at \(Self.columns) columns: ragged prose, `\(word)` would have fitted on `\(first)`")
                }
            }
        }
    }

    /// The help of options, flags and arguments (not reachable from the command types) has no
    /// hand-made line breaks either: read from the built binary's `--experimental-dump-help`.
    func testArgumentHelpHasNoHardLineBreaks() throws {
        let dump = try CCSimCommand.run(["--experimental-dump-help"])
        XCTAssertEqual(dump.status, 0, dump.stderr)
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(dump.stdout.utf8)) as? [String: Any])
        var arguments = 0
        func check(_ command: [String: Any], _ path: String) {
            let name = path.isEmpty ? (command["commandName"] as? String ?? "?") : path + " " + (command["commandName"] as? String ?? "?")
            if let abstract = command["abstract"] as? String {
                XCTAssertFalse(abstract.contains("\n"), "\(name): the abstract holds a newline")
            }
            for argument in command["arguments"] as? [[String: Any]] ?? [] {
                arguments += 1
                let label = (argument["valueName"] as? String) ?? "?"
                for key in ["abstract", "discussion"] {
                    if let text = argument[key] as? String {
                        XCTAssertFalse(text.contains("\n"), "\(name) <\(label)>: the \(key) holds a newline: \(text)")
                    }
                }
            }
            for sub in command["subcommands"] as? [[String: Any]] ?? [] {
                check(sub, name)
            }
        }
        check(try XCTUnwrap(json["command"] as? [String: Any]), "")
        XCTAssertGreaterThan(arguments, 50, "the arguments were not found")
    }
}
