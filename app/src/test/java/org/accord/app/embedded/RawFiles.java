package org.accord.app.embedded;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import com.github.luben.zstd.ZstdDecompressCtx;
import com.github.luben.zstd.ZstdDictDecompress;
import com.github.luben.zstd.ZstdException;
import org.accord.query.runtime.sqlite.CompressedRows;
import org.springframework.jdbc.core.JdbcTemplate;
import org.sqlite.SQLiteDataSource;

/**
 * A search of the raw bytes of every file under a folder, as someone holding a copy of the disk would make it: what
 * SQLite no longer shows to a query (free space, a write-ahead log) is found all the same.
 * <p>
 * The read models' rows are compressed ({@link CompressedRows}), so a plain search would not see into them: in the
 * read-model file and its write-ahead log, every run of bytes shaped as a row (the format byte, a length, a
 * Zstandard frame that gives exactly that length) is decompressed with each vocabulary the file registers, and
 * searched too, wherever it lies (a live page, a free one, an old frame of the log).
 */
final class RawFiles {

    private static final List<Charset> ENCODINGS = List.of(StandardCharsets.UTF_8, StandardCharsets.UTF_16LE,
            StandardCharsets.UTF_16BE);

    private RawFiles() {
    }

    /** "file (encoding)" for every file under the folder whose bytes hold the text, in any case of its letters. */
    static List<String> holding(Path folder, String text) throws IOException {
        List<Path> files;
        try (Stream<Path> all = Files.walk(folder)) {
            files = all.filter(Files::isRegularFile).sorted().toList();
        }
        List<String> hits = new ArrayList<>();
        for (Path file : files) {
            byte[] raw = Files.readAllBytes(file);
            boolean readModels = file.getFileName().toString().startsWith(ReadModelDatabase.FILE_NAME);
            List<byte[]> vocabularies = readModels ? vocabularies(file.getParent()) : List.of();
            byte[] bytes = lowerCaseAscii(raw.clone());
            for (Charset encoding : ENCODINGS) {
                if (indexOf(bytes, text.toLowerCase(Locale.ROOT).getBytes(encoding)) >= 0) {
                    hits.add(folder.relativize(file) + " (" + encoding + ")");
                }
            }
            if (readModels && decompressedRows(raw, vocabularies).toLowerCase(Locale.ROOT)
                    .contains(text.toLowerCase(Locale.ROOT))) {
                hits.add(folder.relativize(file) + " (a compressed read-model row)");
            }
        }
        return hits;
    }

    /** The vocabularies a data folder's read-model file registers, read from a copy of it (never the file itself). */
    private static List<byte[]> vocabularies(Path folder) throws IOException {
        Path file = folder.resolve(ReadModelDatabase.FILE_NAME);
        if (!Files.exists(file)) {
            return List.of();
        }
        Path copy = Files.createTempDirectory("raw-files");
        try {
            for (String suffix : List.of("", "-wal")) {
                Path from = folder.resolve(ReadModelDatabase.FILE_NAME + suffix);
                if (Files.exists(from)) {
                    Files.copy(from, copy.resolve(ReadModelDatabase.FILE_NAME + suffix));
                }
            }
            SQLiteDataSource dataSource = new SQLiteDataSource();
            dataSource.setUrl("jdbc:sqlite:" + copy.resolve(ReadModelDatabase.FILE_NAME));
            List<byte[]> found = new ArrayList<>();
            for (byte[] vocabulary : new JdbcTemplate(dataSource).query("SELECT DISTINCT vocabulary FROM"
                    + " read_model_tables WHERE vocabulary IS NOT NULL", (row, n) -> row.getBytes(1))) {
                if (found.stream().noneMatch(known -> Arrays.equals(known, vocabulary))) {
                    found.add(vocabulary);
                }
            }
            return found;
        } finally {
            try (Stream<Path> made = Files.walk(copy)) {
                for (Path path : made.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(path);
                }
            }
        }
    }

    /**
     * The text of every run of bytes that decompresses as a read-model row does, one per line. The frame is read as a
     * stream, which stops where the frame ends: where a row ends in the file is not known before it is read.
     */
    private static String decompressedRows(byte[] bytes, List<byte[]> vocabularies) {
        StringBuilder texts = new StringBuilder();
        List<ZstdDictDecompress> dictionaries = vocabularies.stream().map(ZstdDictDecompress::new).toList();
        try (ZstdDecompressCtx decompressor = new ZstdDecompressCtx()) {
            for (int at = 0; at < bytes.length - 2; at++) {
                if (bytes[at] != CompressedRows.FORMAT) {
                    continue;
                }
                int length = 0;
                int start = at + 1;
                for (int shift = 0; start < bytes.length && shift <= 14; shift += 7) {
                    byte b = bytes[start++];
                    length |= (b & 0x7F) << shift;
                    if ((b & 0x80) == 0) {
                        break;
                    }
                }
                if (length < 2 || length > (1 << 20) || start >= bytes.length) {
                    continue;
                }
                byte[] found = new byte[length];
                for (ZstdDictDecompress dictionary : dictionaries) {
                    ByteBuffer frame = ByteBuffer.wrap(bytes, start, Math.min(bytes.length - start, length + 64));
                    ByteBuffer text = ByteBuffer.wrap(found);
                    try {
                        // a failed frame leaves the context mid-stream; a reset clears its settings too
                        decompressor.reset();
                        decompressor.setMagicless(true);
                        decompressor.loadDict(dictionary);
                        boolean whole = decompressor.decompressByteBufferStream(text, frame);
                        if (whole && text.position() == length) {
                            texts.append(new String(found, StandardCharsets.UTF_8)).append('\n');
                            break;
                        }
                    } catch (ZstdException notARow) {
                        // the next vocabulary, or not a row at all
                    }
                }
            }
        }
        dictionaries.forEach(ZstdDictDecompress::close);
        return texts.toString();
    }

    private static byte[] lowerCaseAscii(byte[] bytes) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] >= 'A' && bytes[i] <= 'Z') {
                bytes[i] = (byte) (bytes[i] + ('a' - 'A'));
            }
        }
        return bytes;
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
