#!/usr/bin/env python3
"""Verifies an Accord decision-log export with nothing but Python's standard library.

    python3 verify_export.py EXPORT.json PUBLIC-KEY.pem [--since EARLIER-CHECKPOINT.txt]

Written from docs/verifiable-log.md and docs/transparency-log.md (and RFC 8032, RFC 9162, C2SP signed-note and
tlog-checkpoint), sharing no code with Accord: a second, independent reading of the formats. It

1. re-derives every link hash of the trust's events (canonical JSON, SHA-256) and checks that each event carries it,
   that positions run 1, 2, 3... and that the last one is the export's head; an event whose content is withheld from
   the export's reader ("withheld", a peer review's) cannot be re-derived: its stated hash is taken as its link, which
   the next link, the tree and the signed root then check;
2. builds the RFC 9162 Merkle tree of the link hashes;
3. finds a checkpoint note whose Ed25519 signature (pure-Python RFC 8032 verification below) verifies with the given
   public key under the trust's log name, whose size is the number of events, whose root is the tree's root and
   whose head line is the last link: only then is the whole export proven;
4. with --since, checks that an earlier checkpoint note is signed by the same key and that its root is the root of
   the export's first <size> leaves (nothing before it was rewritten or cut).

Exit status: 0 proven; 1 not proven (the first reason printed); 2 a file cannot be read.
"""
import base64
import hashlib
import json
import sys
from datetime import datetime, timezone

