package org.accord.query.runtime.sqlite;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

import com.github.luben.zstd.Zstd;
import com.github.luben.zstd.ZstdCompressCtx;
import com.github.luben.zstd.ZstdDecompressCtx;
import com.github.luben.zstd.ZstdDictCompress;
import com.github.luben.zstd.ZstdDictDecompress;
import com.github.luben.zstd.ZstdException;
import org.springframework.data.mapping.context.MappingContext;
import org.springframework.data.mongodb.core.mapping.MongoPersistentEntity;
import org.springframework.data.mongodb.core.mapping.MongoPersistentProperty;

/**
 * How a document is kept in its row: its JSON (without its {@code _id}, which is the row's key), compressed with
 * Zstandard against its table's vocabulary.
 * <p>
 * Why compressed: the read models took 1.5 to 1.7 times the space of the event store at 1M events (docs/benchmarks.md,
 * runs 10 and 15), and issue 18 asks for no more than the event store. Most of it is small documents that repeat the
 * same field names: a decision record is about 450 bytes of JSON, a vote about 225. A compressor alone saves little on
 * a few hundred bytes, because each row starts with an empty window; against a preset dictionary of the type's field
 * names it roughly halves them (run 16 has the figures).
 * <p>
 * Why Zstandard: until session 39 the rows were deflated (zlib, level 3), and deflating them was about an eighth of
 * a whole rebuild's CPU. Zstandard prepares each table's dictionary once ({@link ZstdDictCompress}) where deflate took
 * it in again for every row, and compresses these rows in under half the time, for rows 5 to 14% larger
 * (docs/benchmarks.md, session 39).
 * <p>
 * The vocabulary is made from the document type, never from a row: its field names, nested ones too, and its enums'
 * constants. So it holds nothing a person could be erased from, and a row holds nothing but its own document. It is
 * kept with the table (in the tables' registry), so that rows written under an earlier version of the type are
 * still read with the vocabulary they were written with.
 * <p>
 * A row's bytes: one byte of format ({@value #FORMAT}), the JSON's length in UTF-8 bytes as an unsigned varint, then
 * a Zstandard frame without its magic number, checksum or sizes (the row's header has the length). Public for the
 * tools that read the file beside the store (tests, the benchmark's raw baselines): the application reads and writes
 * rows through the store alone.
 */
public final class CompressedRows {

    /** Format 1 was deflate (read-model shapes up to 7); a file of rows in it is rebuilt at the upgrade. */
    public static final byte FORMAT = 2;
    /** Zstandard's default level: its rows a few per cent smaller than level 1's, for about 5% more time. */
    private static final int LEVEL = 3;
    /** A nested type deeper than this is described by its field names no further (a document is a few levels). */
    private static final int DEPTH = 4;

    /**
     * Each vocabulary's dictionaries, prepared once: by the vocabulary's array itself, which the store (and each tool)
     * reads once per table and keeps; weakly, so that a vocabulary no longer held takes its dictionaries with it.
     */
    private static final Map<byte[], Dictionaries> DICTIONARIES = Collections.synchronizedMap(new WeakHashMap<>());

    private record Dictionaries(ZstdDictCompress compress, ZstdDictDecompress decompress) {
    }

    /**
     * Contexts lent to one call at a time and given back, as many as were ever in use at once. Not one per thread:
     * the library frees a context's native memory only when it is closed, and the threads that encode and decode rows
     * (Tomcat's, the common pool's) come and go.
     */
    private static final Queue<ZstdCompressCtx> COMPRESSORS = new ConcurrentLinkedQueue<>();
    private static final Queue<ZstdDecompressCtx> DECOMPRESSORS = new ConcurrentLinkedQueue<>();

    private CompressedRows() {
    }

