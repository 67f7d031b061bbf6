package org.accord.query.runtime.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Date;
import java.util.List;

import org.bson.Document;
import org.bson.json.JsonMode;
import org.bson.json.JsonWriterSettings;
import org.bson.types.Decimal128;
import org.junit.jupiter.api.Test;

/** A row's JSON is written without StringWriter's lock, and is the very text {@code Document.toJson} gives. */
class DocumentJsonTest {

    private static final JsonWriterSettings RELAXED = JsonWriterSettings.builder().outputMode(JsonMode.RELAXED).build();

    @Test
    void everyKindOfValueADocumentHoldsIsWrittenAsDocumentToJsonWritesIt() {
        Document document = new Document("title", "Reading \"for pleasure\" \\ every day\n\ttabbed, é, 漢字, \u0001")
                .append("count", 42)
                .append("big", 9_007_199_254_740_993L)
                .append("ratio", 0.1)
                .append("decimal", Decimal128.parse("12.50"))
                .append("done", true)
                .append("missing", null)
                .append("at", new Date(1_767_603_600_123L))
                .append("before1970", new Date(-86_400_000L))
                .append("nested", new Document("status", "OPEN").append("votes", new Document("p-1",
                        new Document("choice", "FOR").append("at", new Date(0)))))
                .append("list", List.of("a", 1, new Document("k", List.of()), List.of(List.of("deep"))))
                .append("empty", new Document());

        assertThat(DocumentJson.of(document)).isEqualTo(document.toJson(RELAXED));
    }

    @Test
    void theJsonReadsBackAsTheSameDocument() {
        // relaxed JSON, as the rows have always held it: a long that fits an int reads back as an int, which the
        // converter maps to the field's type
        Document document = new Document("id", "trust-1#12").append("position", 12)
                .append("summary", "Adopted \"Phonics first\"");

        assertThat(Document.parse(DocumentJson.of(document))).isEqualTo(document);
    }
}
