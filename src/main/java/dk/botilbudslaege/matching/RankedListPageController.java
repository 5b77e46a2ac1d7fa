package dk.botilbudslaege.matching;

import dk.botilbudslaege.common.ForbiddenException;
import dk.botilbudslaege.security.CurrentUser;
import dk.botilbudslaege.security.Role;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * SPEC §6 M1–M2 as pages: a doctor's openings nearby and wish list, and a facility's offers and
 * priority list. Each change moves one entry and saves the whole list.
 */
@Controller
@RequestMapping("/matching")
class RankedListPageController {

    enum Move {
        ADD,
        REMOVE,
        UP,
        DOWN
    }

    private final RankedLists lists;
    private final Offers offers;
    private final PageMessages messages;

    RankedListPageController(RankedLists lists, Offers offers, PageMessages messages) {
        this.lists = lists;
        this.offers = offers;
        this.messages = messages;
    }

    @ModelAttribute("nav")
    String nav() {
        return "matching";
    }

    @GetMapping("/wishes")
    String wishes(CurrentUser user, @RequestParam(required = false) Long doctorId, Model model) {
        long doctor = doctorOf(user, doctorId);
        List<RankedLists.Wish> wished = lists.wishEntries(user, doctor);
        List<Offers.NearOpening> near = offers.near(doctor);
        model.addAttribute("doctorId", doctor);
        model.addAttribute("doctorName", lists.doctorName(doctor));
        model.addAttribute("openings", near);
        model.addAttribute("wishes", wished);
        model.addAttribute("wishCount", wished.size());
        return "matching/wishes";
    }

    @PostMapping("/wishes")
    String changeWishes(
            CurrentUser user,
            @RequestParam long doctorId,
            @RequestParam long facilityId,
            @RequestParam Move move,
            RedirectAttributes redirect) {
        save(
                redirect,
                () -> lists.replaceWishes(user, doctorId, moved(lists.wishes(user, doctorId), facilityId, move)));
        return "redirect:/matching/wishes" + (user.is(Role.DOCTOR) ? "" : "?doctorId=" + doctorId);
    }

    @GetMapping("/priorities")
    String priorities(CurrentUser user, @RequestParam(required = false) Long facilityId, Model model) {
        if (user.is(Role.DOCTOR) || user.national()) {
            throw new ForbiddenException("scope.matching.priorities");
        }
        List<java.util.Map<String, Object>> choices = lists.facilityChoices(user);
        Long facility = facilityId != null
                ? facilityId
                : user.is(Role.FACILITY)
                        ? user.facilityId()
                        : choices.isEmpty() ? null : (Long) choices.get(0).get("id");
        model.addAttribute("choices", choices);
        if (facility != null) {
            lists.priorities(user, facility);
            model.addAttribute("facilityId", facility);
            model.addAttribute("facilityName", lists.facilityName(facility));
            model.addAttribute("offers", offers.toFacility(facility));
        }
        return "matching/priorities";
    }

    @PostMapping("/priorities")
    String changePriorities(
            CurrentUser user,
            @RequestParam long facilityId,
            @RequestParam long doctorId,
            @RequestParam Move move,
            RedirectAttributes redirect) {
        save(
                redirect,
                () -> lists.replacePriorities(
                        user, facilityId, moved(lists.priorities(user, facilityId), doctorId, move)));
        return "redirect:/matching/priorities?facilityId=" + facilityId;
    }

    /** Saves a list change with a flash message; a refusal the person can act on becomes the message instead. */
    private void save(RedirectAttributes redirect, Supplier<List<Long>> change) {
        messages.attempt(redirect, change)
                .ifPresent(saved -> redirect.addFlashAttribute("flash", messages.text("matching.flash.listSaved")));
    }

    /** The list with one entry added last, removed, or moved one place. */
    static List<Long> moved(List<Long> list, long id, Move move) {
        List<Long> result = new ArrayList<>(list);
        int at = result.indexOf(id);
        switch (move) {
            case ADD -> {
                if (at < 0) {
                    result.add(id);
                }
            }
            case REMOVE -> result.remove(Long.valueOf(id));
            case UP -> {
                if (at > 0) {
                    result.add(at - 1, result.remove(at));
                }
            }
            case DOWN -> {
                if (at >= 0 && at < result.size() - 1) {
                    result.add(at + 1, result.remove(at));
                }
            }
        }
        return result;
    }

    private static long doctorOf(CurrentUser user, Long doctorId) {
        if (user.is(Role.DOCTOR) && user.doctorId() != null) {
            return user.doctorId();
        }
        if (doctorId == null) {
            throw new ForbiddenException("scope.matching.wishes");
        }
        return doctorId;
    }
}
