package legion.access.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The officers' sign-in page (the form posts to Spring Security's login processing). */
@Controller
class LoginController {

    @GetMapping("/login")
    String login() {
        return "login";
    }
}
