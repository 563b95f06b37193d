package dev.gaday.testkit.prometheus;

import dev.gaday.testkit.dataset.Dataset;
import dev.gaday.testkit.dataset.GaDayGenerator;
import dev.gaday.testkit.dataset.Manifest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * One real Prometheus per test class, holding a generated GA-day dataset; injects {@link PrometheusServer},
 * {@link Manifest} and {@link Dataset} parameters (constructor, {@code @BeforeAll}, test methods).
 *
 * <pre>{@code
 * @ExtendWith(PrometheusExtension.class)           // default: 24 h x 10 services at a 60 s step
 * class MyIT {
 *     @Test void works(PrometheusServer prometheus, Manifest manifest) { ... }
 * }
 *
 * class MyOtherIT {
 *     @RegisterExtension
 *     static final PrometheusExtension PROMETHEUS = PrometheusExtension.withDataset(d -> d.hours(6).services(3));
 *     @Test void works() { PROMETHEUS.server().query("up"); }
 * }
 * }</pre>
 *
 * <p>Within one JVM a dataset with the same settings is generated and backfilled once; each test class then gets its
 * own server on a copy of the blocks. The OpenMetrics text is deleted after the backfill, so the injected
 * {@link Dataset} lists no files; a test that reads the text generates its own with {@link GaDayGenerator}. The server stops (and its directory goes) when the class's tests are done.
 * Missing binaries fail the class with a message naming scripts/install-deps.sh; nothing is skipped.
 */
public final class PrometheusExtension implements BeforeAllCallback, ParameterResolver {

    /** Default step for tests: 4× coarser than a real scrape, same shape, a quarter of the bytes. */
    public static final Duration DEFAULT_TEST_STEP = Duration.ofSeconds(60);

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(PrometheusExtension.class);

    private final GaDayGenerator.Builder settings;
    private final List<String> flags;
    private volatile PrometheusServer server;

    /** The default dataset: {@link GaDayGenerator.Builder} defaults with a {@link #DEFAULT_TEST_STEP} step. */
    public PrometheusExtension() {
        this(GaDayGenerator.builder().step(DEFAULT_TEST_STEP));
    }

    private PrometheusExtension(GaDayGenerator.Builder settings) {
        this(settings, List.of());
    }

    private PrometheusExtension(GaDayGenerator.Builder settings, List<String> flags) {
        this.settings = settings;
        this.flags = List.copyOf(flags);
        settings.build(); // Bad settings fail at class initialisation, naming the setting.
    }

    /**
     * The same dataset served by a Prometheus started with extra flags, e.g. {@code --query.max-samples=5000}:
     * a class may register it beside the plain one (both share one backfill).
     */
    public PrometheusExtension withFlags(String... extraFlags) {
        List<String> all = new java.util.ArrayList<>(flags);
        all.addAll(List.of(extraFlags));
        return new PrometheusExtension(settings, all);
    }

    /** The key of this extension's server in the store: the dataset's settings and the flags. */
    private String serverKey() {
        return flags.isEmpty() ? settings.key() : settings.key() + " " + String.join(" ", flags);
    }

    /**
     * An extension whose dataset starts from the defaults (24 h, 10 services, {@link #DEFAULT_TEST_STEP}) and is
     * then adjusted by {@code customizer}.
     */
    public static PrometheusExtension withDataset(Consumer<GaDayGenerator.Builder> customizer) {
        GaDayGenerator.Builder builder = GaDayGenerator.builder().step(DEFAULT_TEST_STEP);
        customizer.accept(builder);
        return new PrometheusExtension(builder);
    }

    /** The running server; only after the class's {@code beforeAll} (i.e. inside tests and {@code @BeforeAll}). */
    public PrometheusServer server() {
        PrometheusServer current = server;
        if (current == null) {
            throw new IllegalStateException(
                    "the Prometheus of this test class is not started yet (use it from tests or @BeforeAll)");
        }
        return current;
    }

    public Manifest manifest() {
        return server().manifest();
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        ExtensionContext.Store store = context.getStore(NAMESPACE);
        // A @Nested class finds its enclosing class's server through the store's parent lookup.
        ServerResource existing = store.get(serverKey(), ServerResource.class);
        if (existing != null) {
            server = existing.server;
            return;
        }
        DatasetCache cache = context.getRoot()
                .getStore(NAMESPACE)
                .getOrComputeIfAbsent(DatasetCache.class, k -> new DatasetCache(), DatasetCache.class);
        PrometheusBinaries binaries = PrometheusBinaries.locate();
        DatasetCache.Entry entry = cache.get(settings, binaries);
        PrometheusServer started = PrometheusServer.startOnCopyOf(entry.dataset(), entry.blocks(), binaries, flags);
        store.put(serverKey(), new ServerResource(started));
        server = started;
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        Class<?> type = parameterContext.getParameter().getType();
        return type == PrometheusServer.class || type == Manifest.class || type == Dataset.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        ServerResource resource = extensionContext.getStore(NAMESPACE).get(serverKey(), ServerResource.class);
        if (resource == null) {
            throw new IllegalStateException("no Prometheus started for " + extensionContext.getDisplayName()
                    + ": register PrometheusExtension on the class (static field or @ExtendWith)");
        }
        Class<?> type = parameterContext.getParameter().getType();
        if (type == Manifest.class) {
            return resource.server.manifest();
        }
        if (type == Dataset.class) {
            return resource.server.dataset();
        }
        return resource.server;
    }

    private static final class ServerResource implements ExtensionContext.Store.CloseableResource {
        final PrometheusServer server;

        ServerResource(PrometheusServer server) {
            this.server = server;
        }

        @Override
        public void close() {
            server.stop();
        }
    }

    /** Datasets generated and backfilled once per JVM, keyed by their settings; deleted when the run ends. */
    private static final class DatasetCache implements ExtensionContext.Store.CloseableResource {
        record Entry(Dataset dataset, Path blocks) {}

        private final Map<String, Entry> entries = new HashMap<>();
        private Path root;

        synchronized Entry get(GaDayGenerator.Builder settings, PrometheusBinaries binaries) {
            Entry entry = entries.get(settings.key());
            if (entry == null) {
                try {
                    if (root == null) {
                        root = Files.createTempDirectory("gaday-datasets-");
                    }
                    Path dir = Files.createTempDirectory(root, "dataset-");
                    Dataset dataset = settings.build().generate(dir.resolve("openmetrics"));
                    Path blocks = dir.resolve("blocks");
                    Backfill.run(binaries.promtool(), dataset.files(), blocks, dir);
                    // The OpenMetrics text is large and no longer needed once the blocks exist.
                    for (Path file : dataset.files()) {
                        Files.deleteIfExists(file);
                    }
                    entry = new Entry(new Dataset(dataset.directory(), List.of(), dataset.manifest()), blocks);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot prepare the dataset: " + e.getMessage(), e);
                }
                entries.put(settings.key(), entry);
            }
            return Objects.requireNonNull(entry);
        }

        @Override
        public synchronized void close() {
            if (root != null) {
                PrometheusServer.deleteRecursively(root);
            }
        }
    }
}
