#!/usr/bin/env python3
"""Writes TestVectors/kms-provisioning.json: KMS certificates and key provisioning
responses (3GPP TS 33.180 Annex D) with valid and invalid cases for every rule of
the `KMS` section of TestVectors/FORMAT.md.

An independent reference: the documents are laid out here from Annex D as text
(no XML library, so nothing of the Swift package's writer is reused), the keys
come from the Python ECCSI/SAKKE/UID functions of make-mikey-sakke-vectors.py
(written from RFC 6507, RFC 6508 and TS 33.180 F.2.1, checked there against the
published examples), the encrypted keys from the `cryptography` package's
RFC 3394 key wrap, and the XML-DSig signatures from the xmlsec1 tool. Every
valid key set is checked here before it is written (RFC 6507 5.1.2, RFC 6508
6.1.2, the UID of F.2.1); every signed document is verified by xmlsec1 with the
key it names.

Needs: python3 with `cryptography`, and xmlsec1 on PATH.
Run from anywhere: python3 Scripts/make-kms-vectors.py
"""
import base64
import calendar
import importlib.util
import json
import pathlib
import shutil
import subprocess
import sys
import tempfile

from cryptography.hazmat.primitives.keywrap import aes_key_wrap

ROOT = pathlib.Path(__file__).resolve().parents[1]
VECTORS = ROOT / "TestVectors"

_spec = importlib.util.spec_from_file_location("reference", ROOT / "Scripts" / "make-mikey-sakke-vectors.py")
ref = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(ref)

NTP_UNIX_OFFSET = 2_208_988_800
PERIOD, OFFSET = 2_592_000, 0
KMS_URI, CERT_URI = "kms.example.org", "cert1.kms.example.org"
ALICE, BOB = "sip:alice@example.org", "sip:bob@example.org"
KSAK, Z = ref.KMS_KEYS[KMS_URI]["ksak"], ref.KMS_KEYS[KMS_URI]["z"]
KPAK, ZT = ref.KMS_KEYS[KMS_URI]["kpak"], ref.KMS_KEYS[KMS_URI]["zt"]
KEYPROV_URL = "https://kms.example.org/keymanagement/identity/v1/keyprov"
TRK_NAME, INK_NAME = "tk.1.alice@example.org", "ik.1.alice@example.org"
TRK = bytes(range(0x20, 0x40))
INK = bytes(range(0x40, 0x60))
NS_KMS = "urn:3gpp:ns:mcsecKMSInterface:1.0"
NS_SE = "urn:3gpp:ns:mcsecKMSSecExt:1.0"
NS_DS = "http://www.w3.org/2000/09/xmldsig#"
NS_XSI = "http://www.w3.org/2001/XMLSchema-instance"
NS_ENC = "http://www.w3.org/2001/04/xmlenc#"
HMAC_SHA256 = "http://www.w3.org/2001/04/xmldsig-more#hmac-sha256"
HMAC_SHA1 = "http://www.w3.org/2000/09/xmldsig#hmac-sha1"


def seconds(text):
    """NTP seconds of an xsd:dateTime in UTC ("2026-12-03T12:00:00")."""
    return calendar.timegm(tuple(int(part) for part in text.replace("T", "-").replace(":", "-").split("-")) + (0, 0, 0)) + NTP_UNIX_OFFSET


def datetime_text(ntp_seconds):
    import time
    return time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(ntp_seconds - NTP_UNIX_OFFSET))


NOW = "2026-12-03T12:00:00"
NOW_SECONDS = seconds(NOW)


def hexu(data):
    return data.hex().upper()


# ---------------------------------------------------------------------------
# Keys (RFC 6507 5.1.1, RFC 6508 6.1.1, TS 33.180 F.2.1)

