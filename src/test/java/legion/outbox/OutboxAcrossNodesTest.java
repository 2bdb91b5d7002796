package legion.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import legion.support.Applications;
import legion.support.Http;
import legion.support.LegionProcess;
import legion.support.TestDatabase;

/**
 * The outbox's promise with real processes and a real SMTP server (GreenMail in this JVM): a node killed with SIGKILL
 * while it sends, then two nodes on one PostgreSQL sending the rest and their own. No message reaches the mailbox
 * twice (its {@code Message-ID} is its outbox id), none that was acknowledged is lost: each ends {@code SENT} (and
 * was received once) or, the one the killed node was sending when it died, {@code UNCERTAIN} for an administrator
 * (never resent by itself); the rest of its claimed batch is sent by the others. PostgreSQL only: nodes share PostgreSQL, not the embedded H2.
 */
@Tag("integration")
@EnabledIfSystemProperty(named = "legion.test.db", matches = "postgres")
class OutboxAcrossNodesTest {

    static final GreenMail SMTP = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

    static {
        SMTP.start();
    }

    @AfterAll
    static void stop() {
        SMTP.stop();
    }

    @TempDir
    Path dir;

    /** Its own database: the cached test applications of this JVM send the shared test database's mail. */
    static String url;

    @BeforeAll
    static void ownDatabase() {
        url = TestDatabase.ownPostgresDatabase("outbox");
    }

    @Test
    void noMessageTwiceNoneLostWithANodeKilledMidSendAndTwoNodesSharing() throws Exception {
        LegionProcess a = start("a").awaitServing(Duration.ofSeconds(120));
        ConcurrentLinkedQueue<String> acknowledged = new ConcurrentLinkedQueue<>();
        try {
            submit(a, 80, acknowledged);
            // kill it while it works through the queue: some sent, some perhaps claimed, the rest still queued
            Instant until = Instant.now().plusSeconds(60);
            while (SMTP.getReceivedMessages().length < 10 && Instant.now().isBefore(until)) {
                Thread.sleep(10);
            }
            a.kill();
        } finally {
            a.kill();
        }
        int receivedFromA = SMTP.getReceivedMessages().length;
        assertThat(receivedFromA).as("node a sent some before it was killed").isGreaterThan(0);

        LegionProcess b = start("b");
        LegionProcess c = start("c");
        try {
            b.awaitServing(Duration.ofSeconds(120));
            c.awaitServing(Duration.ofSeconds(120));
            submit(b, 20, acknowledged);
            submit(c, 20, acknowledged);
            Instant until = Instant.now().plusSeconds(120);
            while (pending() > 0 && Instant.now().isBefore(until)) {
                Thread.sleep(200);
            }
            assertThat(pending()).as("messages still queued or being sent").isZero();
        } finally {
            b.kill();
            c.kill();
        }

        Map<String, Integer> received = new HashMap<>();
        for (MimeMessage m : SMTP.getReceivedMessages()) {
            received.merge(m.getMessageID(), 1, Integer::sum);
        }
        assertThat(received.values()).as("a message delivered twice").allMatch(n -> n == 1);

        Map<Long, String> rows = rows();
        List<String> wrong = new ArrayList<>();
        for (var row : rows.entrySet()) {
            boolean got = received.keySet().stream().anyMatch(id -> id.startsWith("<outbox-" + row.getKey() + "@"));
            if (row.getValue().equals("SENT") && !got) {
                wrong.add(row.getKey() + " SENT but never received");
            } else if (!row.getValue().equals("SENT") && !row.getValue().equals("UNCERTAIN")) {
                wrong.add(row.getKey() + " " + row.getValue());
            }
        }
        assertThat(wrong).isEmpty();
        assertThat(received).hasSizeLessThanOrEqualTo(rows.size());
        // every acknowledged application has its acknowledgement (queued in its transaction)
        assertThat(acknowledgements()).containsAll(acknowledged);
        long uncertain = rows.values().stream().filter("UNCERTAIN"::equals).count();
        assertThat(uncertain).as("only the message the killed node was sending").isLessThanOrEqualTo(1);
    }

    private void submit(LegionProcess node, int count, ConcurrentLinkedQueue<String> acknowledged) throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(4);
        Http http = node.http();
        for (int i = 0; i < count; i++) {
            clients.submit(() -> {
                Http.Response r = http.postJson("/api/v1/enlistments", Http.json(Applications.valid()));
                if (r.status() == 201) {
                    acknowledged.add(r.json().get("reference").stringValue());
                }
                return null;
            });
        }
        clients.shutdown();
        clients.awaitTermination(120, TimeUnit.SECONDS);
    }

    private LegionProcess start(String name) throws Exception {
        return LegionProcess.start(dir.resolve(name), LegionProcess.freePort(), "384m", List.of(
                "--spring.datasource.url=" + url, "--legion.demo.enabled=false", "--legion.screening.enabled=false",
                "--spring.mail.host=127.0.0.1", "--spring.mail.port=" + SMTP.getSmtp().getPort(),
                "--legion.outbox.interval-ms=100", "--legion.outbox.initial-delay-ms=0", "--legion.outbox.lease=PT3S",
                "--legion.rate-limit.per-client-per-minute=10000000", "--legion.rate-limit.per-client-burst=100000"));
    }

    private static long pending() throws Exception {
        try (Connection c = TestDatabase.connect(url); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select count(*) from outbox_message where status in ('QUEUED', 'CLAIMED', 'SENDING')")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static Map<Long, String> rows() throws Exception {
        Map<Long, String> rows = new HashMap<>();
        try (Connection c = TestDatabase.connect(url); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select id, status from outbox_message")) {
            while (rs.next()) {
                rows.put(rs.getLong(1), rs.getString(2));
            }
        }
        return rows;
    }

    private static List<String> acknowledgements() throws Exception {
        List<String> references = new ArrayList<>();
        try (Connection c = TestDatabase.connect(url); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select e.reference from outbox_message m join enlistment e "
                     + "on m.dedupe_key = concat('enlistment:', e.id, ':SUBMITTED')")) {
            while (rs.next()) {
                references.add(rs.getString(1));
            }
        }
        return references;
    }
}
