/// One card per channel with its service-level verdict: what was asked, what was achieved (with
/// its confidence interval) and pass/fail, with the ceilings underneath. Pass/fail is written
/// out in words as well as coloured, so it survives a black-and-white printer.
struct SLACards {
    var results: RunResults

    static func words(_ verdict: TargetVerdict) -> String {
        switch verdict.verdict {
        case "met": return "PASS — whole CI meets it"
        case "met_on_mean": return "PASS on the mean — CI reaches past it"
        case "missed_on_mean": return "FAIL on the mean — CI reaches it"
        case "missed": return "FAIL — whole CI misses it"
        default: return "undefined — nothing offered"
        }
    }

    var html: String {
        var s = "<h2>Service level</h2>\n<div class=\"cards\">"
        for channel in results.channels {
            let sla = channel.sla
            s += "<section class=\"card \(sla.met ? "pass" : "fail")\"><h3>\(xmlEscaped(channel.name))</h3>"
            let target = "\(ValueFormat.percent(sla.target, digits: 0)) answered within \(ValueFormat.duration(sla.answerWithinSeconds))"
            s += "<div>target \(xmlEscaped(target))</div>"
            s += "<div class=\"big\">\(ValueFormat.percent(sla.achieved))</div>"
            if let lo = sla.ciLower, let hi = sla.ciUpper { s += "<div>CI [\(ValueFormat.percent(lo)), \(ValueFormat.percent(hi))]</div>" }
            s += "<div class=\"badge\">\(sla.met ? "✓" : "✗") \(xmlEscaped(Self.words(sla)))</div>"
            if let asa = channel.asaCeiling {
                s += "<div>ASA \(ValueFormat.duration(asa.achieved)) (ceiling \(ValueFormat.duration(asa.ceiling))): \(asa.met ? "✓ pass" : "✗ fail")</div>"
            }
            if let abandon = channel.abandonmentCeiling {
                s += "<div>abandonment \(ValueFormat.percent(abandon.achieved)) (ceiling \(ValueFormat.percent(abandon.ceiling, digits: 0))): \(abandon.met ? "✓ pass" : "✗ fail")</div>"
            }
            if let worst = channel.worstInterval {
                s += "<div class=\"meta\">worst interval #\(worst.index) (\(xmlEscaped(IntervalCharts.clock(worst.startSeconds)))): \(ValueFormat.percent(worst.serviceLevel))</div>"
            }
            s += "</section>"
        }
        return s + "</div>\n"
    }
}
