package org.accord.app.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.Signature;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

import org.accord.app.ledger.merkle.LogOrigin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A checkpoint printed in a board pack can be checked from the printed text alone, with the trust's public key. */
class CheckpointTextTest {

    @TempDir
    Path folder;

    @Test
    void aFirstFormatCheckpointsPrintedLinesAndSignatureVerifyWithThePublicKey() throws Exception {
        LedgerKeys keys = LedgerKeys.inFolder(folder);
        Instant at = Instant.parse("2027-03-01T18:30:00.123Z");
        Signature signer = Signature.getInstance("Ed25519");
        signer.initSign(keys.privateKey());
        signer.update(Checkpoint.signedText("demo-trust", 64, "ab".repeat(32), at).getBytes(StandardCharsets.UTF_8));
        Checkpoint checkpoint = new Checkpoint("demo-trust", 64, "ab".repeat(32), at, keys.keyId(),
                Base64.getEncoder().encodeToString(signer.sign()));

        List<String> lines = Arrays.asList(CheckpointText.forBoardPack(checkpoint).split("\n"));
        assertThat(lines).contains("Position (events covered): 64", "Key id: " + keys.keyId());
        String signature = lines.stream().filter(l -> l.startsWith("Signature (Ed25519, Base64): ")).findFirst()
                .orElseThrow().substring("Signature (Ed25519, Base64): ".length());
        int from = lines.indexOf(lines.stream().filter(l -> l.startsWith("The signature covers exactly")).findFirst()
                .orElseThrow()) + 1;
        String signed = String.join("\n", lines.subList(from, lines.size())) + "\n";

        Signature ed25519 = Signature.getInstance("Ed25519");
        ed25519.initVerify(LedgerKeys.publicKey(keys.publicKeyPem()));
        ed25519.update(signed.getBytes(StandardCharsets.UTF_8));
        assertThat(ed25519.verify(Base64.getDecoder().decode(signature))).isTrue();
        assertThat(lines.get(from - 1)).isEqualTo("The signature covers exactly these "
                + checkpoint.signedText().split("\n").length + " lines, each ended by a line feed:");
        assertThat(signed).isEqualTo(checkpoint.signedText());
    }

    @Test
    void aTreeCheckpointIsPrintedAsItsSignedNoteWhichABoardCanGiveBackToTheVerifierEvenWrappedByThePage()
            throws Exception {
        LedgerKeys keys = LedgerKeys.inFolder(folder);
        Checkpoint checkpoint = CheckpointSigning.sign(new ChainHead("demo-trust", 64, "ab".repeat(32)),
                new byte[32], Instant.parse("2027-03-01T18:30:00.123Z"), keys, LogOrigin.DEFAULT_NAMESPACE);
        String printed = CheckpointText.forBoardPack(checkpoint);
        assertThat(printed).contains("Events covered (tree size): 64").contains(checkpoint.note().strip());

        String copied = "Board pack, section 3\n" + printed.replace("demo-trust AAAA", "demo-trust\nAAAA") + "\n\n";
        String wrapped = printed.replace("\u2014 accord.example/demo-trust ", "\u2014 accord.example/demo-trust\n");
        for (String kept : List.of(printed, copied, wrapped, checkpoint.note())) {
            assertThat(CheckpointSigning.open("demo-trust", CheckpointText.noteIn(kept),
                    LedgerKeys.publicKey(keys.publicKeyPem()))).isEqualTo(checkpoint);
        }
        String altered = printed.replace("accord-head " + "ab".repeat(32), "accord-head " + "cd".repeat(32));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> CheckpointSigning.open("demo-trust",
                CheckpointText.noteIn(altered), LedgerKeys.publicKey(keys.publicKeyPem())))
                .hasMessageContaining("does not verify");
    }
}
