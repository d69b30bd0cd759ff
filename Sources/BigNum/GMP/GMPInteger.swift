import Octets
import CGMP

/// Owner of one GMP `mpz_t`: the storage behind `BigUInt`.
///
/// The `mpz_t` lives at a fixed address for the object's whole life, so GMP
/// calls can take `pointer` directly. On deinit the limbs are overwritten with
/// zeros before GMP frees them, so a secret integer does not linger in freed
/// memory once its last `BigUInt` is gone. Only `BigNum` sees this type.
///
/// Thread safety: an instance is written only while it is being computed, before
/// any `BigUInt` holds it; afterwards it is read-only, so sharing it is safe.
final class GMPInteger: @unchecked Sendable {
    let pointer: UnsafeMutablePointer<__mpz_struct>

    init() {
        pointer = .allocate(capacity: 1)
        __gmpz_init(pointer)
    }

    init(_ value: UInt) {
        pointer = .allocate(capacity: 1)
        __gmpz_init_set_ui(pointer, value)
    }

    deinit {
        wipeLimbs()
        __gmpz_clear(pointer)
        pointer.deallocate()
    }

    /// Overwrites every allocated limb with zero; the value becomes 0.
    func wipeLimbs() {
        let allocated = Int(pointer.pointee._mp_alloc)
        if allocated > 0, let limbs = pointer.pointee._mp_d {
            secureZero(limbs, count: allocated * MemoryLayout<mp_limb_t>.stride)
        }
        pointer.pointee._mp_size = 0
    }

    /// Number of significant limbs (0 for the value 0).
    var limbCount: Int { Int(abs(pointer.pointee._mp_size)) }

    /// Limb `index` (least significant first); 0 past the last significant limb.
    func limb(_ index: Int) -> UInt {
        index < limbCount ? pointer.pointee._mp_d[index] : 0
    }
}
