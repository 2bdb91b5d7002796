package legion.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

/**
 * Reads the file outbox (where mail goes when no SMTP server is configured) as a mail client would: each file a MIME
 * message. The code ends its line of the text in every language ("Your security code is 123456", "Twój kod
 * bezpieczeństwa to 123456").
 */
public final class Outbox {

    private static final Pattern CODE = Pattern.compile("(?m)\\s(\\d{6})$");

    /** One message as read back: its decoded subject and text, and the raw MIME source. */
    public record Message(String subject, String text, String contentType, String contentLanguage, String raw) {

        /** The subject line and the text as a reader sees them. */
        public String asRead() {
            return "Subject: " + subject + "\n\n" + text;
        }
    }

    private Outbox() {
    }

    public static String codeFor(Path outbox, String reference) {
        Message m = newestFor(outbox, reference, true);
        Matcher code = CODE.matcher(m.text());
        code.find();
        return code.group(1);
    }

    /** The newest message with a security code whose text mentions the reference (not a notice sent meanwhile). */
    public static Message newestCodeFor(Path outbox, String reference) {
        return newestFor(outbox, reference, true);
    }

    /** The newest message whose text mentions the reference. */
    public static Message newestFor(Path outbox, String reference) {
        return newestFor(outbox, reference, false);
    }

    private static Message newestFor(Path outbox, String reference, boolean withCode) {
        try (Stream<Path> files = Files.list(outbox)) {
            for (Path f : files.sorted(Comparator.comparing(Path::getFileName).reversed()).toList()) {
                Message m = read(f);
                if (m.text().contains(reference) && (!withCode || CODE.matcher(m.text()).find())) {
                    return m;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new IllegalStateException("no " + (withCode ? "code" : "mail") + " for " + reference + " in the outbox");
    }

    public static Message read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            MimeMessage m = new MimeMessage(Session.getInstance(new Properties()), in);
            return new Message(m.getSubject(), String.valueOf(m.getContent()).replace("\r\n", "\n"), m.getContentType(),
                    m.getHeader("Content-Language", null), Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (MessagingException e) {
            throw new IllegalStateException("not a MIME message: " + file.getFileName(), e);
        }
    }
}
