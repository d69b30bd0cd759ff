import Octets

/// The uncompressed point encoding 04 ‖ x ‖ y of SEC 1 §2.3.3–2.3.4, the only
/// form RFC 6507, 6508 and 6509 use, shared by every curve of the package:
/// the checks that come before the curve equation.
enum UncompressedPointEncoding {
    /// The two coordinates of `bytes`, each `coordinateLength` octets,
    /// converted by `element` (which refuses values not below p).
    ///
    /// - Throws: `CurveError.pointAtInfinity` for the single octet 00,
    ///   `.invalidLength`, `.unsupportedEncoding`, `.coordinateOutOfRange`.
    static func coordinates<Element>(
        of bytes: some Collection<UInt8>, coordinateLength: Int, element: (ArraySlice<UInt8>) throws -> Element
    ) throws -> (Element, Element) {
        // The length is checked before any copy: hostile input of any size costs nothing.
        let expected = 1 + 2 * coordinateLength
        if bytes.count == 1, bytes.first == 0 { throw CurveError.pointAtInfinity }
        guard bytes.count == expected else { throw CurveError.invalidLength(expected: expected, actual: bytes.count) }
        var octets = Array(bytes)
        defer { octets.wipe() }
        // The format octet is public by design, even in a secret key's encoding.
        let prefix = ConstantTimeValidation.declassify(octets[0])
        guard prefix == 0x04 else { throw CurveError.unsupportedEncoding(prefix: prefix) }
        guard let x = try? element(octets[1 ... coordinateLength]),
            let y = try? element(octets[(coordinateLength + 1)...])
        else { throw CurveError.coordinateOutOfRange }
        return (x, y)
    }
}
