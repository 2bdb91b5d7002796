package legion.authorization.api;

import java.io.IOException;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;

import io.swagger.v3.oas.annotations.Operation;

import io.swagger.v3.oas.annotations.tags.Tag;
import legion.access.Officers;
import legion.authorization.Pem;
import legion.authorization.SealReport;
import legion.authorization.SealVerifier;
import legion.authorization.SigningKeysAdministration;
import legion.authorization.TravelAuthorizations;
import legion.authorization.internal.SignerNames;
import legion.intake.RequestProblems;
import legion.shared.JsonBodies;
import tools.jackson.databind.JsonNode;

/** What border systems need: the published certificates, the signed revocation list, and online verification. */
@RestController
@Tag(name = "Travel authorizations")
class AuthorizationsApi {

    private final TravelAuthorizations authorizations;
    private final SigningKeysAdministration administration;

    AuthorizationsApi(TravelAuthorizations authorizations, SigningKeysAdministration administration) {
        this.authorizations = authorizations;
        this.administration = administration;
    }

    @Operation(summary = "Signer certificates and the root, PEM", description = "For offline verifiers.")
    @GetMapping(path = "/api/v1/authorizations/certificates", produces = "application/x-pem-file")
    String certificates() {
        return Stream.concat(authorizations.publishedCertificates().stream(), Stream.of(authorizations.rootCertificate()))
                .map(Pem::certificate).collect(Collectors.joining());
    }

    /** A signer certificate as a browser's WebCrypto needs it: names, validity and the SubjectPublicKeyInfo. */
    record SignerKey(String signerIdentifier, String certificateReference, String notBefore, String notAfter,
                     String namedCurve, String hash, String spki) {
    }

    @Operation(summary = "Signer keys for browsers, JSON",
            description = "The signer certificates of /certificates as signer identifier, certificate reference "
                    + "(serial, upper-case hex), validity, WebCrypto curve and hash names (null when WebCrypto has "
                    + "no such curve) and the SubjectPublicKeyInfo in base64: what a verifier without an X.509 "
                    + "parser needs. Additive to the PEM endpoint.")
    @GetMapping(path = "/api/v1/authorizations/certificates/keys", produces = MediaType.APPLICATION_JSON_VALUE)
    List<SignerKey> signerKeys() {
        return authorizations.publishedCertificates().stream().filter(SealVerifier::isSealSigner)
                .map(AuthorizationsApi::signerKey).toList();
    }

    private static SignerKey signerKey(X509Certificate certificate) {
        byte[] spki = certificate.getPublicKey().getEncoded();
        String curve = null;
        String hash = null;
        ASN1Encodable parameters = SubjectPublicKeyInfo.getInstance(spki).getAlgorithm().getParameters();
        if (SECObjectIdentifiers.secp256r1.equals(parameters)) {
            curve = "P-256";
            hash = "SHA-256";
        } else if (SECObjectIdentifiers.secp384r1.equals(parameters)) {
            curve = "P-384";
            hash = "SHA-384";
        } else if (SECObjectIdentifiers.secp521r1.equals(parameters)) {
            curve = "P-521";
            hash = "SHA-512";
        }
        return new SignerKey(SignerNames.signerIdentifier(certificate).orElseThrow(),
                SignerNames.certificateReference(certificate), certificate.getNotBefore().toInstant().toString(),
                certificate.getNotAfter().toInstant().toString(), curve, hash,
                Base64.getEncoder().encodeToString(spki));
    }

    @Operation(summary = "Add a signer certificate (administrators)",
            description = "Rotates the signing key: a new signer certificate under the root signs from now on; the "
                    + "older ones keep verifying the seals they signed until they expire. Answers 201 with the new "
                    + "certificate in PEM. Audited.")
    @PostMapping(path = "/api/v1/authorizations/certificates", produces = "application/x-pem-file")
    ResponseEntity<String> addSigner(Authentication auth) {
        var actor = Officers.actorOf(auth).orElseThrow(() -> new SecurityException("not an officer"));
        X509Certificate added = administration.addSigner(actor); // SecurityException (403) unless an administrator
        return ResponseEntity.status(201).contentType(MediaType.parseMediaType("application/x-pem-file"))
                .body(Pem.certificate(added));
    }

    @Operation(summary = "The current signed revocation list")
    @GetMapping(path = "/api/v1/authorizations/revocations", produces = MediaType.TEXT_PLAIN_VALUE)
    String revocations() {
        return authorizations.currentRevocationList().serialize();
    }

    @Operation(summary = "Verify a seal", description = "Body: {\"hex\": \"DC03…\"} or the raw seal bytes "
            + "(application/octet-stream). Answers VALID or the exact reason it is not, with the decoded fields.")
    @PostMapping(path = "/api/v1/authorizations/verify", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    SealReport verifyHex(HttpServletRequest request) throws IOException {
        JsonNode body = JsonBodies.parse(JsonBodies.read(request.getInputStream(), request.getContentLengthLong()));
        JsonNode hex = body.get("hex");
        if (hex == null || !hex.isString()) {
            throw RequestProblems.malformed("A JSON object with the seal as \"hex\" is expected.");
        }
        byte[] seal;
        try {
            seal = HexFormat.of().parseHex(hex.stringValue().replaceAll("\\s+", ""));
        } catch (IllegalArgumentException e) {
            throw RequestProblems.malformed("\"hex\" is not hexadecimal.");
        }
        return SealReport.of(authorizations.verify(seal));
    }

    @PostMapping(path = "/api/v1/authorizations/verify", consumes = MediaType.APPLICATION_OCTET_STREAM_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    SealReport verifyBytes(HttpServletRequest request) throws IOException {
        return SealReport.of(authorizations.verify(JsonBodies.read(request.getInputStream(), request.getContentLengthLong())));
    }
}
