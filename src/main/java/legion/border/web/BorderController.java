package legion.border.web;

import java.io.IOException;
import java.time.Instant;
import java.util.HexFormat;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

import legion.access.Officers;
import legion.authorization.TravelAuthorizations;
import legion.border.BorderCrossings;
import legion.shared.BoundedUpload;
import legion.shared.JsonBodies;
import tools.jackson.databind.JsonNode;

/** The border guard's page: paste the seal's hex (from a scanner) or upload a photo of the barcode. */
@Controller
class BorderController {

    private final BorderCrossings crossings;
    private final TravelAuthorizations authorizations;

    BorderController(BorderCrossings crossings, TravelAuthorizations authorizations) {
        this.crossings = crossings;
        this.authorizations = authorizations;
    }

    @GetMapping("/console/border")
    String page() {
        return "console/border";
    }

    /** The offline page: verifies in the browser with the cached signer keys and revocation list. */
    @GetMapping("/console/border/offline")
    String offlinePage() {
        return "console/border-offline";
    }

    /** The offline page's service worker (served by the platform's {@code legion.web.OfflineWorkers}). */
    @org.springframework.context.annotation.Bean
    static legion.shared.OfflinePage borderOfflinePage() {
        return new legion.shared.OfflinePage("border-offline", OFFLINE_SCOPE,
                java.util.List.of("/js/border-offline.js", "/css/legion.css"));
    }

    /** The result the offline page shows for a crossing it sent. */
    record Recorded(String status, boolean flagged, boolean referToSecondLine) {
    }

    /**
     * Crossings the offline page verified without network, sent when it is back online (JSON, session and CSRF
     * header as every console request): {@code {"checkpoint", "hex", "verifiedAt", "offlineStatus"}}.
     */
    @PostMapping(path = "/console/border/crossings", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Recorded> recordOffline(Authentication auth, HttpServletRequest request) throws IOException {
        String checkpoint;
        byte[] seal;
        Instant verifiedAt;
        String offlineStatus;
        try {
            JsonNode body = JsonBodies.parse(JsonBodies.read(request.getInputStream(), request.getContentLengthLong()));
            checkpoint = body.path("checkpoint").asString("").strip();
            seal = HexFormat.of().parseHex(body.path("hex").asString("").replaceAll("\\s+", ""));
            verifiedAt = Instant.parse(body.path("verifiedAt").asString(""));
            offlineStatus = body.path("offlineStatus").asString("");
        } catch (RuntimeException e) {
            return ResponseEntity.badRequest().build();
        }
        if (checkpoint.isEmpty() || checkpoint.length() > 100 || seal.length == 0) {
            return ResponseEntity.badRequest().build();
        }
        var crossing = crossings.recordOffline(Officers.actorOf(auth).orElseThrow(), checkpoint, seal, verifiedAt,
                offlineStatus);
        return ResponseEntity.ok(new Recorded(crossing.report().status(), crossing.flagged(),
                crossing.referToSecondLine()));
    }

    static final String OFFLINE_SCOPE = "/console/border/offline";

    @PostMapping("/console/border")
    String scan(Authentication auth, @RequestParam(defaultValue = "") String checkpoint,
                @RequestParam(defaultValue = "") String hex, @RequestParam(required = false) MultipartFile image,
                HttpServletRequest request, Model model) throws IOException {
        model.addAttribute("checkpoint", checkpoint);
        if (BoundedUpload.overLimit(request, "image")) {
            model.addAttribute("problem", "border.image.tooLarge"); // not kept, so nothing of it is read
            return "console/border";
        }
        byte[] seal;
        try {
            if (image != null && !image.isEmpty()) {
                seal = authorizations.readBarcode(image.getBytes()).orElseThrow(IllegalArgumentException::new);
            } else {
                seal = HexFormat.of().parseHex(hex.replaceAll("\\s+", ""));
            }
        } catch (RuntimeException e) {
            model.addAttribute("problem", "border.unreadable");
            return "console/border";
        }
        if (checkpoint.isBlank()) {
            model.addAttribute("problem", "border.checkpoint.missing");
            return "console/border";
        }
        var actor = Officers.actorOf(auth).orElseThrow();
        model.addAttribute("crossing", crossings.scan(actor, checkpoint.strip(), seal));
        return "console/border";
    }
}