FORMAT = "accord-decision-log-export/1"
GENESIS = "0" * 64
WITHHOLDABLE = "org.accord.api.peerreview."
UNRESERVED = set(b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")


class Refused(Exception):
    pass


# --- Ed25519 verification, RFC 8032 section 5.1.7 (pure Python, slow but only a few signatures are checked) ---

P = 2 ** 255 - 19
L = 2 ** 252 + 27742317777372353535851937790883648493
D = -121665 * pow(121666, P - 2, P) % P
SQRT_M1 = pow(2, (P - 1) // 4, P)


def _add(a, b):
    x1, y1, z1, t1 = a
    x2, y2, z2, t2 = b
    A = (y1 - x1) * (y2 - x2) % P
    B = (y1 + x1) * (y2 + x2) % P
    C = 2 * t1 * t2 * D % P
    Dd = 2 * z1 * z2 % P
    E, F, G, H = B - A, Dd - C, Dd + C, B + A
    return (E * F % P, G * H % P, F * G % P, E * H % P)


def _mul(s, point):
    q = (0, 1, 1, 0)
    while s > 0:
        if s & 1:
            q = _add(q, point)
        point = _add(point, point)
        s >>= 1
    return q


def _equal(a, b):
    x1, y1, z1, _ = a
    x2, y2, z2, _ = b
    return (x1 * z2 - x2 * z1) % P == 0 and (y1 * z2 - y2 * z1) % P == 0


def _recover_x(y, sign):
    if y >= P:
        return None
    x2 = (y * y - 1) * pow(D * y * y + 1, P - 2, P)
    if x2 == 0:
        return None if sign else 0
    x = pow(x2, (P + 3) // 8, P)
    if (x * x - x2) % P != 0:
        x = x * SQRT_M1 % P
    if (x * x - x2) % P != 0:
        return None
    if (x & 1) != sign:
        x = P - x
    return x


def _decompress(s):
    if len(s) != 32:
        return None
    y = int.from_bytes(s, "little")
    sign = y >> 255
    y &= (1 << 255) - 1
    x = _recover_x(y, sign)
    return None if x is None else (x, y, 1, x * y % P)


G_Y = 4 * pow(5, P - 2, P) % P
G = (_recover_x(G_Y, 0), G_Y, 1, _recover_x(G_Y, 0) * G_Y % P)


def ed25519_verify(public, message, signature):
    if len(public) != 32 or len(signature) != 64:
        return False
    A = _decompress(public)
    R = _decompress(signature[:32])
    s = int.from_bytes(signature[32:], "little")
    if A is None or R is None or s >= L:
        return False
    h = int.from_bytes(hashlib.sha512(signature[:32] + public + message).digest(), "little") % L
    return _equal(_mul(s, G), _add(R, _mul(h, A)))


# --- keys and signed notes (C2SP signed-note) ---

def public_key_from_pem(text):
    body = "".join(line for line in text.strip().splitlines() if not line.startswith("-----"))
    der = base64.b64decode(body)
    prefix = bytes.fromhex("302a300506032b6570032100")  # SubjectPublicKeyInfo of an Ed25519 key
    if len(der) != 44 or not der.startswith(prefix):
        raise ValueError("not an Ed25519 public key in X.509 PEM")
    return der[12:]


def key_id(name, public):
    return hashlib.sha256(name.encode() + b"\n" + b"\x01" + public).digest()[:4]


def open_note(note, public, trust_id):
    """The checkpoint a note states, once its signature by the trust's log name verifies; raises Refused."""
    cut = note.rfind("\n\n")
    if cut < 0 or not note.endswith("\n"):
        raise Refused("a checkpoint note is text, a blank line, then signature lines")
    text, signatures = note[:cut + 1], note[cut + 2:]
    lines = text[:-1].split("\n")
    if len(lines) < 3:
        raise Refused("a checkpoint has an origin, a size and a root")
    origin = lines[0]
    expected_suffix = "/" + "".join(chr(b) if b in UNRESERVED else "%%%02X" % b for b in trust_id.encode())
    if not origin.endswith(expected_suffix) or len(origin) == len(expected_suffix):
        raise Refused(f"the checkpoint is of the log {origin}, not of trust {trust_id!r}")
    wanted = key_id(origin, public)
    signed = False
    for line in signatures[:-1].split("\n"):
        if not line.startswith("\u2014 "):
            raise Refused("a signature line starts with an em dash and a space")
        name, _, blob = line[2:].partition(" ")
        raw = base64.b64decode(blob)
        if name != origin or raw[:4] != wanted:
            continue  # another signer's (a witness's cosignature, say)
        if not ed25519_verify(public, text.encode(), raw[4:]):
            raise Refused(f"the signature by {origin} does not verify: the note was changed")
        signed = True
    if not signed:
        raise Refused(f"the note has no signature by {origin} with the given key")
    size_line, root_line = lines[1], lines[2]
    if not size_line.isdigit() or (len(size_line) > 1 and size_line[0] == "0"):
        raise Refused(f"the tree size is not a decimal number: {size_line!r}")
    root = base64.b64decode(root_line, validate=True)
    extensions = dict(line.split(" ", 1) for line in lines[3:] if " " in line)
    return {"origin": origin, "size": int(size_line), "root": root, "head": extensions.get("accord-head"),
            "signedAt": extensions.get("accord-signed-at")}


# --- links (docs/verifiable-log.md, "What a link covers") ---

def canonical(value):
    """Jackson's compact output with sorted properties, as far as event payloads go (text, integers, booleans)."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def millis(timestamp):
    """The stored timestamp to the millisecond, as Java's Instant.toString() writes it."""
    text = timestamp.replace("Z", "+00:00")
    if "." in text:  # Python reads at most six fraction digits
        main, rest = text.split(".", 1)
        digits = "".join(c for c in rest if c.isdigit())
        zone = rest[len(digits):]
        text = main + "." + (digits + "000000")[:6] + zone
    at = datetime.fromisoformat(text).astimezone(timezone.utc)
    ms = at.microsecond // 1000
    base = at.strftime("%Y-%m-%dT%H:%M:%S")
    return base + ("" if ms == 0 else ".%03d" % ms) + "Z"


def link_hash(trust_id, position, previous, event):
    meta = event.get("metaData") or {}
    link = {
        "trustId": trust_id, "position": position, "previousHash": previous, "eventId": event["eventId"],
        "aggregateType": event.get("aggregateType"), "aggregateId": event.get("aggregateId"),
        "sequence": event.get("sequence"), "payloadType": event.get("payloadType"), "payload": event.get("payload"),
        "actor": meta.get("actorId", "system"), "timestamp": millis(event["timestamp"]),
    }
    return hashlib.sha256(canonical(link).encode("utf-8")).hexdigest()


# --- the Merkle tree (RFC 9162 section 2.1), as a compact range ---

class CompactRange:
    def __init__(self):
        self.stack = []  # (height, hash), heights strictly decreasing
        self.size = 0

    def append(self, leaf):
        height, node = 0, hashlib.sha256(b"\x00" + leaf).digest()
        while self.stack and self.stack[-1][0] == height:
            node = hashlib.sha256(b"\x01" + self.stack.pop()[1] + node).digest()
            height += 1
        self.stack.append((height, node))
        self.size += 1

    def root(self):
        if not self.stack:
            return hashlib.sha256(b"").digest()
        root = self.stack[-1][1]
        for _, node in reversed(self.stack[:-1]):
            root = hashlib.sha256(b"\x01" + node + root).digest()
        return root


def verify(export, public, since_note):
    if export.get("format") != FORMAT:
        raise ValueError("not an Accord decision log export")
    trust = export["trustId"]
    since = open_note(since_note, public, trust) if since_note else None
    tree = CompactRange()
    roots, links = {}, {}
    previous, position, withheld = GENESIS, 0, 0
    wanted_sizes = {c.get("position") for c in export.get("checkpoints", [])}
    if since:
        wanted_sizes.add(since["size"])
    for event in export["events"]:
        meta = event.get("metaData") or {}
        payload = event.get("payload")
        if meta.get("chainTrust") != trust and not (isinstance(payload, dict) and payload.get("trustId") == trust):
            continue
        position += 1
        if meta.get("chainTrust") != trust or meta.get("chainPosition") != str(position):
            raise Refused(f"the event {event.get('eventId')} is not linked at position {position}")
        if "withheld" in event:
            # content withheld from the export's reader (a peer review's): the stated hash cannot be recomputed, so
            # it is taken as the link; the next event's hash, the tree and the signed root check it
            if not str(event.get("payloadType") or "").startswith(WITHHOLDABLE):
                raise Refused(f"the event {event.get('eventId')} at position {position} has its content withheld,"
                              f" but Accord withholds only a peer review's")
            computed = meta.get("chainHash")
            if not isinstance(computed, str) or len(computed) != 64:
                raise Refused(f"the withheld event {event.get('eventId')} at position {position} states no link hash")
            withheld += 1
        else:
            computed = link_hash(trust, position, previous, event)
            if computed != meta.get("chainHash"):
                raise Refused(f"the event {event.get('eventId')} at position {position} no longer gives its link hash")
        tree.append(bytes.fromhex(computed))
        previous = computed
        if position in wanted_sizes:
            roots[position], links[position] = tree.root(), computed
    head = export.get("head") or {}
    if head.get("position") != position or (position and head.get("hash") != previous):
        raise Refused(f"the events end at position {position}, not at the export's head {head.get('position')}")
    covering = None
    for checkpoint in sorted(export.get("checkpoints", []), key=lambda c: -c.get("position", 0)):
        if checkpoint.get("position") != position or not checkpoint.get("note"):
            continue
        try:
            stated = open_note(checkpoint["note"], public, trust)
        except Refused as refused:
            raise Refused(f"the checkpoint at size {position} is not signed by the given key: {refused}")
        if stated["size"] == position and stated["root"] == tree.root() and stated["head"] == previous:
            covering = stated
            break
    if covering is None:
        raise Refused(f"no checkpoint signed by the given key covers the {position} events")
    if since:
        if since["size"] > position:
            raise Refused(f"the export has {position} events, fewer than the earlier checkpoint's {since['size']}")
        if since["size"] and (roots.get(since["size"]) != since["root"] or links.get(since["size"]) != since["head"]):
            raise Refused(f"the export's first {since['size']} events do not give the earlier checkpoint's root")
    kept = (f" ({withheld} withheld from this reader: their links checked, their content not)" if withheld else "")
    return (f"VERIFIED: {position} events of trust {trust!r}{kept}, root {tree.root().hex()}, checkpoint signed at "
            f"{covering['signedAt']}" + (f"; extends the earlier checkpoint of size {since['size']}" if since else ""))


def main(argv):
    if len(argv) not in (3, 5) or (len(argv) == 5 and argv[3] != "--since"):
        print("usage: verify_export.py EXPORT.json PUBLIC-KEY.pem [--since EARLIER-CHECKPOINT.txt]")
        return 2
    try:
        with open(argv[1], encoding="utf-8") as f:
            export = json.load(f)
        with open(argv[2], encoding="utf-8") as f:
            public = public_key_from_pem(f.read())
        since = None
        if len(argv) == 5:
            with open(argv[4], encoding="utf-8") as f:
                since = f.read().strip() + "\n"
    except (OSError, ValueError) as e:
        print(f"cannot read the files: {e}")
        return 2
    try:
        print(verify(export, public, since))
        return 0
    except Refused as refused:
        print(f"NOT VERIFIED: {refused}")
        return 1
    except (KeyError, TypeError, ValueError) as e:
        print(f"NOT VERIFIED: the export is malformed: {e!r}")
        return 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
