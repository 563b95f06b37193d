package dev.gaday.testkit.postgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A throwaway PostgreSQL cluster for integration tests: {@code initdb} into a temporary directory,
 * started by {@code pg_ctl} on a free 127.0.0.1 port (no Unix socket elsewhere, trust authentication for the
 * local superuser {@code postgres}), stopped and deleted by {@link #close()}.
 *
 * <p>Binaries: {@code -Dgaday.postgres.bin=DIR}, else {@code $GADAY_POSTGRES_BIN}, else the newest
 * {@code /usr/lib/postgresql/<version>/bin} (Debian's {@code postgresql}; scripts/install-deps.sh installs it).
 */
public final class PostgresServer implements AutoCloseable {
    public static final String USER = "postgres";
    public static final String DATABASE = "postgres";

    /** initdb and postgres refuse to run as root: as root (a container), the cluster runs as the user postgres. */
    private static final boolean RUN_AS_POSTGRES = "root".equals(System.getProperty("user.name"));

    private final Path binDir;
    private final Path root;
    private final Path dataDir;
    private final int port;
    private boolean running;

    private PostgresServer(Path binDir, Path root, int port) {
        this.binDir = binDir;
        this.root = root;
        this.dataDir = root.resolve("data");
        this.port = port;
    }

    /** Creates and starts a cluster; fails (never skips) when the binaries are missing. */
    public static PostgresServer start() {
        Path bin = binaries();
        Path root;
        try {
            root = Files.createTempDirectory("gaday-pg-");
            if (RUN_AS_POSTGRES) {
                Files.setOwner(
                        root,
                        root.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(USER));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        PostgresServer server = new PostgresServer(bin, root, freePort());
        try {
            server.init();
            server.startServer();
            return server;
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
    }

    /** {@code jdbc:postgresql://127.0.0.1:<port>/postgres}. */
    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + DATABASE;
    }

    public int port() {
        return port;
    }

    /** The cluster's temporary directory (data and log); deleted by {@link #close()}. */
    public Path directory() {
        return root;
    }

    /** Runs SQL through {@code psql} (no JDBC driver needed on the test kit's class path); returns its output. */
    public String psql(String sql) {
        return run(
                List.of(
                        binDir.resolve("psql").toString(),
                        "-X",
                        "-q",
                        "-v",
                        "ON_ERROR_STOP=1",
                        "-h",
                        "127.0.0.1",
                        "-p",
                        String.valueOf(port),
                        "-U",
                        USER,
                        "-d",
                        DATABASE,
                        "-At",
                        "-c",
                        sql),
                300);
    }

    private void init() {
        run(
                List.of(
                        binDir.resolve("initdb").toString(),
                        "-D",
                        dataDir.toString(),
                        "-U",
                        USER,
                        "--auth=trust",
                        "--no-sync",
                        "-E",
                        "UTF8",
                        "--locale=C"),
                120);
    }

    private void startServer() {
        String options = "-c listen_addresses=127.0.0.1 -c port=" + port + " -c unix_socket_directories='" + root
                + "' -c fsync=off -c full_page_writes=off -c synchronous_commit=off";
        run(
                List.of(
                        binDir.resolve("pg_ctl").toString(),
                        "-D",
                        dataDir.toString(),
                        "-l",
                        root.resolve("postgres.log").toString(),
                        "-o",
                        options,
                        "-w",
                        "-t",
                        "60",
                        "start"),
                90);
        running = true;
    }

    @Override
    public void close() {
        if (running) {
            try {
                run(
                        List.of(
                                binDir.resolve("pg_ctl").toString(),
                                "-D",
                                dataDir.toString(),
                                "-m",
                                "immediate",
                                "-w",
                                "stop"),
                        60);
            } catch (RuntimeException e) {
                // Deleting the directory below still frees the disk; the postmaster exits when its data is gone.
            }
            running = false;
        }
        deleteTree(root);
    }

    private String run(List<String> arguments, int timeoutSeconds) {
        List<String> command = new ArrayList<>();
        if (RUN_AS_POSTGRES) {
            command.addAll(List.of("runuser", "-u", USER, "--"));
        }
        command.addAll(arguments);
        try {
            Path log = Files.createTempFile(root, "cmd-", ".log");
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(arguments.get(0) + " did not finish within " + timeoutSeconds + " s");
            }
            String output = Files.readString(log, StandardCharsets.UTF_8);
            Files.deleteIfExists(log);
            if (process.exitValue() != 0) {
                String serverLog = Files.exists(root.resolve("postgres.log"))
                        ? Files.readString(root.resolve("postgres.log"))
                        : "";
                throw new IllegalStateException(Path.of(arguments.get(0)).getFileName() + " failed (exit "
                        + process.exitValue() + "): " + output + tail(serverLog));
            }
            return output;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static String tail(String text) {
        return text.length() <= 2000 ? text : text.substring(text.length() - 2000);
    }

    static Path binaries() {
        String configured = System.getProperty("gaday.postgres.bin", System.getenv("GADAY_POSTGRES_BIN"));
        if (configured != null && !configured.isBlank()) {
            return requireInitdb(Path.of(configured));
        }
        Path base = Path.of("/usr/lib/postgresql");
        List<Path> versions = new ArrayList<>();
        if (Files.isDirectory(base)) {
            try (Stream<Path> list = Files.list(base)) {
                list.filter(p -> Files.isExecutable(p.resolve("bin/initdb"))).forEach(versions::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        versions.sort(Comparator.comparing((Path p) -> versionOf(p.getFileName().toString()))
                .reversed());
        if (versions.isEmpty()) {
            throw new IllegalStateException("PostgreSQL not found in /usr/lib/postgresql/<version>/bin: run "
                    + "scripts/install-deps.sh (Debian's postgresql) or set -Dgaday.postgres.bin=DIR");
        }
        return versions.get(0).resolve("bin");
    }

    private static int versionOf(String name) {
        try {
            return Integer.parseInt(name.replaceAll("\\..*", ""));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static Path requireInitdb(Path dir) {
        if (!Files.isExecutable(dir.resolve("initdb"))) {
            throw new IllegalStateException("no executable initdb in " + dir);
        }
        return dir;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // Best effort: a temporary directory.
        }
    }
}
