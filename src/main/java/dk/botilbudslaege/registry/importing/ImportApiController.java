package dk.botilbudslaege.registry.importing;

import dk.botilbudslaege.security.CurrentUser;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * {@code POST /api/v1/facilities/import} and {@code POST /api/v1/practices/import}: a CSV or XLSX
 * file as the multipart field {@code file} (SPEC §2). 200 with what was created, or 400
 * {@code IMPORT_FAILED} with every bad row's {@code row}, {@code field}, {@code column} and
 * {@code message}, and then nothing is imported.
 */
@RestController
@RequestMapping("/api/v1")
class ImportApiController {

    private final RegistryImport imports;

    ImportApiController(RegistryImport imports) {
        this.imports = imports;
    }

    /** {@code {imported: n}}. */
    @PostMapping("/facilities/import")
    Map<String, Integer> facilities(CurrentUser user, @RequestParam(required = false) MultipartFile file) {
        return Map.of("imported", imports.importFacilities(user, file));
    }

    /** {@code {practices: n, doctors: m}}. */
    @PostMapping("/practices/import")
    Map<String, Integer> practices(CurrentUser user, @RequestParam(required = false) MultipartFile file) {
        RegistryImport.PracticeCounts counts = imports.importPractices(user, file);
        Map<String, Integer> body = new LinkedHashMap<>();
        body.put("practices", counts.practices());
        body.put("doctors", counts.doctors());
        return body;
    }
}
