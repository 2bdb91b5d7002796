package legion.review;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import legion.enlistment.Enlistment;
import legion.enlistment.EnlistmentId;
import legion.enlistment.Enlistments;
import legion.enlistment.Stage;
import legion.privacy.FieldCipher;
import legion.privacy.Reencryptable;
import legion.shared.InvalidInputException;
import legion.shared.TextRules;
import legion.shared.Actor;
import legion.shared.Role;

/**
 * What an embassy collects on a case besides the application: the volunteer's answers to information requests,
 * documents (passport scan, service records: type checked by content, size-limited, stored encrypted in the
 * database, never under the web root, served only to officers who may see the case) and interviews.
 */
@Service
public class CaseFiles implements Reencryptable {

    /** Associated data of the encrypted text columns (interview notes are officers' text about a person). */
    private static final String ANSWER = "review_answer";
    private static final String NOTES = "interview_notes";
    public static final int MAX_NOTES_CHARS = 4000;

    public static final int MAX_DOCUMENT_BYTES = 5 * 1024 * 1024;
    public static final int MAX_ANSWER_CHARS = 4000;

    private final JdbcClient jdbc;
    private final FieldCipher cipher;
    private final Enlistments enlistments;

    CaseFiles(JdbcClient jdbc, FieldCipher cipher, Enlistments enlistments) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.enlistments = enlistments;
    }

    /** Kinds of documents. */
    public enum Kind { PASSPORT_SCAN, SERVICE_RECORD, OTHER }

    /**
     * A file upload that was refused; the message names the rule, never the content. Pages show the problem from the
     * message bundles ({@code status.request.refused.<PROBLEM>} with the {@link #arguments()}), not the message.
     */
    public static class RefusedUpload extends RuntimeException {

        /** Why an answer or upload was refused. */
        public enum Problem {
            NO_OPEN_REQUEST, NOTHING_SENT, ANSWER_TOO_LONG, ANSWER_CHARACTERS, EMPTY_FILE, FILE_TOO_LARGE, FILE_TYPE,
            TYPE_MISMATCH
        }

        private final Problem problem;
        private final Object[] arguments;

        public RefusedUpload(Problem problem, String message, Object... arguments) {
            super(message);
            this.problem = problem;
            this.arguments = arguments.clone();
        }

        public Problem problem() {
            return problem;
        }

        /** The values the problem's text needs (limits, content types), in the order of its placeholders. */
        public Object[] arguments() {
            return arguments.clone();
        }
    }

    public record Upload(Kind kind, String declaredType, byte[] bytes) {
    }

    public record DocumentInfo(long id, Kind kind, String contentType, int size, Instant uploadedAt, String uploadedBy) {
    }

    public record Document(DocumentInfo info, byte[] content) {
    }

    public record Answer(String text, Instant answeredAt) {
    }

    public record Interview(long id, String mode, Instant scheduledAt, String timeZone, String scheduledBy,
                            String outcome, String notes, String recordedBy) {
        public String localTime() {
            return scheduledAt.atZone(ZoneId.of(timeZone)).toLocalDateTime().toString().replace('T', ' ') + " " + timeZone;
        }
    }

    /** The content type a file really has, from its first bytes; empty for anything not accepted. */
    public static Optional<String> detectType(byte[] bytes) {
        if (starts(bytes, '%', 'P', 'D', 'F', '-')) {
            return Optional.of("application/pdf");
        }
        if (starts(bytes, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return Optional.of("image/png");
        }
        if (starts(bytes, 0xFF, 0xD8, 0xFF)) {
            return Optional.of("image/jpeg");
        }
        return Optional.empty();
    }

    private static boolean starts(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    /**
     * The volunteer answers an information request: text and documents, then the case returns to the officer's
     * queue (RECEIVE_INFORMATION). All or nothing: a refused file stores nothing.
     */
    @Transactional
    public void answer(EnlistmentId id, String text, List<Upload> uploads) {
        Enlistment e = enlistments.findById(id).orElseThrow(CaseNotFoundException::new);
        if (e.stage() != Stage.INFO_REQUESTED) {
            throw new RefusedUpload(RefusedUpload.Problem.NO_OPEN_REQUEST,
                    "there is no open information request on this application");
        }
        String answer = text == null ? "" : text.strip();
        if (answer.isEmpty() && uploads.isEmpty()) {
            throw new RefusedUpload(RefusedUpload.Problem.NOTHING_SENT, "an answer or a document is needed");
        }
        if (answer.length() > MAX_ANSWER_CHARS) {
            throw new RefusedUpload(RefusedUpload.Problem.ANSWER_TOO_LONG,
                    "the answer is longer than " + MAX_ANSWER_CHARS + " characters", MAX_ANSWER_CHARS);
        }
        if (!answer.isEmpty() && TextRules.problem(answer, TextRules.Lines.MANY).isPresent()) {
            throw new RefusedUpload(RefusedUpload.Problem.ANSWER_CHARACTERS,
                    "the answer has no visible character, or control or bidi characters");
        }
        for (Upload u : uploads) {
            store(id, u, "volunteer");
        }
        if (!answer.isEmpty()) {
            jdbc.sql("insert into review_answer (enlistment_id, answer, answered_at, crypto_key) values (?, ?, ?, ?)")
                    .params(id.value(), cipher.encrypt(ANSWER, answer), OffsetDateTime.now(ZoneOffset.UTC),
                            cipher.currentKeyId())
                    .update();
        }
        e.receiveInformation(Actor.volunteer(), "answered on the portal"
                + (uploads.isEmpty() ? "" : " with " + uploads.size() + " document(s)"));
        enlistments.update(e);
    }

    private void store(EnlistmentId id, Upload u, String by) {
        if (u.bytes().length == 0) {
            throw new RefusedUpload(RefusedUpload.Problem.EMPTY_FILE, "a file is empty");
        }
        if (u.bytes().length > MAX_DOCUMENT_BYTES) {
            int megabytes = MAX_DOCUMENT_BYTES / (1024 * 1024);
            throw new RefusedUpload(RefusedUpload.Problem.FILE_TOO_LARGE, "a file is larger than " + megabytes + " MB",
                    megabytes);
        }
        String type = detectType(u.bytes()).orElseThrow(() -> new RefusedUpload(RefusedUpload.Problem.FILE_TYPE,
                "only PDF, PNG and JPEG files are accepted"));
        if (u.declaredType() != null && !u.declaredType().isBlank() && !u.declaredType().equals("application/octet-stream")
                && !u.declaredType().equalsIgnoreCase(type)) {
            String declared = u.declaredType().length() > 100 ? u.declaredType().substring(0, 100) : u.declaredType();
            throw new RefusedUpload(RefusedUpload.Problem.TYPE_MISMATCH, "a file is not what it says it is (declared "
                    + u.declaredType() + ", content " + type + ")", declared, type);
        }
        jdbc.sql("insert into review_document (enlistment_id, kind, content_type, size_bytes, content, uploaded_at, "
                        + "uploaded_by) values (?, ?, ?, ?, ?, ?, ?)")
                .params(id.value(), u.kind().name(), type, u.bytes().length, cipher.encryptBytes("review_document", u.bytes()),
                        OffsetDateTime.now(ZoneOffset.UTC), by)
                .update();
    }

    public List<DocumentInfo> documents(EnlistmentId id) {
        return jdbc.sql("select id, kind, content_type, size_bytes, uploaded_at, uploaded_by from review_document "
                        + "where enlistment_id = ? order by id")
                .param(id.value())
                .query((rs, n) -> new DocumentInfo(rs.getLong(1), Kind.valueOf(rs.getString(2)), rs.getString(3),
                        rs.getInt(4), rs.getObject(5, OffsetDateTime.class).toInstant(), rs.getString(6)))
                .list();
    }

    /** A document's content, for an officer who may see the case (the caller has checked the scope). */
    public Optional<Document> document(EnlistmentId id, long documentId) {
        return jdbc.sql("select id, kind, content_type, size_bytes, uploaded_at, uploaded_by, content from review_document "
                        + "where enlistment_id = ? and id = ?")
                .params(id.value(), documentId)
                .query((rs, n) -> new Document(new DocumentInfo(rs.getLong(1), Kind.valueOf(rs.getString(2)),
                        rs.getString(3), rs.getInt(4), rs.getObject(5, OffsetDateTime.class).toInstant(), rs.getString(6)),
                        cipher.decryptBytes("review_document", rs.getBytes(7))))
                .optional();
    }

    public List<Answer> answers(EnlistmentId id) {
        return jdbc.sql("select answer, answered_at from review_answer where enlistment_id = ? order by id")
                .param(id.value())
                .query((rs, n) -> new Answer(cipher.decrypt(ANSWER, rs.getString(1)),
                        rs.getObject(2, OffsetDateTime.class).toInstant()))
                .list();
    }

    /** Schedules an interview: in person or by video, a local date and time in the volunteer's (or embassy's) zone. */
    @Transactional
    public void scheduleInterview(Actor actor, EnlistmentId id, InterviewSlot slot) {
        if (actor.role() != Role.EMBASSY_OFFICER) {
            throw new SecurityException("only embassy officers schedule interviews");
        }
        jdbc.sql("insert into review_interview (enlistment_id, mode, scheduled_at, time_zone, scheduled_by, crypto_key) "
                        + "values (?, ?, ?, ?, ?, ?)")
                .params(id.value(), slot.mode().name(), slot.at().atZone(slot.zone()).toOffsetDateTime(),
                        slot.zone().getId(), actor.id(), cipher.currentKeyId()).update();
    }

    /** The case's latest interview (the one a recommendation rests on), if any was scheduled. */
    public Optional<Interview> latestInterview(EnlistmentId id) {
        List<Interview> all = interviews(id);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
    }

    /** Records the outcome and notes of the latest interview. */
    @Transactional
    public void recordInterview(Actor actor, EnlistmentId id, String outcome, String notes) {
        if (actor.role() != Role.EMBASSY_OFFICER) {
            throw new SecurityException("only embassy officers record interviews");
        }
        if (!Arrays.asList("PASSED", "FAILED", "NO_SHOW").contains(outcome)) {
            throw new IllegalArgumentException("an interview outcome is PASSED, FAILED or NO_SHOW");
        }
        String text = notes == null || notes.isBlank() ? null : notes.strip();
        if (text != null) {
            TextRules.problem(text, TextRules.Lines.MANY).ifPresent(code -> {
                throw new InvalidInputException("notes", code);
            });
            if (text.codePointCount(0, text.length()) > MAX_NOTES_CHARS) {
                throw new InvalidInputException("notes", "length");
            }
        }
        int n = jdbc.sql("update review_interview set outcome = ?, notes = ?, crypto_key = ?, recorded_by = ?, "
                        + "recorded_at = ? where id = (select max(id) from review_interview where enlistment_id = ?)")
                .params(outcome, cipher.encrypt(NOTES, text), cipher.currentKeyId(), actor.id(),
                        OffsetDateTime.now(ZoneOffset.UTC), id.value())
                .update();
        if (n != 1) {
            throw new IllegalArgumentException("no interview is scheduled");
        }
    }

    public List<Interview> interviews(EnlistmentId id) {
        return jdbc.sql("select id, mode, scheduled_at, time_zone, scheduled_by, outcome, notes, recorded_by "
                        + "from review_interview where enlistment_id = ? order by id")
                .param(id.value())
                .query((rs, n) -> new Interview(rs.getLong(1), rs.getString(2),
                        rs.getObject(3, OffsetDateTime.class).toInstant(), rs.getString(4), rs.getString(5),
                        rs.getString(6), cipher.decrypt(NOTES, rs.getString(7)), rs.getString(8)))
                .list();
    }

    /** Brings answers and interview notes under the current data key (see {@link Reencryptable}). */
    @Override
    @Transactional
    public int reencrypt(int batch) {
        int answers = reencrypt("review_answer", "answer", ANSWER, batch);
        return answers > 0 ? answers : reencrypt("review_interview", "notes", NOTES, batch);
    }

    private int reencrypt(String table, String column, String field, int batch) {
        String current = cipher.currentKeyId();
        var rows = jdbc.sql("select id, crypto_key, " + column + " from " + table
                        + " where crypto_key is null or crypto_key <> ? limit ?")
                .params(current, batch).query().listOfRows();
        int done = 0;
        for (var row : rows) {
            Object oldKey = row.get("crypto_key");
            Object value = row.get(column);
            done += jdbc.sql("update " + table + " set " + column + " = ?, crypto_key = ? where id = ? and "
                            + (oldKey == null ? "crypto_key is null" : "crypto_key = ?"))
                    .params(value == null ? null : cipher.encrypt(field, cipher.decrypt(field, value.toString())),
                            current, row.get("id"))
                    .params(oldKey == null ? List.of() : List.of(oldKey))
                    .update();
        }
        return done;
    }
}
