package org.accord.app.ledger.merkle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;

import org.accord.app.ledger.LedgerKeys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Checkpoints as C2SP signed notes: produced, read back, and refused when anything about them is wrong. */
class SignedCheckpointTest {

    /** The example of the Go note package, which the C2SP signed-note spec grew out of. */
    private static final String GO_TEXT = "If you think cryptography is the answer to your problem,\n"
            + "then you don't know what your problem is.\n";
    private static final String GO_NOTE = GO_TEXT + "\n\u2014 PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNI"
            + "uGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n";
    private static final String GO_VERIFIER_KEY = "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW";
    private static final String GO_PRIVATE_KEY = "AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz";

    private static final String ORIGIN = LogOrigin.of("demo-trust");

    @TempDir
    Path folder;

    @Test
    void theGoReferenceNoteVerifiesAndSigningItsTextAgainGivesTheSameNote() {
        NoteVerifier verifier = NoteVerifier.parse(GO_VERIFIER_KEY);
        assertThat(verifier.keyIdHex()).isEqualTo("c74f20a3");
        assertThat(verifier.verify(GO_NOTE)).isEqualTo(GO_TEXT);
        assertThat(verifier.verifierKey()).isEqualTo(GO_VERIFIER_KEY);

        byte[] typedSeed = Base64.getDecoder().decode(GO_PRIVATE_KEY);
        NoteSigner signer = new NoteSigner("PeterNeumann",
                Ed25519NoteKey.privateKey(java.util.Arrays.copyOfRange(typedSeed, 1, 33)),
                Ed25519NoteKey.publicKey(java.util.Arrays.copyOfRange(Base64.getDecoder()
                        .decode(GO_VERIFIER_KEY.substring(GO_VERIFIER_KEY.lastIndexOf('+') + 1)), 1, 33)));
        assertThat(signer.sign(GO_TEXT).format()).isEqualTo(GO_NOTE); // Ed25519 signatures are deterministic
    }

    @Test
    void aCheckpointIsTheThreeLinesOfTlogCheckpointSignedWithTheLedgersKey() {
        LedgerKeys keys = LedgerKeys.inFolder(folder);
        NoteSigner signer = NoteSigner.of(ORIGIN, keys);
        MerkleTree tree = MerkleTreeTest.leaves(10).stream().collect(MerkleTree::new, MerkleTree::append, (a, b) -> {
        });
        String note = TreeCheckpoint.of(ORIGIN, tree).sign(signer);

        String root = Base64.getEncoder().encodeToString(tree.root());
        assertThat(note).startsWith("accord.example/demo-trust\n10\n" + root + "\n\n\u2014 accord.example/demo-trust ");
        assertThat(note.split("\n")).hasSize(5);
        byte[] signature = Base64.getDecoder().decode(note.substring(note.lastIndexOf(' ') + 1).trim());
        assertThat(signature).hasSize(4 + 64);

        TreeCheckpoint opened = TreeCheckpoint.open(note, signer.verifier(), ORIGIN);
        assertThat(opened.size()).isEqualTo(10);
        assertThat(opened.rootHash()).isEqualTo(tree.root());
        assertThat(opened.origin()).isEqualTo(ORIGIN);
        assertThat(opened.extensions()).isEmpty();
        // the verifier can be published and read back as one line
        assertThat(TreeCheckpoint.open(note, NoteVerifier.parse(signer.verifier().verifierKey()), ORIGIN))
                .isEqualTo(opened);
    }

    @Test
    void aChangedSizeRootOrOriginInTheBodyIsRefused() {
        NoteSigner signer = NoteSigner.of(ORIGIN, LedgerKeys.inFolder(folder));
        TreeCheckpoint checkpoint = new TreeCheckpoint(ORIGIN, 10, TreeHashes.leafHash(new byte[] {1}));
        String note = checkpoint.sign(signer);

        String otherRoot = Base64.getEncoder().encodeToString(TreeHashes.leafHash(new byte[] {2}));
        String[] forgeries = {
            note.replace("\n10\n", "\n11\n"),
            note.replace(Base64.getEncoder().encodeToString(checkpoint.rootHash()), otherRoot),
            note.replaceFirst("demo-trust\n", "demo-trusT\n"),
            note.replace("\n\n", "\nextension\n\n"),
        };
        for (String forgery : forgeries) {
            assertThatThrownBy(() -> TreeCheckpoint.open(forgery, signer.verifier(), ORIGIN))
                    .isInstanceOf(InvalidNoteException.class).hasMessageContaining("does not verify");
        }
    }

