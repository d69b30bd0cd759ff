import Octets

/// Octets of constant, well-formed hex text.
func bytes(_ hex: String) -> [UInt8] {
    (try? Hex.decode(hex)) ?? []
}

func secret(_ hex: String) -> SecretBytes {
    SecretBytes(bytes(hex))
}

extension SecretBytes {
    var octets: [UInt8] { withUnsafeBytes { Array($0) } }
}
