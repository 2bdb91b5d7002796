package legion.arms.register;

import java.util.List;

import legion.authorization.SealDocumentType;
import legion.authorization.SealDocumentTypes;
import legion.authorization.SealField;

/**
 * The holder's receipt for an issue: a Visible Digital Seal of the arms register's own document type (header code
 * 0xFA/0x01), signed by the platform's PKI and read by the same {@code verify} subcommand, verification endpoint and
 * border page. Registered through {@code META-INF/services} (ADR 0092).
 */
public class ArmsReceipts implements SealDocumentTypes.Provider {

    public static final SealDocumentType RECEIPT = new SealDocumentType("ARMS_WEAPON_RECEIPT", 0xFA, 0x01, List.of(
            SealField.text(1, "documentNumber", "Receipt number"),
            SealField.text(2, "make", "Make"),
            SealField.text(3, "serial", "Serial"),
            SealField.text(4, "holder", "Holder"),
            SealField.text(5, "holderDocument", "Holder's document"),
            SealField.text(6, "point", "Issuing point"),
            SealField.date(7, "issuedOn", "Issued on")),
            "documentNumber", null);

    @Override
    public List<SealDocumentType> documentTypes() {
        return List.of(RECEIPT);
    }

    /** The receipt number of an issue: its eight characters without {@code ARM-} and hyphen (1-9 of A-Z 0-9). */
    public static String receiptNumber(String issueNumber) {
        return issueNumber.replace("ARM-", "").replace("-", "");
    }
}
