#!/usr/bin/env python3
"""Writes the fuzz seed corpus FuzzTesting/Corpus/<target>/ from TestVectors/*.json.

Seeds named valid-... must be accepted by their entry point (the replay test
in Tests/FuzzCorpusTests checks it); invalid-... are the vector files'
derived refusals; edge-... are hand-made boundary cases. Input layouts are
those of Tests/FuzzEntryPoints (SRTPFuzzContext, FuzzPacketSequence,
ECCSIVerifyFuzzEntry). Run from anywhere; it rewrites the whole Corpus/.
"""
import json
import pathlib
import shutil

ROOT = pathlib.Path(__file__).resolve().parents[1]
CORPUS = ROOT / "FuzzTesting" / "Corpus"
VECTORS = ROOT / "TestVectors"


def load(name):
    return json.loads((VECTORS / name).read_text())


def tests(name, operation=None, result=None):
    return [t for t in load(name)["tests"]
            if (operation is None or t["operation"] == operation) and (result is None or t["result"] == result)]


def write(target, name, data):
    folder = CORPUS / target
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_bytes(bytes(data))


def configuration(aes256, mki_mode, ts33180, roc=0):
    return (1 if aes256 else 0) | (mki_mode & 3) << 1 | (8 if ts33180 else 0) | (roc & 15) << 4


def join(*packets):
    out = b""
    for packet in packets:
        out += len(packet).to_bytes(2, "big") + bytes(packet)
    return out


MKI = {0: b"", 1: bytes.fromhex("00000001"), 2: bytes.fromhex("0000000100000002"), 3: bytes.fromhex("00000001")}


def srtp_seeds():
    target = "SRTPUnprotect"
    for bits, aes256 in ((128, False), (256, True)):
        vector = f"rfc7714-srtp-aes{bits}gcm.json"
        valid = bytes.fromhex(tests(vector, "unprotect", "valid")[0]["inputs"]["protected"])
        plain = bytes.fromhex(tests(vector, "protect", "valid")[0]["inputs"]["packet"])
        write(target, f"valid-rfc7714-aes{bits}", [configuration(aes256, 0, False)] + list(join(valid)))
        for mode in (1, 2, 3):
            write(target, f"valid-aes{bits}-mki-mode{mode}", [configuration(aes256, mode, False)] + list(join(valid + MKI[mode])))
        # RCCm3 (R = 1): the ROC follows the MKI.
        write(target, f"valid-aes{bits}-rccm3", [configuration(aes256, 1, True)] + list(join(valid + MKI[1] + bytes(4))))
        write(target, f"valid-aes{bits}-then-replay", [configuration(aes256, 0, False)] + list(join(valid, valid)))
        for t in tests(vector, "unprotect", "invalid"):
            packet = bytes.fromhex(t["inputs"]["protected"])
            write(target, f"invalid-aes{bits}-{t['id']}", [configuration(aes256, 0, False, t["inputs"].get("roc", 0))] + list(join(packet)))
        write(target, f"edge-aes{bits}-unknown-mki", [configuration(aes256, 3, False)] + list(join(valid + bytes.fromhex("00000003"))))
        write(target, f"edge-aes{bits}-plain-rtp", [configuration(aes256, 0, False)] + list(join(plain)))
    write(target, "edge-empty", [])
    write(target, "edge-configuration-only", [0x08])
    write(target, "edge-short-header", [0] + list(join(bytes.fromhex("80"))))
    write(target, "edge-csrc-past-end", [0] + list(join(bytes.fromhex("8f00000100000000000000000000000000000000"))))
    write(target, "edge-extension-past-end", [0] + list(join(bytes.fromhex("9000000100000000000000000000ffff") + bytes(16))))


def srtcp_seeds():
    target = "SRTCPUnprotect"
    for bits, aes256 in ((128, False), (256, True)):
        vector = f"rfc7714-srtcp-aes{bits}gcm.json"
        valid = [bytes.fromhex(t["inputs"]["protected"]) for t in tests(vector, "unprotect", "valid")]
        encrypted, tagged = valid[0], valid[1]
        write(target, f"valid-rfc7714-aes{bits}-encrypted", [configuration(aes256, 0, False)] + list(join(encrypted)))
        write(target, f"valid-rfc7714-aes{bits}-tag-only", [configuration(aes256, 0, False)] + list(join(tagged)))
        for mode in (1, 2, 3):
            write(target, f"valid-aes{bits}-mki-mode{mode}", [configuration(aes256, mode, True)] + list(join(encrypted + MKI[mode])))
        write(target, f"valid-aes{bits}-then-replay", [configuration(aes256, 0, False)] + list(join(encrypted, encrypted)))
        write(target, f"edge-aes{bits}-tag-only-under-ts33180", [configuration(aes256, 0, True)] + list(join(tagged)))
        for t in tests(vector, "unprotect", "invalid"):
            write(target, f"invalid-aes{bits}-{t['id']}", [configuration(aes256, 0, False)] + list(join(bytes.fromhex(t["inputs"]["protected"]))))
    write(target, "edge-empty", [])
    write(target, "edge-minimum-length", [0] + list(join(bytes.fromhex("81c80001") + bytes(24))))
    write(target, "edge-version-1", [0] + list(join(bytes.fromhex("41c80001") + bytes(40))))


