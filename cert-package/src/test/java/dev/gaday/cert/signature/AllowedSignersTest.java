package dev.gaday.cert.signature;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** allowed_signers as ssh-keygen(1) describes it: principals, options, comments, and malformed lines. */
class AllowedSignersTest {
    private static final Instant NOW = Instant.parse("2026-12-06T12:00:00Z");
    private static final String NS = "ga-certification";

    private static String ed25519() {
        return KeyFixtures.text("ed25519.pub").strip();
    }

    private static String rsa() {
        return KeyFixtures.text("rsa.pub").strip();
    }

    private static AllowedSigners parse(String text) throws SshFormatException {
        return AllowedSigners.parse(text, "signers", ZoneOffset.UTC);
    }

    private static String error(String text) {
        return assertThrows(SshFormatException.class, () -> parse(text)).getMessage();
    }

    @Test
    void principalsOptionsAndCommentsAreRead() throws Exception {
        AllowedSigners signers = parse("# release signers\n\n"
                + "alice@example.com,bob@example.com " + ed25519() + "\n"
                + "  # indented comment\n"
                + "\"carol@example.com,dave@example.com\" namespaces=\"git,ga-certification\" " + rsa() + "\n");
        assertEquals(2, signers.entries().size());
        AllowedSigners.Entry first = signers.entries().get(0);
        assertEquals(3, first.line());
        assertEquals("alice@example.com,bob@example.com", first.principals());
        assertNull(first.namespaces());
        assertEquals(KeyFixtures.publicKey("ed25519.pub"), first.key());
        AllowedSigners.Entry second = signers.entries().get(1);
        assertEquals("carol@example.com,dave@example.com", second.principals());
        assertEquals("git,ga-certification", second.namespaces());
        assertEquals(
                second, signers.find(KeyFixtures.publicKey("rsa.pub"), NS, NOW).entry());
        assertEquals(
                first,
                signers.find(KeyFixtures.publicKey("ed25519.pub"), NS, NOW).entry());
    }

    @Test
    void aNamespacesOptionWithoutGaCertificationDoesNotAllowTheKey() throws Exception {
        AllowedSigners signers = parse("alice namespaces=\"git,file\" " + ed25519() + "\n");
        AllowedSigners.Match match = signers.find(KeyFixtures.publicKey("ed25519.pub"), NS, NOW);
        assertNull(match.entry());
        assertEquals("line 1 (alice) allows namespaces \"git,file\", not ga-certification", match.problem());
        // A later line may still allow it.
        AllowedSigners two =
                parse("alice namespaces=\"git\" " + ed25519() + "\nalice namespaces=\"ga-*\" " + ed25519() + "\n");
        assertEquals(
                2,
                two.find(KeyFixtures.publicKey("ed25519.pub"), NS, NOW).entry().line());
    }

    @Test
    void namespacePatternsFollowOpenSsh() {
        assertTrue(AllowedSigners.matchesPatternList(NS, "ga-certification"));
        assertTrue(AllowedSigners.matchesPatternList(NS, "git,ga-*"));
        assertTrue(AllowedSigners.matchesPatternList(NS, "ga-certificatio?"));
        assertFalse(AllowedSigners.matchesPatternList(NS, "*,!ga-certification"));
        assertFalse(AllowedSigners.matchesPatternList(NS, "ga-cert"));
        assertFalse(AllowedSigners.matchesPatternList(NS, "ga.certification"));
    }

    @Test
    void aKeyNotListedIsNotFound() throws Exception {
        AllowedSigners signers = parse("alice " + ed25519() + "\n");
        AllowedSigners.Match match = signers.find(KeyFixtures.publicKey("rsa.pub"), NS, NOW);
        assertNull(match.entry());
        assertEquals("not listed", match.problem());
    }

    @Test
    void validityTimesAreChecked() throws Exception {
        AllowedSigners expired = parse("alice valid-before=\"20261201Z\" " + ed25519() + "\n");
        assertEquals(
                "line 1 (alice) expired at 2026-12-01T00:00:00Z",
                expired.find(KeyFixtures.publicKey("ed25519.pub"), NS, NOW).problem());
        AllowedSigners later = parse("alice valid-after=\"202612071230Z\" " + ed25519() + "\n");
        assertEquals(
                "line 1 (alice) is valid only after 2026-12-07T12:30:00Z",
                later.find(KeyFixtures.publicKey("ed25519.pub"), NS, NOW).problem());
        AllowedSigners now =
                parse("alice valid-after=\"20261206115959Z\",valid-before=\"20270101\" " + ed25519() + "\n");
        assertEquals(
                1,
                now.find(KeyFixtures.publicKey("ed25519.pub"), NS, NOW).entry().line());
    }

    @Test
    void certAuthorityAndOtherKeyTypesAreIgnoredWithANote() throws Exception {
        AllowedSigners signers = parse("*@example.com cert-authority " + ed25519() + "\n"
                + "eve sk-ssh-ed25519@openssh.com AAAAGnNrLXNzaC1lZDI1NTE5QG9wZW5zc2guY29tAAAAIA==\n"
                + "bob " + rsa() + "\n"
                + "carol " + KeyFixtures.text("ecdsa.pub").strip() + "\n");
        assertEquals(2, signers.entries().size());
        assertEquals(
                List.of(
                        "signers:1: a cert-authority line (certificates are not supported); ignored",
                        "signers:2: a key of type sk-ssh-ed25519@openssh.com (only ssh-ed25519, ssh-rsa, "
                                + "ecdsa-sha2-nistp256/384/521 are checked); ignored"),
                signers.ignored());
        assertNull(signers.find(KeyFixtures.publicKey("ed25519.pub"), NS, NOW).entry());
        assertEquals(
                "carol",
                signers.find(KeyFixtures.publicKey("ecdsa.pub"), NS, NOW)
                        .entry()
                        .principals());
    }

    @Test
    void malformedLinesNameTheirNumber() {
        String key = ed25519();
        String base64 = key.split(" ")[1];
        assertEquals(
                "signers:2: no key type (expected: principals [options] keytype base64-key)",
                error("# comment\nalice\n"));
        assertEquals(
                "signers:1: no key (expected: principals [options] keytype base64-key)", error("alice ssh-ed25519\n"));
        assertEquals("signers:1: unknown option 'no-touch-required'", error("alice no-touch-required " + key));
        assertEquals(
                "signers:1: the value of namespaces must be in double quotes",
                error("alice namespaces=ga-certification " + key));
        assertEquals("signers:1: a quote is not closed", error("alice namespaces=\"ga,x " + key));
        assertEquals("signers:1: the key is not valid base64", error("alice ssh-ed25519 not*base64"));
        assertEquals("signers:1: the key is of type ssh-ed25519, not ssh-rsa", error("alice ssh-rsa " + base64));
        assertEquals("signers:1: an empty principal in 'alice,'", error("alice, " + key));
        assertEquals(
                "signers:1: valid-after \"2026-12-01\" is not a time (YYYYMMDD, YYYYMMDDHHMM or YYYYMMDDHHMMSS, Z "
                        + "for UTC)",
                error("alice valid-after=\"2026-12-01\" " + key));
        assertEquals(
                "signers:1: the key is malformed (a length beyond its end)",
                error("alice ssh-ed25519 " + base64.substring(0, 40)));
    }
}
