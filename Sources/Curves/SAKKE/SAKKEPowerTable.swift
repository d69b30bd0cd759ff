import BigNum
import Octets

/// The fixed-base table of g = ⟨P, P⟩ in PF_p, for g^r (RFC 6508 §6.2.1
/// step 4): for each of the 205 signed five-bit windows i and j = 0 … 16,
/// the b of the class (1 + b·i) = g^(j·32ⁱ), with b = 0 for j = 0
/// (≈ 446 KB, built once on first use).
///
/// Every entry is normalised to real part 1, so multiplying a value x + y·i
/// by one costs two products: (x − y·b) + (x·b + y)·i. In PF_p the inverse
/// of (1 + b·i) is the conjugate (1 − b·i), so a negative digit only negates
/// b. g^r is then 205 such products, each after a masked scan of its window's
/// 17 entries: constant time in r, no squaring at all.
package struct SAKKEPowerTable: Sendable {
    /// Window i's entries at [17·i ..< 17·(i + 1)].
    private let entries: [FieldElement]
    private static let windowCount = (SAKKECurve.order.bitWidth + 5) / 5

    /// The table of g.
    package static let shared = SAKKEPowerTable(SAKKECurve.g)

    /// The table of `base`.
    init(_ base: PairingValue) {
        let fp2 = SAKKECurve.extensionField, field = SAKKECurve.field
        var powers: [QuadraticExtensionElement] = []
        powers.reserveCapacity(Self.windowCount * 17)
        var rowBase = base.representative
        for _ in 0 ..< Self.windowCount {
            var power = fp2.one
            for j in 0 ... 16 {
                powers.append(power)
                if j < 16 { power = fp2.multiply(power, rowBase) }
            }
            // power = rowBase^16; the next row starts at rowBase^32.
            rowBase = fp2.square(power)
        }
        // b = imaginary / real for every entry, with one inversion for all.
        // A real part is never 0: that class (i's) has order 2, g's powers odd order q.
        let realInverses: [FieldElement]
        do { realInverses = try field.inverses(of: powers.map(\.real)) } catch {
            preconditionFailure("a power of g is the class of i, which has order 2: \(error)")
        }
        entries = zip(powers, realInverses).map { power, inverse in field.multiply(power.imaginary, inverse) }
    }

    /// g^r for r in ``SAKKECurve/scalarField``, in constant time in r.
    package func power(_ r: FieldElement) -> PairingValue {
        let field = SAKKECurve.field
        var digits = ScalarRecoding.signedWindows(ofScalar: r, count: Self.windowCount)
        defer { digits.wipe() }
        var (x, y) = (field.one, field.zero)
        entries.withUnsafeBufferPointer { table in
            for window in 0 ..< Self.windowCount {
                let digit = digits[window]
                let sign = digit >> 63 // −1 for a negative digit, else 0
                let magnitude = (digit ^ sign) &- sign
                var b = field.zero
                for index in 1 ... 16 { b = field.select(b, table[17 * window + index], if: ConstantTime.isEqual(index, magnitude)) }
                b = field.select(b, field.negate(b), if: ConstantTime.isEqual(sign, -1))
                (x, y) = (field.subtract(x, field.multiply(y, b)), field.add(field.multiply(x, b), y))
            }
        }
        return PairingValue(QuadraticExtensionElement(real: x, imaginary: y))
    }
}