def key_set_values(uri, period_number):
    start = OFFSET + period_number * PERIOD
    ident = ref.uid(uri, KMS_URI, PERIOD, OFFSET, start)
    v = ref.derived_scalar("KMS vector v of " + ident.hex(), ref.P256.order)
    ssk, pvt, _ = ref.eccsi_user_keys(KSAK, ident, v)
    rsk = ref.sakke_rsk(Z, ident)
    assert ref.eccsi_validate(KPAK, ident, ssk, pvt)
    assert ref.sakke_rsk_matches(ZT, ident, rsk)
    return {"uid": ident, "number": period_number, "from": datetime_text(start),
            "to": datetime_text(start + PERIOD - 1), "ssk": ssk, "pvt": pvt, "rsk": rsk}


def torsion(point_octets):
    """point + (0, 0): (0, 0) has order 2 on y^2 = x^3 - 3x, so the sum is on the curve but of order 2q."""
    return ref.SAKKE.encode(ref.SAKKE.add(ref.SAKKE.decode(point_octets), (0, 0)))


# ---------------------------------------------------------------------------
# Documents (Tables D.3.2.2-1, D.3.3.2-1; D.3.4 layout, defects of the printed examples mended)

def certificate(**change):
    fields = {"KmsUri": KMS_URI, "CertUri": CERT_URI, "Issuer": "www.example.org",
              "ValidFrom": "2026-01-01T00:00:00", "ValidTo": "2030-12-31T23:59:59", "Revoked": "false",
              "UserIDFormat": "2", "UserKeyPeriod": str(PERIOD), "UserKeyOffset": str(OFFSET),
              "PubEncKey": hexu(ZT), "PubAuthKey": hexu(KPAK), "ParameterSet": "1"}
    order = change.pop("order", list(fields))
    extra = change.pop("extra", "")
    doctype = change.pop("doctype", "")
    fields.update(change)
    body = "".join(f"  <{name}>{fields[name]}</{name}>\n" for name in order if fields[name] is not None)
    return (f'<?xml version="1.0" encoding="UTF-8"?>\n{doctype}'
            f'<KmsCertificate xmlns="{NS_KMS}" Version="1.1.0" Role="Root">\n{body}{extra}</KmsCertificate>\n')


def key_content(name, value, trk):
    """Plain hex, or the se:EncKeyContentType form: AES-256 key wrap of x || y (points) or the SSK."""
    if trk is None:
        return f"<{name}>{hexu(value)}</{name}>"
    plain = value[1:] if len(value) in (65, 257) else value
    cipher = base64.b64encode(aes_key_wrap(trk["key"], plain)).decode()
    return (f'<{name} xsi:type="se:EncKeyContentType">'
            f'<EncryptedKey xmlns="{NS_ENC}"><EncryptionMethod Algorithm="{NS_ENC}kw-aes256"/>'
            f'<ds:KeyInfo><ds:KeyName>{trk["name"]}</ds:KeyName></ds:KeyInfo>'
            f'<CipherData><CipherValue>{cipher}</CipherValue></CipherData></EncryptedKey></{name}>')


def key_set(values, uri=ALICE, trk=None, **change):
    fields = {"KmsUri": KMS_URI, "CertUri": CERT_URI, "Issuer": "www.example.org", "UserUri": uri,
              "UserID": hexu(values["uid"]), "ValidFrom": values["from"], "ValidTo": values["to"],
              "KeyPeriodNo": str(values["number"]), "Revoked": "false"}
    keys = {"UserDecryptKey": values["rsk"], "UserSigningKeySSK": values["ssk"], "UserPubTokenPVT": values["pvt"]}
    for name in list(change):
        if name in keys:
            keys[name] = change.pop(name)
    fields.update(change)
    lines = [f"<{name}>{value}</{name}>" for name, value in fields.items() if value is not None]
    lines += [key_content(name, value, trk) for name, value in keys.items()]
    return '      <KmsKeySet Version="1.1.0">\n' + "".join(f"        {line}\n" for line in lines) + "      </KmsKeySet>\n"


