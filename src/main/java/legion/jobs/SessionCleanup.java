package legion.jobs;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.stereotype.Component;

/**
 * Removes expired HTTP sessions from the database (Spring Session JDBC, ADR 0143), on one node at a time: Spring
 * Session's own clean-up would run on every node every minute ({@code spring.session.jdbc.cleanup-cron=-} turns it
 * off). An expired session is refused on read whether or not it was removed yet; this only keeps the table small.
 */
@Component
class SessionCleanup {

    private final ObjectProvider<JdbcIndexedSessionRepository> sessions;

    SessionCleanup(ObjectProvider<JdbcIndexedSessionRepository> sessions) {
        this.sessions = sessions;
    }

    @Scheduled(fixedDelayString = "${legion.sessions.cleanup-interval:PT1M}",
            initialDelayString = "${legion.sessions.cleanup-interval:PT1M}")
    @SchedulerLock(name = "http-session-cleanup", lockAtMostFor = "PT5M")
    void scheduled() {
        sessions.ifAvailable(JdbcIndexedSessionRepository::cleanUpExpiredSessions);
    }
}
