package org.accord.app.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.accord.app.ledger.PythonScript.Result;
import org.accord.app.support.AccordHttpTest;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A second verifier, written in Python from the documented formats alone (verify_export.py: canonical JSON links,
 * the RFC 9162 tree, C2SP notes and RFC 8032 Ed25519 in pure Python), run on real exports of a running Accord: it
 * must reach the same verdicts as {@code verify-export}, which shows the formats are documented well enough for
 * anyone to check a record with tools of their own.
 */
class IndependentExportVerifierTest extends AccordHttpTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path files;

    @BeforeEach
    void python3IsThere() {
        Assumptions.assumeTrue(PythonScript.AVAILABLE, PythonScript.MISSING);
    }

    @Test
    void aRealExportVerifiesInPythonAndEachDoctoredCopyIsRefused() throws Exception {
        LedgerDownloads downloads = new LedgerDownloads(port, files);
        Path key = downloads.publishedKey();
        Path export = downloads.export("board");
        ObjectNode original = (ObjectNode) JSON.readTree(export.toFile());
        ArrayNode checkpoints = (ArrayNode) original.path("checkpoints");
        Path earlier = files.resolve("earlier.txt");
        Files.writeString(earlier, checkpoints.get(checkpoints.size() - 1).path("note").asString());

        Result genuine = PythonScript.run("verify_export.py", export.toString(), key.toString());
        assertThat(genuine.exitCode()).as(genuine.output()).isZero();
        assertThat(genuine.output()).startsWith("VERIFIED: " + original.path("events").size() + " events");

        as("exec").documentName("registerPerson").variable("input", Map.of("trustId", "demo-trust", "displayName",
                "Pat Python", "roles", List.of("STAFF"), "schoolId", "demo-school-riverside")).execute()
                .path("registerPerson.person.id").hasValue();
        Path later = downloads.export("board");
        Result extends_ = PythonScript.run("verify_export.py", later.toString(), key.toString(), "--since",
                earlier.toString());
        assertThat(extends_.exitCode()).as(extends_.output()).isZero();
        assertThat(extends_.output()).contains("extends the earlier checkpoint");

        ObjectNode altered = original.deepCopy();
        ((ObjectNode) ((ArrayNode) altered.path("events")).get(5).path("payload")).put("name", "Altered");
        refused(altered, key, "no longer gives its link hash");

        ObjectNode relinked = original.deepCopy();
        ((ObjectNode) ((ArrayNode) relinked.path("events")).get(5).path("payload")).put("name", "Altered");
        InsiderExportTest.relink(relinked, 5);
        refused(relinked, key, "no checkpoint signed by the given key covers");

        ObjectNode stripped = original.deepCopy();
        ((ArrayNode) stripped.path("checkpoints")).removeAll();
        refused(stripped, key, "no checkpoint signed by the given key covers");

        ObjectNode forgedNote = original.deepCopy();
        ArrayNode forgedCheckpoints = (ArrayNode) forgedNote.path("checkpoints");
        ObjectNode last = (ObjectNode) forgedCheckpoints.get(forgedCheckpoints.size() - 1);
        last.put("note", last.path("note").asString().replace("accord-head ", "accord-head 0"));
        refused(forgedNote, key, "not signed by the given key");

        Path otherKey = files.resolve("other.pem");
        Files.writeString(otherKey, LedgerKeys.inFolder(files.resolve("other")).publicKeyPem());
        Result withOtherKey = PythonScript.run("verify_export.py", export.toString(), otherKey.toString());
        assertThat(withOtherKey.exitCode()).as(withOtherKey.output()).isEqualTo(1);

        Result rolledBack = PythonScript.run("verify_export.py", export.toString(), key.toString(), "--since",
                files.resolve("later-note.txt").toString());
        assertThat(rolledBack.exitCode()).as("a missing file").isEqualTo(2);
    }

    private void refused(ObjectNode doctored, Path key, String why) throws Exception {
        Path file = Files.createTempFile(files, "doctored-", ".json");
        Files.writeString(file, JSON.writeValueAsString(doctored));
        Result result = PythonScript.run("verify_export.py", file.toString(), key.toString());
        assertThat(result.exitCode()).as(result.output()).isEqualTo(1);
        assertThat(result.output()).startsWith("NOT VERIFIED").contains(why);
    }
}
