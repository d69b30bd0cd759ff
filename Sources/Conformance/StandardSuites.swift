/// The algorithm suites of this package, one per algorithm of the vector format
/// that the package implements. Each layer adds its suite here as it lands
/// (ECCSI, SAKKE, KDF-3GPP, MIKEY-SAKKE-UID, MIKEY-PRF, SRTP, SRTCP, AES-KW);
/// until then the runner reports that algorithm's tests as skipped.
enum StandardSuites {
    static let all: [AlgorithmSuite] = [
        ECCSISuite.suite, KeyDerivationSuites.kdf, KeyDerivationSuites.uid, KeyDerivationSuites.prf,
        SRTPSuites.srtp, SRTPSuites.srtcp, SAKKESuite.suite, MikeySakkeSuite.suite, KMSSuite.suite, AESKeyWrapSuite.suite,
    ]
}
