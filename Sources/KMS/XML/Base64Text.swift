import Foundation

/// Base64 text (RFC 4648 §4) of XML-DSig and XML Encryption values.
enum Base64Text {
    static func encode(_ bytes: some Collection<UInt8>) -> String { Data(bytes).base64EncodedString() }
}