def rtp_header_seeds():
    target = "RTPHeader"
    plain = bytes.fromhex(tests("rfc7714-srtp-aes128gcm.json", "protect", "valid")[0]["inputs"]["packet"])
    write(target, "valid-rfc7714-packet", plain)
    write(target, "valid-minimal", bytes.fromhex("800000010000000000000001"))
    write(target, "valid-two-csrcs", bytes.fromhex("82000001000000000000000111111111" + "22222222"))
    write(target, "valid-extension", bytes.fromhex("900000010000000000000001bede0001" + "10ff0000"))
    write(target, "valid-full-csrc-list-and-extension", bytes.fromhex("9f000001000000000000000" + "1") + bytes(60) + bytes.fromhex("bede0000"))
    write(target, "edge-empty", b"")
    write(target, "edge-eleven-octets", bytes.fromhex("8000000100000000000000"))
    write(target, "edge-version-0", bytes.fromhex("000000010000000000000001"))
    write(target, "edge-csrc-past-end", bytes.fromhex("8f0000010000000000000001"))
    write(target, "edge-extension-header-missing", bytes.fromhex("900000010000000000000001"))
    write(target, "edge-extension-past-end", bytes.fromhex("90000001000000000000000100000001"))
    write(target, "edge-largest-extension-length", bytes.fromhex("900000010000000000000001ffffffff"))


def p256_seeds():
    target = "P256Point"
    eccsi = load("rfc6507-eccsi.json")["tests"]
    kpak = bytes.fromhex(eccsi[0]["outputs"]["kpak"])
    pvt = bytes.fromhex(eccsi[2]["inputs"]["pvt"])
    other_kpak = bytes.fromhex(eccsi[10]["inputs"]["kpak"])
    p = 2**256 - 2**224 + 2**192 + 2**96 - 1
    gx = 0x6B17D1F2E12C4247F8BCE6E563A440F277037D812DEB33A0F4A13945D898C296
    gy = 0x4FE342E2FE1A7F9B8EE7EB4A7C0F9E162BCE33576B315ECECBB6406837BF51F5
    g = b"\x04" + gx.to_bytes(32, "big") + gy.to_bytes(32, "big")
    write(target, "valid-rfc6507-kpak", kpak)
    write(target, "valid-rfc6507-pvt", pvt)
    write(target, "valid-doubled-kpak", other_kpak)
    write(target, "valid-generator", g)
    write(target, "valid-generator-negated", b"\x04" + gx.to_bytes(32, "big") + (p - gy).to_bytes(32, "big"))
    write(target, "edge-empty", b"")
    write(target, "edge-infinity", b"\x00")
    write(target, "edge-compressed", b"\x03" + gx.to_bytes(32, "big"))
    write(target, "edge-64-octets", g[1:])
    write(target, "edge-66-octets", g + b"\x00")
    write(target, "edge-y-flipped", g[:-1] + bytes([g[-1] ^ 1]))
    write(target, "edge-x-equals-p", b"\x04" + p.to_bytes(32, "big") + gy.to_bytes(32, "big"))
    write(target, "edge-y-plus-p", b"\x04" + gx.to_bytes(32, "big") + (gy + p - 2**256 if gy + p >= 2**256 else gy + p).to_bytes(32, "big"))
    write(target, "edge-all-ff", b"\x04" + b"\xff" * 64)
    write(target, "edge-zero-coordinates", b"\x04" + bytes(64))


