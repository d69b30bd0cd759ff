/// One end of an I_MESSAGE: an MC service user ID (or an MCX server's
/// identifier, a GMS's URI) and the URI of the KMS that keys it (TS 33.180
/// E.2.1, E.3.1, E.4.1: IDRi/IDRr and IDRkmsi/IDRkmsr).
public struct IMessageParty: Sendable, Hashable {
    /// The MC service user ID or server identifier.
    public let uri: String
    /// The KMS URI.
    public let kmsURI: String

    public init(uri: String, kmsURI: String) {
        self.uri = uri
        self.kmsURI = kmsURI
    }
}
