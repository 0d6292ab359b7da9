/// A chart as a `<figure>`: the SVG, then its numbers in a collapsed `<details>` table — the text
/// alternative for screen readers and for anyone who wants the exact values.
struct ChartFigure {
    var svg: String
    var caption: String
    var columns: [String]
    var rows: [[String]]

    var html: String {
        var s = "<figure>\(svg)<figcaption><details><summary>\(xmlEscaped(caption)): the numbers</summary><table><thead><tr>"
        s += columns.map { "<th>\(xmlEscaped($0))</th>" }.joined()
        s += "</tr></thead><tbody>"
        for row in rows {
            s += "<tr>" + row.map { "<td>\(xmlEscaped($0))</td>" }.joined() + "</tr>"
        }
        return s + "</tbody></table></details></figcaption></figure>\n"
    }
}
