package org.accord.app.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.yaml.snakeyaml.Yaml;

/** docker-compose.yml, the Dockerfile and deploy/ as the deployment tests read them (tests run in app/). */
final class DeploymentFiles {

    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    private DeploymentFiles() {
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> compose() throws IOException {
        return new Yaml().load(Files.readString(ROOT.resolve("docker-compose.yml")));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> service(String name) throws IOException {
        Map<String, Object> services = (Map<String, Object>) compose().get("services");
        assertThat(services).as("services").containsKey(name);
        return (Map<String, Object>) services.get(name);
    }

    @SuppressWarnings("unchecked")
    static Map<String, String> environment(String name) throws IOException {
        return (Map<String, String>) service(name).get("environment");
    }

    /** The Dockerfile's instructions, continuation lines joined, comments dropped. */
    static List<String> instructions() throws IOException {
        return logicalLines(ROOT.resolve("Dockerfile"));
    }

    /** The instructions of one stage, from its FROM line: {@code AS name}, or the last stage for null. */
    static List<String> stage(String name) throws IOException {
        List<String> lines = instructions();
        List<Integer> froms = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith("FROM ")) {
                froms.add(i);
            }
        }
        froms.add(lines.size());
        for (int s = froms.size() - 2; s >= 0; s--) {
            String from = lines.get(froms.get(s));
            if (name == null || from.endsWith(" AS " + name)) {
                return lines.subList(froms.get(s), froms.get(s + 1));
            }
        }
        throw new AssertionError("the Dockerfile has no stage " + name);
    }

    /** A shell script's or a Dockerfile's lines, continuation lines joined, comments and blank lines dropped. */
    static List<String> logicalLines(Path file) throws IOException {
        List<String> joined = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String raw : Files.readAllLines(file)) {
            String line = raw.strip();
            if (line.startsWith("#") || line.isEmpty()) {
                continue;
            }
            if (line.endsWith("\\")) {
                current.append(line, 0, line.length() - 1).append(' ');
                continue;
            }
            current.append(line);
            joined.add(current.toString().replaceAll("\\s+", " "));
            current.setLength(0);
        }
        return joined;
    }

    /**
     * Words as a shell splits them: blanks separate, quotes group and are removed. Refuses what this does not handle
     * (operators, substitutions other than {@code "$@"}), so a test never runs a command it misread.
     */
    static List<String> words(String line) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else {
                    word.append(c);
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
                inWord = true;
            } else if (Character.isWhitespace(c)) {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
            } else {
                if ("&|;<>`".indexOf(c) >= 0) {
                    throw new AssertionError("not a simple command (" + c + "): " + line);
                }
                word.append(c);
                inWord = true;
            }
        }
        assertThat(quote).as("unclosed quote in " + line).isEqualTo((char) 0);
        if (inWord) {
            words.add(word.toString());
        }
        for (String w : words) {
            assertThat(!w.contains("$") || w.equals("$@")).as("a substitution this does not expand in " + line).isTrue();
        }
        return words;
    }
}
