#!/usr/bin/env python3
"""Writes TestVectors/mikey-sakke-create.json and TestVectors/mikey-sakke-process.json.

An independent reference for MIKEY-SAKKE I_MESSAGEs (RFC 3830, RFC 6043,
RFC 6507, RFC 6508, RFC 6509; 3GPP TS 33.180 Annex E, F.1.3, F.2.1), written
from the specifications alone: it shares no code with the Swift package and
calls none of it. Every value is computed here with Python integers
(P-256 for ECCSI, the 1024-bit curve y^2 = x^3 - 3x of RFC 6509 Appendix A
for SAKKE), hashlib and hmac.

Before writing anything it checks itself against the published examples:
RFC 6507 Appendix A (KPAK, SSK/PVT/HS, signature/HE), RFC 6508 Appendix A
(Z_S, RSK, r, encapsulated data, the pairing g = <P, P> and <R, RSK> = g^r,
decapsulation), TS 33.180 F.2.1.2 (the example UID) and the GUK-ID of the
Etherstack/Streamwide F.1.3 example. Then every message it writes is
processed by its own receiver (signature, SAKKE decapsulation by pairing,
GUK-ID) and every invalid case is checked to be refused by that receiver.

Key material: KMS 1 "kms.example.org" uses the RFC 6507 KSAK and the
RFC 6508 z; KMS 2 "kms2.example.org" uses fixed values derived below. SSK/PVT
are issued per UID with v derived from the UID; RSK = [(a + z)^-1]P with a the
32-octet UID read as an integer (RFC 6508 6.1.1).

Run from anywhere: python3 Scripts/make-mikey-sakke-vectors.py
"""
import hashlib
import hmac
import json
import pathlib
import sys

ROOT = pathlib.Path(__file__).resolve().parents[1]
VECTORS = ROOT / "TestVectors"


def sha256(data):
    return hashlib.sha256(data).digest()


def i2b(value, length):
    return value.to_bytes(length, "big")


def b2i(data):
    return int.from_bytes(data, "big")


# ---------------------------------------------------------------------------
# Affine short-Weierstrass arithmetic for y^2 = x^3 - 3x + b (both curves have a = -3).
# A point is (x, y) or None for the point at infinity.

class Curve:
    def __init__(self, p, b, order, gx, gy, size):
        self.p, self.b, self.order, self.g, self.size = p, b, order, (gx, gy), size

    def on_curve(self, point):
        if point is None:
            return False
        x, y = point
        return 0 <= x < self.p and 0 <= y < self.p and (y * y - (x * x * x - 3 * x + self.b)) % self.p == 0

    def add(self, a, b):
        if a is None:
            return b
        if b is None:
            return a
        p = self.p
        if a[0] == b[0]:
            if (a[1] + b[1]) % p == 0:
                return None
            return self.double(a)
        lam = (b[1] - a[1]) * pow(b[0] - a[0], -1, p) % p
        x = (lam * lam - a[0] - b[0]) % p
        return (x, (lam * (a[0] - x) - a[1]) % p)

    def double(self, a):
        if a is None or a[1] == 0:
            return None
        p = self.p
        lam = (3 * a[0] * a[0] - 3) * pow(2 * a[1], -1, p) % p
        x = (lam * lam - 2 * a[0]) % p
        return (x, (lam * (a[0] - x) - a[1]) % p)

    def mul(self, k, point):
        result = None
        for bit in bin(k)[2:] if k > 0 else "":
            result = self.double(result)
            if bit == "1":
                result = self.add(result, point)
        return result

    def encode(self, point):
        return b"\x04" + i2b(point[0], self.size) + i2b(point[1], self.size)

    def decode(self, data):
        if len(data) != 1 + 2 * self.size or data[0] != 4:
            raise ValueError("not an uncompressed point")
        point = (b2i(data[1:1 + self.size]), b2i(data[1 + self.size:]))
        if not self.on_curve(point):
            raise ValueError("point not on the curve")
        return point


# P-256 (FIPS 186-4 D.1.2.3), RFC 6507's curve for MIKEY-SAKKE (RFC 6509 3).
P256 = Curve(
    p=0xFFFFFFFF00000001000000000000000000000000FFFFFFFFFFFFFFFFFFFFFFFF,
    b=0x5AC635D8AA3A93E7B3EBBD55769886BC651D06B0CC53B0F63BCE3C3E27D2604B,
    order=0xFFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551,
    gx=0x6B17D1F2E12C4247F8BCE6E563A440F277037D812DEB33A0F4A13945D898C296,
    gy=0x4FE342E2FE1A7F9B8EE7EB4A7C0F9E162BCE33576B315ECECBB6406837BF51F5,
    size=32)

# SAKKE parameter set 1 (RFC 6509 Appendix A): p, q = (p + 1) / 4, P, g = <P, P>.
SAKKE_P = int(
    "997ABB1F0A563FDA65C61198DAD0657A416C0CE19CB48261BE9AE358B3E01A2E"
    "F40AAB27E2FC0F1B228730D531A59CB0E791B39FF7C88A19356D27F4A666A6D0"
    "E26C6487326B4CD4512AC5CD65681CE1B6AFF4A831852A82A7CF3C521C3C09AA"
    "9F94D6AF56971F1FFCE3E82389857DB080C5DF10AC7ACE87666D807AFEA85FEB", 16)
SAKKE_Q = int(
    "265EAEC7C2958FF69971846636B4195E905B0338672D20986FA6B8D62CF8068B"
    "BD02AAC9F8BF03C6C8A1CC354C69672C39E46CE7FDF222864D5B49FD2999A9B4"
    "389B1921CC9AD335144AB173595A07386DABFD2A0C614AA0A9F3CF14870F026A"
    "A7E535ABD5A5C7C7FF38FA08E2615F6C203177C42B1EB3A1D99B601EBFAA17FB", 16)
SAKKE_PX = int(
    "53FC09EE332C29AD0A7990053ED9B52A2B1A2FD60AEC69C698B2F204B6FF7CBF"
    "B5EDB6C0F6CE2308AB10DB9030B09E1043D5F22CDB9DFA55718BD9E7406CE890"
    "9760AF765DD5BCCB337C86548B72F2E1A702C3397A60DE74A7C1514DBA66910D"
    "D5CFB4CC80728D87EE9163A5B63F73EC80EC46C4967E0979880DC8ABEAE63895", 16)
