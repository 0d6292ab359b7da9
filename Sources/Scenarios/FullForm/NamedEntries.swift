import Yams

/// Name-keyed sections (`channels`, `tiers`, `teams`): a mapping whose keys are names the
/// planner chooses, in an order that gives each entry its index.
///
/// Entry paths are `section.name` (`teams.frontline.shifts[0].agents`); when a name cannot serve
/// as a path segment (see `CenterChecks.isValidName`) the index form `section[i]` is used too.
/// Both are recorded at the *key*, so a problem with an entry as a whole points at its name.
struct NamedEntry {
    let name: String
    let index: Int
    let field: YAMLField
}

extension YAMLField {
    /// The entries of a name-keyed mapping, in file order; nil after reporting a non-mapping.
    func namedEntries(of what: String, example: String) -> [NamedEntry]? {
        guard case .mapping(let mapping) = node else {
            return fail("expected a mapping of \(what) by name, such as \(example), got \(shown)")
        }
        var entries: [NamedEntry] = []
        for (key, value) in mapping {
            guard case .scalar(let keyScalar) = key else {
                log.add(path, at: key.mark, "\(what) names must be plain text, got \(key.mapping != nil ? "a mapping" : "a list")")
                continue
            }
            let name = keyScalar.string
            if name == "<<" {
                log.add(joinPath(path, name), at: key.mark, "YAML merge keys ('<<') are not supported; write the fields out")
                continue
            }
            let childPath = path + "." + name
            log.record(childPath, at: key.mark)
            log.record(path + "[\(entries.count)]", at: key.mark)
            entries.append(NamedEntry(name: name, index: entries.count,
                                      field: YAMLField(node: value, path: childPath, keyMark: key.mark, log: log)))
        }
        if entries.isEmpty, mapping.isEmpty { return fail("needs at least one entry, such as \(example)") }
        return entries
    }
}

/// The names of one section, for resolving references (`tier: tier2`) to indices.
struct NameTable {
    /// What the names are, singular (`channel`, `tier`).
    let what: String
    let names: [String]

    func index(of name: String) -> Int? { names.firstIndex(of: name) }

    /// The message for a name that is not in the table, with a suggestion when one is close.
    func unknown(_ name: String) -> String {
        let list = names.joined(separator: ", ")
        if let guess = EditDistance.suggestion(for: name, among: names) {
            return "unknown \(what) '\(name)'; did you mean '\(guess)'? (\(what)s: \(list))"
        }
        return "unknown \(what) '\(name)'; the \(what)s are: \(list)"
    }

    /// Reads a reference at `field`; nil after reporting.
    func resolve(_ field: YAMLField) -> Int? {
        guard let name = field.scalarText(expected: "a \(what) name (\(names.joined(separator: ", ")))") else { return nil }
        guard let index = index(of: name) else { return field.fail(unknown(name)) }
        return index
    }

    /// Reads one reference or a list of them (`tier: [tier1, tier2]`); nil after reporting.
    func resolveOneOrMany(_ field: YAMLField) -> [Int]? {
        if case .sequence = field.node {
            guard let items = field.list(), !items.isEmpty else { return field.fail("needs at least one \(what) name") }
            let resolved = items.map(resolve)
            guard resolved.allSatisfy({ $0 != nil }) else { return nil }
            return resolved.map { $0! }
        }
        return resolve(field).map { [$0] }
    }
}

extension YAMLField {
    /// `true` or `false` (YAML 1.1's yes/no/on/off are refused: they surprise more than they help).
    func boolean() -> Bool? {
        guard let text = scalarText(expected: "true or false") else { return nil }
        switch text {
        case "true", "True", "TRUE": return true
        case "false", "False", "FALSE": return false
        default: return fail("expected true or false, got \(shown)")
        }
    }

    /// A clock time `HH:MM`, in seconds after midnight.
    func clockTime(allowMidnightEnd: Bool = false) -> Double? {
        guard let text = scalarText(expected: "a clock time such as '08:00'") else { return nil }
        do {
            return try ClockTime.parse(text, allowMidnightEnd: allowMidnightEnd)
        } catch {
            return fail(error.message)
        }
    }

    /// A weekday, `mon` or `monday`.
    func weekday() -> Weekday? {
        guard let text = scalarText(expected: "a weekday (mon, tue, wed, thu, fri, sat, sun)") else { return nil }
        if let day = Weekday(name: text) { return day }
        if let guess = EditDistance.suggestion(for: text, among: Weekday.spellings) {
            return fail("unknown weekday '\(text)'; did you mean '\(guess)'?")
        }
        return fail("unknown weekday '\(text)'; write mon, tue, wed, thu, fri, sat or sun")
    }

    /// Days of the week: a list of weekdays, one weekday, or a group (`every_day`, `weekdays`, `weekend`).
    func weekdays() -> Set<Weekday>? {
        if case .sequence = node {
            guard let items = list() else { return nil }
            var days: Set<Weekday> = []
            var ok = true
            for item in items {
                guard let day = item.weekday() else { ok = false; continue }
                if !days.insert(day).inserted { log.add(item.path, at: item.mark, "'\(day.shortName)' is listed twice"); ok = false }
            }
            return ok ? days : nil
        }
        guard let text = scalarText(expected: "a list of weekdays such as [mon, tue, wed] or weekdays") else { return nil }
        if let group = Weekday.groups.first(where: { $0.name == text }) { return group.days }
        if let day = Weekday(name: text) { return [day] }
        let options = Weekday.groups.map(\.name) + Weekday.spellings
        if let guess = EditDistance.suggestion(for: text, among: options) {
            return fail("unknown days '\(text)'; did you mean '\(guess)'?")
        }
        return fail("expected a list of weekdays such as [mon, tue, wed], or every_day, weekdays or weekend, got \(shown)")
    }
}
