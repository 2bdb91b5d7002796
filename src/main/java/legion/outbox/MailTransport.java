package legion.outbox;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Date;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Supplier;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;

/**
 * How a message leaves: over SMTP when {@code spring.mail.host} is configured, else written as an {@code .eml} file
 * (MIME, UTF-8, owner-only) to {@code <data-dir>/outbox/}, so the embedded demo needs no mail server and nothing
 * personal reaches a log. One way out for every mail of the platform.
 */
@Component
public class MailTransport {

    /**
     * Jakarta Mail 2.1 finds its {@code StreamProvider} anew on every encoding of a header or body, by a
     * {@code ServiceLoader} scan of the whole class path (jakartaee/mail-api#861, open): in the executable jar that was
     * half of the outbox sender's time, and the sender fell behind a surge. Named as a system property, it is made
     * directly instead. Unless someone chose another provider, or Angus Mail is missing.
     */
    static {
        String property = "jakarta.mail.util.StreamProvider";
        String angus = "org.eclipse.angus.mail.util.MailStreamProvider";
        if (System.getProperty(property) == null) {
            try {
                Class.forName(angus, false, MailTransport.class.getClassLoader());
                System.setProperty(property, angus);
            } catch (ClassNotFoundException e) {
                // the scan it is
            }
        }
    }

    private final ObjectProvider<JavaMailSender> sender;
    private final String host;
    private final String from;
    private final Path directory;
    /**
     * The session for {@code .eml} files, made once: a new one per message re-read the mail providers from the class
     * path (most of the sender's time); its {@code mail.host} spares a local host name look-up per message.
     */
    private final Session files;
    /** The connection {@link #withConnection} keeps for this thread's sends, while it runs. */
    private final ThreadLocal<Connection> connection = new ThreadLocal<>();
    private volatile JavaMailSender smtp;
    private volatile boolean smtpLookedUp;

    protected MailTransport(ObjectProvider<JavaMailSender> sender, @Value("${spring.mail.host:}") String host,
                  @Value("${legion.mail.from:no-reply@legion.example}") String from,
                  @Value("${legion.data-dir:./data}") String dataDir) {
        this.sender = sender;
        this.host = host;
        this.from = from;
        this.directory = Path.of(dataDir, "outbox");
        Properties properties = new Properties();
        properties.setProperty("mail.host", from.substring(from.indexOf('@') + 1));
        this.files = Session.getInstance(properties);
    }

    /**
     * Sends one message now.
     *
     * @param messageId a stable id for the {@code Message-ID} header (the outbox id), or null for a fresh one
     * @throws MailNotSentException when the server refused it or could not be reached (nothing was delivered)
     */
    public void send(String to, String subject, String text, java.util.Locale language, String messageId) {
        JavaMailSender mail = smtpSender();
        boolean smtp = mail != null;
        try {
            MimeMessage message = smtp ? mail.createMimeMessage() : new MimeMessage(files);
            message.setFrom(new InternetAddress(from));
            message.setRecipient(jakarta.mail.Message.RecipientType.TO, new InternetAddress(to, true));
            message.setSubject(subject, "UTF-8");
            message.setText(text, "UTF-8");
            message.setSentDate(Date.from(Instant.now()));
            message.setHeader("Content-Language", language == null ? "en" : language.toLanguageTag());
            message.setHeader("Auto-Submitted", "auto-generated");
            String id = "<" + (messageId == null ? UUID.randomUUID().toString() : messageId) + "@"
                    + from.substring(from.indexOf('@') + 1) + ">";
            message.saveChanges();
            message.setHeader("Message-ID", id);
            if (smtp) {
                Connection kept = connection.get();
                if (kept != null && mail instanceof JavaMailSenderImpl impl) {
                    kept.send(impl, message);
                } else {
                    mail.send(message);
                }
            } else {
                write(message);
            }
        } catch (MessagingException | org.springframework.mail.MailException e) {
            throw new MailNotSentException(e);
        } catch (IOException e) {
            throw new MailNotSentException(e);
        }
    }

    /** Whether messages leave over SMTP (a server to wait for), not as files. */
    public boolean overSmtp() {
        return smtpSender() != null;
    }