SAKKE_PY = int(
    "0A8249063F6009F1F9F1F0533634A135D3E82016029906963D778D821E141178"
    "F5EA69F4654EC2B9E7F7F5E5F0DE55F66B598CCF9A140B2E416CFF0CA9E032B9"
    "70DAE117AD547C6CCAD696B5B7652FE0AC6F1E80164AA989492D979FC5A4D5F2"
    "13515AD7E9CB99A980BDAD5AD5BB4636ADB9B5706A67DCDE75573FD71BEF16D7", 16)
SAKKE_G = int(
    "66FC2A432B6EA392148F15867D623068C6A87BD1FB94C41E27FABE658E015A87"
    "371E94744C96FEDA449AE9563F8BC446CBFDA85D5D00EF577072DA8F541721BE"
    "EE0FAED1828EAB90B99DFB0138C7843355DF0460B4A9FD74B4F1A32BCAFA1FFA"
    "D682C033A7942BCCE3720F20B9B7B0403C8CAE87B7A0042ACDE0FAB36461EA46", 16)
SAKKE = Curve(p=SAKKE_P, b=0, order=SAKKE_Q, gx=SAKKE_PX, gy=SAKKE_PY, size=128)
SAKKE_N = 128  # bits of the SSV (RFC 6509 Appendix A)


# ---------------------------------------------------------------------------
# ECCSI (RFC 6507)

def eccsi_hs(kpak, uid, pvt):
    """HS = hash(G || KPAK || ID || PVT) (RFC 6507 5.1.1, 5.2.1)."""
    return sha256(P256.encode(P256.g) + kpak + uid + pvt)


def eccsi_user_keys(ksak, uid, v):
    """SSK and PVT issued by the KMS (RFC 6507 5.1.1)."""
    kpak = P256.encode(P256.mul(ksak, P256.g))
    pvt = P256.encode(P256.mul(v, P256.g))
    hs = eccsi_hs(kpak, uid, pvt)
    ssk = (ksak + b2i(hs) * v) % P256.order
    return i2b(ssk, 32), pvt, hs


def eccsi_validate(kpak, uid, ssk, pvt):
    """[SSK]G = KPAK + [HS]PVT (RFC 6507 5.1.2)."""
    hs = b2i(eccsi_hs(kpak, uid, pvt))
    left = P256.mul(b2i(ssk), P256.g)
    return left == P256.add(P256.decode(kpak), P256.mul(hs, P256.decode(pvt)))


def eccsi_sign(kpak, uid, ssk, pvt, message, j):
    """Signature = r || s || PVT (RFC 6507 5.2.1), with the ephemeral j given."""
    q = P256.order
    assert 0 < j < q
    hs = eccsi_hs(kpak, uid, pvt)
    r = P256.mul(j, P256.g)[0]
    r_octets = i2b(r, 32)
    he = sha256(hs + r_octets + message)
    t = (b2i(he) + r * b2i(ssk)) % q
    assert t != 0
    s = pow(t, -1, q) * j % q
    return r_octets + i2b(s, 32) + pvt, hs, he


def eccsi_verify(kpak, uid, message, signature):
    """RFC 6507 5.2.2."""
    if len(signature) != 129:
        return False
    q = P256.order
    r, s, pvt_octets = b2i(signature[:32]), b2i(signature[32:64]), signature[64:]
    try:
        pvt = P256.decode(pvt_octets)
        kpak_point = P256.decode(kpak)
    except ValueError:
        return False
    if not (0 < r < P256.p and 0 < s < q):
        return False
    hs = b2i(eccsi_hs(kpak, uid, pvt_octets))
    y = P256.add(P256.mul(hs, pvt), kpak_point)
    he = b2i(sha256(i2b(hs, 32) + signature[:32] + message))
    j = P256.mul(s, P256.add(P256.mul(he, P256.g), P256.mul(r, y)))
    return j is not None and j[0] == r


# ---------------------------------------------------------------------------
# SAKKE (RFC 6508) with parameter set 1

