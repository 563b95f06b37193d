package dev.gaday.ws.cli;

import dev.gaday.common.cli.DurationConverter;
import dev.gaday.common.cli.ToolCommand;
import dev.gaday.common.error.ExitCode;
import dev.gaday.common.error.ToolException;
import dev.gaday.ws.server.ChaosSettings;
import dev.gaday.ws.server.EchoChaosServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.UnrecoverableKeyException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Runs the rehearsal server: a WebSocket echo server with chaos options. */
@Command(
        name = "serve",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Runs a WebSocket echo server with chaos options, to rehearse monitoring and give demos an "
                    + "endpoint. Runs until Ctrl-C / SIGTERM, or for --for."
        },
        footer = {"%nExample:", "  ws-health serve --port 8080 --drop-after 30s --refuse-after 1m --refuse-for 20s"})
public final class ServeWsEchoCommand extends ToolCommand {
    @Option(
            names = "--port",
            paramLabel = "PORT",
            required = true,
            description = "Port to listen on (0: any free port).")
    int port;

    @Option(
            names = "--bind",
            paramLabel = "ADDRESS",
            defaultValue = "127.0.0.1",
            description = "Address to listen on (default: ${DEFAULT-VALUE}, loopback only).")
    String bind;

    @Option(
            names = "--drop-after",
            paramLabel = "DURATION",
            converter = DurationConverter.class,
            description = "Drop every connection this long after it opened: a TCP reset, no close frame.")
    Duration dropAfter;

    @Option(
            names = "--drop-with-close-frame",
            description = "With --drop-after: end connections with a close frame instead.")
    boolean dropWithCloseFrame;

    @Option(
            names = "--refuse-after",
            paramLabel = "DURATION",
            converter = DurationConverter.class,
            description = "Start of a window (from server start) during which upgrades are rejected.")
    Duration refuseAfter;

    @Option(
            names = "--refuse-for",
            paramLabel = "DURATION",
            converter = DurationConverter.class,
            description = "Length of the refusal window.")
    Duration refuseFor;

    @Option(
            names = "--refuse-every",
            paramLabel = "DURATION",
            converter = DurationConverter.class,
            description = "Repeat the refusal window this often (from its first start), so that a client started "
                    + "at any time meets one (default: once).")
    Duration refuseEvery;

    @Option(
            names = "--handshake-delay",
            paramLabel = "DURATION",
            converter = DurationConverter.class,
            defaultValue = "0s",
            description = "Hold every upgrade this long before answering (default: ${DEFAULT-VALUE}).")
    Duration handshakeDelay;

    @Option(names = "--no-pong", description = "Do not answer pings.")
    boolean noPong;

    @Option(
            names = "--lost-connection-timeout",
            paramLabel = "DURATION",
            converter = DurationConverter.class,
            defaultValue = "30s",
            description = "Close connections whose client stopped answering pings after 1-2x this, in whole "
                    + "seconds (a bare number is seconds; 0: off; default: ${DEFAULT-VALUE}).")
    Duration lostConnectionTimeout;

    @Option(
            names = "--tls-keystore",
            paramLabel = "FILE",
            description = "Serve wss:// with the key and certificate in this PKCS#12 file.")
    Path keystore;

    @Option(
            names = "--tls-keystore-password-file",
            paramLabel = "FILE",
            description = "File holding the keystore's password (default: empty password).")
    Path keystorePasswordFile;

    @Option(
            names = "--for",
            paramLabel = "DURATION",
            converter = DurationConverter.class,
            description = "Stop after this long (default: run until interrupted).")
    Duration runFor;

    private final CountDownLatch stop = new CountDownLatch(1);
    private volatile EchoChaosServer server;

    @Override
    protected void validate() {
        if (port < 0 || port > 65535) {
            throw ToolException.usage("--port must be between 0 and 65535");
        }
        if ((refuseAfter == null) != (refuseFor == null)) {
            throw ToolException.usage("--refuse-after and --refuse-for go together");
        }
        if (refuseEvery != null && (refuseFor == null || refuseEvery.compareTo(refuseFor) <= 0)) {
            throw ToolException.usage(
                    "--refuse-every needs --refuse-after and --refuse-for, and must be longer than --refuse-for");
        }
        if (dropWithCloseFrame && dropAfter == null) {
            throw ToolException.usage("--drop-with-close-frame needs --drop-after");
        }
        // The WebSocket library's ping timer counts whole seconds.
        if (lostConnectionTimeout.toNanos() % 1_000_000_000L != 0
                || lostConnectionTimeout.toSeconds() > Integer.MAX_VALUE) {
            throw ToolException.usage("--lost-connection-timeout must be whole seconds (e.g. 30s, 2m; 0: off), not "
                    + DurationConverter.format(lostConnectionTimeout));
        }
        if (keystorePasswordFile != null && keystore == null) {
            throw ToolException.usage("--tls-keystore-password-file needs --tls-keystore");
        }
    }

