import BigNum
import Octets

/// One test of a vector file: an operation, its inputs, and what must happen.
public struct VectorTest: Sendable, Decodable {
    /// What the test expects of the operation.
    public enum Expectation: String, Sendable, Decodable {
        /// The outputs must be reproduced exactly, or the input accepted.
        case valid
        /// The operation must be refused with an error, with no partial output.
        case invalid
    }

    /// The test's id as written in the file (a number or a string).
    public let id: String
    public let operation: String
    public let result: Expectation
    public let comment: String?
    public let inputs: [String: JSONValue]
    public let outputs: [String: JSONValue]

    enum CodingKeys: String, CodingKey {
        case id, operation, result, comment, inputs, outputs
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        if let number = try? container.decode(Int.self, forKey: .id) {
            id = String(number)
        } else {
            id = try container.decode(String.self, forKey: .id)
        }
        operation = try container.decode(String.self, forKey: .operation)
        result = try container.decode(Expectation.self, forKey: .result)
        comment = try container.decodeIfPresent(String.self, forKey: .comment)
        inputs = try container.decodeIfPresent([String: JSONValue].self, forKey: .inputs) ?? [:]
        outputs = try container.decodeIfPresent([String: JSONValue].self, forKey: .outputs) ?? [:]
    }

    /// The length in octets of the expected output `name`, for operations whose
    /// output length the test sets ("as many bytes as given": `keystream`).
    ///
    /// - Throws: `VectorInputError.missing` or `.wrongType` (not hex).
    public func expectedOutputByteCount(_ name: String) throws -> Int {
        guard let value = outputs[name] else { throw VectorInputError.missing(name) }
        guard let bytes = Self.hexBytes(value) else { throw VectorInputError.wrongType(name, expected: "hex string") }
        return bytes.count
    }

    // MARK: - Typed access to inputs

    /// Input `name` converted by `extract`.
    ///
    /// - Throws: `VectorInputError.missing` when absent, `.wrongType` when `extract` gives nil.
    private func input<Value>(_ name: String, as expected: String, _ extract: (JSONValue) -> Value?) throws -> Value {
        guard let value = inputs[name] else { throw VectorInputError.missing(name) }
        guard let typed = extract(value) else { throw VectorInputError.wrongType(name, expected: expected) }
        return typed
    }

    private static func hexBytes(_ value: JSONValue) -> [UInt8]? {
        guard case .string(let text) = value else { return nil }
        return try? Hex.decode(text)
    }

    /// The octets of hex input `name`.
    public func bytes(_ name: String) throws -> [UInt8] {
        try input(name, as: "hex string", Self.hexBytes)
    }

    /// Hex input `name`, or nil when the test does not give it.
    public func optionalBytes(_ name: String) throws -> [UInt8]? {
        inputs[name] == nil ? nil : try bytes(name)
    }

    /// Integer input `name` (a JSON integer).
    public func integer(_ name: String) throws -> Int {
        try input(name, as: "integer") { if case .integer(let number) = $0 { number } else { nil } }
    }

    /// Integer input `name`, or nil when absent.
    public func optionalInteger(_ name: String) throws -> Int? {
        inputs[name] == nil ? nil : try integer(name)
    }

    /// String input `name`.
    public func string(_ name: String) throws -> String {
        try input(name, as: "string") { if case .string(let text) = $0 { text } else { nil } }
    }

    /// String input `name`, or nil when absent.
    public func optionalString(_ name: String) throws -> String? {
        inputs[name] == nil ? nil : try string(name)
    }

    /// Boolean input `name`, or nil when absent.
    public func optionalBool(_ name: String) throws -> Bool? {
        guard inputs[name] != nil else { return nil }
        return try input(name, as: "boolean") { if case .bool(let flag) = $0 { flag } else { nil } }
    }

    /// Array-of-hex input `name`.
    public func bytesArray(_ name: String) throws -> [[UInt8]] {
        try input(name, as: "array of hex strings") { value in
            guard case .array(let items) = value else { return nil }
            let decoded = items.compactMap(Self.hexBytes)
            return decoded.count == items.count ? decoded : nil
        }
    }
}

/// A test entry that lacks an input its operation needs, or gives it in the wrong form:
/// a fault of the file, reported as a failure, never taken as an expected rejection.
public enum VectorInputError: Error, Equatable, Sendable, CustomStringConvertible {
    case missing(String)
    case wrongType(String, expected: String)

    public var description: String {
        switch self {
        case .missing(let name): "input '\(name)' is missing"
        case .wrongType(let name, let expected): "input '\(name)' is not a \(expected)"
        }
    }
}
