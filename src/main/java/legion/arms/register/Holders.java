package legion.arms.register;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import legion.arms.Serials;
import legion.privacy.FieldCipher;

/** Holders ({@code arms_holder}): every personal field encrypted, found by the document's blind index. */
@Repository
public class Holders {

    private final JdbcClient jdbc;
    private final FieldCipher cipher;

    Holders(JdbcClient jdbc, FieldCipher cipher) {
        this.jdbc = jdbc;
        this.cipher = cipher;
    }

    /** The blind index of a document number (normalised as serials are). */
    public String documentIndex(String documentNumber) {
        return cipher.blindIndex("arms_holder.document_number", Serials.normalize(documentNumber));
    }

    public Optional<Holder> findByDocument(String documentNumber) {
        return jdbc.sql("select * from arms_holder where document_index = ?").param(documentIndex(documentNumber))
                .query(this::holder).optional();
    }

    public Optional<Holder> find(String id) {
        return jdbc.sql("select * from arms_holder where id = ?").param(id).query(this::holder).optional();
    }

    /** The holders of every issue ever made, decrypted, by id (for reconciling a journal against the register). */
    java.util.Map<String, Holder> issued() {
        java.util.Map<String, Holder> out = new java.util.HashMap<>();
        jdbc.sql("select * from arms_holder where id in (select holder_id from arms_issue)").query(this::holder)
                .list().forEach(h -> out.put(h.id(), h));
        return out;
    }

    /** Records (or replaces) a holder's e-mail address, encrypted; for deadlines only. */
    public void recordEmail(String id, String email) {
        jdbc.sql("update arms_holder set email = ? where id = ?").params(enc("email", email), id).update();
    }

    /** The holder's e-mail address, if recorded. */
    public Optional<String> email(String id) {
        return jdbc.sql("select email from arms_holder where id = ?").param(id).query(String.class).optional()
                .filter(java.util.Objects::nonNull).map(v -> cipher.decrypt("arms_holder.email", v));
    }

    public void insert(Holder h, Instant at) {
        jdbc.sql("insert into arms_holder (id, document_index, surname, given_names, patronymic, date_of_birth, "
                        + "document_number, address, phone, legal_status, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(h.id(), documentIndex(h.documentNumber()), enc("surname", h.surname()),
                        enc("given_names", h.givenNames()), enc("patronymic", h.patronymic()),
                        enc("date_of_birth", h.dateOfBirth().toString()), enc("document_number", h.documentNumber()),
                        enc("address", h.address()), enc("phone", h.phone()), h.legalStatus().name(), Weapons.ts(at))
                .update();
    }

    /** Locks the holder's row until the transaction ends: two issues to one holder at once are counted one by one. */
    public void lock(String id) {
        jdbc.sql("select id from arms_holder where id = ? for update").param(id).query(String.class).optional();
    }

    /** How many weapons the holder holds now (open issues). */
    public int weaponsHeld(String id) {
        return jdbc.sql("select count(*) from arms_issue where holder_id = ? and returned_at is null").param(id)
                .query(Integer.class).single();
    }

    public boolean prohibited(String documentNumber) {
        return jdbc.sql("select count(*) from arms_prohibited where document_index = ?")
                .param(documentIndex(documentNumber)).query(Integer.class).single() > 0;
    }

    /** Puts a document on the prohibited list (idempotent). */
    public void prohibit(String documentNumber, String by, Instant at) {
        String index = documentIndex(documentNumber);
        if (!prohibited(documentNumber)) {
            jdbc.sql("insert into arms_prohibited (document_index, listed_at, listed_by) values (?, ?, ?)")
                    .params(index, Weapons.ts(at), by).update();
        }
    }

    private String enc(String field, String value) {
        return value == null || value.isBlank() ? null : cipher.encrypt("arms_holder." + field, value.strip());
    }

    private String dec(ResultSet rs, String field) throws SQLException {
        String v = rs.getString(field);
        return v == null ? null : cipher.decrypt("arms_holder." + field, v);
    }

    private Holder holder(ResultSet rs, int row) throws SQLException {
        return new Holder(rs.getString("id"), dec(rs, "surname"), dec(rs, "given_names"), dec(rs, "patronymic"),
                LocalDate.parse(dec(rs, "date_of_birth")), dec(rs, "document_number"), dec(rs, "address"),
                dec(rs, "phone"), LegalStatus.valueOf(rs.getString("legal_status")));
    }
}