def sakke_point_seeds():
    target = "SAKKEPoint"
    sakke = load("rfc6508-sakke.json")["tests"]
    zt = bytes.fromhex(sakke[0]["outputs"]["zt"])
    rsk = bytes.fromhex(sakke[1]["outputs"]["rsk"])
    r = bytes.fromhex(sakke[3]["outputs"]["encapsulated"])[:257]
    doubled_r = bytes.fromhex(sakke[9]["inputs"]["encapsulated"])[:257]
    write(target, "valid-rfc6508-zs", zt)
    write(target, "valid-rfc6508-rsk", rsk)
    write(target, "valid-rfc6508-r", r)
    write(target, "valid-doubled-r", doubled_r)
    p = int.from_bytes(bytes.fromhex(
        "997ABB1F0A563FDA65C61198DAD0657A416C0CE19CB48261BE9AE358B3E01A2E"
        "F40AAB27E2FC0F1B228730D531A59CB0E791B39FF7C88A19356D27F4A666A6D0"
        "E26C6487326B4CD4512AC5CD65681CE1B6AFF4A831852A82A7CF3C521C3C09AA"
        "9F94D6AF56971F1FFCE3E82389857DB080C5DF10AC7ACE87666D807AFEA85FEB"), "big")
    write(target, "edge-empty", b"")
    write(target, "edge-infinity", b"\x00")
    write(target, "edge-256-octets", zt[1:])
    write(target, "edge-y-flipped", zt[:-1] + bytes([zt[-1] ^ 1]))
    write(target, "edge-x-equals-p", b"\x04" + p.to_bytes(128, "big") + zt[129:])
    write(target, "edge-two-torsion-point", b"\x04" + bytes(256))
    write(target, "edge-compressed", b"\x02" + zt[1:129])


def eccsi_seeds():
    target = "ECCSIVerify"
    def seed(signature, message):
        return bytes([len(signature) & 0xFF]) + signature + message
    verify = tests("rfc6507-eccsi.json", "verify")
    valid = verify[0]
    signature = bytes.fromhex(valid["inputs"]["signature"])
    message = bytes.fromhex(valid["inputs"]["message"])
    write(target, "valid-rfc6507", seed(signature, message))
    for t in verify[1:]:
        write(target, f"invalid-{t['id']}", seed(bytes.fromhex(t["inputs"]["signature"]), bytes.fromhex(t["inputs"]["message"])))
    q = 0xFFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551
    s = int.from_bytes(signature[32:64], "big")
    write(target, "edge-malleable-q-minus-s", seed(signature[:32] + (q - s).to_bytes(32, "big") + signature[64:], message))
    write(target, "edge-s-equals-q", seed(signature[:32] + q.to_bytes(32, "big") + signature[64:], message))
    write(target, "edge-r-zero", seed(bytes(32) + signature[32:], message))
    write(target, "edge-s-zero", seed(signature[:32] + bytes(32) + signature[64:], message))
    write(target, "edge-pvt-infinity", seed(signature[:64] + b"\x00", message))
    write(target, "edge-short-signature", seed(signature[:128], message))
    write(target, "edge-empty", b"")


def sakke_decapsulate_seeds():
    target = "SAKKEDecapsulate"
    decapsulate = tests("rfc6508-sakke.json", "decapsulate")
    write(target, "valid-rfc6508", bytes.fromhex(decapsulate[0]["inputs"]["encapsulated"]))
    for t in decapsulate[1:]:
        write(target, f"invalid-{t['id']}", bytes.fromhex(t["inputs"]["encapsulated"]))
    valid = bytes.fromhex(decapsulate[0]["inputs"]["encapsulated"])
    write(target, "edge-272-octets", valid[:-1])
    write(target, "edge-274-octets", valid + b"\x00")
    write(target, "edge-r-infinity", b"\x00" * 273)
    write(target, "edge-r-two-torsion", b"\x04" + bytes(256) + valid[257:])
    write(target, "edge-empty", b"")


def vector_file_seeds(target="VectorFile"):
    for path in sorted(VECTORS.glob("*.json")):
        write(target, f"valid-{path.stem}", path.read_bytes())
    write(target, "valid-minimal", b'{"format": 1, "algorithm": "SRTP", "tests": []}')
    write(target, "valid-unknown-algorithm", b'{"format": 1, "algorithm": "NONE", "tests": [{"id": 1, "operation": "x", "result": "valid", "inputs": {}}]}')
    write(target, "edge-format-2", b'{"format": 2, "algorithm": "SRTP", "tests": []}')
    write(target, "edge-not-json", b"\xff\xfe{")
    write(target, "edge-empty", b"")
    write(target, "valid-wrong-input-types", b'{"format": 1, "algorithm": "ECCSI", "parameters": {"curve": "P-256", "hash": "SHA-256"}, '
          b'"tests": [{"id": "a", "operation": "verify", "result": "invalid", "inputs": {"kpak": 5, "id": "zz", "message": null, "signature": [1]}}]}')


