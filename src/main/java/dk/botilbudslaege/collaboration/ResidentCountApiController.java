package dk.botilbudslaege.collaboration;

import dk.botilbudslaege.security.CurrentUser;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/facilities/{id}/resident-counts} (API.md "Added: collaboration"): the facility's monthly
 * counts, read by its readers and written by its facility side ({@link ResidentCounts}).
 */
@RestController
@RequestMapping("/api/v1/facilities/{id}/resident-counts")
class ResidentCountApiController {

    private final ResidentCounts counts;

    ResidentCountApiController(ResidentCounts counts) {
        this.counts = counts;
    }

    /** The month as {@code YYYY-MM} and the four counts. */
    record CountJson(String month, int residents, int enrolled, int temporary, int toldAboutChoice) {
        static CountJson of(ResidentCount c) {
            return new CountJson(c.month().toString(), c.residents(), c.enrolled(), c.temporary(), c.toldAboutChoice());
        }
    }

    @GetMapping
    List<CountJson> list(CurrentUser user, @PathVariable long id) {
        return counts.list(user, id).stream().map(CountJson::of).toList();
    }

    @PutMapping("/{month}")
    CountJson put(
            CurrentUser user,
            @PathVariable long id,
            @PathVariable String month,
            @RequestBody(required = false) ResidentCounts.Input body) {
        return CountJson.of(counts.put(user, id, month, body));
    }

    /** Erases a month entered by mistake (the facility side; audited): 204, 404 when the month has no counts. */
    @DeleteMapping("/{month}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(CurrentUser user, @PathVariable long id, @PathVariable String month) {
        counts.delete(user, id, month);
    }
}
