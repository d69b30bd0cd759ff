import BigNum
import Curves
import Octets

extension SAKKE {
    /// A KMS's SAKKE key pair (RFC 6508 §6.1.1): the master secret z and the
    /// public Z_T = [z]P, and the issue of receiver secret keys. z never
    /// prints and is wiped when the last copy of the pair goes.
    public struct KMSKeyPair: Sendable {
        /// z.
        let z: SecretScalar
        /// Z_T = [z]P.
        public let zt: SAKKEPoint

        /// The pair of a given master secret, big-endian (leading zero octets allowed).
        ///
        /// - Throws: `SAKKEError.invalidSecret` unless 1 ≤ z < q.
        public init(z: SecretBytes) throws {
            try self.init(SecretScalar(bigEndian: z))
        }

        /// A fresh pair with a random z from the system's CSPRNG.
        public init() {
            var generator = SecureRandomGenerator()
            // A uniform nonzero element of the scalar field is a uniform z in 1 … q − 1.
            // Its table walk cannot meet the identity: z ≠ 0.
            do { try self.init(SecretScalar(SAKKECurve.scalarField.randomNonzeroElement(using: &generator))) } catch {
                preconditionFailure("[z]P is the identity for z ≠ 0: \(error)")
            }
        }

        private init(_ z: SecretScalar) throws {
            self.z = z
            do { zt = try SAKKECurve.generatorTable.multiply(z.value) } catch { throw SAKKEError.invalidSecret }
        }

        /// K_(a,T) = [(a + z)⁻¹]P for the identifier a (RFC 6508 §6.1.1), in
        /// constant time in z and the inverse. The key is right by
        /// construction (a multiple of P, so of order q, and ⟨[a]P + Z_T, K⟩ = g);
        /// the receiver still validates it (``ReceiverKey``, RFC 6508 §6.1.2),
        /// since it cannot tell a KMS's key from a forged one.
        ///
        /// - Throws: `SAKKEError.degenerateIdentifier` when a + z ≡ 0 (mod q).
        public func receiverSecretKey(for identifier: some Collection<UInt8>) throws -> ReceiverSecretKey {
            let scalars = SAKKECurve.scalarField
            var sum = scalars.add(SAKKE.identifierScalar(Array(identifier)), z.value)
            defer { sum.wipe() }
            var inverse: FieldElement
            do { inverse = try scalars.inverseBlinded(sum) } catch { throw SAKKEError.degenerateIdentifier }
            defer { inverse.wipe() }
            do { return ReceiverSecretKey(point: try SAKKECurve.generatorTable.multiply(inverse)) } catch {
                preconditionFailure("[(a + z)⁻¹]P is the identity for an invertible a + z: \(error)")
            }
        }

        /// The keys of many identifiers, each as ``receiverSecretKey(for:)``
        /// gives it, computed together for a KMS issuing a key period: one
        /// blinded inversion for all the (a + z)⁻¹ (Montgomery's trick) and the
        /// fixed-base multiplications batched in affine coordinates (five
        /// products and a square per addition instead of eleven products).
        ///
        /// - Throws: `SAKKEError.degenerateIdentifier` when a + z ≡ 0 (mod q)
        ///   for any of the identifiers (``receiverSecretKey(for:)`` on each
        ///   tells which).
        public func receiverSecretKeys(for identifiers: [[UInt8]]) throws -> [ReceiverSecretKey] {
            let scalars = SAKKECurve.scalarField
            var sums = identifiers.map { identifier in scalars.add(SAKKE.identifierScalar(identifier), z.value) }
            defer { for index in sums.indices { sums[index].wipe() } }
            var inverses: [FieldElement]
            do { inverses = try scalars.inverses(of: sums) } catch { throw SAKKEError.degenerateIdentifier }
            defer { for index in inverses.indices { inverses[index].wipe() } }
            do { return try SAKKECurve.generatorTable.multiply(batch: inverses).map(ReceiverSecretKey.init(point:)) } catch {
                preconditionFailure("[(a + z)⁻¹]P is the identity for an invertible a + z: \(error)")
            }
        }
    }
}

extension SAKKE.KMSKeyPair: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// Z_T only: never z.
    public var description: String { "SAKKE.KMSKeyPair(zt: \(Hex.encode(zt.encoded.prefix(9)))…, z: redacted)" }
    public var debugDescription: String { description }
    public var customMirror: Mirror { Mirror(self, children: ["zt": zt]) }
}
