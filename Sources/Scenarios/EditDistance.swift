/// Spelling suggestions for unknown keys and enum values ("did you mean 'handle_time'?").
public enum EditDistance {
    /// Optimal-string-alignment distance: insertions, deletions, substitutions and swaps of
    /// adjacent characters each cost 1, so `agnets` is one step from `agents`.
    public static func distance(_ a: String, _ b: String) -> Int {
        let s = Array(a), t = Array(b)
        if s.isEmpty { return t.count }
        if t.isEmpty { return s.count }
        var d = [[Int]](repeating: [Int](repeating: 0, count: t.count + 1), count: s.count + 1)
        for i in 0...s.count { d[i][0] = i }
        for j in 0...t.count { d[0][j] = j }
        for i in 1...s.count {
            for j in 1...t.count {
                let cost = s[i - 1] == t[j - 1] ? 0 : 1
                d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
                if i > 1, j > 1, s[i - 1] == t[j - 2], s[i - 2] == t[j - 1] {
                    d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1)
                }
            }
        }
        return d[s.count][t.count]
    }

    /// The candidate the user most plausibly meant, or nil if none is close.
    ///
    /// Spelling variants that differ only in case or separators (`handleTime`, `Handle-Time`)
    /// always match; otherwise the closest candidate within about a third of its length wins.
    public static func suggestion(for word: String, among candidates: [String]) -> String? {
        func folded(_ s: String) -> String { s.lowercased().filter { $0 != "_" && $0 != "-" && $0 != " " } }
        let key = folded(word)
        if let exact = candidates.first(where: { folded($0) == key }) { return exact }
        var best: (candidate: String, distance: Int)?
        for candidate in candidates {
            let d = distance(key, folded(candidate))
            let allowed = max(1, min(3, candidate.count / 3))
            if d <= allowed, d < (best?.distance ?? .max) { best = (candidate, d) }
        }
        return best?.candidate
    }
}