    @Test
    void aChangedSignatureIsRefused() {
        NoteSigner signer = NoteSigner.of(ORIGIN, LedgerKeys.inFolder(folder));
        SignedNote note = SignedNote.parse(new TreeCheckpoint(ORIGIN, 3, new byte[32]).sign(signer));
        byte[] signature = note.signatures().get(0).signature();
        signature[10] ^= 0x01;
        SignedNote changed = new SignedNote(note.text(),
                List.of(new SignedNote.Signature(ORIGIN, signer.keyId(), signature)));
        assertThatThrownBy(() -> TreeCheckpoint.open(changed.format(), signer.verifier(), ORIGIN))
                .isInstanceOf(InvalidNoteException.class).hasMessageContaining("does not verify");

        // a good signature beside a bad one by the same key does not rescue the note
        SignedNote both = note.withSignature(changed.signatures().get(0));
        assertThatThrownBy(() -> signer.verifier().verify(both)).isInstanceOf(InvalidNoteException.class);
    }

    @Test
    void aNoteSignedWithAForeignKeyOrUnderAnotherNameIsRefused() {
        NoteSigner ours = NoteSigner.of(ORIGIN, LedgerKeys.inFolder(folder.resolve("ours")));
        NoteSigner foreign = NoteSigner.of(ORIGIN, LedgerKeys.inFolder(folder.resolve("foreign")));
        String forged = new TreeCheckpoint(ORIGIN, 3, new byte[32]).sign(foreign);
        assertThatThrownBy(() -> TreeCheckpoint.open(forged, ours.verifier(), ORIGIN))
                .isInstanceOf(InvalidNoteException.class).hasMessageContaining("no signature by " + ORIGIN);

        LedgerKeys keys = LedgerKeys.inFolder(folder.resolve("ours"));
        String otherName = new TreeCheckpoint(ORIGIN, 3, new byte[32]).sign(NoteSigner.of("someone-else", keys));
        assertThatThrownBy(() -> TreeCheckpoint.open(otherName, ours.verifier(), ORIGIN))
                .isInstanceOf(InvalidNoteException.class).hasMessageContaining("signed by [someone-else");
    }

    @Test
    void anotherTrustsCheckpointIsRefusedThoughItsSignatureIsGood() {
        LedgerKeys keys = LedgerKeys.inFolder(folder);
        String other = LogOrigin.of("other-trust");
        NoteSigner signer = NoteSigner.of(ORIGIN, keys);
        String note = signer.sign(new TreeCheckpoint(other, 3, new byte[32]).body()).format();
        assertThatThrownBy(() -> TreeCheckpoint.open(note, signer.verifier(), ORIGIN))
                .isInstanceOf(InvalidNoteException.class).hasMessageContaining("of log accord.example/other-trust");
    }

    @Test
    void cosignaturesByOtherKeysAreKeptAndIgnored() {
        NoteSigner log = NoteSigner.of(ORIGIN, LedgerKeys.inFolder(folder.resolve("log")));
        NoteSigner witness = NoteSigner.of("witness.example", LedgerKeys.inFolder(folder.resolve("witness")));
        String body = new TreeCheckpoint(ORIGIN, 7, new byte[32]).body();
        SignedNote cosigned = witness.sign(body).withSignature(log.signature(body));
        SignedNote parsed = SignedNote.parse(cosigned.format());
        assertThat(parsed.signatures()).extracting(SignedNote.Signature::keyName)
                .containsExactly("witness.example", ORIGIN);
        assertThat(TreeCheckpoint.open(parsed.format(), log.verifier(), ORIGIN).size()).isEqualTo(7);
        assertThat(witness.verifier().verify(parsed)).isEqualTo(body);
    }

