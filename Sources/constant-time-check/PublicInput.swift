import Octets

/// Public inputs of the harness (identifiers, KMS public keys, messages).
enum PublicInput {
    /// The octets of a constant hex string.
    static func bytes(_ hex: String) throws(CheckError) -> [UInt8] {
        do { return try Hex.decode(hex) } catch { throw CheckError.badConstant(hex) }
    }
}
