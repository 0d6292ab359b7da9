/// A break or lunch as written in a team's shifts and in scheduling templates:
/// `{window: [1.5h, 2.5h], length: 15m, paid: false}` starts between 1.5 and 2.5 hours into the
/// shift (each agent's time drawn in the window); `window: 4h` fixes it; paid unless `paid: false`.
enum BreakDecoding {
    static let keys = ["window", "length", "paid"]

    static func decode(_ field: YAMLField) -> Break? {
        guard let m = field.mapping(allowed: keys) else { return nil }
        var window: (Double, Double)?
        if let windowField = m.required("window") {
            if case .sequence = windowField.node {
                if let items = windowField.list(), items.count == 2 {
                    if let a = items[0].duration(), let b = items[1].duration() { window = (a, b) }
                } else {
                    _ = windowField.fail("expected [earliest, latest] after the shift start, such as [2h, 3h]") as Double?
                }
            } else if let at = windowField.duration() {
                window = (at, at)
            }
        }
        let length = m.required("length")?.duration()
        let paidField = m.optional("paid")
        let paid = paidField?.boolean()
        guard let window, let length, paidField == nil || paid != nil else { return nil }
        return Break(earliest: window.0, latest: window.1, length: length, paid: paid ?? true)
    }
}