def hash_to_integer_range(s, n):
    """RFC 6508 5.1 with SHA-256."""
    a = sha256(s)
    h = bytes(32)
    blocks = -(-(n - 1).bit_length() // 256)  # Ceiling(lg(n) / hashlen): 4 for q, 1 for 2^128
    v = b""
    for _ in range(blocks):
        h = sha256(h)
        v += sha256(h + a)
    return b2i(v) % n


def fp2_mul(a, b):
    p = SAKKE_P
    return ((a[0] * b[0] - a[1] * b[1]) % p, (a[0] * b[1] + a[1] * b[0]) % p)


def fp2_pow(a, k):
    result = (1, 0)
    for bit in bin(k)[2:]:
        result = fp2_mul(result, result)
        if bit == "1":
            result = fp2_mul(result, a)
    return result


def pf_value(a):
    """The integer representing a + b.i in PF_p: b / a (RFC 6508 2.1, 4)."""
    return a[1] * pow(a[0], -1, SAKKE_P) % SAKKE_P


def pairing(r_point, q_point):
    """The reduced Tate-Lichtenbaum pairing <R, Q> of RFC 6508 3.2 (Miller loop
    with the distortion map (x, y) -> (-x, i.y)), as its PF_p integer."""
    p = SAKKE_P
    qx, qy = q_point
    v = (1, 0)
    c = r_point
    for bit in bin(SAKKE_Q - 1)[3:]:
        lam = (3 * c[0] * c[0] - 3) * pow(2 * c[1], -1, p) % p
        v = fp2_mul(fp2_mul(v, v), ((lam * (qx + c[0]) - c[1]) % p, qy))
        c = SAKKE.double(c)
        if bit == "1":
            lam = (r_point[1] - c[1]) * pow(r_point[0] - c[0], -1, p) % p
            v = fp2_mul(v, ((lam * (qx + c[0]) - c[1]) % p, qy))
            c = SAKKE.add(c, r_point)
    # Final exponentiation in PF_p (order p + 1): c = (p + 1) / q (RFC 6508 3.2).
    v = fp2_pow(v, (p + 1) // SAKKE_Q)
    return pf_value(v)


def sakke_kms_public(z):
    return SAKKE.encode(SAKKE.mul(z, SAKKE.g))


def sakke_rsk(z, identifier):
    """K_(a,T) = [(a + z_T)^-1]P (RFC 6508 6.1.1)."""
    return SAKKE.encode(SAKKE.mul(pow(b2i(identifier) + z, -1, SAKKE_Q), SAKKE.g))


def sakke_encapsulate(zt, identifier, ssv):
    """RFC 6508 6.2.1: returns (R_(b,S) || H, r)."""
    b = b2i(identifier)
    r = hash_to_integer_range(ssv + identifier, SAKKE_Q)
    point = SAKKE.mul(r, SAKKE.add(SAKKE.mul(b, SAKKE.g), SAKKE.decode(zt)))
    gr = fp2_pow((1, SAKKE_G), r)
    mask = hash_to_integer_range(i2b(pf_value(gr), 128), 1 << SAKKE_N)
    h = i2b(b2i(ssv) ^ mask, SAKKE_N // 8)
    return SAKKE.encode(point) + h, r


def sakke_decapsulate(zt, identifier, rsk, encapsulated):
    """RFC 6508 6.2.2; None when the check of step 4 fails."""
    if len(encapsulated) != 257 + 16:
        return None
    try:
        r_point = SAKKE.decode(encapsulated[:257])
        k = SAKKE.decode(rsk)
        z_point = SAKKE.decode(zt)
    except ValueError:
        return None
    w = pairing(r_point, k)
    ssv = i2b(b2i(encapsulated[257:]) ^ hash_to_integer_range(i2b(w, 128), 1 << SAKKE_N), 16)
    r = hash_to_integer_range(ssv + identifier, SAKKE_Q)
    b = b2i(identifier)
    if SAKKE.mul(r, SAKKE.add(SAKKE.mul(b, SAKKE.g), z_point)) != r_point:
        return None
    return ssv


# ---------------------------------------------------------------------------
# TS 33.180 Annex F and TS 33.220 B.2

def kdf_s(fc, parameters):
    return bytes([fc]) + b"".join(p + i2b(len(p), 2) for p in parameters)


def integer_octets(value):
    """TS 33.220 B.2.1 integer encoding: shortest big-endian form, 0 as one octet."""
    return i2b(value, max(1, (value.bit_length() + 7) // 8))


def key_period_number(seconds, period, offset):
    return (seconds - offset) // period


def uid(uri, kms_uri, period, offset, seconds):
    """MIKEY-SAKKE UID (TS 33.180 F.2.1.1)."""
    number = key_period_number(seconds, period, offset)
    return sha256(kdf_s(0x00, [b"MIKEY-SAKKE-UID", uri.encode(), kms_uri.encode(),
                               integer_octets(period), integer_octets(offset), integer_octets(number)]))


def user_salt(key, uri):
    """The 28 least significant bits of KDF(GMK, FC 0x50, P0 = user ID) (F.1.3)."""
    return b2i(hmac.new(key, kdf_s(0x50, [uri.encode()]), hashlib.sha256).digest()) & 0x0FFFFFFF


def guk_id(gmk_id, key, uri):
    return gmk_id ^ user_salt(key, uri)


# ---------------------------------------------------------------------------
# MIKEY payloads (RFC 3830 6, RFC 6043 6.6, RFC 6509 4)

T_LAST, T_SIGN, T_T, T_RAND, T_IDR, T_EXT, T_SAKKE = 0, 4, 5, 11, 14, 21, 26
ROLE_I, ROLE_R, ROLE_KMSI, ROLE_KMSR, ROLE_UIDI, ROLE_UIDR = 1, 2, 6, 7, 8, 9
ID_TYPE_URI = 1
EXT_SAKKE_TO_SELF = 6
S_TYPE_ECCSI = 2
SIGNATURE_LENGTH = 129


def header_body(csb_id, data_type=26, prf=1, v=0):
    """HDR without its Next payload octet, which encode() inserts as the third octet."""
    return {"version": 1, "dataType": data_type, "flags": (v << 7) | prf, "csbId": csb_id}


def timestamp_body(ntp):
    return bytes([0]) + i2b(ntp, 8)  # TS type 0 NTP-UTC


def rand_body(value):
    return bytes([len(value)]) + value


def idr_body(role, data, id_type=ID_TYPE_URI):
    return bytes([role, id_type]) + i2b(len(data), 2) + data


def sakke_body(data, params=1, scheme=2):
    return bytes([params, scheme]) + i2b(len(data), 2) + data


def ext_body(ext_type, data):
    return bytes([ext_type]) + i2b(len(data), 2) + data


def encode_unsigned(hdr, payloads, last=T_SIGN, next_override=None):
    """HDR || payloads, each prefixed with the type of the one after it; the last
    payload's Next payload is `last`. next_override maps a payload index (-1: HDR)
    to a Next payload value to write instead."""
    next_override = next_override or {}
    types = [t for t, _ in payloads]
    first = types[0] if types else last
    out = bytes([hdr["version"], hdr["dataType"], next_override.get(-1, first), hdr["flags"]])
    out += i2b(hdr["csbId"], 4) + bytes([0, 1])  # #CS = 0, CS ID map type 1 (empty map), no map info
    for index, (_, body) in enumerate(payloads):
        following = types[index + 1] if index + 1 < len(types) else last
        out += bytes([next_override.get(index, following)]) + body
    return out


def sign_header():
    word = (S_TYPE_ECCSI << 12) | SIGNATURE_LENGTH
    return i2b(word, 2)


# ---------------------------------------------------------------------------
# Parties and keys

PERIOD, OFFSET = 2592000, 0
T_SECONDS = 3_900_000_000
T_FRACTION = 0x4189374B  # about 0.256 s
KMS1, KMS2 = "kms.example.org", "kms2.example.org"
ALICE, BOB, CAROL = "sip:alice@example.org", "sip:bob@example.org", "sip:carol@example.org"
GMS, MCX = "sip:gms.example.org", "sip:mcx.example.org"
MALLORY = "sip:mallory@example.org"


def derived_scalar(label, modulus):
    return b2i(sha256(b"swift-mikey-sakke test vectors: " + label.encode())) % modulus


KMS_KEYS = {
    # RFC 6507 Appendix A KSAK and RFC 6508 Appendix A z.
    KMS1: {"ksak": 0x12345, "z": 0xAFF429D35F84B110D094803B3595A6E2998BC99F},
    KMS2: {"ksak": derived_scalar("KSAK of kms2.example.org", P256.order),
           "z": derived_scalar("z of kms2.example.org", SAKKE_Q)},
}
for _kms in KMS_KEYS.values():
    _kms["kpak"] = P256.encode(P256.mul(_kms["ksak"], P256.g))
    _kms["zt"] = sakke_kms_public(_kms["z"])


def ntp(seconds, fraction=T_FRACTION):
    return (seconds << 32) | fraction


def user_uid(uri, kms, seconds):
    return uid(uri, kms, PERIOD, OFFSET, seconds)


def signing_keys(uri, kms, seconds):
    ident = user_uid(uri, kms, seconds)
    v = derived_scalar("v of " + ident.hex(), P256.order)
    ssk, pvt, _ = eccsi_user_keys(KMS_KEYS[kms]["ksak"], ident, v)
    assert eccsi_validate(KMS_KEYS[kms]["kpak"], ident, ssk, pvt)
    return {"uid": ident, "ssk": ssk, "pvt": pvt, "kpak": KMS_KEYS[kms]["kpak"]}


def receiver_keys(uri, kms, seconds):
    ident = user_uid(uri, kms, seconds)
    return {"uid": ident, "rsk": sakke_rsk(KMS_KEYS[kms]["z"], ident), "zt": KMS_KEYS[kms]["zt"]}


# ---------------------------------------------------------------------------
# The initiator

class Message:
    """An I_MESSAGE being built: HDR fields and payloads, signed on encode()."""

    def __init__(self, spec):
        self.spec = spec
        seconds = spec["timestamp"] >> 32
        self.initiator_uid = user_uid(spec["initiatorUri"], spec["initiatorKmsUri"], seconds)
        self.receiver_uid = user_uid(spec["receiverUri"], spec["receiverKmsUri"], seconds)
        key_id = spec["keyId"]
        csb = guk_id(key_id, spec["key"], spec["receiverUri"]) if key_id >> 28 == 0 else key_id
        self.hdr = header_body(csb)
        to = spec.get("encapsulateTo", self.receiver_uid)
        self.sakke, _ = sakke_encapsulate(spec["receiverZt"], to, spec["key"])
        hide = spec.get("hideIdentities", False)
        self.payloads = [
            (T_T, timestamp_body(spec["timestamp"])),
            (T_RAND, rand_body(spec["rand"])),
            (T_IDR, idr_body(ROLE_UIDI, self.initiator_uid) if hide else idr_body(ROLE_I, spec["initiatorUri"].encode())),
            (T_IDR, idr_body(ROLE_KMSI, spec["initiatorKmsUri"].encode())),
            (T_IDR, idr_body(ROLE_UIDR, self.receiver_uid) if hide else idr_body(ROLE_R, spec["receiverUri"].encode())),
            (T_IDR, idr_body(ROLE_KMSR, spec["receiverKmsUri"].encode())),
            (T_SAKKE, sakke_body(self.sakke)),
        ]
        if spec.get("initiatorZt") is not None:
            own, _ = sakke_encapsulate(spec["initiatorZt"], self.initiator_uid, spec["key"])
            self.payloads.append((T_EXT, ext_body(EXT_SAKKE_TO_SELF, bytes([T_LAST]) + sakke_body(own))))
        self.next_override = {}

    def signed_octets(self):
        return encode_unsigned(self.hdr, self.payloads, T_SIGN, self.next_override) + sign_header()

    def encode(self, signer=None, j=None):
        """The signed message; `signer` (a signing_keys() dict) defaults to the spec's initiator key,
        `j` to the spec's."""
        spec = self.spec
        signer = signer or {"uid": self.initiator_uid, "ssk": spec["initiatorSsk"], "pvt": spec["initiatorPvt"],
                            "kpak": spec["initiatorKpak"]}
        octets = self.signed_octets()
        signature, _, _ = eccsi_sign(signer["kpak"], signer["uid"], signer["ssk"], signer["pvt"], octets, j or spec["j"])
        return octets + signature


# ---------------------------------------------------------------------------
# A receiver, to check what is written (RFC 6509 5, TS 33.180 Annex E)

class Refused(Exception):
    pass


def parse(message):
    def need(count):
        if pos + count > len(message):
            raise Refused("truncated")
    pos = 0
    need(10)
    version, data_type, nxt, flags = message[0:4]
    csb = b2i(message[4:8])
    cs_count, map_type = message[8], message[9]
    if version != 1:
        raise Refused("version")
    if map_type != 1 or cs_count != 0:
        raise Refused("only the empty CS ID map is handled here")
    pos = 10
    payloads = []
    while nxt not in (T_LAST, T_SIGN):
        kind = nxt
        need(1)
        nxt = message[pos]
        pos += 1
        if kind == T_T:
            need(9)
            if message[pos] != 0:
                raise Refused("TS type")
            payloads.append((kind, {"ntp": b2i(message[pos + 1:pos + 9])}))
            pos += 9
        elif kind == T_RAND:
            need(1)
            length = message[pos]
            need(1 + length)
            if length == 0:
                raise Refused("empty RAND")
            payloads.append((kind, {"value": message[pos + 1:pos + 1 + length]}))
            pos += 1 + length
        elif kind == T_IDR:
            need(4)
            role, id_type, length = message[pos], message[pos + 1], b2i(message[pos + 2:pos + 4])
            need(4 + length)
            if length == 0:
                raise Refused("empty IDR")
            payloads.append((kind, {"role": role, "type": id_type, "data": message[pos + 4:pos + 4 + length]}))
            pos += 4 + length
        elif kind == T_SAKKE:
            need(4)
            params, scheme, length = message[pos], message[pos + 1], b2i(message[pos + 2:pos + 4])
            need(4 + length)
            payloads.append((kind, {"params": params, "scheme": scheme, "data": message[pos + 4:pos + 4 + length]}))
            pos += 4 + length
        elif kind == T_EXT:
            need(3)
            ext_type, length = message[pos], b2i(message[pos + 1:pos + 3])
            need(3 + length)
            payloads.append((kind, {"type": ext_type, "data": message[pos + 3:pos + 3 + length]}))
            pos += 3 + length
        else:
            raise Refused("unknown payload type %d" % kind)
    signature = None
    signed_count = len(message)
    if nxt == T_SIGN:
        need(2)
        word = b2i(message[pos:pos + 2])
        length = word & 0x0FFF
        need(2 + length)
        signed_count = pos + 2
        signature = {"type": word >> 12, "value": message[pos + 2:pos + 2 + length]}
        pos += 2 + length
    if pos != len(message):
        raise Refused("octets after the last payload")
    keys = [k for k, _ in payloads if k in (T_T, T_RAND, T_SAKKE)]
    keys += [(k, v["role"]) for k, v in payloads if k == T_IDR]
    if len(keys) != len(set(keys)):
        raise Refused("duplicate payload")
    return {"dataType": data_type, "flags": flags, "csb": csb, "payloads": payloads,
            "signature": signature, "signed": message[:signed_count]}


def process(inputs):
    """The receiver's checks; returns the outputs or raises Refused."""
    message = bytes.fromhex(inputs["message"])
    parsed = parse(message)
    if parsed["dataType"] != 26 or parsed["flags"] & 0x7F != 1:
        raise Refused("header")
    found = {}
    for kind, body in parsed["payloads"]:
        found.setdefault(kind if kind != T_IDR else ("IDR", body["role"]), body)
    if T_T not in found or T_RAND not in found or T_SAKKE not in found or parsed["signature"] is None:
        raise Refused("missing payload")
    if len(found[T_RAND]["value"]) < 16:
        raise Refused("short RAND")
    if parsed["signature"]["type"] != S_TYPE_ECCSI:
        raise Refused("S type")
    seconds = found[T_T]["ntp"] >> 32
    now = inputs.get("time", seconds)
    if abs(seconds - now) > 300:
        raise Refused("stale")
    period, offset = inputs["userKeyPeriod"], inputs["userKeyOffset"]
    me = inputs["receiverUri"].encode()
    my_kms = inputs["receiverKmsUri"].encode()
    rsk, zt = bytes.fromhex(inputs["receiverRsk"]), bytes.fromhex(inputs["receiverZt"])
    # The receiver's key: the UID whose RSK this is must be of the message's key period.
    my_uid = uid(inputs["receiverUri"], inputs["receiverKmsUri"], period, offset, seconds)
    if not sakke_rsk_matches(zt, my_uid, rsk):
        raise Refused("receiver key not of the message's key period")
    kmsi = found.get(("IDR", ROLE_KMSI))
    kmsr = found.get(("IDR", ROLE_KMSR))
    if kmsi is None or kmsr is None:
        raise Refused("missing IDRkms")

    def names(role, hidden, kms):
        if ("IDR", role) in found:
            ok = found[("IDR", role)]["data"] == me
        elif ("IDR", hidden) in found:
            ok = found[("IDR", hidden)]["data"] == my_uid
        else:
            raise Refused("missing IDR")
        return ok and found[("IDR", kms)]["data"] == my_kms

    if names(ROLE_R, ROLE_UIDR, ROLE_KMSR):
        sakke = found[T_SAKKE]
    elif names(ROLE_I, ROLE_UIDI, ROLE_KMSI) and T_EXT in found and found[T_EXT]["type"] == EXT_SAKKE_TO_SELF:
        inner = found[T_EXT]["data"]
        sakke = {"params": inner[1], "scheme": inner[2], "data": inner[5:5 + b2i(inner[3:5])]}
    else:
        raise Refused("not for this receiver")
    if sakke["params"] != 1:
        raise Refused("SAKKE params")
    kms_uri = kmsi["data"].decode()
    given = inputs.get("initiatorUri")
    if ("IDR", ROLE_I) in found:
        initiator = found[("IDR", ROLE_I)]["data"].decode()
        if given is not None and given != initiator:
            raise Refused("initiator mismatch")
        initiator_uid = uid(initiator, kms_uri, period, offset, seconds)
    elif ("IDR", ROLE_UIDI) in found:
        if given is None:
            raise Refused("hidden initiator unconfirmed")
        initiator_uid = found[("IDR", ROLE_UIDI)]["data"]
        if uid(given, kms_uri, period, offset, seconds) != initiator_uid:
            raise Refused("initiator mismatch")
        initiator = given
    else:
        raise Refused("missing IDRi")
    if not eccsi_verify(bytes.fromhex(inputs["initiatorKpak"]), initiator_uid, parsed["signed"], parsed["signature"]["value"]):
        raise Refused("signature")
    key = sakke_decapsulate(zt, my_uid, rsk, sakke["data"])
    if key is None:
        raise Refused("SAKKE")
    csb = parsed["csb"]
    key_id = csb
    if csb >> 28 == 0:  # GMK: the GUK-ID was made with the responder's URI (F.1.3)
        responder = found[("IDR", ROLE_R)]["data"].decode() if ("IDR", ROLE_R) in found else inputs["receiverUri"]
        key_id = guk_id(csb, key, responder)
    return {"key": key.hex(), "csbId": i2b(csb, 4).hex(), "rand": found[T_RAND]["value"].hex(),
            "timestamp": i2b(found[T_T]["ntp"], 8).hex(), "initiatorUri": initiator, "keyId": i2b(key_id, 4).hex()}


_RSK_CHECKS = {}


def sakke_rsk_matches(zt, identifier, rsk):
    """RFC 6508 6.1.2: <[a]P + Z, K> = g."""
    key = (zt, identifier, rsk)
    if key not in _RSK_CHECKS:
        point = SAKKE.add(SAKKE.mul(b2i(identifier), SAKKE.g), SAKKE.decode(zt))
        _RSK_CHECKS[key] = pairing(point, SAKKE.decode(rsk)) == SAKKE_G
    return _RSK_CHECKS[key]


# ---------------------------------------------------------------------------
# Self-checks against the published examples

def load(name):
    return json.loads((VECTORS / name).read_text())


def check_published():
    assert SAKKE_Q * 4 == SAKKE_P + 1 and SAKKE.on_curve(SAKKE.g) and SAKKE.mul(SAKKE_Q, SAKKE.g) is None
    assert P256.on_curve(P256.g) and P256.mul(P256.order, P256.g) is None
    rfc_id = b"2011-02\x00tel:+447700900123\x00"

    # RFC 6507 Appendix A, values as given in the RFC (and TestVectors/rfc6507-eccsi.json).
    eccsi = {t["id"]: t for t in load("rfc6507-eccsi.json")["tests"]}
    kpak = P256.encode(P256.mul(0x12345, P256.g))
    assert kpak.hex() == eccsi[1]["outputs"]["kpak"], "RFC 6507 KPAK"
    ssk, pvt, hs = eccsi_user_keys(0x12345, rfc_id, 0x23456)
    out = eccsi[2]["outputs"]
    assert (ssk.hex(), pvt.hex(), hs.hex()) == (out["ssk"], out["pvt"], out["hs"]), "RFC 6507 SSK/PVT/HS"
    assert ssk.hex() == "23f374ae1f4033f3e9dbddaaef20f4cf0b86bbd5a138a5ae9e7e006b34489a0d"
    signature, hs, he = eccsi_sign(kpak, rfc_id, ssk, pvt, b"message\x00", 0x34567)
    out = eccsi[4]["outputs"]
    assert (signature.hex(), hs.hex(), he.hex()) == (out["signature"], out["hs"], out["he"]), "RFC 6507 signature"
    assert signature[:32].hex() == "269d4c8fdeb66a74e4ef8c0d5dcc597ddfe6029c2affc4936008cd2cc1045d81"
    assert eccsi_verify(kpak, rfc_id, b"message\x00", signature)
    assert not eccsi_verify(kpak, rfc_id, b"message", signature)

    # RFC 6508 Appendix A (and TestVectors/rfc6508-sakke.json).
    sakke = {t["id"]: t for t in load("rfc6508-sakke.json")["tests"]}
    z = KMS_KEYS[KMS1]["z"]
    assert b2i(bytes.fromhex(sakke[1]["inputs"]["z"])) == z
    zt = sakke_kms_public(z)
    assert zt.hex() == sakke[1]["outputs"]["zt"], "RFC 6508 Z_S"
    rsk = sakke_rsk(z, rfc_id)
    assert rsk.hex() == sakke[2]["outputs"]["rsk"], "RFC 6508 RSK"
    ssv = bytes.fromhex("123456789abcdef0123456789abcdef0")
    encapsulated, r = sakke_encapsulate(zt, rfc_id, ssv)
    assert hex(r)[2:] == sakke[4]["outputs"]["r"].lstrip("0"), "RFC 6508 r"
    assert encapsulated.hex() == sakke[4]["outputs"]["encapsulated"], "RFC 6508 encapsulated data"
    gr = fp2_pow((1, SAKKE_G), r)
    assert i2b(pf_value(gr), 128).hex() == (
        "7d2a8438e6291c649b6579eb3b79eae948b1de9e5f7d1f4070a08f8db6b3c5156f2201affbb5cb9d82aa3ec0d0398b89"
        "abc78a13a760c0bf3f77e63d0df3f1a341a41b8811df197fd6cd0f003125606f4f109f400f7292a10d255e3c0ebccb42"
        "53fb182c68f09cf6cd9c4a53da6c74ad007af36b8bca979d5895e282f483fcd6"), "RFC 6508 g^r"
    assert hash_to_integer_range(i2b(pf_value(gr), 128), 1 << 128) == 0x9bd4ea1e801d37e62ad2fab0d4f5bbf7, "mask"
    assert pairing(SAKKE.g, SAKKE.g) == SAKKE_G, "g = <P, P>"
    assert b2i(bytes.fromhex(sakke[6]["outputs"]["g"])[128:]) == SAKKE_G
    assert pairing(SAKKE.decode(encapsulated[:257]), SAKKE.decode(rsk)) == pf_value(gr), "<R, K> = g^r"
    assert sakke_decapsulate(zt, rfc_id, rsk, encapsulated) == ssv
    flipped = encapsulated[:-1] + bytes([encapsulated[-1] ^ 1])
    assert sakke_decapsulate(zt, rfc_id, rsk, flipped) is None
    assert sakke_rsk_matches(zt, rfc_id, rsk)

    # TS 33.180 F.2.1.2 (its printed UID lacks the leading '3'; the S it prints hashes to this).
    example = uid("sip:user@example.org", "kms.example.org", 2592000, 0, 3599719634)
    assert example.hex() == "3a81fb14c3b1d0fe43c9c577104d55a6d81788bfd2f09743c4557746a5a0353b", "F.2.1.2 UID"
    assert example.hex()[1:] == "a81fb14c3b1d0fe43c9c577104d55a6d81788bfd2f09743c4557746a5a0353b"
    # F.1.3: the Etherstack GUK-IDs that Streamwide/sw_mikey_sakke test_guk.cc publishes.
    gmk = bytes.fromhex("fcfe65cd967c58d260b603ccb9a887a9")
    assert guk_id(0x09BF9D37, gmk, "sip:p25user01@etherstack.com") == 0x01C8DE7B, "F.1.3 GUK-ID"
    assert guk_id(0x09BF9D37, gmk, "sip:p25user02@etherstack.co.jp") == 0x0ABE69D0, "F.1.3 GUK-ID"


# ---------------------------------------------------------------------------
# The vectors

def j_for(label):
    return derived_scalar("j of " + label, P256.order)


def create_spec(label, key, key_id, initiator, initiator_kms, receiver, receiver_kms, rand, seconds=T_SECONDS, **extra):
    signer = signing_keys(initiator, initiator_kms, seconds)
    spec = {
        "key": bytes.fromhex(key), "keyId": key_id,
        "initiatorUri": initiator, "initiatorKmsUri": initiator_kms,
        "receiverUri": receiver, "receiverKmsUri": receiver_kms,
        "initiatorKpak": signer["kpak"], "initiatorSsk": signer["ssk"], "initiatorPvt": signer["pvt"],
        "receiverZt": KMS_KEYS[receiver_kms]["zt"], "rand": bytes.fromhex(rand), "timestamp": ntp(seconds),
        "j": j_for(label),
    }
    spec.update(extra)
    return spec


def create_inputs(spec):
    inputs = {
        "key": spec["key"].hex(), "keyId": i2b(spec["keyId"], 4).hex(),
        "initiatorUri": spec["initiatorUri"], "initiatorKmsUri": spec["initiatorKmsUri"],
        "receiverUri": spec["receiverUri"], "receiverKmsUri": spec["receiverKmsUri"],
        "initiatorKpak": spec["initiatorKpak"].hex(), "initiatorSsk": spec["initiatorSsk"].hex(),
        "initiatorPvt": spec["initiatorPvt"].hex(), "receiverZt": spec["receiverZt"].hex(),
        "rand": spec["rand"].hex(), "timestamp": i2b(spec["timestamp"], 8).hex(),
        "userKeyPeriod": PERIOD, "userKeyOffset": OFFSET, "j": i2b(spec["j"], 32).hex(),
    }
    if "hideIdentities" in spec:
        inputs["hideIdentities"] = spec["hideIdentities"]
    if spec.get("initiatorZt") is not None:
        inputs["initiatorZt"] = spec["initiatorZt"].hex()
    return inputs


def process_inputs(message, receiver, receiver_kms, initiator_kms, seconds=T_SECONDS, time=None, key_seconds=None,
                   initiator_uri=None):
    keys = receiver_keys(receiver, receiver_kms, key_seconds if key_seconds is not None else seconds)
    inputs = {
        "message": message.hex(), "receiverUri": receiver, "receiverKmsUri": receiver_kms,
        "receiverRsk": keys["rsk"].hex(), "receiverZt": keys["zt"].hex(),
        "initiatorKpak": KMS_KEYS[initiator_kms]["kpak"].hex(),
        "userKeyPeriod": PERIOD, "userKeyOffset": OFFSET,
    }
    if initiator_uri is not None:
        inputs["initiatorUri"] = initiator_uri
    inputs["time"] = time if time is not None else seconds + 10
    return inputs


def test(number, operation, result, comment, inputs, outputs):
    return {"id": number, "operation": operation, "result": result, "comment": comment,
            "inputs": inputs, "outputs": outputs}


NO_MAP = "HDR with CS# 0 and the empty CS ID map (E.1.2: default profile)"


def build():
    pck_key, pck_id = "5a1f3e7c92b04d68a1c3e5f708192a3b", 0x1A2B3C4D
    gmk_key, gmk_id = "c0ffee112233445566778899aabbccdd", 0x0A1B2C3D
    csk_key, csk_id = "0f1e2d3c4b5a69788796a5b4c3d2e1f0", 0x2C5D6E7F
    rand = {
        "pck": "8f2d6c1e0b9a4f3e7d5c2b1a09f8e7d6", "gmk": "3c7a9e1f5b2d4c6e8a0b1d3f5e7c9a2b",
        "csk": "d4e5f60718293a4b5c6d7e8f90a1b2c3", "hidden": "0123456789abcdeffedcba9876543210",
        "self": "a5a5a5a55a5a5a5a0f0f0f0ff0f0f0f0",
    }
    specs = [
        ("pck", "PCK (E.3) from %s to %s, both of %s; %s; IDRi/IDRr carry the URIs" % (ALICE, BOB, KMS1, NO_MAP),
         create_spec("pck", pck_key, pck_id, ALICE, KMS1, BOB, KMS1, rand["pck"])),
        ("gmk", "GMK (E.2) from the GMS %s to %s; the CSB ID is %s's GUK-ID = GMK-ID XOR User Salt (F.1.3); %s"
         % (GMS, BOB, BOB, NO_MAP),
         create_spec("gmk", gmk_key, gmk_id, GMS, KMS1, BOB, KMS1, rand["gmk"])),
        ("csk", "CSK upload (E.4) from %s to the MCX domain %s; the CSB ID is the CSK-ID; %s" % (ALICE, MCX, NO_MAP),
         create_spec("csk", csk_key, csk_id, ALICE, KMS1, MCX, KMS1, rand["csk"])),
        ("hidden", "PCK from %s to %s with hidden identities (E.7): IDRuidi (role 8) and IDRuidr (role 9) carry "
         "the 32-octet UIDs, ID type 1" % (ALICE, BOB),
         create_spec("hidden", pck_key, pck_id, ALICE, KMS1, BOB, KMS1, rand["hidden"], hideIdentities=True)),
        ("self", "PCK from %s of %s to %s of %s with SAKKE-to-self (E.5): a general extension of type 6 whose data "
         "is a SAKKE payload (Next payload 0) encapsulating the PCK to %s's own UID under %s's Z_T"
         % (ALICE, KMS2, BOB, KMS1, ALICE, KMS2),
         create_spec("self", pck_key, pck_id, ALICE, KMS2, BOB, KMS1, rand["self"], initiatorZt=KMS_KEYS[KMS2]["zt"])),
    ]
    common = ("T = NTP %d.%08x (key period %d of %d s, offset %d); ECCSI j given; SAKKE r = "
              "HashToIntegerRange(key || receiver UID, q) (RFC 6508 6.2.1)"
              % (T_SECONDS, T_FRACTION, key_period_number(T_SECONDS, PERIOD, OFFSET), PERIOD, OFFSET))
    create_tests, process_tests = [], []
    messages = {}
    for label, comment, spec in specs:
        message = Message(spec).encode()
        messages[label] = (spec, message)
        create_tests.append(test(len(create_tests) + 1, "create", "valid", comment + "; " + common,
                                 create_inputs(spec), {"message": message.hex()}))

    def expected(spec, initiator=None):
        key_id = spec["keyId"]
        csb = guk_id(key_id, spec["key"], spec["receiverUri"]) if key_id >> 28 == 0 else key_id
        return {"key": spec["key"].hex(), "csbId": i2b(csb, 4).hex(), "rand": spec["rand"].hex(),
                "timestamp": i2b(spec["timestamp"], 8).hex(), "initiatorUri": initiator or spec["initiatorUri"],
                "keyId": i2b(key_id, 4).hex()}

    def add(result, comment, inputs, outputs=None):
        number = len(process_tests) + 1
        if result == "valid":
            got = process(inputs)
            assert got == outputs, (number, got, outputs)
        else:
            try:
                process(inputs)
            except Refused as refusal:
                comment += " (this generator's own receiver refuses it: %s)" % refusal
            else:
                raise AssertionError("invalid test %d accepted: %s" % (number, comment))
        process_tests.append(test(number, "process", result, comment, inputs, outputs or {}))

    for number, (label, comment, spec) in enumerate(specs, 1):
        _, message = messages[label]
        hidden = spec.get("hideIdentities", False)
        inputs = process_inputs(message, spec["receiverUri"], spec["receiverKmsUri"], spec["initiatorKmsUri"],
                                initiator_uri=spec["initiatorUri"] if hidden else None)
        extra = "; the initiator's URI comes from the SIP layer (input initiatorUri) and is checked against IDRuidi" \
            if hidden else ""
        add("valid", "the message of create test %d, processed by %s: %s%s" % (
            number, spec["receiverUri"], comment, extra), inputs, expected(spec))
        if label == "self":
            inputs = process_inputs(message, ALICE, KMS2, KMS2)
            add("valid", "the message of create test 5, processed by another device of the initiator %s (E.5): "
                "IDRi and IDRkmsi name it, so it takes the key from the SAKKE-to-self extension with its own RSK "
                "of %s" % (ALICE, KMS2), inputs, expected(spec))

    pck_spec, pck = messages["pck"]
    hidden_spec, hidden_message = messages["hidden"]

    def base_inputs(message, **kw):
        return process_inputs(message, BOB, KMS1, KMS1, **kw)

    def resigned(mutate, spec=pck_spec, signer=None):
        built = Message(spec)
        mutate(built)
        return built.encode(signer, j_for("re-signed " + mutate.__name__))

    s = "the PCK message of create test 1"
    add("invalid", s + " without its last octet (SIGN truncated)", base_inputs(pck[:-1]))
    add("invalid", s + " with one octet 00 appended after SIGN", base_inputs(pck + b"\x00"))
    flipped = bytearray(pck)
    flipped[len(pck) - SIGNATURE_LENGTH + 63] ^= 0x01  # lowest bit of s
    add("invalid", s + " with the lowest bit of the signature's s flipped", base_inputs(bytes(flipped)))

    def flip_sakke(built):
        index = [t for t, _ in built.payloads].index(T_SAKKE)
        body = bytearray(built.payloads[index][1])
        body[-1] ^= 0x01  # lowest bit of H
        built.payloads[index] = (T_SAKKE, bytes(body))
    add("invalid", s + " with the lowest bit of the SAKKE data (H) flipped and the message re-signed: the "
        "signature verifies, the decapsulated SSV fails RFC 6508 6.2.2 step 4", base_inputs(resigned(flip_sakke)))
    add("invalid", s + " processed by %s of %s with that user's own valid RSK: IDRr names %s"
        % (CAROL, KMS1, BOB), process_inputs(pck, CAROL, KMS1, KMS1))
    add("invalid", s + " processed by %s of another KMS, %s, with its valid RSK and Z_T there: IDRkmsr names %s"
        % (BOB, KMS2, KMS1), process_inputs(pck, BOB, KMS2, KMS1))

    next_seconds = T_SECONDS + PERIOD
    moved_spec = dict(pck_spec)
    moved_signer = signing_keys(ALICE, KMS1, next_seconds)

    def move(built):
        built.payloads[0] = (T_T, timestamp_body(ntp(next_seconds)))
    moved = resigned(move, moved_spec, moved_signer)
    add("invalid", s + " with T moved one key period later (NTP %d, period %d) and re-signed with %s's key for "
        "that period; the SAKKE payload still decapsulates with the receiver key given, %s's of period %d (the "
        "period of the original T), so only the key-period check refuses it; time is the new T + 10 s"
        % (next_seconds, key_period_number(next_seconds, PERIOD, OFFSET), ALICE, BOB,
           key_period_number(T_SECONDS, PERIOD, OFFSET)),
        base_inputs(moved, seconds=next_seconds, key_seconds=T_SECONDS))
    add("invalid", s + " with the receiver's clock (input time) 301 s after T: outside the 300 s clock skew "
        "(RFC 3830 5.4)", base_inputs(pck, time=T_SECONDS + 301))
    add("invalid", "the hidden-identity message of create test 4 with initiatorUri %s: its UID is not the one "
        "in IDRuidi (E.7)" % MALLORY, base_inputs(hidden_message, initiator_uri=MALLORY))

    def unknown_type(built):
        built.next_override[5] = 0x7F  # IDRkmsr's Next payload: 127, no payload type
    add("invalid", s + " with IDRkmsr's Next payload changed from 26 (SAKKE) to 127, an unassigned payload type, "
        "and re-signed", base_inputs(resigned(unknown_type)))

    def duplicate_rand(built):
        built.payloads.insert(2, (T_RAND, rand_body(bytes.fromhex("00112233445566778899aabbccddeeff"))))
    add("invalid", s + " with a second RAND payload after the first (RFC 3830 payload that occurs once), "
        "re-signed", base_inputs(resigned(duplicate_rand)))
    unsigned = encode_unsigned(Message(pck_spec).hdr, Message(pck_spec).payloads, T_LAST)
    add("invalid", s + " without SIGN: the SAKKE payload's Next payload is 0 (last) and the message ends there",
        base_inputs(unsigned))

    def empty_idr(built):
        built.payloads[2] = (T_IDR, idr_body(ROLE_I, b""))
    add("invalid", s + " with IDRi's ID len 0 and no ID data (RFC 6043 6.6), re-signed",
        base_inputs(resigned(empty_idr)))

    def data_type(built):
        built.hdr["dataType"] = 2
    add("invalid", s + " with HDR data type 2 (Public key) instead of 26 (SAKKE msg, RFC 6509 4.1), re-signed "
        "so that only the data type is wrong", base_inputs(resigned(data_type)))

    def short_rand(built):
        built.payloads[1] = (T_RAND, rand_body(pck_spec["rand"][:8]))
    add("invalid", s + " with an 8-octet RAND (its first 8 octets), re-signed: RFC 3830 6.11 and TS 33.180 7.4 "
        "want at least 128 bits", base_inputs(resigned(short_rand)))
    carol_uid = user_uid(CAROL, KMS1, T_SECONDS)
    other = Message(dict(pck_spec, encapsulateTo=carol_uid)).encode(j=j_for("encapsulated to carol"))
    add("invalid", s + " with its SAKKE payload encapsulated (same key) to %s's UID instead of %s's, signed: "
        "the signature verifies, decapsulation fails RFC 6508 6.2.2 step 4" % (CAROL, BOB), base_inputs(other))
    return create_tests, process_tests


def write(name, source, tests):
    document = {"format": 1, "algorithm": "MIKEY-SAKKE", "source": source, "parameters": {"parameterSet": 1},
                "tests": tests}
    (VECTORS / name).write_text(json.dumps(document, indent=2) + "\n")


def main():
    check_published()
    create_tests, process_tests = build()
    source = ("computed by independent reference (Scripts/make-mikey-sakke-vectors.py, Python from RFC 3830, RFC 6043, "
              "RFC 6507, RFC 6508, RFC 6509 and TS 33.180 Annex E/F; checked against the RFC 6507/6508 Appendix A "
              "examples), not official; KMS kms.example.org uses the RFC 6507 KSAK and the RFC 6508 z")
    write("mikey-sakke-create.json", source, create_tests)
    write("mikey-sakke-process.json", source + "; invalid cases derived", process_tests)
    print("wrote %d create and %d process tests" % (len(create_tests), len(process_tests)))


if __name__ == "__main__":
    sys.exit(main())
