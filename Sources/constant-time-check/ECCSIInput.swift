import Curves
import ECCSI
import Octets
import TestSupport

/// One ECCSI key set and message: the RFC 6507 Appendix A example, or one
/// made from a seeded generator (its KMS work is set-up, outside the check
/// proper, but it still runs under memcheck).
struct ECCSIInput {
    var identifier: [UInt8]
    var ksak: [UInt8]
    var v: [UInt8]
    var kpak: P256Point
    var pvt: P256Point
    var ssk: [UInt8]
    var j: [UInt8]
    var message: [UInt8]
    /// The known (r, s), when the source gives one.
    var signature: (r: [UInt8], s: [UInt8])?

    /// RFC 6507 Appendix A.
    static func rfc6507() throws(CheckError) -> ECCSIInput {
        let kpak: P256Point, pvt: P256Point
        do {
            kpak = try P256Point(encoded: PublicInput.bytes(
                "0450d4670bde75244f28d2838a0d25558a7a72686d4522d4c8273fb6442aebfa93dbdd37551afd263b5dfd617f3960c65a8c298850ff99f20366dce7d4367217f4"))
            pvt = try P256Point(encoded: PublicInput.bytes(
                "04758a142779be89e829e71984cb40ef758cc4ad775fc5b9a3e1c8ed52f6fa36d9a79d247692f4eda3a6bdab77d6aa6474a464ae4934663c5265ba7018ba091f79"))
        } catch let error as CheckError {
            throw error
        } catch {
            throw CheckError.operationFailed(operation: "eccsi input", input: 0, error: error)
        }
        return try ECCSIInput(
            identifier: Array("2011-02\u{0}tel:+447700900123\u{0}".utf8),
            ksak: PublicInput.bytes("0000000000000000000000000000000000000000000000000000000000012345"),
            v: PublicInput.bytes("0000000000000000000000000000000000000000000000000000000000023456"),
            kpak: kpak, pvt: pvt,
            ssk: PublicInput.bytes("23f374ae1f4033f3e9dbddaaef20f4cf0b86bbd5a138a5ae9e7e006b34489a0d"),
            j: PublicInput.bytes("0000000000000000000000000000000000000000000000000000000000034567"),
            message: Array("message\u{0}".utf8),
            signature: (
                PublicInput.bytes("269d4c8fdeb66a74e4ef8c0d5dcc597ddfe6029c2affc4936008cd2cc1045d81"),
                PublicInput.bytes("e09b528d0ef8d6df1aa3ecbf80110cfcec9fc68252cebb679f4134846940ccfd")))
    }

    /// Keys from KSAK, v and j drawn from a generator seeded with `index`.
    static func seeded(_ index: Int) throws(CheckError) -> ECCSIInput {
        var generator = SeededGenerator(seed: 0xC0DE_0000 &+ UInt64(index))
        let identifier = Array("2026-01\u{0}tel:+4477009\(index)\u{0}".utf8)
        let ksak = P256SecretScalar(using: &generator), v = P256SecretScalar(using: &generator)
        let j = P256SecretScalar(using: &generator)
        let kms = ECCSI.KMSKeyPair(ksak: ksak)
        let keys: ECCSI.IssuedUserKeys
        do { keys = try kms.issueUserKeys(for: identifier, v: v) } catch {
            throw CheckError.operationFailed(operation: "eccsi input", input: index, error: error)
        }
        return ECCSIInput(
            identifier: identifier,
            ksak: ksak.withBigEndianBytes { Secret.revealed($0) }, v: v.withBigEndianBytes { Secret.revealed($0) },
            kpak: kms.kpak, pvt: keys.pvt,
            ssk: keys.ssk.withBigEndianBytes { Secret.revealed($0) }, j: j.withBigEndianBytes { Secret.revealed($0) },
            message: Array("message \(index)".utf8), signature: nil)
    }
}
