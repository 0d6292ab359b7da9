import Foundation
import Scenarios
import Yams

/// A training program as the ROI form shows it: participants, hours off the phones, cost and
/// each effect as a range (min, most likely, max, in percent). It is written into the scenario's
/// `training.programs` as YAML, so the scenario loader checks it exactly as it checks a file
/// (same limits, same messages), and the study that runs is the one `ccsim roi FILE --program
/// NAME` runs on that text, which is kept with the study in the history.
public struct TrainingProgramForm: Codable, Sendable, Equatable {
    /// An uncertain relative change in percent: a point (`min == max`), uniform (no `mode`) or triangular.
    public struct Range: Codable, Sendable, Equatable {
        public var min: Double
        public var mode: Double?
        public var max: Double

        public init(min: Double, mode: Double? = nil, max: Double) {
            self.min = min
            self.mode = mode
            self.max = max
        }
    }

    public var name: String
    /// `new_hires`, `everyone`, or team names separated by commas.
    public var participants: String
    public var offPhoneHours: Double?
    public var spreadWeeks: Int?
    public var costPerAgent: Double?
    public var fixedCost: Double?
    public var halfLifeWeeks: Double?
    public var handleTime: Range?
    /// First-contact resolution, relative to the tier's share (`{relative: …}` in the YAML).
    public var fcr: Range?
    public var attrition: Range?

    public init(name: String, participants: String, offPhoneHours: Double? = nil, spreadWeeks: Int? = nil, costPerAgent: Double? = nil,
                fixedCost: Double? = nil, halfLifeWeeks: Double? = nil, handleTime: Range? = nil, fcr: Range? = nil, attrition: Range? = nil) {
        self.name = name
        self.participants = participants
        self.offPhoneHours = offPhoneHours
        self.spreadWeeks = spreadWeeks
        self.costPerAgent = costPerAgent
        self.fixedCost = fixedCost
        self.halfLifeWeeks = halfLifeWeeks
        self.handleTime = handleTime
        self.fcr = fcr
        self.attrition = attrition
    }

    // MARK: Form → YAML

    /// The program as one YAML flow mapping (numbers in the scenario's own units: h, w, %).
    public var yaml: String {
        var fields = ["name: \(YAMLText.doubleQuoted(name))", "participants: \(participantsYAML)"]
        if let offPhoneHours { fields.append("off_phone: \(Self.number(offPhoneHours))h") }
        if let spreadWeeks { fields.append("spread_weeks: \(spreadWeeks)") }
        if let costPerAgent { fields.append("cost_per_agent: \(Self.number(costPerAgent))") }
        if let fixedCost { fields.append("fixed_cost: \(Self.number(fixedCost))") }
        var effects: [String] = []
        if let handleTime { effects.append("handle_time: \(Self.effect(handleTime))") }
        if let fcr { effects.append("fcr: {relative: \(Self.effect(fcr))}") }
        if let attrition { effects.append("attrition: \(Self.effect(attrition))") }
        if let halfLifeWeeks { effects.append("half_life: \(Self.number(halfLifeWeeks))w") }
        if !effects.isEmpty { fields.append("effects: {\(effects.joined(separator: ", "))}") }
        return "{\(fields.joined(separator: ", "))}"
    }

    private var participantsYAML: String {
        let trimmed = participants.trimmingCharacters(in: .whitespaces)
        if trimmed == "new_hires" || trimmed == "everyone" { return trimmed }
        let teams = trimmed.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        return "[" + teams.map(YAMLText.doubleQuoted).joined(separator: ", ") + "]"
    }

    static func effect(_ range: Range) -> String {
        if range.min == range.max, range.mode == nil || range.mode == range.min { return percent(range.min) }
        if let mode = range.mode {
            return "{triangular: {min: \(percent(range.min)), mode: \(percent(mode)), max: \(percent(range.max))}}"
        }
        return "{uniform: {min: \(percent(range.min)), max: \(percent(range.max))}}"
    }

    static func percent(_ x: Double) -> String { "\(number(x))%" }

