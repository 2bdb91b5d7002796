package legion.authorization;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A verification as people and border systems read it: the outcome, the reason, and the decoded fields (the holder's
 * data as printed in the seal — shown to the guard who holds the document, never logged).
 */
@org.springframework.modulith.NamedInterface("seals")
public record SealReport(String status, boolean valid, String detail, String documentType, String signer,
                         Map<String, Object> fields) {

    public static SealReport of(Verification v) {
        Map<String, Object> fields = new LinkedHashMap<>();
        String type = null;
        String signer = null;
        if (v.seal() != null) {
            SealHeader h = v.seal().header();
            type = h.documentTypeName();
            signer = h.signerIdentifier() + h.certificateReference();
            fields.put("issuingCountry", h.issuingCountry());
            fields.put("documentIssueDate", String.valueOf(h.documentIssueDate()));
            fields.put("signatureCreationDate", String.valueOf(h.signatureCreationDate()));
            VisaContent visa = v.seal().visa();
            if (visa != null) {
                fields.put("authorizationNumber", visa.documentNumber());
                fields.put("name", visa.nameField().replace("<<", ", ").replace('<', ' ').strip());
                fields.put("nationality", visa.nationality());
                fields.put("validUntil", String.valueOf(visa.expiryDate()));
                fields.put("numberOfEntries", visa.numberOfEntries());
                fields.put("durationOfStay", String.valueOf(visa.durationOfStay()));
                fields.put("passportNumber", visa.passportNumber());
                fields.put("mrz", visa.firstLine() + "\n" + visa.secondLine());
            }
            if (v.seal().document() != null) {
                fields.putAll(v.seal().document()); // a program's own document type: its fields in its order
            }
        }
        return new SealReport(v.status().name(), v.isValid(), v.detail(), type, signer, fields);
    }
}
