package org.accord.app.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import org.accord.app.support.AccordOnAFolder;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

/** {@code java -jar accord.jar read-models}: an embedded folder's read models as JSON, with Accord running or not. */
class ReadModelPrinterTest {

    @TempDir
    Path folder;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void printsTheLiveDocumentsOfTheCollectionsAskedForAsJsonLinesWhileAccordRunsAndAfter() {
        Path data = AccordOnAFolder.dataFolder(folder);
        try (ConfigurableApplicationContext app = AccordOnAFolder.start(folder)) {
            assertThat(print(data.toString(), "teams", "schools")).isZero();
            List<Document> lines = lines();
            assertThat(lines).extracting(line -> line.getString("collection")).containsOnly("teams", "schools");
            assertThat(lines).extracting(line -> line.get("document", Document.class).getString("_id"))
                    .contains("demo-team-english", "demo-school-oakwood");
            assertThat(lines).filteredOn(line -> "demo-school-oakwood".equals(
                    line.get("document", Document.class).getString("_id"))).singleElement()
                    .satisfies(line -> assertThat(line.get("document", Document.class).getString("name"))
                            .isEqualTo("Oakwood Primary School"));
        }
        out.reset();
        assertThat(print(data.toString())).isZero();
        assertThat(lines()).extracting(line -> line.getString("collection"))
                .contains("teams", "schools", "decision_records", "proposals");
    }

    @Test
    void aCollectionThatIsNotThereOrAFolderWithoutReadModelsIsAnErrorThatSaysSo() {
        try (ConfigurableApplicationContext app = AccordOnAFolder.start(folder)) {
            assertThat(print(AccordOnAFolder.dataFolder(folder).toString(), "teams", "gossip")).isEqualTo(2);
        }
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("no collection gossip").contains("teams");
        assertThat(out.size()).isZero();

        assertThat(print(folder.resolve("nowhere").toString())).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("no read models in");
        assertThat(print()).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("usage: java -jar accord.jar read-models");
    }

    private int print(String... args) {
        return ReadModelPrinter.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private List<Document> lines() {
        return out.toString(StandardCharsets.UTF_8).lines().map(Document::parse).toList();
    }
}
