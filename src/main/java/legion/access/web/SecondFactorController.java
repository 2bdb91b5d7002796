package legion.access.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Base64;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.WriterException;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.qrcode.QRCodeWriter;
import legion.access.OfficerPrincipal;
import legion.access.Officers;
import legion.access.SecondFactor;
import legion.access.SignInGuard;
import legion.access.Totp;
import legion.audit.AuditLog;

/** The second step of signing in: a one-time code, or enrolling an authenticator app the first time. */
@Controller
class SecondFactorController {

    private final Officers officers;
    private final SignInGuard guard;
    private final AuditLog audit;

    SecondFactorController(Officers officers, SignInGuard guard, AuditLog audit) {
        this.officers = officers;
        this.guard = guard;
        this.audit = audit;
    }

    @GetMapping("/login/code")
    String codeForm() {
        return "login-code";
    }

    @PostMapping("/login/code")
    String code(Authentication auth, @RequestParam(defaultValue = "") String code, HttpServletRequest request,
                HttpServletResponse response, Model model) {
        return check(auth, code, false, request, response, model, "login-code");
    }

    @GetMapping("/login/enrol")
    String enrolForm(Authentication auth, Model model) throws WriterException, IOException {
        OfficerPrincipal p = (OfficerPrincipal) auth.getPrincipal();
        String secret = officers.enrolmentSecret(p.username());
        String uri = Totp.uri("Legion", p.username(), secret);
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        MatrixToImageWriter.writeToStream(new QRCodeWriter().encode(uri, BarcodeFormat.QR_CODE, 240, 240), "PNG", png);
        model.addAttribute("secret", secret.replaceAll("(.{4})", "$1 ").strip());
        model.addAttribute("qr", "data:image/png;base64," + Base64.getEncoder().encodeToString(png.toByteArray()));
        return "login-enrol";
    }

    @PostMapping("/login/enrol")
    String enrol(Authentication auth, @RequestParam(defaultValue = "") String code, HttpServletRequest request,
                 HttpServletResponse response, Model model) throws WriterException, IOException {
        String view = check(auth, code, true, request, response, model, "login-enrol");
        return view.equals("login-enrol") ? enrolForm(auth, model) : view;
    }

    private String check(Authentication auth, String code, boolean confirm, HttpServletRequest request,
                         HttpServletResponse response, Model model, String form) {
        OfficerPrincipal p = (OfficerPrincipal) auth.getPrincipal();
        if (guard.locked(p.username())) {
            request.getSession().invalidate();
            return "redirect:/login?locked";
        }
        if (officers.checkCode(p.username(), code, confirm)) {
            guard.codeAccepted(p.username());
            audit.append(p.username(), p.role().name(), confirm ? "OFFICER_SECOND_FACTOR_ENROLLED"
                    : "OFFICER_SECOND_FACTOR", null, null);
            SecondFactor.complete(request, response, p);
            return "redirect:" + SecondFactor.landing(request, response);
        }
        audit.append(p.username(), p.role().name(), "OFFICER_SECOND_FACTOR_FAILED", null, null);
        if (guard.codeFailed(p.username())) {
            request.getSession().invalidate();
            return "redirect:/login?locked";
        }
        model.addAttribute("failed", true);
        return form;
    }
}
