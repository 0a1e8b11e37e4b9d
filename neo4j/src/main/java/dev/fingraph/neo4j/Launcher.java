package dev.fingraph.neo4j;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.Map;

import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.QueryExecutionException;

/**
 * Starts Neo4j Community embedded, with its Bolt connector, as a process of its own.
 *
 * <pre>java -cp 'target/classes:target/lib/*' dev.fingraph.neo4j.Launcher --home DIR --conf FILE [--exit-with-parent]</pre>
 *
 * The settings come from the neo4j.conf file that the Node side writes (Bolt address, memory, limits).
 * The password of the built-in user {@code neo4j} is set from the environment variable
 * FINGRAPH_NEO4J_PASSWORD at every start (never from the command line, where `ps` would show it),
 * so that the local database follows the configured password.
 *
 * Prints one line {@code FINGRAPH_NEO4J_READY} once the databases are available; shuts down cleanly
 * on SIGTERM/SIGINT, and when started with --exit-with-parent, also when the process that started it
 * goes away, so that nothing is left running after a crash of the caller.
 */
public final class Launcher {
    /** How long a shutdown may take before the process is halted (Neo4j waits 10 s for transactions). */
    private static final int SHUTDOWN_LIMIT_SECONDS = 30;

    private Launcher() {}

    public static void main(String[] args) throws Exception {
        Path home = null;
        Path conf = null;
        boolean exitWithParent = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--home" -> home = Path.of(args[++i]).toAbsolutePath();
                case "--conf" -> conf = Path.of(args[++i]).toAbsolutePath();
                case "--exit-with-parent" -> exitWithParent = true;
                default -> fail("Unknown argument '" + args[i] + "'. Usage: --home DIR --conf FILE [--exit-with-parent]");
            }
        }
        if (home == null || conf == null) {
            fail("Both --home DIR and --conf FILE are required.");
        }
        if (!Files.isRegularFile(conf)) {
            fail("The configuration file " + conf + " does not exist.");
        }
        String password = System.getenv("FINGRAPH_NEO4J_PASSWORD");
        if (password == null || password.length() < 8) {
            fail("FINGRAPH_NEO4J_PASSWORD must be set to a password of at least 8 characters.");
        }

        DatabaseManagementService service;
        try {
            service = new DatabaseManagementServiceBuilder(home).loadPropertiesFromFile(conf).build();
        } catch (Throwable error) {
            System.err.println("FINGRAPH_NEO4J_FAILED " + describe(error));
            error.printStackTrace(System.err);
            System.exit(2);
            return;
        }

        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("FINGRAPH_NEO4J_STOPPING");
            haltAfter(SHUTDOWN_LIMIT_SECONDS);
            try {
                service.shutdown();
            } finally {
                stopped.countDown();
            }
        }, "fingraph-neo4j-shutdown"));

        try {
            setPassword(service.database("system"), password);
        } catch (Throwable error) {
            System.err.println("FINGRAPH_NEO4J_FAILED could not set the password of user neo4j: " + describe(error)
                + (error instanceof QueryExecutionException failure ? " [" + failure.getStatusCode() + "]" : ""));
            System.exit(3);
        }

        if (exitWithParent) {
            ProcessHandle.current().parent().ifPresent(parent -> parent.onExit().thenRun(() -> {
                System.out.println("FINGRAPH_NEO4J_PARENT_EXITED");
                System.exit(0);
            }));
        }

        System.out.println("FINGRAPH_NEO4J_READY pid=" + ProcessHandle.current().pid());
        System.out.flush();
        stopped.await();
    }

    /**
     * A clean shutdown waits for running transactions, and a transaction stuck in one expression (it
     * ignores termination) never ends: without this the JVM would stay, at 100% of a core, after
     * SIGTERM or after its parent exited. The store recovers from its transaction log at the next start.
     */
    private static void haltAfter(int seconds) {
        Thread halt = new Thread(() -> {
            try {
                Thread.sleep(seconds * 1000L);
            } catch (InterruptedException interrupted) {
                return;
            }
            System.out.println("FINGRAPH_NEO4J_HALTED the shutdown did not finish within " + seconds + " s (a transaction that ignores termination?)");
            System.out.flush();
            Runtime.getRuntime().halt(70);
        }, "fingraph-neo4j-halt");
        halt.setDaemon(true);
        halt.start();
    }

    private static void setPassword(GraphDatabaseService system, String password) {
        try {
            system.executeTransactionally(
                "ALTER USER neo4j SET PASSWORD $password CHANGE NOT REQUIRED", Map.of("password", password));
        } catch (RuntimeException error) {
            // Neo4j refuses to "change" a password to the one the user already has (ArgumentError;
            // the length, the only other such case, is checked before): the password is what we want.
            if (!(error instanceof QueryExecutionException failure
                    && "Neo.ClientError.Statement.ArgumentError".equals(failure.getStatusCode()))) {
                throw error;
            }
        }
    }

    private static Throwable rootCause(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }

    private static String describe(Throwable error) {
        Throwable root = rootCause(error);
        return root == error ? String.valueOf(error.getMessage())
                : error.getMessage() + " (cause: " + root.getMessage() + ")";
    }

    private static void fail(String message) {
        System.err.println("FINGRAPH_NEO4J_FAILED " + message);
        System.exit(64);
    }
}