    /**
     * Runs {@code work} with one SMTP connection for every {@link #send} it makes on this thread: opened at the first
     * message, closed when the work ends. Without it each message opens its own (Spring's {@code JavaMailSenderImpl}
     * connects per call: TCP, the greeting, EHLO, STARTTLS and AUTH where configured, QUIT), which to a relay across a
     * network costs more round trips than the message does. Without SMTP configured it only runs the work.
     */
    public <T> T withConnection(Supplier<T> work) {
        if (connection.get() != null) {
            return work.get();
        }
        Connection kept = new Connection();
        connection.set(kept);
        try {
            return work.get();
        } finally {
            connection.remove();
            kept.close();
        }
    }

    /** One kept SMTP connection, made on the first message; a server that dropped it gets a new one, once. */
    private static final class Connection {

        private Transport transport;

        void send(JavaMailSenderImpl impl, MimeMessage message) throws MessagingException {
            boolean reused = transport != null;
            if (!reused) {
                transport = connect(impl);
            }
            try {
                transport.sendMessage(message, message.getAllRecipients());
            } catch (MessagingException e) {
                if (transport.isConnected()) {
                    throw e; // the server refused this message (a recipient, its size): the connection is still good
                }
                close();
                if (!reused) {
                    throw e;
                }
                // the server had closed the kept connection (a time-out, a limit of messages per connection)
                transport = connect(impl);
                try {
                    transport.sendMessage(message, message.getAllRecipients());
                } catch (MessagingException again) {
                    if (!transport.isConnected()) {
                        close();
                    }
                    throw again;
                }
            }
        }

        /** As {@code JavaMailSenderImpl} connects for each of its sends. */
        private static Transport connect(JavaMailSenderImpl impl) throws MessagingException {
            Session session = impl.getSession();
            String protocol = impl.getProtocol();
            if (protocol == null) {
                protocol = session.getProperty("mail.transport.protocol");
            }
            String user = impl.getUsername();
            String password = impl.getPassword();
            if ("".equals(user)) {
                user = null;
                if ("".equals(password)) {
                    password = null;
                }
            }
            Transport t = session.getTransport(protocol == null ? "smtp" : protocol);
            t.connect(impl.getHost(), impl.getPort(), user, password);
            return t;
        }

        void close() {
            if (transport != null) {
                try {
                    transport.close();
                } catch (MessagingException e) {
                    // closing a connection the server already dropped
                }
                transport = null;
            }
        }
    }

    /**
     * The SMTP sender, or null when {@code spring.mail.host} is not set or there is none; looked up once: when there
     * is none, asking the bean factory again resolved the dependency anew (annotations parsed, candidates searched)
     * for every message, a sixth of the outbox sender's time.
     */
    private JavaMailSender smtpSender() {
        if (host.isBlank()) {
            return null;
        }
        JavaMailSender mail = smtp;
        if (mail == null && !smtpLookedUp) {
            mail = sender.getIfAvailable();
            smtp = mail;
            smtpLookedUp = true;
        }
        return mail;
    }

    /**
     * Writes the message as one file readable by its owner only: composed in memory and written at once (the
     * message's own writer puts out a header line at a time, a system call each on an unbuffered file), the file
     * created with its permissions rather than changed after.
     */
    private void write(MimeMessage message) throws IOException, MessagingException {
        java.io.ByteArrayOutputStream composed = new java.io.ByteArrayOutputStream(4096);
        message.writeTo(composed);
        Files.createDirectories(directory);
        Path file = directory.resolve(Instant.now().toEpochMilli() + "-" + UUID.randomUUID() + ".eml");
        java.util.Set<StandardOpenOption> options = java.util.EnumSet.of(StandardOpenOption.CREATE_NEW,
                StandardOpenOption.WRITE);
        java.nio.channels.SeekableByteChannel channel;
        try {
            channel = Files.newByteChannel(file, options,
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            channel = Files.newByteChannel(file, options); // not a POSIX file system
        }
        try (OutputStream out = java.nio.channels.Channels.newOutputStream(channel)) {
            composed.writeTo(out);
        }
    }

    /** Where messages go when no SMTP server is configured. */
    public Path directory() {
        return directory;
    }

    /** The message did not leave; the cause says why (without the message's content). */
    public static final class MailNotSentException extends RuntimeException {
        MailNotSentException(Exception cause) {
            super(cause.getClass().getSimpleName(), cause);
        }
    }
}
