/// A value in `summary.json` that may be undefined (a mean no replication defined, a verdict
/// without demand): always written, as `null` when absent — or, for a number, when not finite
/// (JSON has no infinity; an infinite mean patience would otherwise stop the writer) — and read
/// back as nil from `null` or a missing key. Writer and reader thus agree on every optional field.
@propertyWrapper
public struct NullWhenAbsent<Value: Codable & Sendable & Hashable>: Codable, Sendable, Hashable {
    public var wrappedValue: Value?

    public init(wrappedValue: Value?) {
        if let number = wrappedValue as? Double, !number.isFinite {
            self.wrappedValue = nil
        } else {
            self.wrappedValue = wrappedValue
        }
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        wrappedValue = container.decodeNil() ? nil : try container.decode(Value.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        if let value = wrappedValue, (value as? Double)?.isFinite ?? true {
            try container.encode(value)
        } else {
            try container.encodeNil()
        }
    }
}

extension KeyedDecodingContainer {
    /// A missing key reads as nil, as a `null` does.
    public func decode<Value>(_ type: NullWhenAbsent<Value>.Type, forKey key: Key) throws -> NullWhenAbsent<Value> {
        try decodeIfPresent(type, forKey: key) ?? NullWhenAbsent(wrappedValue: nil)
    }
}
