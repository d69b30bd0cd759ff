import Octets

/// The common header's crypto sessions: "#CS", "CS ID map type" and "CS ID
/// map info" (RFC 3830 §6.1). TS 33.180 E.1.2: with no crypto session the map
/// is the empty map (type 1) and the default profile of the key's annex
/// applies; otherwise it is GENERIC-ID (type 2).
public enum CryptoSessionMap: Sendable, Equatable {
    /// SRTP-ID (type 0, RFC 3830 §6.1.1).
    case srtpID([SRTPIDCryptoSession])
    /// The empty map (type 1, RFC 4738 §4.2.1): #CS is 0 and the map info empty.
    case empty
    /// GENERIC-ID (type 2, RFC 6043 §6.1.1).
    case genericID([GenericIDCryptoSession])

    /// The CS ID map type.
    public var mapType: UInt8 {
        switch self {
        case .srtpID: 0
        case .empty: 1
        case .genericID: 2
        }
    }

    /// #CS, the number of crypto sessions.
    public var count: Int {
        switch self {
        case .srtpID(let sessions): sessions.count
        case .empty: 0
        case .genericID(let sessions): sessions.count
        }
    }

    /// The CS IDs of the sessions. An SRTP-ID map numbers its sessions 1, 2, …
    /// in order (RFC 3830 §6.1.1); a GENERIC-ID map names them.
    public var csIDs: [UInt8] {
        switch self {
        case .srtpID(let sessions): (0 ..< sessions.count).map { UInt8(truncatingIfNeeded: $0 + 1) }
        case .empty: []
        case .genericID(let sessions): sessions.map(\.csID)
        }
    }

    /// Reads the map info of `type` for `count` sessions (the reader is after
    /// the map type octet, whose offset is `typeOffset`).
    static func read(
        type: UInt8, count: UInt8, typeOffset: Int, from reader: inout ByteReader<ArraySlice<UInt8>>
    ) throws(MIKEYError) -> CryptoSessionMap {
        switch type {
        case 0:
            var sessions: [SRTPIDCryptoSession] = []
            for _ in 0 ..< count { sessions.append(try SRTPIDCryptoSession(reading: &reader)) }
            return .srtpID(sessions)
        case 1:
            guard count == 0 else { throw .invalidValue(field: "#CS (empty CS ID map)", offset: typeOffset - 1, value: Int(count)) }
            return .empty
        case 2:
            var sessions: [GenericIDCryptoSession] = []
            var seen = Set<UInt8>()
            for _ in 0 ..< count {
                let offset = reader.offset
                let session = try GenericIDCryptoSession(reading: &reader)
                guard seen.insert(session.csID).inserted else { throw .duplicate(field: "CS ID", offset: offset) }
                sessions.append(session)
            }
            return .genericID(sessions)
        default:
            throw .invalidValue(field: "CS ID map type", offset: typeOffset, value: Int(type))
        }
    }

    func write(to writer: inout ByteWriter) {
        switch self {
        case .srtpID(let sessions): for session in sessions { session.write(to: &writer) }
        case .empty: break
        case .genericID(let sessions): for session in sessions { session.write(to: &writer) }
        }
    }
}
