package legion.authorization.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Callable;

import legion.authorization.DecodedSeal;
import legion.authorization.Pem;
import legion.authorization.RevocationList;
import legion.authorization.SealDocumentType;
import legion.authorization.SealField;
import legion.authorization.SealHeader;
import legion.authorization.SealVerifier;
import legion.authorization.Verification;
import legion.authorization.VisaContent;
import legion.authorization.internal.DataMatrix;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code verify --cert FILE.pem [--cert ...] (--hex HEX | --image FILE.png) [--crl FILE]}: decodes a Visible
 * Digital Seal and verifies it offline. Exit 0 when valid, 1 when the seal is not valid, 2 on bad input.
 */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = "Decode and verify an ICAO Doc 9303-13 Visible Digital Seal (visa profile, or a document type "
                + "a program of the platform registered) offline.",
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:the seal is VALID", "1:the seal is INVALID (reason printed)", "2:bad input"})
public class VerifyCommand implements Callable<Integer> {

    static final int VALID = 0;
    static final int INVALID = 1;
    static final int BAD_INPUT = 2;

    @Option(names = "--cert", required = true, paramLabel = "FILE.pem",
            description = "Trusted signer certificate(s), PEM; repeat for several.")
    List<Path> certificates = new ArrayList<>();

    @ArgGroup(exclusive = true, multiplicity = "1")
    Input input;

    @Option(names = "--crl", paramLabel = "FILE", description = "Signed revocation list published by the legion.")
    Path revocationList;

    @Spec
    CommandSpec spec;

    static class Input {
        @Option(names = "--hex", paramLabel = "HEX", required = true, description = "The seal bytes in hex.")
        String hex;

        @Option(names = "--image", paramLabel = "FILE.png", required = true,
                description = "An image of the seal's DataMatrix barcode.")
        Path image;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            List<X509Certificate> trusted = readCertificates();
            byte[] seal = input.hex != null ? parseHex(input.hex) : readImage(input.image);
            RevocationList revocations = revocationList == null ? null : readRevocationList(trusted);
            Verification result = new SealVerifier(trusted, revocations, Clock.systemUTC()).verify(seal);
            print(out, result);
            out.flush();
            return result.isValid() ? VALID : INVALID;
        } catch (BadInput e) {
            err.println("verify: " + e.getMessage());
            err.flush();
            return BAD_INPUT;
        } catch (RuntimeException e) {
            // never exit 1 (a verdict) on an unexpected failure
            err.println("verify: cannot verify: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()));
            err.flush();
            return BAD_INPUT;
        }
    }

    private List<X509Certificate> readCertificates() throws BadInput {
        List<X509Certificate> trusted = new ArrayList<>();
        for (Path file : certificates) {
            List<X509Certificate> read;
            try {
                read = Pem.certificates(read(file, "certificate"));
            } catch (IllegalArgumentException e) {
                throw new BadInput("certificate file " + file + ": " + e.getMessage());
            }
            for (X509Certificate certificate : read) {
                if (!SealVerifier.isSealSigner(certificate)) {
                    PrintWriter err = spec.commandLine().getErr();
                    err.println("verify: note: a certificate in " + file + " is not a seal signer certificate "
                            + "(EC key, subject C and two-character CN); ignored");
                }
            }
            trusted.addAll(read);
        }
        return trusted;
    }

    private RevocationList readRevocationList(List<X509Certificate> trusted) throws BadInput {
        RevocationList list;
        try {
            list = RevocationList.parse(read(revocationList, "revocation list"));
        } catch (IllegalArgumentException e) {
            throw new BadInput("revocation list " + revocationList + ": " + e.getMessage());
        }
        if (!list.verify(trusted)) {
            throw new BadInput("revocation list " + revocationList + " is not signed by any given certificate");
        }
        return list;
    }

    private static byte[] parseHex(String hex) throws BadInput {
        String digits = hex.replaceAll("\\s", "");
        if (digits.isEmpty() || digits.length() % 2 != 0 || !digits.matches("[0-9a-fA-F]+")) {
            throw new BadInput("--hex must be an even number of hexadecimal digits");
        }
        return HexFormat.of().parseHex(digits);
    }

    private static byte[] readImage(Path file) throws BadInput {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new BadInput("image file " + file + " does not exist");
        } catch (IOException e) {
            throw new BadInput("image file " + file + " cannot be read");
        }
        try {
            return DataMatrix.read(bytes)
                    .orElseThrow(() -> new BadInput("no DataMatrix barcode found in image " + file));
        } catch (IOException e) {
            throw new BadInput("image file " + file + " is not a readable image");
        }
    }

    private static String read(Path file, String what) throws BadInput {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new BadInput(what + " file " + file + " does not exist");
        } catch (IOException e) {
            throw new BadInput(what + " file " + file + " cannot be read as text");
        }
    }

    private static void print(PrintWriter out, Verification result) {
        DecodedSeal seal = result.seal();
        if (seal != null) {
            SealHeader header = seal.header();
            out.println("Document type:       " + header.documentTypeName());
            out.println("Issuing country:     " + header.issuingCountry());
            out.println("Signer:              " + header.signerIdentifier() + " (certificate reference "
                    + header.certificateReference() + ")");
            out.println("Document issue date: " + header.documentIssueDate());
            out.println("Signature date:      " + header.signatureCreationDate());
            VisaContent visa = seal.visa();
            if (visa != null) {
                out.println("MRZ:                 " + visa.firstLine());
                out.println("                     " + visa.secondLine());
                out.println("Name:                " + visa.nameField());
                out.println("Visa number:         " + visa.documentNumber());
                out.println("Nationality:         " + visa.nationality());
                out.println("Valid until:         " + visa.expiryDate());
                out.println("Passport number:     " + visa.passportNumber());
                out.println("Number of entries:   "
                        + (visa.numberOfEntries() == null ? "not stated" : visa.numberOfEntries()));
                out.println("Duration of stay:    "
                        + (visa.durationOfStay() == null ? "not stated" : visa.durationOfStay()));
            }
            if (seal.document() != null) {
                SealDocumentType type = header.registeredType().orElseThrow();
                seal.document().forEach((name, value) -> out.println(String.format("%-21s%s",
                        type.field(name).map(SealField::label).orElse(name) + ":", value)));
            }
        }
        out.println(result.isValid() ? "VALID" : "INVALID: " + result.status() + " (" + result.detail() + ")");
    }

    private static final class BadInput extends Exception {
        BadInput(String message) {
            super(message);
        }
    }
}
