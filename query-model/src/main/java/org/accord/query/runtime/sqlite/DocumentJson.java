package org.accord.query.runtime.sqlite;

import java.io.Writer;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

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
 * A document's JSON as a row keeps it: the very text {@code Document.toJson} gives in relaxed mode.
 * <p>
 * The values the converter puts in the read models' documents (text, numbers, booleans, nulls, dates, documents and
 * lists of them) are written here directly, character for character as the driver's codecs and JSON writer write
 * them; a document holding anything else is written by those codecs and that writer, into an unsynchronised buffer.
 * <p>
 * Why: the driver's writer takes each value through a codec looked up by its class and a state machine, and each
 * character of each text through a {@link Writer} call of its own; encoding the rows' JSON that way was about 8% of a
 * rebuild's CPU at 1M events (docs/benchmarks.md, session 40). ({@code Document.toJson} itself also writes through a
 * {@link java.io.StringWriter}, whose {@link StringBuffer} takes a lock for every character: a twelfth of the
 * projection thread's time in session 31.)
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
    /** Dates from 1970 to the end of 9999 are written as ISO text; the driver writes others as a number. */
    private static final long LAST_MS_OF_YEAR_9999 = 253_402_300_799_999L;
    /** A double's exponent gets its sign, as the driver writes it: 1.5E+300. */
    private static final Pattern POSITIVE_EXPONENT = Pattern.compile("E(\\d+)");

    private DocumentJson() {
    }

    /** The document's relaxed JSON. */
    public static String of(Document document) {
        String json = direct(document);
        if (json != null) {
            return json;
        }
        TextBuffer text = new TextBuffer();
        CODEC.encode(new JsonWriter(text, RELAXED), document, CONTEXT);
        return text.toString();
    }

    /** The document's relaxed JSON written here directly; null if it holds a value only the driver's codecs write. */
    static String direct(Document document) {
        StringBuilder json = new StringBuilder(256);
        return written(json, document) ? json.toString() : null;
    }

    /** Writes the value as the driver would; false, with {@code json} left part written, for a value it cannot. */
    private static boolean written(StringBuilder json, Object value) {
        if (value == null) {
            json.append("null");
        } else if (value instanceof String text) {
            string(json, text);
        } else if (value instanceof Integer || value instanceof Long) {
            json.append(((Number) value).longValue());
        } else if (value instanceof Boolean flag) {
            json.append(flag.booleanValue());
        } else if (value instanceof Double number) {
            if (number.isNaN() || number.isInfinite()) {
                return false;
            }
            json.append(POSITIVE_EXPONENT.matcher(Double.toString(number)).replaceAll("E+$1"));
        } else if (value instanceof Date date) {
            long at = date.getTime();
            if (at < 0 || at > LAST_MS_OF_YEAR_9999) {
                return false;
            }
            json.append("{\"$date\": \"");
            date(json, at);
            json.append("\"}");
        } else if (value instanceof Map<?, ?> map) {
            json.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> field : map.entrySet()) {
                if (!(field.getKey() instanceof String name)) {
                    return false;
                }
                json.append(first ? "" : ", ");
                first = false;
                string(json, name);
                json.append(": ");
                if (!written(json, field.getValue())) {
                    return false;
                }
            }
            json.append('}');
        } else if (value instanceof List<?> list) {
            json.append('[');
            for (int i = 0; i < list.size(); i++) {
                json.append(i == 0 ? "" : ", ");
                if (!written(json, list.get(i))) {
                    return false;
                }
            }
            json.append(']');
        } else {
            return false;
        }
        return true;
    }

    /** A text in quotes, escaped as the driver's writer escapes it, which keeps most of Unicode as it is. */
    private static void string(StringBuilder json, String text) {
        json.append('"');
        int plain = 0;
        while (plain < text.length() && plainAscii(text.charAt(plain))) {
            plain++; // most texts are all plain: appended in one piece
        }
        json.append(text, 0, plain);
        for (int i = plain; i < text.length(); i++) {
            char c = text.charAt(i);
            if (plainAscii(c)) {
                json.append(c);
                continue;
            }
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\b' -> json.append("\\b");
                case '\f' -> json.append("\\f");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                default -> {
                    if (keptAsItIs(c)) {
                        json.append(c);
                    } else {
                        json.append("\\u").append(Integer.toHexString((c & 0xf000) >> 12))
                                .append(Integer.toHexString((c & 0x0f00) >> 8))
                                .append(Integer.toHexString((c & 0x00f0) >> 4)).append(Integer.toHexString(c & 0x000f));
                    }
                }
            }
        }
        json.append('"');
    }

    /** A printable ASCII character other than the quote and the backslash: written as it is. */
    private static boolean plainAscii(char c) {
        return c >= 0x20 && c < 0x7f && c != '"' && c != '\\';
    }

    /**
     * A date as the driver's formatter writes it ({@code ISO_OFFSET_DATE_TIME} in UTC, for the years this class
     * writes): seconds always, the milliseconds without their trailing zeros and only when there are any, then "Z".
     */
    private static void date(StringBuilder json, long at) {
        long seconds = Math.floorDiv(at, 1000);
        int millis = (int) Math.floorMod(at, 1000);
        LocalDateTime time = LocalDateTime.ofEpochSecond(seconds, 0, ZoneOffset.UTC);
        json.append(time.getYear());
        two(json.append('-'), time.getMonthValue());
        two(json.append('-'), time.getDayOfMonth());
        two(json.append('T'), time.getHour());
        two(json.append(':'), time.getMinute());
        two(json.append(':'), time.getSecond());
        if (millis != 0) {
            json.append('.').append((char) ('0' + millis / 100));
            if (millis % 100 != 0) {
                json.append((char) ('0' + millis / 10 % 10));
                if (millis % 10 != 0) {
                    json.append((char) ('0' + millis % 10));
                }
            }
        }
        json.append('Z');
    }

    private static void two(StringBuilder json, int value) {
        json.append((char) ('0' + value / 10)).append((char) ('0' + value % 10));
    }

    /** The characters the driver's writer writes as they are: letters, digits, spaces, punctuation and symbols. */
    private static boolean keptAsItIs(char c) {
        return switch (Character.getType(c)) {
            case Character.UPPERCASE_LETTER, Character.LOWERCASE_LETTER, Character.TITLECASE_LETTER,
                    Character.OTHER_LETTER, Character.DECIMAL_DIGIT_NUMBER, Character.LETTER_NUMBER,
                    Character.OTHER_NUMBER, Character.SPACE_SEPARATOR, Character.CONNECTOR_PUNCTUATION,
                    Character.DASH_PUNCTUATION, Character.START_PUNCTUATION, Character.END_PUNCTUATION,
                    Character.INITIAL_QUOTE_PUNCTUATION, Character.FINAL_QUOTE_PUNCTUATION,
                    Character.OTHER_PUNCTUATION, Character.MATH_SYMBOL, Character.CURRENCY_SYMBOL,
                    Character.MODIFIER_SYMBOL, Character.OTHER_SYMBOL -> true;
            default -> false;
        };
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
