/// How an SRTP/SRTCP context behaves beyond its keys.
public struct SRTPPolicy: Sendable {
    /// Indexes the replay window covers (RFC 3711 §3.3.2; 64 by default).
    public var replayWindowSize: Int
    /// RCCm3 (RFC 4771 mode 3): the ROC travels in a 4-octet field after the
    /// MKI of every packet whose SEQ is a multiple of R; 0 turns it off.
    /// TS 33.180 Table E.2.2-1 gives R = 1, the default here.
    public var rocTransmissionRate: Int
    /// Whether a receiver accepts authentication-only SRTCP (E = 0). TS 33.180
    /// §9.4.8 requires encrypted SRTCP, so the default is false.
    public var allowsUnencryptedSRTCP: Bool

    public init(replayWindowSize: Int = 64, rocTransmissionRate: Int = 1, allowsUnencryptedSRTCP: Bool = false) {
        self.replayWindowSize = replayWindowSize
        self.rocTransmissionRate = rocTransmissionRate
        self.allowsUnencryptedSRTCP = allowsUnencryptedSRTCP
    }

    /// Plain RFC 7714 SRTP/SRTCP: no ROC carriage, E = 0 SRTCP accepted.
    public static let rfc7714 = SRTPPolicy(rocTransmissionRate: 0, allowsUnencryptedSRTCP: true)

    /// Whether the packet with this SEQ carries the ROC.
    func carriesROC(_ sequenceNumber: UInt16) -> Bool {
        rocTransmissionRate > 0 && Int(sequenceNumber) % rocTransmissionRate == 0
    }

    func validated() throws -> SRTPPolicy {
        guard (0 ... 65_535).contains(rocTransmissionRate) else {
            throw SRTPError.invalidROCTransmissionRate(rocTransmissionRate)
        }
        _ = try ReplayWindow(size: replayWindowSize)
        return self
    }
}
