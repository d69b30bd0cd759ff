/// The MIKEY crypto-session identifiers TS 33.180 assigns (Table E.1.3-1).
/// CS-IDs 0 and 2 are for streams from the initiator of a private call, 1
/// and 3 for streams from its receiver.
public enum CryptoSessionID: UInt8, Sendable, CaseIterable {
    case mcpttPrivateCallInitiator = 0
    case mcpttPrivateCallReceiver = 1
    case mcvideoPrivateCallInitiator = 2
    case mcvideoPrivateCallReceiver = 3
    case mcpttGroupCall = 4
    case mcvideoGroupCall = 5
    case cskSRTCPForMCPTT = 6
    case musikSRTCPForMCPTT = 7
    case cskSRTCPForMCVideo = 8
    case musikSRTCPForMCVideo = 9
}
