import Foundation

/// Coordinates with at most two decimals: keeps a 336-point path short and the output stable.
public func svgNumber(_ x: Double) -> String {
    let r = (x * 100).rounded() / 100
    guard r.isFinite, abs(r) < 1e15 else { return r.isFinite ? String(format: "%.0f", r) : "0" }
    if r == r.rounded() { return String(Int(r)) }
    return String(format: "%.2f", r)
}
