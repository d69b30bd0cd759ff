import Octets
import CGMP

/// An arbitrary-size unsigned integer backed by GNU MP.
///
/// `BigUInt` is for keys, parameters and parsing: values of any size, with
/// conversions to and from the fixed-length big-endian octet strings of the
/// RFCs (I2OSP / OS2IP, RFC 8017 §4.1–4.2; RFC 6507 §2.1 and RFC 6508 §2.2
/// use the same conversions). Hot arithmetic over a fixed modulus belongs to
/// `PrimeField`, which works on fixed-size limbs without allocation.
///
/// Value semantics: every operation returns a new integer, so copies can share
/// one immutable GMP integer. The limbs are zeroed when the last copy goes away, so
/// a secret held in a `BigUInt` is wiped (GMP's own short-lived temporaries
/// inside a call are outside this guarantee; see Docs/BigNum.md).
///
/// Timing: most operations take time that depends on the operands' sizes and
/// values (they are GMP's `mpz` functions). Use `power(_:modulus:)` with
/// ``ExponentSecrecy/secret`` (GMP's `mpz_powm_sec`) or `PrimeField` when an
/// operand is secret.
public struct BigUInt: Sendable {
    var storage: GMPInteger

    init(storage: GMPInteger) {
        self.storage = storage
    }

    /// Zero.
    public init() {
        storage = GMPInteger()
    }

    /// The value of a machine word.
    public init(_ value: UInt) {
        storage = GMPInteger(value)
    }

    /// OS2IP (RFC 8017 §4.2): the integer whose big-endian octets are `bytes`.
    /// Leading zero octets are allowed; an empty string is 0.
    public init(bigEndianBytes bytes: some Sequence<UInt8>) {
        let storage = GMPInteger()
        self.storage = storage
        let import_ = { (buffer: UnsafeRawBufferPointer) in
            guard buffer.count > 0 else { return }
            // order 1: most significant word first; size 1: octets; endian 1; nails 0.
            __gmpz_import(storage.pointer, buffer.count, 1, 1, 1, 0, buffer.baseAddress)
        }
        // Straight from the caller's storage when it is contiguous; otherwise
        // through a copy that is wiped (the octets may be a secret's).
        if bytes.withContiguousStorageIfAvailable({ import_(UnsafeRawBufferPointer($0)) }) == nil {
            var copy = Array(bytes)
            defer { copy.wipe() }
            copy.withUnsafeBytes(import_)
        }
    }

    /// Parses hexadecimal digits (either case, any length, leading zeros allowed,
    /// an optional `0x` prefix).
    ///
    /// - Throws: `BigNumError.invalidHexadecimal` for empty text or a non-hex character.
    public init(hex text: some StringProtocol) throws {
        var digits = Substring(text)
        var offset = 0
        if digits.hasPrefix("0x") || digits.hasPrefix("0X") {
            digits = digits.dropFirst(2)
            offset = 2
        }
        guard !digits.isEmpty else { throw BigNumError.invalidHexadecimal(offset: offset) }
        var nibbles: [UInt8] = []
        nibbles.reserveCapacity(digits.utf8.count)
        for (index, character) in digits.utf8.enumerated() {
            guard let nibble = Hex.value(of: character) else {
                throw BigNumError.invalidHexadecimal(offset: offset + index)
            }
            nibbles.append(nibble)
        }
        // Pair the nibbles from the right: an odd count gets an implicit leading 0.
        var bytes = [UInt8](repeating: 0, count: (nibbles.count + 1) / 2)
        for (position, nibble) in nibbles.reversed().enumerated() {
            bytes[bytes.count - 1 - position / 2] |= nibble << (4 * UInt8(position % 2))
        }
        self.init(bigEndianBytes: bytes)
        bytes.wipe()
        nibbles.wipe()
    }

    // MARK: - Properties

    /// Whether the value is 0.
    public var isZero: Bool { storage.limbCount == 0 }

    /// Whether the value is odd.
    public var isOdd: Bool { storage.limb(0) & 1 == 1 }

    /// The number of bits needed to write the value: 0 for 0, else ⌊log₂ x⌋ + 1.
    public var bitWidth: Int {
        isZero ? 0 : Int(__gmpz_sizeinbase(storage.pointer, 2))
    }

    /// The number of octets needed to write the value (0 for 0).
    public var byteWidth: Int { (bitWidth + 7) / 8 }

    /// Whether bit `index` (0 = least significant) is set. Negative indexes read as 0.
    public func testBit(_ index: Int) -> Bool {
        guard index >= 0 else { return false }
        return __gmpz_tstbit(storage.pointer, mp_bitcnt_t(index)) == 1
    }

    /// Limb `index` (64-bit words, least significant first), for `PrimeField`.
    package func limb(_ index: Int) -> UInt { storage.limb(index) }

    /// The `count` bits (1 ... 63) starting at bit `position`, as a number: the
    /// exponent digits of windowed exponentiation. No branch on the bits' values.
    package func bits(at position: Int, count: Int) -> Int {
        let index = position / 64
        let offset = position % 64
        var word = limb(index) >> offset
        if offset + count > 64 { word |= limb(index + 1) << (64 - offset) }
        return Int(word & ((1 << count) - 1))
    }

