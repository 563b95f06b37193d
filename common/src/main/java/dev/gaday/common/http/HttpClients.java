package dev.gaday.common.http;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;

/**
 * The one OkHttpClient of the process. Every endpoint derives its own client from it with
 * {@link #derive()} ({@code newBuilder()}), which shares the connection pool and the dispatcher
 * while setting its own TLS, timeouts and interceptors. Do not shut the shared pool down.
 *
 * <p>gzip: OkHttp asks for gzip and decompresses it transparently as long as the caller does not
 * set {@code Accept-Encoding} itself, so nobody here does.
 */
public final class HttpClients {
    private static final OkHttpClient SHARED = new OkHttpClient.Builder()
            .connectionPool(new ConnectionPool(8, 5, TimeUnit.MINUTES))
            .dispatcher(new Dispatcher())
            .connectTimeout(Duration.ofSeconds(10))
            .readTimeout(Duration.ofSeconds(30))
            .writeTimeout(Duration.ofSeconds(30))
            .build();

    private HttpClients() {
    }

    /** The shared client: use it as is for plain requests, or {@link #derive()} from it. */
    public static OkHttpClient shared() {
        return SHARED;
    }

    /** A builder that shares the pool and dispatcher with {@link #shared()}. */
    public static OkHttpClient.Builder derive() {
        return SHARED.newBuilder();
    }

    /**
     * A derived client with the given TLS settings and one time limit per call (connect, write,
     * read and the whole call are bounded by it; connect by at most 10 s).
     */
    public static OkHttpClient.Builder derive(TlsSettings tls, Duration callTimeout) {
        OkHttpClient.Builder builder = derive()
                .callTimeout(callTimeout)
                .readTimeout(callTimeout)
                .writeTimeout(callTimeout)
                .connectTimeout(callTimeout.compareTo(Duration.ofSeconds(10)) < 0 ? callTimeout
                        : Duration.ofSeconds(10));
        Tls.apply(builder, tls);
        return builder;
    }
}
