import BigNum
import Curves
import SAKKE
import Testing

@Suite struct SAKKETests {
    static let identifier = Array("2011-02\u{0}tel:+447700900123\u{0}".utf8)

    @Test func randomKeysEncapsulateAndDecapsulateRandomSSVs() throws {
        let kms = try SAKKE.KMSKeyPair()
        let identifier = Array("2026-11\u{0}sip:bob@example.org\u{0}".utf8)
        let key = try SAKKE.ReceiverKey(identifier: identifier, zt: kms.zt, rsk: kms.receiverSecretKey(for: identifier))
        let (ssv, encapsulation) = try SAKKE.encapsulate(to: identifier, zt: kms.zt)
        #expect(ssv.count == 16)
        #expect(encapsulation.bytes.count == 273)
        #expect(try key.decapsulate(encapsulation.bytes) == ssv)
        #expect(try SAKKE.Encapsulation(bytes: encapsulation.bytes) == encapsulation)
        // A given SSV gives the same encapsulation every time (r is derived from it).
        #expect(try SAKKE.encapsulate(ssv: ssv, to: identifier, zt: kms.zt) == encapsulation)
    }

    @Test func pairingIsBilinear() throws {
        let p = SAKKECurve.generator
        let (a, b) = (BigUInt(0x1234_5678_9ABC), BigUInt(0xFEDC_BA98_7654_3210))
        let left = TatePairing.normalizedImaginaryPart(TatePairing.reduced(try SAKKECurve.multiply(p, a), try SAKKECurve.multiply(p, b)))
        let right = TatePairing.normalizedImaginaryPart(TatePairing.reduced(try SAKKECurve.multiply(p, a * b), p))
        #expect(left == right)
        let other = TatePairing.normalizedImaginaryPart(TatePairing.reduced(try SAKKECurve.multiply(p, a * b + 1), p))
        #expect(left != other)
    }

    @Test func tamperedOrForeignEncapsulationsAreRefusedOpaquely() throws {
        let kms = try SAKKE.KMSKeyPair()
        let key = try SAKKE.ReceiverKey(identifier: Self.identifier, zt: kms.zt, rsk: kms.receiverSecretKey(for: Self.identifier))
        let encapsulation = try SAKKE.encapsulate(ssv: [UInt8](repeating: 7, count: 16), to: Self.identifier, zt: kms.zt)
        var bytes = encapsulation.bytes
        bytes[272] ^= 1 // H
        #expect(throws: SAKKEError.authenticationFailure) { try key.decapsulate(bytes) }
        bytes = encapsulation.bytes
        bytes[256] ^= 1 // R's y: off the curve
        #expect(throws: SAKKEError.authenticationFailure) { try key.decapsulate(bytes) }
        #expect(throws: SAKKEError.authenticationFailure) { try key.decapsulate(encapsulation.bytes.dropLast()) }
        // To another identifier under the same KMS.
        let other = try SAKKE.encapsulate(ssv: [UInt8](repeating: 7, count: 16), to: Array("someone else".utf8), zt: kms.zt)
        #expect(throws: SAKKEError.authenticationFailure) { try key.decapsulate(other) }
        // R replaced by a valid point of the subgroup.
        let swapped = try SAKKE.Encapsulation(bytes: SAKKECurve.generator.encoded + encapsulation.h)
        #expect(throws: SAKKEError.authenticationFailure) { try key.decapsulate(swapped) }
    }

