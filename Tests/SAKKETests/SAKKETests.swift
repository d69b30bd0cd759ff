import BigNum
@testable import Curves
import Octets
@testable import SAKKE
import Testing

/// k as a scalar of ⟨P⟩ (a public value in a test).
func scalar(_ k: BigUInt) -> FieldElement {
    SAKKECurve.scalarField.element(reducing: k)
}

/// z as the octets the KMS key pair takes.
func secret(_ z: BigUInt) -> SecretBytes {
    SecretBytes(z.minimalBigEndianBytes)
}

func octets(_ secret: SecretBytes) -> [UInt8] {
    secret.withUnsafeBytes { Array($0) }
}

@Suite struct SAKKETests {
    static let identifier = Array("2011-02\u{0}tel:+447700900123\u{0}".utf8)

    @Test func randomKeysEncapsulateAndDecapsulateRandomSSVs() throws {
        let kms = SAKKE.KMSKeyPair()
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
        let left = TatePairing.reduced(try SAKKECurve.multiply(p, scalar(a)), try SAKKECurve.multiply(p, scalar(b)))
        let right = TatePairing.reduced(try SAKKECurve.multiply(p, scalar(a * b)), p)
        #expect(left == right)
        let other = TatePairing.reduced(try SAKKECurve.multiply(p, scalar(a * b + 1)), p)
        #expect(left != other)
    }

    @Test func tamperedOrForeignEncapsulationsAreRefusedOpaquely() throws {
        let kms = SAKKE.KMSKeyPair()
        let key = try SAKKE.ReceiverKey(identifier: Self.identifier, zt: kms.zt, rsk: kms.receiverSecretKey(for: Self.identifier))
        let ssv = SecretBytes([UInt8](repeating: 7, count: 16))
        let encapsulation = try SAKKE.encapsulate(ssv: ssv, to: Self.identifier, zt: kms.zt)
        var bytes = encapsulation.bytes
        bytes[272] ^= 1 // H
        #expect(throws: SAKKEError.authenticationFailure) { try key.decapsulate(bytes) }
        bytes = encapsulation.bytes
        bytes[256] ^= 1 // R's y: off the curve
        #expect(throws: SAKKEError.authenticationFailure) { try key.decapsulate(bytes) }
        #expect(throws: SAKKEError.authenticationFailure) { try key.decapsulate(encapsulation.bytes.dropLast()) }
        // To another identifier under the same KMS.
        let other = try SAKKE.encapsulate(ssv: ssv, to: Array("someone else".utf8), zt: kms.zt)
        #expect(throws: SAKKEError.authenticationFailure) { try key.decapsulate(other) }
        // R replaced by a valid point of the subgroup.
        let swapped = try SAKKE.Encapsulation(bytes: SAKKECurve.generator.encoded + encapsulation.h)
        #expect(throws: SAKKEError.authenticationFailure) { try key.decapsulate(swapped) }
    }

    @Test func invalidKeysAndInputsAreRefusedWithTheirReason() throws {
        let kms = SAKKE.KMSKeyPair()
        let rsk = try kms.receiverSecretKey(for: Self.identifier)
        #expect(throws: SAKKEError.invalidReceiverKey) { try SAKKE.ReceiverKey(identifier: Array("x".utf8), zt: kms.zt, rsk: rsk) }
        #expect(throws: SAKKEError.invalidReceiverKey) { try SAKKE.ReceiverKey(identifier: Self.identifier, zt: SAKKECurve.generator, rsk: rsk) }
        #expect(throws: SAKKEError.invalidSecret) { try SAKKE.KMSKeyPair(z: SecretBytes([0])) }
        #expect(throws: SAKKEError.invalidSecret) { try SAKKE.KMSKeyPair(z: SecretBytes([])) }
        #expect(throws: SAKKEError.invalidSecret) { try SAKKE.KMSKeyPair(z: secret(SAKKECurve.order)) }
        #expect(throws: SAKKEError.invalidSecret) { try SAKKE.KMSKeyPair(z: SecretBytes([1] + [UInt8](repeating: 0, count: 128))) }
        #expect(throws: SAKKEError.invalidSSVLength(15)) { try SAKKE.encapsulate(ssv: SecretBytes([UInt8](repeating: 0, count: 15)), to: Self.identifier, zt: kms.zt) }
        #expect(throws: SAKKEError.invalidEncapsulationLength(272)) { try SAKKE.Encapsulation(bytes: [UInt8](repeating: 4, count: 272)) }
        #expect(throws: SAKKEError.invalidPoint(.notOnCurve)) { try SAKKE.Encapsulation(bytes: [0x04] + [UInt8](repeating: 1, count: 272)) }
        // a + z ≡ 0 (mod q): z = q − a. The KMS refuses the RSK, a sender the encapsulation.
        let a = BigUInt(bigEndianBytes: Self.identifier)
        let degenerate = try SAKKE.KMSKeyPair(z: secret(SAKKECurve.order - a))
        #expect(throws: SAKKEError.degenerateIdentifier) { try degenerate.receiverSecretKey(for: Self.identifier) }
        #expect(throws: SAKKEError.invalidPoint(.pointAtInfinity)) { try SAKKE.encapsulate(to: Self.identifier, zt: degenerate.zt) }
        #expect(throws: SAKKEError.invalidPoint(.pointAtInfinity)) { try SAKKE.PreparedRecipient(identifier: Self.identifier, zt: degenerate.zt) }
        // Leading zero octets in z are accepted (a KMS may send fixed-length fields).
        let padded = try SAKKE.KMSKeyPair(z: SecretBytes([0, 0] + [UInt8](repeating: 0, count: 126) + [0x12, 0x34]))
        #expect(try padded.zt == SAKKECurve.multiply(SAKKECurve.generator, scalar(0x1234)))
    }

