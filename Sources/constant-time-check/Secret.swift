import Octets

/// The harness's secret inputs: octets decoded from hex (at run time, so the
/// optimizer cannot fold them) and marked secret for memcheck before any
/// library code sees them.
enum Secret {
    /// The octets of `hex`, marked secret.
    static func bytes(_ hex: String) throws(CheckError) -> [UInt8] {
        var octets = try PublicInput.bytes(hex)
        ConstantTimeValidation.markSecret(&octets)
        return octets
    }

    /// A copy of `octets`, marked secret.
    static func bytes(_ octets: [UInt8]) -> [UInt8] {
        var copy = octets
        ConstantTimeValidation.markSecret(&copy)
        return copy
    }

    /// `octets` marked public again, for the harness's own check of a secret
    /// output against its known answer: the comparison branches on it, which
    /// is the harness's business, not the library's.
    static func revealed(_ octets: [UInt8]) -> [UInt8] {
        var copy = octets
        ConstantTimeValidation.declassify(&copy)
        return copy
    }
}
