import ResultsSchema

extension CSVWriter {
    /// A stored cell as a field for `row` (which quotes it when it must be): numbers at full
    /// precision, text as stored, NULL empty.
    static func value(_ value: StoredValue) -> String {
        switch value {
        case .number(let d): number(d)
        case .text(let s): s
        case .null: ""
        }
    }
}
