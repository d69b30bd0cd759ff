/// The sliding replay window of RFC 3711 §3.3.2 over 48-bit SRTP or 31-bit
/// SRTCP indexes: the highest index accepted and a bitmap of the `size`
/// indexes at and below it. Checking and recording are separate so that a
/// packet is recorded only after its tag verified.
public struct ReplayWindow: Sendable {
    /// The number of indexes the window covers (64 by default, RFC 3711 §3.3.2).
    public let size: Int
    private var highest: UInt64?
    /// Bit i of word i/64: index `highest − i` was received.
    private var bits: [UInt64]

    /// - Throws: `SRTPError.invalidReplayWindowSize` unless 1 ≤ size ≤ 32 768.
    public init(size: Int = 64) throws {
        guard (1 ... 32_768).contains(size) else { throw SRTPError.invalidReplayWindowSize(size) }
        self.size = size
        bits = [UInt64](repeating: 0, count: (size + 63) / 64)
    }

    /// Whether `index` may be accepted: newer than everything, or inside the
    /// window and not yet received.
    ///
    /// - Throws: `SRTPError.replayed` for an index already received or behind the window.
    public func check(_ index: UInt64) throws {
        guard let highest, index <= highest else { return }
        let age = highest - index
        guard age < UInt64(size), bits[Int(age / 64)] & (1 << (age % 64)) == 0 else { throw SRTPError.replayed(index: index) }
    }

    /// Records `index` as received (after `check` passed and the tag verified).
    /// An index behind the window is ignored (``check(_:)`` refuses it anyway),
    /// so that no index, however far behind, can make the window trap.
    public mutating func record(_ index: UInt64) {
        guard let current = highest else {
            highest = index
            bits[0] = 1
            return
        }
        if index > current {
            shift(by: index - current)
            highest = index
            bits[0] |= 1
        } else {
            let age = current - index
            guard age < UInt64(size) else { return }
            bits[Int(age / 64)] |= 1 << (age % 64)
        }
    }

    /// The highest index recorded, if any.
    public var highestIndex: UInt64? { highest }

    /// Moves the bitmap `distance` places towards older indexes.
    private mutating func shift(by distance: UInt64) {
        guard distance < UInt64(size) else {
            for word in bits.indices { bits[word] = 0 }
            return
        }
        let words = Int(distance / 64), offset = distance % 64
        for word in bits.indices.reversed() {
            let source = word - words
            var value: UInt64 = source >= 0 ? bits[source] << offset : 0
            if offset != 0, source - 1 >= 0 { value |= bits[source - 1] >> (64 - offset) }
            bits[word] = value
        }
    }
}
