import Curves
import ECCSI
import Foundation
import Octets
import Testing

@testable import KMS

/// Each rule by which a client refuses a key set (TS 33.180 §5.3, D.3.3;
/// RFC 6507 §5.1.2, RFC 6508 §6.1.2) or a KMS certificate (D.3.2), one test
/// per rule, each asserting the exact error. The documents are the world's
/// KMS's, edited as text.
@Suite struct KeySetValidationTests {
    // MARK: Fixtures

    /// Alice's unsigned key provisioning response at ``KMSWorld/now``: the key sets of periods 1545 and 1546.
    static let alice = KMSWorld.text(try! KMSWorld.provisioning(secured: false))
    /// Bob's, for the same periods.
    static let bob = KMSWorld.text(try! KMSWorld.provisioning(secured: false, user: KMSWorld.bob))
    /// The world's certificate, checked.
    static let certificate = try! KMSWorld.engine.certificate.validated(at: KMSWorld.now)

    /// Period 1545 runs from 1545 · 2592000 − 2208988800 = Unix 1 795 651 200
    /// (2026-11-26T00:00:00Z) to 1 798 243 199, the second before period 1546.
    static let periodStart = Date(timeIntervalSince1970: 1_795_651_200)
    static let periodLastSecond = Date(timeIntervalSince1970: 1_798_243_199)

    /// The generator G of P-256 (SEC 2 §2.4.2), 04 ‖ x ‖ y: a valid point, but not a PVT of anyone.
    static let p256Generator = "04"
        + "6B17D1F2E12C4247F8BCE6E563A440F277037D812DEB33A0F4A13945D898C296"
        + "4FE342E2FE1A7F9B8EE7EB4A7C0F9E162BCE33576B315ECECBB6406837BF51F5"

    struct NotAKeyProvision: Error {}

    /// The range of the first `KmsKeySet` element of `text` (period 1545).
    static func firstKeySetRange(_ text: String) -> Range<String.Index> {
        let start = text.range(of: "<KmsKeySet")!.lowerBound
        return start ..< text.range(of: "</KmsKeySet>", range: start ..< text.endIndex)!.upperBound
    }

    /// `text` with the first `target` inside its first key set replaced (it must occur there).
    static func editingFirstKeySet(_ text: String, _ target: String, _ replacement: String) -> String {
        let range = firstKeySetRange(text)
        let keySet = String(text[range])
        precondition(keySet.contains(target), "\(target) not in the first key set")
        return text.replacingCharacters(in: range, with: KMSWorld.replacing(target, with: replacement, in: keySet))
    }

    /// The text of the element `name` in the first key set of `text` (the hex of a key).
    static func firstKeySetValue(_ name: String, in text: String) -> String {
        let keySet = text[firstKeySetRange(text)]
        let open = keySet.range(of: "<\(name)>")!, close = keySet.range(of: "</\(name)>")!
        return String(keySet[open.upperBound ..< close.lowerBound])
    }

    /// The first key set's element `name` given `value` instead.
    static func replacingFirstKeySetValue(_ name: String, with value: String, in text: String) -> String {
        editingFirstKeySet(text, "<\(name)>\(firstKeySetValue(name, in: text))</\(name)>", "<\(name)>\(value)</\(name)>")
    }

    /// `hex` with its last digit changed (to 0, or to 1 when it is 0).
    static func alteringLastDigit(_ hex: String) -> String {
        String(hex.dropLast()) + (hex.last == "0" ? "1" : "0")
    }

    /// The first key set of the response `text`, read by an unsigned reader.
    static func firstKeySet(_ text: String, reader: KMSResponseReader = KMSResponseReader()) throws -> KMSKeySet {
        let response = try reader.read(KMSWorld.bytes(text), requestURL: KMSWorld.requestURL, now: KMSWorld.now)
        guard case .keyProvision(let provision) = response.message, let keySet = provision.keySets.first else { throw NotAKeyProvision() }
        return keySet
    }

