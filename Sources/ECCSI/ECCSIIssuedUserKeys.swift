import Curves

extension ECCSI {
    /// What the KMS sends a user for one identifier (RFC 6507 §5.1.1 step 6):
    /// the Secret Signing Key SSK and the Public Validation Token PVT, and
    /// the HS it computed on the way.
    public struct IssuedUserKeys: Sendable {
        /// SSK, secret.
        public let ssk: P256SecretScalar
        /// PVT.
        public let pvt: P256Point
        /// HS = hash(G || KPAK || ID || PVT).
        public let hs: [UInt8]
    }
}
