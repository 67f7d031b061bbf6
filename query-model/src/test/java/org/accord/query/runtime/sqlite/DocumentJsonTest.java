package org.accord.query.runtime.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import org.bson.Document;
import org.bson.json.JsonMode;
import org.bson.json.JsonWriterSettings;
import org.bson.types.Decimal128;
import org.junit.jupiter.api.Test;

/** A row's JSON is the very text {@code Document.toJson} gives, written directly for the values documents hold. */
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
    void theValuesTheConverterWritesAreWrittenDirectlyAsDocumentToJsonWritesThem() {
        Document document = new Document("title", "Reading \"for pleasure\" \\ every day\n\ttabbed, é, 漢字, \u0001, 😀")
                .append("count", 42)
                .append("big", 9_007_199_254_740_993L)
                .append("negative", -7L)
                .append("ratio", 0.1)
                .append("large", 1.5e300)
                .append("small", -2.5e-12)
                .append("round", 1e7)
                .append("done", false)
                .append("missing", null)
                .append("at", new Date(1_767_603_600_123L))
                .append("onTheSecond", new Date(1_767_603_600_000L))
                .append("tenths", new Date(1_767_603_600_100L))
                .append("epoch", new Date(0))
                .append("lastOf9999", new Date(253_402_300_799_999L))
                .append("plainMap", new HashMap<>(Map.of("k", List.of(new Document("x", 1)))))
                .append("nested", new Document("votes", new Document("p-1", new Document("choice", "FOR"))))
                .append("list", List.of("a", 1, new Document("k", List.of()), List.of(List.of("deep"))))
                .append("listWithNull", Arrays.asList("a", null))
                .append("empty", new Document());

        String direct = DocumentJson.direct(document);

        assertThat(direct).isNotNull().isEqualTo(document.toJson(RELAXED));
        assertThat(DocumentJson.of(document)).isEqualTo(direct);
    }

    @Test
    void everyCharacterIsKeptOrEscapedAsTheDriverDoes() {
        StringBuilder every = new StringBuilder();
        for (int c = 0; c <= Character.MAX_VALUE; c++) {
            every.append((char) c);
        }
        Document document = new Document(every.toString(), every.toString());

        assertThat(DocumentJson.direct(document)).isEqualTo(document.toJson(RELAXED));
    }

    @Test
    void datesAcrossTheYearsTheDriverWritesAsTextAreWrittenAsItWritesThem() {
        Random random = new Random(40);
        List<Long> instants = new ArrayList<>(List.of(0L, 1L, 10L, 100L, 120L, 999L, 59_999L, 951_782_400_000L,
                253_402_300_799_999L));
        for (int i = 0; i < 5_000; i++) {
            long at = (long) (random.nextDouble() * 253_402_300_799_999L);
            instants.add(i % 3 == 0 ? at - at % 1000 : i % 3 == 1 ? at - at % 10 : at);
        }
        for (long at : instants) {
            Document document = new Document("at", new Date(at));
            assertThat(DocumentJson.direct(document)).as("%d", at).isEqualTo(document.toJson(RELAXED));
        }
    }

    @Test
    void aValueOnlyTheDriverWritesSendsTheWholeDocumentToIt() {
        List<Document> others = List.of(
                new Document("decimal", Decimal128.parse("12.50")),
                new Document("id", UUID.fromString("3f2504e0-4f89-11d3-9a0c-0305e82c3301")),
                new Document("nested", new Document("before1970", new Date(-86_400_000L))),
                new Document("after9999", new Date(253_402_300_800_000L)),
                new Document("notANumber", Double.NaN),
                new Document("infinite", List.of(Double.POSITIVE_INFINITY)),
                new Document("set", new TreeSet<>(Set.of("a", "b"))));

        for (Document document : others) {
            assertThat(DocumentJson.direct(document)).as(document.keySet().toString()).isNull();
            assertThat(DocumentJson.of(document)).isEqualTo(document.toJson(RELAXED));
        }
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