    /// The first key set of `text` validated for `user` at `time` under the world's certificate.
    func validate(
        _ text: String = alice, user: String = KMSWorld.alice, at time: Date = KMSWorld.now, transportKeys: [SecurityKey] = []
    ) throws -> ProvisionedUserKeys {
        try Self.firstKeySet(text).validated(under: Self.certificate, userURI: user, at: time, transportKeys: transportKeys)
    }

    // MARK: Key sets

    @Test func theUneditedKeySetIsAccepted() throws {
        // The control for every rejection below: the same document, unedited, passes.
        let keys = try validate()
        #expect(keys.keyPeriodNumber == 1545)
        #expect(keys.userURI == KMSWorld.alice)
        #expect(keys.validFrom == Self.periodStart)
        #expect(keys.validTo == Self.periodLastSecond)
    }

    @Test func aRevokedKeySetIsRefused() {
        let revoked = Self.editingFirstKeySet(Self.alice, "<Revoked>false</Revoked>", "<Revoked>true</Revoked>")
        #expect(throws: KMSError.revoked) { try validate(revoked) }
        // xsd:boolean: 1 is true too.
        let one = Self.editingFirstKeySet(Self.alice, "<Revoked>false</Revoked>", "<Revoked>1</Revoked>")
        #expect(throws: KMSError.revoked) { try validate(one) }
    }

    @Test func aKeySetOutsideItsValidityIsRefused() throws {
        #expect(throws: KMSError.outsideValidity) { try validate(at: Self.periodStart.addingTimeInterval(-1)) }
        #expect(throws: KMSError.outsideValidity) { try validate(at: Self.periodLastSecond.addingTimeInterval(1)) }
        // Both bounds are inclusive, to the second.
        #expect(try validate(at: Self.periodStart).keyPeriodNumber == 1545)
        #expect(try validate(at: Self.periodLastSecond.addingTimeInterval(0.999)).keyPeriodNumber == 1545)
        // A ValidTo moved before the time, in the document.
        let expired = Self.editingFirstKeySet(Self.alice, "<ValidTo>2026-12-25T23:59:59</ValidTo>", "<ValidTo>2026-12-03T11:59:59</ValidTo>")
        #expect(throws: KMSError.outsideValidity) { try validate(expired) }
        let notYet = Self.editingFirstKeySet(Self.alice, "<ValidFrom>2026-11-26T00:00:00</ValidFrom>", "<ValidFrom>2026-12-03T12:00:01</ValidFrom>")
        #expect(throws: KMSError.outsideValidity) { try validate(notYet) }
    }

    @Test func aKeySetWhoseValidToPrecedesValidFromIsRefusedWhenRead() {
        let inverted = Self.editingFirstKeySet(Self.alice, "<ValidTo>2026-12-25T23:59:59</ValidTo>", "<ValidTo>2026-11-25T23:59:59</ValidTo>")
        #expect(throws: KMSError.invalidValue("ValidTo")) { try validate(inverted) }
    }

