package dk.botilbudslaege.agreement;

import dk.botilbudslaege.common.NotFoundException;
import dk.botilbudslaege.security.CurrentUser;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Issue 16 item 3 (i16-pickers): {@code GET /pickers/facilities|doctors?for=…&field=…&q=…} returns the listbox of
 * at most 20 of the signed-in user's choices for the searchable picker ({@code fragments/picker.html}). For pages
 * only (htmx), not part of the API; the form still checks the submitted id on its own.
 */
@Controller
class PickerController {

    private final Pickers pickers;

    PickerController(Pickers pickers) {
        this.pickers = pickers;
    }

    @GetMapping("/pickers/{kind}")
    String options(
            CurrentUser user,
            @PathVariable String kind,
            @RequestParam(name = "for", defaultValue = "agreement") String purpose,
            @RequestParam(defaultValue = "pick") String field,
            jakarta.servlet.http.HttpServletRequest request,
            Model model) {
        if (!Pickers.known(kind, purpose)) {
            throw NotFoundException.of("picker", kind);
        }
        String id = field.matches("[A-Za-z][A-Za-z0-9]{0,39}") ? field : "pick";
        // the search box is named fieldQ (so that a page searched without script keeps one per picker); q also works
        String q = request.getParameter(id + "Q") != null ? request.getParameter(id + "Q") : request.getParameter("q");
        model.addAttribute("field", id);
        model.addAttribute("matches", pickers.find(kind, purpose, q));
        model.addAttribute("q", q == null ? "" : q);
        return "fragments/picker :: matches";
    }
}
