/// A request the workbench cannot serve, with the HTTP status it answers with.
public enum WorkbenchError: Error, CustomStringConvertible, Equatable {
    case badRequest(String)
    case notFound(String)
    case conflict(String)

    public var description: String {
        switch self {
        case .badRequest(let message), .notFound(let message), .conflict(let message): message
        }
    }
}
