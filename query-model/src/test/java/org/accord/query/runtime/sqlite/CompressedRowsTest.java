package org.accord.query.runtime.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

class CompressedRowsTest {

    private static final byte[] VOTES = "null, true, false, {\"voterId\": \"\", \"choice\": \"APPROVE\", \"REJECT\", }"
            .getBytes(StandardCharsets.UTF_8);
    private static final byte[] RECORDS = ("null, true, false, {\"trustId\": \"\", \"summary\": \"\","
            + " \"position\": \"\", }").getBytes(StandardCharsets.UTF_8);

    @Test
    void rowsCompressedAndReadOnManyThreadsAtOnceGiveBackEachItsOwnJson() throws Exception {
        // the contexts are lent to one call at a time: two calls sharing one would mix their rows
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Future<List<String>>> results = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int thread = t;
                results.add(threads.submit(() -> {
                    List<String> wrong = new ArrayList<>();
                    for (int i = 0; i < 2_000; i++) {
                        byte[] vocabulary = i % 2 == 0 ? VOTES : RECORDS;
                        String json = i % 2 == 0
                                ? "{\"voterId\": \"v-" + thread + "-" + i + "\", \"choice\": \"APPROVE\"}"
                                : "{\"trustId\": \"t-" + thread + "\", \"summary\": \"" + "a decision ".repeat(i % 40)
                                        + i + "\", \"position\": " + i + "}";
                        String back = CompressedRows.decompress(vocabulary, CompressedRows.compress(vocabulary, json));
                        if (!back.equals(json)) {
                            wrong.add(json + " came back as " + back);
                        }
                    }
                    return wrong;
                }));
            }
            for (Future<List<String>> result : results) {
                assertThat(result.get()).isEmpty();
            }
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void aRowOfAnotherFormatIsRefusedByName() {
        byte[] deflated = {1, 5, 0x4b, 0x4c, 0x4a, 0x06, 0x00};

        assertThatThrownBy(() -> CompressedRows.decompress(VOTES, deflated))
                .hasMessageContaining("a read-model row of an unknown format: format 1");
    }

    @Test
    void aRowCutShortIsRefusedAndSaysSo() {
        byte[] row = CompressedRows.compress(VOTES, "{\"voterId\": \"v-1\", \"choice\": \"REJECT\"}");
        byte[] cut = Arrays.copyOf(row, row.length - 3);

        assertThatThrownBy(() -> CompressedRows.decompress(VOTES, cut))
                .hasMessageContaining("read-model row");
    }
}