    /** The vocabulary of a document type: what its JSON repeats, row after row, and nothing any row holds. */
    static byte[] vocabulary(MongoPersistentEntity<?> entity,
                             MappingContext<? extends MongoPersistentEntity<?>, MongoPersistentProperty> context) {
        StringBuilder words = new StringBuilder("null, true, false, {\"$date\": \"\"}, ");
        describe(entity, context, words, new HashSet<>(), 0);
        return words.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void describe(MongoPersistentEntity<?> entity,
                                 MappingContext<? extends MongoPersistentEntity<?>, MongoPersistentProperty> context,
                                 StringBuilder words, Set<Class<?>> described, int depth) {
        if (depth > DEPTH || !described.add(entity.getType())) {
            return;
        }
        words.append('{');
        entity.doWithProperties((MongoPersistentProperty property) -> {
            words.append('"').append(property.getFieldName()).append("\": ");
            Class<?> type = property.getActualType();
            if (type.isEnum()) {
                for (Object constant : type.getEnumConstants()) {
                    words.append('"').append(((Enum<?>) constant).name()).append("\", ");
                }
            } else if (property.isEntity() && context.getPersistentEntity(property) != null) {
                describe(context.getPersistentEntity(property), context, words, described, depth + 1);
            } else {
                words.append("\"\", ");
            }
        });
        words.append('}');
    }

    /** The row's bytes for this JSON. */
    public static byte[] compress(byte[] vocabulary, String json) {
        byte[] text = json.getBytes(StandardCharsets.UTF_8);
        // room for the longest header (a format byte, an int's varint); the row is cut to what was written
        byte[] row = new byte[1 + 5 + (int) Zstd.compressBound(text.length)];
        row[0] = FORMAT;
        int at = 1;
        for (int length = text.length; ; length >>>= 7) {
            if ((length & ~0x7F) == 0) {
                row[at++] = (byte) length;
                break;
            }
            row[at++] = (byte) ((length & 0x7F) | 0x80);
        }
        ZstdCompressCtx compressor = COMPRESSORS.poll();
        if (compressor == null) {
            compressor = newCompressor();
        }
        try {
            compressor.loadDict(dictionaries(vocabulary).compress());
            int written = compressor.compressByteArray(row, at, row.length - at, text, 0, text.length);
            return Arrays.copyOf(row, at + written);
        } finally {
            COMPRESSORS.offer(compressor);
        }
    }

    /** The JSON's length in bytes, from the row's header: what the decoded copy of it weighs, without decompressing. */
    public static int length(byte[] row) {
        return (int) header(row)[0];
    }

    /** The JSON a row holds. */
    public static String decompress(byte[] vocabulary, byte[] row) {
        long[] header = header(row);
        byte[] text = new byte[(int) header[0]];
        ZstdDecompressCtx decompressor = DECOMPRESSORS.poll();
        if (decompressor == null) {
            decompressor = new ZstdDecompressCtx().setMagicless(true);
        }
        int read;
        try {
            decompressor.loadDict(dictionaries(vocabulary).decompress());
            read = decompressor.decompressByteArray(text, 0, text.length, row, (int) header[1],
                    row.length - (int) header[1]);
        } catch (ZstdException e) {
            throw new IllegalStateException("a read-model row is not compressed as this version writes it", e);
        } finally {
            DECOMPRESSORS.offer(decompressor);
        }
        if (read != text.length) {
            throw new IllegalStateException("a read-model row holds " + read + " bytes of JSON, its header says "
                    + text.length);
        }
        return new String(text, StandardCharsets.UTF_8);
    }

    private static Dictionaries dictionaries(byte[] vocabulary) {
        return DICTIONARIES.computeIfAbsent(vocabulary, words -> new Dictionaries(new ZstdDictCompress(words, LEVEL),
                new ZstdDictDecompress(words)));
    }

    /** A context that writes frames as rows hold them: no magic number, checksum, size or dictionary id. */
    private static ZstdCompressCtx newCompressor() {
        return new ZstdCompressCtx().setLevel(LEVEL).setMagicless(true).setChecksum(false).setContentSize(false)
                .setDictID(false);
    }

    /** The JSON's length and where the frame starts. */
    private static long[] header(byte[] row) {
        if (row.length < 2 || row[0] != FORMAT) {
            throw new IllegalStateException("a read-model row of an unknown format: "
                    + (row.length == 0 ? "empty" : "format " + row[0]));
        }
        long length = 0;
        int at = 1;
        for (int shift = 0; ; shift += 7) {
            if (at >= row.length || shift > 28) {
                throw new IllegalStateException("a read-model row's length is cut short");
            }
            byte b = row[at++];
            length |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                break;
            }
        }
        return new long[] {length, at};
    }
}
