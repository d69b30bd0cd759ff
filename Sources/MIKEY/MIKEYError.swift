import Octets

/// Errors of the MIKEY codec: what is wrong with an octet string that should
/// be a MIKEY message or payload, or with a value that cannot be encoded.
/// Every case names the field and, when the input has one, its offset.
/// Nothing is returned alongside an error: a message either parses whole or not at all.
public enum MIKEYError: Error, Equatable, Sendable {
    /// The input ended inside a field, or octets were left where it should
    /// have ended (the cursor's own error, which names field and offset).
    case malformed(OctetsError)
    /// The input is longer than ``IMessage/maximumEncodedCount``.
    case messageTooLarge(count: Int, maximum: Int)
    /// The common header's version is not 1 (RFC 3830 §6.1).
    case unsupportedVersion(UInt8)
    /// A "Next payload" field at `offset` names a payload type this codec
    /// cannot read. MIKEY payloads carry no common length field, so an unknown
    /// payload cannot be stepped over (RFC 3830 §6): the message is refused.
    case unknownPayload(MIKEYPayloadType, offset: Int)
    /// A field at `offset` holds a value the format does not allow (a CS ID map
    /// type with a #CS it cannot have, a timestamp type of unknown length, a
    /// signature type other than the ones defined, a length of zero …).
    case invalidValue(field: String, offset: Int, value: Int)
    /// A payload or field that may occur once occurs again (at `offset`).
    case duplicate(field: String, offset: Int)
    /// An empty value where the format gives an empty one no meaning (an
    /// identity, a RAND, a signature, SAKKE data), when constructing a payload.
    case emptyValue(field: String)
    /// A value too long for its length field, or a count too large for its
    /// count field, when encoding.
    case valueTooLarge(field: String, count: Int, maximum: Int)
    /// A protected payload (the key parameters, E.6) whose GCM tag does not
    /// verify under the key: the wrong key, or altered octets.
    case unauthenticated
}

extension MIKEYError {
    /// Runs `body`, turning the cursor's errors into ``malformed(_:)``.
    @inlinable static func reading<Result>(_ body: () throws -> Result) throws(MIKEYError) -> Result {
        do {
            return try body()
        } catch let error as MIKEYError {
            throw error
        } catch let error as OctetsError {
            throw .malformed(error)
        } catch {
            preconditionFailure("MIKEY readers throw only MIKEYError and OctetsError, not \(error)")
        }
    }
}
