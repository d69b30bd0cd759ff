import Curves
import ECCSI
import KeyDerivation
import MIKEY
import MikeySakke
import Octets
import SAKKE

/// `IMessageReceiver.process` on the whole input, as Alice of the I_MESSAGEs
/// Streamwide's sw_mikey_sakke publishes (StreamwideTestVectors.md v5: its
/// KMS's Z_T and KPAK, Alice's RSK, key period 16 777 215 s), with the
/// initiator's URI "gms@streamwide.com" from outside and the clock at the
/// message's own timestamp. Refusals must be `MikeySakkeError`; an accepted
/// message must yield a 16-octet key under the CSB ID it carries.
public enum IMessageProcessFuzzEntry: FuzzEntryPoint {
    public static let name = "IMessageProcess"

    static let receiver = Result { () throws -> IMessageReceiver in
        let period = try KeyPeriod(length: 16_777_215)
        let alice = IMessageParty(uri: "sip:alice@streamwide.com", kmsURI: "kms.mydev.streamwide.com")
        let zt = try SAKKEPoint(encoded: Hex.decode(
                "046fc2cf00fd48467abe7c02f383002fc49b6632bf0f7071d958f1f128154e6fae1f69bb91691a191a358fe647a3e020d2365d52f81fb3af4ea271654f1a8802" +
                "74c1ae228ac72cc15d535394321bd2143cea2619fb3b0c6ce7a5f72714d8ef4d11cb0c991c3376ca31b168b01e66021effdbf7920bd66615e6f0d6a1e61c06e7" +
                "2e61b4138738c11bc249a3849e9c4cff327a7d0d2769c3d97a37f86adfb13baa257e628ce236f40360d3f7b8d95b0e3fcc19417602d7d6b8928b855eae9129be" +
                "1f0b87d33e884906dd95a04a8bd61240bad60f9dfada64806726f8f08b86343f54046416f5198116e9798c218bcf9ca07d0baa4be50062bfe54e44495b6ed59c" +
                "b6"))
        let rsk = try SAKKE.ReceiverSecretKey(encoded: SecretBytes(Hex.decode(
                "0428b44cd6dffd2e7fe73521a5c514738287df177c1ae841ba6f5d72601b9c6bc5509c3fd800ac1fee833dd81c74ab39d2740a10fba25cd9b0debb25a3da958c" +
                "f52e35e863d2db37ea22b318d23d9911d36f585eb110e430123f3cd84d2692a4013bc7f59533e5da2083d8e6e8b96764eb8e8be599dc2361e7428460b8490200" +
                "417baa5bac10efaa5262301b3110f6da9e8bc9c4b62827c3d4f4070a8e341346a326a23f219d2a99298036615956bb85a60cf303d15d469c1ee837c29cba5dcc" +
                "b28d74e4ba0d83dac9400d72eecb1817cc60127203f1321e82b7a24f60c07f1804a9895cbb455a94694a5ef627b1c631760295dad53f0eed1714ba52d5a932bd" +
                "dd")))
        let uid = try Hex.decode("b5c452309219da6a3d805615548d6c1b0f4de45a6b48fb13d9a24d857fc03dc4")
        let kpak = try Hex.decode(
                "0448f9c2c48b50735f6bc70ec6691073243f1e0bd83cc73bb936d61ffcb2d6049a5b297e8205b29fbd8591cb582d6402add21451ce4beebeaaa7520e93b11cf2" +
                "8f")
        return try IMessageReceiver(
            party: alice, keyPeriod: period, keyPeriodNumber: 236, receiverKey: SAKKE.ReceiverKey(identifier: uid, zt: zt, rsk: rsk),
            trustedKMS: [alice.kmsURI: ECCSI.Verifier(kpak: kpak)], replayCache: nil, preparesReceiverKey: true)
    }

    public static func run(_ input: [UInt8]) throws(FuzzFinding) -> FuzzOutcome {
        guard case .success(let receiver) = receiver else { throw FuzzFinding(target: name, detail: "fixture: \(receiver)") }
        let message = try? IMessage(parsing: input)
        let now = if case .ntpUTC(let time) = message?.timestamp { time } else { NTPTimestamp(seconds: 3_968_437_672) }
        return try FuzzExpectation.outcome(of: name, isDocumented: { $0 is MikeySakkeError }) {
            let received = try receiver.process(input, initiatorURI: "gms@streamwide.com", now: now)
            try FuzzExpectation.require(received.key.count == 16, name, "key of \(received.key.count) octets")
            try FuzzExpectation.require(received.csbID == message?.header.csbID, name, "CSB ID differs from the header's")
        }
    }
}
