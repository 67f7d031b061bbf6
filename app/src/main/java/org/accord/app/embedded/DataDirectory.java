package org.accord.app.embedded;

import java.nio.file.Path;

/** The folder that holds everything the embedded mode keeps. */
public record DataDirectory(Path path) {
}
