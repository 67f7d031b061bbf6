#!/usr/bin/env python3
"""Checks an Accord transparency-log proof document with nothing but Python's standard library.

    python3 verify_tlog.py proofs.json

Written from docs/transparency-log.md and RFC 9162, sharing no code with Accord. It checks the Merkle parts: the
root of the leaves (when the document carries them), every inclusion proof (RFC 9162 section 2.1.3.2) and every
consistency proof (section 2.1.4.2), and that the checkpoint note's body names the same origin, size and root. It
does NOT check the note's Ed25519 signature (the standard library has no Ed25519): do that with a signed-note
implementation and the log's verifier key.

Exit status: 0 when everything holds, 1 when something does not (the first failure is printed), 2 when the file
cannot be read as such a document.
"""
import base64
import hashlib
import json
import sys

FORMAT = "accord-transparency-log-proofs/1"


class Refused(Exception):
    pass


def sha256(*parts):
    h = hashlib.sha256()
    for part in parts:
        h.update(part)
    return h.digest()


def leaf_hash(leaf):
    return sha256(b"\x00", leaf)


def node_hash(left, right):
    return sha256(b"\x01", left, right)


def unhex(text, what):
    if not isinstance(text, str) or len(text) != 64:
        raise ValueError(f"{what} is not 64 hex digits: {text!r}")
    return bytes.fromhex(text)


def root_of(leaf_hashes):
    """MTH of the leaf hashes, with a stack of perfect subtrees instead of the RFC's recursion."""
    stack = []  # (height, hash), heights strictly decreasing
    for h in leaf_hashes:
        height, node = 0, h
        while stack and stack[-1][0] == height:
            node = node_hash(stack.pop()[1], node)
            height += 1
        stack.append((height, node))
    if not stack:
        return sha256()
    root = stack.pop()[1]
    while stack:
        root = node_hash(stack.pop()[1], root)
    return root


def verify_inclusion(leaf_index, tree_size, leaf, path, root):
    if leaf_index >= tree_size or leaf_index < 0:
        raise Refused(f"leaf {leaf_index} is not in a tree of {tree_size}")
    fn, sn, r = leaf_index, tree_size - 1, leaf
    for p in path:
        if sn == 0:
            raise Refused("the inclusion proof is too long")
        if fn & 1 or fn == sn:
            r = node_hash(p, r)
            while not fn & 1 and fn != 0:
                fn >>= 1
                sn >>= 1
        else:
            r = node_hash(r, p)
        fn >>= 1
        sn >>= 1
    if sn != 0:
        raise Refused("the inclusion proof is too short")
    if r != root:
        raise Refused(f"the inclusion proof of leaf {leaf_index} leads to {r.hex()}, not {root.hex()}")


def verify_consistency(first, second, first_root, second_root, path):
    if first < 0 or second < first:
        raise Refused(f"a tree of {second} cannot extend a tree of {first}")
    if first == 0 or first == second:
        # outside the RFC's 0 < first < second: the proof is empty
        if path:
            raise Refused("a proof from the empty tree or between equal sizes is empty")
        if first == 0 and first_root != sha256():
            raise Refused("the empty tree's root is the SHA-256 of nothing")
        if first == second and first_root != second_root:
            raise Refused("two roots of one size differ")
        return
    if not path:
        raise Refused("the consistency proof is empty")
    if first & (first - 1) == 0:
        path = [first_root] + path
    fn, sn = first - 1, second - 1
    while fn & 1:
        fn >>= 1
        sn >>= 1
    fr = sr = path[0]
    for c in path[1:]:
        if sn == 0:
            raise Refused("the consistency proof is too long")
        if fn & 1 or fn == sn:
            fr = node_hash(c, fr)
            sr = node_hash(c, sr)
            while not fn & 1 and fn != 0:
                fn >>= 1
                sn >>= 1
        else:
            sr = node_hash(sr, c)
        fn >>= 1
        sn >>= 1
    if sn != 0:
        raise Refused("the consistency proof is too short")
    if fr != first_root:
        raise Refused(f"the consistency proof leads to a first root {fr.hex()}, not {first_root.hex()}")
    if sr != second_root:
        raise Refused(f"the consistency proof leads to a second root {sr.hex()}, not {second_root.hex()}")


