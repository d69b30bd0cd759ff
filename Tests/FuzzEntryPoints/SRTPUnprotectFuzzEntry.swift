import SRTP

/// `SRTPReceiver.unprotect` on a stream of packets under the receiver an
/// ``SRTPFuzzContext`` selects. Refusals must be `SRTPError`; an accepted
/// packet must yield its RTP header unchanged and exactly the octets between
/// header and tag; `unprotect(inPlace:)` on a receiver of its own must
/// accept and refuse the same packets and give the same RTP packets.
public enum SRTPUnprotectFuzzEntry: FuzzEntryPoint {
    public static let name = "SRTPUnprotect"

    public static func run(_ input: [UInt8]) throws(FuzzFinding) -> FuzzOutcome {
        guard let context = try SRTPFuzzContext(input, target: name) else { return .rejected }
        var receiver: SRTPReceiver
        do {
            receiver = try SRTPReceiver(keys: context.keys, policy: context.policy, rolloverCounter: context.rolloverCounter)
        } catch {
            throw FuzzFinding(target: name, detail: "fixed receiver refused: \(error)")
        }
        var inPlaceReceiver = receiver
        var accepted = false
        for packet in context.packets {
            var output: [UInt8] = []
            let outcome = try FuzzExpectation.outcome(of: name, isDocumented: { $0 is SRTPError }) {
                output = try receiver.unprotect(packet)
                let header = try packet.withUnsafeBytes { try RTPHeader($0) }
                let overhead = 16 + context.mkiLength + (context.carriesROC ? 4 : 0)
                try FuzzExpectation.require(output.count == packet.count - overhead, name, "output of \(output.count) octets from \(packet.count)")
                try FuzzExpectation.require(output.prefix(header.length).elementsEqual(packet.prefix(header.length)), name, "header changed")
            }
            var inPlace = packet
            let inPlaceOutcome = try FuzzExpectation.outcome(of: name, isDocumented: { $0 is SRTPError }) {
                try inPlaceReceiver.unprotect(inPlace: &inPlace)
            }
            try FuzzExpectation.require(inPlaceOutcome == outcome, name, "in place \(inPlaceOutcome), into an array \(outcome)")
            try FuzzExpectation.require(outcome != .accepted || inPlace == output, name, "in place gave other octets")
            accepted = accepted || outcome == .accepted
        }
        return accepted ? .accepted : .rejected
    }
}
