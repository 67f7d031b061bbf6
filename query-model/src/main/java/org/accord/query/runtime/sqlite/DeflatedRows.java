package org.accord.query.runtime.sqlite;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

import org.springframework.data.mapping.context.MappingContext;
import org.springframework.data.mongodb.core.mapping.MongoPersistentEntity;
import org.springframework.data.mongodb.core.mapping.MongoPersistentProperty;

/**
 * How a document is kept in its row: its JSON (without its {@code _id}, which is the row's key), deflated against
 * its table's vocabulary.
 * <p>
 * Why: the read models took 1.5 to 1.7 times the space of the event store at 1M events (docs/benchmarks.md, runs 10
 * and 15), and issue 18 asks for no more than the event store. Most of it is small documents that repeat the same
 * field names: a decision record is about 450 bytes of JSON, a vote about 225. Deflate alone saves little on a few
 * hundred bytes, because each row starts with an empty window; against a preset dictionary of the type's field
 * names it roughly halves them (run 16 has the figures).
 * <p>
 * The vocabulary is made from the document type, never from a row: its field names, nested ones too, and its enums'
 * constants. So it holds nothing a person could be erased from, and a row holds nothing but its own document. It is
 * kept with the table (in the tables' registry), so that rows written under an earlier version of the type are
 * still read with the vocabulary they were written with.
 * <p>
 * A row's bytes: one byte of format ({@value #FORMAT}), the JSON's length in UTF-8 bytes as an unsigned varint, then
 * the raw deflate stream. Public for the tools that read the file beside the store (tests, the benchmark's raw
 * baselines): the application reads and writes rows through the store alone.
 */
public final class DeflatedRows {

    public static final byte FORMAT = 1;
    /** Level 3: within a per cent of level 6's size on these documents (run 16), and cheaper per row. */
    private static final int LEVEL = 3;
    /** A nested type deeper than this is described by its field names no further (a document is a few levels). */
    private static final int DEPTH = 4;

    private static final ThreadLocal<Deflater> DEFLATERS = ThreadLocal.withInitial(() -> new Deflater(LEVEL, true));
    private static final ThreadLocal<Inflater> INFLATERS = ThreadLocal.withInitial(() -> new Inflater(true));

    private DeflatedRows() {
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
    public static byte[] deflate(byte[] vocabulary, String json) {
        byte[] text = json.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream row = new ByteArrayOutputStream(text.length / 2 + 16);
        row.write(FORMAT);
        for (int length = text.length; ; length >>>= 7) {
            if ((length & ~0x7F) == 0) {
                row.write(length);
                break;
            }
            row.write((length & 0x7F) | 0x80);
        }
        Deflater deflater = DEFLATERS.get();
        deflater.reset();
        deflater.setDictionary(vocabulary);
        deflater.setInput(text);
        deflater.finish();
        byte[] buffer = new byte[text.length + 64];
        while (!deflater.finished()) {
            row.write(buffer, 0, deflater.deflate(buffer));
        }
        return row.toByteArray();
    }

    /** The JSON's length in bytes, read from the row's header: what the decoded copy of it weighs, without inflating. */
    public static int length(byte[] row) {
        return (int) header(row)[0];
    }

    /** The JSON a row holds. */
    public static String inflate(byte[] vocabulary, byte[] row) {
        long[] header = header(row);
        byte[] text = new byte[(int) header[0]];
        Inflater inflater = INFLATERS.get();
        inflater.reset();
        inflater.setDictionary(vocabulary);
        inflater.setInput(row, (int) header[1], row.length - (int) header[1]);
        try {
            int read = 0;
            while (read < text.length) {
                int n = inflater.inflate(text, read, text.length - read);
                if (n == 0 && (inflater.finished() || inflater.needsInput())) {
                    break;
                }
                read += n;
            }
            if (read != text.length) {
                throw new IllegalStateException("a read-model row holds " + read + " bytes of JSON, its header says "
                        + text.length);
            }
        } catch (DataFormatException e) {
            throw new IllegalStateException("a read-model row is not deflated as this version writes it", e);
        }
        return new String(text, StandardCharsets.UTF_8);
    }

    /** The JSON's length and where the deflate stream starts. */
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
