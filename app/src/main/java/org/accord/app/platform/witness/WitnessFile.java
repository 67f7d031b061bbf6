package org.accord.app.platform.witness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

import org.accord.app.ledger.Witness;
import org.accord.app.ledger.WitnessEntry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;

/**
 * The witness file: an append-only text file outside the data folder, one JSON object per line (JSON Lines), each
 * line forced to disk before Accord goes on. Whoever can rewrite the database does not thereby rewrite this file, and
 * a board can keep copies of it: every checkpoint Accord ever signed stays here, with the text its signature covers.
 * What a line says is the ledger's ({@link WitnessEntry}); how it gets to disk and back is this class's.
 */
public class WitnessFile implements Witness {

    private static final Logger log = LoggerFactory.getLogger(WitnessFile.class);

    private final Path file;

    public WitnessFile(Path file) {
        this.file = file.toAbsolutePath().normalize();
    }

    @Override
    public Path path() {
        return file;
    }

    /** Appends one entry as one line and forces it (and the file's length) to disk before returning. */
    @Override
    public synchronized void append(WitnessEntry entry) {
        byte[] line = (entry.toJsonLine() + "\n").getBytes(StandardCharsets.UTF_8);
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.APPEND)) {
                ByteBuffer buffer = ByteBuffer.wrap(line);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to the witness file " + file, e);
        }
    }

    /**
     * Every entry, oldest first. A last line cut short (a stop in the middle of an append, before the entry counted)
     * is skipped with a warning; any other line that is not an entry fails the read: the file was altered.
     */
    @Override
    public synchronized List<WitnessEntry> entries() {
        if (!Files.exists(file)) {
            return List.of();
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the witness file " + file, e);
        }
        List<WitnessEntry> entries = new ArrayList<>(lines.size());
        for (int i = 0; i < lines.size(); i++) {
            String text = lines.get(i);
            if (text.isBlank()) {
                continue;
            }
            try {
                WitnessEntry entry = WitnessEntry.fromJsonLine(text);
                if (!WitnessEntry.FORMAT.equals(entry.format()) || entry.trustId() == null) {
                    throw new IllegalStateException("line " + (i + 1) + " of the witness file " + file
                            + " is not an " + WitnessEntry.FORMAT + " entry");
                }
                entries.add(entry);
            } catch (JacksonException e) {
                if (i == lines.size() - 1) {
                    log.warn("The last line of the witness file {} is cut short; it is ignored", file);
                } else {
                    throw new IllegalStateException("line " + (i + 1) + " of the witness file " + file
                            + " cannot be read: " + e.getOriginalMessage(), e);
                }
            }
        }
        return entries;
    }
}
