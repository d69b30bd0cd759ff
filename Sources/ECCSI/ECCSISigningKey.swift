import BigNum
import Octets
import Curves

extension ECCSI {
    /// A user's validated ECCSI signing key: the identifier, the KMS's KPAK,
    /// and the SSK/PVT pair the KMS issued, checked on construction against
    /// [SSK]G = KPAK + [HS]PVT (RFC 6507 §5.1.2). Signs messages (§5.2.1).
    ///
    /// HS is computed once here and reused for every signature. The SSK is
    /// wiped when the last copy of the key goes away.
    public struct SigningKey: Sendable {
        /// The signer's identifier ID (in MIKEY-SAKKE, the UID of TS 33.180 F.2.1).
        public let identifier: [UInt8]
        /// The KMS Public Authentication Key the keys were issued under.
        public let kpak: P256Point
        /// The Public Validation Token, sent in every signature.
        public let pvt: P256Point
        /// HS = hash(G || KPAK || ID || PVT).
        public let hs: [UInt8]
        /// SSK, the secret (its octets leave only through
        /// `P256SecretScalar.withBigEndianBytes(_:)`; a KM client stores it).
        public let ssk: P256SecretScalar

        /// Validates SSK and PVT for `identifier` under `kpak` (RFC 6507 §5.1.2).
        ///
        /// - Throws: `ECCSIError.invalidUserKeys` unless [SSK]G = KPAK + [HS]PVT
        ///   (and HS ≠ 0 mod q, which no KMS issues).
        public init(identifier: some Collection<UInt8>, kpak: P256Point, ssk: P256SecretScalar, pvt: P256Point) throws {
            let identifier = Array(identifier)
            let hs = ECCSI.identityHash(kpak: kpak, identifier: identifier, pvt: pvt)
            let hsScalar = P256.scalars.element(reducing32Octets: hs)
            // [SSK]G in constant time (SSK is secret); see P256.generatorMultiple
            // for why the rest of the check may run in variable time.
            guard !P256.scalars.isZero(hsScalar),
                P256.generatorMultiple(ssk.value, equals: kpak, plusMultipleOf: pvt, by: hsScalar)
            else { throw ECCSIError.invalidUserKeys }
            self.identifier = identifier
            self.kpak = kpak
            self.pvt = pvt
            self.hs = hs
            self.ssk = ssk
        }

        /// Validates keys given as octets: KPAK and PVT uncompressed, SSK a
        /// big-endian integer (32 octets; leading zero octets allowed).
        ///
        /// - Throws: `ECCSIError.invalidPoint` for a KPAK or PVT that does not
        ///   decode, `.invalidSecretScalar` for an SSK not in 1 … q − 1,
        ///   `.invalidUserKeys` when the check of §5.1.2 fails.
        public init(
            identifier: some Collection<UInt8>, kpak: some Collection<UInt8>, ssk: some Collection<UInt8>, pvt: some Collection<UInt8>
        ) throws {
            let kpakPoint: P256Point, pvtPoint: P256Point
            do {
                kpakPoint = try P256Point(encoded: kpak)
                pvtPoint = try P256Point(encoded: pvt)
            } catch let error as CurveError {
                throw ECCSIError.invalidPoint(error)
            }
            guard let secret = try? P256SecretScalar(bigEndianBytes: ssk) else { throw ECCSIError.invalidSecretScalar }
            try self.init(identifier: identifier, kpak: kpakPoint, ssk: secret, pvt: pvtPoint)
        }

        /// Signs `message` (RFC 6507 §5.2.1) with a fresh random nonce j from
        /// `generator`, drawing again in the (negligibly rare) degenerate cases.
        public func signature(for message: some Collection<UInt8>, using generator: inout some RandomNumberGenerator) -> Signature {
            while true {
                let j = P256SecretScalar(using: &generator)
                if let signature = try? signature(for: message, nonce: j) { return signature }
            }
        }

        /// ``signature(for:using:)`` with the system's generator.
        public func signature(for message: some Collection<UInt8>) -> Signature {
            var generator = SecureRandomGenerator()
            return signature(for: message, using: &generator)
        }

        /// Signs `message` with a given nonce j (RFC 6507 §5.2.1 steps 2–7):
        /// J = [j]G, r = Jx, HE = hash(HS || r || M), s = j·(HE + r·SSK)⁻¹ mod q.
        /// For known-answer tests: a nonce must never be used twice.
        ///
        /// - Throws: `ECCSIError.degenerateNonce` when r or HE + r·SSK is 0 mod q.
        public func signature(for message: some Collection<UInt8>, nonce j: P256SecretScalar) throws -> Signature {
            let scalars = P256.scalars
            // j is in 1 … q − 1, so J is never the identity.
            // r = Jx is the first half of the signature: public by design.
            var r = try P256.multiplyGenerator(j.value).xBytes
            ConstantTimeValidation.declassify(&r)
            let he = ECCSI.messageHash(hs: hs, r: r, message: message)
            let rScalar = scalars.element(reducing32Octets: r)
            let heScalar = scalars.element(reducing32Octets: he)
            var denominator = scalars.add(heScalar, scalars.multiply(rScalar, ssk.value))
            defer { denominator.wipe() }
            // Whether HE + r·SSK is 0 is public: the caller sees it as this call throwing.
            guard !scalars.isZero(rScalar), !ConstantTimeValidation.declassify(scalars.isZero(denominator)) else {
                throw ECCSIError.degenerateNonce
            }
            var generator = SecureRandomGenerator()
            let blinding = scalars.randomNonzeroElement(using: &generator)
            // s is the second half of the signature: public by design.
            let s = ConstantTimeValidation.declassify(scalars.multiply(j.value, try scalars.inverse(denominator, blindedBy: blinding)))
            // Step 6 (s = q − s' when s' needs more than N octets) never applies:
            // q < 2^256, so s' always fits in 32 octets.
            return Signature(r: r, s: scalars.bytes(s), pvt: pvt)
        }
    }
}
