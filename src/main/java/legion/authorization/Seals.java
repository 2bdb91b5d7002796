package legion.authorization;

import java.util.HexFormat;
import java.util.Map;

import org.springframework.stereotype.Service;

import legion.authorization.internal.DataMatrix;

/**
 * Seals for every program: signs a seal of a program's own document type ({@link SealDocumentType}, registered
 * through {@link SealDocumentTypes}) with the platform's PKI, and verifies any seal (visas and registered types)
 * against the PKI's signers and revocation list. What a program uses instead of the Legion's travel authorizations.
 */
@Service
@org.springframework.modulith.NamedInterface("seals")
public class Seals {

    private final TravelAuthorizations pki;

    Seals(TravelAuthorizations pki) {
        this.pki = pki;
    }

    /** A signed seal: its bytes, as hex, and its DataMatrix barcode as PNG. */
    public record IssuedSeal(SealDocumentType type, byte[] seal, byte[] barcodePng) {

        public String hex() {
            return HexFormat.of().withUpperCase().formatHex(seal);
        }

        @Override
        public String toString() {
            return "IssuedSeal[" + type.name() + ", personal data withheld]";
        }
    }

    /**
     * Signs the fields (by name; days as {@code YYYY-MM-DD}) as a seal of the given type.
     *
     * @throws IllegalArgumentException when the type is not registered or the fields do not fit it
     */
    public IssuedSeal issue(SealDocumentType type, Map<String, String> fields) {
        byte[] seal = sign(type, fields);
        return new IssuedSeal(type, seal, DataMatrix.png(DataMatrix.encode(seal)));
    }

    /**
     * Signs a document as {@link #issue} does, without drawing its barcode (a caller that prints it later draws it
     * then with {@link #barcodePng}: the DataMatrix costs about as much CPU as the signature).
     *
     * @throws IllegalArgumentException when the type is not registered or the fields do not fit it
     */
    public byte[] sign(SealDocumentType type, Map<String, String> fields) {
        if (!SealDocumentTypes.all().contains(type)) {
            throw new IllegalArgumentException("seal document type " + type.name() + " is not registered");
        }
        return pki.signDocument(type, fields);
    }

    /** A seal's DataMatrix barcode as PNG (to print a stored seal again). */
    public byte[] barcodePng(byte[] seal) {
        return DataMatrix.png(DataMatrix.encode(seal));
    }

    /** Verifies any seal against the PKI's signers and its current revocation list. */
    public Verification verify(byte[] seal) {
        return pki.verify(seal);
    }

    /** Revokes a document by its number (the type's number field) and publishes a new signed revocation list. */
    public void revoke(String documentNumber) {
        pki.revoke(documentNumber);
    }
}