def kms_response(sets, time=NOW, url=KEYPROV_URL, user=ALICE, message=None, root_namespaces=True):
    spaces = f' xmlns:xsi="{NS_XSI}" xmlns:ds="{NS_DS}" xmlns:se="{NS_SE}"' if root_namespaces else ""
    content = message if message is not None else f'    <KmsKeyProv Version="1.0.0">\n{"".join(sets)}    </KmsKeyProv>\n'
    return (f'<KmsResponse xmlns="{NS_KMS}"{spaces} Version="1.0.0">\n'
            f"  <KmsUri>{KMS_URI}</KmsUri>\n  <UserUri>{user}</UserUri>\n  <Time>{time}</Time>\n"
            f"  <KmsId>KMSProvider12345</KmsId>\n  <ClientReqUrl>{url}</ClientReqUrl>\n"
            f"  <KmsMessage>\n{content}  </KmsMessage>\n</KmsResponse>\n")


def unsigned(sets, **options):
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + kms_response(sets, **options)


def signature_template(key_name, method=HMAC_SHA256, output_length=None):
    length = f"<HMACOutputLength>{output_length}</HMACOutputLength>" if output_length else ""
    transform = f'<Transforms><Transform Algorithm="{NS_DS}enveloped-signature"/></Transforms>'
    return (f'<Signature xmlns="{NS_DS}">\n  <SignedInfo>\n'
            f'    <CanonicalizationMethod Algorithm="http://www.w3.org/TR/2001/REC-xml-c14n-20010315"/>\n'
            f'    <SignatureMethod Algorithm="{method}">{length}</SignatureMethod>\n'
            f'    <Reference URI="#xmldoc">{transform}\n'
            f'      <DigestMethod Algorithm="{NS_ENC}sha256"/>\n      <DigestValue></DigestValue>\n'
            f"    </Reference>\n  </SignedInfo>\n  <SignatureValue></SignatureValue>\n"
            f"  <KeyInfo><KeyName>{key_name}</KeyName></KeyInfo>\n</Signature>\n")


def xmlsec(mode, document, key_name, key):
    """Runs xmlsec1 with one HMAC key loaded under its name; returns the output document."""
    with tempfile.TemporaryDirectory() as folder:
        folder = pathlib.Path(folder)
        (folder / "in.xml").write_text(document)
        (folder / "key").write_bytes(key)
        run = subprocess.run(["xmlsec1", mode, f"--hmackey:{key_name}", str(folder / "key"),
                              "--id-attr:Id", "SignedKmsResponse", "--output", str(folder / "out.xml"),
                              str(folder / "in.xml")], capture_output=True, text=True)
        if run.returncode != 0:
            raise RuntimeError(f"xmlsec1 {mode} failed: {run.stderr}")
        return (folder / "out.xml").read_text() if mode == "--sign" else document


def signed(sets, key_name=INK_NAME, key=INK, method=HMAC_SHA256, output_length=None, **options):
    """A SignedKmsResponse (D.3.4 layout, Id "xmldoc") signed by xmlsec1 and verified by it."""
    template = (f'<?xml version="1.0" encoding="UTF-8"?>\n<SignedKmsResponse xmlns="{NS_SE}" xmlns:xsi="{NS_XSI}" '
                f'xmlns:ds="{NS_DS}" xmlns:se="{NS_SE}" Id="xmldoc">\n'
                + kms_response(sets, root_namespaces=False, **options)
                + signature_template(key_name, method, output_length) + "</SignedKmsResponse>\n")
    document = xmlsec("--sign", template, key_name, key)
    xmlsec("--verify", document, key_name, key)
    return document


# ---------------------------------------------------------------------------
# Tests

def test(tests, operation, result, comment, inputs, outputs=None):
    entry = {"id": len(tests) + 1, "operation": operation, "result": result, "comment": comment, "inputs": inputs}
    if outputs:
        entry["outputs"] = outputs
    tests.append(entry)


