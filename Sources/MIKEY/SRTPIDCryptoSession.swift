import Octets

/// One crypto session of an SRTP-ID map (CS ID map type 0, RFC 3830 §6.1.1):
/// the security policy, SSRC and ROC of an SRTP stream.
public struct SRTPIDCryptoSession: Sendable, Equatable {
    /// Policy_no_i: the SP payload that applies.
    public var policyNumber: UInt8
    /// SSRC_i.
    public var ssrc: UInt32
    /// ROC_i, the stream's current rollover counter.
    public var rolloverCounter: UInt32

    public init(policyNumber: UInt8, ssrc: UInt32, rolloverCounter: UInt32) {
        self.policyNumber = policyNumber
        self.ssrc = ssrc
        self.rolloverCounter = rolloverCounter
    }

    init(reading reader: inout ByteReader<ArraySlice<UInt8>>) throws(MIKEYError) {
        (policyNumber, ssrc, rolloverCounter) = try MIKEYError.reading {
            (try reader.readInteger(field: "Policy_no_i"), try reader.readInteger(field: "SSRC_i"), try reader.readInteger(field: "ROC_i"))
        }
    }

    func write(to writer: inout ByteWriter) {
        writer.writeInteger(policyNumber)
        writer.writeInteger(ssrc)
        writer.writeInteger(rolloverCounter)
    }
}
