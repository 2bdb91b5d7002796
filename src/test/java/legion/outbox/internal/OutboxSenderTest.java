package legion.outbox.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionTemplate;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import legion.outbox.Mail;
import legion.outbox.MailTransport;
import legion.outbox.Outbox;
import legion.outbox.OutboxStatus;
import legion.privacy.FieldCipher;
import legion.shared.Actor;
import legion.shared.Role;
import legion.support.MutableClock;
import legion.support.SwitchableProxy;
import legion.support.TestDatabase;

/**
 * The outbox against a real SMTP server (GreenMail, in-process) and the real database: queued only in a transaction,
 * once per dedupe key, sent once even by two senders at once, retried with back-off when the server is down, given
 * up after the last attempt, and never resent by itself when a sender died mid-send.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"legion.outbox.initial-delay-ms=3600000", "legion.outbox.interval-ms=3600000"})
@ContextConfiguration(initializers = TestDatabase.class)
@Tag("integration")
class OutboxSenderTest {

    /** A fixed port: the server is stopped and started again in one test, and must come back where it was. */
    static final GreenMail SMTP = new GreenMail(new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

    static {
        SMTP.start();
    }

    @DynamicPropertySource
    static void mail(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP.getSmtp().getPort());
        registry.add("spring.mail.properties.mail.smtp.connectiontimeout", () -> "2000");
    }

    static int freePort() {
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @AfterAll
    static void stop() {
        SMTP.stop();
    }

    @org.springframework.boot.test.web.server.LocalServerPort
    int port;
    @Autowired
    Outbox outbox;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    FieldCipher cipher;
    @Autowired
    MailTransport transport;
    @Autowired
    org.springframework.beans.factory.ObjectProvider<org.springframework.mail.javamail.JavaMailSender> transportsSender;

    final MutableClock clock = new MutableClock(Instant.parse("2027-03-01T09:00:00Z"));

    @BeforeEach
    void empty() throws Exception {
        jdbc.sql("delete from outbox_message").update();
        SMTP.purgeEmailFromAllMailboxes();
    }

    OutboxSender sender(int maxAttempts) {
        return new OutboxSender(jdbc, tx, cipher, transport, Optional.of(clock), 50, maxAttempts, Duration.ofSeconds(30),
                Duration.ofMinutes(5));
    }

    void queue(String key, String to) {
        tx.executeWithoutResult(s -> outbox.enqueue(new Mail(key, "TEST", to, "Ваша заявка LGN-TEST",
                "Привіт, Taras — žluťoučký kůň ✓", Locale.forLanguageTag("uk"))));
    }

    String status(String key) {
        return jdbc.sql("select status from outbox_message where dedupe_key = ?").param(key).query(String.class).single();
    }

    /** The addressees of every message the server received, each once. */
    static Set<String> recipients() throws Exception {
        Set<String> recipients = new HashSet<>();
        for (MimeMessage m : SMTP.getReceivedMessages()) {
            recipients.add(String.valueOf(m.getAllRecipients()[0]));
        }
        return recipients;
    }

    /** Without an SMTP server a message is a file of the data directory, readable by its owner only. */
    @Test
    void withoutSmtpAMessageIsAnOwnerOnlyEmlFileAMailReaderOpens(@org.junit.jupiter.api.io.TempDir
                                                                 java.nio.file.Path data) throws Exception {
        MailTransport files = new MailTransport(transportsSender, "", "no-reply@legion.example", data.toString()) {
        };
        assertThat(files.overSmtp()).isFalse();
        files.send("taras@example.org", "Заявку отримано", "Дякуємо, Тарасе.\nLGN-AAAA-BBBB ✓",
                Locale.forLanguageTag("uk"), "outbox-42");

        List<java.nio.file.Path> written;
        try (var listing = java.nio.file.Files.list(data.resolve("outbox"))) {
            written = listing.toList();
        }
        assertThat(written).hasSize(1);
        java.nio.file.Path file = written.get(0);
        assertThat(file.getFileName().toString()).endsWith(".eml");
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(
                java.nio.file.Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        try (var in = java.nio.file.Files.newInputStream(file)) {
            MimeMessage read = new MimeMessage(jakarta.mail.Session.getInstance(new java.util.Properties()), in);
            assertThat(read.getSubject()).isEqualTo("Заявку отримано");
            assertThat(read.getAllRecipients()).extracting(Object::toString).containsExactly("taras@example.org");
            assertThat(read.getMessageID()).isEqualTo("<outbox-42@legion.example>");
            assertThat(read.getHeader("Content-Language", null)).isEqualTo("uk");
            assertThat(((String) read.getContent()).replace("\r\n", "\n"))
                    .isEqualTo("Дякуємо, Тарасе.\nLGN-AAAA-BBBB ✓");
        }
    }

    @Test
    void queuesOnlyInsideATransactionAndOncePerKey() {
        assertThatThrownBy(() -> outbox.enqueue(new Mail("k0", "TEST", "a@example.org", "s", "t", Locale.ENGLISH)))
                .isInstanceOf(IllegalTransactionStateException.class);
        queue("k1", "a@example.org");
        queue("k1", "a@example.org");
        assertThat(jdbc.sql("select count(*) from outbox_message").query(Long.class).single()).isEqualTo(1);
        // a rolled-back change queues nothing
        tx.executeWithoutResult(s -> {
            outbox.enqueue(new Mail("k2", "TEST", "b@example.org", "s", "t", Locale.ENGLISH));
            s.setRollbackOnly();
        });
        assertThat(jdbc.sql("select count(*) from outbox_message").query(Long.class).single()).isEqualTo(1);
        // at rest, neither the address nor the text is readable
        String raw = jdbc.sql("select recipient || subject || body from outbox_message").query(String.class).single();
        assertThat(raw).doesNotContain("example.org").doesNotContain("Taras").doesNotContain("LGN-TEST");
    }

    @Test
    void sendsAUtf8MimeMessageOnceAndKeepsNothingPersonalAfterwards() throws Exception {
        queue("k1", "taras@example.org");

        assertThat(sender(8).sendBatch()).isEqualTo(1);
        assertThat(sender(8).sendBatch()).isZero();

        MimeMessage[] got = SMTP.getReceivedMessages();
        assertThat(got).hasSize(1);
        assertThat(got[0].getSubject()).isEqualTo("Ваша заявка LGN-TEST");
        assertThat(String.valueOf(got[0].getContent())).contains("Привіт, Taras — žluťoučký kůň ✓");
        assertThat(got[0].getContentType()).containsIgnoringCase("charset=UTF-8");
        assertThat(got[0].getHeader("Content-Language", null)).isEqualTo("uk");
        assertThat(got[0].getMessageID()).startsWith("<outbox-");
        assertThat(status("k1")).isEqualTo("SENT");
        assertThat(jdbc.sql("select count(*) from outbox_message where recipient is not null or body is not null")
                .query(Long.class).single()).isZero();
    }

    @Test
    void twoSendersAtOnceSendEachMessageExactlyOnce() throws Exception {
        for (int i = 0; i < 120; i++) {
            queue("many-" + i, "v" + i + "@example.org");
        }
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> runs = new ArrayList<>();
            for (int node = 0; node < 2; node++) {
                OutboxSender s = sender(8);
                runs.add(pool.submit(() -> {
                    int total = 0;
                    int n;
                    while ((n = s.sendBatch()) > 0) {
                        total += n;
                    }
                    return total;
                }));
            }
            assertThat(runs.get(0).get() + runs.get(1).get()).isEqualTo(120);
        } finally {
            pool.shutdownNow();
        }
        MimeMessage[] got = SMTP.getReceivedMessages();
        Set<String> ids = new HashSet<>();
        for (MimeMessage m : got) {
            ids.add(m.getMessageID());
        }
        assertThat(got).hasSize(120);
        assertThat(ids).hasSize(120);
        assertThat(outbox.counts().get(OutboxStatus.SENT)).isEqualTo(120);
    }

    @Test
    void aServerThatIsDownIsRetriedWithBackOffThenGivenUpAndAnAdministratorCanResend() {
        queue("k1", "a@example.org");
        SMTP.stop();
        try {
            OutboxSender sender = sender(3);
            sender.sendBatch();
            assertThat(status("k1")).isEqualTo("QUEUED");
            assertThat(outbox.needingAttention(10)).singleElement()
                    .satisfies(e -> assertThat(e.lastError()).startsWith("MailNotSentException"));
            // not due again before the back-off (30 s, then 60 s)
            clock.advance(Duration.ofSeconds(29));
            assertThat(sender.sendBatch()).isZero();
            clock.advance(Duration.ofSeconds(1));
            assertThat(sender.sendBatch()).isEqualTo(1);
            clock.advance(Duration.ofSeconds(59));
            assertThat(sender.sendBatch()).isZero();
            clock.advance(Duration.ofSeconds(1));
            assertThat(sender.sendBatch()).isEqualTo(1);
            assertThat(status("k1")).isEqualTo("FAILED");
            clock.advance(Duration.ofDays(1));
            assertThat(sender.sendBatch()).isZero();
        } finally {
            SMTP.start();
        }
        long id = jdbc.sql("select id from outbox_message").query(Long.class).single();
        assertThat(outbox.resend(id, new Actor("admin", Role.ADMINISTRATOR, null))).isTrue();
        assertThat(sender(3).sendBatch()).isEqualTo(1);
        assertThat(SMTP.getReceivedMessages()).hasSize(1);
        assertThat(outbox.resend(id, new Actor("admin", Role.ADMINISTRATOR, null))).as("a sent one").isFalse();
    }

    @Test
    void aMessageLeftSendingByADeadNodeIsNeverResentByItself() {
        queue("k1", "a@example.org");
        // a node claimed it and died before recording the outcome
        jdbc.sql("update outbox_message set status = 'SENDING', claim = 'dead-node', claimed_at = ?")
                .param(clock.instant().atOffset(java.time.ZoneOffset.UTC)).update();
        OutboxSender sender = sender(8);
        sender.expireClaims();
        assertThat(status("k1")).as("within the lease").isEqualTo("SENDING");
        clock.advance(Duration.ofMinutes(6));
        sender.expireClaims();
        assertThat(status("k1")).isEqualTo("UNCERTAIN");
        clock.advance(Duration.ofDays(1));
        sender.run();
        assertThat(SMTP.getReceivedMessages()).isEmpty();
        assertThat(outbox.needingAttention(10)).extracting(e -> e.status()).containsExactly(OutboxStatus.UNCERTAIN);
    }

    @Test
    void aNodeKilledJustAfterTheServerTookAMessageLeavesThatOneUncertainAndSendsNothingTwice() throws Exception {
        for (int i = 1; i <= 5; i++) {
            queue("k" + i, "v" + i + "@example.org");
        }
        // the third message reaches the server, then the node dies before it can note so
        MailTransport dying = new MailTransport(transportsSender, "127.0.0.1", "no-reply@legion.example", "target") {
            int sent;

            @Override
            public void send(String to, String subject, String text, Locale language, String messageId) {
                super.send(to, subject, text, language, messageId);
                if (++sent == 3) {
                    throw new Error("the node died");
                }
            }
        };
        OutboxSender killed = new OutboxSender(jdbc, tx, cipher, dying, Optional.of(clock), 50, 8,
                Duration.ofSeconds(30), Duration.ofMinutes(5));
        assertThatThrownBy(killed::sendBatch).hasMessage("the node died");
        assertThat(SMTP.getReceivedMessages()).hasSize(3);
        assertThat(List.of(status("k1"), status("k2"), status("k3"), status("k4"), status("k5")))
                .containsExactly("SENT", "SENT", "SENDING", "CLAIMED", "CLAIMED");

        // another node, once the dead one's lease has run out: the untried ones go, the one in doubt does not
        clock.advance(Duration.ofMinutes(6));
        OutboxSender other = sender(8);
        other.run();
        assertThat(List.of(status("k1"), status("k2"), status("k3"), status("k4"), status("k5")))
                .containsExactly("SENT", "SENT", "UNCERTAIN", "SENT", "SENT");
        Set<String> recipients = recipients();
        assertThat(SMTP.getReceivedMessages()).as("each once").hasSize(5);
        assertThat(recipients).hasSize(5);
    }

    @Test
    void aBatchGoesOverOneSmtpConnectionAndOverANewOneWhenTheServerDropsIt() throws Exception {
        for (int i = 1; i <= 6; i++) {
            queue("k" + i, "v" + i + "@example.org");
        }
        try (SwitchableProxy relay = new SwitchableProxy(SMTP.getSmtp().getPort())) {
            JavaMailSenderImpl smtp = new JavaMailSenderImpl();
            smtp.setHost("127.0.0.1");
            smtp.setPort(relay.port());
            var senders = new StaticListableBeanFactory(Map.of("mail", smtp)).getBeanProvider(JavaMailSender.class);
            // after the third message the server drops the connection, as one with a time-out or a limit would
            MailTransport dropping = new MailTransport(senders, "127.0.0.1", "no-reply@legion.example", "target") {
                int sent;

                @Override
                public void send(String to, String subject, String text, Locale language, String messageId) {
                    super.send(to, subject, text, language, messageId);
                    if (++sent == 3) {
                        relay.dropConnections();
                    }
                }
            };
            OutboxSender sender = new OutboxSender(jdbc, tx, cipher, dropping, Optional.of(clock), 50, 8,
                    Duration.ofSeconds(30), Duration.ofMinutes(5));

            assertThat(sender.sendBatch()).isEqualTo(6);

            assertThat(relay.connections()).as("one for the first three messages, one for the rest").isEqualTo(2);
        }
        assertThat(List.of(status("k1"), status("k2"), status("k3"), status("k4"), status("k5"), status("k6")))
                .containsOnly("SENT");
        Set<String> recipients = recipients();
        assertThat(SMTP.getReceivedMessages()).as("each once").hasSize(6);
        assertThat(recipients).hasSize(6);
    }

    /** One scheduled run of a sender with four connections and batches of {@code batch}, then its threads stopped. */
    private void runOnFourConnections(MailTransport over, int batch) {
        OutboxSender four = new OutboxSender(jdbc, tx, cipher, over, Optional.of(clock), batch, 8,
                Duration.ofSeconds(30), Duration.ofMinutes(5), 4);
        try {
            four.run();
        } finally {
            four.stop();
        }
    }

    @Test
    void overFourConnectionsOnePersonsMessagesArriveInTheOrderTheyWereQueued() throws Exception {
        for (int i = 1; i <= 120; i++) {
            queue("o" + i, i % 3 == 0 ? "Same@Example.org" : "v" + i + "@example.org");
        }
        List<Long> queued = jdbc.sql("select id from outbox_message where recipient is not null order by id")
                .query(Long.class).list();
        // a relay a few milliseconds away, as in production: the connections overlap
        MailTransport relay = new MailTransport(transportsSender, "127.0.0.1", "no-reply@legion.example", "target") {
            @Override
            public void send(String to, String subject, String text, Locale language, String messageId) {
                try {
                    Thread.sleep(3);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                super.send(to, subject, text, language, messageId);
            }
        };
        runOnFourConnections(relay, 10);
        assertThat(SMTP.getReceivedMessages()).hasSize(120);
        List<Long> arrived = new ArrayList<>();
        for (MimeMessage m : SMTP.getReceivedMessages()) {
            if (String.valueOf(m.getAllRecipients()[0]).equalsIgnoreCase("same@example.org")) {
                arrived.add(Long.parseLong(m.getMessageID().replaceAll("^<outbox-(\\d+)@.*$", "$1")));
            }
        }
        assertThat(arrived).hasSize(40).isSorted();
        assertThat(queued).containsAll(arrived);
    }

    @Test
    void fourConnectionsShareTheQueueAndSendEveryMessageOnce() throws Exception {
        for (int i = 1; i <= 230; i++) {
            queue("k" + i, "v" + i + "@example.org");
        }
        runOnFourConnections(transport, 50);
        assertThat(jdbc.sql("select count(*) from outbox_message where status = 'SENT'").query(Long.class).single())
                .isEqualTo(230);
        Set<String> recipients = recipients();
        assertThat(SMTP.getReceivedMessages()).as("each once").hasSize(230);
        assertThat(recipients).hasSize(230);
    }

    @Test
    void administratorsSeeFailedMailWithoutItsContentAndSendItAgain() {
        queue("k1", "secret-recipient@example.org");
        SMTP.stop();
        try {
            sender(1).sendBatch();
        } finally {
            SMTP.start();
        }
        long id = jdbc.sql("select id from outbox_message").query(Long.class).single();
        legion.support.ConsoleSession admin = legion.support.ConsoleSession.login(port, "admin", "demo-password");
        var page = admin.get("/console/admin/outbox");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("data-id=\"" + id + "\"").contains("MailNotSentException")
                .doesNotContain("secret-recipient").doesNotContain("Taras");
        var resent = admin.postWithToken("/console/admin/outbox/" + id + "/resend", page, java.util.Map.of());
        assertThat(resent.status()).isEqualTo(302);
        assertThat(status("k1")).isEqualTo("QUEUED");
        // not for other officers
        assertThat(legion.support.ConsoleSession.login(port, "vetting1", "demo-password").get("/console/admin/outbox")
                .status()).isEqualTo(403);
    }

    @Test
    void unsentMessagesOfAnErasedPersonAreDropped() {
        queue("enlistment:x1:SUBMITTED", "a@example.org");
        queue("enlistment:x1:APPROVED", "a@example.org");
        queue("enlistment:x11:SUBMITTED", "b@example.org");

        assertThat(outbox.discardUnsent("enlistment:x1:")).isEqualTo(2);

        assertThat(jdbc.sql("select dedupe_key from outbox_message").query(String.class).list())
                .containsExactly("enlistment:x11:SUBMITTED");
    }
}
