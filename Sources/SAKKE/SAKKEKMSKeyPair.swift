import BigNum
import Curves

extension SAKKE {
    /// A KMS's SAKKE key pair (RFC 6508 §6.1.1): the master secret z and the
    /// public Z_T = [z]P, and the issue of receiver secret keys.
    public struct KMSKeyPair: Sendable {
        /// z, secret (its storage is wiped when released).
        let z: BigUInt
        /// Z_T = [z]P.
        public let zt: SAKKEPoint

        /// The pair of a given master secret.
        ///
        /// - Throws: `SAKKEError.invalidSecret` unless 1 ≤ z < q.
        public init(z: BigUInt) throws {
            guard z > 0, z < SAKKECurve.order else { throw SAKKEError.invalidSecret }
            self.z = z
            zt = try SAKKECurve.generatorTable.multiply(z)
        }

        /// A fresh pair with a random z from the system's CSPRNG.
        public init() throws {
            try self.init(z: BigUInt.random(below: SAKKECurve.order - 1) + 1)
        }

        /// K_(a,T) = [(a + z)⁻¹]P for the identifier a (RFC 6508 §6.1.1).
        ///
        /// - Throws: `SAKKEError.degenerateIdentifier` when a + z ≡ 0 (mod q).
        public func receiverSecretKey(for identifier: some Collection<UInt8>) throws -> SAKKEPoint {
            let scalars = SAKKE.scalars
            let sum = scalars.add(scalars.element(reducing: SAKKE.integer(ofIdentifier: Array(identifier))), try scalars.element(z))
            guard let inverse = try? scalars.inverseBlinded(sum) else { throw SAKKEError.degenerateIdentifier }
            return try SAKKECurve.generatorTable.multiply(scalars.integer(inverse))
        }
    }
}