    static func number(_ x: Double) -> String {
        x.isFinite && x == x.rounded() && abs(x) < 1e15 ? String(Int(x)) : "\(x)"
    }

    /// The scenario text with this program in `training.programs`: replacing the program of the
    /// same name, else added (with a `training:` section when there is none). Comments of the
    /// scenario are not kept in this text (it is the study's input, not the file, which is not changed).
    public func applied(to scenarioYAML: String) throws -> String {
        guard var root = try Yams.compose(yaml: scenarioYAML), var top = root.mapping else {
            throw WorkbenchError.badRequest("the scenario is not a YAML mapping")
        }
        guard let program = try Yams.compose(yaml: yaml) else { throw WorkbenchError.badRequest("program: not YAML") }
        var training = top["training"]?.mapping ?? Node.Mapping([])
        var programs = training["programs"]?.sequence ?? Node.Sequence([])
        if let index = programs.firstIndex(where: { $0.mapping?["name"]?.string == name }) {
            programs.replaceSubrange(index..<programs.index(after: index), with: [program])
        } else {
            programs.append(program)
        }
        training["programs"] = .sequence(programs)
        top["training"] = .mapping(training)
        root = .mapping(top)
        return try Yams.serialize(node: root)
    }

    // MARK: YAML → form (to fill the form from a scenario's programs)

    /// The scenario's programs read back as forms; a field whose YAML the form cannot show
    /// (e.g. a lognormal effect, off-phone time in shifts) is left empty and keeps its YAML
    /// value only if the user does not submit that program from the form.
    public static func programs(in scenarioYAML: String) -> [TrainingProgramForm] {
        guard let node = try? Yams.compose(yaml: scenarioYAML),
              let list = node.mapping?["training"]?.mapping?["programs"]?.sequence else { return [] }
        return list.compactMap { item in
            guard let m = item.mapping, let name = m["name"]?.string else { return nil }
            let participants: String
            if let teams = m["participants"]?.sequence {
                participants = teams.compactMap(\.string).joined(separator: ", ")
            } else {
                participants = m["participants"]?.string ?? "new_hires"
            }
            let effects = m["effects"]?.mapping
            let offPhone = m["off_phone"]?.string.flatMap { text -> Double? in
                guard !text.contains("shift"), let seconds = try? Quantity.duration(text) else { return nil }
                return seconds / 3600
            }
            return TrainingProgramForm(
                name: name, participants: participants, offPhoneHours: offPhone,
                spreadWeeks: m["spread_weeks"]?.string.flatMap { Int($0) },
                costPerAgent: m["cost_per_agent"]?.string.flatMap { try? Quantity.number($0) },
                fixedCost: m["fixed_cost"]?.string.flatMap { try? Quantity.number($0) },
                halfLifeWeeks: effects?["half_life"]?.string.flatMap { try? Quantity.duration($0) }.map { $0 / 604_800 },
                handleTime: effects?["handle_time"].flatMap(range),
                fcr: effects?["fcr"]?.mapping?["relative"].flatMap(range),
                attrition: effects?["attrition"].flatMap(range))
        }
    }

    /// `-20%`, `{uniform: {min, max}}` or `{triangular: {min, mode, max}}` in percent; nil otherwise.
    static func range(_ node: Node) -> Range? {
        func percent(_ node: Node?) -> Double? {
            guard let text = node?.string?.trimmingCharacters(in: .whitespaces) else { return nil }
            if text.hasSuffix("%") { return Double(text.dropLast().trimmingCharacters(in: .whitespaces)) }
            return (try? Quantity.number(text)).map { ($0 * 1e6).rounded() / 1e4 }
        }
        if let x = percent(node) { return Range(min: x, max: x) }
        if let t = node.mapping?["triangular"]?.mapping, let a = percent(t["min"]), let c = percent(t["mode"]), let b = percent(t["max"]) {
            return Range(min: a, mode: c, max: b)
        }
        if let u = node.mapping?["uniform"]?.mapping, let a = percent(u["min"]), let b = percent(u["max"]) {
            return Range(min: a, max: b)
        }
        return nil
    }
}
