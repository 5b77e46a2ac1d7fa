package dk.botilbudslaege.registry;

import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Reference data for every signed-in caller: regions and municipalities with their official codes. */
@RestController
@RequestMapping("/api/v1")
class ReferenceApiController {

    private final ReferenceData reference;

    ReferenceApiController(ReferenceData reference) {
        this.reference = reference;
    }

    @GetMapping("/regions")
    List<Region> regions() {
        return reference.regions();
    }

    @GetMapping("/municipalities")
    List<Municipality> municipalities() {
        return reference.municipalities();
    }
}
