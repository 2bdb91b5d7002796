package legion.screening.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import legion.screening.ScreeningLists;

/** Administrators see the watchlists this node screens against, and any list that could not be read. */
@Controller
class ListsController {

    private final ScreeningLists lists;

    ListsController(ScreeningLists lists) {
        this.lists = lists;
    }

    @GetMapping("/console/admin/screening")
    String lists(Model model) {
        var statuses = lists.statuses();
        model.addAttribute("statuses", statuses);
        model.addAttribute("failing", statuses.stream().anyMatch(s -> s.failing() || !s.loaded()));
        model.addAttribute("waiting", lists.waitingCases());
        return "console/admin-screening";
    }
}
