package legion.intake;

import java.nio.file.Path;
import java.util.Locale;

import org.springframework.stereotype.Component;

import legion.outbox.MailTransport;

/**
 * Mail to volunteers that cannot wait for the outbox (one-time codes): sent at once through the platform's one
 * {@link MailTransport} (SMTP when configured, else {@code <data-dir>/outbox/*.eml}). Everything else a volunteer is
 * told goes through the transactional {@link legion.outbox.Outbox}.
 */
@Component
public class VolunteerMail {

    private final MailTransport transport;

    VolunteerMail(MailTransport transport) {
        this.transport = transport;
    }

    public void send(String to, String subject, String text, Locale language) {
        transport.send(to, subject, text, language, null);
    }

    /** Where unsent mail goes when no SMTP server is configured. */
    public Path outbox() {
        return transport.directory();
    }
}