    /// (0, 0) and K + (0, 0) are on the curve but not of order q: the RFC's
    /// pairing check alone accepts K + T (the pairing ignores the 2-torsion
    /// part); the RSK's validation proves the order and refuses both.
    @Test func receiverKeysOutsideTheSubgroupAreRefused() throws {
        let kms = SAKKE.KMSKeyPair()
        let rsk = try kms.receiverSecretKey(for: Self.identifier)
        let zeros = SecretBytes([0x04] + [UInt8](repeating: 0, count: 256))
        let twoTorsion = try SAKKE.ReceiverSecretKey(encoded: zeros)
        #expect(throws: SAKKEError.invalidReceiverKey) { try SAKKE.ReceiverKey(identifier: Self.identifier, zt: kms.zt, rsk: twoTorsion) }
        let shiftedPoint = try SAKKECurve.add(rsk.withPoint { copy $0 }, twoTorsion.withPoint { copy $0 })
        let shifted = try SAKKE.ReceiverSecretKey(encoded: SecretBytes(shiftedPoint.encoded))
        let point = try SAKKE.identityPoint(Self.identifier, zt: kms.zt)
        #expect(TatePairing.reduced(point, shiftedPoint) == TatePairing.reduced(point, rsk.withPoint { copy $0 }))
        #expect(TatePairing.reducedCheckingOrder(shiftedPoint, point) == nil)
        #expect(throws: SAKKEError.invalidReceiverKey) { try SAKKE.ReceiverKey(identifier: Self.identifier, zt: kms.zt, rsk: shifted) }
        #expect(throws: SAKKEError.invalidPoint(.notOnCurve)) {
            try SAKKE.ReceiverSecretKey(encoded: SecretBytes([0x04] + [UInt8](repeating: 1, count: 256)))
        }
    }

    /// Z_T with a 2-torsion part would make R = [r]([b]P + Z_T) leak r mod 2;
    /// it cannot be decoded, so no Sender, recipient or receiver can be built on it.
    @Test func publicKeysOutsideTheSubgroupCannotEnter() throws {
        let zt = SAKKE.KMSKeyPair().zt
        let twoTorsion = SAKKEPoint(unchecked: SAKKECurve.field.zero, SAKKECurve.field.zero)
        let shifted = try SAKKECurve.add(zt, twoTorsion)
        #expect(throws: CurveError.notInSubgroup) { try SAKKEPoint(encoded: shifted.encoded) }
        #expect(throws: CurveError.notInSubgroup) { try SAKKEPoint(encoded: twoTorsion.encoded) }
        let encapsulation = try SAKKE.encapsulate(to: Self.identifier, zt: zt).encapsulation
        #expect(throws: SAKKEError.invalidPoint(.notInSubgroup)) {
            try SAKKE.Encapsulation(bytes: SAKKECurve.add(encapsulation.r, twoTorsion).encoded + encapsulation.h)
        }
    }
}

