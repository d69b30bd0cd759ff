/// The master keys a receiver accepts, found by the MKI at the end of a
/// packet (RFC 3711 §3.1: the MKI selects the master key). All keys of a
/// ring have MKIs of one length (0 for a single key without MKI).
struct SRTPKeyRing: Sendable {
    let keys: [SRTPMasterKey]
    let mkiLength: Int

    init(_ keys: [SRTPMasterKey]) throws {
        guard let first = keys.first else { throw SRTPError.ambiguousKeyRing(keyCount: 0) }
        if let odd = keys.first(where: { $0.mki.count != first.mki.count }) { throw SRTPError.invalidMKILength(odd.mki.count) }
        guard first.mki.count > 0 || keys.count == 1 else { throw SRTPError.ambiguousKeyRing(keyCount: keys.count) }
        self.keys = keys
        mkiLength = first.mki.count
    }

    /// The key whose MKI is `mki` (the octets just before `end`).
    func key(mkiIn packet: UnsafeRawBufferPointer, endingAt end: Int) throws -> SRTPMasterKey {
        if mkiLength == 0 { return keys[0] }
        let mki = UnsafeRawBufferPointer(rebasing: packet[(end - mkiLength) ..< end])
        guard let key = keys.first(where: { $0.mki.elementsEqual(mki) }) else { throw SRTPError.unknownMKI(Array(mki)) }
        return key
    }
}
