import BigNum
import Crypto
import Curves
import Octets

/// HashToIntegerRange(s, n, hashfn) of RFC 6508 §5.1 with SHA-256 (the hash
/// of parameter set 1, RFC 6509 Appendix A): SAKKE's map from octet strings
/// to integers in [0, n), used for r = HashToIntegerRange(SSV ‖ b, q) and for
/// the mask HashToIntegerRange(g^r, 2^n).
///
/// A = hash(s); h₀ = 32 zero octets; for i = 1 … l: hᵢ = hash(hᵢ₋₁),
/// vᵢ = hash(hᵢ ‖ A); the result is (v₁ ‖ … ‖ v_l) mod n, with
/// l = ⌈lg(n) / 256⌉.
///
/// SAKKE's own two uses are constant time and never touch `BigUInt`:
/// `scalar(ssv:identifier:)` reduces mod q in the Montgomery engine, and
/// `mask(_:)` reduces mod 2¹²⁸ by keeping the last 16 octets. The general
/// ``hash(_:below:)`` reduces with GMP and is for public inputs (test vectors).
public enum HashToIntegerRange {
    /// The widest n ``hash(_:below:)`` takes: 8192 bits, 32 SHA-256 blocks,
    /// eight times SAKKE's widest use (q, p of 1024 bits).
    public static let maximumBitWidth = 8192

    /// The integer in [0, n) that `s` hashes to. Variable time (GMP): for
    /// public inputs only.
    ///
    /// - Throws: `SAKKEError.invalidRange` for n < 2 or n wider than
    ///   ``maximumBitWidth`` bits (the hash would grow with n without bound).
    public static func hash(_ s: some Sequence<UInt8>, below n: BigUInt) throws -> BigUInt {
        guard n >= 2, n.bitWidth <= maximumBitWidth else { throw SAKKEError.invalidRange }
        var hasher = SHA256()
        hasher.update(data: Array(s))
        var blocks = concatenatedBlocks(hasher, count: blockCount(below: n))
        defer { blocks.wipe() }
        return try BigUInt(bigEndianBytes: blocks).modulo(n)
    }

    /// r = HashToIntegerRange(SSV ‖ b, q) as an element of
    /// `SAKKECurve.scalarField`, in constant time (RFC 6508 §6.2.1 step 1).
    /// The four blocks (1024 bits) are below R = 2¹⁰²⁴, which the field's
    /// constant-time reduction accepts.
    static func scalar(ssv: SecretBytes, identifier: [UInt8]) -> FieldElement {
        var hasher = SHA256()
        ssv.withUnsafeBytes { hasher.update(bufferPointer: $0) }
        hasher.update(data: identifier)
        var blocks = concatenatedBlocks(hasher, count: scalarBlockCount)
        defer { blocks.wipe() }
        return SAKKECurve.scalarField.element(reducingBigEndianBytes: blocks)
    }

    /// HashToIntegerRange(w, 2¹²⁸) as 16 octets: the SSV's mask (RFC 6508
    /// §6.2.1 step 4, §6.2.2 step 2). One block (l = ⌈128/256⌉); mod 2¹²⁸
    /// keeps its last 16 octets. Constant time; the caller wipes the mask.
    ///
    /// - Throws: `BigNumError.notInvertible` for the class of i, which no
    ///   pairing of points of order q gives.
    static func mask(_ w: PairingValue) throws -> [UInt8] {
        var octets = try w.normalizedBytes()
        defer { octets.wipe() }
        var hasher = SHA256()
        hasher.update(data: octets)
        var block = concatenatedBlocks(hasher, count: 1)
        defer { block.wipe() }
        return Array(block[(block.count - SAKKE.ssvBitCount / 8)...])
    }

    /// l for q: ⌈1022 / 256⌉ = 4.
    static let scalarBlockCount = blockCount(below: SAKKECurve.order)

    /// v₁ ‖ … ‖ v_l for the hash A = `hasher`'s digest.
    private static func concatenatedBlocks(_ hasher: SHA256, count: Int) -> [UInt8] {
        var a = Array(hasher.finalize())
        defer { a.wipe() }
        var h = [UInt8](repeating: 0, count: SHA256.byteCount)
        defer { h.wipe() }
        var concatenated: [UInt8] = []
        concatenated.reserveCapacity(count * SHA256.byteCount)
        for _ in 0 ..< count {
            h = Array(SHA256.hash(data: h))
            var block = SHA256()
            block.update(data: h)
            block.update(data: a)
            // Appended from the digest itself: no temporary array of vᵢ left unwiped.
            block.finalize().withUnsafeBytes { concatenated.append(contentsOf: $0) }
        }
        return concatenated
    }

    /// l = ⌈lg(n) / 256⌉: the fewest 256-bit blocks with 2^(256·l) ≥ n.
    static func blockCount(below n: BigUInt) -> Int {
        let isPowerOfTwo = n == BigUInt(1) << (n.bitWidth - 1)
        let bits = isPowerOfTwo ? n.bitWidth - 1 : n.bitWidth
        return max(1, (bits + 255) / 256)
    }
}
