import BigNum
import Octets
import Crypto

/// HashToIntegerRange(s, n, hashfn) of RFC 6508 §5.1 with SHA-256 (the hash
/// of parameter set 1, RFC 6509 Appendix A): SAKKE's map from octet strings
/// to integers in [0, n), used for r = HashToIntegerRange(SSV ‖ b, q) and for
/// the mask HashToIntegerRange(g^r, 2^n).
///
/// A = hash(s); h₀ = 32 zero octets; for i = 1 … l: hᵢ = hash(hᵢ₋₁),
/// vᵢ = hash(hᵢ ‖ A); the result is (v₁ ‖ … ‖ v_l) mod n, with
/// l = ⌈lg(n) / 256⌉.
public enum HashToIntegerRange {
    /// The integer in [0, n) that `s` hashes to.
    ///
    /// - Throws: `SAKKEError.invalidRange` for n < 2.
    public static func hash(_ s: some Sequence<UInt8>, below n: BigUInt) throws -> BigUInt {
        guard n >= 2 else { throw SAKKEError.invalidRange }
        let a = Array(SHA256.hash(data: Array(s)))
        var h = [UInt8](repeating: 0, count: SHA256.byteCount)
        var concatenated: [UInt8] = []
        let blocks = blockCount(below: n)
        concatenated.reserveCapacity(blocks * SHA256.byteCount)
        for _ in 0 ..< blocks {
            h = Array(SHA256.hash(data: h))
            concatenated += Array(SHA256.hash(data: h + a))
        }
        defer { concatenated.wipe() }
        return try BigUInt(bigEndianBytes: concatenated).modulo(n)
    }

    /// l = ⌈lg(n) / 256⌉: the fewest 256-bit blocks with 2^(256·l) ≥ n.
    static func blockCount(below n: BigUInt) -> Int {
        let isPowerOfTwo = n == BigUInt(1) << (n.bitWidth - 1)
        let bits = isPowerOfTwo ? n.bitWidth - 1 : n.bitWidth
        return max(1, (bits + 255) / 256)
    }
}
