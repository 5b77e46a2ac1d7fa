package dk.botilbudslaege.agreement;

import dk.botilbudslaege.security.CurrentUser;
import dk.botilbudslaege.security.Users;
import dk.botilbudslaege.web.PdfRenderer;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The information form (oplysningsskema, SPEC §3) as a printable PDF, in Danish (English with
 * {@code ?lang=en} or, for the API, {@code Accept-Language: en}), for everyone who may read the
 * agreement. An agreement not filed yet prints as a marked draft from its current facts.
 */
@Controller
class InformationFormPdfController {

    private final Agreements agreements;
    private final InformationForms forms;
    private final Users users;
    private final PdfRenderer pdfs;

    InformationFormPdfController(Agreements agreements, InformationForms forms, Users users, PdfRenderer pdfs) {
        this.agreements = agreements;
        this.forms = forms;
        this.users = users;
        this.pdfs = pdfs;
    }

    @GetMapping({"/api/v1/agreements/{id}/information-form.pdf", "/agreements/{id}/information-form.pdf"})
    ResponseEntity<byte[]> informationForm(CurrentUser user, @PathVariable long id, Locale locale) {
        Agreement agreement = agreements.get(user, id);
        Optional<InformationForm> filed = forms.find(id);
        InformationFormSheet sheet = InformationFormSheet.of(
                agreement,
                filed.orElseGet(() -> forms.preview(agreement)),
                filed.isPresent(),
                username -> users.displayName(username).orElse(username),
                LocalDate.now(InformationFormSheet.DANISH_TIME),
                forms.hourlyRateOn(LocalDate.now()));
        byte[] pdf = pdfs.render("pdf/information-form", Map.of("sheet", sheet), locale);
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename("oplysningsskema-" + id + ".pdf")
                                .build()
                                .toString())
                .body(pdf);
    }
}
