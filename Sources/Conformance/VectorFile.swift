import Foundation

/// One test-vector file in the shared format, version 1 (`TestVectors/FORMAT.md`).
///
/// Keys the format does not name are ignored, so that newer files still load.
public struct VectorFile: Sendable, Decodable {
    /// The format version; only 1 is defined.
    public let format: Int
    /// `ECCSI`, `SAKKE`, `MIKEY-SAKKE`, `SRTP`, `SRTCP`, `KDF-3GPP`, …
    public let algorithm: String
    /// Where the values come from.
    public let source: String?
    /// Settings fixed for the whole file (curve, profile, parameter set).
    public let parameters: [String: JSONValue]
    public let tests: [VectorTest]

    enum CodingKeys: String, CodingKey {
        case format, algorithm, source, parameters, tests
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        format = try container.decode(Int.self, forKey: .format)
        algorithm = try container.decode(String.self, forKey: .algorithm)
        source = try container.decodeIfPresent(String.self, forKey: .source)
        parameters = try container.decodeIfPresent([String: JSONValue].self, forKey: .parameters) ?? [:]
        tests = try container.decode([VectorTest].self, forKey: .tests)
    }

    /// Parses a file's bytes.
    ///
    /// - Throws: `VectorFileError.malformed` for text that is not a version-1 vector file.
    public init(data: Data) throws {
        do {
            self = try JSONDecoder().decode(VectorFile.self, from: data)
        } catch {
            throw VectorFileError.malformed(String(describing: error))
        }
        guard format == 1 else { throw VectorFileError.unsupportedFormat(format) }
    }

    /// The string parameter `name`, if the file sets one.
    public func parameter(_ name: String) -> String? {
        if case .string(let value)? = parameters[name] { return value }
        if case .integer(let value)? = parameters[name] { return String(value) }
        return nil
    }
}

/// Why a whole vector file could not be used.
public enum VectorFileError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Not JSON, or JSON without the format's required keys.
    case malformed(String)
    /// A `format` other than 1.
    case unsupportedFormat(Int)
    /// The path is not a regular file (a folder, a device, a pipe).
    case notARegularFile
    /// The file is larger than `VectorRunner.maximumFileSize` octets.
    case fileTooLarge(size: Int, maximum: Int)

    public var description: String {
        switch self {
        case .malformed(let detail): "not a vector file: \(detail)"
        case .unsupportedFormat(let version): "unsupported format version \(version)"
        case .notARegularFile: "not a regular file"
        case .fileTooLarge(let size, let maximum): "file of \(size) octets, over the limit of \(maximum)"
        }
    }
}
