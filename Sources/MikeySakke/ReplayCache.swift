import Crypto
import Synchronization

/// The replay cache of RFC 3830 §5.4: the messages accepted within the
/// allowed clock skew, so that a second delivery is refused. Entries are the
/// SHA-256 of the octets the signature covers, not of the signature: an ECCSI
/// signature (r, s) can be re-written as (r, q − s) and still verify, so a
/// cache keyed by signatures would let a replay through. Entries older than
/// the skew are dropped, since such a message is refused as stale anyway.
/// Shared by every receiver that holds it; safe across threads.
public final class ReplayCache: Sendable {
    /// The most entries held; when full, the message is refused rather than an entry forgotten.
    public let capacity: Int
    private let state = Mutex<[SHA256Digest: UInt32]>([:])

    public init(capacity: Int = 100_000) {
        self.capacity = capacity
    }

    /// Records `signed` (stamped `seconds`, NTP) unless it is there already.
    /// Returns false for a replay or a full cache.
    func insert(_ signed: some Collection<UInt8>, seconds: UInt32, now: UInt32, skew: UInt32) -> Bool {
        let digest = SHA256.hash(data: Array(signed))
        return state.withLock { entries in
            if entries.count >= capacity {
                entries = entries.filter { now &- $0.value <= skew || $0.value &- now <= skew }
            }
            guard entries[digest] == nil, entries.count < capacity else { return false }
            entries[digest] = seconds
            return true
        }
    }
}
