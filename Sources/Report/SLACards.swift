import ResultsSchema

/// One card per channel with its service-level verdict: what was asked, what was achieved (with
/// its confidence interval) and pass/fail, with the ceilings underneath. Pass/fail is written
/// out in words as well as coloured, so it survives a black-and-white printer.
struct SLACards {
    var results: SummaryDocument

    /// The verdict in the words of the terminal table (`Verdict.words`), with what it means.
    static func words(_ verdict: Verdict) -> String {
        let meaning = switch verdict {
        case .met: "whole CI meets it"
        case .metOnMean: "CI reaches past it"
        case .missedOnMean: "CI reaches it"
        case .missed: "whole CI misses it"
        case .undefined: "nothing offered"
        }
        return "\(verdict.words) — \(meaning)"
    }

    /// `✓ MET`, `✗ MISSED`, `– undefined`: a ceiling's short verdict.
    static func short(_ verdict: Verdict) -> String {
        "\(verdict.mark) \(verdict.words)"
    }

    static func cardClass(_ verdict: Verdict) -> String {
        switch verdict.passed {
        case true?: "pass"
        case false?: "fail"
        case nil: "undefined"
        }
    }

    var html: String {
        var s = "<h2>Service level</h2>\n<div class=\"cards\">"
        for channel in results.channels {
            let sla = channel.sla
            s += "<section class=\"card \(Self.cardClass(sla.verdict))\"><h3>\(xmlEscaped(channel.name))</h3>"
            let verb = channel.kind == "email" ? "responded to" : "answered"
            let target = "\(ValueFormat.percent(sla.target, digits: 0)) \(verb) within \(ValueFormat.duration(sla.answerWithinSeconds))"
            s += "<div>target \(xmlEscaped(target))</div>"
            s += "<div class=\"big\">\(ValueFormat.percent(sla.achieved))</div>"
            if let lo = sla.ciLower, let hi = sla.ciUpper { s += "<div>CI [\(ValueFormat.percent(lo)), \(ValueFormat.percent(hi))]</div>" }
            s += "<div class=\"badge\">\(sla.verdict.mark) \(xmlEscaped(Self.words(sla.verdict)))</div>"
            if let asa = channel.asaCeiling {
                s += "<div>ASA \(ValueFormat.duration(asa.achieved)) (ceiling \(ValueFormat.duration(asa.ceiling))): \(Self.short(asa.verdict))</div>"
            }
            if let abandon = channel.abandonmentCeiling {
                s += "<div>abandonment \(ValueFormat.percent(abandon.achieved)) (ceiling \(ValueFormat.percent(abandon.ceiling, digits: 0))): \(Self.short(abandon.verdict))</div>"
            }
            if let worst = channel.worstInterval {
                let when = IntervalCharts(results: results).window(start: worst.startSeconds, length: worst.lengthSeconds)
                s += "<div class=\"meta\">worst interval #\(worst.index) (\(xmlEscaped(when))): \(ValueFormat.percent(worst.serviceLevel))</div>"
            }
            s += "</section>"
        }
        return s + "</div>\n"
    }
}
