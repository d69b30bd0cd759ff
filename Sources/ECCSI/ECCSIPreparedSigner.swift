import Curves

extension ECCSI {
    /// A verifier's cache for one signer (identifier and PVT): HS and a table
    /// of Y = [HS]PVT + KPAK, made by ``Verifier/prepare(signer:pvt:)``.
    /// Verification with it skips the hashing of the identity and the
    /// [HS]PVT term. Immutable and `Sendable`.
    public struct PreparedSigner: Sendable {
        let verifier: Verifier
        /// The signer's identifier.
        public let identifier: [UInt8]
        /// The PVT the cache was built for.
        public let pvt: P256Point
        /// HS = hash(G || KPAK || ID || PVT).
        public let hs: [UInt8]
        let yTable: P256PrecomputedPoint

        /// Verifies `signature` of `message` by this signer (RFC 6507 §5.2.2).
        /// A signature carrying another PVT (the signer's keys changed) is
        /// verified on the cold path for this identifier.
        ///
        /// - Throws: `ECCSIError.authenticationFailure` if any check fails.
        public func verify(_ signature: some Collection<UInt8>, for message: some Collection<UInt8>) throws {
            guard let parsed = try? Signature(bytes: signature) else { throw ECCSIError.authenticationFailure }
            guard parsed.pvt == pvt else {
                return try verifier.verify(signature, for: message, signer: identifier)
            }
            try Verifier.check(parsed, message: message, hs: hs) { sr in [(yTable, sr)] }
        }
    }
}