def certificate_tests(tests):
    valid_outputs = {"kmsUri": KMS_URI, "certUri": CERT_URI, "kpak": KPAK.hex(), "zt": ZT.hex(),
                     "userKeyPeriod": PERIOD, "userKeyOffset": OFFSET}
    at = NOW + "Z"

    def add(result, comment, document, time=at):
        test(tests, "certificate", result, comment, {"certificate": document, "time": time},
             valid_outputs if result == "valid" else None)

    add("valid", "root certificate, Table D.3.2.2-1 order", certificate())
    add("valid", "CertUri before KmsUri and UserIdFormat spelled as in D.3.4 (the examples' order)",
        certificate(order=["CertUri", "KmsUri", "Issuer", "ValidFrom", "ValidTo", "Revoked", "UserIdFormat",
                           "UserKeyPeriod", "UserKeyOffset", "PubEncKey", "PubAuthKey", "ParameterSet"],
                    UserIdFormat="2", UserIDFormat=None))
    add("valid", "an extension element in another namespace after ParameterSet",
        certificate(extra='  <x:Note xmlns:x="urn:example:extension">ignored</x:Note>\n'))
    add("valid", "with a KmsDomainList",
        certificate(extra="  <KmsDomainList><KmsDomain>example.org</KmsDomain></KmsDomainList>\n"))
    add("valid", "time equal to ValidFrom", certificate(), "2026-01-01T00:00:00Z")
    add("valid", "time equal to ValidTo", certificate(), "2030-12-31T23:59:59Z")
    add("invalid", "ParameterSet 2", certificate(ParameterSet="2"))
    add("invalid", "UserIDFormat 1 (only 2, the F.2.1 UID, is defined)", certificate(UserIDFormat="1"))
    add("invalid", "revoked", certificate(Revoked="true"))
    add("invalid", "time one second before ValidFrom", certificate(), "2025-12-31T23:59:59Z")
    add("invalid", "time one second after ValidTo", certificate(), "2031-01-01T00:00:00Z")
    add("invalid", "ValidTo before ValidFrom", certificate(ValidFrom="2031-01-01T00:00:00"), "2030-06-01T00:00:00Z")
    add("invalid", "UserKeyPeriod 0", certificate(UserKeyPeriod="0"))
    add("invalid", "Z_T not on the curve (last octet changed)", certificate(PubEncKey=hexu(ZT[:-1] + bytes([ZT[-1] ^ 1]))))
    add("invalid", "Z_T on the curve but of order 2q (Z_T + (0,0))", certificate(PubEncKey=hexu(torsion(ZT))))
    add("invalid", "Z_T the point (0,0) of order 2", certificate(PubEncKey="04" + "00" * 256))
    add("invalid", "KPAK not on P-256 (last octet changed)", certificate(PubAuthKey=hexu(KPAK[:-1] + bytes([KPAK[-1] ^ 1]))))
    add("invalid", "KPAK compressed (02 prefix)", certificate(PubAuthKey="02" + hexu(KPAK[1:33])))
    add("invalid", "PubEncKey not hexadecimal", certificate(PubEncKey="04" + "ZZ" * 256))
    add("invalid", "PubAuthKey missing", certificate(PubAuthKey=None))
    add("invalid", "an unknown element of the KMS namespace",
        certificate(extra="  <Unexpected>1</Unexpected>\n"))
    add("invalid", "Revoked not an xsd:boolean", certificate(Revoked="no"))
    add("invalid", "ValidFrom not an xsd:dateTime", certificate(ValidFrom="1 January 2026"))
    add("invalid", "a DOCTYPE with an external entity (XXE)",
        certificate(doctype='<!DOCTYPE KmsCertificate [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n', Issuer="&x;"))
    add("invalid", "a DOCTYPE with nested entities (entity expansion)",
        certificate(doctype='<!DOCTYPE KmsCertificate [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
                            '<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>\n', Issuer="&c;"))
    add("invalid", "not well-formed (end tag missing)", certificate().replace("</KmsCertificate>", ""))


