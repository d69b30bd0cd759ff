import SRTP

/// `RTPHeader.init` on the whole input. Refusals must be `SRTPError`; an
/// accepted header lies inside the packet, is a whole number of 32-bit words
/// of at least 12 octets, and reports the octets of SEQ and SSRC.
public enum RTPHeaderFuzzEntry: FuzzEntryPoint {
    public static let name = "RTPHeader"

    public static func run(_ input: [UInt8]) throws(FuzzFinding) -> FuzzOutcome {
        try FuzzExpectation.outcome(of: name, isDocumented: { $0 is SRTPError }) {
            let header = try input.withUnsafeBytes { try RTPHeader($0) }
            try FuzzExpectation.require(
                header.length >= 12 && header.length <= input.count && header.length % 4 == 0, name,
                "header length \(header.length) in a packet of \(input.count)")
            try FuzzExpectation.require(header.sequenceNumber == UInt16(input[2]) << 8 | UInt16(input[3]), name, "wrong SEQ")
            try FuzzExpectation.require(
                header.ssrc == input[8 ..< 12].reduce(0) { $0 << 8 | UInt32($1) }, name, "wrong SSRC")
        }
    }
}
