package dev.gaday.testkit.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** A throwaway cluster: answers SQL on its loopback port, and is gone (port and directory) after close. */
class PostgresServerIT {
    @Test
    void startsAnswersAndCleansUp() throws Exception {
        int port;
        Path directory;
        try (PostgresServer server = PostgresServer.start()) {
            port = server.port();
            directory = server.directory();
            assertEquals("jdbc:postgresql://127.0.0.1:" + port + "/postgres", server.jdbcUrl());
            assertEquals("42", server.psql("select 40 + 2").strip());
            assertEquals("127.0.0.1", server.psql("show listen_addresses").strip());
            assertTrue(Files.exists(directory.resolve("data/PG_VERSION")));
        }
        assertThrows(java.io.IOException.class, () -> new Socket("127.0.0.1", port).close());
        assertFalse(Files.exists(directory));
    }
}
