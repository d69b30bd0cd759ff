/// The purpose tag of a TS 33.180 key identifier: its four most significant
/// bits (Annex G, Table G-1).
public enum KeyPurpose: UInt8, Sendable, CaseIterable {
    /// Group Master Key: protection of group communications.
    case gmk = 0
    /// Private Call Key.
    case pck = 1
    /// Client-Server Key: application signalling (XML and SRTCP) between client and MC domain.
    case csk = 2
    /// Signalling Protection Key: application signalling between servers.
    case spk = 3
    /// Multicast key for floor control (legacy, Annex H).
    case mkfc = 4
    /// Multicast signalling key for client-to-client communication (Annex H).
    case mscck = 5
    /// Multicast Signalling Key: multicast signalling from the MCX server.
    case musik = 6

    /// Whether keys of this purpose are distributed with end-point diversity
    /// (a UK-ID in the CSB ID instead of the K-ID, TS 33.180 §5.2.3): only GMKs.
    public var usesEndPointDiversity: Bool { self == .gmk }
}
