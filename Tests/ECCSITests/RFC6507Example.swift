import BigNum
import Octets

/// The worked example of RFC 6507 Appendix A, value by value as the RFC prints them.
enum RFC6507Example {
    static let ksak = "0000000000000000000000000000000000000000000000000000000000012345"
    static let kpak = "0450d4670bde75244f28d2838a0d25558a7a72686d4522d4c8273fb6442aebfa93dbdd37551afd263b5dfd617f3960c65a8c298850ff99f20366dce7d4367217f4"
    /// "2011-02\0tel:+447700900123\0".
    static let identifier = Array("2011-02\u{0}tel:+447700900123\u{0}".utf8)
    static let v = "0000000000000000000000000000000000000000000000000000000000023456"
    static let pvt = "04758a142779be89e829e71984cb40ef758cc4ad775fc5b9a3e1c8ed52f6fa36d9a79d247692f4eda3a6bdab77d6aa6474a464ae4934663c5265ba7018ba091f79"
    static let hs = "490f3febbc1c902f6289723d7f8cbf79db88930849d19f38f0295b5c276c14d1"
    static let ssk = "23f374ae1f4033f3e9dbddaaef20f4cf0b86bbd5a138a5ae9e7e006b34489a0d"
    /// "message\0".
    static let message = Array("message\u{0}".utf8)
    static let j = "0000000000000000000000000000000000000000000000000000000000034567"
    static let r = "269d4c8fdeb66a74e4ef8c0d5dcc597ddfe6029c2affc4936008cd2cc1045d81"
    static let he = "111f90eae8271c96df9b3d6726768d9ee9b18145d7ec152cfa9c23d1c4f02285"
    static let s = "e09b528d0ef8d6df1aa3ecbf80110cfcec9fc68252cebb679f4134846940ccfd"

    static func bytes(_ hex: String) -> [UInt8] {
        // Constant, well-formed text.
        (try? Hex.decode(hex)) ?? []
    }
}