    /// Whether the value is probably prime: GMP's Baillie–PSW test followed by
    /// 40 Miller–Rabin rounds with random bases (error below 2⁻⁸⁰).
    public var isProbablePrime: Bool {
        __gmpz_probab_prime_p(storage.pointer, 40) > 0
    }

    // MARK: - Octet strings

    /// I2OSP (RFC 8017 §4.1): the value as exactly `byteCount` big-endian octets,
    /// padded with leading zeros.
    ///
    /// - Throws: `BigNumError.valueTooLarge` if the value needs more octets.
    public func serialized(byteCount: Int) throws -> [UInt8] {
        let needed = byteWidth
        guard needed <= byteCount else {
            throw BigNumError.valueTooLarge(required: needed, available: byteCount)
        }
        var bytes = [UInt8](repeating: 0, count: byteCount)
        guard needed > 0 else { return bytes }
        bytes.withUnsafeMutableBytes { buffer in
            var written = 0
            _ = __gmpz_export(buffer.baseAddress! + (byteCount - needed), &written, 1, 1, 1, 0, storage.pointer)
        }
        return bytes
    }

    /// The value as big-endian octets without leading zeros (empty for 0).
    public var minimalBigEndianBytes: [UInt8] {
        do { return try serialized(byteCount: byteWidth) } catch { preconditionFailure("a value fits its own byte width: \(error)") }
    }

    /// The value as lowercase hexadecimal digits without leading zeros ("0" for 0).
    public var hexString: String {
        let bytes = minimalBigEndianBytes
        guard !bytes.isEmpty else { return "0" }
        var text = Hex.encode(bytes)
        if text.hasPrefix("0") { text.removeFirst() }
        return text
    }

    // MARK: - Arithmetic

    /// Calls `body` with a fresh integer to write into and returns it.
    private static func computing(_ body: (UnsafeMutablePointer<__mpz_struct>) -> Void) -> BigUInt {
        let result = GMPInteger()
        body(result.pointer)
        return BigUInt(storage: result)
    }

    public static func + (lhs: BigUInt, rhs: BigUInt) -> BigUInt {
        computing { __gmpz_add($0, lhs.storage.pointer, rhs.storage.pointer) }
    }

    /// Subtraction. Like `UInt`, it traps when `rhs > lhs`: the type has no
    /// negative values. Use modular arithmetic for values from outside.
    public static func - (lhs: BigUInt, rhs: BigUInt) -> BigUInt {
        precondition(lhs >= rhs, "BigUInt subtraction would be negative")
        return computing { __gmpz_sub($0, lhs.storage.pointer, rhs.storage.pointer) }
    }

    public static func * (lhs: BigUInt, rhs: BigUInt) -> BigUInt {
        computing { __gmpz_mul($0, lhs.storage.pointer, rhs.storage.pointer) }
    }

    /// `lhs · 2^rhs`.
    public static func << (lhs: BigUInt, rhs: Int) -> BigUInt {
        precondition(rhs >= 0, "negative shift")
        return computing { __gmpz_mul_2exp($0, lhs.storage.pointer, mp_bitcnt_t(rhs)) }
    }

    /// `⌊lhs / 2^rhs⌋`.
    public static func >> (lhs: BigUInt, rhs: Int) -> BigUInt {
        precondition(rhs >= 0, "negative shift")
        return computing { __gmpz_fdiv_q_2exp($0, lhs.storage.pointer, mp_bitcnt_t(rhs)) }
    }

    /// Euclidean division: `self = quotient · divisor + remainder`, `remainder < divisor`.
    ///
    /// - Throws: `BigNumError.divisionByZero`.
    public func quotientAndRemainder(dividingBy divisor: BigUInt) throws -> (quotient: BigUInt, remainder: BigUInt) {
        guard !divisor.isZero else { throw BigNumError.divisionByZero }
        let quotient = GMPInteger()
        let remainder = GMPInteger()
        __gmpz_fdiv_qr(quotient.pointer, remainder.pointer, storage.pointer, divisor.storage.pointer)
        return (BigUInt(storage: quotient), BigUInt(storage: remainder))
    }

    /// `self mod modulus`, in `0 ..< modulus`.
    ///
    /// - Throws: `BigNumError.divisionByZero`.
    public func modulo(_ modulus: BigUInt) throws -> BigUInt {
        guard !modulus.isZero else { throw BigNumError.divisionByZero }
        return BigUInt.computing { __gmpz_fdiv_r($0, storage.pointer, modulus.storage.pointer) }
    }

    /// The inverse of `self` modulo `modulus`: x with self · x ≡ 1, in `0 ..< modulus`.
    ///
    /// - Throws: `BigNumError.divisionByZero` for modulus 0,
    ///   `BigNumError.notInvertible` when gcd(self, modulus) ≠ 1.
    public func inverse(modulo modulus: BigUInt) throws -> BigUInt {
        guard !modulus.isZero else { throw BigNumError.divisionByZero }
        let result = GMPInteger()
        guard __gmpz_invert(result.pointer, storage.pointer, modulus.storage.pointer) != 0 else {
            throw BigNumError.notInvertible
        }
        return BigUInt(storage: result)
    }