    @Test
    void malformedNotesAreRefusedWithTheReason() {
        String body = "accord.example/demo-trust\n1\n" + Base64.getEncoder().encodeToString(new byte[32]) + "\n";
        String line = "\u2014 accord.example/demo-trust " + Base64.getEncoder().encodeToString(new byte[68]);
        assertMalformed("", "empty");
        assertMalformed(body + line + "\n", "no blank line");
        assertMalformed(body + "\n", "no signature lines");
        assertMalformed(body + "\n" + line, "does not end with a newline");
        assertMalformed(body + "\n" + line.replace("\u2014 ", "-- ") + "\n", "em dash");
        assertMalformed(body + "\n\u2014 nameonly\n", "no space");
        assertMalformed(body + "\n\u2014 a+b " + Base64.getEncoder().encodeToString(new byte[68]) + "\n",
                "no valid key");
        assertMalformed(body + "\n\u2014 name ***\n", "not standard base64");
        assertMalformed(body + "\n\u2014 name " + Base64.getEncoder().withoutPadding().encodeToString(new byte[67])
                + "\n", "padded");
        assertMalformed(body + "\n\u2014 name AAAA\n", "too short");
        assertMalformed("a\u0007bell\n\n" + line + "\n", "control character");
        assertMalformed(body + "\n" + (line + "\n").repeat(101), "more than 100");
        assertThatThrownBy(() -> SignedNote.parse(new byte[] {'a', (byte) 0xff, '\n', '\n'}))
                .isInstanceOf(InvalidNoteException.class).hasMessageContaining("UTF-8");
        assertThat(SignedNote.parse((body + "\n" + line + "\n").getBytes(StandardCharsets.UTF_8)).text())
                .isEqualTo(body);
    }

    @Test
    void malformedCheckpointBodiesAreRefusedWithTheReason() {
        String root = Base64.getEncoder().encodeToString(new byte[32]);
        assertBadBody("origin\n1\n" + root, "ends with a newline");
        assertBadBody("origin\n1\n", "at least three lines");
        assertBadBody("\n1\n" + root + "\n", "origin line is empty");
        assertBadBody("origin\n01\n" + root + "\n", "without leading zeros");
        assertBadBody("origin\n-1\n" + root + "\n", "without leading zeros");
        assertBadBody("origin\n1e3\n" + root + "\n", "without leading zeros");
        assertBadBody("origin\n99999999999999999999\n" + root + "\n", "tree size");
        assertBadBody("origin\n9223372036854775808\n" + root + "\n", "too large");
        assertBadBody("origin\n1\n" + Base64.getEncoder().encodeToString(new byte[31]) + "\n", "32 bytes");
        assertBadBody("origin\n1\n" + root.replace("=", "") + "\n", "32 bytes");
        assertBadBody("origin\n1\n%%%\n", "not standard base64");
        assertBadBody("origin\n1\n" + root + "\n\n", "empty line");
        assertThat(TreeCheckpoint.parse("origin\n0\n" + root + "\nx-ext 1\n").extensions()).containsExactly("x-ext 1");
    }

    @Test
    void keyIdsAreTheFirstFourBytesOfTheHashOfNameNewlineTypeAndKey() {
        byte[] key = new byte[32];
        key[0] = 7;
        byte[] digest = ReferenceTree.sha256("n".getBytes(StandardCharsets.UTF_8), new byte[] {0x0a, 0x01}, key);
        int expected = ((digest[0] & 0xff) << 24) | ((digest[1] & 0xff) << 16) | ((digest[2] & 0xff) << 8)
                | (digest[3] & 0xff);
        assertThat(Ed25519NoteKey.keyId("n", key)).isEqualTo(expected);
        assertThatThrownBy(() -> NoteVerifier.parse("PeterNeumann+c74f20a4+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW"))
                .hasMessageContaining("is not the id");
    }

    @Test
    void aVerifierKeyWhoseBase64HoldsAPlusReadsBack() throws Exception {
        java.security.KeyPairGenerator generator = java.security.KeyPairGenerator.getInstance("Ed25519");
        for (int attempt = 0; attempt < 200; attempt++) {
            java.security.KeyPair pair = generator.generateKeyPair();
            String verifierKey = Ed25519NoteKey.verifierKey(ORIGIN, pair.getPublic());
            if (verifierKey.split("\\+", 3)[2].contains("+")) {
                NoteVerifier verifier = NoteVerifier.parse(verifierKey);
                assertThat(verifier.verifierKey()).isEqualTo(verifierKey);
                String note = new NoteSigner(ORIGIN, pair.getPrivate(), pair.getPublic()).sign("text\n").format();
                assertThat(verifier.verify(note)).isEqualTo("text\n");
                return;
            }
        }
        throw new AssertionError("200 keys and not one with a '+' in its base64");
    }

    private static void assertMalformed(String note, String reason) {
        assertThatThrownBy(() -> SignedNote.parse(note)).isInstanceOf(InvalidNoteException.class)
                .hasMessageContaining(reason);
    }

    private static void assertBadBody(String body, String reason) {
        assertThatThrownBy(() -> TreeCheckpoint.parse(body)).isInstanceOf(InvalidNoteException.class)
                .hasMessageContaining(reason);
    }
}
