package dk.botilbudslaege.registry;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The fields of a practice and a doctor that the region owns (SPEC §1, F3, F5, R2, R3): what the
 * payment file pays (provider number, VAT status), what limits fixed-doctor roles (capacities,
 * nursing-home doctor) and the clinic type. A doctor changes only the practice's contact details
 * (name, address, municipality in the region, location, open for new patients) and their own
 * doctor record's name; for the rest the doctor files a change request, which the region decides.
 */
final class RegionOwnedFields {

    /** The practice fields the region owns, as named in the API. */
    static final List<String> PRACTICE = List.of("providerNumber", "clinicType", "doctorCapacity", "vatRegistered");
    /** The doctor fields the region owns, as named in the API. */
    static final List<String> DOCTOR = List.of("nursingHomeDoctor", "capacities");

    private RegionOwnedFields() {}

    /** The region-owned fields whose submitted value differs from the practice's value now (nulls: not sent). */
    static List<String> changed(Practice current, PracticeForm form) {
        List<String> changed = new ArrayList<>();
        if (form.getProviderNumber() != null && !form.getProviderNumber().trim().equals(current.providerNumber())) {
            changed.add("providerNumber");
        }
        if (form.getClinicType() != null && form.getClinicType() != current.clinicType()) {
            changed.add("clinicType");
        }
        if (form.getDoctorCapacity() != null && form.getDoctorCapacity() != current.doctorCapacity()) {
            changed.add("doctorCapacity");
        }
        if (form.getVatRegistered() != null && form.getVatRegistered() != current.vatRegistered()) {
            changed.add("vatRegistered");
        }
        return changed;
    }

    /** Whether the submitted doctor changes the nursing-home flag or the capacities (null: not sent). */
    static boolean changed(Doctor current, DoctorForm form) {
        return !Objects.equals(Boolean.TRUE.equals(form.getNursingHomeDoctor()), current.nursingHomeDoctor())
                || (form.getCapacities() != null && form.getCapacities() != current.capacities());
    }
}
