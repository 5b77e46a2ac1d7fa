package dk.botilbudslaege.matching;

import dk.botilbudslaege.common.ForbiddenException;
import dk.botilbudslaege.common.PageRequest;
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

    /** Issue 16: the page sizes of the openings table, and the distances its filter offers. */
    static final List<Integer> PAGE_SIZES = List.of(10, 25, 50);

    static final List<Integer> DISTANCES = List.of(10, 25, 50, 100);

    /**
     * Issue 16 item 6: the openings table's filters (municipality, distance from the practice, legal basis) and
     * page, all kept in the URL.
     */
    record OpeningFilter(String municipality, Integer maxKm, String legalBasis, int page, int size) {

        /**
         * As typed into the address bar, never refused (like {@link PageRequest#forPage}): a page or size that is not
         * a number, or out of range, is page 1 or the first size; a page past the end is the last (in {@link
         * OpeningPage#of}).
         */
        static OpeningFilter of(String municipality, String maxKm, String legalBasis, String page, String size) {
            int km = PageRequest.parse(maxKm, 0);
            int p = PageRequest.parse(page, 1);
            int s = PageRequest.parse(size, 0);
            return new OpeningFilter(
                    municipality == null || municipality.isBlank() ? null : municipality.strip(),
                    DISTANCES.contains(km) ? km : null,
                    legalBasis == null || legalBasis.isBlank() ? null : legalBasis.strip(),
                    Math.max(p, 1),
                    PAGE_SIZES.contains(s) ? s : PAGE_SIZES.get(0));
        }

        boolean keeps(Offers.NearOpening o) {
            return (municipality == null || municipality.equals(o.municipalityCode()))
                    && (maxKm == null || (o.distanceKm() != null && o.distanceKm() <= maxKm))
                    && (legalBasis == null || legalBasis.equals(o.legalBasis()));
        }

        public boolean any() {
            return municipality != null || maxKm != null || legalBasis != null;
        }

        /** The query of this filter with another page (1-based), for the page links. */
        public String query(int toPage) {
            StringBuilder q = new StringBuilder();
            if (municipality != null) {
                q.append("&municipality=").append(encode(municipality));
            }
            if (maxKm != null) {
                q.append("&maxKm=").append(maxKm);
            }
            if (legalBasis != null) {
                q.append("&legalBasis=").append(encode(legalBasis));
            }
            q.append("&size=").append(size).append("&page=").append(toPage);
            return q.toString();
        }

        private static String encode(String value) {
            return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    /** One page of the filtered openings: which rows, of how many, and the page numbers to link to. */
    record OpeningPage(List<Offers.NearOpening> rows, int total, int page, int pages, int first, int last) {

        static OpeningPage of(List<Offers.NearOpening> all, OpeningFilter filter) {
            int pages = Math.max(1, (all.size() + filter.size() - 1) / filter.size());
            int page = Math.min(filter.page(), pages);
            int from = (page - 1) * filter.size(); // page ≤ pages, so no overflow
            int to = Math.min(all.size(), from + filter.size());
            return new OpeningPage(all.subList(from, to), all.size(), page, pages, from + 1, to);
        }

        public List<Integer> numbers() {
            return java.util.stream.IntStream.rangeClosed(1, pages).boxed().toList();
        }
    }

    @GetMapping("/wishes")
    String wishes(
            CurrentUser user,
            @RequestParam(required = false) Long doctorId,
            @RequestParam(required = false) String municipality,
            @RequestParam(required = false) String maxKm,
            @RequestParam(required = false) String legalBasis,
            @RequestParam(required = false) String page,
            @RequestParam(required = false) String size,
            Model model) {
        long doctor = doctorOf(user, doctorId);
        List<RankedLists.Wish> wished = lists.wishEntries(user, doctor);
        List<Offers.NearOpening> near = offers.near(doctor);
        OpeningFilter filter = OpeningFilter.of(municipality, maxKm, legalBasis, page, size);
        java.text.Collator danish = java.text.Collator.getInstance(java.util.Locale.forLanguageTag("da"));
        // the filter's choices: the municipalities and legal bases that the openings have
        java.util.Map<String, String> municipalities = new java.util.TreeMap<>();
        near.forEach(o -> municipalities.put(o.municipalityCode(), o.municipalityName()));
        model.addAttribute(
                "municipalityChoices",
                municipalities.entrySet().stream()
                        .sorted(java.util.Map.Entry.comparingByValue(danish))
                        .toList());
        model.addAttribute(
                "legalBasisChoices",
                near.stream()
                        .map(Offers.NearOpening::legalBasis)
                        .filter(java.util.Objects::nonNull)
                        .distinct()
                        .sorted()
                        .toList());
        model.addAttribute("distances", DISTANCES);
        model.addAttribute("pageSizes", PAGE_SIZES);
        model.addAttribute("filter", filter);
        model.addAttribute("doctorId", doctor);
        model.addAttribute("doctorParam", user.is(Role.DOCTOR) ? "" : "doctorId=" + doctor);
        model.addAttribute("doctorName", lists.doctorName(doctor));
        model.addAttribute("openingCount", near.size());
        model.addAttribute(
                "openingPage",
                OpeningPage.of(near.stream().filter(filter::keeps).toList(), filter));
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
            @RequestParam(required = false) String municipality,
            @RequestParam(required = false) String maxKm,
            @RequestParam(required = false) String legalBasis,
            @RequestParam(required = false) String page,
            @RequestParam(required = false) String size,
            RedirectAttributes redirect) {
        save(
                redirect,
                () -> lists.replaceWishes(user, doctorId, moved(lists.wishes(user, doctorId), facilityId, move)));
        // issue 16: back to the same filtered page of openings
        OpeningFilter filter = OpeningFilter.of(municipality, maxKm, legalBasis, page, size);
        boolean plain = !filter.any() && filter.page() == 1 && filter.size() == PAGE_SIZES.get(0);
        String query =
                (user.is(Role.DOCTOR) ? "" : "&doctorId=" + doctorId) + (plain ? "" : filter.query(filter.page()));
        return "redirect:/matching/wishes" + (query.isEmpty() ? "" : "?" + query.substring(1));
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
