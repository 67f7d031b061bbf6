package org.accord.query.runtime.sqlite;

import java.io.Writer;
import java.util.List;

import org.bson.Document;
import org.bson.UuidRepresentation;
import org.bson.codecs.BsonValueCodecProvider;
import org.bson.codecs.CollectionCodecProvider;
import org.bson.codecs.DocumentCodecProvider;
import org.bson.codecs.Encoder;
import org.bson.codecs.EncoderContext;
import org.bson.codecs.IterableCodecProvider;
import org.bson.codecs.MapCodecProvider;
import org.bson.codecs.ValueCodecProvider;
import org.bson.codecs.configuration.CodecRegistries;
import org.bson.json.JsonMode;
import org.bson.json.JsonWriter;
import org.bson.json.JsonWriterSettings;

/**
 * A document's JSON as a row keeps it: the same text as {@code Document.toJson} in relaxed mode (the same codecs,
 * the same writer), written into an unsynchronised buffer.
 * <p>
 * Why: {@code Document.toJson} writes through a {@link java.io.StringWriter}, whose {@link StringBuffer} takes a lock
 * for every character the JSON writer emits, one at a time. On a rebuild of the read models at 1M events that lock
 * was about a twelfth of the projection thread's time (docs/benchmarks.md, session 31).
 */
public final class DocumentJson {

    private static final JsonWriterSettings RELAXED = JsonWriterSettings.builder().outputMode(JsonMode.RELAXED).build();
    /** {@code Document}'s own default codec, as {@code Document.toJson} uses it. */
    private static final Encoder<Document> CODEC = CodecRegistries.withUuidRepresentation(
            CodecRegistries.fromProviders(List.of(new ValueCodecProvider(), new CollectionCodecProvider(),
                    new IterableCodecProvider(), new BsonValueCodecProvider(), new DocumentCodecProvider(),
                    new MapCodecProvider())),
            UuidRepresentation.STANDARD).get(Document.class);
    private static final EncoderContext CONTEXT = EncoderContext.builder().build();

    private DocumentJson() {
    }

    /** The document's relaxed JSON. */
    public static String of(Document document) {
        TextBuffer text = new TextBuffer();
        CODEC.encode(new JsonWriter(text, RELAXED), document, CONTEXT);
        return text.toString();
    }

    /** A {@link java.io.StringWriter} without the lock: one thread writes it, then reads it once. */
    private static final class TextBuffer extends Writer {

        private final StringBuilder text = new StringBuilder(512);

        @Override
        public void write(int c) {
            text.append((char) c);
        }

        @Override
        public void write(char[] chars, int offset, int length) {
            text.append(chars, offset, length);
        }

        @Override
        public void write(String string) {
            text.append(string);
        }

        @Override
        public void write(String string, int offset, int length) {
            text.append(string, offset, offset + length);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }

        @Override
        public String toString() {
            return text.toString();
        }
    }
}
