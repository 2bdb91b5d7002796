package legion.intake;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.UUID;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * Mail to volunteers. With SMTP configured ({@code spring.mail.host} …) it is sent; without (the embedded demo) each
 * message is written to {@code <data-dir>/outbox/} instead, owner-only, so nothing personal reaches a log.
 */
@Component
public class VolunteerMail {

    private final ObjectProvider<JavaMailSender> sender;
    private final String host;
    private final String from;
    private final Path outbox;

    VolunteerMail(ObjectProvider<JavaMailSender> sender, @Value("${spring.mail.host:}") String host,
                  @Value("${legion.mail.from:no-reply@legion.example}") String from,
                  @Value("${legion.data-dir:./data}") String dataDir) {
        this.sender = sender;
        this.host = host;
        this.from = from;
        this.outbox = Path.of(dataDir, "outbox");
    }

    public void send(String to, String subject, String text) {
        JavaMailSender mail = sender.getIfAvailable();
        if (!host.isBlank() && mail != null) {
            SimpleMailMessage m = new SimpleMailMessage();
            m.setFrom(from);
            m.setTo(to);
            m.setSubject(subject);
            m.setText(text);
            mail.send(m);
            return;
        }
        try {
            Files.createDirectories(outbox);
            Path file = outbox.resolve(Instant.now().toEpochMilli() + "-" + UUID.randomUUID() + ".eml");
            Files.writeString(file, "From: " + from + "\nTo: " + to + "\nSubject: " + subject + "\n\n" + text + "\n",
                    StandardCharsets.UTF_8);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot write to the outbox", e);
        }
    }

    /** Where unsent mail goes when no SMTP server is configured. */
    public Path outbox() {
        return outbox;
    }
}
