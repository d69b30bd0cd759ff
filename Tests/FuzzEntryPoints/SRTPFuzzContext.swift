import Octets
import SRTP

/// The receiver configuration an SRTP or SRTCP fuzz input selects with its
/// first octet; the rest of the input is a ``FuzzPacketSequence``.
///
/// - bit 0: the profile, `AEAD_AES_128_GCM` (0) or `AEAD_AES_256_GCM` (1),
///   with the session key and salt of RFC 7714 §16 (so the RFC's packets
///   authenticate);
/// - bits 1–2: the MKI: none (0), 4 octets `00000001` (1), 8 octets
///   `0000000100000002` (2), or two keys with the 4-octet MKIs `00000001`
///   (the RFC key) and `00000002` (another key) (3);
/// - bit 3: the policy, plain RFC 7714 (0) or the TS 33.180 default (1:
///   RCCm3 with R = 1, authentication-only SRTCP refused);
/// - bits 4–7: the receiver's initial ROC (SRTP only).
public struct SRTPFuzzContext {
    /// The keys of the receiver.
    public let keys: [SRTPMasterKey]
    /// The receiver's policy.
    public let policy: SRTPPolicy
    /// The MKI length every packet carries.
    public let mkiLength: Int
    /// Whether every SRTP packet carries a 4-octet ROC after the MKI.
    public let carriesROC: Bool
    /// The initial ROC.
    public let rolloverCounter: UInt32
    /// The packets to unprotect, in order.
    public let packets: [[UInt8]]

    /// The RFC 7714 §16 session salt.
    static let salt: [UInt8] = [0x51, 0x75, 0x69, 0x64, 0x20, 0x70, 0x72, 0x6F, 0x20, 0x71, 0x75, 0x6F]

    /// The configuration octet of these choices (for building seeds).
    public static func configuration(aes256: Bool, mkiMode: Int, ts33180Policy: Bool, rolloverCounter: Int = 0) -> UInt8 {
        UInt8(aes256 ? 1 : 0) | UInt8((mkiMode & 3) << 1) | (ts33180Policy ? 8 : 0) | UInt8((rolloverCounter & 15) << 4)
    }

    /// The context of `input`, or nil for an empty input.
    ///
    /// - Throws: `FuzzFinding` if the fixed keys are refused (a harness bug).
    public init?(_ input: [UInt8], target: String) throws(FuzzFinding) {
        guard let configuration = input.first else { return nil }
        let profile: SRTPProfile = configuration & 1 == 0 ? .aeadAES128GCM : .aeadAES256GCM
        let rfcKey = (0 ..< UInt8(profile.keyLength)).map { $0 }
        let mkiMode = Int(configuration >> 1 & 3)
        do {
            func key(_ bytes: [UInt8], mki: [UInt8]) throws -> SRTPMasterKey {
                try SRTPMasterKey(profile: profile, sessionKey: SecretBytes(bytes), sessionSalt: SecretBytes(Self.salt), mki: mki)
            }
            switch mkiMode {
            case 0: keys = [try key(rfcKey, mki: [])]
            case 1: keys = [try key(rfcKey, mki: [0, 0, 0, 1])]
            case 2: keys = [try key(rfcKey, mki: [0, 0, 0, 1, 0, 0, 0, 2])]
            default: keys = [try key(rfcKey, mki: [0, 0, 0, 1]), try key(rfcKey.map { $0 ^ 0xA5 }, mki: [0, 0, 0, 2])]
            }
        } catch {
            throw FuzzFinding(target: target, detail: "fixed keys refused: \(error)")
        }
        mkiLength = [0, 4, 8, 4][mkiMode]
        let ts33180 = configuration & 8 != 0
        policy = ts33180 ? SRTPPolicy() : .rfc7714
        carriesROC = ts33180
        rolloverCounter = UInt32(configuration >> 4)
        packets = FuzzPacketSequence.split(input.dropFirst())
    }
}
