package org.accord.app.embedded;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.accord.query.runtime.sqlite.LiveReadModels;
import org.bson.Document;
import org.bson.json.JsonMode;
import org.bson.json.JsonWriterSettings;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code java -jar accord.jar read-models DATA-FOLDER [COLLECTION ...]}: prints the live read models of an embedded
 * data folder, one JSON line per document, {@code {"collection": ..., "document": ...}}. The rows are compressed
 * against their table's vocabulary, so {@code sqlite3} alone no longer shows them; an operator
 * answering a question about what Accord shows, or checking what an erasure left, reads them here. It opens the file
 * read-only, through SQLite, so it reads a consistent state while Accord runs, and changes nothing.
 */
public final class ReadModelPrinter {

    public static final String COMMAND = "read-models";
    private static final JsonWriterSettings JSON = JsonWriterSettings.builder().outputMode(JsonMode.RELAXED).build();

    private ReadModelPrinter() {
    }

    /** @return the exit status: 0 printed, 2 a wrong command line or no read models there */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length < 1) {
            err.println("usage: java -jar accord.jar " + COMMAND + " DATA-FOLDER [COLLECTION ...]");
            return 2;
        }
        Path file = Path.of(args[0]).resolve(ReadModelDatabase.FILE_NAME);
        if (!Files.isRegularFile(file)) {
            err.println("no read models in " + args[0] + ": " + file + " does not exist (the data folder is the one"
                    + " ACCORD_DATA_DIR names, ./data by default)");
            return 2;
        }
        List<String> wanted = List.of(args).subList(1, args.length);
        JdbcTemplate jdbc = LiveReadModels.readOnly(file);
        List<LiveReadModels> live;
        try {
            live = LiveReadModels.of(jdbc);
        } catch (RuntimeException e) {
            err.println("cannot read the read models in " + file + ": " + e.getMessage());
            return 2;
        }
        List<String> unknown = wanted.stream()
                .filter(c -> live.stream().noneMatch(t -> t.collection().equals(c))).toList();
        if (!unknown.isEmpty()) {
            err.println("no collection " + String.join(", ", unknown) + " in " + file + "; there are: "
                    + String.join(", ", live.stream().map(LiveReadModels::collection).toList()));
            return 2;
        }
        for (LiveReadModels table : live) {
            if (wanted.isEmpty() || wanted.contains(table.collection())) {
                table.forEachDocument(jdbc, "rowid", document -> out.println(new Document("collection",
                        table.collection()).append("document", document).toJson(JSON)));
            }
        }
        return 0;
    }
}
