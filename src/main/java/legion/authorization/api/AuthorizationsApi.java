package legion.authorization.api;

import java.io.IOException;
import java.util.HexFormat;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import legion.authorization.Pem;
import legion.authorization.SealReport;
import legion.authorization.TravelAuthorizations;
import legion.intake.RequestProblems;
import legion.shared.JsonBodies;
import tools.jackson.databind.JsonNode;

/** What border systems need: the published certificates, the signed revocation list, and online verification. */
@RestController
@Tag(name = "Travel authorizations")
class AuthorizationsApi {

    private final TravelAuthorizations authorizations;

    AuthorizationsApi(TravelAuthorizations authorizations) {
        this.authorizations = authorizations;
    }

    @Operation(summary = "Signer certificates and the root, PEM", description = "For offline verifiers.")
    @GetMapping(path = "/api/v1/authorizations/certificates", produces = "application/x-pem-file")
    String certificates() {
        return Stream.concat(authorizations.publishedCertificates().stream(), Stream.of(authorizations.rootCertificate()))
                .map(Pem::certificate).collect(Collectors.joining());
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
