/// The operations the harness runs with their secret inputs marked (issue 11:
/// sign, user-key issue, RSK issue, encapsulate, decapsulate, SRTP protect),
/// and the canary that proves the check is live.
enum Operation: String, CaseIterable {
    /// ECCSI sign (RFC 6507 §5.2.1) with a given nonce; secret: SSK, j.
    case eccsiSign = "eccsi-sign"
    /// ECCSI KMS key pair and user-key issue (§4.2, §5.1.1) with a given v; secret: KSAK, v.
    case eccsiIssue = "eccsi-issue"
    /// SAKKE KMS key pair and RSK issue (RFC 6508 §6.1.1); secret: z.
    case sakkeRSKIssue = "sakke-rsk-issue"
    /// SAKKE encapsulation (§6.2.1) of a given SSV; secret: SSV (and r from it).
    case sakkeEncapsulate = "sakke-encapsulate"
    /// SAKKE RSK validation and decapsulation (§6.1.2, §6.2.2); secret: RSK.
    case sakkeDecapsulate = "sakke-decapsulate"
    /// SRTP AEAD AES-GCM protect (RFC 7714 §8) with and without the RFC 3711
    /// KDF; secret: master (or session) key and salt.
    case srtpProtect = "srtp-protect"
    /// A deliberate branch and table index on a secret: memcheck must report
    /// it, or the check is not working. Not in the default set.
    case canary

    /// What runs when no operation is named.
    static var defaultSet: [Operation] { allCases.filter { $0 != .canary } }

    /// Runs the operation on `inputCount` inputs (the RFC example first, then
    /// seeded random ones where the operation has them).
    func run(inputCount: Int) throws(CheckError) {
        switch self {
        case .eccsiSign: try ECCSISignCheck.run(inputCount: inputCount)
        case .eccsiIssue: try ECCSIIssueCheck.run(inputCount: inputCount)
        case .sakkeRSKIssue: try SAKKERSKIssueCheck.run(inputCount: inputCount)
        case .sakkeEncapsulate: try SAKKEEncapsulateCheck.run(inputCount: inputCount)
        case .sakkeDecapsulate: try SAKKEDecapsulateCheck.run(inputCount: inputCount)
        case .srtpProtect: try SRTPProtectCheck.run(inputCount: inputCount)
        case .canary: Canary.run()
        }
    }
}
