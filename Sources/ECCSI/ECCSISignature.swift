import Curves

extension ECCSI {
    /// An ECCSI signature r || s || PVT (RFC 6507 §3.3): r and s as 32-octet
    /// big-endian integers, PVT as an uncompressed point (129 octets in all).
    ///
    /// Parsing checks the length and that PVT is a point of the curve; the
    /// ranges of r and s are the verifier's checks.
    public struct Signature: Sendable, Equatable {
        /// r: the x coordinate of J = [j]G, 32 octets.
        public let r: [UInt8]
        /// s, 32 octets.
        public let s: [UInt8]
        /// The signer's Public Validation Token.
        public let pvt: P256Point

        init(r: [UInt8], s: [UInt8], pvt: P256Point) {
            self.r = r
            self.s = s
            self.pvt = pvt
        }

        /// Parses r || s || PVT.
        ///
        /// - Throws: `ECCSIError.malformedSignature` for a wrong length or a PVT
        ///   that is not a point of P-256 (the verifier reports both as
        ///   `authenticationFailure`).
        public init(bytes: some Collection<UInt8>) throws {
            guard bytes.count == ECCSI.signatureCount else { throw ECCSIError.malformedSignature }
            let octets = Array(bytes)
            guard
                let pvt = try? P256Point(encoded: octets[(2 * ECCSI.scalarCount)...])
            else { throw ECCSIError.malformedSignature }
            self.init(r: Array(octets[..<ECCSI.scalarCount]), s: Array(octets[ECCSI.scalarCount ..< 2 * ECCSI.scalarCount]), pvt: pvt)
        }

        /// r || s || PVT, 129 octets.
        public var bytes: [UInt8] { r + s + pvt.encoded }
    }
}
