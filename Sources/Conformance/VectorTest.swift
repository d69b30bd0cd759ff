import BigNum

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

    // MARK: - Typed access to inputs

    /// The octets of hex input `name`.
    ///
    /// - Throws: `VectorInputError` when it is absent or not hex text.
    public func bytes(_ name: String) throws -> [UInt8] {
        guard let value = inputs[name] else { throw VectorInputError.missing(name) }
        guard case .string(let text) = value else { throw VectorInputError.wrongType(name, expected: "hex string") }
        do {
            return try Hex.decode(text)
        } catch {
            throw VectorInputError.wrongType(name, expected: "hex string")
        }
    }

    /// Hex input `name`, or nil when the test does not give it.
    public func optionalBytes(_ name: String) throws -> [UInt8]? {
        inputs[name] == nil ? nil : try bytes(name)
    }

    /// Integer input `name` (a JSON integer).
    public func integer(_ name: String) throws -> Int {
        guard let value = inputs[name] else { throw VectorInputError.missing(name) }
        guard case .integer(let number) = value else { throw VectorInputError.wrongType(name, expected: "integer") }
        return number
    }

    /// Integer input `name`, or nil when absent.
    public func optionalInteger(_ name: String) throws -> Int? {
        inputs[name] == nil ? nil : try integer(name)
    }

    /// String input `name`.
    public func string(_ name: String) throws -> String {
        guard let value = inputs[name] else { throw VectorInputError.missing(name) }
        guard case .string(let text) = value else { throw VectorInputError.wrongType(name, expected: "string") }
        return text
    }

    /// Boolean input `name`, or nil when absent.
    public func optionalBool(_ name: String) throws -> Bool? {
        guard let value = inputs[name] else { return nil }
        guard case .bool(let flag) = value else { throw VectorInputError.wrongType(name, expected: "boolean") }
        return flag
    }

    /// Array-of-hex input `name`.
    public func bytesArray(_ name: String) throws -> [[UInt8]] {
        guard let value = inputs[name] else { throw VectorInputError.missing(name) }
        guard case .array(let items) = value else { throw VectorInputError.wrongType(name, expected: "array") }
        return try items.map { item in
            guard case .string(let text) = item, let bytes = try? Hex.decode(text) else {
                throw VectorInputError.wrongType(name, expected: "array of hex strings")
            }
            return bytes
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
