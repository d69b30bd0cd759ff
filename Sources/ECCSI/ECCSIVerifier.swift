import BigNum
import Curves

extension ECCSI {
    /// Verifies ECCSI signatures under one KMS's KPAK (RFC 6507 §5.2.2).
    ///
    /// It keeps a table of KPAK's multiples, so that one verifier serves every
    /// signer of that KMS; ``prepare(signer:pvt:)`` adds a per-signer cache for
    /// signers seen again. Immutable and `Sendable`: share one across threads.
    public struct Verifier: Sendable {
        /// The KMS Public Authentication Key.
        public let kpak: P256Point
        let kpakTable: P256PrecomputedPoint

        public init(kpak: P256Point) {
            self.kpak = kpak
            kpakTable = P256PrecomputedPoint(kpak, windowBits: 6, splitScalars: true)
        }

        /// The verifier of a KPAK given as an uncompressed point.
        ///
        /// - Throws: `ECCSIError.invalidPoint` when it does not decode.
        public init(kpak bytes: some Collection<UInt8>) throws {
            do { self.init(kpak: try P256Point(encoded: bytes)) } catch let error as CurveError {
                throw ECCSIError.invalidPoint(error)
            }
        }

        /// Verifies `signature` (r || s || PVT) of `message` by `identifier`
        /// (RFC 6507 §5.2.2): PVT on the curve, 0 < r < p, 0 < s < q,
        /// HS = hash(G || KPAK || ID || PVT), HE = hash(HS || r || M),
        /// J = [s]([HE]G + [r]([HS]PVT + KPAK)) computed as one linear
        /// combination [s·HE]G + [s·r·HS]PVT + [s·r]KPAK, then Jx = r and J ≠ O.
        ///
        /// - Throws: `ECCSIError.authenticationFailure` if any check fails.
        public func verify(_ signature: some Collection<UInt8>, for message: some Collection<UInt8>, signer identifier: some Collection<UInt8>) throws {
            guard let parsed = try? Signature(bytes: signature) else { throw ECCSIError.authenticationFailure }
            let hs = ECCSI.identityHash(kpak: kpak, identifier: identifier, pvt: parsed.pvt)
            let hsScalar = P256.scalars.element(reducing32Octets: hs)
            let pvtTable = P256PrecomputedPoint(parsed.pvt, windowBits: 5)
            try Self.check(parsed, message: message, hs: hs) { sr in
                [(kpakTable, sr), (pvtTable, P256.scalars.multiply(sr, hsScalar))]
            }
        }

        /// A cache for a signer whose signatures will be verified again: HS and
        /// Y = [HS]PVT + KPAK with a table of Y's multiples, so that each
        /// verification is one two-term combination [s·HE]G + [s·r]Y.
        ///
        /// - Throws: `ECCSIError.invalidPoint(.pointAtInfinity)` when Y is the
        ///   identity (no signature by this PVT can verify).
        public func prepare(signer identifier: some Collection<UInt8>, pvt: P256Point) throws -> PreparedSigner {
            let identifier = Array(identifier)
            let hs = ECCSI.identityHash(kpak: kpak, identifier: identifier, pvt: pvt)
            let hsScalar = P256.scalars.element(reducing32Octets: hs)
            guard let y = try? P256.linearCombinationVartime(
                generatorScalar: P256.scalars.zero,
                [(P256PrecomputedPoint(pvt, windowBits: 5), hsScalar), (kpakTable, P256.scalars.one)])
            else { throw ECCSIError.invalidPoint(.pointAtInfinity) }
            return PreparedSigner(
                verifier: self, identifier: identifier, pvt: pvt, hs: hs, yTable: P256PrecomputedPoint(y, windowBits: 7, splitScalars: true))
        }

        /// The checks and the final comparison of §5.2.2 shared by the cold and
        /// prepared paths; `terms(s·r)` gives the non-G terms of J.
        static func check(
            _ signature: Signature, message: some Collection<UInt8>, hs: [UInt8],
            terms: (FieldElement256) -> [(P256PrecomputedPoint, FieldElement256)]
        ) throws {
            let scalars = P256.scalars
            // 0 < r < p (r is an x coordinate) and 0 < s < q.
            guard let rCoordinate = try? P256.field.element(bigEndianBytes: signature.r), !P256.field.isZero(rCoordinate),
                let s = try? scalars.element(bigEndianBytes: signature.s), !scalars.isZero(s)
            else { throw ECCSIError.authenticationFailure }
            let he = ECCSI.messageHash(hs: hs, r: signature.r, message: message)
            let heScalar = scalars.element(reducing32Octets: he)
            let rScalar = scalars.element(reducing32Octets: signature.r)
            // Every value here is public: the variable-time combination is safe.
            guard let j = try? P256.linearCombinationVartime(
                    generatorScalar: scalars.multiply(s, heScalar), terms(scalars.multiply(s, rScalar))),
                j.xBytes == signature.r
            else { throw ECCSIError.authenticationFailure }
        }
    }
}
