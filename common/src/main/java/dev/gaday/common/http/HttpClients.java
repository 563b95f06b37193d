package dev.gaday.common.http;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import okhttp3.ConnectionPool;
import okhttp3.ConnectionSpec;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;

/**
 * The one OkHttpClient of the process. Every endpoint derives its own client from it with
 * {@link #derive()} ({@code newBuilder()}), which shares the connection pool and the dispatcher
 * while setting its own TLS, timeouts and interceptors. Do not shut the shared pool down.
 *
 * <p>TLS is set up only by clients that need it: the shared client speaks cleartext only, because
 * building a TLS-capable OkHttpClient loads the JVM's trust store and TLS classes (about 0.1 s of CPU,
 * a large part of a short command-line run), which a plain {@code http://} endpoint never uses.
 *
 * <p>gzip: OkHttp asks for gzip and decompresses it transparently as long as the caller does not
 * set {@code Accept-Encoding} itself.
 */
public final class HttpClients {
    private static final OkHttpClient SHARED = new OkHttpClient.Builder()
            .connectionPool(new ConnectionPool(8, 5, TimeUnit.MINUTES))
            .dispatcher(new Dispatcher())
            .connectTimeout(Duration.ofSeconds(10))
            .readTimeout(Duration.ofSeconds(30))
            .writeTimeout(Duration.ofSeconds(30))
            .connectionSpecs(List.of(ConnectionSpec.CLEARTEXT))
            .build();
    private static final List<ConnectionSpec> TLS_AND_CLEARTEXT =
            List.of(ConnectionSpec.MODERN_TLS, ConnectionSpec.CLEARTEXT);

    private HttpClients() {}

    /** The shared client (cleartext only): use it as is for plain-http requests, or {@link #derive()} from it. */
    public static OkHttpClient shared() {
        return SHARED;
    }

    /** A builder that shares the pool and dispatcher with {@link #shared()}; cleartext only until TLS is set. */
    public static OkHttpClient.Builder derive() {
        return SHARED.newBuilder();
    }

    /**
     * A derived client for https and http URLs with the given TLS settings and one time limit per call
     * (connect, write, read and the whole call are bounded by it; connect by at most 10 s).
     */
    public static OkHttpClient.Builder derive(TlsSettings tls, Duration callTimeout) {
        return derive(tls, callTimeout, true);
    }

    /**
     * As {@link #derive(TlsSettings, Duration)}; without {@code https} the client speaks cleartext only
     * and sets up no TLS at all (it then does not follow a redirect to https: the caller sees the 3xx).
     */
    public static OkHttpClient.Builder derive(TlsSettings tls, Duration callTimeout, boolean https) {
        OkHttpClient.Builder builder = derive().callTimeout(callTimeout)
                .readTimeout(callTimeout)
                .writeTimeout(callTimeout)
                .connectTimeout(
                        callTimeout.compareTo(Duration.ofSeconds(10)) < 0 ? callTimeout : Duration.ofSeconds(10));
        if (https) {
            builder.connectionSpecs(TLS_AND_CLEARTEXT);
            Tls.apply(builder, tls);
        } else {
            builder.followSslRedirects(false);
        }
        return builder;
    }
}
