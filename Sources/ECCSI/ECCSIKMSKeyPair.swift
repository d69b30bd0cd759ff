import BigNum
import Octets
import Curves

extension ECCSI {
    /// A KMS's signing key pair: the KMS Secret Authentication Key KSAK and
    /// the KMS Public Authentication Key KPAK = [KSAK]G (RFC 6507 §4.2), and
    /// the issue of user keys (§5.1.1).
    public struct KMSKeyPair: Sendable {
        /// KSAK, secret.
        public let ksak: P256SecretScalar
        /// KPAK = [KSAK]G, public.
        public let kpak: P256Point

        /// The pair of a given KSAK.
        public init(ksak: P256SecretScalar) {
            self.ksak = ksak
            // KSAK is in 1 … q − 1, so [KSAK]G is never the identity.
            // KPAK is the KMS's public key: public by design.
            do { kpak = try P256.multiplyGenerator(ksak.value).declassified } catch {
                preconditionFailure("[KSAK]G is the identity for a KSAK in 1 … q − 1: \(error)")
            }
        }

        /// The pair of a KSAK given as 32 big-endian octets.
        ///
        /// - Throws: `ECCSIError.invalidSecretScalar` unless a big-endian integer in
        ///   1 … q − 1 (32 octets, or with leading zero octets added or dropped).
        public init(ksakBytes: some Collection<UInt8>) throws {
            guard let ksak = try? P256SecretScalar(bigEndianBytes: ksakBytes) else {
                throw ECCSIError.invalidSecretScalar
            }
            self.init(ksak: ksak)
        }

        /// A fresh pair with a random KSAK from `generator` (a CSPRNG in use;
        /// the system's by default).
        public init(using generator: inout some RandomNumberGenerator) {
            self.init(ksak: P256SecretScalar(using: &generator))
        }

        public init() {
            var generator = SecureRandomGenerator()
            self.init(using: &generator)
        }

        /// Issues SSK and PVT for `identifier` (RFC 6507 §5.1.1) with a fresh
        /// random v, drawing again in the (negligibly rare) degenerate cases.
        public func issueUserKeys(
            for identifier: some Collection<UInt8>, using generator: inout some RandomNumberGenerator
        ) -> IssuedUserKeys {
            while true {
                let v = P256SecretScalar(using: &generator)
                if let keys = try? issueUserKeys(for: identifier, v: v) { return keys }
            }
        }

        /// ``issueUserKeys(for:using:)`` with the system's generator.
        public func issueUserKeys(for identifier: some Collection<UInt8>) -> IssuedUserKeys {
            var generator = SecureRandomGenerator()
            return issueUserKeys(for: identifier, using: &generator)
        }

        /// Issues SSK and PVT for `identifier` with a given v (RFC 6507
        /// §5.1.1 steps 2–5): PVT = [v]G, HS = hash(G || KPAK || ID || PVT),
        /// SSK = KSAK + HS·v mod q.
        ///
        /// - Throws: `ECCSIError.degenerateUserKey` when HS or SSK is 0 mod q.
        public func issueUserKeys(for identifier: some Collection<UInt8>, v: P256SecretScalar) throws -> IssuedUserKeys {
            let scalars = P256.scalars
            // v is in 1 … q − 1, so PVT is never the identity. PVT is sent to
            // the user and in every signature: public by design.
            let pvt = try P256.multiplyGenerator(v.value).declassified
            let hs = ECCSI.identityHash(kpak: kpak, identifier: identifier, pvt: pvt)
            let hsScalar = scalars.element(reducing32Octets: hs)
            var ssk = scalars.add(ksak.value, scalars.multiply(hsScalar, v.value))
            defer { ssk.wipe() }
            guard !scalars.isZero(hsScalar), let secret = P256SecretScalar(ssk) else {
                throw ECCSIError.degenerateUserKey
            }
            return IssuedUserKeys(ssk: secret, pvt: pvt, hs: hs)
        }
    }
}
