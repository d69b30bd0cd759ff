import Foundation

/// A KMS request of the security extension (TS 33.180 D.2.2, Table
/// D.2.2-1, D.3.5.2 `KmsRequestType`): what a client posts, signed with its
/// InK or TrK, so that the KMS can authenticate the request. The elements are
/// in the security extension's namespace (the schema declares them locally
/// with `elementFormDefault="qualified"`).
///
/// A KMS reads one with ``verified(_:keys:kmsURI:requestURL:now:maximumClockSkew:maximumDocumentSize:)``,
/// which makes the checks D.2.2 lists: the signature (with the key its
/// `KeyName` names), `KmsUri` is this KMS, `Time` is recent, `ClientReqUrl`
/// is the resource posted to.
public struct KMSRequest: Sendable, Equatable {
    public var userURI: String
    public var kmsURI: String
    /// `Time`: when the client made the request.
    public var time: Date
    public var clientID: String?
    public var deviceID: String?
    /// `ClientReqUrl`: the resource the request is posted to.
    public var clientRequestURL: String

    public init(userURI: String, kmsURI: String, time: Date, clientID: String? = nil, deviceID: String? = nil, clientRequestURL: String) {
        self.userURI = userURI
        self.kmsURI = kmsURI
        self.time = time
        self.clientID = clientID
        self.deviceID = deviceID
        self.clientRequestURL = clientRequestURL
    }

    /// The `SignedKmsRequest` document, signed with `key` (XML-DSig HMAC-SHA-256, enveloped, as D.3.4's responses).
    ///
    /// - Throws: ``KMSError/unwritableValue(_:)``.
    public func xml(signedWith key: SecurityKey) throws(KMSError) -> [UInt8] {
        var writer = XMLWriter()
        writer.open("SignedKmsRequest", [("xmlns", XMLNamespace.kmsSecurityExtension), ("Id", XMLSignature.documentID)])
        writer.open("KmsRequest", [("Version", "1.0.0")])
        writer.element("UserUri", userURI)
        writer.element("KmsUri", kmsURI)
        writer.element("Time", XMLValue.text(time))
        if let clientID { writer.element("ClientId", clientID) }
        if let deviceID { writer.element("DeviceId", deviceID) }
        writer.element("ClientReqUrl", clientRequestURL)
        writer.close()
        XMLSignature.writeTemplate(keyName: key.name, into: &writer)
        writer.close()
        return try XMLSignature.sign(writer.text, with: key)
    }

    static let fields: [XMLSequence.Field] = [
        .init("UserUri", rank: 0), .init("KmsUri", rank: 1), .init("Time", rank: 2), .init("ClientId", required: false, rank: 3),
        .init("DeviceId", required: false, rank: 4), .init("ClientReqUrl", rank: 5), .init("ClientError", required: false, rank: 6),
    ]

    /// Reads and checks a `SignedKmsRequest` as a KMS (D.2.2).
    ///
    /// - Parameters:
    ///   - document: the request body.
    ///   - keys: the TrKs and InKs the KMS shares with its clients; the signature must verify with the one it names.
    ///   - kmsURI: this KMS's URI.
    ///   - requestURL: the resource the request was posted to.
    ///   - now: the KMS's clock.
    ///   - maximumClockSkew: how far `Time` may be from `now` (D.2.2 suggests a few seconds).
    ///   - maximumDocumentSize: the largest document read.
    /// - Returns: the request, and the name of the key that signed it (the
    ///   KMS then checks that the key belongs to `UserUri`).
    /// - Throws: ``KMSError``.
    public static func verified(
        _ document: some Collection<UInt8>, keys: [SecurityKey], kmsURI: String, requestURL: String, now: Date,
        maximumClockSkew: TimeInterval = 5, maximumDocumentSize: Int = 1 << 20
    ) throws(KMSError) -> (request: KMSRequest, keyName: String) {
        let tree = try XMLTree(parsing: document, maximumSize: maximumDocumentSize)
        let root = tree.root
        guard root.isElement("SignedKmsRequest", in: XMLNamespace.kmsSecurityExtension) else { throw KMSError.unexpectedElement(root.name) }
        let children = root.children
        guard !root.hasMixedContent, children.count == 2 else { throw KMSError.misplacedElement("SignedKmsRequest") }
        let keyName = try XMLSignature.verify(root, keys: keys)
        let element = children[0]
        guard element.isElement("KmsRequest", in: XMLNamespace.kmsSecurityExtension) else { throw KMSError.unexpectedElement(element.name) }
        let fields = try XMLSequence(element, namespace: XMLNamespace.kmsSecurityExtension, fields: Self.fields)
        let request = KMSRequest(
            userURI: try fields.text("UserUri"), kmsURI: try fields.text("KmsUri"), time: try XMLValue.date(fields.text("Time"), "Time"),
            clientID: try fields.optionalText("ClientId"), deviceID: try fields.optionalText("DeviceId"),
            clientRequestURL: try fields.text("ClientReqUrl"))
        guard request.kmsURI == kmsURI else { throw KMSError.kmsMismatch }
        guard abs(request.time.timeIntervalSince(now)) <= maximumClockSkew else { throw KMSError.staleTime }
        guard request.clientRequestURL == requestURL else { throw KMSError.requestURLMismatch }
        return (request, keyName)
    }
}