def check_checkpoint(note, origin, size, root):
    split = note.rfind("\n\n")
    if split < 0:
        raise Refused("the checkpoint note has no blank line before its signatures")
    lines = note[:split + 1].split("\n")[:-1]
    if len(lines) < 3:
        raise Refused("the checkpoint note has fewer than three lines")
    if lines[0] != origin:
        raise Refused(f"the checkpoint is of {lines[0]!r}, not {origin!r}")
    if lines[1] != str(size):
        raise Refused(f"the checkpoint's size is {lines[1]}, not {size}")
    if lines[2] != base64.b64encode(root).decode("ascii"):
        raise Refused(f"the checkpoint's root is {lines[2]}, not the document's")


def check(document):
    if document.get("format") != FORMAT:
        raise ValueError(f"not a {FORMAT} document")
    size = document["treeSize"]
    root = unhex(document["rootHash"], "rootHash")
    origin = document["origin"]
    prefix_roots = {}
    if "leaves" in document:
        leaves = [leaf_hash(unhex(link, "a leaf")) for link in document["leaves"]]
        if len(leaves) != size:
            raise Refused(f"the document has {len(leaves)} leaves for a tree of {size}")
        if root_of(leaves) != root:
            raise Refused(f"the leaves give root {root_of(leaves).hex()}, not {root.hex()}")
        prefix_roots = {n: root_of(leaves[:n]) for n in range(size + 1)} if size <= 4096 else {size: root}
    if "checkpoint" in document:
        check_checkpoint(document["checkpoint"], origin, size, root)

    def claimed(n, claimed_root, what):
        if n in prefix_roots and prefix_roots[n] != claimed_root:
            raise Refused(f"{what} claims root {claimed_root.hex()} at size {n}; the leaves give {prefix_roots[n].hex()}")
        if n == size and claimed_root != root:
            raise Refused(f"{what} claims another root at the document's size")

    for i, proof in enumerate(document.get("inclusionProofs", [])):
        proof_root = unhex(proof["rootHash"], "rootHash")
        claimed(proof["treeSize"], proof_root, f"inclusion proof {i}")
        path = [unhex(h, "a path hash") for h in proof["path"]]
        verify_inclusion(proof["leafIndex"], proof["treeSize"], leaf_hash(unhex(proof["linkHash"], "linkHash")),
                         path, proof_root)
    for i, proof in enumerate(document.get("consistencyProofs", [])):
        first_root = unhex(proof["firstRootHash"], "firstRootHash")
        second_root = unhex(proof["secondRootHash"], "secondRootHash")
        claimed(proof["firstSize"], first_root, f"consistency proof {i}")
        claimed(proof["secondSize"], second_root, f"consistency proof {i}")
        path = [unhex(h, "a path hash") for h in proof["path"]]
        verify_consistency(proof["firstSize"], proof["secondSize"], first_root, second_root, path)
    return (len(document.get("inclusionProofs", [])), len(document.get("consistencyProofs", [])))


def main(argv):
    if len(argv) != 2:
        print("usage: verify_tlog.py proofs.json", file=sys.stderr)
        return 2
    try:
        with open(argv[1], encoding="utf-8") as f:
            document = json.load(f)
    except (OSError, ValueError) as e:
        print(f"UNREADABLE: {e}", file=sys.stderr)
        return 2
    try:
        inclusion, consistency = check(document)
    except Refused as e:
        print(f"NOT VERIFIED: {e}")
        return 1
    except (KeyError, TypeError, ValueError) as e:
        print(f"UNREADABLE: not a proof document ({e!r})", file=sys.stderr)
        return 2
    print(f"VERIFIED: {document['origin']} at size {document['treeSize']}, root {document['rootHash']};"
          f" {inclusion} inclusion and {consistency} consistency proofs"
          f" (the checkpoint's signature is not checked here)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
