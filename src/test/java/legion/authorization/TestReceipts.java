package legion.authorization;

import java.util.List;

/**
 * A document type of the tests, registered as a program registers its own (ServiceLoader, see
 * {@code src/test/resources/META-INF/services}): shaped like the arms register's weapon-issue receipt.
 * Header code 0xF0/0x7F is kept for tests.
 */
public class TestReceipts implements SealDocumentTypes.Provider {

    static final SealDocumentType RECEIPT = new SealDocumentType("TEST_WEAPON_RECEIPT", 0xF0, 0x7F, List.of(
            SealField.text(1, "documentNumber", "Receipt number"),
            SealField.text(2, "make", "Make"),
            SealField.text(3, "serial", "Serial"),
            SealField.text(4, "holder", "Holder"),
            SealField.text(5, "holderDocument", "Holder's document"),
            SealField.text(6, "point", "Issuing point"),
            SealField.date(7, "issuedOn", "Issued on"),
            new SealField(8, "returnBy", "Return by", SealField.Kind.DATE, false)),
            "documentNumber", "returnBy");

    @Override
    public List<SealDocumentType> documentTypes() {
        return List.of(RECEIPT);
    }
}
