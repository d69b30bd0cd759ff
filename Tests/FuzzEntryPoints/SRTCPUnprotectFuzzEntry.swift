import SRTP

/// `SRTCPReceiver.unprotect` on a stream of packets under the receiver an
/// ``SRTPFuzzContext`` selects. Refusals must be `SRTPError`; an accepted
/// packet must keep its first 8 octets, lose exactly tag, trailer and MKI,
/// and carry a 31-bit index; `unprotect(inPlace:)` on a receiver of its own
/// must accept and refuse the same packets and give the same RTCP packets.
public enum SRTCPUnprotectFuzzEntry: FuzzEntryPoint {
    public static let name = "SRTCPUnprotect"

    public static func run(_ input: [UInt8]) throws(FuzzFinding) -> FuzzOutcome {
        guard let context = try SRTPFuzzContext(input, target: name) else { return .rejected }
        var receiver: SRTCPReceiver
        do {
            receiver = try SRTCPReceiver(keys: context.keys, policy: context.policy)
        } catch {
            throw FuzzFinding(target: name, detail: "fixed receiver refused: \(error)")
        }
        var inPlaceReceiver = receiver
        var accepted = false
        for packet in context.packets {
            var output: [UInt8] = []
            let outcome = try FuzzExpectation.outcome(of: name, isDocumented: { $0 is SRTPError }) {
                let index = try packet.withUnsafeBytes { try receiver.unprotect($0, into: &output) }
                let overhead = 16 + 4 + context.mkiLength
                try FuzzExpectation.require(output.count == packet.count - overhead, name, "output of \(output.count) octets from \(packet.count)")
                try FuzzExpectation.require(output.prefix(8).elementsEqual(packet.prefix(8)), name, "RTCP header changed")
                try FuzzExpectation.require(index < 1 << 31, name, "index \(index) wider than 31 bits")
            }
            var inPlace = packet
            let inPlaceOutcome = try FuzzExpectation.outcome(of: name, isDocumented: { $0 is SRTPError }) {
                _ = try inPlaceReceiver.unprotect(inPlace: &inPlace)
            }
            try FuzzExpectation.require(inPlaceOutcome == outcome, name, "in place \(inPlaceOutcome), into an array \(outcome)")
            try FuzzExpectation.require(outcome != .accepted || inPlace == output, name, "in place gave other octets")
            accepted = accepted || outcome == .accepted
        }
        return accepted ? .accepted : .rejected
    }
}
