package dev.gaday.ws.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A throw-away CA and a server certificate for 127.0.0.1 (IP SAN), made at test time. */
final class TlsTestCa {
    static final String PASSWORD = "test-pass";

    final Path caPem;
    final Path serverKeystore;

    private TlsTestCa(Path caPem, Path serverKeystore) {
        this.caPem = caPem;
        this.serverKeystore = serverKeystore;
    }

    /** openssl when installed (four quick processes); otherwise keytool (seven JVM starts, slow on a busy box). */
    static TlsTestCa create(Path dir) throws IOException, InterruptedException {
        return onPath("openssl") ? withOpenssl(dir) : withKeytool(dir);
    }

    private static boolean onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String entry : path.split(java.io.File.pathSeparator)) {
            if (java.nio.file.Files.isExecutable(Path.of(entry, program))) {
                return true;
            }
        }
        return false;
    }

    private static TlsTestCa withOpenssl(Path dir) throws IOException, InterruptedException {
        Path caKey = dir.resolve("ca.key");
        Path caPem = dir.resolve("ca.pem");
        Path key = dir.resolve("server.key");
        Path csr = dir.resolve("server.csr");
        Path serverPem = dir.resolve("server.pem");
        Path extensions = java.nio.file.Files.writeString(dir.resolve("san.ext"), "subjectAltName=IP:127.0.0.1\n");
        Path server = dir.resolve("server.p12");
        exec(
                "openssl",
                "req",
                "-x509",
                "-newkey",
                "ec",
                "-pkeyopt",
                "ec_paramgen_curve:prime256v1",
                "-nodes",
                "-keyout",
                caKey.toString(),
                "-out",
                caPem.toString(),
                "-days",
                "2",
                "-subj",
                "/CN=ws-health test CA",
                "-addext",
                "basicConstraints=critical,CA:TRUE",
                "-addext",
                "keyUsage=critical,keyCertSign,cRLSign");
        exec(
                "openssl",
                "req",
                "-newkey",
                "ec",
                "-pkeyopt",
                "ec_paramgen_curve:prime256v1",
                "-nodes",
                "-keyout",
                key.toString(),
                "-out",
                csr.toString(),
                "-subj",
                "/CN=127.0.0.1");
        exec(
                "openssl",
                "x509",
                "-req",
                "-in",
                csr.toString(),
                "-CA",
                caPem.toString(),
                "-CAkey",
                caKey.toString(),
                "-CAcreateserial",
                "-out",
                serverPem.toString(),
                "-days",
                "2",
                "-extfile",
                extensions.toString());
        exec(
                "openssl",
                "pkcs12",
                "-export",
                "-in",
                serverPem.toString(),
                "-inkey",
                key.toString(),
                "-certfile",
                caPem.toString(),
                "-out",
                server.toString(),
                "-passout",
                "pass:" + PASSWORD);
        return new TlsTestCa(caPem, server);
    }

    private static TlsTestCa withKeytool(Path dir) throws IOException, InterruptedException {
        Path ca = dir.resolve("ca.p12");
        Path caPem = dir.resolve("ca.pem");
        Path server = dir.resolve("server.p12");
        Path csr = dir.resolve("server.csr");
        Path serverPem = dir.resolve("server.pem");
        keytool(
                "-genkeypair",
                "-alias",
                "ca",
                "-keyalg",
                "EC",
                "-groupname",
                "secp256r1",
                "-dname",
                "CN=ws-health test CA",
                "-ext",
                "bc:c",
                "-validity",
                "2",
                "-keystore",
                ca.toString(),
                "-storetype",
                "PKCS12",
                "-storepass",
                PASSWORD);
        keytool(
                "-exportcert",
                "-rfc",
                "-alias",
                "ca",
                "-keystore",
                ca.toString(),
                "-storepass",
                PASSWORD,
                "-file",
                caPem.toString());
        keytool(
                "-genkeypair",
                "-alias",
                "server",
                "-keyalg",
                "EC",
                "-groupname",
                "secp256r1",
                "-dname",
                "CN=127.0.0.1",
                "-validity",
                "2",
                "-keystore",
                server.toString(),
                "-storetype",
                "PKCS12",
                "-storepass",
                PASSWORD);
        keytool(
                "-certreq",
                "-alias",
                "server",
                "-keystore",
                server.toString(),
                "-storepass",
                PASSWORD,
                "-file",
                csr.toString());
        keytool(
                "-gencert",
                "-rfc",
                "-alias",
                "ca",
                "-keystore",
                ca.toString(),
                "-storepass",
                PASSWORD,
                "-infile",
                csr.toString(),
                "-outfile",
                serverPem.toString(),
                "-ext",
                "san=ip:127.0.0.1",
                "-validity",
                "2");
        keytool(
                "-importcert",
                "-noprompt",
                "-alias",
                "ca",
                "-file",
                caPem.toString(),
                "-keystore",
                server.toString(),
                "-storepass",
                PASSWORD);
        keytool(
                "-importcert",
                "-noprompt",
                "-alias",
                "server",
                "-file",
                serverPem.toString(),
                "-keystore",
                server.toString(),
                "-storepass",
                PASSWORD);
        return new TlsTestCa(caPem, server);
    }

    private static void keytool(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(args));
        run(command);
    }

    private static void exec(String... command) throws IOException, InterruptedException {
        run(List.of(command));
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
        String[] args = command.toArray(String[]::new);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IOException(String.join(" ", args) + " failed: " + output);
        }
    }
}