def imessage_seeds():
    target = "IMessageParse"
    hdr = "011a0501" + "11223344" + "0001"
    t = "0b" + "00" + "e000000000000000"
    rand = "0e" + "10" + "000102030405060708090a0b0c0d0e0f"
    idr = "1a" + "01" + "01" + "0003" + "616263"
    sakke = "04" + "01" + "02" + "0002" + "aabb"
    sign = "2003" + "010203"
    write(target, "valid-hand-written", bytes.fromhex(hdr + t + rand + idr + sakke + sign))
    write(target, "valid-unsigned", bytes.fromhex("011a0b01" + "00000007" + "0001" + "00" + "01" + "09"))
    generic = "011a0a01" + "0abcdef0" + "0102" + "04" + "00" + "01" + "01" + "0000" + "08" + "0102030405060708"
    sp = "15" + "00" + "00" + "0009" + "000106" + "010110" + "140110"
    ext = "00" + "06" + "0008" + "00" + "01" + "02" + "0003" + "010203"
    write(target, "valid-generic-id-sp-sakke-to-self", bytes.fromhex(generic + sp + ext))
    write(target, "edge-empty", b"")
    write(target, "edge-version-2", bytes.fromhex("02" + (hdr + t)[2:]))
    write(target, "edge-unknown-payload", bytes.fromhex("011a6301" + "11223344" + "0001" + "00"))
    write(target, "edge-zero-rand", bytes.fromhex("011a0b01" + "00000007" + "0001" + "00" + "00"))
    write(target, "edge-id-length-past-end", bytes.fromhex(hdr + t + rand + "1a0101ffff616263"))


def imessage_process_seeds():
    """The I_MESSAGEs Streamwide publishes: the GMK to Alice is the receiver's valid seed."""
    target = "IMessageProcess"
    tests = json.loads((VECTORS / "sw-mikey-sakke-imessage.json").read_text())["tests"]
    gmk = bytes.fromhex(tests[0]["inputs"]["message"])
    write(target, "valid-streamwide-gmk-to-alice", gmk)
    for test in tests[1:]:
        write(target, f"edge-streamwide-test-{test['id']}", bytes.fromhex(test["inputs"]["message"]))
    write(target, "edge-gmk-truncated", gmk[:-1])
    flipped = bytearray(gmk)
    flipped[-40] ^= 1
    write(target, "edge-gmk-signature-flipped", bytes(flipped))
    write(target, "edge-empty", b"")


def kms_document_seeds():
    """KMS documents (TS 33.180 Annex D) from the KMS vector file and the D.3.4 examples."""
    target = "KMSDocument"
    tests = json.loads((VECTORS / "kms-provisioning.json").read_text())["tests"]
    certificate = next(t for t in tests if t["operation"] == "certificate" and t["result"] == "valid")
    write(target, "valid-certificate", certificate["inputs"]["certificate"].encode())
    valid = [t for t in tests if t["operation"] == "key-provision" and t["result"] == "valid"]
    plain = next(t for t in valid if "ink" not in t["inputs"] and "trk" not in t["inputs"])
    write(target, "valid-response-plain", plain["inputs"]["response"].encode())
    signed = next(t for t in valid if "ink" in t["inputs"] and "trk" not in t["inputs"])
    write(target, "valid-response-signed", signed["inputs"]["response"].encode())
    wrapped = next(t for t in valid if "trk" in t["inputs"])
    write(target, "valid-response-wrapped", wrapped["inputs"]["response"].encode())
    for path in sorted((ROOT / "Tests" / "KMSTests" / "AnnexD").glob("*.xml")):
        write(target, f"edge-annex-{path.stem}", path.read_bytes())
    write(target, "edge-doctype", b'<?xml version="1.0"?><!DOCTYPE a [<!ENTITY e SYSTEM "file:///etc/passwd">]><a>&e;</a>')
    write(target, "edge-empty", b"")


if __name__ == "__main__":
    shutil.rmtree(CORPUS, ignore_errors=True)
    for make in (srtp_seeds, srtcp_seeds, rtp_header_seeds, p256_seeds, sakke_point_seeds, eccsi_seeds, sakke_decapsulate_seeds, vector_file_seeds, imessage_seeds,
                 imessage_process_seeds, kms_document_seeds):
        make()
    # The loader alone, from the same files.
    vector_file_seeds("VectorFileParse")
    for folder in sorted(CORPUS.iterdir()):
        files = list(folder.iterdir())
        print(f"{folder.name}: {len(files)} seeds, {sum(f.stat().st_size for f in files)} octets")
