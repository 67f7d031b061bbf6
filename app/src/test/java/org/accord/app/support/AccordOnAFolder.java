package org.accord.app.support;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

import org.accord.app.AccordApplication;
import org.accord.app.platform.readyourwrites.ProjectionCatchUp;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * The whole application in the embedded mode, started in the test's JVM on a folder of the test's: the data folder
 * ({@code folder/data}) with the witness file beside it ({@code folder/witness.log}), the demo trust loaded. For tests
 * that stop Accord, change what it left on disk, and start it again on the same folder.
 */
public final class AccordOnAFolder {

    private AccordOnAFolder() {
    }

    /**
     * Starts Accord and waits until the projections have caught up with the store.
     *
     * @param settings more {@code --name=value} arguments; they outrank application.yml, as the environment does
     */
    public static ConfigurableApplicationContext start(Path folder, String... settings) {
        AccordApplication.quietAxon();
        List<String> arguments = new ArrayList<>(List.of("--accord.data-dir=" + dataFolder(folder),
                "--server.port=0", "--accord.demo=true", "--accord.ledger.witness-file=" + witnessFile(folder)));
        if (Arrays.stream(settings).noneMatch(s -> s.startsWith("--accord.notifications.first-due-check="))) {
            // these tests compare what a start leaves with what another start leaves: nothing recorded after readiness
            arguments.add("--accord.notifications.first-due-check=before-ready");
        }
        arguments.addAll(List.of(settings));
        ConfigurableApplicationContext context = new SpringApplicationBuilder(AccordApplication.class)
                .run(arguments.toArray(String[]::new));
        context.getBean(ProjectionCatchUp.class).awaitLatest();
        return context;
    }

    public static int port(ConfigurableApplicationContext context) {
        return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    }

    public static Path dataFolder(Path folder) {
        return folder.resolve("data");
    }

    public static Path witnessFile(Path folder) {
        return folder.resolve("witness.log");
    }

    /** Edits the event store beneath a stopped Accord, as someone with access to the data folder could. */
    public static void editTheStore(Path folder, Consumer<JdbcTemplate> edits) {
        SingleConnectionDataSource db = new SingleConnectionDataSource("jdbc:sqlite:"
                + dataFolder(folder).resolve("events.db"), true);
        try {
            edits.accept(new JdbcTemplate(db));
        } finally {
            db.destroy();
        }
    }
}
