/// The report's inline stylesheet: readable on a laptop (one column, max 900 px), and on paper
/// (no backgrounds needed, charts and cards never split across pages).
enum ReportStyle {
    static let css = """
    body { font-family: system-ui, -apple-system, "Segoe UI", sans-serif; color: #222; margin: 0 auto; max-width: 900px; padding: 16px 24px 48px; line-height: 1.4; }
    h1 { font-size: 1.6em; margin: 0.2em 0; }
    h2 { font-size: 1.2em; margin-top: 1.6em; border-bottom: 1px solid #ccc; padding-bottom: 4px; }
    .meta { color: #555; margin: 0.2em 0; }
    table { border-collapse: collapse; font-size: 0.9em; margin: 0.5em 0; }
    th, td { padding: 3px 10px; text-align: right; border-bottom: 1px solid #e4e4e4; }
    td { white-space: nowrap; }
    td.wrap { white-space: normal; text-align: left; font-size: 0.9em; }
    table.key td { white-space: normal; }
    th:first-child, td:first-child { text-align: left; }
    thead th { border-bottom: 1px solid #888; }
    .cards { display: flex; flex-wrap: wrap; gap: 12px; }
    .card { flex: 1 1 250px; max-width: 320px; border: 1px solid #bbb; border-left: 6px solid #888; border-radius: 4px; padding: 8px 12px; break-inside: avoid; }
    .card.pass { border-left-color: #009E73; }
    .card.fail { border-left-color: #D55E00; }
    .card h3 { margin: 0 0 4px; font-size: 1.05em; }
    .card .big { font-size: 1.6em; font-weight: 600; }
    .badge { font-weight: 600; }
    .pass .badge { color: #00664a; }
    .fail .badge { color: #a34400; }
    figure { margin: 1em 0; break-inside: avoid; }
    svg.chart { max-width: 100%; height: auto; display: block; }
    details { font-size: 0.9em; }
    details table { max-height: none; }
    summary { cursor: pointer; color: #0072B2; }
    @media print { body { max-width: none; padding: 0; } details { display: none; } a { color: inherit; } }
    """
}