    /// Whether an exponent may be seen by an observer of timing and memory access.
    public enum ExponentSecrecy: Sendable {
        /// Variable time (GMP `mpz_powm`): for public exponents only.
        case `public`
        /// Time and memory access independent of the exponent's and the base's
        /// values (GMP `mpz_powm_sec`): for secret exponents. Needs an odd
        /// modulus and an exponent ≥ 1.
        case secret
    }

    /// `self ^ exponent mod modulus`.
    ///
    /// - Throws: `BigNumError.divisionByZero` for modulus 0; with `.secret`,
    ///   `BigNumError.unsupportedModulus` for an even modulus and
    ///   `BigNumError.unsupportedExponent` for exponent 0.
    public func power(_ exponent: BigUInt, modulus: BigUInt, secrecy: ExponentSecrecy = .public) throws -> BigUInt {
        guard !modulus.isZero else { throw BigNumError.divisionByZero }
        switch secrecy {
        case .public:
            return BigUInt.computing {
                __gmpz_powm($0, storage.pointer, exponent.storage.pointer, modulus.storage.pointer)
            }
        case .secret:
            guard modulus.isOdd else { throw BigNumError.unsupportedModulus }
            guard !exponent.isZero else { throw BigNumError.unsupportedExponent }
            return BigUInt.computing {
                __gmpz_powm_sec($0, storage.pointer, exponent.storage.pointer, modulus.storage.pointer)
            }
        }
    }

    /// A square root of `self` modulo a prime p ≡ 3 (mod 4): r = self^((p+1)/4),
    /// checked so that r² ≡ self (RFC 6508 §2.1 uses such a p).
    /// Of the two roots r and p − r, this returns the one the formula gives.
    ///
    /// - Throws: `BigNumError.unsupportedModulus` unless p ≡ 3 (mod 4);
    ///   `BigNumError.notAQuadraticResidue` when `self` has no root.
    ///   The primality of p is the caller's promise.
    public func squareRoot(modulo prime: BigUInt) throws -> BigUInt {
        guard prime.limb(0) & 3 == 3 else { throw BigNumError.unsupportedModulus }
        let reduced = try modulo(prime)
        let exponent = (prime + 1) >> 2
        let root = try reduced.power(exponent, modulus: prime)
        guard try (root * root).modulo(prime) == reduced else { throw BigNumError.notAQuadraticResidue }
        return root
    }

    // MARK: - Random

    /// A uniformly random integer in `0 ..< bound`, by rejection sampling of
    /// `bound.bitWidth`-bit candidates from `generator`.
    ///
    /// - Throws: `BigNumError.divisionByZero` when `bound` is 0.
    public static func random(below bound: BigUInt, using generator: inout some RandomNumberGenerator) throws -> BigUInt {
        guard !bound.isZero else { throw BigNumError.divisionByZero }
        let bits = bound.bitWidth
        let byteCount = (bits + 7) / 8
        let topMask = UInt8(truncatingIfNeeded: (1 << (bits - 8 * (byteCount - 1))) - 1)
        var bytes = [UInt8](repeating: 0, count: byteCount)
        defer { bytes.wipe() }
        while true {
            var index = 0
            while index < byteCount {
                var word = generator.next()
                for _ in 0 ..< 8 where index < byteCount {
                    bytes[index] = UInt8(truncatingIfNeeded: word)
                    word >>= 8
                    index += 1
                }
            }
            bytes[0] &= topMask
            let candidate = BigUInt(bigEndianBytes: bytes)
            if candidate < bound { return candidate }
        }
    }

    /// A uniformly random integer in `0 ..< bound` from the system CSPRNG
    /// (`SystemRandomNumberGenerator`: getrandom(2) on Linux).
    ///
    /// - Throws: `BigNumError.divisionByZero` when `bound` is 0.
    public static func random(below bound: BigUInt) throws -> BigUInt {
        var generator = SecureRandomGenerator()
        return try random(below: bound, using: &generator)
    }
}

extension BigUInt: Equatable, Comparable, Hashable {
    public static func == (lhs: BigUInt, rhs: BigUInt) -> Bool {
        __gmpz_cmp(lhs.storage.pointer, rhs.storage.pointer) == 0
    }

    public static func < (lhs: BigUInt, rhs: BigUInt) -> Bool {
        __gmpz_cmp(lhs.storage.pointer, rhs.storage.pointer) < 0
    }

    public func hash(into hasher: inout Hasher) {
        for index in 0 ..< storage.limbCount {
            hasher.combine(storage.limb(index))
        }
    }
}

extension BigUInt: ExpressibleByIntegerLiteral {
    public init(integerLiteral value: UInt) {
        self.init(value)
    }
}

extension BigUInt: CustomStringConvertible {
    /// `0x` and the hexadecimal digits. Do not print secrets.
    public var description: String { "0x" + hexString }
}