    @Override
    protected ExitCode execute() {
        ChaosSettings chaos = new ChaosSettings(
                dropAfter, dropWithCloseFrame, refuseAfter, refuseFor, refuseEvery, handshakeDelay, !noPong, (int)
                        lostConnectionTimeout.toSeconds());
        InetSocketAddress address;
        try {
            address = new InetSocketAddress(InetAddress.getByName(bind), port);
        } catch (UnknownHostException e) {
            throw ToolException.usage("--bind " + bind + ": unknown address");
        }
        SSLContext tls = keystore == null ? null : loadKeystore();
        EchoChaosServer started = new EchoChaosServer(address, chaos, tls);
        try {
            started.startAndWait(Duration.ofSeconds(10));
        } catch (IOException e) {
            throw ToolException.badInput("cannot listen on " + bind + ":" + port + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ExitCode.RUNTIME_ERROR;
        }
        server = started;
        Thread hook = new Thread(this::requestStop, "ws-serve-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        diagnostics()
                .info("serving " + (tls == null ? "ws" : "wss") + "://" + bind + ":" + started.boundPort() + "/ (echo"
                        + describe(chaos) + ")"
                        + (runFor == null ? "; Ctrl-C stops" : " for " + DurationConverter.format(runFor)));
        try {
            if (runFor == null) {
                stop.await();
            } else {
                stop.await(runFor.toNanos(), TimeUnit.NANOSECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            started.stopQuietly(Duration.ofSeconds(2));
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException ignored) {
                // already shutting down: the hook is running
            }
        }
        diagnostics()
                .info("stopped after " + started.openedConnections() + " connection(s), " + started.refusedHandshakes()
                        + " refused, " + started.droppedConnections() + " dropped");
        return ExitCode.PASS;
    }

    /** Stops a running server (Ctrl-C, or a test that runs the command in-process). */
    public void requestStop() {
        stop.countDown();
    }

    /** The running server, once started; for tests. */
    public EchoChaosServer server() {
        return server;
    }

    private static String describe(ChaosSettings chaos) {
        StringBuilder text = new StringBuilder();
        if (chaos.dropAfter() != null) {
            text.append(", drop after ")
                    .append(DurationConverter.format(chaos.dropAfter()))
                    .append(chaos.dropWithCloseFrame() ? " with a close frame" : " by TCP reset");
        }
        if (chaos.refuseAfter() != null) {
            text.append(", refuse from ")
                    .append(DurationConverter.format(chaos.refuseAfter()))
                    .append(" for ")
                    .append(DurationConverter.format(chaos.refuseFor()));
        }
        if (!chaos.handshakeDelay().isZero()) {
            text.append(", handshake delay ").append(DurationConverter.format(chaos.handshakeDelay()));
        }
        if (!chaos.answerPings()) {
            text.append(", no pongs");
        }
        return text.toString();
    }

    private SSLContext loadKeystore() {
        char[] password = new char[0];
        if (keystorePasswordFile != null) {
            try {
                password = Files.readString(keystorePasswordFile, StandardCharsets.UTF_8)
                        .strip()
                        .toCharArray();
            } catch (IOException e) {
                throw ToolException.usage("--tls-keystore-password-file " + keystorePasswordFile + ": cannot read");
            }
        }
        String option = "--tls-keystore " + keystore;
        if (Files.isDirectory(keystore)) {
            throw ToolException.usage(option + ": is a directory, not a PKCS#12 keystore");
        }
        // Java's own messages here are no help (a text file gives null, random bytes a DER length): each
        // failure is said in words, without them.
        KeyStore store;
        try (InputStream in = Files.newInputStream(keystore)) {
            store = KeyStore.getInstance("PKCS12");
            store.load(in, password);
        } catch (NoSuchFileException e) {
            throw ToolException.usage(option + ": no such file");
        } catch (AccessDeniedException e) {
            throw ToolException.usage(option + ": cannot read: permission denied");
        } catch (IOException e) {
            if (e.getCause() instanceof UnrecoverableKeyException) {
                throw ToolException.usage(option + ": the password does not open this PKCS#12 keystore"
                        + (keystorePasswordFile == null
                                ? " (no --tls-keystore-password-file: the empty password was tried)"
                                : " (password from --tls-keystore-password-file " + keystorePasswordFile + ")"));
            }
            throw ToolException.usage(option + ": not a PKCS#12 keystore");
        } catch (GeneralSecurityException e) {
            throw ToolException.usage(option + ": not a PKCS#12 keystore");
        }
        // A store of certificates only would serve every handshake a failure, with no word of why.
        if (!hasPrivateKey(store)) {
            throw ToolException.usage(option + ": holds no private key (a server needs its key and certificate)");
        }
        try {
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(store, password);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), null, null);
            return context;
        } catch (UnrecoverableKeyException e) {
            throw ToolException.usage(
                    option + ": the private key has another password than the keystore (both must be the same)");
        } catch (GeneralSecurityException e) {
            throw ToolException.usage(
                    option + ": cannot use its key for TLS (" + e.getClass().getSimpleName() + ")");
        }
    }

    private static boolean hasPrivateKey(KeyStore store) {
        try {
            for (String alias : java.util.Collections.list(store.aliases())) {
                if (store.isKeyEntry(alias)) {
                    return true;
                }
            }
            return false;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }
}
