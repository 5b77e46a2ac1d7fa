package dk.botilbudslaege.registry.importing;

import dk.botilbudslaege.common.BusyException;
import dk.botilbudslaege.common.ForbiddenException;
import dk.botilbudslaege.common.InvalidRowsException;
import dk.botilbudslaege.security.CurrentUser;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The import page (SPEC §2): templates to download, an upload form for facilities (region and
 * municipality) and one for practices and doctors (region), and after a refused file a table of
 * every bad row with its column and reason.
 */
@Controller
@RequestMapping("/import")
class ImportPageController {

    private static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);
    private static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final RegistryImport imports;
    private final MessageSource messages;

    ImportPageController(RegistryImport imports, MessageSource messages) {
        this.imports = imports;
        this.messages = messages;
    }

    /** A refused file's problem as the page lists it. */
    record ProblemLine(String row, String column, String message) {}

    @ModelAttribute("nav")
    String nav() {
        return "import";
    }

    /** The page; {@code ?error=fileTooLarge} when {@link ImportUploadLimit} turned an upload away. */
    @GetMapping
    String page(CurrentUser user, @RequestParam(required = false) String error, Model model) {
        requireImporter(user);
        if (ImportUploadLimit.TOO_LARGE.equals(error)) {
            model.addAttribute(
                    "problems",
                    List.of(new ProblemLine(
                            text("import.file.whole"),
                            "–",
                            text("import.file.tooLarge", ImportFile.MAX_BYTES / (1024 * 1024)))));
        }
        return show(user, model);
    }

    @PostMapping("/facilities")
    String importFacilities(
            CurrentUser user,
            @RequestParam(required = false) MultipartFile file,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        try {
            int count = imports.importFacilities(user, file);
            return imported(redirect, "facilities", text("import.success.facilities", count));
        } catch (InvalidRowsException e) {
            return refused(user, "facilities", file, e, model);
        } catch (BusyException e) {
            return busy(user, e, model, response);
        }
    }

    @PostMapping("/practices")
    String importPractices(
            CurrentUser user,
            @RequestParam(required = false) MultipartFile file,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        try {
            RegistryImport.PracticeCounts counts = imports.importPractices(user, file);
            return imported(
                    redirect, "practices", text("import.success.practices", counts.practices(), counts.doctors()));
        } catch (InvalidRowsException e) {
            return refused(user, "practices", file, e, model);
        } catch (BusyException e) {
            return busy(user, e, model, response);
        }
    }

    /** Two imports are running: the page again, 429, with the message and when to try again. */
    private String busy(CurrentUser user, BusyException e, Model model, HttpServletResponse response) {
        response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
        response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(e.retryAfterSeconds()));
        model.addAttribute("busy", text(e.messageKey()));
        return show(user, model);
    }

    /** {@code /import/templates/facilities.csv}, {@code .xlsx}, and the same for {@code practices}. */
    @GetMapping("/templates/{kind:facilities|practices}.{format:csv|xlsx}")
    ResponseEntity<byte[]> template(CurrentUser user, @PathVariable String kind, @PathVariable String format) {
        requireImporter(user);
        boolean facilities = kind.equals("facilities");
        List<ImportColumn> columns = facilities ? FacilityImport.COLUMNS : PracticeImport.COLUMNS;
        List<Object> example = facilities ? FacilityImport.EXAMPLE : PracticeImport.EXAMPLE;
        boolean csv = format.equals("csv");
        String filename = (facilities ? "botilbud" : "praksisser-og-laeger") + "-skabelon." + format;
        return ResponseEntity.ok()
                .contentType(csv ? CSV : XLSX)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(filename)
                                .build()
                                .toString())
                .body(csv ? ImportTemplates.csv(columns, example) : ImportTemplates.xlsx(columns, example));
    }

    private String imported(RedirectAttributes redirect, String kind, String message) {
        redirect.addFlashAttribute("flash", message);
        redirect.addFlashAttribute("imported", kind);
        return "redirect:/import";
    }

    private String refused(CurrentUser user, String kind, MultipartFile file, InvalidRowsException e, Model model) {
        Locale locale = LocaleContextHolder.getLocale();
        model.addAttribute("refusedKind", kind);
        model.addAttribute("refusedFile", file == null ? null : file.getOriginalFilename());
        model.addAttribute(
                "problems",
                e.problems().stream()
                        .map(p -> new ProblemLine(
                                p.row() == null ? text("import.file.whole") : String.valueOf(p.row()),
                                p.column() == null ? "–" : p.column(),
                                messages.getMessage(p.message(), locale)))
                        .toList());
        return show(user, model);
    }

    private String show(CurrentUser user, Model model) {
        model.addAttribute("canImportFacilities", RegistryImport.canImportFacilities(user));
        model.addAttribute("canImportPractices", RegistryImport.canImportPractices(user));
        model.addAttribute("facilityColumns", FacilityImport.COLUMNS);
        model.addAttribute("practiceColumns", PracticeImport.COLUMNS);
        model.addAttribute("maxMegabytes", ImportFile.MAX_BYTES / (1024 * 1024));
        model.addAttribute("maxRows", ImportFile.MAX_ROWS);
        return "import/page";
    }

    private static void requireImporter(CurrentUser user) {
        if (!RegistryImport.canImportFacilities(user)) {
            throw new ForbiddenException("scope.import.facilities");
        }
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, LocaleContextHolder.getLocale());
    }
}
