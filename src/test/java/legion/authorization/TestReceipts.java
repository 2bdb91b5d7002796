package legion.authorization;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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

    /** A receipt's fields as the arms register would issue them (synthetic holder), in the type's order. */
    public static Map<String, String> sample(String number) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("documentNumber", number);
        fields.put("make", "АК-74");
        fields.put("serial", "ВД 7914");
        fields.put("holder", "Шевченко Тарас Григорович");
        fields.put("holderDocument", "FX1234567");
        fields.put("point", "KYIV-POLICE-01");
        fields.put("issuedOn", "2022-02-25");
        return fields;
    }

    @Override
    public List<SealDocumentType> documentTypes() {
        return List.of(RECEIPT);
    }
}