    @Test func aKeySetIsBoundToTheKeyPeriodItNames() throws {
        // ValidFrom … ValidTo reaching into the previous period.
        let wider = Self.editingFirstKeySet(Self.alice, "<ValidFrom>2026-11-26T00:00:00</ValidFrom>", "<ValidFrom>2026-11-25T23:59:59</ValidFrom>")
        #expect(throws: KMSError.keyPeriodMismatch) { try validate(wider) }
        // No bounds at all: the key set of period 1545 is still only for times in period 1545.
        let unbounded = Self.editingFirstKeySet(
            Self.editingFirstKeySet(Self.alice, "<ValidFrom>2026-11-26T00:00:00</ValidFrom>", ""), "<ValidTo>2026-12-25T23:59:59</ValidTo>", "")
        #expect(try validate(unbounded).keyPeriodNumber == 1545)
        #expect(throws: KMSError.keyPeriodMismatch) { try validate(unbounded, at: Self.periodLastSecond.addingTimeInterval(1)) }
        // On receipt: a key set of an earlier period is refused, one of the next accepted as of its start.
        let keySet = try Self.firstKeySet(unbounded)
        let certificate = Self.certificate
        let nextPeriod = Self.periodLastSecond.addingTimeInterval(1)
        #expect(throws: KMSError.keyPeriodMismatch) {
            try keySet.validatedOnReceipt(under: certificate, userURI: KMSWorld.alice, receivedAt: nextPeriod)
        }
        #expect(try keySet.validatedOnReceipt(under: certificate, userURI: KMSWorld.alice, receivedAt: Self.periodStart.addingTimeInterval(-86_400))
            .keyPeriodNumber == 1545)
    }

    @Test func aKeySetOfAnotherUserIsRefused() {
        // The document says Bob; the client asked for Alice.
        let bobs = Self.editingFirstKeySet(
            Self.alice, "<UserUri>\(KMSWorld.alice)</UserUri>", "<UserUri>\(KMSWorld.bob)</UserUri>")
        #expect(throws: KMSError.userURIMismatch) { try validate(bobs) }
        // Alice's key set, validated for Bob.
        #expect(throws: KMSError.userURIMismatch) { try validate(user: KMSWorld.bob) }
    }

    @Test func aChangedUserIDIsRefused() {
        let userID = Self.firstKeySetValue("UserID", in: Self.alice)
        #expect(userID.count == 64)
        let changed = Self.replacingFirstKeySetValue("UserID", with: Self.alteringLastDigit(userID), in: Self.alice)
        #expect(throws: KMSError.userIDMismatch) { try validate(changed) }
        // A UID of another length.
        let short = Self.replacingFirstKeySetValue("UserID", with: String(userID.dropLast(2)), in: Self.alice)
        #expect(throws: KMSError.userIDMismatch) { try validate(short) }
    }

    @Test func aChangedKeyPeriodNumberNoLongerMatchesTheUserID() {
        // The UID is of period 1545; the key set now says 1546 (its validity unchanged).
        let moved = Self.editingFirstKeySet(Self.alice, "<KeyPeriodNo>1545</KeyPeriodNo>", "<KeyPeriodNo>1546</KeyPeriodNo>")
        #expect(throws: KMSError.userIDMismatch) { try validate(moved) }
    }

    @Test func aKeySetOfAnotherKMSIsRefused() {
        let otherKMS = Self.editingFirstKeySet(Self.alice, "<KmsUri>kms.example.org</KmsUri>", "<KmsUri>kms.other.org</KmsUri>")
        #expect(throws: KMSError.kmsMismatch) { try validate(otherKMS) }
        // Same KMS, another certificate.
        let otherCertificate = Self.editingFirstKeySet(
            Self.alice, "<CertUri>cert1.kms.example.org</CertUri>", "<CertUri>cert2.kms.example.org</CertUri>")
        #expect(throws: KMSError.kmsMismatch) { try validate(otherCertificate) }
    }

    @Test func anAlteredSSKIsRefused() {
        let ssk = Self.firstKeySetValue("UserSigningKeySSK", in: Self.alice)
        #expect(ssk.count == 64)
        let altered = Self.replacingFirstKeySetValue("UserSigningKeySSK", with: Self.alteringLastDigit(ssk), in: Self.alice)
        #expect(throws: KMSError.invalidSigningKey) { try validate(altered) }
        // Leading octets that are not zero make another (too large) integer.
        let widened = Self.replacingFirstKeySetValue("UserSigningKeySSK", with: "0100" + ssk, in: Self.alice)
        #expect(throws: KMSError.invalidSigningKey) { try validate(widened) }
        // Zero is not a scalar.
        let zero = Self.replacingFirstKeySetValue("UserSigningKeySSK", with: String(repeating: "0", count: 64), in: Self.alice)
        #expect(throws: KMSError.invalidSigningKey) { try validate(zero) }
    }

    @Test func anotherValidPointAsPVTIsRefused() throws {
        // G decodes as a point of P-256: the refusal is RFC 6507 §5.1.2's check, not the decoding.
        _ = try P256Point(encoded: Hex.decode(Self.p256Generator))
        let generator = Self.replacingFirstKeySetValue("UserPubTokenPVT", with: Self.p256Generator, in: Self.alice)
        #expect(throws: KMSError.invalidSigningKey) { try validate(generator) }
        // Bob's PVT of the same period: valid for his UID, not for Alice's.
        let bobsPVT = Self.firstKeySetValue("UserPubTokenPVT", in: Self.bob)
        #expect(bobsPVT != Self.firstKeySetValue("UserPubTokenPVT", in: Self.alice))
        let spliced = Self.replacingFirstKeySetValue("UserPubTokenPVT", with: bobsPVT, in: Self.alice)
        #expect(throws: KMSError.invalidSigningKey) { try validate(spliced) }
    }

    @Test func anotherUsersRSKIsRefused() throws {
        // Bob's RSK is a point of order q (his own key set validates) but not Alice's.
        #expect(try validate(Self.bob, user: KMSWorld.bob).keyPeriodNumber == 1545)
        let bobsRSK = Self.firstKeySetValue("UserDecryptKey", in: Self.bob)
        #expect(bobsRSK.count == 514)
        #expect(bobsRSK != Self.firstKeySetValue("UserDecryptKey", in: Self.alice))
        let spliced = Self.replacingFirstKeySetValue("UserDecryptKey", with: bobsRSK, in: Self.alice)
        #expect(throws: KMSError.invalidDecryptionKey) { try validate(spliced) }
    }

    @Test func anRSKOffTheCurveIsRefused() {
        let rsk = Self.firstKeySetValue("UserDecryptKey", in: Self.alice)
        let offCurve = Self.replacingFirstKeySetValue("UserDecryptKey", with: Self.alteringLastDigit(rsk), in: Self.alice)
        #expect(throws: KMSError.invalidDecryptionKey) { try validate(offCurve) }
        // And the point at infinity, and a point with no 04 prefix.
        let infinity = Self.replacingFirstKeySetValue("UserDecryptKey", with: "00", in: Self.alice)
        #expect(throws: KMSError.invalidDecryptionKey) { try validate(infinity) }
        let compressed = Self.replacingFirstKeySetValue("UserDecryptKey", with: "02" + String(rsk.dropFirst(2)), in: Self.alice)
        #expect(throws: KMSError.invalidDecryptionKey) { try validate(compressed) }
    }

    @Test func anSSKWithTwoLeadingZeroOctetsIsTheSameKey() throws {
        let ssk = Self.firstKeySetValue("UserSigningKeySSK", in: Self.alice)
        #expect(ssk.count == 64)
        let padded = Self.replacingFirstKeySetValue("UserSigningKeySSK", with: "0000" + ssk, in: Self.alice)
        #expect(Self.firstKeySetValue("UserSigningKeySSK", in: padded).count == 68)
        let original = try validate()
        let widened = try validate(padded)
        #expect(widened.signingKey.ssk.withBigEndianBytes { $0 } == original.signingKey.ssk.withBigEndianBytes { $0 })
        // With one fixed nonce the two keys sign alike (RFC 6507 §5.2.1 is deterministic in j).
        let nonce = try P256SecretScalar(bigEndianBytes: [UInt8](repeating: 0, count: 31) + [0x2A])
        let message: [UInt8] = Array("TS 33.180 D.3.3".utf8)
        let expected = try original.signingKey.signature(for: message, nonce: nonce).bytes
        #expect(try widened.signingKey.signature(for: message, nonce: nonce).bytes == expected)
        #expect(expected.count == 32 + 32 + 65)
    }

    @Test func aWrappedKeySetNeedsTheTrKItNames() throws {
        // Wrapped with the TrK, signed with the InK.
        let document = try KMSWorld.provisioning(secured: true)
        let impostor = try SecurityKey(name: KMSWorld.transportKey.name, bytes: SecretBytes([UInt8](repeating: 0x44, count: 32)))

        // The key set as read (the signature checked), then validated.
        let keySet = try Self.firstKeySet(KMSWorld.text(document), reader: KMSWorld.reader(secured: true))
        guard case .encrypted(let wrapped) = keySet.userSigningKey else {
            Issue.record("the SSK is not wrapped")
            return
        }
        #expect(wrapped.keyName == "tk.12.alice@example.org")
        _ = try keySet.validated(under: Self.certificate, userURI: KMSWorld.alice, at: KMSWorld.now, transportKeys: [KMSWorld.transportKey])
        #expect(throws: KMSError.keyUnwrapFailed) {
            try keySet.validated(under: Self.certificate, userURI: KMSWorld.alice, at: KMSWorld.now, transportKeys: [impostor])
        }
        #expect(throws: KMSError.transportKeyUnavailable("tk.12.alice@example.org")) {
            try keySet.validated(under: Self.certificate, userURI: KMSWorld.alice, at: KMSWorld.now, transportKeys: [KMSWorld.integrityKey])
        }
        #expect(throws: KMSError.transportKeyUnavailable("tk.12.alice@example.org")) {
            try keySet.validated(under: Self.certificate, userURI: KMSWorld.alice, at: KMSWorld.now)
        }

        // The same through the client: the InK verifies the signature, the TrK is the impostor, or absent.
        var client = try KMClient(
            userURI: KMSWorld.alice, homeCertificate: KMSWorld.engine.certificate, at: KMSWorld.now,
            reader: KMSResponseReader(securityKeys: [impostor, KMSWorld.integrityKey]))
        #expect(throws: KMSError.keyUnwrapFailed) { try client.acceptKeyProvision(document, now: KMSWorld.now) }
        #expect(client.keyPeriodNumbers.isEmpty)
        var withoutTrK = try KMClient(
            userURI: KMSWorld.alice, homeCertificate: KMSWorld.engine.certificate, at: KMSWorld.now,
            reader: KMSResponseReader(securityKeys: [KMSWorld.integrityKey]))
        #expect(throws: KMSError.transportKeyUnavailable("tk.12.alice@example.org")) {
            try withoutTrK.acceptKeyProvision(document, now: KMSWorld.now)
        }
        #expect(withoutTrK.keyPeriodNumbers.isEmpty)
    }

    // MARK: Certificates

    /// The world's certificate as a document.
    static let certificateText = KMSWorld.text(KMSWorld.engine.certificate.xml())

    /// The text of the certificate's element `name`.
    static func certificateValue(_ name: String) -> String {
        let open = certificateText.range(of: "<\(name)>")!, close = certificateText.range(of: "</\(name)>")!
        return String(certificateText[open.upperBound ..< close.lowerBound])
    }

    /// The certificate with its element `name` given `value`.
    static func certificateEditing(_ name: String, _ value: String) -> String {
        KMSWorld.replacing("<\(name)>\(certificateValue(name))</\(name)>", with: "<\(name)>\(value)</\(name)>", in: certificateText)
    }

    func validateCertificate(_ text: String, at time: Date = KMSWorld.now) throws -> ValidatedKMSCertificate {
        try KMSCertificate(xml: KMSWorld.bytes(text)).validated(at: time)
    }

    @Test func theUneditedCertificateIsAccepted() throws {
        let validated = try validateCertificate(Self.certificateText)
        #expect(validated.kmsURI == "kms.example.org")
        #expect(validated.certificate.certURI == "cert1.kms.example.org")
        #expect(Self.certificateValue("PubEncKey").count == 514)
        #expect(Self.certificateValue("PubAuthKey").count == 130)
    }

    @Test func anotherParameterSetIsRefused() throws {
        #expect(Self.certificateValue("ParameterSet") == "1")
        #expect(throws: KMSError.unsupportedParameterSet("2")) { try validateCertificate(Self.certificateEditing("ParameterSet", "2")) }
        #expect(throws: KMSError.unsupportedParameterSet("one")) { try validateCertificate(Self.certificateEditing("ParameterSet", "one")) }
        // xsd:integer: "01" and "+1" are 1.
        _ = try validateCertificate(Self.certificateEditing("ParameterSet", "01"))
        _ = try validateCertificate(Self.certificateEditing("ParameterSet", "+1"))
        // Absent: 1 (RFC 6509).
        _ = try validateCertificate(KMSWorld.replacing("<ParameterSet>1</ParameterSet>", with: "", in: Self.certificateText))
    }

    @Test func anotherUserIDFormatIsRefused() {
        #expect(throws: KMSError.unsupportedUserIDFormat("1")) { try validateCertificate(Self.certificateEditing("UserIdFormat", "1")) }
    }

    @Test func undefinedKeyPeriodsAreRefused() {
        #expect(throws: KMSError.invalidKeyPeriod) { try validateCertificate(Self.certificateEditing("UserKeyPeriod", "0")) }
        // An offset not below the period.
        #expect(throws: KMSError.invalidKeyPeriod) { try validateCertificate(Self.certificateEditing("UserKeyOffset", "2592000")) }
    }

    @Test func aZTOffTheCurveIsRefused() {
        let zt = Self.certificateValue("PubEncKey")
        #expect(throws: KMSError.invalidZT(.notOnCurve)) { try validateCertificate(Self.certificateEditing("PubEncKey", Self.alteringLastDigit(zt))) }
        // Other encodings: the placeholder length of the D.3.4 examples, the point at infinity, a compressed prefix.
        #expect(throws: KMSError.invalidZT(.invalidLength(expected: 257, actual: 3))) {
            try validateCertificate(Self.certificateEditing("PubEncKey", "029A2F"))
        }
        #expect(throws: KMSError.invalidZT(.pointAtInfinity)) { try validateCertificate(Self.certificateEditing("PubEncKey", "00")) }
        #expect(throws: KMSError.invalidZT(.unsupportedEncoding(prefix: 0x02))) {
            try validateCertificate(Self.certificateEditing("PubEncKey", "02" + String(zt.dropFirst(2))))
        }
    }

    @Test func aZTWithACoordinateNotBelowPIsRefused() {
        // x = p, the SAKKE prime of RFC 6509 Appendix A.
        let p = "997ABB1F0A563FDA65C61198DAD0657A416C0CE19CB48261BE9AE358B3E01A2EF40AAB27E2FC0F1B228730D531A59CB0"
            + "E791B39FF7C88A19356D27F4A666A6D0E26C6487326B4CD4512AC5CD65681CE1B6AFF4A831852A82A7CF3C521C3C09AA"
            + "9F94D6AF56971F1FFCE3E82389857DB080C5DF10AC7ACE87666D807AFEA85FEB"
        let y = String(Self.certificateValue("PubEncKey").suffix(256))
        #expect(throws: KMSError.invalidZT(.coordinateOutOfRange)) { try validateCertificate(Self.certificateEditing("PubEncKey", "04" + p + y)) }
    }

    @Test func aKPAKOffTheCurveIsRefused() {
        let kpak = Self.certificateValue("PubAuthKey")
        #expect(throws: KMSError.invalidKPAK(.notOnCurve)) {
            try validateCertificate(Self.certificateEditing("PubAuthKey", Self.alteringLastDigit(kpak)))
        }
    }

    @Test func theTwoTorsionPointAsZTIsRefused() {
        // (0, 0) is on y² = x³ − 3x (0 = 0): the curve's one point of order 2
        // (3 is not a square mod p, so x² = 3 has no root). Its encoding is a
        // full 257 octets with the 04 prefix, so it is not the one-octet
        // identity (.pointAtInfinity) and passes length, prefix, range and the
        // curve equation; the order-q subgroup check refuses it (x = 0).
        let origin = "04" + String(repeating: "00", count: 128) + String(repeating: "00", count: 128)
        #expect(origin.count == 514)
        #expect(throws: KMSError.invalidZT(.notInSubgroup)) { try validateCertificate(Self.certificateEditing("PubEncKey", origin)) }
    }

    @Test func aZTOfOrderFourQIsRefused() {
        // x = 5, y = √(x³ − 3x) = (x³ − 3x)^((p+1)/4) mod p: a point of order
        // 4q (computed outside this package: [q]R has order 4, [2q]R = (0, 0),
        // [4q]R = O). On the curve, not in the order-q subgroup.
        let point = "04" + String(repeating: "0", count: 255) + "5"
            + "4E87166EF4F04E574EDD70016D7DD2A8D725651573577567AAF185256EF168154F8D2FE44FB2538BA72EA9FA845CC68E"
            + "BCEF77FA782D2A437B012AC5EFC3353154ED4EE1C94EC3D51F1132D60217767EB06E4C74637460D67AAC8FA4E82B5B04"
            + "EFBBE9C00D1B63C9A457F8C5E2DBB13EE190FE20135ECFB20705F310CB3353E0"
        #expect(point.count == 514)
        #expect(throws: KMSError.invalidZT(.notInSubgroup)) { try validateCertificate(Self.certificateEditing("PubEncKey", point)) }
    }

    @Test func aRevokedCertificateIsRefused() {
        #expect(throws: KMSError.revoked) { try validateCertificate(Self.certificateEditing("Revoked", "true")) }
    }

    @Test func aCertificateOutsideItsValidityIsRefused() throws {
        // ValidFrom 2000-01-01T00:00:00 = Unix 946 684 800; ValidTo 2100-01-01T00:00:00 = Unix 4 102 444 800.
        #expect(Self.certificateValue("ValidFrom") == "2000-01-01T00:00:00")
        #expect(Self.certificateValue("ValidTo") == "2100-01-01T00:00:00")
        #expect(throws: KMSError.outsideValidity) {
            try validateCertificate(Self.certificateText, at: Date(timeIntervalSince1970: 946_684_799))
        }
        #expect(throws: KMSError.outsideValidity) {
            try validateCertificate(Self.certificateText, at: Date(timeIntervalSince1970: 4_102_444_801))
        }
        _ = try validateCertificate(Self.certificateText, at: Date(timeIntervalSince1970: 946_684_800))
        _ = try validateCertificate(Self.certificateText, at: Date(timeIntervalSince1970: 4_102_444_800))
    }

    @Test func aCertificateWhoseValidToPrecedesValidFromIsRefusedWhenRead() {
        let inverted = Self.certificateEditing("ValidTo", "1999-12-31T23:59:59")
        #expect(throws: KMSError.invalidValue("ValidTo")) { try KMSCertificate(xml: KMSWorld.bytes(inverted)) }
        // Equal bounds are one valid second.
        let oneSecond = Self.certificateEditing("ValidTo", "2000-01-01T00:00:00")
        #expect(throws: Never.self) { try KMSCertificate(xml: KMSWorld.bytes(oneSecond)) }
    }

    @Test func userIDFormatIsReadInTheSpellingOfTableD3221() throws {
        let tableSpelling = KMSWorld.replacing("<UserIdFormat>2</UserIdFormat>", with: "<UserIDFormat>2</UserIDFormat>", in: Self.certificateText)
        let certificate = try KMSCertificate(xml: KMSWorld.bytes(tableSpelling))
        #expect(certificate.userIDFormat == "2")
        #expect(certificate == KMSWorld.engine.certificate)
        _ = try certificate.validated(at: KMSWorld.now)
        #expect(throws: KMSError.unsupportedUserIDFormat("1")) {
            try validateCertificate(KMSWorld.replacing("<UserIdFormat>2</UserIdFormat>", with: "<UserIDFormat>1</UserIDFormat>", in: Self.certificateText))
        }
    }

    @Test func certURIBeforeKMSURIIsAccepted() throws {
        let ours = "<KmsUri>kms.example.org</KmsUri>\n  <CertUri>cert1.kms.example.org</CertUri>"
        let examples = "<CertUri>cert1.kms.example.org</CertUri>\n  <KmsUri>kms.example.org</KmsUri>"
        let swapped = KMSWorld.replacing(ours, with: examples, in: Self.certificateText)
        let certificate = try KMSCertificate(xml: KMSWorld.bytes(swapped))
        #expect(certificate.kmsURI == "kms.example.org")
        #expect(certificate.certURI == "cert1.kms.example.org")
        #expect(certificate == KMSWorld.engine.certificate)
    }

    @Test func aCertificateRoundTripsThroughXML() throws {
        let certificate = KMSWorld.engine.certificate
        #expect(try KMSCertificate(xml: certificate.xml()) == certificate)
        // One with the optional parts the other lacks, and none of those it has.
        let external = KMSCertificate(
            version: "1.2.0", role: .external, certURI: nil, kmsURI: "kms.another.example.org", userKeyPeriod: 604_800,
            userKeyOffset: 432_000, pubEncKey: certificate.pubEncKey, pubAuthKey: certificate.pubAuthKey, parameterSet: nil,
            isSecurityGateway: true)
        #expect(try KMSCertificate(xml: external.xml()) == external)
    }
}