    @Test func invalidKeysAndInputsAreRefusedWithTheirReason() throws {
        let kms = try SAKKE.KMSKeyPair()
        let rsk = try kms.receiverSecretKey(for: Self.identifier)
        #expect(throws: SAKKEError.invalidReceiverKey) { try SAKKE.ReceiverKey(identifier: Array("x".utf8), zt: kms.zt, rsk: rsk) }
        #expect(throws: SAKKEError.invalidReceiverKey) { try SAKKE.ReceiverKey(identifier: Self.identifier, zt: SAKKECurve.generator, rsk: rsk) }
        #expect(throws: SAKKEError.invalidSecret) { try SAKKE.KMSKeyPair(z: 0) }
        #expect(throws: SAKKEError.invalidSecret) { try SAKKE.KMSKeyPair(z: SAKKECurve.order) }
        #expect(throws: SAKKEError.invalidSSVLength(15)) { try SAKKE.encapsulate(ssv: [UInt8](repeating: 0, count: 15), to: Self.identifier, zt: kms.zt) }
        #expect(throws: SAKKEError.invalidEncapsulationLength(272)) { try SAKKE.Encapsulation(bytes: [UInt8](repeating: 4, count: 272)) }
        #expect(throws: SAKKEError.invalidPoint(.notOnCurve)) { try SAKKE.Encapsulation(bytes: [0x04] + [UInt8](repeating: 1, count: 272)) }
        // a + z ≡ 0 (mod q): z = q − a.
        let a = BigUInt(bigEndianBytes: Self.identifier)
        let degenerate = try SAKKE.KMSKeyPair(z: SAKKECurve.order - a)
        #expect(throws: SAKKEError.degenerateIdentifier) { try degenerate.receiverSecretKey(for: Self.identifier) }
        // (0, 0) is on the curve but of order 2, outside the subgroup.
        let twoTorsion = try SAKKEPoint(encoded: [0x04] + [UInt8](repeating: 0, count: 256))
        #expect(!SAKKECurve.isInPrimeOrderSubgroup(twoTorsion))
        #expect(throws: SAKKEError.invalidReceiverKey) { try SAKKE.ReceiverKey(identifier: Self.identifier, zt: kms.zt, rsk: twoTorsion) }
        // K + (0, 0): the RFC's pairing check alone accepts it (the pairing ignores the
        // 2-torsion part), the subgroup check of the validation does not.
        let shifted = try SAKKECurve.add(rsk, twoTorsion)
        #expect(try SAKKEPoint(encoded: shifted.encoded) == shifted) // on the curve
        #expect(!SAKKECurve.isInPrimeOrderSubgroup(shifted))
        let point = try SAKKECurve.add(SAKKECurve.multiply(SAKKECurve.generator, a), kms.zt)
        #expect(TatePairing.normalizedImaginaryPart(TatePairing.reduced(point, shifted))
            == TatePairing.normalizedImaginaryPart(TatePairing.reduced(point, rsk)))
        #expect(TatePairing.reducedCheckingOrder(shifted, point) == nil)
        #expect(throws: SAKKEError.invalidReceiverKey) { try SAKKE.ReceiverKey(identifier: Self.identifier, zt: kms.zt, rsk: shifted) }
    }
}

extension SAKKETests {
    @Test func preparedSenderAndFixedBaseTablesAgreeWithTheColdPaths() throws {
        let kms = try SAKKE.KMSKeyPair(z: 0x1234_5678_9ABC_DEF0)
        #expect(try kms.zt == SAKKECurve.multiply(SAKKECurve.generator, 0x1234_5678_9ABC_DEF0))
        let sender = SAKKE.Sender(zt: kms.zt)
        let ssv = [UInt8](repeating: 0x5A, count: 16)
        let prepared = try sender.encapsulate(ssv: ssv, to: Self.identifier)
        #expect(try prepared == SAKKE.encapsulate(ssv: ssv, to: Self.identifier, zt: kms.zt))
        let key = try SAKKE.ReceiverKey(identifier: Self.identifier, zt: kms.zt, rsk: kms.receiverSecretKey(for: Self.identifier))
        #expect(try key.decapsulate(prepared) == ssv)
        let receiver = SAKKE.PreparedReceiver(key)
        #expect(try receiver.decapsulate(prepared.bytes) == ssv)
        var tampered = prepared.bytes
        tampered[272] ^= 1
        #expect(throws: SAKKEError.authenticationFailure) { try receiver.decapsulate(tampered) }
        let recipient = try SAKKE.PreparedRecipient(identifier: Self.identifier, zt: kms.zt)
        #expect(try recipient.encapsulate(ssv: ssv) == prepared)
        let (freshSSV, fresh) = try recipient.encapsulate()
        #expect(try receiver.decapsulate(fresh) == freshSSV)
        #expect(throws: SAKKEError.invalidSSVLength(15)) { try recipient.encapsulate(ssv: [UInt8](repeating: 0, count: 15)) }
        let table = SAKKEFixedBaseTable(kms.zt)
        // Signed five-bit digits: 16 and 17 straddle the sign change, 31·32 + 17 carries
        // twice, q − 1 and 2¹⁰²¹ + … reach the top window.
        for k: BigUInt in [1, 15, 16, 17, 31, 32, 33, 31 * 32 + 17, 255, 256, SAKKECurve.order - 1, (BigUInt(1) << 1021) + 12345] {
            #expect(try table.multiply(k) == SAKKECurve.multiply(kms.zt, k))
        }
        #expect(throws: CurveError.pointAtInfinity) { try table.multiply(SAKKECurve.order) }
        let five = try SAKKECurve.multiply(SAKKECurve.generator, 5)
        #expect(try table.multiply(77, plus: five) == SAKKECurve.add(SAKKECurve.multiply(kms.zt, 77), five))
        #expect(throws: CurveError.pointAtInfinity) {
            try SAKKECurve.generatorTable.multiply(SAKKECurve.order - 5, plus: five)
        }
        #expect(throws: SAKKEError.invalidSSVLength(17)) { try sender.encapsulate(ssv: [UInt8](repeating: 0, count: 17), to: Self.identifier) }
    }
}
