import CConstantTimeValidation

/// Annotations for the mechanical constant-time check (issue 11;
/// `Scripts/check-constant-time.sh`), after BoringSSL's constant-time
/// validation (`CONSTTIME_SECRET` / `CONSTTIME_DECLASSIFY`).
///
/// In a build with `-Xswiftc -DMIKEY_SAKKE_CT_VALIDATION -Xcc
/// -DMIKEY_SAKKE_CT_VALIDATION`, ``markSecret(_:)-(UnsafeRawBufferPointer)``
/// tells valgrind's memcheck that bytes are *undefined*. Memcheck tracks
/// definedness through every register and memory copy, and reports each
/// conditional jump on an undefined value and each load or store at an
/// address computed from one: exactly the two ways code leaks a secret
/// through its timing on a cache-equipped CPU. (A conditional *move* on an
/// undefined value is not reported; it only makes the result undefined.)
///
/// ``declassify(_:)-(T)`` marks a value *defined* again. Library code calls it
/// only for values that are public by design, at the exact place they become
/// public (a signature's r and s, a blinded product about to go through a
/// variable-time inversion, the outcome of a validity check that the caller
/// sees anyway as a thrown error), each call with a comment saying why. A
/// declassification in the wrong place hides a leak, so keep them few.
///
/// In every other build all of this compiles to nothing, and no valgrind
/// header is needed. The values themselves are never changed.
package enum ConstantTimeValidation {
    /// Whether this build carries the memcheck client requests (both the Swift
    /// and the C flag were given).
    package static var isCompiledIn: Bool {
        #if MIKEY_SAKKE_CT_VALIDATION
        return constant_time_validation_compiled() == 1
        #else
        return false
        #endif
    }

    /// Whether the process runs under valgrind, so that the requests act.
    package static var isRunningUnderValgrind: Bool {
        #if MIKEY_SAKKE_CT_VALIDATION
        return constant_time_validation_running_on_valgrind() == 1
        #else
        return false
        #endif
    }

    /// The number of errors memcheck has reported so far (0 when not under valgrind).
    package static var reportedErrorCount: Int {
        #if MIKEY_SAKKE_CT_VALIDATION
        return Int(constant_time_validation_error_count())
        #else
        return 0
        #endif
    }

    // MARK: - Secret

    /// Marks `bytes` secret: memcheck reports any branch or address that depends on them.
    @inlinable @inline(__always)
    package static func markSecret(_ bytes: UnsafeRawBufferPointer) {
        #if MIKEY_SAKKE_CT_VALIDATION
        if let base = bytes.baseAddress { poison(base, bytes.count) }
        #endif
    }

    /// Marks the bytes of `value` secret.
    @inlinable @inline(__always)
    package static func markSecret<T: BitwiseCopyable>(_ value: inout T) {
        #if MIKEY_SAKKE_CT_VALIDATION
        withUnsafeMutableBytes(of: &value) { markSecret(UnsafeRawBufferPointer($0)) }
        #endif
    }

    /// Marks the elements of `array` secret.
    @inlinable @inline(__always)
    package static func markSecret<Element: BitwiseCopyable>(_ array: inout [Element]) {
        #if MIKEY_SAKKE_CT_VALIDATION
        array.withUnsafeMutableBytes { markSecret(UnsafeRawBufferPointer($0)) }
        #endif
    }

    // MARK: - Public by design

    /// Marks `bytes` public. Only for values public by design; say why at the call.
    @inlinable @inline(__always)
    package static func declassify(_ bytes: UnsafeRawBufferPointer) {
        #if MIKEY_SAKKE_CT_VALIDATION
        if let base = bytes.baseAddress { unpoison(base, bytes.count) }
        #endif
    }

    /// `value`, marked public. Only for values public by design; say why at the call.
    @inlinable @inline(__always)
    package static func declassify<T: BitwiseCopyable>(_ value: T) -> T {
        #if MIKEY_SAKKE_CT_VALIDATION
        var copy = value
        withUnsafeMutableBytes(of: &copy) { declassify(UnsafeRawBufferPointer($0)) }
        return copy
        #else
        return value
        #endif
    }

    /// Marks the elements of `array` public. Only for values public by design; say why at the call.
    @inlinable @inline(__always)
    package static func declassify<Element: BitwiseCopyable>(_ array: inout [Element]) {
        #if MIKEY_SAKKE_CT_VALIDATION
        array.withUnsafeMutableBytes { declassify(UnsafeRawBufferPointer($0)) }
        #endif
    }
}
