package dk.botilbudslaege.agreement;

import dk.botilbudslaege.security.CurrentUser;
import dk.botilbudslaege.security.CurrentUsers;
import dk.botilbudslaege.security.Role;
import dk.botilbudslaege.security.ScopePickers;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Issue 16 item 3 (i16-pickers): the searchable pickers of doctors and facilities. Each purpose offers exactly the
 * list the form it belongs to offered as a select (and checks on submit): the agreement form, the dispensation
 * application, the region's dispensation filter, and the scope fields of the user and API client administration.
 * Used by {@link PickerController} and, as {@code @pickers}, by {@code fragments/picker.html} (the current choice's
 * name; the matches when a page is searched without JavaScript). Not a public API.
 */
@Component("pickers")
public class Pickers {

    /** At most this many matches are shown. */
    public static final int LIMIT = 20;

    /** One match: the value the form submits, the name, and a hint (municipality, practice). */
    public record Pick(String value, String name, String hint) {}

    private final AgreementChoices choices;
    private final DispensationApplications applications;
    private final ScopePickers scopes;
    private final MessageSource messages;

    Pickers(
            AgreementChoices choices,
            DispensationApplications applications,
            ScopePickers scopes,
            MessageSource messages) {
        this.choices = choices;
        this.applications = applications;
        this.scopes = scopes;
        this.messages = messages;
    }

    /** Whether the kind ("facilities", "doctors") and purpose are known. */
    public static boolean known(String kind, String purpose) {
        return ("facilities".equals(kind) || "doctors".equals(kind))
                && List.of("agreement", "application", "dispensations", "scope").contains(purpose);
    }

    /**
     * At most {@link #LIMIT} of the signed-in user's choices whose name or hint contains every word of q; those whose
     * name has a word starting with q's first word first, then those whose name holds every word, then those found
     * by their hint (municipality or practice) only, each group in list order (review 17: "Skov" gave 20 facilities
     * in Favrskov and not Skovstjernen).
     */
    public List<Pick> find(String kind, String purpose, String q) {
        List<String> words = words(q);
        List<Pick> found = new ArrayList<>();
        for (Pick p : all(kind, purpose)) {
            String text = fold(p.name() + " " + (p.hint() == null ? "" : p.hint()));
            if (words.stream().allMatch(text::contains)) {
                found.add(p);
            }
        }
        found.sort(java.util.Comparator.comparingInt(p -> rank(p, words)));
        return found.size() > LIMIT ? List.copyOf(found.subList(0, LIMIT)) : found;
    }

    private static int rank(Pick p, List<String> words) {
        if (words.isEmpty()) {
            return 0;
        }
        String name = fold(p.name());
        if (!words.stream().allMatch(name::contains)) {
            return 2;
        }
        String first = words.get(0);
        return name.startsWith(first) || name.contains(" " + first) || name.contains("-" + first) ? 0 : 1;
    }

    /** Review 16 finding 5: the chosen items of a multi-choice picker that are the user's choices, in list order. */
    public List<Pick> chosen(String kind, String purpose, java.util.Collection<?> values) {
        if (values == null || values.isEmpty()) {
            return List.of();
        }
        java.util.Set<String> wanted = new java.util.HashSet<>();
        values.stream().filter(java.util.Objects::nonNull).forEach(v -> wanted.add(v.toString()));
        return all(kind, purpose).stream()
                .filter(p -> wanted.contains(p.value()))
                .toList();
    }

    /** The name of the current choice, or null if there is none or it is not one of the user's. */
    public String name(String kind, String purpose, Object value) {
        if (value == null || value.toString().isBlank()) {
            return null;
        }
        String v = value.toString();
        return all(kind, purpose).stream()
                .filter(p -> p.value().equals(v))
                .findFirst()
                .map(Pick::name)
                .orElse(null);
    }

    private List<Pick> all(String kind, String purpose) {
        Optional<CurrentUser> signedIn = CurrentUsers.current();
        if (signedIn.isEmpty() || !known(kind, purpose)) {
            return List.of();
        }
        CurrentUser user = signedIn.get();
        boolean facilities = "facilities".equals(kind);
        return switch (purpose) {
            case "agreement" ->
                facilities
                        ? agreementFacilities(user)
                        : user.is(Role.REGION) || user.is(Role.MUNICIPALITY) || user.is(Role.FACILITY)
                                ? doctors(user)
                                : List.of();
            case "application" ->
                facilities
                        ? applications.facilityOptions(user).stream()
                                .map(f -> new Pick(String.valueOf(f.id()), f.name(), f.municipalityName()))
                                .toList()
                        : user.is(Role.MUNICIPALITY) ? doctors(user) : List.of();
            case "dispensations" -> !facilities && user.is(Role.REGION) ? doctors(user) : List.of();
            case "scope" ->
                !scopes.mayPick(user)
                        ? List.of()
                        : (facilities ? scopes.facilities(user) : scopes.doctors(user))
                                .stream()
                                        .map(o -> new Pick(o.value(), o.name(), o.hint()))
                                        .toList();
            default -> List.of();
        };
    }

    private List<Pick> agreementFacilities(CurrentUser user) {
        Locale locale = LocaleContextHolder.getLocale();
        return choices.facilities(user).stream()
                .map(f -> new Pick(
                        String.valueOf(f.id()),
                        f.name(),
                        f.municipalityName()
                                + " · "
                                + messages.getMessage("agreement.residentsCount", new Object[] {f.residents()}, locale)
                                + (f.covered()
                                        ? " · " + messages.getMessage("agreement.facility.covered", null, locale)
                                        : "")
                                + (f.inScope()
                                        ? ""
                                        : " · " + messages.getMessage("facility.inScope.no", null, locale))))
                .toList();
    }

    private List<Pick> doctors(CurrentUser user) {
        Locale locale = LocaleContextHolder.getLocale();
        return choices.doctors(user, user.municipalityCode()).stream()
                .map(d -> new Pick(
                        String.valueOf(d.id()),
                        d.name(),
                        d.practiceName() + " (" + d.providerNumber() + ") · " + d.municipalityName()
                                + (d.activeAgreements() > 0
                                        ? " · "
                                                + messages.getMessage(
                                                        "agreement.doctor.roles",
                                                        new Object[] {d.activeAgreements()},
                                                        locale)
                                        : "")))
                .toList();
    }

    private static List<String> words(String q) {
        if (q == null) {
            return List.of();
        }
        String folded = fold(q.length() > 200 ? q.substring(0, 200) : q);
        return List.of(folded.split("\\s+")).stream()
                .filter(w -> !w.isEmpty())
                .filter(Objects::nonNull)
                .toList();
    }

    private static String fold(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    }
}
