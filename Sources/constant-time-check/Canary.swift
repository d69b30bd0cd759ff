import Octets

/// Code that leaks on purpose: a branch on a secret bit and a table load at a
/// secret index. Run alone (`constant-time-check canary`), memcheck must
/// report both; the script checks that it does before trusting a clean run.
enum Canary {
    static func run() {
        var secret: [UInt8] = [0x5A]
        ConstantTimeValidation.markSecret(&secret)
        let table = (0 ..< 16).map { UInt8($0) &* 7 }
        // A table load whose address depends on the secret.
        let loaded = table[Int(secret[0] & 0x0F)]
        // A branch on the secret (printing makes it a real branch, not a select).
        if secret[0] & 1 == 1 {
            print("canary: odd")
        } else {
            print("canary: even")
        }
        print("canary: loaded \(ConstantTimeValidation.declassify(loaded))")
    }
}