def provision_tests(tests):
    period = (NOW_SECONDS - OFFSET) // PERIOD
    current, following = key_set_values(ALICE, period), key_set_values(ALICE, period + 1)
    other_user = key_set_values(BOB, period)
    cert = certificate()
    at = NOW + "Z"
    trk = {"name": TRK_NAME, "key": TRK}

    def outputs(values, ssk=None):
        return {"userId": values["uid"].hex(), "keyPeriodNo": values["number"], "ssk": (ssk or values["ssk"]).hex(),
                "pvt": values["pvt"].hex(), "rsk": values["rsk"].hex()}

    def add(result, comment, response, time=at, expected=None, certificate_document=cert, **extra):
        inputs = {"response": response, "certificate": certificate_document, "userUri": ALICE, "time": time}
        inputs.update(extra)
        test(tests, "key-provision", result, comment, inputs, expected if result == "valid" else None)

    both = [key_set(current), key_set(following)]
    ink = {"ink": INK.hex(), "inkName": INK_NAME}
    trk_inputs = {"trk": TRK.hex(), "trkName": TRK_NAME}

    add("valid", "plain response with this period's and the next period's key sets; the key set of time is used",
        unsigned(both), expected=outputs(current), requestUrl=KEYPROV_URL)
    add("valid", "time in the next period: the second key set is used",
        unsigned(both, time=following["from"]), time=following["from"] + "Z", expected=outputs(following))
    add("valid", "time the last second of the first key set", unsigned(both, time=current["to"]),
        time=current["to"] + "Z", expected=outputs(current))
    add("valid", "SSK with two leading zero octets (as a deployed KMS sends it)",
        unsigned([key_set(current, UserSigningKeySSK=b"\0\0" + current["ssk"])]), expected=outputs(current))
    add("valid", "response Time 299 s before time", unsigned(both, time=datetime_text(NOW_SECONDS - 299)),
        expected=outputs(current))
    add("valid", "signed with the InK (HMAC-SHA-256, enveloped signature, xmlsec1)", signed(both),
        expected=outputs(current), **ink)
    add("valid", "signed with the InK, HMACOutputLength 128 (the D.3.4 examples' value)", signed(both, output_length=128),
        expected=outputs(current), **ink)
    add("valid", "keys wrapped with the TrK (AES-256 key wrap of x||y and the SSK), signed with the InK",
        signed([key_set(current, trk=trk), key_set(following, trk=trk)]), expected=outputs(current), **ink, **trk_inputs)
    add("valid", "keys wrapped and the document signed with the TrK (no InK)",
        signed([key_set(current, trk=trk)], key_name=TRK_NAME, key=TRK), expected=outputs(current), **trk_inputs)

    good = signed(both)
    add("invalid", "signed with the InK, one hex digit of the SSK changed after signing",
        good.replace(hexu(current["ssk"]), hexu(current["ssk"])[:-1] + ("0" if hexu(current["ssk"])[-1] != "0" else "1")), **ink)
    add("invalid", "signed with another key than the InK given", signed(both, key=bytes(32)), **ink)
    add("invalid", "KeyName names a key the client does not have", signed(both, key_name="ik.2.alice@example.org"), **ink)
    add("invalid", "HMAC-SHA1 signature method", signed(both, method=HMAC_SHA1), **ink)
    add("invalid", "the InK is given but the response is unsigned", unsigned(both), **ink)
    add("invalid", "keys wrapped with the TrK but no TrK given", signed([key_set(current, trk=trk)]), **ink)
    add("invalid", "keys wrapped with another key than the TrK given",
        signed([key_set(current, trk={"name": TRK_NAME, "key": bytes(32)})]), **ink, **trk_inputs)
    add("invalid", "EncryptedKey names a key the client does not have",
        signed([key_set(current, trk={"name": "tk.2.alice@example.org", "key": TRK})]), **ink, **trk_inputs)
    add("invalid", "key set revoked", unsigned([key_set(current, Revoked="true")]))
    add("invalid", "UserUri of the key set is not userUri", unsigned([key_set(other_user, uri=BOB)]))
    add("invalid", "UserID is the UID of the next period", unsigned([key_set(current, UserID=hexu(following["uid"]))]))
    add("invalid", "KeyPeriodNo is the next period's (UserID no longer its UID)",
        unsigned([key_set(current, KeyPeriodNo=str(period + 1))]))
    add("invalid", "SSK altered (RFC 6507 5.1.2 fails)",
        unsigned([key_set(current, UserSigningKeySSK=(ref.b2i(current["ssk"]) + 1).to_bytes(32, "big"))]))
    add("invalid", "PVT of another user (RFC 6507 5.1.2 fails)", unsigned([key_set(current, UserPubTokenPVT=other_user["pvt"])]))
    add("invalid", "PVT not on P-256", unsigned([key_set(current, UserPubTokenPVT=current["pvt"][:-1] + bytes([current["pvt"][-1] ^ 1]))]))
    add("invalid", "RSK of another user (RFC 6508 6.1.2 fails)", unsigned([key_set(current, UserDecryptKey=other_user["rsk"])]))
    add("invalid", "RSK not on the curve", unsigned([key_set(current, UserDecryptKey=current["rsk"][:-1] + bytes([current["rsk"][-1] ^ 1]))]))
    add("invalid", "RSK on the curve but of order 2q (RSK + (0,0))", unsigned([key_set(current, UserDecryptKey=torsion(current["rsk"]))]))
    add("invalid", "SSK zero", unsigned([key_set(current, UserSigningKeySSK=bytes(32))]))
    add("invalid", "time after the only key set's ValidTo", unsigned([key_set(current)], time=following["from"]),
        time=following["from"] + "Z")
    add("invalid", "key set KmsUri is not the certificate's", unsigned([key_set(current, KmsUri="kms2.example.org")]))
    add("invalid", "key set CertUri is not the certificate's", unsigned([key_set(current, CertUri="cert2.kms.example.org")]))
    add("invalid", "the certificate is revoked", unsigned(both), certificate_document=certificate(Revoked="true"))
    add("invalid", "response Time 301 s before time", unsigned(both, time=datetime_text(NOW_SECONDS - 301)))
    add("invalid", "response Time 301 s after time", unsigned(both, time=datetime_text(NOW_SECONDS + 301)))
    add("invalid", "ClientReqUrl is not the URL asked", unsigned(both, url=KEYPROV_URL + "?user=bob"), requestUrl=KEYPROV_URL)
    add("invalid", "a KmsError response",
        unsigned([], message="    <KmsError Version=\"1.0.0\"><ErrorCode>500</ErrorCode><ErrorMsg>failure</ErrorMsg></KmsError>\n"))
    add("invalid", "a KmsKeyProv without any key set", unsigned([]))
    add("invalid", "a DOCTYPE with an external entity (XXE)",
        unsigned(both).replace("<KmsResponse", '<!DOCTYPE KmsResponse [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n<KmsResponse', 1))
    add("invalid", "UserDecryptKey missing", unsigned([key_set(current).replace(
        next(line for line in key_set(current).splitlines() if "<UserDecryptKey>" in line) + "\n", "")]))


def main():
    if shutil.which("xmlsec1") is None:
        sys.exit("xmlsec1 is needed (Debian: apt-get install xmlsec1)")
    tests = []
    certificate_tests(tests)
    provision_tests(tests)
    document = {"format": 1, "algorithm": "KMS",
                "source": ("computed by independent reference (Scripts/make-kms-vectors.py: documents laid out from "
                           "TS 33.180 Annex D as text, keys from the Python ECCSI/SAKKE/UID of "
                           "make-mikey-sakke-vectors.py, RFC 3394 key wrap by the cryptography package, XML-DSig by "
                           "xmlsec1), not official; KMS kms.example.org uses the RFC 6507 KSAK and the RFC 6508 z"),
                "parameters": {"parameterSet": 1}, "tests": tests}
    (VECTORS / "kms-provisioning.json").write_text(json.dumps(document, indent=2) + "\n")
    print("wrote %d tests (%d valid, %d invalid)" % (len(tests), sum(t["result"] == "valid" for t in tests),
                                                      sum(t["result"] == "invalid" for t in tests)))


if __name__ == "__main__":
    main()
