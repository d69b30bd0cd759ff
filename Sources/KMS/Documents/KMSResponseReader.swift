import Foundation

/// Reads KMS responses as a key management client receives them (TS 33.180
/// D.3): a `KmsResponse`, or a `SignedKmsResponse` of the security
/// extension, whose signature is checked (the XML-DSig check of the security extension) before anything
/// of the response is read.
///
/// With security keys configured (the TrK and InK shared with the KMS's
/// secure element), a response must be signed by one of them; without, only
/// an unsigned `KmsResponse` is read. Either way the response's `Time` must
/// lie within ``maximumClockSkew`` of the client's clock and, when the
/// client says which URL it asked, `ClientReqUrl` must be that URL.
public struct KMSResponseReader: Sendable {
    /// The TrKs and InKs, by name: signatures verify only with the key they
    /// name, and wrapped keys unwrap only with the TrK they name.
    public var securityKeys: [SecurityKey]
    /// The largest difference allowed between `Time` and the client's clock (300 s).
    public var maximumClockSkew: TimeInterval
    /// The largest document read.
    public var maximumDocumentSize: Int

    public init(securityKeys: [SecurityKey] = [], maximumClockSkew: TimeInterval = 300, maximumDocumentSize: Int = 4 << 20) {
        self.securityKeys = securityKeys
        self.maximumClockSkew = maximumClockSkew
        self.maximumDocumentSize = maximumDocumentSize
    }

    /// The response in `document`, checked.
    ///
    /// - Parameters:
    ///   - document: the response body as received.
    ///   - requestURL: the URL the client posted to; nil skips the `ClientReqUrl` check.
    ///   - now: the client's clock.
    /// - Throws: ``KMSError``.
    public func read(_ document: some Collection<UInt8>, requestURL: String? = nil, now: Date) throws(KMSError) -> KMSResponse {
        let tree = try XMLTree(parsing: document, maximumSize: maximumDocumentSize)
        let root = tree.root
        let responseElement: XMLTreeElement
        if root.isElement("SignedKmsResponse", in: XMLNamespace.kmsSecurityExtension) {
            // Structure first (KmsResponse then Signature, nothing else of ours), then the signature.
            let children = root.children
            guard !root.hasMixedContent, children.count == 2, children.allSatisfy({ $0.namespace != nil }) else {
                throw KMSError.misplacedElement("SignedKmsResponse")
            }
            if securityKeys.isEmpty {
                throw KMSError.unknownKeyName(Self.keyName(of: children[1]) ?? "Signature")
            }
            _ = try XMLSignature.verify(root, keys: securityKeys)
            responseElement = children[0]
        } else {
            guard securityKeys.isEmpty else { throw KMSError.signatureMissing }
            responseElement = root
        }
        let response = try KMSResponse(element: responseElement)
        guard abs(response.time.timeIntervalSince(now)) <= maximumClockSkew else { throw KMSError.staleTime }
        if let requestURL, response.clientRequestURL != requestURL { throw KMSError.requestURLMismatch }
        return response
    }

    /// The `KeyName` a signature names, for the error that says it cannot be checked.
    private static func keyName(of signature: XMLTreeElement) -> String? {
        signature.children.last(where: { $0.name == "KeyInfo" })?.children.first(where: { $0.name == "KeyName" })?.trimmedText
    }
}
