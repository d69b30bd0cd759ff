import Crypto
import Synchronization

/// The replay cache of RFC 3830 §5.4: the messages accepted within the
/// allowed clock skew, so that a second delivery is refused. Entries are the
/// SHA-256 of the receiver's UID and the octets the signature covers, not of
/// the signature: an ECCSI signature (r, s) can be re-written as (r, q − s)
/// and still verify, so a cache keyed by signatures would let a replay
/// through. The receiver's UID keeps receivers that share one cache apart
/// (the responder and the initiator's other device, E.5, accept the same
/// message once each). Each entry lasts until its timestamp plus the skew of
/// the receiver that accepted it, after which such a message is refused as
/// stale anyway. Shared by every receiver that holds it; safe across threads.
public final class ReplayCache: Sendable {
    /// The most entries held; when full (after dropping expired entries), the
    /// message is refused rather than an entry forgotten.
    public let capacity: Int

    private struct State {
        /// Digest → the NTP second after which the entry may go.
        var entries: [SHA256Digest: UInt64] = [:]
        /// The NTP second of the last sweep, so a full cache is swept at most once a second.
        var lastSweep: UInt64 = 0
    }

    private let state = Mutex(State())

    public init(capacity: Int = 100_000) {
        self.capacity = capacity
    }

    /// How many entries are held (for monitoring).
    public var count: Int { state.withLock { $0.entries.count } }

    /// Records `signed` for `receiver` (stamped `seconds`, NTP) unless it is
    /// there already. Returns false for a replay or a full cache.
    func insert(_ signed: ArraySlice<UInt8>, receiver: [UInt8], seconds: UInt32, now: UInt32, skew: UInt32) -> Bool {
        var hasher = SHA256()
        hasher.update(data: receiver)
        hasher.update(data: signed)
        let digest = hasher.finalize()
        let expiry = UInt64(seconds) + UInt64(skew), clock = UInt64(now)
        return state.withLock { state in
            if state.entries.count >= capacity, state.lastSweep != clock {
                state.entries = state.entries.filter { $0.value >= clock }
                state.lastSweep = clock
            }
            guard state.entries[digest] == nil, state.entries.count < capacity else { return false }
            state.entries[digest] = expiry
            return true
        }
    }
}
