package org.accord.app.embedded;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * A search of the raw bytes of every file under a folder, as someone holding a copy of the disk would make it: what
 * SQLite no longer shows to a query (free space, a write-ahead log) is found all the same.
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
            byte[] bytes = lowerCaseAscii(Files.readAllBytes(file));
            for (Charset encoding : ENCODINGS) {
                if (indexOf(bytes, text.toLowerCase(Locale.ROOT).getBytes(encoding)) >= 0) {
                    hits.add(folder.relativize(file) + " (" + encoding + ")");
                }
            }
        }
        return hits;
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
