import Octets

extension MissionCriticalKeys {
    /// The signalling-plane keys derived from an XPK (a CSK or SPK).
    public struct SignallingKeys: Sendable {
        /// FC = 0x51: signalling-plane confidentiality.
        public let confidentiality: SecretBytes
        /// FC = 0x52: signalling-plane integrity.
        public let integrity: SecretBytes
    }
}