extension SAKKETests {
    @Test func preparedSenderAndFixedBaseTablesAgreeWithTheColdPaths() throws {
        let kms = try SAKKE.KMSKeyPair(z: secret(0x1234_5678_9ABC_DEF0))
        #expect(try kms.zt == SAKKECurve.multiply(SAKKECurve.generator, scalar(0x1234_5678_9ABC_DEF0)))
        let sender = SAKKE.Sender(zt: kms.zt)
        let ssv = SecretBytes([UInt8](repeating: 0x5A, count: 16))
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
        #expect(throws: SAKKEError.invalidSSVLength(15)) { try recipient.encapsulate(ssv: SecretBytes([UInt8](repeating: 0, count: 15))) }
        let table = SAKKEFixedBaseTable(kms.zt)
        // Signed five-bit digits: 16 and 17 straddle the sign change, 31·32 + 17 carries
        // twice, q − 1 and 2¹⁰²¹ + … reach the top window.
        for k: BigUInt in [1, 15, 16, 17, 31, 32, 33, 31 * 32 + 17, 255, 256, SAKKECurve.order - 1, (BigUInt(1) << 1021) + 12345] {
            #expect(try table.multiply(scalar(k)) == SAKKECurve.multiply(kms.zt, scalar(k)))
        }
        #expect(throws: CurveError.pointAtInfinity) { try table.multiply(scalar(SAKKECurve.order)) }
        let five = try SAKKECurve.multiply(SAKKECurve.generator, scalar(5))
        #expect(try table.multiply(scalar(77), plus: five) == SAKKECurve.add(SAKKECurve.multiply(kms.zt, scalar(77)), five))
        #expect(throws: CurveError.pointAtInfinity) {
            try SAKKECurve.generatorTable.multiply(scalar(SAKKECurve.order - 5), plus: five)
        }
        #expect(throws: SAKKEError.invalidSSVLength(17)) { try sender.encapsulate(ssv: SecretBytes([UInt8](repeating: 0, count: 17)), to: Self.identifier) }
    }

    @Test func batchedFixedBaseMultiplicationAgreesWithTheColdPath() throws {
        let table = SAKKECurve.generatorTable
        // The batch starts its accumulators at [2¹⁰²⁵]P: k ≡ −2¹⁰²⁵ (mod q) brings one
        // to the identity before the offset is subtracted, the exceptional sum the
        // affine formula cannot make, so the batch is recomputed one scalar at a time.
        let offset = try (BigUInt(1) << 1025).modulo(SAKKECurve.order)
        let exceptional = SAKKECurve.order - offset
        let ks: [BigUInt] = [1, 16, 17, 31 * 32 + 17, SAKKECurve.order - 1, (BigUInt(1) << 1021) + 12345, 0xAFF4_29D3_5F84_B110]
        for batch in [ks, ks + [exceptional], [exceptional, 2]] {
            let points = try table.multiply(batch: batch.map(scalar))
            #expect(points.count == batch.count)
            for (k, point) in zip(batch, points) { #expect(try point == SAKKECurve.multiply(SAKKECurve.generator, scalar(k))) }
        }
        #expect(try table.multiply(batch: []).isEmpty)
        #expect(try table.multiply(batch: [scalar(33)]) == [SAKKECurve.multiply(SAKKECurve.generator, scalar(33))])
        #expect(throws: CurveError.pointAtInfinity) { try table.multiply(batch: [scalar(5), scalar(SAKKECurve.order)]) }
    }

    @Test func batchIssuedReceiverKeysAreTheKeysIssuedOneByOne() throws {
        let kms = try SAKKE.KMSKeyPair(z: secret(0xAFF4_29D3_5F84_B110))
        let identifiers = [Array(Self.identifier)] + (0 ..< 4).map { [UInt8](repeating: UInt8($0), count: 32) }
        let batch = try kms.receiverSecretKeys(for: identifiers)
        #expect(batch.count == identifiers.count)
        for (identifier, rsk) in zip(identifiers, batch) {
            #expect(rsk.encoded == (try kms.receiverSecretKey(for: identifier)).encoded)
            // RFC 6508 §6.1.2: what a receiver checks.
            _ = try SAKKE.ReceiverKey(identifier: identifier, zt: kms.zt, rsk: rsk)
        }
        #expect(try kms.receiverSecretKeys(for: []).isEmpty)
    }

    /// No secret-holding type prints, dumps or mirrors its secret.
    @Test func secretHoldingTypesNeverShowTheirSecrets() throws {
        let kms = try SAKKE.KMSKeyPair(z: secret(0xAFF4_29D3_5F84_B110))
        let rsk = try kms.receiverSecretKey(for: Self.identifier)
        let key = try SAKKE.ReceiverKey(identifier: Self.identifier, zt: kms.zt, rsk: rsk)
        let zHex = "aff429d35f84b110", rskHex = Hex.encode(octets(rsk.encoded).dropFirst().prefix(8))
        for value in [kms, rsk, key, SAKKE.PreparedReceiver(key)] as [Any] {
            var dumped = ""
            dump(value, to: &dumped)
            let texts = [String(describing: value), String(reflecting: value), "\(value)", dumped,
                         Mirror(reflecting: value).children.map { "\($0.label ?? ""): \($0.value)" }.joined()]
            for text in texts {
                #expect(!text.lowercased().contains(zHex))
                #expect(!text.lowercased().contains(rskHex))
            }
        }
    }
}
